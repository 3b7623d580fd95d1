"""The identities of the rows a partition's files already hold: what makes the tables
effectively-once when the same logical record arrives again at a new offset.

Every hop before the sink is at-least-once: a fetcher or extractor killed after producing and
before committing produces the record again, at a new offset, and the sink's exactly-once per
offset would write it twice. The sink remembers the identities (``TableSpec.identity_columns``)
of the rows of each partition it owns, the newest first, loaded from the partition's files when
it is assigned; a record whose identity is already there is skipped like a dead-lettered one (its
offset still counts in the batch's range, so ranges stay contiguous). A redelivery comes minutes
after the original, not months: ``capacity`` bounds the memory, per partition.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from services.sink.naming import CompactedFileName, DataFileName
from services.sink.storage import Storage, StoredFile
from services.sink.tables import TableSpec

Identity = tuple[Any, ...]


class SeenIdentities:
    """A bounded set of identities; the oldest added go first."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._items: OrderedDict[Identity, None] = OrderedDict()

    def __contains__(self, identity: object) -> bool:
        return identity in self._items

    def __len__(self) -> int:
        return len(self._items)

    def add_all(self, identities: Iterable[Identity]) -> None:
        for identity in identities:
            self._items[identity] = None
            self._items.move_to_end(identity)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)


def _last_offset(name: str, topic: str, partition: int) -> int | None:
    parsed = DataFileName.parse(name) or CompactedFileName.parse(name)
    if parsed is None or parsed.topic != topic or parsed.partition != partition:
        return None
    return parsed.last_offset


def load_identities(
    storage: Storage, spec: TableSpec, topic: str, partition: int, files: list[StoredFile], capacity: int
) -> SeenIdentities:
    """The identities of the newest rows of one topic partition's files, up to ``capacity``."""
    seen = SeenIdentities(capacity)
    if not spec.identity_columns:
        return seen
    ours = [
        (end, f)
        for f in files
        if not f.name.startswith(".") and (end := _last_offset(f.name, topic, partition)) is not None
    ]
    chunks: list[list[Identity]] = []
    loaded = 0
    for _, file in sorted(ours, key=lambda item: item[0], reverse=True):
        try:
            table = storage.read_table(spec.name, file.path, columns=list(spec.identity_columns))
        except (OSError, pa.ArrowInvalid):  # deleted by this partition's recovery, or torn
            continue
        columns = [table.column(c).to_pylist() for c in spec.identity_columns]
        chunks.append(list(zip(*columns, strict=True)))
        loaded += table.num_rows
        if loaded >= capacity:
            break
    for chunk in reversed(chunks):  # oldest first, so the newest are the last to be evicted
        seen.add_all(chunk)
    return seen
