"""How well a mention agrees with a cluster, field by field (event-extraction notes, "Dedup").

Each comparison returns a score in [0, 1] (or a three-way verdict for time) so that the rule that
merges is explainable and recorded in ``merge_evidence``.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz

from schemas.events import EventTime, Site
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


def time_verdict(a: EventTime, b: EventTime) -> TimeVerdict:
    if a.start is None or b.start is None:
        return "unknown"
    a_start, a_end = _widen(a)
    b_start, b_end = _widen(b)
    return "compatible" if a_start <= b_end and b_start <= a_end else "conflict"


def _widen(t: EventTime) -> tuple[date, date]:
    assert t.start is not None
    end = t.end or t.start
    slack = TOLERANCE.get(t.precision, timedelta(0))
    # a date at either end of the calendar (a hostile page's "year 9999") must not overflow
    low = t.start - slack if t.start - date.min >= slack else date.min
    high = end + slack if date.max - end >= slack else date.max
    return low, high


def same_site(a: Site, b: Site) -> bool:
    """Same geonameid, same or near-identical name, within NEAR_KM, or one inside the other's admin area."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    names_a = {fold(a.name), fold(a.text)}
    names_b = {fold(b.name), fold(b.text)}
    if names_a & names_b:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if None not in (a.lat, a.lon, b.lat, b.lon) and km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM:  # type: ignore[arg-type]
        return True
    if a.precision != "city" and a.admin1 and a.admin1 == b.admin1 and a.country == b.country:
        return True  # b lies inside a's first-level subdivision (same coding scheme only)
    return any(fuzz.ratio(x, y) >= FUZZY_NAME for x in names_a for y in names_b)


def place_score(a: list[Site], b: list[Site]) -> float:
    """Share of the smaller site list that the other list also names (0 when either is empty)."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(any(same_site(s, t) for t in large) for s in small) / len(small)


def overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


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


def cosine(words_a: set[str], words_b: set[str]) -> float:
    """Cosine of two evidence texts' content-word sets (``content_words``): two wordings of one
    story share its names, places and numbers, not its phrasing."""
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / math.sqrt(len(words_a) * len(words_b))


def content_words(text: str) -> set[str]:
    """Words of 4+ letters and numbers, accent-folded."""
    return {w for w in (_folded_word(x) for x in _WORD.findall(text)) if len(w) >= 4 or w.isdigit()}


# News reuses a small vocabulary: a word is folded once per process, not once per comparison.
_folded_word = lru_cache(maxsize=200_000)(fold)
