"""Polling RSS/Atom feeds with conditional GET and a body-hash fallback."""

from __future__ import annotations

import calendar
import hashlib
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser

from schemas import DiscoveredUrl, FeedStatus
from services.common.errors import NewswireError
from services.common.urls import canonicalize, host_of
from services.fetcher.errors import FeedParseError
from services.fetcher.http import HttpFetcher, check_status

log = logging.getLogger(__name__)


@dataclass
class _Validators:
    etag: str | None = None
    last_modified: str | None = None
    body_sha256: str | None = None


@dataclass
class PollResult:
    status: FeedStatus
    discovered: list[DiscoveredUrl] = field(default_factory=list)


def _entry_time(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    return None


class FeedPoller:
    """Polls feeds and turns their entries into :class:`DiscoveredUrl` records.

    ``recently_emitted`` only saves traffic on the ``urls`` topic while this
    process lives; the authority on "already fetched" is the fetcher's durable
    seen-table, so a restart re-emits the current entries and they are dropped there.
    """

    def __init__(self, http: HttpFetcher, *, max_feed_bytes: int, remember: int = 100_000) -> None:
        self._http = http
        self._max_feed_bytes = max_feed_bytes
        self._validators: dict[str, _Validators] = {}
        self._recently_emitted: OrderedDict[str, None] = OrderedDict()
        self._remember = remember

    async def poll(self, feed_url: str) -> PollResult:
        polled_at = datetime.now(UTC)
        validators = self._validators.setdefault(feed_url, _Validators())
        headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
        if validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        try:
            response = await self._http.get(feed_url, max_bytes=self._max_feed_bytes, headers=headers)
            check_status(response)
        except NewswireError as exc:
            log.warning("feed %s: %s", feed_url, exc)
            return PollResult(
                FeedStatus(
                    feed_url=feed_url,
                    polled_at=polled_at,
                    outcome="error",
                    error=f"{type(exc).__name__}: {exc}",
                    http_status=getattr(exc, "status", None),
                    elapsed_ms=_ms_since(polled_at),
                )
            )
        if response.status == 304 or hashlib.sha256(response.body).hexdigest() == validators.body_sha256:
            return PollResult(
                FeedStatus(
                    feed_url=feed_url,
                    polled_at=polled_at,
                    outcome="not_modified",
                    http_status=response.status,
                    elapsed_ms=response.elapsed_ms,
                )
            )
        try:
            discovered = self._parse(feed_url, response.body)
        except FeedParseError as exc:
            return PollResult(
                FeedStatus(
                    feed_url=feed_url,
                    polled_at=polled_at,
                    outcome="error",
                    http_status=response.status,
                    error=f"FeedParseError: {exc}",
                    elapsed_ms=response.elapsed_ms,
                )
            )
        validators.etag = response.headers.get("etag")
        validators.last_modified = response.headers.get("last-modified")
        validators.body_sha256 = hashlib.sha256(response.body).hexdigest()
        fresh = [d for d in discovered if d.canonical_url not in self._recently_emitted]
        status = FeedStatus(
            feed_url=feed_url,
            polled_at=polled_at,
            outcome="ok",
            http_status=response.status,
            entries=len(discovered),
            new_entries=len(fresh),
            elapsed_ms=response.elapsed_ms,
        )
        return PollResult(status, fresh)

    def mark_emitted(self, canonical_url: str) -> None:
        self._recently_emitted[canonical_url] = None
        self._recently_emitted.move_to_end(canonical_url)
        while len(self._recently_emitted) > self._remember:
            self._recently_emitted.popitem(last=False)

    @staticmethod
    def _parse(feed_url: str, body: bytes) -> list[DiscoveredUrl]:
        parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
        if parsed.get("bozo") and not parsed.get("entries"):
            raise FeedParseError(f"{feed_url}: {parsed.get('bozo_exception')!r}")
        now = datetime.now(UTC)
        out: dict[str, DiscoveredUrl] = {}
        for entry in parsed.get("entries", []):
            link = entry.get("link")
            if not link or not link.lower().startswith(("http://", "https://")):
                continue
            canonical = canonicalize(link)
            out.setdefault(
                canonical,
                DiscoveredUrl(
                    url=link,
                    canonical_url=canonical,
                    host=host_of(canonical),
                    feed_url=feed_url,
                    title=entry.get("title"),
                    feed_published_at=_entry_time(entry),
                    discovered_at=now,
                ),
            )
        return list(out.values())


def _ms_since(start: datetime) -> int:
    return int((datetime.now(UTC) - start).total_seconds() * 1000)
