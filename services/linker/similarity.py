"""How well a mention agrees with a cluster, field by field (event-extraction notes, "Dedup").

Each comparison returns a score in [0, 1] (or a three-way verdict for time) so that the rule that
merges is explainable and recorded in ``merge_evidence``.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Collection, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal, Protocol

from rapidfuzz import fuzz

from schemas.events import Site
from services.common.geo import fold, km

TimeVerdict = Literal["compatible", "unknown", "conflict"]

# Reports of one day's operation disagree by a day or two (time zones, "on Wednesday" vs the
# statement's date); coarser precisions are already intervals.
TOLERANCE = {
    "day": timedelta(days=1),
    "week": timedelta(days=3),
}  # per side: two reports may differ by 2 days
NEAR_KM = 30.0  # two resolved places this close are the same site
FUZZY_NAME = 85  # rapidfuzz ratio of folded names ("Almaeria" ~ "Almeria")
_WORD = re.compile(r"\w+")


class Interval(Protocol):
    """What the time rules read of an event's time: an ``EventTime``, or the linker's compact copy."""

    @property
    def start(self) -> date | None: ...
    @property
    def end(self) -> date | None: ...
    @property
    def precision(self) -> str: ...


def time_verdict(a: Interval, b: Interval) -> TimeVerdict:
    if a.start is None or b.start is None:
        return "unknown"
    a_start, a_end = _widen(a)
    b_start, b_end = _widen(b)
    return "compatible" if a_start <= b_end and b_start <= a_end else "conflict"


def _widen(t: Interval) -> tuple[date, date]:
    assert t.start is not None
    end = t.end or t.start
    slack = TOLERANCE.get(t.precision, timedelta(0))
    # a date at either end of the calendar (a hostile page's "year 9999") must not overflow
    low = t.start - slack if t.start - date.min >= slack else date.min
    high = end + slack if date.max - end >= slack else date.max
    return low, high


@dataclass(frozen=True, slots=True)
class PlaceKey:
    """What the place rules read of a site, with its names folded once: the linker keeps one per
    site of every event in memory, so it holds no more than the comparison needs."""

    names: tuple[str, ...]  # the folded name, and the folded text as written when it differs
    country: str | None
    admin1: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    precision: str


def place_key(site: Site) -> PlaceKey:
    return PlaceKey(
        names=tuple(dict.fromkeys(sys.intern(fold(n)) for n in (site.name, site.text))),
        country=site.country,
        admin1=site.admin1,
        geonameid=site.geonameid,
        lat=site.lat,
        lon=site.lon,
        precision=site.precision,
    )


def same_site(a: Site, b: Site) -> bool:
    return same_place(place_key(a), place_key(b))


def same_place(a: PlaceKey, b: PlaceKey) -> bool:
    """Same geonameid, same or near-identical name, within NEAR_KM, or one inside the other's admin area."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if any(name in b.names for name in a.names):
        return True
    if a.country and b.country and a.country != b.country:
        return False
    located = a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    if located and km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM:  # type: ignore[arg-type]
        return True
    if a.precision != "city" and a.admin1 and a.admin1 == b.admin1 and a.country == b.country:
        return True  # b lies inside a's first-level subdivision (same coding scheme only)
    return any(fuzz.ratio(x, y) >= FUZZY_NAME for x in a.names for y in b.names)


def place_score(a: Sequence[PlaceKey], b: Sequence[PlaceKey]) -> float:
    """Share of the smaller site list that the other list also names (0 when either is empty)."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(any(same_place(s, t) for t in large) for s in small) / len(small)


def overlap(a: AbstractSet[str], b: Collection[str]) -> float:
    """Share of the smaller of ``a`` and ``b`` (distinct values) that the other holds too."""
    return sum(x in a for x in b) / min(len(a), len(b)) if a and b else 0.0


def counts_score(a: dict[str, int], b: dict[str, int]) -> float:
    """1 when a count kind both report agrees (or one is part of the other: "4 of the 10"), else 0."""
    shared = set(a) & set(b)
    if not shared:
        return 0.0
    return 1.0 if all(a[k] == b[k] for k in shared) else 0.0


def counts_conflict(a: dict[str, int], b: dict[str, int]) -> bool:
    return any(a[k] != b[k] for k in set(a) & set(b))


def counts_far_apart(a: dict[str, int], b: dict[str, int]) -> bool:
    """A count kind both report differs by more than one and by a factor of two or more: not one
    outlet's rounding of another's ("four" and "five" are one operation; "one" and "five" are not)."""
    return any(
        abs(a[k] - b[k]) > 1 and max(a[k], b[k]) >= 2 * max(1, min(a[k], b[k])) for k in set(a) & set(b)
    )


def cosine(words_a: set[str], words_b: Collection[str]) -> float:
    """Cosine of two evidence texts' content-word sets (``content_words``): two wordings of one
    story share its names, places and numbers, not its phrasing. ``words_b`` may be any collection
    of distinct words (the linker keeps an event's as a tuple: a third of a set's memory)."""
    if not words_a or not words_b:
        return 0.0
    shared = sum(word in words_a for word in words_b)
    return shared / math.sqrt(len(words_a) * len(words_b))


def content_words(text: str) -> set[str]:
    """Words of 4+ letters and numbers, accent-folded."""
    return {w for w in (_folded_word(x) for x in _WORD.findall(text)) if len(w) >= 4 or w.isdigit()}


# News reuses a small vocabulary: a word is folded once per process, not once per comparison.
_folded_word = lru_cache(maxsize=200_000)(fold)
