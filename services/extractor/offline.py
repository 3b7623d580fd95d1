"""``newswire extract``: saved HTML files through the same extraction path as the stream."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Callable
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from schemas import FetchedPage
from services.common.errors import NewswireError
from services.common.settings import ExtractorSettings
from services.common.urls import article_id, canonicalize
from services.extractor.app import ArticleExtractor
from services.extractor.metadata import read_metadata
from services.extractor.parsing import parse_page

Decoder = Callable[[bytes, str | None], tuple[str, str, str]]


def page_url(html: str) -> str | None:
    """The page's own canonical link or og:url."""
    tree = parse_page(html)
    return read_metadata(tree, None).canonical_url if tree is not None else None


def saved_page(
    path: Path, body: bytes, html: str, encoding: str, source: str, *, url: str | None, saved_at: datetime
) -> FetchedPage:
    final_url = url or page_url(html) or path.resolve().as_uri()
    canonical = canonicalize(final_url) if final_url.startswith(("http://", "https://")) else final_url
    return FetchedPage(
        article_id=article_id(canonical),
        url=final_url,
        canonical_url=canonical,
        final_url=final_url,
        status=200,
        headers={},
        encoding=encoding,
        encoding_source=source,  # type: ignore[arg-type]
        html=html,
        html_sha256=hashlib.sha256(body).hexdigest(),
        body_bytes=len(body),
        fetched_at=saved_at,
        elapsed_ms=0,
    )


async def extract_files(
    paths: list[Path],
    settings: ExtractorSettings,
    decode: Decoder,
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
                html, encoding, source = decode(body, None)
                saved_at = (
                    datetime.combine(published_at, time(), tzinfo=UTC)
                    if published_at
                    else datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
                )
                page = saved_page(path, body, html, encoding, source, url=url, saved_at=saved_at)
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
