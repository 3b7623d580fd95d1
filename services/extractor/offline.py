"""``newswire extract``: saved HTML files through the same extraction path as the stream."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from schemas import FetchedPage
from services.common.errors import NewswireError
from services.common.pages import page_from_body, with_url
from services.common.settings import ExtractorSettings
from services.extractor.app import ArticleExtractor
from services.extractor.metadata import read_metadata
from services.extractor.parsing import parse_page


def page_url(html: str) -> str | None:
    """The page's own canonical link or og:url."""
    tree = parse_page(html)
    return read_metadata(tree, None).canonical_url if tree is not None else None


def saved_page(path: Path, body: bytes, *, url: str | None, saved_at: datetime) -> FetchedPage:
    """A saved file as a fetched page: its URL is ``url``, else the page's own canonical link,
    else the file's URI."""
    page = page_from_body(url or path.resolve().as_uri(), body, fetched_at=saved_at)
    found = None if url else page_url(page.html)
    return with_url(page, found) if found else page


async def extract_files(
    paths: list[Path],
    settings: ExtractorSettings,
    *,
    url: str | None = None,
    published_at: date | None = None,
) -> AsyncIterator[dict[str, Any]]:
    """One result per file: ``{"path", "article", "events", "error"}``; ``events`` are the
    article's ``EventMention`` records (not linked: linking is the linker's).

    ``published_at`` stands for the time the file was saved: it is the date used
    (as ``crawl_time``) when the page itself declares none; by default the file's mtime.
    """
    extractor = ArticleExtractor(settings)
    try:
        for path in paths:
            result: dict[str, Any] = {"path": str(path), "article": None, "events": [], "error": None}
            try:
                body = path.read_bytes()
                saved_at = (
                    datetime.combine(published_at, time(), tzinfo=UTC)
                    if published_at
                    else datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
                )
                page = saved_page(path, body, url=url, saved_at=saved_at)
                extracted = await extractor.extract(page)
                result["article"] = extracted.article.model_dump(mode="json")
                result["events"] = list(extracted.events)
            except NewswireError as exc:
                result["error"] = {"kind": getattr(exc, "reason", type(exc).__name__), "message": str(exc)}
            except OSError as exc:
                result["error"] = {"kind": "unreadable", "message": str(exc)}
            yield result
    finally:
        extractor.close()
