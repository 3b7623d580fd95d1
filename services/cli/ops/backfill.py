"""``newswire backfill``: rebuild a table for a time range from its topic, into a separate output.

It reads with a group-less consumer (nothing is committed, the live sink's group and files are
untouched), from the first record at or after ``since`` to the first at or after ``until`` (the
end when omitted), keeps the records whose timestamp falls in [since, until), and writes them with
the live sink's naming and batching, so the result reads (and compacts) like the live table.
Records that do not decode are counted, not dead-lettered again (the live sink did that).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from aiokafka import AIOKafkaConsumer, TopicPartition

from schemas import DecodeError, decode
from services.cli.ops.offsets import offset_for_time, partitions_of
from services.common.kafka import require_bootstrap
from services.common.settings import KafkaSettings
from services.common.topics import TopicNames
from services.sink.batches import add_record, write_batch
from services.sink.buffer import PartitionBuffer
from services.sink.storage import Storage
from services.sink.tables import TABLES

BACKFILL_WRITER = "newswire-backfill"


@dataclass
class BackfillReport:
    records: int = 0  # read from the topic
    rows: int = 0  # written (in the time range)
    files: int = 0
    undecodable: int = 0


async def backfill(
    kafka: KafkaSettings,
    storage: Storage,
    table: str,
    *,
    since: datetime,
    until: datetime | None,
    batch_records: int,
    on_progress: Callable[[int, int], None] = lambda done, total: None,
) -> BackfillReport:
    spec = TABLES[table]
    topic = getattr(TopicNames.from_settings(kafka), spec.topic_attr)
    low = int(since.timestamp() * 1000)
    high = int(until.timestamp() * 1000) if until else None
    consumer = AIOKafkaConsumer(
        bootstrap_servers=require_bootstrap(kafka),
        enable_auto_commit=False,
        max_partition_fetch_bytes=kafka.max_request_bytes,
    )
    await consumer.start()
    report = BackfillReport()
    try:
        tps = await partitions_of(consumer, [topic])
        consumer.assign(tps)
        ends = await consumer.end_offsets(tps)
        ranges: dict[TopicPartition, tuple[int, int]] = {}
        for tp in tps:
            start = await offset_for_time(consumer, tp, since, ends[tp])
            stop = await offset_for_time(consumer, tp, until, ends[tp]) if until else ends[tp]
            if start < stop:
                ranges[tp] = (start, stop)
        total = sum(stop - start for start, stop in ranges.values())
        for tp, (start, stop) in ranges.items():
            consumer.seek(tp, start)
            buffer = PartitionBuffer(tp.topic, tp.partition)
            done = False
            while not done:
                records = (await asyncio.wait_for(consumer.getmany(tp, timeout_ms=2000), 60)).get(tp, [])
                if not records:
                    break  # the partition ends before ``stop`` (end offsets can overcount)
                for record in records:
                    if record.offset >= stop:
                        done = True
                        break
                    report.records += 1
                    buffer.note_offset(record.offset, len(record.value or b""), 0.0)
                    in_range = record.timestamp >= low and (high is None or record.timestamp < high)
                    if in_range:
                        try:
                            add_record(buffer, spec, decode(spec.model, record.value), record.offset)
                        except DecodeError:
                            report.undecodable += 1
                    if buffer.records >= batch_records:
                        _flush(storage, spec.name, buffer, report)
                        buffer = PartitionBuffer(tp.topic, tp.partition)
                    on_progress(report.records, total)
                if records[-1].offset + 1 >= stop:
                    done = True
            if not buffer.empty:
                _flush(storage, spec.name, buffer, report)
        return report
    finally:
        await consumer.stop()


def _flush(storage: Storage, table: str, buffer: PartitionBuffer, report: BackfillReport) -> None:
    rows, files = write_batch(storage, TABLES[table], buffer, writer=BACKFILL_WRITER)
    report.rows += rows
    report.files += files
