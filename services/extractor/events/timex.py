"""Time expressions of news text, resolved against the publication date, with their spans.

dateparser gets most relative news dates wrong ("on Wednesday" on a Wednesday, "last July",
"early 2023", "19 and 20 September", "Three months later"; event-extraction notes 3.4), and
``search_dates`` over a whole article produces garbage, so these are rules:

- a weekday is the most recent such day on or before publication ("last" Sunday: before it);
- a month or day without a year is the latest one not after publication;
- "By the end of September" runs from January 1st; "early/mid/late 2023" are thirds of the year;
- "Three months later" is anchored on the previous time expression of the text.

Each result keeps ``start``/``end`` (ISO dates), ``precision``, ``anchor`` and the rule that fired.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from services.extractor.events.numbers import word_value

Precision = Literal["day", "week", "month", "part_of_year", "year", "unknown"]
Anchor = Literal["explicit", "publication_date", "previous_event", "none"]

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_M = r"(?P<m>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_M1 = _M.replace("(?P<m>", "(?P<m1>")
_M2 = _M.replace("(?P<m>", "(?P<m2>")
_Y = r"(?P<y>(?:19|20)\d{2})"
_D = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_NUM = r"(?P<n>\d+|[a-z]+(?:-[a-z]+)?)"

# (rule name, pattern); earlier rules win where expressions overlap.
_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("day_pair", re.compile(rf"\b(?P<d1>[0-3]?\d)\s+and\s+(?P<d2>[0-3]?\d)\s+{_M}(?:,?\s+{_Y})?\b", re.I)),
    ("month_day_year", re.compile(rf"\b{_M}\s+{_D},?\s+{_Y}\b", re.I)),
    ("day_month_year", re.compile(rf"\b{_D}\s+(?:of\s+)?{_M},?\s+{_Y}\b", re.I)),
    ("end_of_month", re.compile(rf"\bby\s+the\s+end\s+of\s+{_M}(?:,?\s+{_Y})?", re.I)),
    (
        "month_range",
        re.compile(rf"\bbetween\s+{_M1}\s+and\s+{_M2}(?:\s+(?P<rel>this|last)\s+year|,?\s+{_Y})?", re.I),
    ),
    ("part_of_year", re.compile(rf"\b(?P<q>early|mid|late)[-\s]+{_Y}\b", re.I)),
    ("month_year", re.compile(rf"\b{_M},?\s+{_Y}\b", re.I)),
    ("month_day", re.compile(rf"\b{_M}\s+{_D}\b(?!\s*,?\s*(?:19|20)\d\d)", re.I)),
    ("day_month", re.compile(rf"\b{_D}\s+(?:of\s+)?{_M}\b(?!\s*,?\s*(?:19|20)\d\d)", re.I)),
    (
        "relative_shift",
        re.compile(rf"\b{_NUM}\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>later|earlier)\b", re.I),
    ),
    (
        "weekday",
        re.compile(r"\b(?:(?P<cue>on|last|this|since)\s+)?(?P<wd>" + "|".join(WEEKDAYS) + r")\b", re.I),
    ),
    # A bare month needs a cue word ("May" is also a verb).
    (
        "month",
        re.compile(
            rf"\b(?P<cue>in|last|back\s+in|since|during|early|late|this|until)\s+{_M}\b(?!\s+[0-3]?\d\b)",
            re.I,
        ),
    ),
    (
        "year",
        re.compile(
            rf"\b(?P<cue>in|since|during|throughout|until)\s+(?:the\s+year\s+)?{_Y}\b(?![-/]\d)", re.I
        ),
    ),
    ("yesterday", re.compile(r"\b(?P<w>yesterday|today)\b", re.I)),
]


@dataclass(frozen=True)
class TimeExpression:
    start: date | None
    end: date | None
    precision: Precision
    anchor: Anchor
    rule: str
    span_start: int
    span_end: int
    text: str


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _latest_year(month: int, day: int | None, published: date) -> int:
    """The year of the latest such month (or day) not after publication."""
    candidate = date(published.year, month, min(day or 1, calendar.monthrange(published.year, month)[1]))
    return published.year if candidate <= published else published.year - 1


def _shift(day: date, n: int, unit: str) -> date:
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _resolve(
    rule: str, m: re.Match[str], published: date, previous: TimeExpression | None
) -> TimeExpression | None:
    def make(start: date | None, end: date | None, precision: Precision, anchor: Anchor) -> TimeExpression:
        return TimeExpression(start, end, precision, anchor, rule, m.start(), m.end(), m.group(0))

    g = m.groupdict()
    try:
        if rule == "day_pair":
            month = MONTHS[g["m"].lower()]
            year = int(g["y"]) if g["y"] else _latest_year(month, int(g["d2"]), published)
            return make(
                date(year, month, int(g["d1"])),
                date(year, month, int(g["d2"])),
                "day",
                "explicit" if g["y"] else "publication_date",
            )
        if rule in ("month_day_year", "day_month_year"):
            day = date(int(g["y"]), MONTHS[g["m"].lower()], int(g["d"]))
            return make(day, day, "day", "explicit")
        if rule in ("month_day", "day_month"):
            month, dom = MONTHS[g["m"].lower()], int(g["d"])
            day = date(_latest_year(month, dom, published), month, dom)
            return make(day, day, "day", "publication_date")
        if rule == "end_of_month":
            month = MONTHS[g["m"].lower()]
            year = int(g["y"]) if g["y"] else _latest_year(month, None, published)
            return make(
                date(year, 1, 1),
                _month_end(year, month),
                "part_of_year",
                "explicit" if g["y"] else "publication_date",
            )
        if rule == "month_range":
            m1, m2 = MONTHS[g["m1"].lower()], MONTHS[g["m2"].lower()]
            year = (
                int(g["y"]) if g["y"] else published.year - (1 if (g["rel"] or "").lower() == "last" else 0)
            )
            return make(
                date(year, m1, 1),
                _month_end(year, m2),
                "part_of_year",
                "explicit" if g["y"] else "publication_date",
            )
        if rule == "part_of_year":
            year, third = int(g["y"]), {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[g["q"].lower()]
            return make(date(year, third[0], 1), _month_end(year, third[1]), "part_of_year", "explicit")
        if rule == "month_year":
            year, month = int(g["y"]), MONTHS[g["m"].lower()]
            return make(date(year, month, 1), _month_end(year, month), "month", "explicit")
        if rule == "month":
            month = MONTHS[g["m"].lower()]
            year = _latest_year(month, None, published)
            return make(date(year, month, 1), _month_end(year, month), "month", "publication_date")
        if rule == "weekday":
            if (g["cue"] or "").lower() == "since":
                return None
            back = (published.weekday() - WEEKDAYS[g["wd"].lower()]) % 7
            if back == 0 and (g["cue"] or "").lower() == "last":
                back = 7
            day = published - timedelta(days=back)
            return make(day, day, "day", "publication_date")
        if rule == "year":
            year = int(g["y"])
            if g["cue"].lower() == "since":
                return make(date(year, 1, 1), published, "year", "explicit")
            return make(date(year, 1, 1), date(year, 12, 31), "year", "explicit")
        if rule == "yesterday":
            day = published - timedelta(days=1 if g["w"].lower() == "yesterday" else 0)
            return make(day, day, "day", "publication_date")
        if rule == "relative_shift":
            n = word_value(g["n"])
            if n is None or previous is None or previous.start is None or previous.end is None:
                return None
            sign = 1 if g["dir"].lower() in ("later", "after") else -1
            unit = g["unit"]
            start, end = _shift(previous.start, sign * n, unit), _shift(previous.end, sign * n, unit)
            if previous.precision == "month":  # "three months later" than a month is a month
                start, end = date(start.year, start.month, 1), _month_end(end.year, end.month)
            return make(start, end, previous.precision, "previous_event")
    except (ValueError, KeyError):
        return None  # "31 February" and the like: not a date
    return None


def find_times(text: str, published: date) -> list[TimeExpression]:
    """All resolvable time expressions of ``text`` in text order; anaphoric ones use the one before."""
    matches: list[tuple[int, int, str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for rule, pattern in _RULES:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            matches.append((m.start(), m.end(), rule, m))
    results: list[TimeExpression] = []
    previous: TimeExpression | None = None
    for _, _, rule, m in sorted(matches, key=lambda x: x[0]):
        resolved = _resolve(rule, m, published, previous)
        if resolved is None:
            continue
        if resolved.start is not None and resolved.start > published and resolved.anchor != "previous_event":
            resolved = replace(resolved, start=None, end=None, precision="unknown")  # no future events
        results.append(resolved)
        if resolved.start is not None:
            previous = resolved
    return results
