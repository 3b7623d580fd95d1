"""The fetcher service as a faust app: a feed-polling task and a fetching agent.

Data flow::

    feeds --poll--> urls (key: host) --fetch agent + seen-table--> pages (key: article_id)
                    feed-status                                   deadletter

The seen-table is keyed by canonical URL and lives on a compacted changelog
topic, partitioned like ``urls`` (by host), so "already fetched" survives
restarts and moves with its partition to whichever worker owns that host.

The agent takes ``urls`` in batches and fetches a batch's URLs concurrently
(each host still limited by its own politeness limiter); faust acknowledges a
batch only after every URL in it ended in a durable ``pages`` record or dead letter.
"""

from __future__ import annotations

import asyncio
import logging
import time
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

import faust
from faust.types import EventT

from schemas import DecodeError, DiscoveredUrl, FetchedPage, decode, encode
from services.common.deadletter import DeadLetterSender, SourceRef, reason_of
from services.common.errors import InternalError, NewswireError, check_record_size, error_kind
from services.common.faust_app import RAW_TOPIC, make_faust_app, send_durably
from services.common.metrics import watch_lag
from services.common.settings import Settings
from services.common.topics import TopicNames, app_id
from services.common.urls import host_of
from services.fetcher.feedfile import FeedConfig, FeedsSource
from services.fetcher.feeds import FeedPoller
from services.fetcher.http import HttpFetcher
from services.fetcher.metrics import FetcherMetrics
from services.fetcher.pages import PageFetcher

log = logging.getLogger(__name__)

# Partition of the `urls` record whose seen-entry is being written (see SeenUrlTable).
_source_partition: ContextVar[int] = ContextVar("newswire_source_partition")


class SeenUrlTable(faust.Table):
    """The seen-table, written from concurrent tasks of one batch.

    faust picks a table write's changelog partition from the "current event",
    which in a batch is not the event the write belongs to; each fetch task
    sets the partition of its own ``urls`` record instead.
    """

    def partition_for_key(self, key: Any) -> int | None:
        return _source_partition.get()


class FetcherService:
    """State and behaviour of one fetcher worker; the faust app calls into it."""

    def __init__(self, app: faust.App, settings: Settings, metrics: FetcherMetrics) -> None:
        self.app = app
        self.settings = settings
        self.metrics = metrics
        names = TopicNames.from_settings(settings.kafka)
        self.urls_topic = app.topic(names.urls, **RAW_TOPIC)
        self.pages_topic = app.topic(names.pages, **RAW_TOPIC)
        self.deadletter_topic = app.topic(names.deadletter, **RAW_TOPIC)
        self.dead_letters = DeadLetterSender(
            "fetcher",
            self._send_dead_letter,
            metrics.common,
            max_record_bytes=settings.kafka.max_request_bytes,
        )
        self.feed_status_topic = app.topic(names.feed_status, **RAW_TOPIC)
        seen = SeenUrlTable(
            app,
            name="seen-urls",
            default=None,
            partitions=settings.kafka.partitions,
            beacon=app.tables.beacon,
        )
        app.tables.add(seen)
        self.seen = seen
        self.feeds = FeedsSource(settings.fetcher)
        self._http: HttpFetcher | None = None
        self._pages: PageFetcher | None = None
        self._poller: FeedPoller | None = None

    # Clients are created inside the running event loop, on first use.
    @property
    def pages(self) -> PageFetcher:
        if self._pages is None:
            self._http = HttpFetcher(self.settings.fetcher)
            self._pages = PageFetcher(self._http, self.settings.fetcher, metrics=self.metrics)
        return self._pages

    @property
    def poller(self) -> FeedPoller:
        if self._poller is None:
            politeness = self.pages.politeness

            async def slot(url: str) -> None:
                async with politeness.limiter(host_of(url)).slot(politeness.min_interval_s):
                    pass

            self._poller = FeedPoller(
                self.pages.http,
                max_feed_bytes=self.settings.fetcher.max_feed_bytes,
                initial_interval_s=self.settings.fetcher.poll_interval_s,
                parse_timeout_s=self.settings.fetcher.feed_parse_timeout_s,
                slot=slot,
            )
        return self._poller

    async def close(self) -> None:
        if self._http is not None:
            await self._http.aclose()

    async def _send(self, topic: faust.TopicT, key: bytes | None, value: bytes) -> None:
        await send_durably(topic, key, value, timeout_s=self.settings.kafka.send_timeout_s)

    async def _send_dead_letter(self, key: bytes, value: bytes) -> None:
        await self._send(self.deadletter_topic, key, value)

    # -- feed polling -----------------------------------------------------------------

    async def poll_feeds_forever(self) -> None:
        """Poll each feed when its (adaptive) interval is up, on the leader worker only."""
        next_due: dict[str, float] = {}
        while not self.app.should_stop:
            if self.app.is_leader():
                now = time.monotonic()
                due = [f for f in self.feeds.current() if next_due.get(f.url, 0.0) <= now]
                await asyncio.gather(*(self.poll_feed(f) for f in due))  # hosts are polled in parallel
                for feed in due:
                    next_due[feed.url] = time.monotonic() + self.poller.next_wait(feed.url)
            await asyncio.sleep(0.5)

    async def poll_feed(self, feed: FeedConfig) -> None:
        result = await self.poller.poll(feed)
        for discovered in result.discovered:
            await self._send(self.urls_topic, discovered.host.encode(), encode(discovered))
            self.poller.mark_emitted(discovered.canonical_url)
        await self._send(self.feed_status_topic, feed.url.encode(), encode(result.status))
        self.metrics.polls.labels(result.status.outcome).inc()
        self.metrics.discovered.inc(len(result.discovered))
        self.metrics.last_poll.labels(feed.url).set(result.status.polled_at.timestamp())
        if result.status.last_new_item_at is not None:
            self.metrics.last_new_item.labels(feed.url).set(result.status.last_new_item_at.timestamp())
        log.info(
            "polled %s: %s, %d entries, %d new, next in %.0fs",
            feed.url,
            result.status.outcome,
            result.status.entries,
            result.status.new_entries,
            result.status.interval_s,
        )

    # -- fetching ---------------------------------------------------------------------

    async def handle_batch(self, events: list[EventT]) -> None:
        """Fetch a batch of discovered URLs concurrently; returns when every one has its outcome."""
        claimed: set[str] = set()
        tasks = []
        for event in events:
            message = event.message
            self.metrics.common.consumed_from(message.topic)
            source = SourceRef(message.topic, message.partition, message.offset, message.key)
            try:
                discovered = decode(DiscoveredUrl, message.value)
            except DecodeError as exc:
                await self.dead_letters.send(exc, message.value, source)
                continue
            key = discovered.canonical_url
            if key in claimed or (not discovered.force and self.seen.get(key) is not None):
                self.metrics.duplicates.inc()
                continue
            claimed.add(key)
            tasks.append(asyncio.create_task(self._fetch_one(discovered, message.value or b"", source)))
        if tasks:
            await asyncio.gather(*tasks)

    async def _fetch_one(self, discovered: DiscoveredUrl, original: bytes, source: SourceRef) -> None:
        _source_partition.set(source.partition)  # this task's own context (see SeenUrlTable)
        try:
            page = await self.pages.fetch(discovered)
            value = check_record_size(encode(page), self.settings.kafka.max_request_bytes, discovered.url)
        except Exception as exc:
            # Our own errors are typed; anything else (a library's ValueError on a hostile page)
            # is a bug to fix, but still this URL's failure, not the fetcher's: it becomes a
            # dead letter (internal_error, permanent) and the stream moves on. Stage failures (a send
            # the broker does not acknowledge) never get here: they exit the process.
            if not isinstance(exc, NewswireError):
                log.exception("unexpected failure fetching %s", discovered.url)
                exc = InternalError(exc)  # reason internal_error, the original's class kept
            self.metrics.fetches.labels(reason_of(exc)).inc()
            await self.dead_letters.send(exc, original, source, subject=discovered.url)
            if error_kind(exc) != "transient":
                # seen only with a real outcome: a URL that failed for now (a timeout, a 503, an
                # unreachable robots.txt) is fetched again when a feed lists it again
                self._mark_seen(discovered, outcome=f"failed:{reason_of(exc)}")
            return
        await self._send(self.pages_topic, page.article_id.encode(), value)
        self.metrics.fetches.labels("fetched").inc()
        self.metrics.common.produced_to(self.pages_topic.get_topic_name())
        self._mark_seen(discovered, outcome="fetched", page=page)

    def _mark_seen(self, discovered: DiscoveredUrl, *, outcome: str, page: FetchedPage | None = None) -> None:
        # Written only after the page (or its dead letter) is acknowledged by the
        # broker: a crash in between refetches, it never loses the URL.
        self.seen[discovered.canonical_url] = {
            "outcome": outcome,
            "at": datetime.now(UTC).isoformat(),
            "article_id": page.article_id if page else None,
        }


def build(settings: Settings, *, metrics: FetcherMetrics | None = None) -> faust.App:
    """The fetcher's faust app, wired to ``settings``."""
    app = make_faust_app(settings, "fetcher")
    service = FetcherService(app, settings, metrics or FetcherMetrics())
    batch = settings.fetcher.batch_size

    @app.agent(service.urls_topic, name="fetch-urls", concurrency=1)
    async def fetch_urls(stream: faust.StreamT) -> None:
        # take_events acks the whole batch after the body returns: every URL's
        # outcome is durable by then (a failed send exits the process instead).
        async for events in stream.take_events(batch, within=0.5):  # type: ignore[attr-defined]
            await service.handle_batch(list(events))

    @app.task
    async def poll_feeds() -> None:
        await service.poll_feeds_forever()

    if settings.fetcher.metrics_port is not None:

        @app.task
        async def refresh_lag() -> None:
            group = app_id(settings.kafka, "fetcher")
            await watch_lag(
                service.metrics.common, settings.kafka, group, [service.urls_topic.get_topic_name()]
            )

    @app.on_before_shutdown.connect  # type: ignore[arg-type]  # mode's signal typing wants a sync receiver
    async def close_http(sender: faust.App, **_: Any) -> None:
        await service.close()

    app.newswire_service = service  # type: ignore[attr-defined]  # for tests and the CLI
    return app
