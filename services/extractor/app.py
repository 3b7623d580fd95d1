"""The extractor service as a faust agent: ``pages`` -> ``events`` + ``articles`` (or ``deadletter``).

Event linking is its own service (``newswire linker``, ``services/linker/worker.py``): it is
stateful, and one linker sees every event, so it cannot scale by article as this app does."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import faust
from faust.types import EventT

from schemas import DecodeError, FetchedPage, decode, encode
from services.common.deadletter import DeadLetterSender, SourceRef
from services.common.errors import InternalError, NewswireError, check_record_size
from services.common.faust_app import RAW_TOPIC, make_faust_app, send_durably
from services.common.metrics import ServiceMetrics, watch_lag
from services.common.settings import Settings
from services.common.topics import TopicNames, app_id
from services.extractor.articles import ArticleExtractor
from services.extractor.warmup import load_recent_fingerprints

log = logging.getLogger(__name__)


class ExtractorService:
    def __init__(self, app: faust.App, settings: Settings, metrics: ServiceMetrics | None = None) -> None:
        self.app = app
        self.settings = settings
        self.metrics = metrics or ServiceMetrics("extractor")
        names = TopicNames.from_settings(settings.kafka)
        self.pages_topic = app.topic(names.pages, **RAW_TOPIC)
        self.articles_topic = app.topic(names.articles, **RAW_TOPIC)
        self.events_topic = app.topic(names.events, **RAW_TOPIC)
        deadletter_topic = app.topic(names.deadletter, **RAW_TOPIC)

        async def send_dead_letter(key: bytes, value: bytes) -> None:
            await self._send(deadletter_topic, key, value)

        self.dead_letters = DeadLetterSender(
            "extractor", send_dead_letter, self.metrics, max_record_bytes=settings.kafka.max_request_bytes
        )
        self.extractor = ArticleExtractor(settings.extractor)
        self.ready = asyncio.Event()  # set once the near-duplicate index is reloaded

    def close(self) -> None:
        self.extractor.close()

    async def warm_up(self) -> None:
        """Reload recent fingerprints so copies of pre-restart articles are still recognised."""
        try:
            loaded = await load_recent_fingerprints(
                self.settings.kafka,
                self.articles_topic.get_topic_name(),
                self.extractor.near_duplicates,
                limit=self.settings.extractor.near_duplicate_capacity,
            )
            log.info("near-duplicate index: %d recent articles reloaded", loaded)
        except Exception as exc:
            log.warning("near-duplicate index not reloaded (%r): starting cold", exc)
        finally:
            self.ready.set()

    async def _send(self, topic: faust.TopicT, key: bytes | None, value: bytes) -> None:
        await send_durably(topic, key, value, timeout_s=self.settings.kafka.send_timeout_s)

    async def handle_page(self, event: EventT) -> None:
        """Turn one ``pages`` record into an article or a dead letter; never raises."""
        await self.ready.wait()
        message = event.message
        self.metrics.consumed_from(message.topic)
        with self.metrics.timer():
            await self._handle(message)

    async def _handle(self, message: Any) -> None:
        source = SourceRef(message.topic, message.partition, message.offset, message.key)
        try:
            page = decode(FetchedPage, message.value, max_bytes=self.settings.kafka.max_request_bytes)
        except DecodeError as exc:
            await self._dead_letter(exc, message.value or b"", source, subject=None)
            return
        max_bytes = self.settings.kafka.max_request_bytes
        try:
            extracted = await self.extractor.extract(page)
            value = check_record_size(encode(extracted.article), max_bytes, page.url)
            event_values = [check_record_size(encode(e), max_bytes, page.url) for e in extracted.events]
        except NewswireError as exc:
            await self._dead_letter(exc, message.value or b"", source, subject=page.url)
            return
        except Exception as exc:  # the stage boundary: no input stops the extractor
            log.exception("unexpected error on %s", page.url)
            await self._dead_letter(InternalError(exc), message.value or b"", source, subject=page.url)
            return
        # Events first: once an article is visible, all of its events are too (the demo and
        # consumers that join the two rely on it). All sends complete before the page is acked.
        # One at a time: the order on the partition is the text order, and each record is its own
        # batch (Tansu reports a partition's end as its last batch's base offset + 1).
        key = page.article_id.encode()
        for event_value in event_values:
            await self._send(self.events_topic, key, event_value)
        await self._send(self.articles_topic, key, value)
        self.metrics.produced_to(self.events_topic.get_topic_name(), len(event_values))
        self.metrics.produced_to(self.articles_topic.get_topic_name())
        log.debug(
            "extracted %s with %d event mentions",
            page.url,
            len(event_values),
            extra={
                "article_id": page.article_id,
                "topic": source.topic,
                "partition": source.partition,
                "offset": source.offset,
            },
        )

    async def _dead_letter(
        self, exc: Exception, original: bytes, source: SourceRef, *, subject: str | None
    ) -> None:
        await self.dead_letters.send(exc, original, source, subject=subject)


def build(settings: Settings, metrics: ServiceMetrics | None = None) -> faust.App:
    """The extractor's faust app, wired to ``settings`` (and to ``metrics``, when exposed)."""
    app = make_faust_app(settings, "extractor")
    service = ExtractorService(app, settings, metrics)

    @app.agent(service.pages_topic, name="extract-pages", concurrency=1)
    async def extract_pages(stream: faust.StreamT) -> None:
        async for event in stream.events():
            await service.handle_page(event)

    @app.task
    async def reload_fingerprints() -> None:
        await service.warm_up()

    if settings.extractor.metrics_port is not None:

        @app.task
        async def refresh_lag() -> None:
            names = TopicNames.from_settings(settings.kafka)
            await watch_lag(
                service.metrics, settings.kafka, app_id(settings.kafka, "extractor"), [names.pages]
            )

    @app.on_before_shutdown.connect  # type: ignore[arg-type]  # mode's signal typing wants a sync receiver
    async def close_pool(sender: faust.App, **_: Any) -> None:
        service.close()

    app.newswire_service = service  # type: ignore[attr-defined]
    return app
