"""The sink: topics -> hive-partitioned Parquet, exactly once per (topic, partition, offset)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from services.common.metrics import ServiceMetrics
    from services.common.settings import Settings
    from services.sink.app import SinkService
    from services.sink.storage import Storage


def build(
    settings: Settings, metrics: ServiceMetrics | None = None, storage: Storage | None = None
) -> SinkService:
    """The sink service (imported on use, so reading ``services.sink.queries`` does not load
    the Kafka client)."""
    from services.sink.app import build as build_sink

    return build_sink(settings, metrics, storage)


__all__ = ["build"]
