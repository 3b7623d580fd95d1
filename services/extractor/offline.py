"""``newswire extract``: saved HTML files through the same extraction path as the stream.

Files are read and handed to the worker pool ahead of the one being finished, at most
``2 x workers`` of them, so a worker never waits for the parent to read a file or write a line,
and memory stays bounded whatever the number of files. Results are finished (near-duplicate
marking needs the files' order: the first copy of a story is the original) and yielded in order.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from schemas import FetchedPage
from services.common.errors import NewswireError
from services.common.pages import page_from_body
from services.common.settings import ExtractorSettings
from services.extractor.articles import ArticleExtractor
from services.extractor.extract import Extraction


@dataclass
class _Job:
    path: Path
    page: FetchedPage | None = None
    running: asyncio.Task[Extraction] | None = None
    error: dict[str, str] | None = None


def _saved_at(path: Path, published_at: date | None) -> datetime:
    if published_at:
        return datetime.combine(published_at, time(), tzinfo=UTC)
    return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)


def _error(exc: Exception) -> dict[str, str]:
    kind = "unreadable" if isinstance(exc, OSError) else getattr(exc, "reason", type(exc).__name__)
    return {"kind": kind, "message": str(exc)}


async def extract_files(
    paths: list[Path],
    settings: ExtractorSettings,
    *,
    url: str | None = None,
    published_at: date | None = None,
) -> AsyncIterator[dict[str, Any]]:
    """One result per file, in order: ``{"path", "article", "events", "error"}``; ``events`` are
    the article's ``EventMention`` records (not linked: linking is the linker's).

    A file's URL is ``url``, else the page's own canonical link (read by the worker from the
    tree it parses anyway), else the file's URI. ``published_at`` stands for the time the file
    was saved: it is the date used (as ``crawl_time``) when the page itself declares none; by
    default the file's mtime.
    """
    extractor = ArticleExtractor(settings)
    ahead = 2 * settings.workers

    def start(path: Path) -> _Job:
        try:
            page = page_from_body(
                url or path.resolve().as_uri(), path.read_bytes(), fetched_at=_saved_at(path, published_at)
            )
        except OSError as exc:
            return _Job(path, error=_error(exc))
        running = asyncio.ensure_future(extractor.run(page, url_from_page=url is None))
        return _Job(path, page, running)

    async def finish(job: _Job) -> dict[str, Any]:
        result: dict[str, Any] = {"path": str(job.path), "article": None, "events": [], "error": job.error}
        if job.running is None or job.page is None:
            return result
        try:
            extracted = extractor.finish(job.page, await job.running)
        except NewswireError as exc:
            result["error"] = _error(exc)
            return result
        result["article"] = extracted.article.model_dump(mode="json")
        result["events"] = list(extracted.events)
        return result

    jobs: deque[_Job] = deque()
    try:
        for path in paths:
            jobs.append(start(path))
            if len(jobs) >= ahead:
                yield await finish(jobs.popleft())
        while jobs:
            yield await finish(jobs.popleft())
    finally:
        for job in jobs:  # the caller stopped early: nothing is left running in the pool
            if job.running is not None:
                job.running.cancel()
        extractor.close()
