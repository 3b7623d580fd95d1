"""Writing a Parquet file so that it is either wholly there or not there at all.

Order on a local disk (as Kafka Connect's S3 sink, which names each file by topic, partition and
start offset and commits the offset only after the upload, which makes its files exactly-once):
write ``.name.tmp`` -> fsync it -> ``os.replace`` onto the final name -> fsync the directory.
Only after that may the caller commit the offsets the file covers. (On object storage one PUT
is atomic: see storage.py.)
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Protocol

import pyarrow as pa
import pyarrow.parquet as pq

ROW_GROUP_ROWS = 64 * 1024
# A row group is also closed at this many in-memory bytes: article rows are large.
ROW_GROUP_BYTES = 128 * 1024 * 1024


def conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table`` with ``schema``'s columns in its order; a column it lacks (an older file) is null."""
    if table.schema.equals(schema, check_metadata=False):
        return table
    columns = [
        table.column(f.name) if f.name in table.column_names else pa.nulls(table.num_rows, f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(columns, schema=schema)


def write_parquet(
    where: str | IO[bytes] | Any,
    schema: pa.Schema,
    parts: Iterable[pa.Table],
    metadata: dict[str, str],
) -> int:
    """Write ``parts`` as one Parquet file (zstd, statistics, dictionaries); returns the row count.

    Small parts are gathered into row groups of up to ROW_GROUP_ROWS rows / ROW_GROUP_BYTES bytes,
    so a file merged from many small ones still has large row groups.
    """
    existing = schema.metadata or {}
    schema = schema.with_metadata({**existing, **{k.encode(): v.encode() for k, v in metadata.items()}})
    rows = 0
    pending: list[pa.Table] = []
    pending_rows = pending_bytes = 0
    with pq.ParquetWriter(
        where, schema, compression="zstd", write_statistics=True, use_dictionary=True
    ) as writer:

        def write_pending() -> None:
            if pending:
                writer.write_table(pa.concat_tables(pending), row_group_size=ROW_GROUP_ROWS)
                pending.clear()

        for part in parts:
            part = conform(part, schema)
            pending.append(part)
            pending_rows += part.num_rows
            pending_bytes += part.nbytes
            rows += part.num_rows
            if pending_rows >= ROW_GROUP_ROWS or pending_bytes >= ROW_GROUP_BYTES:
                write_pending()
                pending_rows = pending_bytes = 0
        write_pending()
    return rows


class FileOps(Protocol):
    """The filesystem steps of a durable write (a recording fake checks their order in tests)."""

    def write_and_fsync(
        self, path: Path, schema: pa.Schema, parts: Iterable[pa.Table], metadata: dict[str, str]
    ) -> None: ...
    def replace(self, src: Path, dst: Path) -> None: ...
    def fsync_dir(self, directory: Path) -> None: ...


class LocalFileOps:
    def write_and_fsync(
        self, path: Path, schema: pa.Schema, parts: Iterable[pa.Table], metadata: dict[str, str]
    ) -> None:
        with open(path, "wb") as f:
            write_parquet(f, schema, parts, metadata)
            f.flush()
            os.fsync(f.fileno())

    def replace(self, src: Path, dst: Path) -> None:
        os.replace(src, dst)

    def fsync_dir(self, directory: Path) -> None:
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_durably(
    ops: FileOps,
    final_path: Path,
    tmp_name: str,
    schema: pa.Schema,
    parts: Iterable[pa.Table],
    metadata: dict[str, str],
) -> None:
    """Write ``parts`` to ``final_path`` via a temp file in the same directory."""
    directory = final_path.parent
    created = not directory.exists()
    directory.mkdir(parents=True, exist_ok=True)
    if created:  # the new date=... directory entry must itself be durable
        ops.fsync_dir(directory.parent)
    tmp = directory / tmp_name
    ops.write_and_fsync(tmp, schema, parts, metadata)
    ops.replace(tmp, final_path)
    ops.fsync_dir(directory)
