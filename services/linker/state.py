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
import io
import pickle
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Protocol

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
    return tuple(map(sys.intern, words))


class RecordStore(Protocol):
    """Where the linker keeps the full record of each event it holds, by event id."""

    def __len__(self) -> int: ...
    def put(self, cluster: EventCluster) -> None: ...
    def get(self, event_id: str) -> EventCluster: ...
    def discard(self, event_id: str) -> None: ...
    def __iter__(self) -> Iterator[EventCluster]: ...


def packed(cluster: EventCluster) -> bytes:
    """A record as the stores keep it: its wire encoding, compressed."""
    return zlib.compress(encode(cluster), 1)


def unpacked(value: bytes) -> EventCluster:
    return decode(EventCluster, zlib.decompress(value))


class ClusterStore:
    """The full records in memory, each compressed (about 0.8 KB an event)."""

    def __init__(self) -> None:
        self._records: dict[str, bytes] = {}

    def __len__(self) -> int:
        return len(self._records)

    def put(self, cluster: EventCluster) -> None:
        self._records[cluster.event_id] = packed(cluster)

    def get(self, event_id: str) -> EventCluster:
        return unpacked(self._records[event_id])

    def discard(self, event_id: str) -> None:
        self._records.pop(event_id, None)

    def __iter__(self) -> Iterator[EventCluster]:
        return (self.get(event_id) for event_id in list(self._records))


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


# A profile as the state file keeps it: a tuple of plain values (dates as ordinals), pickled.
# The loader accepts no class at all, so a damaged or foreign file can fail to load but cannot
# make the linker build an object of its choosing.
PROFILE_FORMAT = 1


def _ordinal(day: date | None) -> int | None:
    return None if day is None else day.toordinal()


def _from_ordinal(ordinal: int | None) -> date | None:
    return None if ordinal is None else one_day(date.fromordinal(ordinal))


def profile_bytes(profile: EventProfile) -> bytes:
    p = profile
    sites = tuple((s.names, s.country, s.admin1, s.geonameid, s.lat, s.lon, s.precision) for s in p.sites)
    fields = (
        PROFILE_FORMAT,
        p.event_id,
        p.keys,
        (_ordinal(p.time.start), _ordinal(p.time.end), p.time.precision),
        sites,
        p.actor_names,
        p.affiliations,
        p.counts,
        p.words,
        p.mention_digests,
        p.article_digests,
        p.subtype,
        _ordinal(p.first_reported_at),
        _ordinal(p.last_reported_at),
        _ordinal(p.latest),
    )
    return pickle.dumps(fields, protocol=5)


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"a profile holds plain values only, not {module}.{name}")


def _opt(value: str | None) -> str | None:
    return None if value is None else sys.intern(value)


def profile_from_bytes(value: bytes) -> EventProfile:
    """The profile ``profile_bytes`` wrote, with its words and keys interned again (one copy per
    process). Raises ``ValueError`` for bytes that are not such a profile."""
    try:
        fields = _PlainUnpickler(io.BytesIO(value)).load()
        (form, event_id, keys, (start, end, precision), sites, actors, affiliations, counts, words,
         mentions, articles, subtype, first, last, latest) = fields  # fmt: skip
        if form != PROFILE_FORMAT:
            raise ValueError(f"profile format {form}, expected {PROFILE_FORMAT}")
        return EventProfile(
            event_id=event_id,
            keys=interned(keys),
            time=TimeSpan(_from_ordinal(start), _from_ordinal(end), sys.intern(precision)),
            sites=tuple(
                PlaceKey(interned(names), _opt(country), _opt(admin1), geonameid, lat, lon, sys.intern(prec))
                for names, country, admin1, geonameid, lat, lon, prec in sites
            ),
            actor_names=interned(actors),
            affiliations=interned(affiliations),
            counts=tuple((sys.intern(kind), count) for kind, count in counts),
            words=interned(words),
            mention_digests=mentions,
            article_digests=articles,
            subtype=_opt(subtype),
            first_reported_at=_from_ordinal(first),
            last_reported_at=_from_ordinal(last),
            latest=_from_ordinal(latest),
        )
    except Exception as exc:  # any damage to the bytes: the unpickler raises many kinds
        raise ValueError(f"not a linker profile: {exc}") from exc
