"""Reading what the pipeline produced: Parquet rows, file offset ranges, topic contents."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from pathlib import Path
from typing import Any, TypeVar

import pyarrow as pa
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from schemas import Record, decode
from services.sink.compaction import COVERED_KEY, parse_ranges
from services.sink.naming import CompactedFileName, DataFileName
from services.sink.storage import LocalStorage, Storage, visible_files
from services.sink.tables import TableSpec

R = TypeVar("R", bound=Record)


def parquet_rows(table_dir: Path, columns: list[str] | None = None) -> list[dict[str, Any]]:
    return table_rows(LocalStorage(table_dir.parent), table_dir.name, columns)


def table_rows(storage: Storage, table: str, columns: list[str] | None = None) -> list[dict[str, Any]]:
    # A writer's temp file alone is not data: a dataset of no visible files has no columns.
    if not visible_files(storage.list_files(table)):
        return []
    return storage.dataset(table).to_table(columns=columns).to_pylist()


def file_ranges(table_dir: Path) -> dict[tuple[str, int], list[tuple[int, int]]]:
    return table_ranges(LocalStorage(table_dir.parent), table_dir.name)


def table_ranges(storage: Storage, table: str) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """Distinct (first, last) batch offset ranges per (topic, partition), sorted; a compacted file
    contributes the ranges its metadata lists. Temp files are not data files and are skipped."""
    ranges: dict[tuple[str, int], set[tuple[int, int]]] = defaultdict(set)
    for file in storage.list_files(table):
        if file.name.startswith("."):
            continue
        compacted = CompactedFileName.parse(file.name)
        if compacted is not None:
            metadata = storage.read_schema(table, file.path).metadata or {}
            covered = parse_ranges(metadata[COVERED_KEY.encode()].decode())
            ranges[(compacted.topic, compacted.partition)].update(covered)
            continue
        name = DataFileName.parse(file.name)
        assert name is not None, f"unexpected file name {file.path}"
        ranges[(name.topic, name.partition)].add((name.first_offset, name.last_offset))
    return {k: sorted(v) for k, v in ranges.items()}


def assert_contiguous(ranges: list[tuple[int, int]], *, start: int = 0) -> int:
    """Ranges cover start..end with no gap and no overlap; returns the next offset."""
    expected = start
    for first, last in ranges:
        assert first == expected, f"range {first}..{last} does not start at {expected}: {ranges}"
        expected = last + 1
    return expected


async def _end_offsets(bootstrap: str, topic: str) -> dict[int, int]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    await consumer.start()
    try:
        await consumer.topics()
        partitions = consumer.partitions_for_topic(topic) or set()
        ends = await consumer.end_offsets([TopicPartition(topic, p) for p in partitions])
        return {tp.partition: off for tp, off in ends.items()}
    finally:
        await consumer.stop()


def end_offsets(bootstrap: str, topic: str) -> dict[int, int]:
    return asyncio.run(_end_offsets(bootstrap, topic))


def topic_size(bootstrap: str, topic: str) -> int:
    return sum(end_offsets(bootstrap, topic).values())


async def _consume_all(bootstrap: str, topic: str) -> list[tuple[bytes | None, bytes | None]]:
    return [(key, value) for _, _, key, value in await _consume_located(bootstrap, topic)]


async def _consume_located(bootstrap: str, topic: str) -> list[tuple[int, int, bytes | None, bytes | None]]:
    """Every record of ``topic`` as (partition, offset, key, value)."""
    ends = await _end_offsets(bootstrap, topic)
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest"
    )
    await consumer.start()
    try:
        tps = [TopicPartition(topic, p) for p in ends]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        out: list[tuple[int, int, bytes | None, bytes | None]] = []
        remaining = {tp for tp in tps if ends[tp.partition] > 0}
        while remaining:
            batches = await asyncio.wait_for(consumer.getmany(timeout_ms=500), 30)
            for tp, records in batches.items():
                out.extend((r.partition, r.offset, r.key, r.value) for r in records)
                if records and records[-1].offset + 1 >= ends[tp.partition]:
                    remaining.discard(tp)
        return out
    finally:
        await consumer.stop()


def consume_all(bootstrap: str, topic: str) -> list[tuple[bytes | None, bytes | None]]:
    return asyncio.run(_consume_all(bootstrap, topic))


def fault_free_rows(bootstrap: str, topic: str, spec: TableSpec) -> list[dict[str, Any]]:
    """The rows a sink that never failed writes for every record of ``topic`` (minus ``ingested_at``),
    sorted by (partition, offset): what a faulty run's table must equal."""
    rows = []
    for partition, offset, _, value in asyncio.run(_consume_located(bootstrap, topic)):
        parsed = decode(spec.model, value or b"")
        row = spec.row(parsed)
        row.update(src_topic=topic, src_partition=partition, src_offset=offset)
        rows.append(row)
    schema = spec.schema
    schema = schema.remove(schema.get_field_index("ingested_at"))
    table = pa.Table.from_pylist(rows, schema=schema)
    return sorted(table.to_pylist(), key=lambda r: (r["src_partition"], r["src_offset"]))


def written_rows(storage: Storage, table: str) -> list[dict[str, Any]]:
    """The table's rows without ``ingested_at`` and the ``date`` directory, sorted as fault_free_rows."""
    rows = table_rows(storage, table)
    for row in rows:
        del row["ingested_at"], row["date"]
    return sorted(rows, key=lambda r: (r["src_partition"], r["src_offset"]))


def records(bootstrap: str, topic: str, model: type[R]) -> list[R]:
    """Every record of ``topic``, decoded as ``model`` (a decode error fails the test)."""
    return [decode(model, value) for _, value in consume_all(bootstrap, topic)]


async def _produce(bootstrap: str, topic: str, records: list[tuple[bytes | None, bytes]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", max_request_size=16 * 1024 * 1024)
    await producer.start()
    try:
        for key, value in records:
            await producer.send_and_wait(topic, value, key=key)
    finally:
        await producer.stop()


def produce(bootstrap: str, topic: str, records: list[tuple[bytes | None, bytes]]) -> None:
    asyncio.run(_produce(bootstrap, topic, records))


async def _produce_batched(bootstrap: str, topic: str, records: list[tuple[bytes | None, bytes]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=200)
    await producer.start()
    try:
        sent = [await producer.send(topic, value, key=key) for key, value in records]
        await asyncio.gather(*sent)
    finally:
        await producer.stop()


def produce_batched(bootstrap: str, topic: str, records: list[tuple[bytes | None, bytes]]) -> None:
    """Send all, then wait: the records travel in few multi-record batches, as a busy producer's do."""
    asyncio.run(_produce_batched(bootstrap, topic, records))
