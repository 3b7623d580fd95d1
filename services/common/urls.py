"""Canonical URLs and the article id derived from them."""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit

from courlan import normalize_url


def canonicalize(url: str) -> str:
    """Canonical form of ``url`` for dedup: lower-case scheme and host, no default port,
    no fragment, no tracking parameters (utm_*, fbclid, gclid, ...); parameters that
    identify the article are kept (courlan's non-strict query cleaning)."""
    normalized = normalize_url(url.strip(), strict=False)
    parts = urlsplit(normalized)
    fragment = parts.fragment if parts.fragment.startswith("!") else ""  # keep #! routes
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, fragment))


def article_id(canonical_url: str) -> str:
    """Stable id of an article: the first 32 hex digits of sha256(canonical URL)."""
    return hashlib.sha256(canonical_url.encode("utf-8")).hexdigest()[:32]


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
