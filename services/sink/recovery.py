"""Finding where a partition resumes, from the data file names alone.

A flush writes one file per date partition, all named with the batch's offset
range and carrying ``newswire.batch_files`` in their metadata. The last batch of
a partition is complete when that many files with its range exist; a crash in
the middle of a batch leaves fewer, which are deleted (their offsets were never
committed) so the replay cannot produce an overlapping file. Compacted files
(compaction.py) never hold a partition's last batch, but their ranges count too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pyarrow as pa

from services.sink.naming import CompactedFileName, DataFileName, tmp_prefix
from services.sink.storage import Storage, StoredFile

log = logging.getLogger(__name__)

BATCH_FILES_KEY = "newswire.batch_files"


@dataclass(frozen=True)
class Recovery:
    next_offset: int | None  # None: no file yet for this partition
    deleted_tmp: list[str]
    deleted_incomplete: list[str]


def data_files(files: list[StoredFile], topic: str, partition: int) -> list[tuple[DataFileName, StoredFile]]:
    """The batch files (not compacted ones) of one topic partition, by offset."""
    found = []
    for file in files:
        parsed = DataFileName.parse(file.name)
        if parsed and parsed.topic == topic and parsed.partition == partition:
            found.append((parsed, file))
    return sorted(found)


def _covered_batches(batches: list[tuple[DataFileName, StoredFile]]) -> list[str]:
    """Paths of batch files whose offset range lies inside another batch's wider range."""
    ranges = {(name.first_offset, name.last_offset) for name, _ in batches}
    return [
        file.path
        for name, file in batches
        if any(
            first <= name.first_offset
            and name.last_offset <= last
            and (first, last) != (name.first_offset, name.last_offset)
            for first, last in ranges
        )
    ]


def _compacted_end(files: list[StoredFile], topic: str, partition: int) -> int | None:
    ends = [
        parsed.last_offset
        for parsed in map(CompactedFileName.parse, (f.name for f in files))
        if parsed and parsed.topic == topic and parsed.partition == partition
    ]
    return max(ends, default=None)


def recover_partition(
    storage: Storage, table: str, topic: str, partition: int, files: list[StoredFile] | None = None
) -> Recovery:
    """Delete this partition's stale temp files and incomplete last batch; return the offset to resume at.

    ``files`` is the table's listing, when the caller recovers several partitions from one (each
    partition's decision and deletions concern its own files only)."""
    if files is None:
        files = storage.list_files(table)
    prefix = tmp_prefix(topic, partition)
    stale = [f.path for f in files if f.name.startswith(prefix) and f.name.endswith(".tmp")]
    storage.delete(table, stale)
    batches = data_files(files, topic, partition)
    covered = _covered_batches(batches)
    if covered:
        # a batch written by a member that had already lost the partition, inside the range the
        # new owner wrote: its rows are all in the wider file, so it goes (before any read of it)
        log.warning(
            "%s[%d]: deleting %d batch files inside wider ones: %s", topic, partition, len(covered), covered
        )
        storage.delete(table, covered)
        batches = [(name, file) for name, file in batches if file.path not in covered]
    compacted_end = _compacted_end(files, topic, partition)
    if not batches:
        return Recovery(None if compacted_end is None else compacted_end + 1, stale, [])
    last_offset = batches[-1][0].last_offset
    last_batch = [(name, file) for name, file in batches if name.last_offset == last_offset]
    first_offset = last_batch[0][0].first_offset
    try:
        footers = [storage.read_schema(table, file.path).metadata or {} for _, file in last_batch]
        expected = int(footers[0].get(BATCH_FILES_KEY.encode(), b"1"))
    except (OSError, pa.ArrowInvalid) as exc:  # a torn file (no footer): the batch is not complete
        log.warning(
            "%s[%d]: unreadable file in batch %d..%d: %r", topic, partition, first_offset, last_offset, exc
        )
        expected = len(last_batch) + 1
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
    # Durable before a replay writes a new range over these offsets (Storage.delete's promise).
    incomplete = [file.path for _, file in last_batch]
    storage.delete(table, incomplete)
    return Recovery(first_offset, stale, incomplete)
