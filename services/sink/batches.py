"""A batch of one topic partition becomes one file per date partition (shared by the live sink and
``newswire backfill``): rows with lineage, names with the batch's offset range, file metadata."""

from __future__ import annotations

from collections.abc import Container
from datetime import UTC, datetime
from importlib.metadata import version
from typing import Any

import pyarrow as pa

from schemas import SCHEMA_VERSION, Record
from services.common.errors import PermanentError
from services.sink.buffer import PartitionBuffer
from services.sink.naming import DataFileName
from services.sink.recovery import BATCH_FILES_KEY
from services.sink.storage import Storage
from services.sink.tables import UNKNOWN_DATE, TableSpec

WRITER = f"newswire-sink/{version('newswire')}"


class UnwritableRecord(PermanentError):
    """A valid record that no Parquet column of its table can hold (an integer past int64)."""


_INT64 = range(-(2**63), 2**63)


def _int_out_of_range(value: Any, path: str) -> str | None:
    """The path of the first integer in ``value`` that an int64 column cannot hold."""
    if isinstance(value, int) and not isinstance(value, bool):
        return path if value not in _INT64 else None
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list | tuple):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        if (found := _int_out_of_range(item, f"{path}.{key}")) is not None:
            return found
    return None


def add_record(
    buffer: PartitionBuffer,
    spec: TableSpec,
    parsed: Record,
    offset: int,
    seen: Container[tuple[Any, ...]] = (),
) -> bool:
    """Buffer ``parsed`` (read at ``offset``) as a row with its lineage columns; False, and no
    row, when its identity is in ``seen`` (the partition's files) or already in this batch.

    Raises :class:`UnwritableRecord` for a row the file could not hold: checked here, per record,
    because at write time one such row would fail the whole batch, and the sink with it, at
    every restart (the contracts allow any integer; a count read from "99999999999999999999
    suspects" is valid JSON and a valid record)."""
    row = spec.row(parsed)
    if (where := _int_out_of_range(row, spec.name)) is not None:
        raise UnwritableRecord(f"{where}: integer out of the int64 range of its column")
    identity = spec.identity(row)
    if identity is not None:
        if identity in seen or identity in buffer.identities:
            buffer.skipped_duplicates += 1
            return False
        buffer.identities.add(identity)
    row.update(
        src_topic=buffer.topic,
        src_partition=buffer.partition,
        src_offset=offset,
        ingested_at=datetime.now(UTC),
    )
    buffer.add_row(spec.date_key(parsed), row)
    return True


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
