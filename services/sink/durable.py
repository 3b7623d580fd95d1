"""Writing a Parquet file so that it is either wholly there or not there at all.

Order (Kafka Connect's, reliability notes B1): write ``.name.tmp`` -> fsync it ->
``os.replace`` onto the final name -> fsync the directory. Only after that may
the caller commit the offsets the file covers.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

import pyarrow as pa
import pyarrow.parquet as pq

ROW_GROUP_ROWS = 64 * 1024


class FileOps(Protocol):
    """The filesystem steps of a durable write (a recording fake checks their order in tests)."""

    def write_and_fsync(self, path: Path, table: pa.Table, metadata: dict[str, str]) -> None: ...
    def replace(self, src: Path, dst: Path) -> None: ...
    def fsync_dir(self, directory: Path) -> None: ...


class LocalFileOps:
    def write_and_fsync(self, path: Path, table: pa.Table, metadata: dict[str, str]) -> None:
        existing = table.schema.metadata or {}
        table = table.replace_schema_metadata(
            {**existing, **{k.encode(): v.encode() for k, v in metadata.items()}}
        )
        with open(path, "wb") as f:
            pq.write_table(
                table,
                f,
                compression="zstd",
                row_group_size=ROW_GROUP_ROWS,
                write_statistics=True,
                use_dictionary=True,
            )
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
    ops: FileOps, table: pa.Table, final_path: Path, tmp_name: str, metadata: dict[str, str]
) -> None:
    """Write ``table`` to ``final_path`` via a temp file in the same directory."""
    directory = final_path.parent
    created = not directory.exists()
    directory.mkdir(parents=True, exist_ok=True)
    if created:  # the new date=... directory entry must itself be durable
        ops.fsync_dir(directory.parent)
    tmp = directory / tmp_name
    ops.write_and_fsync(tmp, table, metadata)
    ops.replace(tmp, final_path)
    ops.fsync_dir(directory)
