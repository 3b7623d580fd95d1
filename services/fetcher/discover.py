"""``newswire feeds discover URL``: find a site's feeds and sitemaps, and check each one."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego
from trafilatura.feeds import FeedParameters, determine_feed

from services.common.charset import decode_body
from services.common.errors import NewswireError
from services.common.settings import FetcherSettings
from services.fetcher.http import HttpFetcher, check_status
from services.fetcher.sources import SourceKind, parse_source

log = logging.getLogger(__name__)

_SITEMAP_GUESSES = ("/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml")


@dataclass(frozen=True)
class Candidate:
    url: str
    found_in: str  # "html", "robots.txt" or "guess"
    kind: SourceKind | None = None
    entries: int = 0
    error: str | None = None


async def _candidates(http: HttpFetcher, site_url: str, settings: FetcherSettings) -> list[tuple[str, str]]:
    parts = urlsplit(site_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    found: dict[str, str] = {}
    try:
        page = await http.get(site_url, max_bytes=settings.max_body_bytes)
        check_status(page)
        html, _, _ = decode_body(page.body, page.headers.get("content-type"))
        params = FeedParameters(origin, parts.hostname or "", site_url)
        for url in determine_feed(html, params):
            found.setdefault(url, "html")
    except NewswireError as exc:
        log.warning("cannot read %s: %s", site_url, exc)
    try:
        robots = await http.get(f"{origin}/robots.txt", max_bytes=settings.robots_max_bytes, truncate=True)
        if robots.status < 300:
            for url in Protego.parse(robots.body.decode("utf-8", "replace")).sitemaps:
                found.setdefault(url, "robots.txt")
    except NewswireError as exc:
        log.warning("cannot read %s/robots.txt: %s", origin, exc)
    for path in _SITEMAP_GUESSES:
        found.setdefault(origin + path, "guess")
    return list(found.items())


async def discover(http: HttpFetcher, site_url: str, settings: FetcherSettings) -> list[Candidate]:
    """Feeds and sitemaps of ``site_url``, each fetched and parsed to tell whether it works."""
    results = []
    for url, found_in in await _candidates(http, site_url, settings):
        try:
            response = await http.get(url, max_bytes=settings.max_feed_bytes)
            check_status(response)
            parsed = parse_source(response.body, url)
        except NewswireError as exc:
            if found_in != "guess":  # a guessed sitemap that is not there is no news
                results.append(Candidate(url, found_in, error=f"{type(exc).__name__}: {exc}"))
            continue
        count = len(parsed.entries) or len(parsed.children)
        results.append(Candidate(url, found_in, parsed.kind, count))
    return results
