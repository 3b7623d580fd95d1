"""Running the fetcher's page and feed machinery against real loopback servers (no broker needed)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from schemas import DiscoveredUrl, FetchedPage
from services.common.settings import FetcherSettings
from services.common.urls import canonicalize, host_of
from services.fetcher.http import HttpFetcher
from services.fetcher.pages import PageFetcher
from tests.factories import T0

T = TypeVar("T")


def settings(**overrides: Any) -> FetcherSettings:
    base: dict[str, Any] = {
        "allow_private_networks": True,
        "host_rate_per_s": 0,
        "retry_backoff_s": 0.05,
        "total_timeout_s": 10,
    }
    return FetcherSettings(**{**base, **overrides})


def url_record(url: str) -> DiscoveredUrl:
    canonical = canonicalize(url)
    return DiscoveredUrl(url=url, canonical_url=canonical, host=host_of(canonical), discovered_at=T0)


def with_pages(fetcher_settings: FetcherSettings, body: Callable[[PageFetcher], Awaitable[T]]) -> T:
    async def go() -> T:
        http = HttpFetcher(fetcher_settings)
        try:
            return await body(PageFetcher(http, fetcher_settings))
        finally:
            await http.aclose()

    return asyncio.run(go())


def outcome(fetcher_settings: FetcherSettings, url: str) -> FetchedPage | Exception:
    """Exactly one outcome per URL: the page, or the typed error it ended in."""

    async def one(pages: PageFetcher) -> FetchedPage | Exception:
        try:
            return await pages.fetch(url_record(url))
        except Exception as exc:
            return exc

    return with_pages(fetcher_settings, one)
