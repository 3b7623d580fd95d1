"""The one place a ``FetchedPage`` is built from body bytes: live fetch, ingest and offline files.

Building it in one place keeps the three paths identical where it matters for replay: the
body is decoded the same way (BOM, declared charset, detection), ``article_id`` is always
derived from the canonical URL, and ``html_sha256`` is always over the undecoded bytes.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from schemas import FetchedPage
from services.common.charset import decode_body
from services.common.urls import article_id, canonicalize


def _canonical(url: str) -> str:
    """The canonical form of an http(s) URL; any other URL (a file: URI) as it is."""
    return canonicalize(url) if url.startswith(("http://", "https://")) else url


def page_from_body(
    url: str,
    body: bytes,
    *,
    fetched_at: datetime,
    canonical_url: str | None = None,
    final_url: str | None = None,
    status: int = 200,
    headers: dict[str, str] | None = None,
    feed_url: str | None = None,
    elapsed_ms: int = 0,
) -> FetchedPage:
    """The page record of ``body`` fetched from ``url`` (``canonical_url``: by default the
    canonical form of an http(s) URL, the URL itself otherwise, e.g. a file: URI)."""
    headers = headers or {}
    if canonical_url is None:
        canonical_url = _canonical(url)
    html, encoding, source = decode_body(body, headers.get("content-type"))
    return FetchedPage(
        article_id=article_id(canonical_url),
        url=url,
        canonical_url=canonical_url,
        final_url=final_url or url,
        feed_url=feed_url,
        status=status,
        headers=headers,
        encoding=encoding,
        encoding_source=source,
        html=html,
        html_sha256=hashlib.sha256(body).hexdigest(),
        body_bytes=len(body),
        fetched_at=fetched_at,
        elapsed_ms=elapsed_ms,
    )


def article_id_of(url: str) -> str:
    """The ``article_id`` of a page fetched from ``url``: the hash of its canonical form."""
    return article_id(_canonical(url))


def with_url(page: FetchedPage, url: str) -> FetchedPage:
    """``page`` as fetched from ``url`` (a saved file whose own canonical link names it)."""
    return page.model_copy(
        update={
            "url": url,
            "final_url": url,
            "canonical_url": _canonical(url),
            "article_id": article_id_of(url),
        }
    )
