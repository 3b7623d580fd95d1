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

_WD = r"(?P<wd>" + "|".join(WEEKDAYS) + r")"
_WD1 = _WD.replace("(?P<wd>", "(?P<wd1>")
_WD2 = _WD.replace("(?P<wd>", "(?P<wd2>")
_UNIT = r"(?P<unit>days?|weeks?|months?|years?)"

# (rule name, pattern); earlier rules win where expressions overlap.
_RULES: list[tuple[str, re.Pattern[str]]] = [
    (  # "19 and 20 September", "between 11 and 20 September", "the night of 19 to 20 November", "9-15 Sept"
        "day_range",
        re.compile(
            rf"\b(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:and|to|-|\u2013)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+"
            rf"(?:of\s+)?{_M}(?:,?\s+{_Y})?\b",
            re.I,
        ),
    ),
    (
        "month_day_range",
        re.compile(
            rf"\b{_M}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:and|to|-|\u2013)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"(?:,?\s+{_Y})?\b",
            re.I,
        ),
    ),
    ("month_day_year", re.compile(rf"\b{_M}\s+{_D},?\s+{_Y}\b", re.I)),
    ("day_month_year", re.compile(rf"\b{_D}\s+(?:of\s+)?{_M},?\s+{_Y}\b", re.I)),
    (
        "day_month_that_year",
        re.compile(rf"\b{_D}\s+(?:of\s+)?{_M}\s+of\s+(?:that|the\s+same)\s+year\b", re.I),
    ),
    ("end_of_month", re.compile(rf"\bby\s+the\s+end\s+of\s+{_M}(?:,?\s+{_Y})?", re.I)),
    (
        "month_range",
        re.compile(rf"\bbetween\s+{_M1}\s+and\s+{_M2}(?:\s+(?P<rel>this|last)\s+year|,?\s+{_Y})?", re.I),
    ),
    ("part_of_year", re.compile(rf"\b(?P<q>early|mid|late)[-\s]+{_Y}\b", re.I)),
    ("month_year", re.compile(rf"\b{_M},?\s+{_Y}\b", re.I)),
    (  # "Tuesday 14 August", "Friday, June 17": the weekday only confirms the date
        "weekday_day_month",
        re.compile(rf"\b{_WD},?\s+(?:the\s+)?{_D}\s+(?:of\s+)?{_M}\b(?!\s*,?\s*(?:19|20)\d\d)", re.I),
    ),
    ("weekday_month_day", re.compile(rf"\b{_WD},?\s+{_M}\s+{_D}\b(?!\s*,?\s*(?:19|20)\d\d)", re.I)),
    ("month_relative_year", re.compile(rf"\b(?:in\s+)?{_M}\s+(?P<rel>last|this)\s+year\b", re.I)),
    ("month_day", re.compile(rf"\b{_M}\s+{_D}\b(?!\s*,?\s*(?:19|20)\d\d)", re.I)),
    ("day_month", re.compile(rf"\b{_D}\s+(?:of\s+)?{_M}\b(?!\s*,?\s*(?:19|20)\d\d)", re.I)),
    (  # "a day earlier", "two days later", "three months later"
        "relative_shift",
        re.compile(
            rf"\b{_NUM}\s+{_UNIT}\s+(?P<dir>later|earlier|before|after)\b(?!\s+(?:the|his|her|their|its|a|an)\b)",
            re.I,
        ),
    ),
    ("ago", re.compile(rf"\b{_NUM}\s+{_UNIT}\s+ago\b", re.I)),
    (
        "relative_day",
        re.compile(
            r"\b(?:the\s+|that\s+)?(?P<rd>day\s+before|previous\s+day|next\s+day|following\s+day|day\s+after|same\s+day)\b"
            r"(?!\s+(?:the|his|her|their|its|a|an)\b)",
            re.I,
        ),
    ),
    (  # "the night from Friday to Saturday", "the night of Friday to Saturday"
        "weekday_range",
        re.compile(rf"\bnight\s+(?:of|from|between)\s+{_WD1}\s+(?:to|into|and)\s+{_WD2}\b", re.I),
    ),
    ("weekday_last_week", re.compile(rf"\b(?:on\s+)?{_WD}\s+(?:of\s+)?last\s+week\b", re.I)),
    (
        "last_period",
        # "at the weekend", "over the weekend": the latest one, as "this weekend"
        re.compile(
            r"\b(?P<rel>last|this|earlier\s+this|(?:at|over|during)\s+the(?=\s+weekend))\s+(?P<period>weekend|week|month)\b",
            re.I,
        ),
    ),
    (
        "weekday",
        # not a weekday naming a kind of gathering ("during a Sunday service on June 30"); "during
        # Sunday mass" is that Sunday's
        re.compile(r"\b(?:(?P<cue>on|last|this|since|next|coming)\s+)?(?<!\ba\s)" + _WD + r"\b", re.I),
    ),
    # A bare month needs a cue word ("May" is also a verb).
    (
        "month",
        re.compile(
            rf"\b(?P<cue>(?:in|last|back\s+in|since|during|early|late|this|until|in\s+early|in\s+late)\s+|(?:in\s+)?mid-)"
            rf"{_M}\b(?!\s+[0-3]?\d\b)",
            re.I,
        ),
    ),
    (
        "year",
        re.compile(
            rf"\b(?P<cue>in|since|during|throughout|until|of|for)\s+(?:the\s+year\s+)?{_Y}\b(?![-/]\d)", re.I
        ),
    ),
    # "the 2016 Nice lorry attack", "a 2019 ruling": a year before a noun
    (
        "premodifier_year",
        re.compile(rf"\b(?:the|a|an|its|their|his|her)\s+{_Y}\s+(?=[A-Za-z])(?!(?:and|to|or)\b)", re.I),
    ),
    (
        "yesterday",
        re.compile(
            r"\b(?P<w>yesterday|today|this\s+morning|this\s+afternoon|this\s+evening|tonight|last\s+night)\b",
            re.I,
        ),
    ),
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


def shift(day: date, n: int, unit: str) -> date:
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _weekday_back(reference: date, weekday: int, *, strictly_before: bool = False) -> date:
    back = (reference.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return reference - timedelta(days=back)


def _resolve(
    rule: str, m: re.Match[str], reference: date, previous: TimeExpression | None
) -> TimeExpression | None:
    def make(start: date | None, end: date | None, precision: Precision, anchor: Anchor) -> TimeExpression:
        return TimeExpression(start, end, precision, anchor, rule, m.start(), m.end(), m.group(0))

    g = m.groupdict()
    try:
        if rule in ("day_range", "month_day_range"):
            month = MONTHS[g["m"].lower()]
            d1, d2 = int(g["d1"]), int(g["d2"])
            if d2 <= d1:
                return None
            year = int(g["y"]) if g["y"] else _latest_year(month, d2, reference)
            explicit: Anchor = "explicit" if g["y"] else "publication_date"
            return make(date(year, month, d1), date(year, month, d2), "day", explicit)
        if rule in ("month_day_year", "day_month_year"):
            day = date(int(g["y"]), MONTHS[g["m"].lower()], int(g["d"]))
            return make(day, day, "day", "explicit")
        if rule == "day_month_that_year":
            if previous is None or previous.start is None:
                return None
            day = date(previous.start.year, MONTHS[g["m"].lower()], int(g["d"]))
            return make(day, day, "day", "previous_event")
        if rule == "month_relative_year":
            month = MONTHS[g["m"].lower()]
            year = reference.year - (1 if g["rel"].lower() == "last" else 0)
            return make(date(year, month, 1), _month_end(year, month), "month", "publication_date")
        if rule in ("month_day", "day_month", "weekday_day_month", "weekday_month_day"):
            month, dom = MONTHS[g["m"].lower()], int(g["d"])
            day = date(_latest_year(month, dom, reference), month, dom)
            return make(day, day, "day", "publication_date")
        if rule == "end_of_month":
            month = MONTHS[g["m"].lower()]
            year = int(g["y"]) if g["y"] else _latest_year(month, None, reference)
            return make(
                date(year, 1, 1),
                _month_end(year, month),
                "part_of_year",
                "explicit" if g["y"] else "publication_date",
            )
        if rule == "month_range":
            m1, m2 = MONTHS[g["m1"].lower()], MONTHS[g["m2"].lower()]
            year = (
                int(g["y"]) if g["y"] else reference.year - (1 if (g["rel"] or "").lower() == "last" else 0)
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
            year = _latest_year(month, None, reference)
            return make(date(year, month, 1), _month_end(year, month), "month", "publication_date")
        if rule == "weekday":
            cue = (g["cue"] or "").lower()
            if cue in ("since", "next", "coming"):
                return None
            day = _weekday_back(reference, WEEKDAYS[g["wd"].lower()], strictly_before=cue == "last")
            return make(day, day, "day", "publication_date")
        if rule == "weekday_last_week":  # "on Thursday last week": that day of the week before this one
            monday = reference - timedelta(days=reference.weekday())
            day = monday - timedelta(days=7) + timedelta(days=WEEKDAYS[g["wd"].lower()])
            return make(day, day, "day", "publication_date")
        if rule == "weekday_range":  # "the night from Friday to Saturday": the latest such pair
            last = _weekday_back(reference, WEEKDAYS[g["wd2"].lower()])
            first = last - timedelta(days=(WEEKDAYS[g["wd2"].lower()] - WEEKDAYS[g["wd1"].lower()]) % 7)
            return make(first, last, "day", "publication_date")
        if rule == "last_period":
            rel, period = " ".join(g["rel"].lower().split()), g["period"].lower()
            if period == "weekend":  # the latest Saturday and Sunday (before this week's, for "last")
                sunday = reference - timedelta(days=(reference.weekday() + 1) % 7)
                if rel == "last" and reference.weekday() >= 5:
                    sunday -= timedelta(days=7)
                return make(sunday - timedelta(days=1), sunday, "day", "publication_date")
            if period == "week":
                monday = reference - timedelta(days=reference.weekday())
                if rel == "last":
                    return make(
                        monday - timedelta(days=7), monday - timedelta(days=1), "week", "publication_date"
                    )
                return make(monday, reference, "week", "publication_date")
            first = date(reference.year, reference.month, 1)
            if rel == "last":
                prior = first - timedelta(days=1)
                return make(date(prior.year, prior.month, 1), prior, "month", "publication_date")
            return make(first, reference, "month", "publication_date")
        if rule == "premodifier_year":
            year = int(g["y"])
            return make(date(year, 1, 1), date(year, 12, 31), "year", "explicit")
        if rule == "year":
            year = int(g["y"])
            if g["cue"].lower() == "since":
                return make(date(year, 1, 1), reference, "year", "explicit")
            return make(date(year, 1, 1), date(year, 12, 31), "year", "explicit")
        if rule == "yesterday":
            word = " ".join(g["w"].lower().split())
            day = reference - timedelta(days=1 if word in ("yesterday", "last night") else 0)
            return make(day, day, "day", "publication_date")
        if rule == "ago":  # "seven weeks ago": back from the day of the report
            n = 1 if g["n"].lower() in ("a", "an", "one") else word_value(g["n"])
            if n is None:
                return None
            unit = g["unit"].lower().rstrip("s")
            day = shift(reference, -n, unit)
            if unit == "day":
                return make(day, day, "day", "publication_date")
            if unit == "week":
                return make(day - timedelta(days=3), day + timedelta(days=3), "week", "publication_date")
            if unit == "month":
                return make(
                    date(day.year, day.month, 1), _month_end(day.year, day.month), "month", "publication_date"
                )
            return make(date(day.year, 1, 1), date(day.year, 12, 31), "year", "publication_date")
        if rule == "relative_day":
            base = previous if previous is not None and previous.start is not None else None
            rd = g["rd"].lower()
            sign = (
                -1
                if rd.split()[-1] in ("before",) or rd.startswith("previous")
                else 0
                if rd.startswith("same")
                else 1
            )
            if base is None or base.precision != "day" or base.start is None:
                return None
            day = base.start + timedelta(days=sign)
            return make(day, day, "day", "previous_event")
        if rule == "relative_shift":
            n = 1 if g["n"].lower() in ("a", "an", "one") else word_value(g["n"])
            if n is None:
                return None
            sign = 1 if g["dir"].lower() in ("later", "after") else -1
            unit = g["unit"]
            if previous is None or previous.start is None or previous.end is None:
                if sign > 0:
                    return None  # "three months later" than nothing named
                # "a day earlier": earlier than the day of the report
                day = shift(reference, -n, unit)
                precision: Precision = "day" if unit.lower().startswith("day") else "unknown"
                return make(day, day, precision, "publication_date") if precision == "day" else None
            start, end = shift(previous.start, sign * n, unit), shift(previous.end, sign * n, unit)
            if previous.precision == "month":  # "three months later" than a month is a month
                start, end = date(start.year, start.month, 1), _month_end(end.year, end.month)
            return make(start, end, previous.precision, "previous_event")
    except (ValueError, KeyError):
        return None  # "31 February" and the like: not a date
    return None


def find_times(
    text: str, published: date, references: list[tuple[int, date]] | None = None
) -> list[TimeExpression]:
    """All resolvable time expressions of ``text`` in text order; anaphoric ones use the one before.

    ``references``: ``(offset, day)`` pairs, sorted by offset: from ``offset`` on, relative
    expressions ("today", "on Friday") are read against ``day`` instead of the publication date (a
    press release's own date, a dateline's).
    """
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
    for start, _, rule, m in sorted(matches, key=lambda x: x[0]):
        reference = next((day for offset, day in reversed(references or []) if offset <= start), published)
        resolved = _resolve(rule, m, reference, previous)
        if resolved is None:
            continue
        if resolved.start is not None and resolved.start > max(published, reference):
            resolved = replace(resolved, start=None, end=None, precision="unknown")  # no future events
        elif resolved.end is not None and resolved.end > max(published, reference):
            resolved = replace(resolved, end=max(published, reference))  # "since 2015": up to now
        results.append(resolved)
        # "the foreign ministry said on Thursday ... on the same day as": the day something was said
        # is not the action a later "the same day" or "two days later" counts from
        said = _SAID_BEFORE.search(text, max(0, start - 30), start) is not None
        if resolved.start is not None and (previous is None or not said):
            previous = resolved
    return results


_SAID_BEFORE = re.compile(
    r"\b(?:said|says|announced|reported|stated|confirmed|added|told\s+(?:\w+\s+){0,2}?)\s*(?:on\s+|late\s+on\s+)?$",
    re.I,
)
