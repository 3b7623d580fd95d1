"""Counts in news text, with their spans: "10 suspects", "a five-member cell", "three elements",
"between 800 and 1000", "about three dozen", "1,631 Moroccan fighters" -- and years are not counts.

Libraries that convert number words (text2num, number-parser) rewrite the text and so lose
the offsets; this small lexicon keeps them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# More people than live on Earth counts nobody ("arrested 99999999999999999999 suspects")
MAX_COUNT = 10_000_000_000

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "both": 2,  # "sent both men to prison": two people
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)

_DIGIT_WORDS = "|".join(k for k in _UNITS if 0 < _UNITS[k] < 10 and k != "both")
_WORD_NUMBER = (
    # "twenty-seven", and "Ninety six" written without the hyphen
    rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{_DIGIT_WORDS})\b)?"
    rf"|{'|'.join(sorted(_UNITS, key=len, reverse=True))})"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_NUMBER = rf"(?:{_WORD_NUMBER}\s+dozen|a\s+dozen|dozens|{_DIGITS}|{_WORD_NUMBER})"
_APPROX = (
    r"(?:about|around|some|nearly|almost|approximately|roughly|more\s+than|over|at\s+least|up\s+to"
    r"|an\s+estimated)"
)

_RANGE = re.compile(
    rf"\b(?:between\s+(?P<a1>{_NUMBER})\s+and\s+(?P<b1>{_NUMBER})|(?P<a2>{_DIGITS})\s*[-\u2013]\s*(?P<b2>{_DIGITS}))\b",
    re.IGNORECASE,
)
_SINGLE = re.compile(
    rf"\b(?:(?P<approx>{_APPROX})\s+)?(?P<num>{_NUMBER})(?P<member>-member)?\b",
    re.IGNORECASE,
)
_YEAR_CONTEXT_BEFORE = re.compile(
    rf"(?:\b(?:in|since|of|by|early|late|mid|until|from|before|after|during|year|{_MONTHS})\.?,?\s*(?:\d{{1,2}},?\s*)?)$",
    re.IGNORECASE,
)
_NEXT_WORDS = re.compile(
    r"\s+([A-Za-z\u00c0-\u024f'-]+)(?:\s+([A-Za-z\u00c0-\u024f'-]+))?(?:\s+([A-Za-z\u00c0-\u024f'-]+))?"
    r"(?:\s+([A-Za-z\u00c0-\u024f'-]+))?"
)
# Nouns that make a number a count of people, of groups, or of casualties; the first one among
# the next three words wins. (Word lists are easier to read and extend as one string each.)
PEOPLE_NOUNS = frozenset(
    "suspects suspect people persons individuals men women members elements fighters militants jihadists "  # noqa: SIM905
    "terrorists extremists recruits detainees arrests detentions soldiers civilians officers children "
    "nationals citizens moroccans spaniards supporters sympathizers sympathisers followers brothers sisters "
    "siblings students minors youths guards policemen troops insurgents rebels gunmen attackers hostages "
    "worshippers passengers person man woman national citizen individual defendants accused convicts "
    "prisoners inmates fans spectators pilgrims tourists shoppers villagers farmers herders miners workers "
    "employees gendarmes peacekeepers schoolgirls schoolchildren pupils girls boys travellers drivers "
    "pedestrians migrants refugees foreigners tunisians algerians syrians iraqis nigerians malians "
    "journalists activists protesters demonstrators teenagers teens adolescents juveniles sons daughters "
    "relatives imams preachers recruiters smugglers traffickers victims captives abductees "
    # singulars, for "killing one worshipper", "a soldier"
    "soldier civilian officer worshipper villager farmer student worker passenger policeman hostage "
    "child girl boy victim traders merchants shepherds fishermen hunters engineers nurses doctors teachers "
    "priests nuns missionaries contractors truckers".split()
)
GROUP_NOUNS = frozenset("cells cell networks groups police".split())  # noqa: SIM905
CASUALTY_NOUNS = frozenset("dead killed injured wounded victims".split())  # noqa: SIM905
COUNT_NOUNS = PEOPLE_NOUNS | GROUP_NOUNS | CASUALTY_NOUNS
_TIME_AFTER = re.compile(r"\s*(?:a\.?m\.?|p\.?m\.?|gmt|utc|local\s+time|hours?\b|h\b)", re.IGNORECASE)


@dataclass(frozen=True)
class NumberMention:
    value: int | None  # None for ranges
    min: int | None
    max: int | None
    approx: bool
    start: int
    end: int
    text: str
    unit: str | None  # the noun it counts ("suspects", "fighters", "member" for "five-member")


def word_value(token: str) -> int | None:
    """Value of a digit string or number word(s); None if it is not one."""
    t = " ".join(token.lower().replace(",", "").split())
    if t.isdigit():
        return int(t)
    if t == "a dozen":
        return 12
    if t == "dozens":
        return None
    if t.endswith(" dozen"):
        inner = word_value(t[: -len(" dozen")])
        return inner * 12 if inner is not None else None
    if t in _UNITS:
        return _UNITS[t]
    if t in _TENS:
        return _TENS[t]
    if "-" in t or " " in t:
        tens, _, unit = t.replace(" ", "-").partition("-")
        if tens in _TENS and unit in _UNITS:
            return _TENS[tens] + _UNITS[unit]
    return None


def _is_year(text: str, start: int, end: int, value: int) -> bool:
    if not (1900 <= value <= 2099) or end - start != 4:
        return False
    before = text[max(0, start - 24) : start]
    after = text[end : end + 2]
    return bool(_YEAR_CONTEXT_BEFORE.search(before)) or after[:1] in (",", ".", ")") or after.startswith(" -")


_UNIT_BREAK = frozenset("netted were was are is have has had said and in at from across to by on".split())  # noqa: SIM905


def _unit_after(text: str, end: int) -> str | None:
    """The counted noun: the first of the next four words that is a count noun ("five suspected Islamic
    State supporters"), else the next word."""
    match = _NEXT_WORDS.match(text, end)
    if not match:
        return None
    words = [w.lower() for w in match.groups() if w]
    for k, word in enumerate(
        words
    ):  # "three provinces netted eleven suspects": the count ends at a verb or number
        if k and (word in _UNIT_BREAK or word_value(word) is not None):
            words = words[:k]
            break
    return next((w for w in words if w in COUNT_NOUNS), words[0])


def _is_clock(text: str, start: int, end: int) -> bool:
    """Part of a time of day: "5.30", "9 a.m.", "0330 GMT"."""
    token = text[start:end]
    return (
        bool(re.search(r"\d[.:]$", text[max(0, start - 2) : start]))
        or bool(re.match(r"[.:]\d", text[end : end + 2]))
        or bool(_TIME_AFTER.match(text, end))
        or (len(token) == 4 and token.startswith("0"))
    )


def find_numbers(text: str) -> list[NumberMention]:
    """Every count in ``text`` with its span, ranges first; years and parts of dates are skipped."""
    found: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    for match in _RANGE.finditer(text):
        a, b = (match["a1"], match["b1"]) if match["a1"] else (match["a2"], match["b2"])
        low, high = word_value(a), word_value(b)
        if low is None or high is None or low >= high or _is_clock(text, match.start(), match.end()):
            continue
        if low >= 1900 and high <= 2099 and high - low < 50:
            taken.append((match.start(), match.end()))  # a span of years, "2014-2016": not counts either
            continue
        found.append(
            NumberMention(
                None,
                low,
                high,
                False,
                match.start(),
                match.end(),
                match.group(0),
                _unit_after(text, match.end()),
            )
        )
        taken.append((match.start(), match.end()))
    for match in _SINGLE.finditer(text):
        start, end = match.span("num")
        if any(s <= start < e for s, e in taken):
            continue
        value = word_value(match["num"])
        if match["num"].lower() == "dozens":
            found.append(
                NumberMention(
                    None,
                    24,
                    None,
                    True,
                    match.start(),
                    match.end(),
                    match.group(0),
                    _unit_after(text, match.end()),
                )
            )
            continue
        if value is None or _is_year(text, start, end, value):
            continue
        if text[end : end + 1].isdigit() or _is_clock(text, start, end):
            continue  # a time ("5.30", "9 a.m.") or a decimal, not a count
        if re.search(rf"\b(?:{_MONTHS})\.?\s*$", text[max(0, start - 12) : start], re.IGNORECASE) or re.match(
            rf"\s*(?:st|nd|rd|th)?\s+(?:and\s+\d{{1,2}}\s+)?(?:{_MONTHS})\b",
            text[end : end + 20],
            re.IGNORECASE,
        ):
            continue  # a day of the month: "September 27", "19 and 20 September"
        unit = "member" if match["member"] else _unit_after(text, match.end())
        approx = bool(match["approx"])
        span_start = match.start() if approx else start
        found.append(
            NumberMention(
                value, None, None, approx, span_start, match.end(), text[span_start : match.end()], unit
            )
        )
    # a count past MAX_COUNT is a typo or a hostile page, and past int64 no table could hold it
    found = [n for n in found if all(v is None or v <= MAX_COUNT for v in (n.value, n.min, n.max))]
    return sorted(found, key=lambda n: n.start)
