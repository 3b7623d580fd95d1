"""Where the sink's tables live: a local directory or an S3-compatible bucket.

Both keep the same layout, ``<root>/<table>/date=<day>/<file>``, and the same promise: when
``write`` returns, the file is wholly there and will stay there (local: temp file, fsync, rename,
fsync directory; S3: one PUT or one completed multipart upload, which is atomic), so the caller may
commit the offsets it covers. Deterministic names make a re-delivered write an overwrite.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from services.common.settings import SinkSettings
from services.sink.durable import FileOps, LocalFileOps, write_durably, write_parquet


@dataclass(frozen=True, order=True)
class StoredFile:
    """A file of a table: ``path`` is relative to the table, e.g. ``date=2024-04-10/<name>``."""

    path: str
    size: int

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def partition_dir(self) -> str:
        return self.path.rsplit("/", 1)[0]


class Storage(Protocol):
    def location(self, table: str, path: str = "") -> str:
        """Human-readable location of a table or one of its files."""
        ...

    def list_files(self, table: str) -> list[StoredFile]:
        """Every file one partition directory deep, temp files included; [] when the table is new."""
        ...

    def write(
        self,
        table: str,
        path: str,
        tmp_name: str,
        schema: pa.Schema,
        parts: Iterable[pa.Table],
        meta: dict[str, str],
    ) -> int:
        """Write one Parquet file; durable and complete when this returns. Returns its size in bytes."""
        ...

    def delete(self, table: str, paths: Sequence[str]) -> None:
        """Delete files (missing ones are fine); durable when this returns."""
        ...

    def read_schema(self, table: str, path: str) -> pa.Schema: ...

    def read_table(self, table: str, path: str, columns: list[str] | None = None) -> pa.Table: ...

    def dataset(self, table: str, files: Sequence[StoredFile] | None = None) -> ds.Dataset:
        """The table's visible data files (or ``files``) as one hive-partitioned dataset."""
        ...


def readable_files(
    storage: Storage, table: str
) -> tuple[list[tuple[StoredFile, pa.Schema]], list[tuple[StoredFile, str]]]:
    """The table's visible data files whose Parquet footer reads, with their schemas, and the
    others with why: a file torn by a crash or damaged on disk must not make the whole table
    unreadable."""
    good: list[tuple[StoredFile, pa.Schema]] = []
    bad: list[tuple[StoredFile, str]] = []
    for file in visible_files(storage.list_files(table)):
        try:
            good.append((file, storage.read_schema(table, file.path)))
        except (OSError, pa.ArrowInvalid) as exc:
            bad.append((file, f"{type(exc).__name__}: {exc}"))
    return good, bad


def visible_files(files: Iterable[StoredFile]) -> list[StoredFile]:
    """The data files readers see: Parquet files that are not a writer's hidden temp file."""
    return [f for f in files if f.name.endswith(".parquet") and not f.name.startswith(".")]


class LocalStorage:
    def __init__(self, root: Path, file_ops: FileOps | None = None) -> None:
        self.root = Path(root)
        self._ops = file_ops or LocalFileOps()

    def location(self, table: str, path: str = "") -> str:
        return str(self.root / table / path) if path else str(self.root / table)

    def list_files(self, table: str) -> list[StoredFile]:
        table_dir = self.root / table
        if not table_dir.is_dir():
            return []
        found = []
        for partition in os.scandir(table_dir):
            if not partition.is_dir():
                continue
            for entry in os.scandir(partition.path):
                try:
                    if entry.is_file():
                        found.append(StoredFile(f"{partition.name}/{entry.name}", entry.stat().st_size))
                except FileNotFoundError:  # deleted meanwhile (a temp file renamed, a compacted source)
                    continue
        return sorted(found)

    def write(
        self,
        table: str,
        path: str,
        tmp_name: str,
        schema: pa.Schema,
        parts: Iterable[pa.Table],
        meta: dict[str, str],
    ) -> int:
        final = self.root / table / path
        write_durably(self._ops, final, tmp_name, schema, parts, meta)
        return final.stat().st_size

    def delete(self, table: str, paths: Sequence[str]) -> None:
        directories = set()
        for path in paths:
            full = self.root / table / path
            full.unlink(missing_ok=True)
            directories.add(full.parent)
        for directory in directories:  # the deletions must be durable before anything relies on them
            self._ops.fsync_dir(directory)

    def read_schema(self, table: str, path: str) -> pa.Schema:
        return pq.read_schema(self.root / table / path)

    def read_table(self, table: str, path: str, columns: list[str] | None = None) -> pa.Table:
        return pq.read_table(self.root / table / path, columns=columns)

    def dataset(self, table: str, files: Sequence[StoredFile] | None = None) -> ds.Dataset:
        chosen = visible_files(self.list_files(table)) if files is None else files
        paths = [str(self.root / table / f.path) for f in chosen]
        return ds.dataset(
            paths, format="parquet", partitioning="hive", partition_base_dir=str(self.root / table)
        )


class ObjectStorage:
    """A bucket prefix on S3 or an S3-compatible server (MinIO, Ceph, moto), through pyarrow.fs."""

    def __init__(self, filesystem: pafs.FileSystem, root: str, display_root: str) -> None:
        self.fs = filesystem
        self.root = root.strip("/")
        self._display = display_root.rstrip("/")

    def _key(self, table: str, path: str = "") -> str:
        return f"{self.root}/{table}/{path}" if path else f"{self.root}/{table}"

    def location(self, table: str, path: str = "") -> str:
        return f"{self._display}/{table}/{path}" if path else f"{self._display}/{table}"

    def list_files(self, table: str) -> list[StoredFile]:
        prefix = self._key(table) + "/"
        selector = pafs.FileSelector(self._key(table), recursive=True, allow_not_found=True)
        found = []
        for info in self.fs.get_file_info(selector):
            relative = info.path[len(prefix) :]
            if info.type == pafs.FileType.File and relative.count("/") == 1:
                found.append(StoredFile(relative, info.size or 0))
        return sorted(found)

    def write(
        self,
        table: str,
        path: str,
        tmp_name: str,
        schema: pa.Schema,
        parts: Iterable[pa.Table],
        meta: dict[str, str],
    ) -> int:
        # The whole file is built in memory first: an S3 output stream completes its upload when it
        # is closed, even by an exception or a destructor, so writing Parquet into it directly could
        # leave a torn object under the final name. Uploading finished bytes, a crash during the
        # upload leaves no object (or, for a multipart upload, an invisible incomplete one).
        buffer = pa.BufferOutputStream()
        write_parquet(buffer, schema, parts, meta)
        data = buffer.getvalue()
        with self.fs.open_output_stream(self._key(table, path)) as out:
            out.write(data)
        return data.size

    def delete(self, table: str, paths: Sequence[str]) -> None:
        for path in paths:
            with contextlib.suppress(FileNotFoundError):
                self.fs.delete_file(self._key(table, path))

    def read_schema(self, table: str, path: str) -> pa.Schema:
        return pq.read_schema(self._key(table, path), filesystem=self.fs)

    def read_table(self, table: str, path: str, columns: list[str] | None = None) -> pa.Table:
        return pq.read_table(self._key(table, path), filesystem=self.fs, columns=columns)

    def dataset(self, table: str, files: Sequence[StoredFile] | None = None) -> ds.Dataset:
        chosen = visible_files(self.list_files(table)) if files is None else files
        paths = [self._key(table, f.path) for f in chosen]
        return ds.dataset(
            paths,
            format="parquet",
            filesystem=self.fs,
            partitioning="hive",
            partition_base_dir=self._key(table),
        )


class StorageError(RuntimeError):
    """The configured output location cannot be used (no such bucket, bad URL)."""


def open_storage(settings: SinkSettings, *, file_ops: FileOps | None = None) -> Storage:
    """The sink's storage: ``s3_url`` when set (credentials: the standard AWS variables), else ``out_dir``."""
    if not settings.s3_url:
        return LocalStorage(settings.out_dir, file_ops)
    url = urlsplit(settings.s3_url)
    if url.scheme != "s3" or not url.netloc:
        raise StorageError(f"s3_url must look like s3://bucket/prefix, got {settings.s3_url!r}")
    options: dict[str, object] = {"region": settings.s3_region, "allow_bucket_creation": False}
    if settings.s3_endpoint:
        endpoint = urlsplit(settings.s3_endpoint)
        options.update(endpoint_override=endpoint.netloc or endpoint.path, scheme=endpoint.scheme or "https")
    filesystem = pafs.S3FileSystem(**options)
    bucket = url.netloc
    if filesystem.get_file_info(bucket).type != pafs.FileType.Directory:
        raise StorageError(f"bucket {bucket!r} does not exist at {settings.s3_endpoint or 'AWS'}")
    return ObjectStorage(filesystem, f"{bucket}/{url.path.strip('/')}".rstrip("/"), settings.s3_url)
