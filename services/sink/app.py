"""The sink service: a plain aiokafka consumer with explicit, after-the-write offset commits.

Not a faust agent on purpose: faust acks a message when the agent raises
(faust's agent docs: the source message of a raising agent is acked and not processed
again), while the sink must commit an offset only after the
file holding it is durable. Here that order is explicit:

    read batch -> buffer per partition -> flush: tmp, fsync, rename, fsync dir -> commit {tp: last+1}

On assignment each partition resumes from the offset after the last durable
file (recovery.py), so a replay never writes a file overlapping an existing one.
"""

from __future__ import annotations

import asyncio
import logging
import time

from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import CommitFailedError, KafkaError
from aiokafka.structs import ConsumerRecord

from schemas import DecodeError, decode
from services.common.deadletter import DeadLetterSender, SourceRef
from services.common.errors import FatalError, InternalError, OutputMismatch, crash_hard
from services.common.kafka import BoundedProducer, ensure_topics, group_consumer, reader_consumer
from services.common.metrics import ServiceMetrics, watch_lag
from services.common.settings import Settings
from services.common.topics import TopicNames, app_id
from services.sink.batches import UnwritableRecord, add_record, write_batch
from services.sink.buffer import PartitionBuffer
from services.sink.identities import SeenIdentities, load_identities
from services.sink.recovery import recover_partition
from services.sink.storage import Storage, StoredFile, open_storage
from services.sink.tables import TABLES, TableSpec

log = logging.getLogger(__name__)


class SinkWriteFailed(FatalError):
    """A flush kept failing after its retries; the process exits without committing."""


class _Rebalance(ConsumerRebalanceListener):
    def __init__(self, sink: SinkService) -> None:
        self._sink = sink

    async def on_partitions_revoked(self, revoked: list[TopicPartition]) -> None:
        await self._sink.on_revoked(revoked)

    async def on_partitions_assigned(self, assigned: list[TopicPartition]) -> None:
        await self._sink.on_assigned(assigned)


class SinkService:
    """Consumes the tables' topics and writes exactly-once Parquet files to ``storage``."""

    def __init__(self, settings: Settings, storage: Storage, metrics: ServiceMetrics | None = None) -> None:
        self.settings = settings
        self.storage = storage
        self.metrics = metrics or ServiceMetrics("sink")
        names = TopicNames.from_settings(settings.kafka)
        self.tables: dict[str, TableSpec] = {
            getattr(names, TABLES[t].topic_attr): TABLES[t] for t in settings.sink.tables
        }
        self._names = names
        self._buffers: dict[TopicPartition, PartitionBuffer] = {}
        self._seen: dict[TopicPartition, SeenIdentities] = {}  # identities already in the files
        self._stopping = asyncio.Event()
        self._to_recover: set[TopicPartition] = set()  # assigned, paused until recovered from files
        self._flush_locks: dict[TopicPartition, asyncio.Lock] = {}
        self._consumer: AIOKafkaConsumer | None = None
        self._producer: BoundedProducer | None = None
        self._dead_letters = DeadLetterSender(
            "sink", self._send_dead_letter, self.metrics, max_record_bytes=settings.kafka.max_request_bytes
        )
        self._fatal: FatalError | None = (
            None  # raised in the loop: listener exceptions are swallowed by aiokafka
        )
        self.rows_written = 0
        self.files_written = 0
        self.fenced_batches = 0  # batches not written: the partition was no longer ours
        self.duplicates_skipped = 0  # records whose identity the partition's files already held

    # -- lifecycle --------------------------------------------------------------------

    def stop(self) -> None:
        """Ask the loop to flush everything, commit and return."""
        self._stopping.set()

    async def run(self) -> None:
        kafka = self.settings.kafka
        await ensure_topics(kafka, [*self.tables, self._names.deadletter])
        self._producer = BoundedProducer(kafka, client_id=app_id(kafka, "sink"))
        await self._producer.start()
        self._consumer = group_consumer(kafka, "sink")
        self._consumer.subscribe(list(self.tables), listener=_Rebalance(self))
        await asyncio.wait_for(self._consumer.start(), kafka.send_timeout_s)
        log.info(
            "sink writing %s to %s",
            ", ".join(t.name for t in self.tables.values()),
            self.storage.location("").rstrip("/"),
        )
        lag_watch = None
        if self.settings.sink.metrics_port is not None:
            lag_watch = asyncio.create_task(
                watch_lag(self.metrics, kafka, app_id(kafka, "sink"), list(self.tables))
            )
        try:
            while not self._stopping.is_set():
                await self._recover_assigned()
                batches = await self._consumer.getmany(timeout_ms=200, max_records=2000)
                if self._fatal is not None:
                    raise self._fatal
                for tp, records in batches.items():
                    for record in records:
                        if tp not in self._consumer.assignment() or tp in self._to_recover:
                            break  # revoked (or reassigned) while this batch was processed: not ours
                        self.metrics.consumed_from(tp.topic)
                        await self._buffer(tp, record)
                        if self._buffers[tp].full(self.settings.sink):  # files never exceed the limits
                            await self._flush(tp, "size")
                await self._flush_due()
            await self._flush_all("shutdown")
        finally:
            if lag_watch is not None:
                lag_watch.cancel()
            await self._close()

    async def _close(self) -> None:
        if self._consumer is not None:
            try:
                await asyncio.wait_for(self._consumer.stop(), self.settings.kafka.stop_timeout_s)
            except (TimeoutError, KafkaError) as exc:
                log.warning("consumer stop did not complete cleanly: %r", exc)
        if self._producer is not None:
            await self._producer.stop()

    # -- rebalance --------------------------------------------------------------------

    async def on_revoked(self, revoked: list[TopicPartition]) -> None:
        # Drop, never flush, what we hold: a revocation may come after this member was already
        # replaced (stopped past the session timeout, a network partition), and the new owner is
        # then writing the same offsets from the last commit; our file would overlap its files.
        # The new owner re-reads the dropped records from the committed offset.
        for tp in revoked:
            self._seen.pop(tp, None)  # the next owner loads them from the files
            dropped = self._buffers.pop(tp, None)
            if dropped is not None and not dropped.empty:
                log.info(
                    "%s[%d]: revoked, dropped buffered offsets %s..%s for the next owner",
                    tp.topic,
                    tp.partition,
                    dropped.first_offset,
                    dropped.last_offset,
                )

    async def _topic_holds(self, tp: TopicPartition, offset: int) -> bool:
        """Whether the broker still has the record at ``offset``: read it with a group-less consumer.

        The end offset alone is not proof: Tansu reports the end of a partition as the base offset
        of its last record batch + 1 (measured: ten records sent in one batch, offsets 0-9, and
        the end offset is 1), so a file ending inside that batch looks "past the end".
        """
        kafka = self.settings.kafka
        probe = reader_consumer(kafka)
        try:
            await asyncio.wait_for(probe.start(), kafka.send_timeout_s)
            probe.assign([tp])
            probe.seek(tp, offset)
            batches = await asyncio.wait_for(probe.getmany(tp, timeout_ms=2000), kafka.send_timeout_s)
            return any(r.offset == offset for records in batches.values() for r in records)
        except (TimeoutError, KafkaError):
            return False
        finally:
            await asyncio.wait_for(probe.stop(), kafka.stop_timeout_s)

    async def on_assigned(self, assigned: list[TopicPartition]) -> None:
        # No await here: paused partitions return no records, so none is buffered before the
        # partition's resume offset is known. The loop recovers them (_recover_assigned).
        assert self._consumer is not None
        for tp in assigned:
            self._buffers.pop(tp, None)
        self._consumer.pause(*assigned)
        self._to_recover.update(assigned)

    async def _recover_assigned(self) -> None:
        """Resume each newly assigned partition after its last durable file, then un-pause it."""
        assert self._consumer is not None
        while self._to_recover and self._fatal is None:
            # One listing per table per round. A partition assigned again meanwhile (its revocation
            # may have flushed new files) waits for the next round and a fresh listing.
            pending, listings = list(self._to_recover), {}
            self._to_recover.clear()
            for tp in pending:
                if tp not in self._consumer.assignment() or tp in self._to_recover:
                    continue
                table = self.tables[tp.topic].name
                if table not in listings:
                    listings[table] = await asyncio.to_thread(self.storage.list_files, table)
                next_offset = await self._resume_offset(tp, listings[table])
                self._seen[tp] = await asyncio.to_thread(
                    load_identities,
                    self.storage,
                    self.tables[tp.topic],
                    tp.topic,
                    tp.partition,
                    listings[table],
                    self.settings.sink.dedup_capacity,
                )
                if tp not in self._consumer.assignment() or tp in self._to_recover or self._fatal:
                    continue  # a rebalance happened meanwhile: recovered again in the next round
                if next_offset is not None:
                    log.info(
                        "%s[%d]: resuming at offset %d from file names", tp.topic, tp.partition, next_offset
                    )
                    self._consumer.seek(tp, next_offset)
                self._consumer.resume(tp)

    async def _resume_offset(self, tp: TopicPartition, files: list[StoredFile]) -> int | None:
        """The offset after the last durable file (None: no file, the committed offset rules)."""
        assert self._consumer is not None
        table = self.tables[tp.topic].name
        recovery = await asyncio.to_thread(
            recover_partition, self.storage, table, tp.topic, tp.partition, files
        )
        if recovery.next_offset is None:
            return None
        end = (await self._consumer.end_offsets([tp]))[tp]
        if recovery.next_offset > end and not await self._topic_holds(tp, recovery.next_offset - 1):
            self._fatal = OutputMismatch(
                f"{self.storage.location(table)} holds {tp.topic}[{tp.partition}] "
                f"up to offset {recovery.next_offset - 1}, "
                f"but the topic ends at {end}: the topic was recreated (an in-memory broker restarted?). "
                "Use a new output directory."
            )
        return recovery.next_offset

    # -- buffering and flushing -------------------------------------------------------

    async def _buffer(self, tp: TopicPartition, record: ConsumerRecord[bytes, bytes]) -> None:
        buffer = self._buffers.get(tp)
        if buffer is None:
            buffer = self._buffers[tp] = PartitionBuffer(tp.topic, tp.partition)
        if buffer.last_offset is not None and record.offset <= buffer.last_offset:
            log.warning("%s[%d]: offset %d delivered again, skipped", tp.topic, tp.partition, record.offset)
            return
        spec = self.tables[tp.topic]
        value = record.value or b""
        buffer.note_offset(record.offset, len(value), time.monotonic())
        try:
            parsed = decode(spec.model, value, max_bytes=self.settings.kafka.max_request_bytes)
            add_record(buffer, spec, parsed, record.offset, self._seen.get(tp, ()))
        except (DecodeError, UnwritableRecord) as exc:
            # Dead-letter before the offset can ever be committed: nothing is lost silently.
            source = SourceRef(tp.topic, tp.partition, record.offset, record.key)
            await self._dead_letters.send(exc, value, source)
        except Exception as exc:  # the stage boundary: a row nobody foresaw must not stop the sink
            log.exception("%s[%d]@%d: unexpected error", tp.topic, tp.partition, record.offset)
            source = SourceRef(tp.topic, tp.partition, record.offset, record.key)
            await self._dead_letters.send(InternalError(exc), value, source)

    async def _send_dead_letter(self, key: bytes, value: bytes) -> None:
        assert self._producer is not None
        await self._producer.send(self._names.deadletter, value, key=key)

    async def _flush_due(self) -> None:
        now = time.monotonic()
        for tp, buffer in list(self._buffers.items()):
            reason = buffer.flush_reason(self.settings.sink, now)
            if reason:
                await self._flush(tp, reason)

    async def _flush_all(self, reason: str) -> None:
        for tp in list(self._buffers):
            await self._flush(tp, reason)

    async def _flush(self, tp: TopicPartition, reason: str) -> None:
        # The rebalance listener flushes too, from another task: one flush per partition at a time,
        # in offset order, or a later file could be durable before an earlier one.
        async with self._flush_locks.setdefault(tp, asyncio.Lock()):
            buffer = self._buffers.get(tp)
            if buffer is None or buffer.empty:
                return
            # Records read while this one is written go to the next file, never into this one's range.
            self._buffers[tp] = PartitionBuffer(tp.topic, tp.partition)
            await self._write_and_commit(tp, buffer, reason)

    async def _still_owner(self, tp: TopicPartition, first_offset: int) -> bool:
        """Fence a write: the partition is still assigned and the group coordinator accepts this
        member's commit of the batch's first offset (already durable: the files before the batch
        end there). A member replaced while it was stopped gets CommitFailedError here, before it
        renames a file the new owner is writing too."""
        assert self._consumer is not None
        if tp not in self._consumer.assignment():
            return False
        try:
            await asyncio.wait_for(
                self._consumer.commit({tp: first_offset}), self.settings.kafka.send_timeout_s
            )
        except (CommitFailedError, KafkaError, TimeoutError) as exc:
            log.warning("%s[%d]: not written, ownership not confirmed: %r", tp.topic, tp.partition, exc)
            return False
        return True

    async def _write_and_commit(self, tp: TopicPartition, buffer: PartitionBuffer, reason: str) -> None:
        assert buffer.first_offset is not None
        if not await self._still_owner(tp, buffer.first_offset):
            # Read the batch again if the partition stays ours (a failed commit during a broker
            # hiccup); if it moved, the new owner reads it from the commit and this seek is moot.
            if self._consumer is not None and tp in self._consumer.assignment():
                # what was read after this batch goes too, or its higher offsets would make the
                # re-read records look delivered twice
                self._buffers.pop(tp, None)
                self._consumer.seek(tp, buffer.first_offset)
            self.fenced_batches += 1
            return
        attempts = self.settings.sink.write_retries + 1
        for attempt in range(1, attempts + 1):
            try:
                with self.metrics.timer():
                    await asyncio.to_thread(self._write_batch, buffer)
                break
            except OSError as exc:
                if attempt == attempts:
                    crash_hard(
                        __name__, f"flush of {tp.topic}[{tp.partition}] failed {attempts} times: {exc!r}"
                    )
                delay = min(2.0**attempt, 30.0)
                log.error(
                    "flush of %s[%d] failed (%r); retry %d in %.0fs",
                    tp.topic,
                    tp.partition,
                    exc,
                    attempt,
                    delay,
                )
                await asyncio.sleep(delay)
        assert buffer.last_offset is not None
        seen = self._seen.setdefault(tp, SeenIdentities(self.settings.sink.dedup_capacity))
        seen.add_all(buffer.identities)  # only now: a dropped batch's records are read again
        self.duplicates_skipped += buffer.skipped_duplicates
        await self._commit(tp, buffer.last_offset + 1)
        log.info(
            "%s[%d]: wrote offsets %d..%d (%d records) on %s",
            tp.topic,
            tp.partition,
            buffer.first_offset,
            buffer.last_offset,
            buffer.records,
            reason,
            extra={
                "topic": tp.topic,
                "partition": tp.partition,
                "first_offset": buffer.first_offset,
                "last_offset": buffer.last_offset,
            },
        )

    def _write_batch(self, buffer: PartitionBuffer) -> None:
        rows, files = write_batch(self.storage, self.tables[buffer.topic], buffer)
        self.rows_written += rows
        self.metrics.produced_to(f"parquet:{self.tables[buffer.topic].name}", rows)
        self.files_written += files

    async def _commit(self, tp: TopicPartition, next_offset: int) -> None:
        assert self._consumer is not None
        try:
            await asyncio.wait_for(
                self._consumer.commit({tp: next_offset}), self.settings.kafka.send_timeout_s
            )
        except (CommitFailedError, KafkaError, TimeoutError) as exc:
            # Safe: the files are durable and resumption reads their names, not the commit.
            log.warning("commit of %s[%d]=%d failed: %r", tp.topic, tp.partition, next_offset, exc)


def build(
    settings: Settings, metrics: ServiceMetrics | None = None, storage: Storage | None = None
) -> SinkService:
    """The sink service, wired to ``settings``; ``storage`` replaces the configured output
    (the crash tests pass one that kills the process at an exact point of a write)."""
    return SinkService(settings, storage or open_storage(settings.sink), metrics)
