"""Per-host politeness: a request-spacing token bucket plus a concurrency cap.

``urls`` is keyed by host, so one fetcher worker owns all of a host's URLs and
its limiter: no cross-worker coordination is needed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


class HostLimiter:
    """Spaces requests to one host by at least ``interval_s`` and runs at most ``concurrency`` at once.

    A token bucket of size one: each request reserves the next free slot, so
    waiting requests are served in order, ``interval_s`` apart, and no request
    starts sooner than ``interval_s`` after the previous one was answered.
    """

    def __init__(
        self, *, concurrency: int, clock: Clock = time.monotonic, sleep: Sleep = asyncio.sleep
    ) -> None:
        self._semaphore = asyncio.Semaphore(concurrency)
        self._lock = asyncio.Lock()
        self._next_at = 0.0
        self._clock = clock
        self._sleep = sleep

    @asynccontextmanager
    async def slot(self, interval_s: float) -> AsyncIterator[None]:
        async with self._semaphore:
            async with self._lock:
                now = self._clock()
                start = max(now, self._next_at)
                self._next_at = start + interval_s
            if start > now:
                await self._sleep(start - now)
            try:
                yield
            finally:
                # Also space from when this request was answered: a slow first connection must
                # not let the next request follow it closer than the interval.
                self._next_at = max(self._next_at, self._clock() + interval_s)

    def pause_until(self, when: float) -> None:
        """No request to this host before ``when`` (clock time): Retry-After."""
        self._next_at = max(self._next_at, when)


class Politeness:
    """The limiters of every host this worker talks to."""

    def __init__(
        self,
        *,
        rate_per_s: float,
        concurrency: int,
        max_crawl_delay_s: float = 60.0,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.min_interval_s = 0.0 if rate_per_s <= 0 else 1.0 / rate_per_s  # rate 0 = politeness off
        self._concurrency = concurrency
        self.max_crawl_delay_s = max_crawl_delay_s
        self._clock = clock
        self._sleep = sleep
        self._hosts: dict[str, HostLimiter] = {}

    def limiter(self, host: str) -> HostLimiter:
        limiter = self._hosts.get(host)
        if limiter is None:
            limiter = self._hosts[host] = HostLimiter(
                concurrency=self._concurrency, clock=self._clock, sleep=self._sleep
            )
        return limiter

    def interval(self, crawl_delay_s: float | None) -> float:
        """Spacing for a host: our rate, or its robots.txt Crawl-delay when that is longer, capped
        at ``max_crawl_delay_s`` (a Crawl-delay of 1e308 must not hold a batch until its deadline)."""
        return max(self.min_interval_s, min(crawl_delay_s or 0.0, self.max_crawl_delay_s))

    def now(self) -> float:
        return self._clock()
