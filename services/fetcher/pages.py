"""Fetching one article page into a :class:`FetchedPage`, with bounded retries."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import random
from datetime import UTC, datetime

from schemas import DiscoveredUrl, FetchedPage
from services.common.errors import TransientError
from services.common.settings import FetcherSettings
from services.common.urls import article_id
from services.fetcher.charset import decode_body
from services.fetcher.errors import UnsupportedContent
from services.fetcher.http import HttpFetcher, check_status

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _check_content_type(content_type: str | None, url: str) -> None:
    media = (content_type or "").split(";")[0].strip().lower()
    if media and media not in _HTML_TYPES:
        raise UnsupportedContent(f"content type {media!r} is not HTML: {url}")


async def fetch_page(http: HttpFetcher, discovered: DiscoveredUrl, settings: FetcherSettings) -> FetchedPage:
    """Fetch ``discovered.url``; retry transient failures ``max_retries`` times with jittered backoff."""
    attempt = 0
    while True:
        attempt += 1
        try:
            return await _fetch_once(http, discovered, settings)
        except TransientError as exc:
            if attempt > settings.max_retries:
                raise
            delay = min(settings.retry_backoff_s * 2 ** (attempt - 1), 30.0) * (0.5 + random.random())  # noqa: S311
            log.info("retrying %s in %.1fs after %s", discovered.url, delay, exc)
            await asyncio.sleep(delay)


async def _fetch_once(http: HttpFetcher, discovered: DiscoveredUrl, settings: FetcherSettings) -> FetchedPage:
    fetched_at = datetime.now(UTC)
    response = await http.get(
        discovered.url,
        max_bytes=settings.max_body_bytes,
        headers={"Accept": "text/html,application/xhtml+xml"},
    )
    check_status(response)
    content_type = response.headers.get("content-type")
    _check_content_type(content_type, response.final_url)
    html, encoding, source = decode_body(response.body, content_type)
    return FetchedPage(
        article_id=article_id(discovered.canonical_url),
        url=discovered.url,
        canonical_url=discovered.canonical_url,
        final_url=response.final_url,
        feed_url=discovered.feed_url,
        status=response.status,
        headers=response.headers,
        encoding=encoding,
        encoding_source=source,
        html=html,
        html_sha256=hashlib.sha256(response.body).hexdigest(),
        body_bytes=len(response.body),
        fetched_at=fetched_at,
        elapsed_ms=response.elapsed_ms,
    )
