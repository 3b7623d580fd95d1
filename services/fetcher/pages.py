"""Fetching one article URL into a :class:`FetchedPage`: robots.txt, politeness, retries, a deadline."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime

from schemas import DiscoveredUrl, FetchedPage
from services.common.errors import NewswireError, TransientError
from services.common.pages import page_from_body
from services.common.settings import FetcherSettings
from services.common.urls import host_of
from services.fetcher.body import looks_compressed
from services.fetcher.errors import (
    FetchTimeout,
    RobotsDisallowed,
    RobotsUnreachable,
    ServerError,
    UnsupportedContent,
)
from services.fetcher.http import HttpFetcher, check_status
from services.fetcher.metrics import FetcherMetrics
from services.fetcher.politeness import Politeness
from services.fetcher.robots import RobotsCache

log = logging.getLogger(__name__)


class PageFetcher:
    """Everything between a discovered URL and its ``pages`` record (or typed failure)."""

    def __init__(
        self,
        http: HttpFetcher,
        settings: FetcherSettings,
        *,
        politeness: Politeness | None = None,
        robots: RobotsCache | None = None,
        metrics: FetcherMetrics | None = None,
    ) -> None:
        self.http = http
        self.settings = settings
        self.metrics = metrics or FetcherMetrics()
        self.politeness = politeness or Politeness(
            rate_per_s=settings.host_rate_per_s,
            concurrency=settings.host_concurrency,
            max_crawl_delay_s=settings.max_crawl_delay_s,
        )
        self.robots = robots or RobotsCache(http, settings, around_fetch=self._robots_slot)

    @asynccontextmanager
    async def _robots_slot(self, origin: str) -> AsyncIterator[None]:
        """A robots.txt request is a request to the host like any other."""
        self.metrics.robots_fetches.inc()
        async with self.politeness.limiter(host_of(origin)).slot(self.politeness.min_interval_s):
            yield

    async def fetch(self, discovered: DiscoveredUrl) -> FetchedPage:
        """Fetch with up to ``max_retries`` retries of transient failures, within ``url_deadline_s``."""
        started = time.monotonic()
        deadline = started + self.settings.url_deadline_s
        attempt = 0
        while True:
            attempt += 1
            try:
                async with asyncio.timeout(max(0.0, deadline - time.monotonic())):
                    page = await self._fetch_once(discovered)
                self.metrics.latency.observe(time.monotonic() - started)
                self.metrics.bytes.inc(page.body_bytes)
                return page
            except TimeoutError as exc:
                raise FetchTimeout(
                    f"{discovered.url}: no page within {self.settings.url_deadline_s}s"
                ) from exc
            except TransientError as exc:
                delay = self._plan_retry(attempt, exc)
                if attempt > self.settings.max_retries or time.monotonic() + delay > deadline:
                    raise
                self.metrics.retries.labels(getattr(exc, "reason", "transient")).inc()
                log.info("retry %d of %s in %.1fs after %s", attempt, discovered.url, delay, exc)
                await asyncio.sleep(delay)

    def _plan_retry(self, attempt: int, exc: TransientError) -> float:
        """Seconds to wait before the next attempt; a Retry-After also pauses the whole host."""
        backoff = min(self.settings.retry_backoff_s * 2 ** (attempt - 1), 60.0)
        delay = backoff * (0.5 + random.random())  # noqa: S311 - jitter, not cryptography
        if isinstance(exc, ServerError) and exc.retry_after_s is not None:
            wait = min(exc.retry_after_s, self.settings.retry_after_cap_s)
            self.politeness.limiter(host_of(exc.url)).pause_until(self.politeness.now() + wait)
            delay = max(delay, wait)
        if isinstance(exc, RobotsUnreachable) and exc.retry_at is not None:
            # retrying before the robots.txt is fetched again would meet the same cached answer
            delay = max(delay, exc.retry_at - self.robots.now() + 0.1)
        return delay

    async def _check_robots(self, url: str) -> float | None:
        """Raise unless robots.txt allows ``url``; return the host's Crawl-delay."""
        try:
            allowed, crawl_delay = await self.robots.check(url)
        except NewswireError:
            self.metrics.robots.labels("unreachable").inc()
            raise
        self.metrics.robots.labels("allow" if allowed else "disallow").inc()
        if not allowed:
            raise RobotsDisallowed(f"robots.txt disallows {url}")
        return crawl_delay

    async def _fetch_once(self, discovered: DiscoveredUrl) -> FetchedPage:
        url = discovered.url
        intervals = {url: self.politeness.interval(await self._check_robots(url))}

        async def redirect_hop(hop_url: str) -> None:
            if hop_url not in intervals:  # robots.txt of the redirect target's host too
                intervals[hop_url] = self.politeness.interval(await self._check_robots(hop_url))

        def host_slot(hop_url: str) -> AbstractAsyncContextManager[None]:
            # each hop waits for its own host's slot, and holds it for its own request only: the
            # robots.txt check of the next hop (another origin, maybe the same host) runs outside
            return self.politeness.limiter(host_of(hop_url)).slot(intervals[hop_url])

        fetched_at = datetime.now(UTC)
        response = await self.http.get(
            url,
            max_bytes=self.settings.max_body_bytes,
            headers={"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"},
            before_hop=redirect_hop,
            around_hop=host_slot,
        )
        check_status(response)
        content_type = response.headers.get("content-type")
        media = (content_type or "").split(";")[0].strip().lower()
        if media and media not in self.settings.allowed_content_types:
            raise UnsupportedContent(f"content type {media!r} is not allowed: {response.final_url}")
        if looks_compressed(response.body):
            raise UnsupportedContent(
                f"undeclared compressed body (an archive, not a page): {response.final_url}"
            )
        return page_from_body(
            url,
            response.body,
            fetched_at=fetched_at,
            canonical_url=discovered.canonical_url,
            final_url=response.final_url,
            status=response.status,
            headers=response.headers,
            feed_url=discovered.feed_url,
            elapsed_ms=response.elapsed_ms,
        )
