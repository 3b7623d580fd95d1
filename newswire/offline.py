"""Offline extraction of saved pages: the same path as the stream, no broker needed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from services.common.settings import ExtractorSettings


async def extract_files(
    paths: list[Path],
    *,
    url: str | None = None,
    published_at: date | None = None,
    settings: ExtractorSettings | None = None,
) -> AsyncIterator[dict[str, Any]]:
    """One result per file, in order: ``{"path", "article", "events", "error"}``.

    ``article`` is the ``Article`` record as JSON-ready data (``None`` when the file failed),
    ``events`` its ``EventMention`` records (not linked across files), ``error`` a
    ``{"kind", "message"}`` when the file could not be read or extracted. Bodies are decoded
    as the fetcher decodes them. ``published_at`` stands for when the files were saved (the
    date used when a page declares none; by default each file's mtime)."""
    # Imported here: importing the package for its contracts must not start the extractor's stack.
    from services.common.settings import ExtractorSettings
    from services.extractor.offline import extract_files as extract

    async for result in extract(paths, settings or ExtractorSettings(), url=url, published_at=published_at):
        yield result
