"""The extractor: clean article text, metadata and event mentions from fetched pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import faust

    from services.common.metrics import ServiceMetrics
    from services.common.settings import Settings


def build(settings: Settings, metrics: ServiceMetrics | None = None) -> faust.App:
    """The extractor's faust app (imported on use, so ``python -m services.extractor.events.places``
    does not load the whole service first)."""
    from services.extractor.app import build as build_app

    return build_app(settings, metrics)


__all__ = ["build"]
