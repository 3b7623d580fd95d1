"""The fetcher service as a faust app: a feed-polling task and a fetching agent.

Data flow::

    feeds --poll--> urls (key: host) --fetch agent + seen-table--> pages (key: article_id)
                    feed-status                                   deadletter

The seen-table is keyed by canonical URL and lives on a compacted changelog
topic, so "already fetched" survives restarts and moves with its partition to
whichever worker owns that host.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime
from typing import Any

import faust
from faust.types import EventT

from schemas import DeadLetter, DecodeError, DiscoveredUrl, FetchedPage, decode, encode
from services.common.deadletter import SourceRef, dead_letter, dead_letter_key
from services.common.errors import NewswireError, check_record_size, crash_hard
from services.common.faust_app import make_faust_app
from services.common.settings import Settings
from services.common.topics import TopicNames
from services.fetcher.feeds import FeedPoller
from services.fetcher.http import HttpFetcher
from services.fetcher.pages import fetch_page

log = logging.getLogger(__name__)

_RAW: dict[str, Any] = {
    "key_type": bytes,
    "value_type": bytes,
    "key_serializer": "raw",
    "value_serializer": "raw",
}


class FetcherService:
    """State and behaviour of one fetcher worker; the faust app calls into it."""

    def __init__(self, app: faust.App, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        names = TopicNames.from_settings(settings.kafka)
        self.urls_topic = app.topic(names.urls, **_RAW)
        self.pages_topic = app.topic(names.pages, **_RAW)
        self.deadletter_topic = app.topic(names.deadletter, **_RAW)
        self.feed_status_topic = app.topic(names.feed_status, **_RAW)
        self.seen = app.Table(
            "seen-urls",
            default=None,
            partitions=settings.kafka.partitions,
            # No key/value types: plain JSON on the changelog (typed models would need faust Records).
        )
        self._http: HttpFetcher | None = None
        self._poller: FeedPoller | None = None

    @property
    def http(self) -> HttpFetcher:
        if self._http is None:  # created inside the running loop
            self._http = HttpFetcher(self.settings.fetcher)
        return self._http

    @property
    def poller(self) -> FeedPoller:
        if self._poller is None:
            self._poller = FeedPoller(self.http, max_feed_bytes=self.settings.fetcher.max_feed_bytes)
        return self._poller

    async def close(self) -> None:
        if self._http is not None:
            await self._http.aclose()

    async def _send(self, topic: faust.TopicT, key: bytes, value: bytes) -> None:
        """Send and wait for the broker's acks=all; on failure exit without acking the input."""
        try:
            fut = await asyncio.wait_for(topic.send(key=key, value=value), self.settings.kafka.send_timeout_s)
            await asyncio.wait_for(fut, self.settings.kafka.send_timeout_s)
        except Exception as exc:
            crash_hard(__name__, f"send to {topic.get_topic_name()} failed: {exc!r}")

    async def send_dead_letter(self, letter: DeadLetter) -> None:
        await self._send(self.deadletter_topic, dead_letter_key(letter), encode(letter))

    # -- feed polling -----------------------------------------------------------------

    async def poll_feeds_forever(self) -> None:
        """Poll every configured feed each ``poll_interval_s``, on the leader worker only."""
        next_due: dict[str, float] = {}
        while not self.app.should_stop:
            if self.app.is_leader():
                now = time.monotonic()
                for feed_url in self.settings.fetcher.feeds:
                    if next_due.get(feed_url, 0.0) <= now:
                        await self.poll_feed(feed_url)
                        next_due[feed_url] = time.monotonic() + self.settings.fetcher.poll_interval_s
            await asyncio.sleep(0.5)

    async def poll_feed(self, feed_url: str) -> None:
        result = await self.poller.poll(feed_url)
        for discovered in result.discovered:
            await self._send(self.urls_topic, discovered.host.encode(), encode(discovered))
            self.poller.mark_emitted(discovered.canonical_url)
        await self._send(self.feed_status_topic, feed_url.encode(), encode(result.status))
        log.info(
            "polled %s: %s, %d entries, %d new",
            feed_url,
            result.status.outcome,
            result.status.entries,
            result.status.new_entries,
        )

    # -- fetching ---------------------------------------------------------------------

    async def handle_url(self, event: EventT) -> None:
        """Fetch one discovered URL unless it was fetched before; never raises."""
        message = event.message
        source = SourceRef(message.topic, message.partition, message.offset, message.key)
        try:
            discovered = decode(DiscoveredUrl, message.value)
        except DecodeError as exc:
            await self.send_dead_letter(
                dead_letter(stage="fetcher", error=exc, original=message.value, source=source)
            )
            return
        if not discovered.force and self.seen.get(discovered.canonical_url) is not None:
            log.debug("already fetched: %s", discovered.canonical_url)
            return
        try:
            page = await fetch_page(self.http, discovered, self.settings.fetcher)
            value = check_record_size(encode(page), self.settings.kafka.max_request_bytes, discovered.url)
        except NewswireError as exc:
            log.warning("fetch failed for %s: %s", discovered.url, exc)
            await self.send_dead_letter(
                dead_letter(
                    stage="fetcher", error=exc, original=message.value, source=source, subject=discovered.url
                )
            )
            self._mark_seen(discovered, outcome=f"failed:{type(exc).__name__}")
            return
        await self._send(self.pages_topic, page.article_id.encode(), value)
        self._mark_seen(discovered, outcome="fetched", page=page)

    def _mark_seen(self, discovered: DiscoveredUrl, *, outcome: str, page: FetchedPage | None = None) -> None:
        # Written only after the page (or its dead letter) is acknowledged by the
        # broker: a crash in between refetches, it never loses the URL.
        self.seen[discovered.canonical_url] = {
            "outcome": outcome,
            "at": datetime.now(UTC).isoformat(),
            "article_id": page.article_id if page else None,
        }


def build(settings: Settings) -> faust.App:
    """The fetcher's faust app, wired to ``settings``."""
    app = make_faust_app(settings, "fetcher")
    service = FetcherService(app, settings)

    @app.agent(service.urls_topic, name="fetch-urls", concurrency=1)
    async def fetch_urls(stream: faust.StreamT) -> None:
        async for event in stream.events():
            await service.handle_url(event)

    @app.task
    async def poll_feeds() -> None:
        await service.poll_feeds_forever()

    @app.on_before_shutdown.connect  # type: ignore[arg-type]  # mode's signal typing wants a sync receiver
    async def close_http(sender: faust.App, **_: Any) -> None:
        await service.close()

    app.newswire_service = service  # type: ignore[attr-defined]  # for tests and the CLI
    return app
