"""The linker worker (``newswire linker``): ``events`` -> linking -> ``event-clusters``.

A plain aiokafka consumer, like the sink, rather than a faust agent with tables: on this broker a
faust worker with tables stalled after being killed and restarted: in 8 of 21 runs of
``tests/integration/test_linking_restart.py`` (4 of 10 inside the extractor's app, 4 of 11 in its own)
its streams stopped after recovery with input left.
The state needs no changelog of its own: ``event-clusters`` already holds every version of every
event, so on start the worker rebuilds its clusters and blocking index from the latest version of
each event, then resumes ``events`` from its committed offsets. With a horizon
(``linker.horizon_days``) only the events inside it are kept, and the versions written before it
are not read at all, so start-up and memory follow the horizon, not the length of the history.
With ``linker.state_dir`` the state is also checkpointed to a local file (``state_file``) with
the ``event-clusters`` offsets it reflects, and a restart loads it and reads only the versions
written after those offsets.

Run exactly one linker per deployment: linking compares each mention with every event of its
family, so the state cannot be split by partition. Each cluster version is acknowledged by the
broker (acks=all) before the offsets of the mentions behind it are committed; a mention delivered
again after a crash finds itself already linked and its event's current version is sent again
(consumers keep the latest version per event, so a repeated version is harmless).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition

from schemas import DecodeError, EventCluster, EventMention, decode, encode
from services.common.deadletter import DeadLetterSender, SourceRef
from services.common.errors import InternalError
from services.common.kafka import BoundedProducer, ensure_topics, group_consumer, reader_consumer
from services.common.metrics import ServiceMetrics, serve, watch_lag
from services.common.partitions import offset_for_time, partitions_of, read_partitions
from services.common.runtime import run_until_signal
from services.common.settings import Settings
from services.common.topics import TopicNames, app_id
from services.common.urls import host_of
from services.linker.linker import CLOCK_SLACK, Linker
from services.linker.state_file import StateFile

log = logging.getLogger(__name__)

RESTORE_IDLE_MS = 1000  # the clusters topic is read to the end: until a fetch past its end returns nothing
CLOCK_SAMPLE = 500  # the newest versions per partition read to learn the stream's clock
# Seconds between two checkpoints of the state file: each writes the profiles of the events changed
# since the last, so a longer interval writes less often and leaves a longer tail to read on restart.
CHECKPOINT_EVERY_S = 5.0


class LinkerWorker:
    def __init__(self, settings: Settings, metrics: ServiceMetrics | None = None) -> None:
        self.settings = settings
        self.metrics = metrics or ServiceMetrics("linker")
        self.topics = TopicNames.from_settings(settings.kafka)
        self.state: StateFile | None = None
        if (state_dir := settings.linker.state_dir) is not None:
            state_dir.mkdir(parents=True, exist_ok=True)
            path = state_dir / f"{app_id(settings.kafka, 'linker')}-state.sqlite"
            self.state = StateFile(path, self.topics.event_clusters)
        self.linker = self._new_linker()
        # per partition of event-clusters, the offset after the last version the state reflects
        self._positions: dict[int, int] = {}
        self._stopping = asyncio.Event()
        self.linked = 0
        self.versions_restored = 0  # versions read by the last restore (the clock sample aside)
        self.events_checkpointed = 0  # events the last restore took from the state file

    def _new_linker(self) -> Linker:
        return Linker(horizon_days=self.settings.linker.horizon_days or None, records=self.state)

    def stop(self) -> None:
        self._stopping.set()

    async def run(self) -> None:
        kafka = self.settings.kafka
        await ensure_topics(kafka, [self.topics.events, self.topics.event_clusters, self.topics.deadletter])
        restored = await self.restore()
        log.info("linker state restored: %d events", restored)
        producer = BoundedProducer(kafka, client_id=app_id(kafka, "linker"))
        await producer.start()
        consumer = group_consumer(kafka, "linker", self.topics.events)
        await asyncio.wait_for(consumer.start(), kafka.send_timeout_s)
        lag_watch = None
        if self.settings.linker.metrics_port is not None:
            group = app_id(kafka, "linker")
            lag_watch = asyncio.create_task(watch_lag(self.metrics, kafka, group, [self.topics.events]))
        checkpointed = time.monotonic()
        try:
            while not self._stopping.is_set():
                batches = await consumer.getmany(timeout_ms=200, max_records=500)
                offsets: dict[TopicPartition, int] = {}
                for tp, records in batches.items():
                    for record in records:
                        self.metrics.consumed_from(tp.topic)
                        with self.metrics.timer():
                            await self._handle(record, producer)
                        offsets[tp] = record.offset + 1
                if offsets:  # every version sent and acknowledged: the input may be committed
                    await asyncio.wait_for(consumer.commit(offsets), kafka.send_timeout_s)
                if time.monotonic() - checkpointed >= CHECKPOINT_EVERY_S:
                    self.checkpoint()
                    checkpointed = time.monotonic()
            self.checkpoint()  # a clean stop: the next start reads no tail
        finally:
            if lag_watch is not None:
                lag_watch.cancel()
            await asyncio.wait_for(consumer.stop(), kafka.stop_timeout_s)
            await producer.stop()
            if self.state is not None:
                self.state.close()

    def checkpoint(self) -> None:
        """Write the state file's checkpoint (every version sent so far is acknowledged: ``send``
        waits for it), if there is a file and anything changed."""
        if self.state is not None and self.state.pending:
            self.state.checkpoint(self.linker.profile, self._positions)

    async def restore(self) -> int:
        """Rebuild the state: from the state file's checkpoint and the versions written after it,
        or else from the latest version of every event on ``event-clusters``, from where the
        horizon says versions can still matter (``_first_offsets``)."""
        kafka = self.settings.kafka
        reader = reader_consumer(kafka)
        await asyncio.wait_for(reader.start(), kafka.send_timeout_s)
        latest: dict[str, EventCluster] = {}
        try:
            # An unknown topic would mean a silently empty state: partitions_of reads fresh metadata.
            tps = await partitions_of(reader, [self.topics.event_clusters])
            reader.assign(tps)
            ends = {tp.partition: end for tp, end in (await reader.end_offsets(tps)).items()}
            self._positions = dict(ends)
            starts = self._from_checkpoint(ends)
            spans: dict[TopicPartition, tuple[int | None, int | None]]
            if starts is not None:
                spans = {tp: (starts[tp.partition], None) for tp in tps}
            else:
                spans = {tp: (start, None) for tp, start in (await self._first_offsets(reader, tps)).items()}
            self.versions_restored = 0
            async for record, cluster in self._versions(reader, spans):
                self.versions_restored += 1
                self._positions[record.partition] = max(self._positions[record.partition], record.offset + 1)
                known = latest.get(cluster.event_id)
                if known is None or cluster.version >= known.version:
                    latest[cluster.event_id] = cluster
        finally:
            await asyncio.wait_for(reader.stop(), kafka.stop_timeout_s)
        for cluster in sorted(latest.values(), key=lambda c: c.event_id):
            self.linker.restore(cluster)
        self.linker.forget_old()
        self.checkpoint()
        return len(self.linker)

    def _from_checkpoint(self, ends: dict[int, int]) -> dict[int, int] | None:
        """Load the state file's events; the offsets to read the topic on from, or None when
        there is no usable checkpoint (the file is then empty and the whole topic is read)."""
        self.events_checkpointed = 0
        if self.state is None or (positions := self.state.positions(ends)) is None:
            return None
        try:
            for profile in self.state.profiles():
                self.linker.adopt(profile)
                self.events_checkpointed += 1
        except ValueError as exc:
            log.warning("linker state file %s unreadable (%s): rebuilding", self.state.path, exc)
            self.linker = self._new_linker()
            self.state.reset()
            self.events_checkpointed = 0
            return None
        log.info("linker state: %d events from %s", self.events_checkpointed, self.state.path)
        return positions

    async def _versions(
        self, reader: AIOKafkaConsumer, spans: dict[TopicPartition, tuple[int | None, int | None]]
    ) -> AsyncIterator[tuple[ConsumerRecord[bytes, bytes], EventCluster]]:
        async for record in read_partitions(reader, spans, idle_ms=RESTORE_IDLE_MS):
            try:
                yield record, decode(EventCluster, record.value)
            except DecodeError as exc:
                log.warning("event-clusters@%d unreadable, skipped: %s", record.offset, exc)

    async def _first_offsets(
        self, reader: AIOKafkaConsumer, tps: list[TopicPartition]
    ) -> dict[TopicPartition, int | None]:
        """Per partition, the first version that can belong to an event inside the horizon.

        A version is written after every report it holds was published, so an event whose last
        version is older than (clock - horizon - 1 day) is past the horizon: the restore would
        read it only to forget it. The clock is read from the newest versions of each partition
        (a lower bound of the true clock, so no version that matters is skipped); the extra day
        covers outlets dating their stories ahead of UTC. Without a horizon: everything."""
        everything: dict[TopicPartition, int | None] = {tp: None for tp in tps}
        horizon = self.settings.linker.horizon_days
        if not horizon or not tps:
            return everything
        reader.assign(tps)
        ends = await reader.end_offsets(tps)
        tails: dict[TopicPartition, tuple[int | None, int | None]] = {
            tp: (max(0, ends[tp] - CLOCK_SAMPLE), None) for tp in tps
        }
        reported = [c.last_reported_at async for _, c in self._versions(reader, tails) if c.last_reported_at]
        if not reported:
            return everything
        clock = min(max(reported), date.today() + CLOCK_SLACK)
        since = datetime.combine(clock - timedelta(days=horizon + 1), clock_time(), tzinfo=UTC)
        return {tp: await offset_for_time(reader, tp, since, ends[tp]) for tp in tps}

    async def _handle(self, record: ConsumerRecord[bytes, bytes], producer: BoundedProducer) -> None:
        source = SourceRef(record.topic, record.partition, record.offset, record.key)

        async def dead_letter(exc: BaseException) -> None:
            async def send(key: bytes, value: bytes) -> None:
                await producer.send(self.topics.deadletter, value, key=key)

            await DeadLetterSender(
                "linker", send, self.metrics, max_record_bytes=self.settings.kafka.max_request_bytes
            ).send(exc, record.value, source)

        try:
            mention = decode(EventMention, record.value, max_bytes=self.settings.kafka.max_request_bytes)
        except DecodeError as exc:
            await dead_letter(exc)
            return
        try:
            assignment = self.linker.link(mention, host_of(mention.url))
            value = encode(assignment.cluster) if assignment is not None else None
        except Exception as exc:  # the stage boundary: no mention stops the linker
            log.exception("unexpected error linking %s", mention.mention_id)
            await dead_letter(InternalError(exc))
            return
        if assignment is None or value is None:
            return  # aggregates, statistics and background are not linked
        cluster = assignment.cluster
        sent = await producer.send(self.topics.event_clusters, value, key=cluster.event_id.encode())
        self._positions[sent.partition] = sent.offset + 1
        self.metrics.produced_to(self.topics.event_clusters)
        self.linked += 1


def run_linker(settings: Settings) -> int:
    """Run the linker until SIGTERM/SIGINT; exit 0 after committing what was sent."""
    metrics = ServiceMetrics("linker")
    serve(metrics, settings.linker.metrics_port)
    worker = LinkerWorker(settings, metrics)

    run_until_signal(worker)
    log.info("linker stopped: %d mentions linked this run", worker.linked)
    return 0
