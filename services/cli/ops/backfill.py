"""``newswire backfill``: rebuild a table for a time range from its topic, into a separate output.

It reads with a group-less consumer (nothing is committed, the live sink's group and files are
untouched), from the first record at or after ``since`` to the first at or after ``until`` (the
end when omitted), keeps the records whose timestamp falls in [since, until), and writes them with
the live sink's naming and batching, so the result reads (and compacts) like the live table.
Records that do not decode are counted, not dead-lettered again (the live sink did that).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import version

from aiokafka import TopicPartition

from schemas import DecodeError, decode
from services.cli.ops.ranges import TimeRange, records_in_range
from services.common.settings import KafkaSettings
from services.common.topics import TopicNames
from services.sink.batches import UnwritableRecord, add_record, write_batch
from services.sink.buffer import PartitionBuffer
from services.sink.identities import SeenIdentities
from services.sink.storage import Storage
from services.sink.tables import TABLES

BACKFILL_WRITER = f"newswire-backfill/{version('newswire')}"


@dataclass
class BackfillReport:
    records: int = 0  # read from the topic
    rows: int = 0  # written (in the time range)
    files: int = 0
    undecodable: int = 0
    duplicates: int = 0  # records whose identity an earlier record of the partition had


async def backfill(
    kafka: KafkaSettings,
    storage: Storage,
    table: str,
    *,
    since: datetime,
    until: datetime | None,
    batch_records: int,
    dedup_capacity: int = 200_000,
    on_progress: Callable[[int, int], None] = lambda done, total: None,
) -> BackfillReport:
    spec = TABLES[table]
    topic = getattr(TopicNames.from_settings(kafka), spec.topic_attr)
    window = TimeRange(since, until)
    report = BackfillReport()
    total = 0

    def note_total(n: int) -> None:
        nonlocal total
        total = n

    buffers: dict[TopicPartition, PartitionBuffer] = {}
    # the live sink's rule: a record that arrived again (same identity, new offset) is one row
    seen: dict[TopicPartition, SeenIdentities] = {}
    async for tp, record in records_in_range(kafka, topic, window, on_total=note_total):
        buffer = buffers.setdefault(tp, PartitionBuffer(tp.topic, tp.partition))
        partition_seen = seen.setdefault(tp, SeenIdentities(dedup_capacity))
        report.records += 1
        buffer.note_offset(record.offset, len(record.value or b""), 0.0)
        if window.holds(record.timestamp):
            try:
                add_record(buffer, spec, decode(spec.model, record.value), record.offset, partition_seen)
            except (DecodeError, UnwritableRecord):  # the live sink dead-lettered these
                report.undecodable += 1
        if buffer.records >= batch_records:
            flushed = buffers.pop(tp)
            _flush(storage, spec.name, flushed, report)
            partition_seen.add_all(flushed.identities)
        on_progress(report.records, total)
    for buffer in buffers.values():
        if not buffer.empty:
            _flush(storage, spec.name, buffer, report)
    return report


def _flush(storage: Storage, table: str, buffer: PartitionBuffer, report: BackfillReport) -> None:
    rows, files = write_batch(storage, TABLES[table], buffer, writer=BACKFILL_WRITER)
    report.rows += rows
    report.files += files
    report.duplicates += buffer.skipped_duplicates
