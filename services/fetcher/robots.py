"""robots.txt per RFC 9309, parsed by protego and cached per origin.

- 2xx: parse at most ``robots_max_bytes`` (RFC: at least 500 KiB), following up to 5 redirects;
- 4xx: "unavailable", everything is allowed;
- 5xx, 429 or a network error: "unreachable", everything is disallowed until the
  (shorter) error TTL expires and the file is fetched again;
- a parsed file is reused for at most ``robots_ttl_s`` (RFC: 24 h).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from services.common.errors import NewswireError
from services.common.settings import FetcherSettings
from services.fetcher.errors import RobotsUnreachable, TooManyRedirects
from services.fetcher.http import HttpFetcher

log = logging.getLogger(__name__)

ROBOTS_MAX_REDIRECTS = 5


@dataclass(frozen=True)
class RobotsRules:
    parser: Protego | None  # None with a fixed verdict
    verdict: bool | None  # True: allow all (4xx); False: disallow all (unreachable)
    source: str  # "parsed", "unavailable", "unreachable"
    expires_at: float
    error: NewswireError | None = None  # why it is unreachable

    def allows(self, url: str, agent: str) -> bool:
        if self.parser is None:
            return bool(self.verdict)
        return bool(self.parser.can_fetch(url, agent))

    def crawl_delay(self, agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        return float(delay) if delay is not None else None


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def agent_token(user_agent: str) -> str:
    """The product token robots.txt groups are matched against: ``newswire`` in ``newswire/0.1 (...)``."""
    return user_agent.split("/")[0].split()[0].strip() or "*"


class RobotsCache:
    def __init__(
        self,
        http: HttpFetcher,
        settings: FetcherSettings,
        *,
        clock: Callable[[], float] = time.monotonic,
        around_fetch: Callable[[str], AbstractAsyncContextManager[None]] | None = None,
    ) -> None:
        self._http = http
        self._settings = settings
        self._clock = clock
        self._agent = agent_token(settings.user_agent)
        self._rules: dict[str, RobotsRules] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._around_fetch = around_fetch  # lets the caller rate-limit and count robots requests

    def now(self) -> float:
        """The clock that ``RobotsRules.expires_at`` and ``RobotsUnreachable.retry_at`` are read on."""
        return self._clock()

    async def rules(self, url: str) -> RobotsRules:
        origin = origin_of(url)
        cached = self._rules.get(origin)
        if cached is not None and cached.expires_at > self._clock():
            return cached
        lock = self._locks.setdefault(origin, asyncio.Lock())
        async with lock:  # one fetch per origin, however many URLs wait for it
            cached = self._rules.get(origin)
            if cached is not None and cached.expires_at > self._clock():
                return cached
            rules = await self._fetch(origin)
            self._rules[origin] = rules
            return rules

    async def check(self, url: str) -> tuple[bool, float | None]:
        """Whether ``url`` may be fetched, and the host's Crawl-delay.

        Raises the error that made robots.txt unreachable (a transient one: the
        URL is retried later), since "disallowed" would misstate why nothing was fetched.
        """
        if not self._settings.respect_robots:
            return True, None
        rules = await self.rules(url)
        if rules.source == "unreachable":
            if rules.error is not None and not isinstance(rules.error, RobotsUnreachable):
                raise rules.error  # the request failed (DNS, connection): its own typed error
            # the server answered 5xx/429: the URL's retry waits for the next robots.txt fetch
            raise RobotsUnreachable(
                str(rules.error or f"robots.txt of {origin_of(url)} unreachable"), retry_at=rules.expires_at
            )
        return rules.allows(url, self._agent), rules.crawl_delay(self._agent)

    async def _fetch(self, origin: str) -> RobotsRules:
        robots_url = f"{origin}/robots.txt"
        now = self._clock()
        try:
            async with self._around_fetch(origin) if self._around_fetch else nullcontext():
                response = await self._http.get(
                    robots_url,
                    max_bytes=self._settings.robots_max_bytes,
                    truncate=True,
                    max_redirects=ROBOTS_MAX_REDIRECTS,
                    headers={"Accept": "text/plain"},
                )
        except TooManyRedirects:  # past 5 redirects the file may be treated as unavailable (RFC 9309 2.3.1.2)
            return RobotsRules(None, True, "unavailable", now + self._settings.robots_ttl_s)
        except NewswireError as exc:
            log.warning("robots.txt of %s unreachable (%s): disallowing for now", origin, exc)
            return RobotsRules(None, False, "unreachable", now + self._settings.robots_error_ttl_s, exc)
        if response.status >= 500 or response.status == 429:
            log.warning("robots.txt of %s answered %d: disallowing for now", origin, response.status)
            error = RobotsUnreachable(f"robots.txt of {origin} answered HTTP {response.status}")
            return RobotsRules(None, False, "unreachable", now + self._settings.robots_error_ttl_s, error)
        if response.status >= 400:
            return RobotsRules(None, True, "unavailable", now + self._settings.robots_ttl_s)
        text = response.body.decode("utf-8", errors="replace")
        return RobotsRules(Protego.parse(text), None, "parsed", now + self._settings.robots_ttl_s)
