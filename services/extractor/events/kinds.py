"""What kind of record a trigger makes: one ``event``, an ``aggregate`` (a count over a period), or
``background`` (an action long before the article's news).

Aggregates are told by the words of the trigger's own clause, not of its sentence ("Italy has
expelled two more Moroccans, the ministry said, taking to 80 the number of such removals": the
first clause is an event, the last an aggregate):
- a running total: "taking to 80 the number of", "brought its tally for 2018 to 80", "rises to
  264", "the twenty-seventh of 2018", "the eighth person to be placed under arrest warrant";
- a period: "since 2015", "over the past two years", "so far this year", "in the preceding nine
  months", "over the year" -- or a year alone ("For 2023 itself, six cells broken up") with a count;
- a comparison: "compared with 46 in 2022", "up from 46".
Background is by date: an action dated more than BACKGROUND_DAYS before the reference date (the
day the page, or its section, was published) is context for the news, not the news; and in an
article whose news is a later step of a case, an arrest dated more than EARLIER_STEP_DAYS before it is an
earlier step told for context ("charged on Thursday ... arrested in Augsburg in late August").
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

from schemas.events import EventTime
from services.extractor.events.lexicon import Hit
from services.extractor.events.numbers import find_numbers
from services.extractor.events.timex import TimeExpression

RecordKind = Literal["event", "aggregate", "background"]
BACKGROUND_DAYS = 730
# A definite reference with a date of its own ("the attacks of 22 March", "the 2016 bombings") is
# the news only when recent: older, it is the context of the news.
REFERENCE_BACKGROUND_DAYS = 30
# The gap between an article's latest event and an earlier one that makes the earlier one context
EARLIER_STEP_DAYS = 30

_RUNNING_TOTAL = re.compile(
    r"\b(?:tak(?:ing|es|en)|bring(?:ing|s)?|brought|rais(?:ing|es|ed)|push(?:ing|es|ed))\s+(?:\w+\s+){0,4}?to\s+\d"
    r"|\b(?:tak(?:ing|es|en)|bring(?:ing|s)?|brought)\s+to\s+\S+\s+the\s+(?:number|total|tally|count)"
    r"|\b(?:tally|total|count|number|figure|toll)\s+(?:\w+\s+){0,6}?(?:rises|rose|risen|stands|stood|reached|reaches|to)\s"
    r"|\bthe\s+number\s+of\b|\btally\b|\bcumulative\b|\bannual\b|\byearly\b"
    r"|\bthe\s+(?:\w+-)?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth"
    r"|\w+tieth|\w+ieth|\d+(?:st|nd|rd|th))(?:\s+\w+){0,2}\s+(?:of|since|this|so\s+far|to\s+be)\b",
    re.I,
)
_PERIOD = re.compile(
    r"\bsince\s+(?:\d{4}|the\s+(?:start|beginning)|january|february|march|april|may|june|july|august|september"
    r"|october|november|december|it\s+was|its\s+creation|then|the\s+attacks?|\d)"
    r"|\bso\s+far(?:\s+this\s+(?:year|month))?\b|\bthis\s+year\b|\blast\s+year\b|\ba\s+year\s+(?:earlier|before)\b"
    r"|\bover\s+the\s+year\b|\bin\s+the\s+(?:year|whole\s+of)\s+\d{4}|\bby\s+the\s+end\s+of\b"
    r"|\b(?:in|over|during|within|for)\s+(?:the\s+)?(?:past|last|preceding|previous|first|latest)\s+(?:\w+\s+)?(?:days|weeks|months|years|decades?)\b"
    r"|\b(?:in|within)\s+(?:less|more)\s+than\s+(?:\w+\s+)?(?:days|weeks|months|years)\b"
    r"|\bin\s+recent\s+(?:years|months|weeks)\b|\bevery\s+year\b|\beach\s+year\b|\bper\s+year\b"
    r"|\b(?:in|over|during)\s+the\s+same\s+period\b"  # the period a total before it named
    # "during operations carried out from 8 to 14 January": a bulletin's week
    r"|\b(?:from|between)\s+\d{1,2}\s+(?:to|and)\s+\d{1,2}\s+(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\b"
    # "in the year to June", "in the 12 months to March": a statistics period
    r"|\bin\s+the\s+(?:year|twelve\s+months|12\s+months)\s+(?:to|up\s+to|ending)\s+(?:the\s+end\s+of\s+)?[A-Z]?\w+"
    # "in the first half of the year", "in the third quarter of 2024", "in the past year"
    r"|\b(?:in|over|during)\s+the\s+(?:first|second|third|fourth|last)\s+(?:half|quarter|six\s+months)\s+of\b"
    r"|\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?:year|decade)\b"
    r"|\bbetween\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|\d{4})"
    r"\s+and\s+\w+",
    re.I,
)
_SINCE = re.compile(
    r"\bsince\s+(?:\d|the\s+(?:start|beginning)|(?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december)\b|it\s+was|its\s+creation)",
    re.I,
)
_SHARE = re.compile(
    r"\b(?:accounted\s+for|made\s+up|make\s+up)\b|\b\d[\d,]*\s+(?:of|out\s+of)\s+(?:the\s+|all\s+)?\d[\d,]*\b",
    re.I,
)
_TALLIED = re.compile(
    r"\b(?:reported|recorded|registered|counted|logged|tallied)\s+(?:a\s+total\s+of\s+)?(?:\d[\d,]*|[a-z]+)\s+$",
    re.I,
)
# "It was the ninth jihadism arrest in the province this year": the ordinal numbers the action in a
# series, so with a period the clause is a running total, not a report of the action
_ORDINAL_OF_TRIGGER = re.compile(
    r"\bthe\s+(?:\w+-)?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth"
    r"|\w+tieth|\w+ieth|\d+(?:st|nd|rd|th))\s+(?:(?:such|[\w-]+)\s+){0,2}$",
    re.I,
)
_RECENT_SPAN = re.compile(
    r"\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?:week|month)\b", re.I
)
# an action compared with the news is its context, not its news
_SIMILAR = re.compile(
    r"\b(?:on|over|for|in)\s+(?:a\s+|an\s+)?similar\s+(?:charges?|grounds|case|cases|operation|circumstances"
    r"|accusations?|offences?|offenses?|suspicions?)\b",
    re.I,
)
_THIS_SPAN = re.compile(r"\bthis\s+(?:month|week|summer|winter|spring|autumn)\b", re.I)
# "praising the Hamas attack on Israel", "glorified the Paris attacks": an action named as what
# someone spoke of is a reference to it (an apology-for-terrorism case), not a report of it
_SPOKEN_OF = re.compile(
    r"\b(?:prais\w*|glorif\w*|celebrat\w*|justif\w*|applaud\w*|apolog\w+\s+for|condon\w*)\s+"
    r"(?:the|a|an|this|that|these|those)\s+(?:[\w'\u2019-]+\s+){0,3}$",
    re.I,
)
_SINCE_WHEN = re.compile(r"\bsince\s+[^,;]{1,30},\s+when\s+[^;,]*$", re.I)
# "Most were arrested in ...", "Half of them had been detained before": a share of people counted
# before, with no date of its own
# "comes a month after", "two years after": what follows happened that long before the news
_EARLIER_BY = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few|\d+)\s+"
    r"(?:months?|years?)\s+after\s+(?:[\w'-]+\s+){0,8}$"
    # "The attack came days after gunmen killed dozens at a mosque": a comparison with an earlier one
    r"|\b(?:comes?|came|coming)\s+(?:(?:just|only|barely)\s+)?(?:(?:a|one|two|three|several|a\s+few)\s+)?"
    r"(?:days?|weeks?)\s+after\s+(?:[\w'-]+\s+){0,8}$",
    re.I,
)
_SHARE_OF_THEM = re.compile(
    r"^\s*(?:Most|Many|Half|Some|The\s+majority|A\s+(?:third|quarter|fifth|minority|majority)|About\s+half"
    r"|Nearly\s+half|Two-thirds|A\s+few)(?:\s+of\s+(?:them|those|these|the\s+\w+))?\s+"
    r"(?:were|had\s+been|have\s+been|are)\s+(?:\w+ly\s+)?$",
    re.I,
)
# "in less than three months", "over the past eight years": a count of a span of time
_DURATION = re.compile(
    r"\b(?:in|within)\s+(?:less|more)\s+than\s+(?:\w+\s+)?(?:days|weeks|months|years)\b"
    r"|\b(?:in|over|during|within)\s+(?:the\s+)?(?:past|last|preceding|previous)\s+(?:\w+\s+)?(?:weeks|months|years|decades?)\b",
    re.I,
)
# A present perfect with a count says how many so far: "54 suspected jihadists have been detained
# across Spain", "have now been arrested" -- an aggregate when the count spans a country or a period.
_PRESENT_PERFECT = re.compile(
    r"\b(?:have|has)\s+(?:now\s+|so\s+far\s+|already\s+|also\s+|in\s+all\s+)?(?:been\s+)?(?:[a-z]+ly\s+)?$",
    re.I,
)
# "in Nigeria's Kaduna state" names a smaller place, not a count across the country
_WIDE = re.compile(
    r"\b(?:across|throughout|nationwide|around)\s+(?:the\s+)?(?:national\s+territory|country|nation|kingdom|[A-Z][\w-]+)"
    r"|\bnationwide\b|\bin\s+total\b|\baltogether\b|\bin\s+all\b|\bnow\b|\bso\s+far\b|\bto\s+date\b"
    r"|\bin\s+(?:France|Spain|Morocco|Italy|Germany|Belgium|Britain|the\s+UK|Europe|Tunisia|Algeria|Nigeria|the\s+country)\b(?!['\u2019]s)",
    re.I,
)
_COMPARISON = re.compile(
    r"\b(?:compared\s+(?:with|to)|up\s+from|down\s+from|versus|the\s+highest|the\s+lowest|twice\s+as\s+many)"
    r"\s+(?:\w+\s+){0,3}?\d"
    # "against 46 in 2022"; not "an order against a 21-year-old"
    r"|\bagainst\s+(?:some\s+|about\s+|just\s+)?\d[\d,]*\b(?!-year)",
    re.I,
)
_VAGUE_MANY = re.compile(
    r"\b(?:(?:thousands|hundreds|scores|dozens|many|numerous|countless)\s+(?:of\s+\w+\s+)?(?:have|had)\s+been"
    r"|a\s+(?:string|number|wave|spate|series)\s+of|a\s+considerable\s+number|numerous|repeated(?:ly)?|countless"
    r"|have\s+(?:accelerated|increased|risen|multiplied|intensified))\b",
    re.I,
)
# Where the clause after a trigger ends: the next comma or clause break.
# a comma inside a number ("1,300 people") ends nothing
_CLAUSE_END = re.compile(r",(?!\d)|[;:\u2014\u2013]|\s-\s|\bwhile\b|\bwhereas\b")
_CLAUSE_START = re.compile(
    r"[;:\u2014\u2013]|\s-\s|,\s+(?:taking|bringing|which|while|compared|against|up|down)\b"
    # "arresting three more suspects and taking to nine the number held this week"
    r"|\s+and\s+(?:taking|bringing|raising|pushing)\s+(?:\w+\s+){0,4}?to\b"
    r"|\b(?:although|though|but|whereas|while)\b"
)


def _dated(sentence: str, sentence_start: int, when: TimeExpression | None) -> bool:
    """A day is one action's date, unless it starts a period ("expelled since 1 January 2015"); a
    day the trigger owns ("last Monday's raid") is its date whatever comes before."""
    if when is None or when.precision != "day":
        return False
    before = sentence[max(0, when.span_start - sentence_start - 8) : when.span_start - sentence_start]
    owned = re.match(r"['\u2019]s\b", sentence[when.span_end - sentence_start :])
    return not re.search(r"\bsince\s+$", before, re.I) or bool(owned)


def clause_start(sentence: str, start: int) -> int:
    """Where the clause of a trigger at ``start`` begins (an offset into ``sentence``)."""
    starts = [m.start() for m in _CLAUSE_START.finditer(sentence, 0, start)]
    return starts[-1] if starts else 0


def _clause_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The trigger's clause: from the last break before it to the first one after it."""
    starts = [
        m.start() + 1 for m in _CLAUSE_START.finditer(sentence, 0, start)
    ]  # the cue word is the clause's
    after = _CLAUSE_END.search(sentence, end)
    return (starts[-1] if starts else 0, after.start() if after else len(sentence))


def _clause(sentence: str, start: int, end: int) -> str:
    first, last = _clause_span(sentence, start, end)
    return sentence[first:last]


_SPAN_OF_TIME = frozenset({"years", "months", "weeks", "days", "hours", "minutes", "decades", "year-old"})


def _too_many(clause: str) -> bool:
    """More cells or people than one operation takes, with no date to say it was one."""
    for n in find_numbers(clause):
        value, unit = n.value or n.min or 0, (n.unit or "").lower()
        if (unit in ("cells", "networks", "plots") and value >= 10) or value >= 200:
            return True
    return False


def _has_count(clause: str) -> bool:
    """A count of two or more things: not a span of time ("jailed for five years")."""
    return any(
        (n.value or n.min or 0) >= 2 and (n.unit or "") not in _SPAN_OF_TIME for n in find_numbers(clause)
    )


def record_kind(
    sentence: str,
    sentence_start: int,
    hit: Hit,
    when: TimeExpression | None,
    reference: date | None,
    *,
    anaphoric: bool = False,
    sentence_times: tuple[TimeExpression, ...] = (),
) -> RecordKind:
    """``when``: the time that hangs on the trigger; ``sentence_times``: all of its sentence's."""
    start, end = hit.start - sentence_start, hit.end - sentence_start
    clause = _clause(sentence, start, end)
    plural = hit.rule.form == "noun" and hit.text.lower().endswith("s")
    counted = plural or _has_count(clause)
    if _COMPARISON.search(clause) or _DURATION.search(clause):
        return "aggregate"
    span_first, span_last = _clause_span(sentence, start, end)
    spans_days = any(
        t.precision == "day"
        and t.end is not None
        and t.start != t.end
        and span_first <= t.span_start - sentence_start < span_last
        for t in (when, *sentence_times)
        if t is not None
    )
    if counted and spans_days and _WIDE.search(clause):
        # "arrested seven support elements from 8 to 14 January across the national territory"
        return "aggregate"
    if plural and (_SHARE.search(clause) or _TALLIED.search(sentence[:start])):
        # "attacks accounted for 5 of the 14 attacks", "Spain reported 78 arrests": a report's figures
        return "aggregate"
    first, last = _clause_span(sentence, start, end)
    specific = _dated(sentence, sentence_start, when) or any(
        _dated(sentence, sentence_start, t) and first <= t.span_start - sentence_start < last
        for t in sentence_times
    )
    # "the deadliest attack since August, when fighters killed 37 people": the when-clause tells the
    # one action that the period starts with
    starts_the_period = bool(_SINCE_WHEN.search(sentence[:start]))
    if not specific and not starts_the_period:
        if _VAGUE_MANY.search(clause):
            # "a series of arrests", unless on a day ("a series of searches during the night")
            return "aggregate"
        if _RUNNING_TOTAL.search(clause):
            return "aggregate"
        if (
            hit.rule.form == "noun"
            and _ORDINAL_OF_TRIGGER.search(sentence[:start])
            and (_PERIOD.search(clause) or _THIS_SPAN.search(clause))
        ):
            return "aggregate"
        if counted and _WIDE.search(clause) and _RECENT_SPAN.search(clause):
            return "aggregate"  # "14 support elements had been arrested across the country in the past week"
        if _SHARE_OF_THEM.search(sentence[:start]):
            return "aggregate"  # "Most were arrested in Catalonia": a share of a total counted before
        if _SINCE.search(clause) and (counted or hit.rule.form == "verb"):
            return "aggregate"  # "317 expulsions ... since January 2015", "since it was set up in 2015"
        if (
            _PERIOD.search(clause)
            and (when is None or when.precision != "month")
            and (counted or hit.rule.form == "verb")
        ):
            return "aggregate"  # "six people have now been detained in Melilla this year"
        if (
            counted
            and hit.family != "court"  # "prosecutors have charged four men": one step of one case
            and _PRESENT_PERFECT.search(sentence[:start])
            and (_WIDE.search(clause) or _too_many(clause))
        ):
            # "54 suspected jihadists have been detained across Spain", "has dismantled more than 90
            # cells": a record of its work, not an operation
            return "aggregate"
    if hit.rule.form == "noun" and _SPOKEN_OF.search(sentence[:start]):
        return "background"
    if _SIMILAR.search(clause) and (when is None or when.precision != "day"):
        # "In January, a man was arrested in Milan on similar charges": a look-alike told for
        # comparison (one dated to the day is news of its own, whatever it is compared with)
        return "background"
    if _EARLIER_BY.search(sentence[:start]):
        return "background"  # "The operation comes a month after four suspects were arrested": its past
    # "over the killing of a shepherd in 2020": a gerund with an article is one action, a noun
    gerund_noun = (
        hit.text.lower().endswith("ing")
        and bool(re.search(r"\b(?:the|a|an|this|that)\s+$", sentence[:start], re.I))
        and sentence[end:].lstrip().startswith("of ")
    )
    singular_noun = (hit.rule.form == "noun" and not plural) or gerund_noun
    if when is not None and when.precision == "year" and not singular_noun and counted:
        return "aggregate"  # "For 2023 itself, it reported six cells broken up and 21 people arrested"
    days = REFERENCE_BACKGROUND_DAYS if anaphoric else BACKGROUND_DAYS
    if (
        when is not None
        and when.end is not None
        and reference is not None
        and when.end < reference - timedelta(days=days)
    ):
        return "background"
    return "event"


# The steps of a case that come after the arrest: when one is the news, the arrest is its past
LATER_STEPS = frozenset({"charge_indict", "conviction_sentence", "extradition_deportation"})


def earlier_steps(
    records: list[tuple[RecordKind, str | None, EventTime | None]], published: date | None
) -> set[int]:
    """Indexes of the arrests told as a case's past: in an article whose news is a later step of
    a case (a charge, a sentence, an expulsion) within EARLIER_STEP_DAYS of ``published``, an event
    dated more than EARLIER_STEP_DAYS before that step ("charged on Thursday ... arrested in
    Augsburg in late August"). A series of operations keeps its earlier ones: a digest of the
    month's arrests reports each of them."""
    if published is None:
        return set()
    dated = [
        (k, subtype, t.end)
        for k, (kind, subtype, t) in enumerate(records)
        if kind == "event"
        and t is not None
        and t.end is not None
        and t.precision in ("day", "week", "month")
        and t.anchor in ("explicit", "publication_date")
    ]
    # an undated later step is news of the day it is published ("prosecutors have charged a man")
    dated += [
        (k, subtype, published)
        for k, (kind, subtype, t) in enumerate(records)
        if kind == "event" and subtype in LATER_STEPS and (t is None or t.end is None)
    ]
    if not dated:
        return set()
    news = max(dated, key=lambda d: d[2])
    if news[1] not in LATER_STEPS or news[2] < published - timedelta(days=EARLIER_STEP_DAYS):
        return set()
    return {
        k
        for k, subtype, end in dated
        if subtype not in LATER_STEPS and end < news[2] - timedelta(days=EARLIER_STEP_DAYS)
    }
