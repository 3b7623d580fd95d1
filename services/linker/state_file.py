"""The linker's local store (``linker.state_dir``): a checkpoint of its state on disk, so that a
restart reads only the ``event-clusters`` versions written after it.

Rebuilding the state from the topic decodes and validates every event's latest version and
rebuilds its profile: about 4,000 events a second, four minutes for a million. The file holds
each event's full record (compressed) and its profile, and, per partition of ``event-clusters``,
the offset after the last version they reflect. Records are written as the linker makes them,
inside one open SQLite transaction; ``checkpoint`` adds the profiles of the events changed since
the last one and the offsets, and commits. Only acknowledged versions are behind a checkpoint
(the worker calls it after the broker acknowledged every version it sent), and a crash rolls the
file back to the last one, so loading it and reading the topic from its offsets gives the state a
rebuild from the whole topic gives (Kafka Streams' local stores and their checkpoint files work
the same way).

The topic stays the truth. A file written for another topic or partition count, with offsets past
the topic's end (the topic was deleted and created again), or that cannot be read, is emptied and
the state rebuilt from the topic. WAL journal with ``synchronous = NORMAL``: a power cut may lose
the last checkpoints but never leaves half of one, and a lost checkpoint only lengthens the tail.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from schemas import EventCluster
from services.linker.state import EventProfile, packed, profile_bytes, profile_from_bytes, unpacked

log = logging.getLogger(__name__)

FILE_FORMAT = "2"
_NO_CHECKPOINT = "no checkpoint yet"  # a new file: not worth a warning

# Profiles have a table of their own: every start reads all of them (about 600 bytes an event),
# and with the records (a few KB each) in the same rows it read the whole file. The records are
# read one at a time by id; they sit in a rowid table because its rows are large (SQLite's B-tree
# of a WITHOUT ROWID table spills anything over about 1 KB a row to overflow pages) and its row
# count reads only the small index on event_id.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS positions (partition INTEGER PRIMARY KEY, next_offset INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS records (event_id TEXT PRIMARY KEY, record BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS profiles (event_id TEXT PRIMARY KEY, profile BLOB NOT NULL) WITHOUT ROWID;
"""


class StateFile:
    """The full records of the events the linker holds (a ``RecordStore``), their profiles, and the
    ``event-clusters`` offsets they reflect, in one SQLite file."""

    def __init__(self, path: Path, topic: str) -> None:
        self.path = path
        self.topic = topic
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:  # not an SQLite file, or a damaged one
            log.warning("linker state file %s unreadable (%s): starting a new one", path, exc)
            self._db = self._new()
        self._changed: set[str] = set()  # events put since the last checkpoint
        self._removed = 0  # events discarded since the last checkpoint
        self._db.execute("BEGIN")

    def _open(self) -> sqlite3.Connection:
        """Connect, and count the records: the count reads every page of the records' index, so a
        file damaged past its first pages fails here, where it is replaced, not on a later read."""
        db = sqlite3.connect(self.path, isolation_level=None)  # transactions are explicit
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.executescript(_SCHEMA)
            self._count: int = db.execute("SELECT count(*) FROM records").fetchone()[0]
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _new(self) -> sqlite3.Connection:
        """A new empty file in place of this one: deleting its rows would keep its size, and the
        tables of an older format."""
        for stale in (self.path, *(self.path.with_name(self.path.name + end) for end in ("-wal", "-shm"))):
            stale.unlink(missing_ok=True)
        return self._open()

    # -- loading -----------------------------------------------------------------------------

    def positions(self, ends: Mapping[int, int]) -> dict[int, int] | None:
        """The offsets the last checkpoint reflects, if it can be used with a topic whose
        partitions end at ``ends``; otherwise None, and the file is emptied."""
        try:
            positions, reason = self._checked(ends)
        except sqlite3.DatabaseError as exc:  # a damaged page the open did not read
            positions, reason = {}, f"unreadable: {exc}"
        if reason is None:
            return positions
        if reason != _NO_CHECKPOINT:
            log.warning("linker state file %s not used (%s): rebuilding from the topic", self.path, reason)
        self.reset()
        return None

    def _checked(self, ends: Mapping[int, int]) -> tuple[dict[int, int], str | None]:
        """The checkpoint's offsets, and why they cannot be used with ``ends`` (None if they can)."""
        meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        positions = dict(self._db.execute("SELECT partition, next_offset FROM positions").fetchall())
        expected = {"format": FILE_FORMAT, "topic": self.topic, "partitions": str(len(ends))}
        reason = None
        if not meta:
            reason = _NO_CHECKPOINT
        elif meta != expected:
            reason = f"written for {meta}, not {expected}"
        elif set(positions) != set(ends):
            reason = f"offsets of partitions {sorted(positions)}, the topic has {sorted(ends)}"
        elif past := [p for p, offset in positions.items() if offset > ends[p]]:
            reason = f"offsets past the end of partitions {past}: the topic was created again"
        # a record and its profile are discarded together and every record put is given its
        # profile at the checkpoint that commits it: only a damaged file has the counts differ
        elif (profiles := self._db.execute("SELECT count(*) FROM profiles").fetchone()[0]) != self._count:
            reason = f"{self._count} records but {profiles} profiles"
        return positions, reason

    def profiles(self) -> Iterator[EventProfile]:
        """Every checkpointed profile, by event id (the order a rebuild files them in). Raises
        ``ValueError`` for a damaged one; the caller then resets the file."""
        try:
            for (value,) in self._db.execute("SELECT profile FROM profiles ORDER BY event_id"):
                yield profile_from_bytes(value)
        except sqlite3.DatabaseError as exc:
            raise ValueError(f"unreadable: {exc}") from exc

    def reset(self) -> None:
        """Empty the file (a rebuild from the topic follows)."""
        self._db.execute("ROLLBACK")
        self._db.close()
        self._db = self._new()
        self._db.execute("BEGIN")
        self._changed.clear()
        self._removed = 0

    # -- the record store --------------------------------------------------------------------

    def __len__(self) -> int:
        return self._count

    def put(self, cluster: EventCluster) -> None:
        value = packed(cluster)
        updated = self._db.execute(
            "UPDATE records SET record = ? WHERE event_id = ?", (value, cluster.event_id)
        ).rowcount
        if not updated:
            self._db.execute("INSERT INTO records VALUES (?, ?)", (cluster.event_id, value))
            self._count += 1
        self._changed.add(cluster.event_id)

    def get(self, event_id: str) -> EventCluster:
        row = self._db.execute("SELECT record FROM records WHERE event_id = ?", (event_id,)).fetchone()
        if row is None:
            raise KeyError(event_id)
        return unpacked(row[0])

    def discard(self, event_id: str) -> None:
        removed = self._db.execute("DELETE FROM records WHERE event_id = ?", (event_id,)).rowcount
        self._db.execute("DELETE FROM profiles WHERE event_id = ?", (event_id,))
        self._count -= removed
        self._removed += removed
        self._changed.discard(event_id)

    def __iter__(self) -> Iterator[EventCluster]:
        values = self._db.execute("SELECT record FROM records ORDER BY event_id").fetchall()
        return (unpacked(value) for (value,) in values)

    # -- checkpoints -------------------------------------------------------------------------

    @property
    def pending(self) -> int:
        """Events put or discarded since the last checkpoint."""
        return len(self._changed) + self._removed

    def checkpoint(self, profile_of: Callable[[str], EventProfile], positions: Mapping[int, int]) -> None:
        """Make the records put so far durable with their profiles and the offsets after the last
        version they reflect; only call it once every one of those versions is acknowledged."""
        self._db.executemany(
            "INSERT OR REPLACE INTO profiles VALUES (?, ?)",
            ((event_id, profile_bytes(profile_of(event_id))) for event_id in sorted(self._changed)),
        )
        self._db.execute("DELETE FROM positions")
        self._db.executemany("INSERT INTO positions VALUES (?, ?)", sorted(positions.items()))
        meta = {"format": FILE_FORMAT, "topic": self.topic, "partitions": str(len(positions))}
        self._db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
        self._db.execute("COMMIT")
        self._db.execute("BEGIN")
        self._changed.clear()
        self._removed = 0

    def close(self) -> None:
        """Close the file; what was put since the last checkpoint is rolled back."""
        self._db.execute("ROLLBACK")
        self._db.close()
