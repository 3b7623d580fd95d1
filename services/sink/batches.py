"""A batch of one topic partition becomes one file per date partition (shared by the live sink and
``newswire backfill``): rows with lineage, names with the batch's offset range, file metadata."""

from __future__ import annotations

from datetime import UTC, datetime
from importlib.metadata import version
from typing import Any

import pyarrow as pa

from schemas import SCHEMA_VERSION, Record
from services.sink.buffer import PartitionBuffer
from services.sink.naming import DataFileName
from services.sink.recovery import BATCH_FILES_KEY
from services.sink.storage import Storage
from services.sink.tables import UNKNOWN_DATE, TableSpec

WRITER = f"newswire-sink/{version('newswire')}"


def add_record(buffer: PartitionBuffer, spec: TableSpec, parsed: Record, offset: int) -> None:
    """Buffer ``parsed`` (read at ``offset``) as a row with its lineage columns."""
    row = spec.row(parsed)
    row.update(
        src_topic=buffer.topic,
        src_partition=buffer.partition,
        src_offset=offset,
        ingested_at=datetime.now(UTC),
    )
    buffer.add_row(spec.date_key(parsed), row)


def write_batch(
    storage: Storage, spec: TableSpec, buffer: PartitionBuffer, *, writer: str = WRITER
) -> tuple[int, int]:
    """Write one file per date partition, each named with the whole batch's offset range; returns
    (rows, files). A batch of dead-lettered records only still writes an empty file, so the
    partition's ranges stay contiguous."""
    assert buffer.first_offset is not None and buffer.last_offset is not None
    name = DataFileName(buffer.topic, buffer.partition, buffer.first_offset, buffer.last_offset)
    groups: dict[str, list[dict[str, Any]]] = dict(buffer.rows_by_date) or {UNKNOWN_DATE: []}
    metadata = {
        "newswire.topic": buffer.topic,
        "newswire.partition": str(buffer.partition),
        "newswire.first_offset": str(buffer.first_offset),
        "newswire.last_offset": str(buffer.last_offset),
        "newswire.schema_version": str(SCHEMA_VERSION),
        "newswire.writer": writer,
        BATCH_FILES_KEY: str(len(groups)),
    }
    schema = spec.schema
    rows = 0
    for day, day_rows in sorted(groups.items()):
        table = pa.Table.from_pylist(day_rows, schema=schema)
        storage.write(spec.name, f"date={day}/{name.name}", name.tmp_name, schema, [table], metadata)
        rows += len(day_rows)
    return rows, len(groups)
