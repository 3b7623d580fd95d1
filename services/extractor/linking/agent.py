"""The linking agent: ``events`` -> ``events-by-family`` -> linking state -> ``event-clusters``.

Linking needs every mention of an event family in one place, but ``events`` is keyed by article.
A first agent re-keys event mentions by family onto ``events-by-family``; the linking agent reads
that topic with its state in two faust tables on compacted changelogs (clusters by event id, and
the blocking index). faust writes a table change to the changelog partition of the record being
processed, so each family's state lives with its partition and moves with it on a rebalance.

Every update is sent (acks=all) to ``event-clusters`` before the input is acknowledged; a mention
delivered again after a crash finds itself already linked and re-emits nothing new.
"""

from __future__ import annotations

import logging

import faust
from faust.types import EventT, TableT

from schemas import DecodeError, EventCluster, EventMention, decode, encode
from services.common.deadletter import SourceRef, dead_letter, dead_letter_key
from services.common.faust_app import RAW_TOPIC, make_faust_app, send_durably
from services.common.settings import Settings
from services.common.topics import TopicNames
from services.common.urls import host_of
from services.extractor.linking.linker import Linker, family_of

log = logging.getLogger(__name__)


class TableStore:
    """The linker's ClusterStore on two faust tables (values kept as JSON text)."""

    def __init__(self, clusters: TableT[str, str], blocks: TableT[str, list[str]]) -> None:
        self.clusters = clusters
        self.blocks = blocks

    def get_cluster(self, event_id: str) -> EventCluster | None:
        raw = self.clusters.get(event_id)
        return decode(EventCluster, raw.encode()) if raw else None

    def put_cluster(self, cluster: EventCluster) -> None:
        self.clusters[cluster.event_id] = encode(cluster).decode()

    def get_block(self, key: str) -> list[str]:
        return list(self.blocks.get(key) or [])

    def put_block(self, key: str, event_ids: list[str]) -> None:
        self.blocks[key] = event_ids


class LinkingService:
    def __init__(self, app: faust.App, settings: Settings) -> None:
        self.settings = settings
        names = TopicNames.from_settings(settings.kafka)
        self.events_topic = app.topic(names.events, **RAW_TOPIC)
        self.by_family_topic = app.topic(names.events_by_family, **RAW_TOPIC)
        self.clusters_topic = app.topic(names.event_clusters, **RAW_TOPIC)
        self.deadletter_topic = app.topic(names.deadletter, **RAW_TOPIC)
        partitions = settings.kafka.partitions
        self.clusters = app.Table("event-clusters-state", default=None, partitions=partitions)
        self.blocks = app.Table("event-blocks-state", default=None, partitions=partitions)
        self.linker = Linker(TableStore(self.clusters, self.blocks))

    async def _send(self, topic: faust.TopicT, key: bytes, value: bytes) -> None:
        await send_durably(topic, key, value, timeout_s=self.settings.kafka.send_timeout_s)

    async def forward(self, event: EventT) -> None:
        """Re-key an event mention by its family (other record kinds are not linked)."""
        message = event.message
        try:
            mention = decode(EventMention, message.value, max_bytes=self.settings.kafka.max_request_bytes)
        except DecodeError as exc:
            await self._dead_letter(exc, message.value or b"", _source(message))
            return
        if mention.record_kind == "event":
            await self._send(self.by_family_topic, family_of(mention).encode(), message.value or b"")

    async def link(self, event: EventT) -> None:
        message = event.message
        try:
            mention = decode(EventMention, message.value, max_bytes=self.settings.kafka.max_request_bytes)
        except DecodeError as exc:
            await self._dead_letter(exc, message.value or b"", _source(message))
            return
        assignment = self.linker.link(mention, host_of(mention.url))
        if assignment is None:
            return
        # A mention delivered again (after a crash) finds its cluster unchanged; the current version
        # is sent again, since the crash may have come between the table write and this send.
        # Consumers keep the latest version per event_id, so a repeated version is harmless.
        cluster = assignment.cluster
        await self._send(self.clusters_topic, cluster.event_id.encode(), encode(cluster))

    async def _dead_letter(self, exc: Exception, original: bytes, source: SourceRef) -> None:
        letter = dead_letter(stage="extractor", error=exc, original=original, source=source, subject=None)
        await self._send(self.deadletter_topic, dead_letter_key(letter), encode(letter))


def _source(message: faust.types.Message) -> SourceRef:
    return SourceRef(message.topic, message.partition, message.offset, message.key)


def build_linker(settings: Settings) -> faust.App:
    """The linker's own faust app (consumer group ``<prefix>linker``), wired to ``settings``."""
    app = make_faust_app(settings, "linker")
    service = LinkingService(app, settings)

    @app.agent(service.events_topic, name="rekey-events", concurrency=1)
    async def rekey_events(stream: faust.StreamT) -> None:
        async for event in stream.events():
            await service.forward(event)

    @app.agent(service.by_family_topic, name="link-events", concurrency=1)
    async def link_events(stream: faust.StreamT) -> None:
        async for event in stream.events():
            await service.link(event)

    app.newswire_service = service  # type: ignore[attr-defined]
    return app
