"""Finding where a partition resumes, from the data file names alone.

A flush writes one file per date partition, all named with the batch's offset
range and carrying ``newswire.batch_files`` in their metadata. The last batch of
a partition is complete when that many files with its range exist; a crash in
the middle of a batch leaves fewer, which are deleted (their offsets were never
committed) so the replay cannot produce an overlapping file.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from services.sink.durable import LocalFileOps
from services.sink.naming import DataFileName, tmp_prefix

log = logging.getLogger(__name__)

BATCH_FILES_KEY = "newswire.batch_files"


@dataclass(frozen=True)
class Recovery:
    next_offset: int | None  # None: no file yet for this partition
    deleted_tmp: list[Path]
    deleted_incomplete: list[Path]


def data_files(table_dir: Path, topic: str, partition: int) -> list[tuple[DataFileName, Path]]:
    found = []
    for path in table_dir.glob(f"*/{topic}+{partition}+*.parquet"):
        parsed = DataFileName.parse(path.name)
        if parsed and parsed.topic == topic and parsed.partition == partition:
            found.append((parsed, path))
    return sorted(found)


def _batch_files(path: Path) -> int:
    metadata = pq.read_schema(path).metadata or {}
    return int(metadata.get(BATCH_FILES_KEY.encode(), b"1"))


def recover_partition(table_dir: Path, topic: str, partition: int) -> Recovery:
    """Delete this partition's stale temp files and incomplete last batch; return the offset to resume at."""
    stale = [p for p in table_dir.glob(f"*/{tmp_prefix(topic, partition)}*") if p.name.endswith(".tmp")]
    for path in stale:
        path.unlink(missing_ok=True)
    files = data_files(table_dir, topic, partition)
    if not files:
        return Recovery(None, stale, [])
    last_offset = files[-1][0].last_offset
    last_batch = [(name, path) for name, path in files if name.last_offset == last_offset]
    first_offset = last_batch[0][0].first_offset
    expected = _batch_files(last_batch[0][1])
    if len(last_batch) >= expected:
        return Recovery(last_offset + 1, stale, [])
    log.warning(
        "%s[%d]: batch %d..%d has %d of %d files; deleting it and replaying from %d",
        topic,
        partition,
        first_offset,
        last_offset,
        len(last_batch),
        expected,
        first_offset,
    )
    for _, path in last_batch:
        path.unlink(missing_ok=True)
    # The deletions must be durable before a replay writes a new range over these offsets.
    for directory in {path.parent for _, path in last_batch}:
        LocalFileOps().fsync_dir(directory)
    return Recovery(first_offset, stale, [p for _, p in last_batch])
