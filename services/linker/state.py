"""What the linker keeps of each event: a small profile to compare mentions with, and the full
record compressed, read back only when a mention joins the event.

A linker holding a horizon of events compares every mention with dozens of them and changes one:
keeping each event as its ``EventCluster`` model cost about 11 KB (pydantic objects for every
site, count, actor and merge reason, and a set of the summary's words). A profile holds only what
the rules read, as tuples, slots and interned strings, and the record itself is stored as its
wire encoding compressed with zlib (level 1: a fifth of the time of the default level for most of
its gain), about 0.8 KB.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from schemas import EventCluster, decode, encode
from schemas.events import EventTime
from services.linker.similarity import PlaceKey, place_key

DIGEST_BYTES = 8


def digest(identifier: str) -> bytes:
    """A short fixed-size stand-in for a mention or article id: 8 bytes instead of a 32-character
    string (about 80 bytes as a Python object). Two ids of one candidate list colliding has a
    chance of about 2**-64 per comparison, far below any other error of linking."""
    return hashlib.blake2b(identifier.encode(), digest_size=DIGEST_BYTES).digest()


def holds(digests: bytes, one: bytes) -> bool:
    """Whether ``digests`` (digests laid end to end) holds ``one``, at a digest boundary."""
    return any(digests[i : i + DIGEST_BYTES] == one for i in range(0, len(digests), DIGEST_BYTES))


@lru_cache(maxsize=65_536)
def one_day(day: date) -> date:
    """One ``date`` object per day for the whole state (a decoded record makes new ones; a few
    years of news name a few thousand days)."""
    return day


def _day(day: date | None) -> date | None:
    return None if day is None else one_day(day)


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """An event's time as the time rules read it (``similarity.Interval``)."""

    start: date | None
    end: date | None
    precision: str

    @classmethod
    def of(cls, t: EventTime) -> TimeSpan:
        return cls(_day(t.start), _day(t.end), sys.intern(t.precision))


@dataclass(frozen=True, slots=True)
class EventProfile:
    """One event as the linker compares it with a mention (the latest version's values)."""

    event_id: str
    keys: tuple[str, ...]  # every blocking key the event was ever filed under
    time: TimeSpan
    sites: tuple[PlaceKey, ...]
    actor_names: tuple[str, ...]  # distinct
    affiliations: tuple[str, ...]  # distinct
    counts: tuple[tuple[str, int], ...]  # the first value of each count kind
    words: tuple[str, ...]  # the distinct content words of the summary
    mention_digests: bytes
    article_digests: bytes
    subtype: str | None
    first_reported_at: date | None
    last_reported_at: date | None
    latest: date | None  # the last day the event is known to concern


def interned(words: Iterable[str]) -> tuple[str, ...]:
    """One copy of each word or key per process, however many events hold it."""
    return tuple(sys.intern(w) for w in words)


class RecordStore(Protocol):
    """Where the linker keeps the full record of each event it holds, by event id."""

    def __len__(self) -> int: ...
    def put(self, cluster: EventCluster) -> None: ...
    def get(self, event_id: str) -> EventCluster: ...
    def discard(self, event_id: str) -> None: ...
    def __iter__(self) -> Iterator[EventCluster]: ...


class ClusterStore:
    """The full records in memory, each compressed (about 0.8 KB an event)."""

    def __init__(self) -> None:
        self._records: dict[str, bytes] = {}

    def __len__(self) -> int:
        return len(self._records)

    def put(self, cluster: EventCluster) -> None:
        self._records[cluster.event_id] = zlib.compress(encode(cluster), 1)

    def get(self, event_id: str) -> EventCluster:
        return decode(EventCluster, zlib.decompress(self._records[event_id]))

    def discard(self, event_id: str) -> None:
        self._records.pop(event_id, None)

    def __iter__(self) -> Iterator[EventCluster]:
        return (self.get(event_id) for event_id in list(self._records))


class SpilledClusterStore:
    """The full records in an SQLite file, out of memory: for a state of a million events.

    A cache, not a second copy of the truth: ``event-clusters`` is, and the linker rebuilds its
    state from it on every start, so the file is emptied when opened and written without a
    journal or syncs (a crash loses nothing the topic does not hold)."""

    def __init__(self, path: Path) -> None:
        path.unlink(missing_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute(
            "CREATE TABLE records (event_id TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID"
        )
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def put(self, cluster: EventCluster) -> None:
        value = encode(cluster)
        cursor = self._db.execute(
            "UPDATE records SET value = ? WHERE event_id = ?", (value, cluster.event_id)
        )
        if cursor.rowcount == 0:
            self._db.execute("INSERT INTO records VALUES (?, ?)", (cluster.event_id, value))
            self._count += 1

    def get(self, event_id: str) -> EventCluster:
        row = self._db.execute("SELECT value FROM records WHERE event_id = ?", (event_id,)).fetchone()
        if row is None:
            raise KeyError(event_id)
        return decode(EventCluster, row[0])

    def discard(self, event_id: str) -> None:
        self._count -= self._db.execute("DELETE FROM records WHERE event_id = ?", (event_id,)).rowcount

    def __iter__(self) -> Iterator[EventCluster]:
        values = self._db.execute("SELECT value FROM records ORDER BY event_id").fetchall()
        return (decode(EventCluster, value) for (value,) in values)

    def close(self) -> None:
        self._db.close()


def profile_of(
    cluster: EventCluster,
    *,
    keys: Iterable[str],
    words: tuple[str, ...],
    counts: dict[str, int],
    latest: date | None,
) -> EventProfile:
    return EventProfile(
        event_id=cluster.event_id,
        keys=interned(dict.fromkeys(keys)),
        time=TimeSpan.of(cluster.time),
        sites=tuple(place_key(s.site) for s in cluster.sites),
        actor_names=interned(dict.fromkeys(a.name for a in cluster.actors)),
        affiliations=interned(dict.fromkeys(cluster.affiliations)),
        counts=tuple((sys.intern(kind), value) for kind, value in counts.items()),
        words=words,
        mention_digests=b"".join(digest(m) for m in cluster.mention_ids),
        article_digests=b"".join(digest(a) for a in cluster.article_ids),
        subtype=sys.intern(cluster.subtype) if cluster.subtype else None,
        first_reported_at=_day(cluster.first_reported_at),
        last_reported_at=_day(cluster.last_reported_at),
        latest=_day(latest),
    )
