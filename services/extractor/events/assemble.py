"""From clean article text to event mentions: trigger sentences first, then the resolvers on them.

A first rule-based pass (issue 5, in progress; measured with ``newswire eval``): it finds
sentences with an action trigger, takes the next sentence along when it carries places or counts
("Composed of three elements operating in ..."), reads actors, groups, counts, places and time
with the resolvers of this package, decides the record kind from cues, and merges the mentions of
one operation (a lede and its detail paragraphs) into one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from schemas.events import Actor, EventMention, EventTime, Quantity, Site, Span, Target
from services.extractor.events.actors import ActorMention, find_actors
from services.extractor.events.numbers import COUNT_NOUNS, PEOPLE_NOUNS, find_numbers
from services.extractor.events.places import Gazetteer, gazetteer
from services.extractor.events.timex import MONTHS, WEEKDAYS, TimeExpression, find_times

EXTRACTOR_VERSION = "newswire-events/0.1"

# trigger -> (event_type, modes, subtype); the first matching trigger of a sentence wins.
TRIGGERS: list[tuple[re.Pattern[str], str, list[str], str]] = [
    (
        re.compile(r"\b(dismantl\w*|broke\s+up|broken\s+up|busted)\b", re.I),
        "COERCE",
        ["arrest"],
        "cell_dismantled",
    ),
    (re.compile(r"\b(foiled|thwarted)\b", re.I), "COERCE", ["arrest"], "plot_foiled"),
    (
        re.compile(r"\b(launched\s+(?:air\s*)?strikes|air\s*strikes?\s+(?:on|against))\b", re.I),
        "ASSAULT",
        ["aerial"],
        "airstrike",
    ),
    (
        re.compile(
            r"\b(arrested|detained|apprehended|nabbed|captured|taken\s+into\s+custody|arrests?\s+of)\b", re.I
        ),
        "COERCE",
        ["arrest"],
        "arrest",
    ),
    (
        re.compile(r"\b(extradited|deported|expelled)\b", re.I),
        "COERCE",
        ["deport"],
        "extradition_deportation",
    ),
    (re.compile(r"\b(convicted|sentenced\s+to)\b", re.I), "SANCTION", [], "conviction_sentence"),
    (re.compile(r"\b(charged\s+with|indicted)\b", re.I), "ACCUSE", [], "charge_indict"),
    (re.compile(r"\b(raided)\b", re.I), "COERCE", ["search"], "raid_search"),
    (re.compile(r"\b(attacked|suicide\s+bomb\w*)\b", re.I), "ASSAULT", [], "attack"),
    (re.compile(r"\bagreement\s+was\s+(?:sealed|signed)\b", re.I), "AGREE", [], "cooperation_agreement"),
]
_FAMILY = {"cell_dismantled": "arrest", "arrest": "arrest", "plot_foiled": "arrest"}
_SENTENCE = re.compile(r"[^\n.!?]*(?:[.!?]+[\u201d\"']?|\n|$)")
_AGGREGATE = re.compile(
    r"\b(between\s+\w+\s+and\s+\w+\s+(?:this|last)\s+year|since\s+\d{4}|so\s+far|in\s+the\s+year|"
    r"by\s+the\s+end\s+of|over\s+the\s+(?:last|past)|a\s+(?:series|string)\s+of|a\s+considerable\s+number)\b",
    re.I,
)
_GENERIC_STATEMENT = re.compile(
    r"\b(are|is)\s+arrested\s+according\s+to\b|\bhave\s+been\s+arrested\s+for\b", re.I
)
_REPORTED = re.compile(r"\b(said|according\s+to|reported|reporting|stated|announced)\b", re.I)
_FUTURE = re.compile(r"\b(planned\s+to|plotting\s+to|sought\s+to|intended\s+to|were\s+preparing)\b", re.I)
_NAME = r"[A-Z][\w\u00c0-\u024f'\u2019-]*"
_PLACE_CANDIDATE = re.compile(rf"(?<![\w-]){_NAME}(?:\s+(?:{_NAME}|al-\w+|el-\w+|de\s+la|de|del)){{0,4}}")
_REFERENCE_POINT = re.compile(r"\b(?:(?:north|south|east|west)(?:east|west)?\s+of|outside|near)\s+$", re.I)
_CALENDAR = frozenset(m.capitalize() for m in MONTHS) | frozenset(d.capitalize() for d in WEEKDAYS)
_COUNTRY_WORDS = re.compile(
    r"\b(Morocco|Spain|France|Belgium|Syria|Iraq|Mali|Somalia|Libya|Tunisia|Algeria|Nigeria|Niger|"
    r"Burkina Faso|Germany|Italy|Netherlands|Portugal)\b"
)


@dataclass
class _Draft:
    start: int
    end: int
    event_type: str
    modes: list[str]
    subtype: str
    evidence: list[tuple[int, int]] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    sites: list[Site] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    time: TimeExpression | None = None


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if text[m.start() : m.end()].strip()]


def _span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start=start, end=end, text=text[start:end])


def _context_countries(text: str, places: Gazetteer) -> list[str]:
    """Countries the article is about: countries it names and the countries of agencies it names."""
    countries = {a.country for a in find_actors(text) if a.country}
    for match in _COUNTRY_WORDS.finditer(text):
        place = places.resolve(match.group(0))
        if place and place.country:
            countries.add(place.country)
    return sorted(countries)


def _sites(
    text: str, start: int, end: int, context: list[str], places: Gazetteer, skip: set[str]
) -> list[Site]:
    sites: list[Site] = []
    seen: set[str] = set()
    for match in _PLACE_CANDIDATE.finditer(text, start, end):
        if _REFERENCE_POINT.search(text[max(0, match.start() - 30) : match.start()]):
            continue  # "just south of Madrid": a landmark for the site, not the site
        words = match.group(0).split()
        for n in range(len(words), 0, -1):  # the longest name first: "Sidi Allal al-Bahraoui" over "Sidi"
            candidate = " ".join(words[:n])
            if candidate in _CALENDAR or candidate in skip or any(candidate in s for s in skip):
                continue
            place = places.resolve(candidate, context)
            if (
                place is None
                or place.precision == "country"
                or place.name in seen
                or (place.resolution == "alternate" and place.population < 100_000)
                or (place.country is not None and place.country not in context)
            ):
                continue
            seen.add(place.name)
            s = match.start()
            sites.append(
                Site(
                    text=candidate,
                    name=place.name,
                    country=place.country,
                    admin1=place.admin1,
                    geonameid=place.geonameid,
                    lat=place.lat,
                    lon=place.lon,
                    precision=place.precision,
                    span=_span(text, s, s + len(candidate)),
                )
            )
            break
    if any(
        s.precision != "region" for s in sites
    ):  # "sent to the Sahel": a destination, not where it happened
        sites = [s for s in sites if s.precision != "region"]
    return sites


def _quantities(text: str, start: int, end: int, subtype: str) -> list[Quantity]:
    out: list[Quantity] = []
    for n in find_numbers(text[start:end]):
        unit = n.unit or ""
        if unit == "member" or (unit in ("elements", "members") and subtype == "cell_dismantled"):
            kind = "cell_members"
        elif unit in ("cells", "cell"):
            kind = "cells"
        elif unit in PEOPLE_NOUNS and _FAMILY.get(subtype) == "arrest":
            kind = "arrested"
        elif unit in ("killed", "dead"):
            kind = "killed"
        elif unit in ("injured", "wounded"):
            kind = "injured"
        elif unit in COUNT_NOUNS:
            kind = "other"
        else:
            continue
        out.append(
            Quantity(
                kind=cast(Any, kind),
                value=n.value,
                min=n.min,
                max=n.max,
                approx=n.approx,
                span=Span(start=start + n.start, end=start + n.end, text=n.text),
            )
        )
    return out


def _drafts(text: str, published_at: date | None) -> list[_Draft]:
    places = gazetteer()
    context = _context_countries(text, places)
    times = find_times(text, published_at) if published_at else []
    sentences = _sentences(text)
    drafts: list[_Draft] = []
    for i, (start, end) in enumerate(sentences):
        sentence = text[start:end]
        trigger = next(((p, t, m, s) for p, t, m, s in TRIGGERS if p.search(sentence)), None)
        if trigger is None or _GENERIC_STATEMENT.search(sentence):
            continue
        window_end = end
        if i + 1 < len(sentences):  # the continuation rule
            nxt = text[sentences[i + 1][0] : sentences[i + 1][1]]
            if not any(p.search(nxt) for p, *_ in TRIGGERS) and re.search(
                r"\b(operating|based|active|took\s+place|were\s+carried\s+out)\b[^.]*\bin\b", nxt
            ):
                window_end = sentences[i + 1][1]
        actors = find_actors(text[start:window_end])
        skip = {a.text for a in actors}
        inside = [t for t in times if start <= t.span_start < window_end and t.start is not None]
        drafts.append(
            _Draft(
                start,
                window_end,
                trigger[1],
                trigger[2],
                trigger[3],
                [(start, window_end)],
                [
                    ActorMention(a.text, a.name, a.kind, a.country, a.sector, a.start + start, a.end + start)
                    for a in actors
                ],
                _sites(text, start, window_end, context, places, skip),
                _quantities(text, start, window_end, trigger[3]),
                inside[0] if inside else None,
            )
        )
    return drafts


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One operation reported in a lede and detail sentences is one mention: a draft with no time of its
    own continues the previous draft of the same family within two sentences."""
    merged: list[_Draft] = []
    for draft in drafts:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and draft.time is None
            and _FAMILY.get(draft.subtype) is not None
            and _FAMILY.get(draft.subtype) == _FAMILY.get(previous.subtype)
            and draft.start - previous.end < 400
        ):
            previous.end = draft.end
            previous.evidence.append((draft.start, draft.end))
            previous.actors += draft.actors
            previous.sites += [s for s in draft.sites if s.name not in {x.name for x in previous.sites}]
            previous.quantities += [
                q for q in draft.quantities if q.kind not in {x.kind for x in previous.quantities}
            ]
            if draft.subtype == "cell_dismantled":
                previous.subtype = "cell_dismantled"
            continue
        merged.append(draft)
    return merged


def extract_events(text: str, *, article_id: str, url: str, published_at: date | None) -> list[EventMention]:
    """Event mentions of one article's clean text."""
    mentions: list[EventMention] = []
    for d in _merge(_drafts(text, published_at)):
        window = text[d.start : d.end]
        when = d.time
        kind = "event"
        if _AGGREGATE.search(text[d.evidence[0][0] : d.evidence[0][1]]) and (
            when is None or when.precision in ("part_of_year", "year")
        ):
            kind = "aggregate"
        elif (
            published_at
            and when is not None
            and when.end is not None
            and when.end.year < published_at.year - 2
        ):
            kind = "background"
        groups = [a for a in d.actors if a.kind == "group"]
        agencies = list({a.name: a for a in d.actors if a.kind == "agency"}.values())
        countries = {a.country for a in agencies if a.country}
        target_kind = (
            "cell"
            if re.search(r"\bcells?\b", window, re.I)
            else ("network" if re.search(r"\b(network|group)\b", window, re.I) else "unknown")
        )
        evidence = [_span(text, s, e) for s, e in d.evidence]
        digest = hashlib.sha256(
            f"{article_id}:{evidence[0].start}:{evidence[0].end}:{d.subtype}".encode()
        ).hexdigest()
        mentions.append(
            EventMention(
                mention_id=digest[:32],
                article_id=article_id,
                url=url,
                published_at=published_at,
                record_kind=cast(Any, kind),
                event_type=d.event_type,
                modes=d.modes,
                contexts=["terrorism"] if groups or re.search(r"terror|jihad|extremis", window, re.I) else [],
                subtype=d.subtype,  # type: ignore[arg-type]
                factuality="future"
                if _FUTURE.search(window)
                else "reported"
                if _REPORTED.search(window)
                else "asserted",
                joint_operation=len(countries) > 1 or bool(re.search(r"\bjoint(?:ly)?\b", window, re.I)),
                actors=[
                    Actor(
                        text=a.text,
                        name=a.name,
                        country=a.country,
                        sector=a.sector,
                        span=Span(start=a.start, end=a.end, text=a.text),
                    )
                    for a in agencies
                ],
                targets=[
                    Target(
                        text=g.text,
                        kind=cast(Any, target_kind),
                        affiliation=g.name,
                        span=Span(start=g.start, end=g.end, text=g.text),
                    )
                    for g in groups[:1]
                ],
                sites=d.sites,
                quantities=d.quantities,
                time=EventTime(
                    text=when.text,
                    start=when.start,
                    end=when.end,
                    precision=when.precision,
                    anchor=when.anchor,
                )
                if when
                else EventTime(),
                evidence=evidence,
                confidence=0.6,
                extractor_version=EXTRACTOR_VERSION,
            )
        )
    return mentions
