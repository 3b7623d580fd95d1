"""Merging a table's small files into large ones, safely next to a running sink.

Idle and age flushes keep quiet feeds fresh at the price of small files; compaction merges,
per date partition and source topic partition, the files of partitions that are closed
(dated before ``before``) into files of up to ``target_bytes``:

1. the merged file ``<topic>+<partition>+<first>+<last>.compacted.parquet`` is written and
   durable first (temp file, fsync, rename; or one PUT), with the exact offset ranges it covers
   and the names of the files it replaces in its metadata;
2. only then are those files deleted.

A crash between 1 and 2 leaves rows twice (never zero times) until the next run, which finishes
the job first: it deletes every file a compacted file says it replaced. Two rules keep the sink's
recovery (recovery.py, from file names) true: a partition's newest batch is never compacted (it
may still be incomplete), and compacted names do not parse as batch names. Run one compaction
at a time per table.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.metadata import version

import pyarrow as pa

from services.sink.naming import CompactedFileName, DataFileName
from services.sink.storage import Storage, StoredFile

log = logging.getLogger(__name__)

COVERED_KEY = "newswire.covered_ranges"  # "0-99,300-399": the batch offset ranges the file holds rows of
REPLACES_KEY = "newswire.compacted_from"  # JSON list of the file names (same directory) it replaces
TMP_PREFIX = ".compacting-"  # not a sink temp prefix: the sink's recovery must not delete these
DEFAULT_TARGET_BYTES = 256 * 1024 * 1024
UNKNOWN_PARTITION = "date=unknown"
WRITER = f"newswire-compact/{version('newswire')}"


def format_ranges(ranges: list[tuple[int, int]]) -> str:
    return ",".join(f"{first}-{last}" for first, last in sorted(ranges))


def parse_ranges(text: str) -> list[tuple[int, int]]:
    pairs = (item.split("-") for item in text.split(",") if item)
    return sorted((int(first), int(last)) for first, last in pairs)


@dataclass(frozen=True)
class _Source:
    file: StoredFile
    name: DataFileName  # a batch name or a CompactedFileName

    @property
    def compacted(self) -> bool:
        return isinstance(self.name, CompactedFileName)


@dataclass
class CompactionReport:
    table: str
    partitions: int = 0
    files_in: int = 0
    files_out: int = 0
    rows: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    finished_earlier: int = 0  # files a crashed earlier run had already replaced, deleted now
    written: list[str] = field(default_factory=list)


def _parse(file: StoredFile) -> DataFileName | None:
    return CompactedFileName.parse(file.name) or DataFileName.parse(file.name)


def _finish_earlier_runs(storage: Storage, table: str, files: list[StoredFile]) -> int:
    """Delete leftovers of a crashed run: temp files, and files a compacted file already replaces."""
    present = {f.path for f in files}
    leftovers = [f.path for f in files if f.name.startswith(TMP_PREFIX)]
    for file in files:
        if CompactedFileName.parse(file.name) is None:
            continue
        metadata = storage.read_schema(table, file.path).metadata or {}
        replaced = json.loads(metadata.get(REPLACES_KEY.encode(), b"[]"))
        leftovers += [p for p in (f"{file.partition_dir}/{n}" for n in replaced) if p in present]
    if leftovers:
        log.warning("%s: deleting %d files left by an interrupted compaction", table, len(leftovers))
        storage.delete(table, leftovers)
    return len(leftovers)


def _newest_batches(sources: list[_Source]) -> set[tuple[str, int, int, int]]:
    """Per topic partition, the newest batch's (topic, partition, first, last): never compacted."""
    newest: dict[tuple[str, int], DataFileName] = {}
    for source in sources:
        if source.compacted:
            continue
        key = (source.name.topic, source.name.partition)
        if key not in newest or source.name.last_offset > newest[key].last_offset:
            newest[key] = source.name
    return {(n.topic, n.partition, n.first_offset, n.last_offset) for n in newest.values()}


def _chunks(sources: list[_Source], target_bytes: int) -> Iterator[list[_Source]]:
    """Consecutive runs of files up to ``target_bytes``; a lone file is left as it is."""
    chunk: list[_Source] = []
    size = 0
    for source in sources:
        if chunk and size + source.file.size > target_bytes:
            if len(chunk) > 1:
                yield chunk
            chunk, size = [], 0
        chunk.append(source)
        size += source.file.size
    if len(chunk) > 1:
        yield chunk


def _covered(storage: Storage, table: str, source: _Source) -> list[tuple[int, int]]:
    if not source.compacted:
        return [(source.name.first_offset, source.name.last_offset)]
    metadata = storage.read_schema(table, source.file.path).metadata or {}
    return parse_ranges(metadata[COVERED_KEY.encode()].decode())


def compact_table(
    storage: Storage,
    table: str,
    *,
    before: str,
    include_unknown: bool = False,
    target_bytes: int = DEFAULT_TARGET_BYTES,
    dry_run: bool = False,
) -> CompactionReport:
    """Compact the ``date=`` partitions of ``table`` dated before ``before`` (YYYY-MM-DD)."""
    report = CompactionReport(table)
    files = storage.list_files(table)
    if not dry_run:
        report.finished_earlier = _finish_earlier_runs(storage, table, files)
        files = storage.list_files(table)
    sources = [_Source(f, n) for f in files if (n := _parse(f)) is not None]
    newest = _newest_batches(sources)
    groups: dict[tuple[str, str, int], list[_Source]] = defaultdict(list)
    for source in sources:
        day = source.file.partition_dir
        closed = day.startswith("date=") and day != UNKNOWN_PARTITION and day.removeprefix("date=") < before
        if not (closed or (include_unknown and day == UNKNOWN_PARTITION)):
            continue
        n = source.name
        if not source.compacted and (n.topic, n.partition, n.first_offset, n.last_offset) in newest:
            continue
        groups[(day, n.topic, n.partition)].append(source)
    existing = {f.path for f in files}
    for (day, topic, partition), members in sorted(groups.items()):
        members.sort(key=lambda s: (s.name.first_offset, s.name.last_offset))
        chunks = list(_chunks(members, target_bytes))
        if chunks:
            report.partitions += 1
        for chunk in chunks:
            covered = sorted(r for s in chunk for r in _covered(storage, table, s))
            name = CompactedFileName(topic, partition, covered[0][0], covered[-1][1])
            path = f"{day}/{name.name}"
            if path in existing:
                log.warning("%s: %s exists already; chunk left alone", table, path)
                continue
            report.files_in += len(chunk)
            report.bytes_in += sum(s.file.size for s in chunk)
            report.written.append(path)
            if dry_run:
                continue
            rows, size = _merge(storage, table, path, name, chunk, covered)
            report.rows += rows
            report.files_out += 1
            report.bytes_out += size
            # Only now, with the merged file durable, may the small ones go.
            storage.delete(table, [s.file.path for s in chunk])
    return report


def _merge(
    storage: Storage,
    table: str,
    path: str,
    name: CompactedFileName,
    chunk: list[_Source],
    covered: list[tuple[int, int]],
) -> tuple[int, int]:
    """Write the merged file; returns (rows, bytes)."""
    schemas = [storage.read_schema(table, s.file.path) for s in chunk]
    # Files written before and after a contract gained an optional field merge into the wider schema.
    schema = pa.unify_schemas([s.remove_metadata() for s in schemas], promote_options="permissive")
    schema_version = max(int((s.metadata or {}).get(b"newswire.schema_version", b"0")) for s in schemas)
    metadata = {
        "newswire.topic": name.topic,
        "newswire.partition": str(name.partition),
        "newswire.first_offset": str(name.first_offset),
        "newswire.last_offset": str(name.last_offset),
        "newswire.schema_version": str(schema_version),
        "newswire.writer": WRITER,
        COVERED_KEY: format_ranges(covered),
        REPLACES_KEY: json.dumps([s.file.name for s in chunk]),
    }
    rows = 0

    def parts() -> Iterator[pa.Table]:  # one source in memory at a time
        nonlocal rows
        for source in chunk:
            part = storage.read_table(table, source.file.path)
            rows += part.num_rows
            yield part

    size = storage.write(table, path, f"{TMP_PREFIX}{name.name}.tmp", schema, parts(), metadata)
    return rows, size
