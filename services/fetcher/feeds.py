"""Polling feeds and sitemaps: conditional GET, a body-hash fallback, adaptive intervals, health."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import random
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

from schemas import DiscoveredUrl, FeedStatus
from services.common.errors import NewswireError
from services.common.urls import canonicalize, host_of
from services.fetcher.errors import FeedParseError
from services.fetcher.feedfile import FeedConfig
from services.fetcher.http import HttpFetcher, RawResponse, check_status
from services.fetcher.sources import Entry, ParsedSource, SourceKind, parse_source

log = logging.getLogger(__name__)

MAX_SITEMAP_CHILDREN = 50  # newest first; a news site's index can list thousands of archives
_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5"

Slot = Callable[[str], Awaitable[None]]


@dataclass
class _Validators:
    etag: str | None = None
    last_modified: str | None = None
    body_sha256: str | None = None


@dataclass
class FeedHealth:
    interval_s: float
    polls: int = 0
    not_modified: int = 0
    consecutive_errors: int = 0
    last_new_item_at: datetime | None = None


@dataclass
class PollResult:
    status: FeedStatus
    discovered: list[DiscoveredUrl] = field(default_factory=list)


def next_interval(current: float, config: FeedConfig, *, new_items: int, error: bool) -> float:
    """Shorter after new items, longer after empty polls or errors; always within the feed's bounds."""
    if error:
        proposed = current * 2
    elif new_items:
        proposed = current / 2
    else:
        proposed = current * 1.5
    return min(config.max_interval_s, max(config.min_interval_s, proposed))


def with_jitter(interval_s: float, rng: random.Random) -> float:
    """±10 %, so feeds that share a host do not fall into lockstep."""
    return interval_s * rng.uniform(0.9, 1.1)


class FeedPoller:
    """Polls feeds and turns their entries into :class:`DiscoveredUrl` records.

    ``recently_emitted`` only saves traffic on the ``urls`` topic while this
    process lives; the authority on "already fetched" is the fetcher's durable
    seen-table, so a restart re-emits the current entries and they are dropped there.
    """

    def __init__(
        self,
        http: HttpFetcher,
        *,
        max_feed_bytes: int,
        initial_interval_s: float,
        parse_timeout_s: float = 30.0,
        slot: Slot | None = None,
        remember: int = 100_000,
        rng: random.Random | None = None,
    ) -> None:
        self._http = http
        self._max_feed_bytes = max_feed_bytes
        self._initial_interval_s = initial_interval_s
        self._parse_timeout_s = parse_timeout_s
        self._slot = slot
        self._validators: dict[str, _Validators] = {}
        self._health: dict[str, FeedHealth] = {}
        self._recently_emitted: OrderedDict[str, None] = OrderedDict()
        self._remember = remember
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not cryptography

    def health(self, feed_url: str) -> FeedHealth | None:
        return self._health.get(feed_url)

    async def _get(self, url: str) -> tuple[RawResponse, bool]:
        """Conditional GET; the response and whether the document changed (not 304, new body hash)."""
        validators = self._validators.setdefault(url, _Validators())
        headers = {"Accept": _ACCEPT}
        if validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        if self._slot is not None:
            await self._slot(url)
        response = await self._http.get(url, max_bytes=self._max_feed_bytes, headers=headers)
        check_status(response)
        if response.status == 304:
            return response, False
        body_sha256 = hashlib.sha256(response.body).hexdigest()
        if body_sha256 == validators.body_sha256:  # servers that ignore validators
            return response, False
        validators.etag = response.headers.get("etag")
        validators.last_modified = response.headers.get("last-modified")
        validators.body_sha256 = body_sha256
        return response, True

    async def _read(self, url: str) -> tuple[SourceKind | None, list[Entry], int | None]:
        """Entries of a feed or sitemap (following a sitemap index one level); None kind = unchanged."""
        response, changed = await self._get(url)
        if not changed:
            return None, [], response.status
        parsed = await self._parse(response.body, url)
        if parsed.kind != "sitemap_index":
            return parsed.kind, parsed.entries, response.status
        entries: list[Entry] = []
        newest_first = sorted(
            parsed.children, key=lambda c: c[1] or datetime.min.replace(tzinfo=UTC), reverse=True
        )
        for child_url, _lastmod in newest_first[:MAX_SITEMAP_CHILDREN]:
            try:
                child, child_changed = await self._get(child_url)
            except NewswireError as exc:
                log.warning("sitemap %s of %s: %s", child_url, url, exc)
                continue
            if child_changed:
                child_parsed: ParsedSource = await self._parse(child.body, child_url)
                entries.extend(child_parsed.entries)
        return "sitemap_index", entries, response.status

    async def _parse(self, body: bytes, url: str) -> ParsedSource:
        """Parse in a worker thread: a hostile feed takes seconds per MiB, and the event loop keeps
        fetching meanwhile; past the time bound the feed is an error (the thread finishes alone)."""
        try:
            return await asyncio.wait_for(asyncio.to_thread(parse_source, body, url), self._parse_timeout_s)
        except TimeoutError as exc:
            raise FeedParseError(f"{url}: parsing took longer than {self._parse_timeout_s:g} s") from exc

    async def poll(self, feed: FeedConfig) -> PollResult:
        polled_at = datetime.now(UTC)
        started = time.monotonic()
        health = self._health.setdefault(
            feed.url,
            FeedHealth(
                interval_s=min(feed.max_interval_s, max(feed.min_interval_s, self._initial_interval_s))
            ),
        )
        health.polls += 1
        kind: SourceKind | None = None
        status_code: int | None = None
        error: str | None = None
        discovered: list[DiscoveredUrl] = []
        entries_count = 0
        try:
            kind, entries, status_code = await self._read(feed.url)
            entries_count = len(entries)
            discovered = self._fresh(feed.url, entries, polled_at)
        except (NewswireError, FeedParseError) as exc:
            error = f"{type(exc).__name__}: {exc}"
            status_code = getattr(exc, "status", None)
            log.warning("feed %s: %s", feed.url, error)
        except Exception as exc:  # one feed's document never stops the fetcher
            error = f"internal_error: {type(exc).__name__}: {exc}"[:1000]
            log.exception("feed %s: unexpected failure", feed.url)
        outcome: Literal["ok", "not_modified", "error"] = (
            "error" if error else ("not_modified" if kind is None else "ok")
        )
        health.consecutive_errors = health.consecutive_errors + 1 if error else 0
        health.not_modified += outcome == "not_modified"
        if discovered:
            health.last_new_item_at = polled_at
        health.interval_s = next_interval(
            health.interval_s, feed, new_items=len(discovered), error=bool(error)
        )
        status = FeedStatus(
            feed_url=feed.url,
            feed_name=feed.name,
            tags=list(feed.tags),
            kind=kind,
            polled_at=polled_at,
            outcome=outcome,
            http_status=status_code,
            entries=entries_count,
            new_entries=len(discovered),
            error=error,
            elapsed_ms=int((time.monotonic() - started) * 1000),
            interval_s=round(health.interval_s, 3),
            polls=health.polls,
            not_modified_ratio=round(health.not_modified / health.polls, 4),
            consecutive_errors=health.consecutive_errors,
            last_new_item_at=health.last_new_item_at,
        )
        return PollResult(status, discovered)

    def next_wait(self, feed_url: str) -> float:
        health = self._health.get(feed_url)
        return with_jitter(health.interval_s if health else self._initial_interval_s, self._rng)

    def _fresh(self, feed_url: str, entries: list[Entry], now: datetime) -> list[DiscoveredUrl]:
        out: dict[str, DiscoveredUrl] = {}
        for entry in entries:
            try:
                canonical = canonicalize(entry.url)
            except ValueError:  # a URL urllib splits but courlan cannot normalise: not an article link
                continue
            if canonical in self._recently_emitted or canonical in out:
                continue
            out[canonical] = DiscoveredUrl(
                url=entry.url,
                canonical_url=canonical,
                host=host_of(canonical),
                feed_url=feed_url,
                title=entry.title,
                feed_published_at=entry.published_at,
                discovered_at=now,
            )
        return list(out.values())

    def mark_emitted(self, canonical_url: str) -> None:
        self._recently_emitted[canonical_url] = None
        self._recently_emitted.move_to_end(canonical_url)
        while len(self._recently_emitted) > self._remember:
            self._recently_emitted.popitem(last=False)
