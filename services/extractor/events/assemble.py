"""From clean article text to event mentions: trigger sentences first, then the resolvers on them.

1. Sentences with an action trigger become drafts; up to two following sentences that still describe
   the operation ("Four of the arrests took place in Spain ...") join them (the continuation rule).
2. Each draft gets its record kind from cues: a count over a period is an ``aggregate``, a date years
   before publication makes ``background``; otherwise an ``event``.
3. Drafts of one operation merge: consecutive events of the same family within a few sentences whose
   times do not disagree (a lede, its detail paragraphs, "the women arrested in Spain"): ONE mention.
4. The resolvers run on the merged evidence: actors (an anaphoric "the authorities" takes the agency
   named last before it), groups (looked for in the whole story segment, then two sentences back),
   sites with roles and per-site counts, quantities, time.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from schemas.events import Actor, EventMention, EventTime, Quantity, Span, Target
from services.extractor.events.actors import ActorMention, find_actors
from services.extractor.events.countries import countries_in
from services.extractor.events.numbers import COUNT_NOUNS, PEOPLE_NOUNS, find_numbers
from services.extractor.events.places import gazetteer
from services.extractor.events.sites import (
    SiteMention,
    assign_counts,
    find_sites,
    refine,
    sentence_country_sets,
    to_site,
)
from services.extractor.events.statistics import STATISTIC, mentions_combatants, stock_figure
from services.extractor.events.timex import TimeExpression, find_times
from services.extractor.events.triggers import (
    AGGREGATE,
    CONTINUATION,
    FAMILY,
    FUTURE,
    HEDGED,
    NEGATED,
    REPORTED,
    SUBTYPE_RANK,
    Trigger,
    find_trigger,
    is_anaphoric,
    is_hypothetical,
    sentences,
    trim,
)

EXTRACTOR_VERSION = "newswire-events/0.2"
MERGE_DISTANCE = 700  # characters between two drafts of one operation, at most
MERGE_SENTENCES = 4  # and sentences
BACKGROUND_YEARS = 2  # an event dated this many years before publication is background

_ANAPHORIC_ACTOR = re.compile(
    r"\b(?:the|local)\s+(?:authorities|police|security\s+(?:services|forces)|investigators)\b", re.I
)
_CASUALTY_VERB = re.compile(
    r"(?:\b(kill(?:ing|ed|s))|\b(?:injur|wound)(?:ing|ed|s))\s+(?:about\s+|some\s+|at\s+least\s+)?$", re.I
)
_CASUALTY_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:(killed|dead|died)|injured|wounded)\b",
    re.I,
)
_COMPOSED_OF = re.compile(
    r"\b(?:composed\s+of|made\s+up\s+of|consisting\s+of|comprising|cells?\s+of)\s+$", re.I
)
_SINGLE_ARREST = re.compile(
    r"\b(?:a|an|one)\s+(?:[A-Za-z-]+\s+)?(?:citizen|man|woman|national|suspect|individual|person|youth|teenager"
    r"|student|imam|jihadist|militant)\s+(?:was|has\s+been|had\s+been)\s+(?:arrested|detained|apprehended)\b",
    re.I,
)


@dataclass
class _Draft:
    trigger: Trigger
    subtype: str
    sentence_index: int
    last_index: int
    windows: list[tuple[int, int]]
    time: TimeExpression | None
    kind: str
    anaphoric: bool = False  # "the bombing": refers back to an action already reported

    @property
    def start(self) -> int:
        return self.windows[0][0]

    @property
    def end(self) -> int:
        return self.windows[-1][1]


def _kind(sentence: str, when: TimeExpression | None, published_at: date | None) -> str:
    old = (
        when is not None
        and when.end is not None
        and published_at is not None
        and when.end.year < published_at.year - BACKGROUND_YEARS
    )
    if old and when is not None and when.precision != "year":
        return "background"  # "the events of May 16, 2003" (a span "since 2013" is an aggregate's)
    if AGGREGATE.search(sentence):
        return "aggregate"
    return "event"


def _drafts(text: str, spans: list[tuple[int, int]], published_at: date | None) -> list[_Draft]:
    drafts: list[_Draft] = []
    triggered = [find_trigger(text[s:e]) for s, e in spans]
    stocks = (
        [None if found else stock_figure(text[s:e]) for (s, e), found in zip(spans, triggered, strict=True)]
        if mentions_combatants(text)
        else [None] * len(spans)
    )
    if not any(triggered) and not any(stocks):
        return []  # most articles: no action reported, nothing more to do
    times = find_times(text, published_at) if published_at else []
    for i, ((start, end), found) in enumerate(zip(spans, triggered, strict=True)):
        if found is None:
            if stocks[i] is not None:
                when = _first_time(times, start, end)
                drafts.append(_Draft(STATISTIC, "other", i, i, [(start, end)], when, "statistic"))
            continue
        trigger, match = found
        sentence = text[start:end]
        if FAMILY.get(trigger.subtype) == "strike" and is_hypothetical(sentence, match.start()):
            continue  # "lone wolves might seek to carry out attacks": the plan is not an attack
        when = _first_time(times, start, end)
        windows = [(start, end)]
        last = i
        for j in range(i + 1, min(i + 3, len(spans))):  # the continuation rule
            if triggered[j] is not None:
                break
            if CONTINUATION.search(text[spans[j][0] : spans[j][1]]):
                windows.append(spans[j])
                last = j
        drafts.append(
            _Draft(
                trigger,
                trigger.subtype,
                i,
                last,
                windows,
                when,
                _kind(sentence, when, published_at),
                anaphoric=is_anaphoric(sentence, match),
            )
        )
    return drafts


def _first_time(times: list[TimeExpression], start: int, end: int) -> TimeExpression | None:
    """The first resolved time expression inside ``[start, end)``."""
    return next((t for t in times if start <= t.span_start < end and t.start is not None), None)


def _same_time(a: TimeExpression | None, b: TimeExpression | None) -> bool:
    return a is None or b is None or (a.start, a.end) == (b.start, b.end)


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    merged: list[_Draft] = []
    for draft in drafts:
        previous = merged[-1] if merged else None
        if (  # "the events of May 16, 2003, when a group attacked ... The attacks of that day ...": history
            previous is not None
            and previous.kind == "background"
            and draft.kind == "event"
            and draft.time is None
            and FAMILY.get(draft.subtype) == FAMILY.get(previous.subtype)
            and draft.sentence_index - previous.last_index <= 1
        ):
            previous.windows += [w for w in draft.windows if w not in previous.windows]
            previous.last_index = draft.last_index
            continue
        if (
            previous is not None
            and previous.kind == draft.kind == "event"
            and FAMILY.get(draft.subtype) is not None
            and FAMILY.get(draft.subtype) == FAMILY.get(previous.subtype)
            and draft.start - previous.end <= MERGE_DISTANCE
            and draft.sentence_index - previous.last_index <= MERGE_SENTENCES
            and (_same_time(previous.time, draft.time) or draft.anaphoric)
        ):
            previous.windows += [w for w in draft.windows if w not in previous.windows]
            previous.last_index = max(previous.last_index, draft.last_index)
            previous.time = previous.time or (None if draft.anaphoric else draft.time)
            if SUBTYPE_RANK.index(draft.subtype) < SUBTYPE_RANK.index(previous.subtype):
                previous.subtype, previous.trigger = draft.subtype, draft.trigger
            continue
        merged.append(draft)
    return merged


def _span(text: str, start: int, end: int) -> Span:
    start, end = trim(text, start, end)
    return Span(start=start, end=end, text=text[start:end])


def _in_windows(start: int, windows: list[tuple[int, int]]) -> bool:
    return any(s <= start < e for s, e in windows)


def _quantities(
    text: str, windows: list[tuple[int, int]], subtype: str, used: set[tuple[int, int]]
) -> list[Quantity]:
    out: dict[str, Quantity] = {}  # the first count of each kind: the lede's total, not a detail's
    for start, end in windows:
        for n in find_numbers(text[start:end]):
            span = (start + n.start, start + n.end)
            if span in used:
                continue  # a per-site count ("four of the arrests ... in Spain")
            unit = n.unit or ""
            composed = _COMPOSED_OF.search(text, max(start, span[0] - 20), span[0])
            if unit == "member" or (
                subtype == "cell_dismantled"
                and (unit in ("elements", "members") or (composed and unit in PEOPLE_NOUNS))
            ):
                kind = "cell_members"  # "a five-member cell", "composed of four extremists"
            elif unit in ("cells", "cell"):
                kind = "cells"
            elif unit in PEOPLE_NOUNS and FAMILY.get(subtype) == "arrest":
                kind = "arrested"
            elif unit in PEOPLE_NOUNS and (
                verb := _CASUALTY_VERB.search(text, max(start, span[0] - 24), span[0])
            ):
                kind = "killed" if verb[1] else "injured"  # "killing about three dozen people"
            elif unit in PEOPLE_NOUNS and (after := _CASUALTY_AFTER.match(text, span[1])):
                kind = "killed" if after[1] else "injured"  # "7 militants (were) killed"
            elif unit in ("killed", "dead"):
                kind = "killed"
            elif unit in ("injured", "wounded"):
                kind = "injured"
            elif unit in COUNT_NOUNS:
                kind = "other"
            else:
                continue
            out.setdefault(
                kind,
                Quantity(
                    kind=cast(Any, kind),
                    value=n.value,
                    min=n.min,
                    max=n.max,
                    approx=n.approx,
                    span=Span(start=span[0], end=span[1], text=n.text),
                ),
            )
        single = _SINGLE_ARREST.search(text, start, end)
        if single and "arrested" not in out and FAMILY.get(subtype) == "arrest":
            s, e = single.span()
            out["arrested"] = Quantity(kind="arrested", value=1, span=Span(start=s, end=e, text=text[s:e]))
    return list(out.values())


def _with_site_total(quantities: list[Quantity], sites: list[SiteMention], text: str) -> list[Quantity]:
    """No overall count but counts per site: the total is theirs ("four ... were arrested in Almskad")."""
    counted = [s for s in sites if s.count is not None]
    if not counted or any(q.kind == "arrested" for q in quantities):
        return quantities
    total = sum(s.count or 0 for s in counted)
    span = None
    if len(counted) == 1 and counted[0].count_span:
        start, end = counted[0].count_span
        span = Span(start=start, end=end, text=text[start:end])
    return [*quantities, Quantity(kind="arrested", value=total, span=span)]


def _actors(text: str, draft: _Draft, all_actors: list[ActorMention]) -> list[ActorMention]:
    agencies = [a for a in all_actors if a.kind == "agency" and _in_windows(a.start, draft.windows)]
    if not agencies and any(_ANAPHORIC_ACTOR.search(text, s, e) for s, e in draft.windows):
        earlier = [a for a in all_actors if a.kind == "agency" and a.end <= draft.start]
        if earlier:  # "The authorities dismantled ...": the authorities named last before
            agencies = [a for a in earlier if a.start == earlier[-1].start]
    first: dict[str, ActorMention] = {}
    for agency in agencies:
        first.setdefault(agency.name, agency)  # an agency's first mention is its evidence
    return list(first.values())


def _groups(
    draft: _Draft, all_actors: list[ActorMention], spans: list[tuple[int, int]]
) -> list[ActorMention]:
    groups = [a for a in all_actors if a.kind == "group" and draft.start <= a.start < draft.end]
    if (
        not groups
    ):  # the group named just before: "... joining the Islamic State. The authorities dismantled ..."
        back = spans[max(0, draft.sentence_index - 2)][0]
        groups = [a for a in all_actors if a.kind == "group" and back <= a.start < draft.start][-1:]
    return groups[:1]


def _confidence(time: TimeExpression | None, sites: list[SiteMention], actors: list[ActorMention]) -> float:
    score = 0.5 + 0.15 * (time is not None) + 0.15 * bool(sites) + 0.1 * bool(actors)
    score -= 0.1 * sum(1 for s in sites if s.place is None or s.place.resolution == "fuzzy")
    return round(min(0.95, max(0.1, score)), 2)


def _factuality(window: str) -> str:
    if NEGATED.search(window):
        return "negated"
    if FUTURE.search(window):
        return "future"
    if HEDGED.search(window):
        return "hedged"
    return "reported" if REPORTED.search(window) else "asserted"


def extract_events(text: str, *, article_id: str, url: str, published_at: date | None) -> list[EventMention]:
    """Event mentions of one article's clean text."""
    spans = sentences(text)
    drafts = _merge(_drafts(text, spans, published_at))
    if not drafts:
        return []
    places = gazetteer()
    all_actors = find_actors(text)
    context = sorted(countries_in(text) | {a.country for a in all_actors if a.country})
    skip = {a.text for a in all_actors}
    mentions = []
    for d in drafts:
        window = " ".join(text[s:e] for s, e in d.windows)
        found = find_sites(text, d.windows, context, places, skip)
        if FAMILY.get(d.subtype) == "arrest":  # a site's count is of people arrested there
            assign_counts(text, d.windows, found)
        if d.kind == "statistic":  # where the combatants are: countries are the usual answer here
            for site in found:
                site.role = "operating_area"
            sites = found
        else:
            sites = refine(found, sentence_country_sets(text, spans, found))
        used = {s.count_span for s in found if s.count_span}  # per-site counts are not event totals
        actors = _actors(text, d, all_actors)
        groups = _groups(d, all_actors, spans)
        countries = {a.country for a in actors if a.country}
        target_kind = (
            "cell"
            if re.search(r"\bcells?\b", window, re.I)
            else "network"
            if re.search(r"\b(network|group)\b", window, re.I)
            else "unknown"
        )
        evidence = [_span(text, s, e) for s, e in d.windows]
        digest = hashlib.sha256(
            f"{article_id}:{evidence[0].start}:{evidence[0].end}:{d.subtype}".encode()
        ).hexdigest()
        when = d.time
        mentions.append(
            EventMention(
                mention_id=digest[:32],
                article_id=article_id,
                url=url,
                published_at=published_at,
                record_kind=cast(Any, d.kind),
                event_type=d.trigger.event_type,
                modes=list(d.trigger.modes),
                contexts=["terrorism"] if groups or re.search(r"terror|jihad|extremis", window, re.I) else [],
                subtype=cast(Any, d.subtype),
                factuality=cast(Any, _factuality(window)),
                joint_operation=len(countries) > 1 or bool(re.search(r"\bjoint(?:ly)?\b", window, re.I)),
                actors=[
                    Actor(
                        text=a.text,
                        name=a.name,
                        country=a.country,
                        sector=a.sector,
                        span=_span(text, a.start, a.end),
                    )
                    for a in actors
                ],
                targets=[
                    Target(
                        text=g.text,
                        kind=cast(Any, target_kind),
                        affiliation=g.name,
                        span=_span(text, g.start, g.end),
                    )
                    for g in groups
                ],
                sites=[to_site(text, s) for s in sites],
                quantities=_with_site_total(_quantities(text, d.windows, d.subtype, used), sites, text),
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
                confidence=_confidence(when, sites, actors),
                extractor_version=EXTRACTOR_VERSION,
            )
        )
    return mentions
