"""From clean article text to event mentions: read the document, group its triggers into records
(``operations``), then resolve each record's arguments over all of its sentences.

- sites: the places of the record's sentences that hang on its own triggers (``document``), with
  their roles (``sites``); a removal happens at both ends, so its origin and destination are sites;
- quantities (``quantities``); a single site carries the whole count;
- actors: the agencies of the record's sentences; failing that, of its paragraph; failing that, the
  authorities of the country where it happened. Violence is done by a group: its actor is the group,
  placed in the country where it acted. An agency noun with no country ("police", "the army
  detachments") takes the country of the record's sites, or of its digest section;
- the group (affiliation) named in the record's sentences, else its paragraph, else just before it;
- time: the first date that hangs on the record's triggers, else any date in its sentences that
  hangs on nothing else;
- subtype: a dismantled cell where the words say so (or the story calls those arrested "the cell");
  otherwise the first action told (an arrest, a raid, a seizure), the most specific for violence.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, cast

from schemas.events import Actor, EventMention, EventTime, Quantity, Span, Target
from services.extractor.events.actors import ActorMention, ActorTable, default_actors
from services.extractor.events.countries import countries_in, nationality_mentions
from services.extractor.events.document import Document, read
from services.extractor.events.gate import RecordGate, default_gate
from services.extractor.events.kinds import earlier_steps
from services.extractor.events.lexicon import Lexicon, default_lexicon
from services.extractor.events.modality import REAL, is_adjectival, modality
from services.extractor.events.numbers import PEOPLE_NOUNS, find_numbers
from services.extractor.events.operations import Operation, group, ordinal_person
from services.extractor.events.places import Gazetteer, gazetteer
from services.extractor.events.quantities import counts
from services.extractor.events.segments import trim
from services.extractor.events.sites import (
    SiteMention,
    assign_counts,
    distribute_each,
    find_sites,
    refine,
    resolve_descriptors,
    to_site,
)
from services.extractor.events.statistics import STATISTIC_EVENT_TYPE, mentions_combatants, stock_figure
from services.extractor.events.targets import participants
from services.extractor.events.timex import TimeExpression, shift

EXTRACTOR_VERSION = "newswire-events/0.7"  # the v0.7 of docs/benchmarks.md's options table

_CELL = re.compile(
    r"\b(?:the|this|a|terrorist|jihadist|extremist|IS|Daesh|ISIS|takfiri|[\w-]+-(?:man|member))\s+(?:[\w-]+\s+)?cells?\b"
    r"|\bcell['\u2019]s\b",
    re.I,
)
_PRISON_CELL = re.compile(
    r"\b(?:in|into|shared|prison|jail|his|her|their|police|holding)\s+(?:a\s+|the\s+)?cells?\b", re.I
)
_JOINT = re.compile(r"\bjoint(?:ly)?\b|\bin\s+(?:coordination|cooperation|collaboration)\s+with\b", re.I)
_TERROR = re.compile(r"terror|jihad|extremis|radicali", re.I)
_BARE_DATELINE = re.compile(r"[A-Z][A-Z\u00c0-\u00de .'-]{2,30}(?=\s+[-\u2013\u2014]\s)")
_KILLING = re.compile(r"(?:kill|murder|massacr|slaughter|shot\s+dead)", re.I)
_AGENCY_AFTER = re.compile(
    r"(?:['\u2019]s)?\s+(?:state\s+|regional\s+|provincial\s+|city\s+|municipal\s+|local\s+)?(?:criminal\s+)?"
    r"(?:police|gendarmerie|prosecutors?|court|governor|authorities|command|(?:armed\s+|special\s+|security\s+)?forces"
    r"|troops|army|military|navy|air\s+force|soldiers|government|officials|drones?|aircraft|jets|warplanes"
    r"|(?:foreign|interior|defen[cs]e|justice)\s+ministry|ministry\s+of\s+\w+|embassy|consulate|president|presidency)\b",
    re.I,
)
_REACTION = re.compile(
    r"\b(?:prompting|in\s+response|in\s+retaliation|retaliat\w*|followed\s+by|triggering)\b", re.I
)
_BOTH_COUNTRIES = re.compile(
    r"\b(?:both|the\s+two)\s+(?:countries|nations|neighbou?rs|sides|kingdoms)\b", re.I
)
_WHERE = re.compile(r"(?:\s+in\s+[A-Z][\w\u00c0-\u024f-]+)?\s*,\s+where\b")
_MEDIA_OUTLET = re.compile(r"^['\u2019]s\s+(?:Amaq|news|media|propaganda)", re.I)


_INTERVAL_BEFORE = re.compile(
    r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>days?|weeks?)\s+(?P<dir>after|before)\s+"
    r"(?:(?:he|she|they|it|the\s+\w+|[\w-]+)\s+)?(?:had\s+been\s+|was\s+|were\s+|had\s+)?$",
    re.I,
)
_CLAUSE_BREAK = re.compile(r",?\s+(?:while|whereas)\s+|;\s+")
_SEPARATE_WORDS = re.compile(
    r"\b(?:a\s+separate|an\s+unrelated|another)\s+(?:[\w-]+\s+)?(?:clash|attack|incident|operation|raid|ambush|case)\b",
    re.I,
)
# "a sweep of the Ezzouhour district": a part of a town, told by the word after its name
_DISTRICT_AFTER = re.compile(r"\s+(?:district|neighbou?rhood|quarter|suburb|estate)\b", re.I)


def _districts_into_places(text: str, found: list[SiteMention]) -> list[SiteMention]:
    """A district in a record that names one other known place of its country is a part of that
    place ("a cell in the governorate of Kasserine ... rounded up in a sweep of the Ezzouhour
    district"): the place is the site a map can show, and takes the district's count. A district
    the gazetteer knows only as a town is kept, unless the other place is a province: a district
    name is often a town's elsewhere (Ezzouhour is a town near Sousse and a district of Kasserine)."""
    for district in [s for s in found if _DISTRICT_AFTER.match(text, s.end)]:
        known = {
            s.name: s
            for s in found
            if s is not district and s.place is not None and s.country == district.country
        }
        if len(known) != 1:
            continue
        place = next(iter(known.values()))
        if district.place is not None and place.precision not in ("admin1", "admin2"):
            continue
        if place.count is None and district.count is not None:
            place.count, place.count_span = district.count, district.count_span
        place.role = "event_site" if district.role == "event_site" else place.role
        found = [s for s in found if s is not district]
    return found


@dataclass(frozen=True)
class _Record:
    kind: str
    family: str
    subtype: str
    event_type: str
    modes: tuple[str, ...]


class EventExtractor:
    """Event mentions of article texts; holds the tables it reads with (built once per process)."""

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        actors: ActorTable | None = None,
        places: Gazetteer | None = None,
        gate: RecordGate | None = None,
    ) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.actors = actors or default_actors()
        self._places = places
        self.gate = gate if gate is not None else default_gate()

    @property
    def places(self) -> Gazetteer:
        if self._places is None:
            self._places = gazetteer()
        return self._places

    def actions(self, sentence: str) -> list[tuple[str, str]]:
        """``(subtype, modality)`` of every trigger of one sentence, in text order: what the
        sentence-level detector sees (WikiEvents detection, tests)."""
        out: list[tuple[str, str]] = []
        for hit in self.lexicon.hits(sentence, 0, len(sentence)):
            if hit.rule.reference_only or is_adjectival(sentence, hit, 0):
                continue
            out.append((hit.subtype, modality(sentence, hit, 0)))
        return out

    def detect(self, sentence: str) -> set[str]:
        """Subtypes of the actions a sentence reports as having happened."""
        return {subtype for subtype, mode in self.actions(sentence) if mode in REAL}

    def extract(
        self, text: str, *, article_id: str, url: str, published_at: date | None, title: str | None = None
    ) -> list[EventMention]:
        doc = read(text, published_at, title, self.lexicon, self.actors)
        if not (doc.has_trigger_words and any(doc.hits)) and not mentions_combatants(text):
            return []  # most articles: no action reported, nothing more to do
        ops = group(doc)
        builder = _Builder(doc, self.places, article_id, url)
        builder.ops = ops
        built = [m for m in (builder.build(op) for op in ops) if m is not None]
        earlier = earlier_steps([(cast(Any, m.record_kind), m.subtype, m.time) for m in built], published_at)
        mentions = [
            m.model_copy(update={"record_kind": "background"}) if k in earlier else m
            for k, m in enumerate(built)
        ]
        mentions = self.gate.review(_freed_as_taken(mentions))
        mentions += builder.statistics({i for op in ops for i in op.sentences})
        return sorted(mentions, key=lambda m: m.evidence[0].start)


# the people a release speaks of are the ones taken before: "have freed them", "The captives were released"
_THE_TAKEN = re.compile(
    r"\b(?:freed|released|rescued|set\s+free)\s+(?:all\s+(?:of\s+)?)?(?:them|the\s+(?:others|rest))\b"
    r"|\b(?:the|all\s+the)\s+(?:victims|captives|hostages|abductees|kidnapped|abducted)\b",
    re.I,
)


def _freed_as_taken(mentions: list[EventMention]) -> list[EventMention]:
    """A release that counts nobody but speaks of the people taken ("Gunmen who abducted 42 students
    ... have freed all of them") frees as many as the story's one abduction took."""
    taken = [
        q
        for m in mentions
        if m.subtype == "abduction" and m.record_kind in ("event", "background")
        for q in m.quantities
        if q.kind == "other" and q.value
    ]
    if len(taken) != 1:
        return mentions
    out = []
    for m in mentions:
        if (
            m.subtype == "release"
            and m.record_kind == "event"
            and not any(q.kind == "other" for q in m.quantities)
            and any(_THE_TAKEN.search(e.text) for e in m.evidence)
        ):
            m = m.model_copy(update={"quantities": [*m.quantities, taken[0]]})
        out.append(m)
    return out


def extract_events(
    text: str, *, article_id: str, url: str, published_at: date | None, title: str | None = None
) -> list[EventMention]:
    """Event mentions of one article's clean text."""
    return EventExtractor().extract(
        text, article_id=article_id, url=url, published_at=published_at, title=title
    )


def _span(text: str, start: int, end: int) -> Span:
    start, end = trim(text, start, end)
    return Span(start=start, end=end, text=text[start:end])


class _Builder:
    def __init__(self, doc: Document, places: Gazetteer, article_id: str, url: str) -> None:
        self.doc = doc
        self.places = places
        self.article_id = article_id
        self.url = url
        text = doc.text
        self.filed = self._dateline_country(places)
        self.context = sorted(
            {c for _, _, c in doc.countries}
            | {a.country for a in doc.actors if a.country}
            | set(doc.section_countries.values())
            | self.filed
        )
        self.skip = [(a.start, a.end) for a in doc.actors if not a.generic]
        self._sites: dict[int, list[SiteMention]] = {}
        self.text = text
        if not self.context:
            # no country named: the countries of the places big enough to be known without one, in
            # the sentences that tell actions ("killed in Diffa and three in Bosso": Diffa says
            # Niger, and Niger lets Bosso in)
            acting = [i for i, hits in enumerate(doc.hits) if hits]
            known = {site.country for i in acting for site in self.sites_in(i) if site.country}
            if known:
                self.context = sorted(known)
                self._sites = {}
        self._country_counts = Counter(c for _, _, c in doc.countries)
        self.ops: list[Operation] = []
        self._time_cache: dict[int, TimeExpression | None] = {}
        self._court_quantities: dict[int, list[Quantity]] = {}
        self._built_sites: dict[int, list[SiteMention]] = {}  # each record's sites, once built
        self._claimed_hits: set[int] | None = None  # the triggers some record holds (see belongs)

    # ---- places -------------------------------------------------------------------------------

    def _dateline_country(self, places: Gazetteer) -> set[str]:
        """Where the story was filed ("MADRID, March 3 (Wire) -") is the likeliest country of its places
        (read once per article: ``self.filed``)."""
        if self.doc.dateline_end:
            # "MADRID, March 3 (Wire) -", "OUAGADOUGOU (Sahel Daily) -"
            city = re.compile(r"[A-Z][A-Za-z\u00c0-\u024f .'-]+?(?=,|\s*\()").match(
                self.doc.text, self.doc.dateline_start
            )
        else:  # a dateline with no date: "MOGADISHU - ", opening the text or the paragraph after the title
            city = next(
                (
                    m
                    for block in self.doc.text.split("\n\n", 2)[:2]
                    if (m := _BARE_DATELINE.match(block)) is not None
                ),
                None,
            )
        place = places.resolve(city.group(0).title(), (), fuzzy=False) if city else None
        return {place.country} if place is not None and place.country else set()

    def sites_in(self, i: int) -> list[SiteMention]:
        if i not in self._sites:
            s = self.doc.sentences[i]
            context = self.context
            section_country = self.doc.section_countries.get(s.section)
            if section_country and section_country not in context:
                context = [*context, section_country]
            self._sites[i] = find_sites(self.text, s.start, s.end, context, self.places, self.skip)
        return self._sites[i]

    def _named_before(self, i: int) -> list[SiteMention]:
        return [
            site for j in range(max(0, i - 12), i + 1) for site in self.sites_in(j) if not site.descriptor
        ]

    # ---- what hangs on the record ---------------------------------------------------------------

    def count_belongs(self, op: Operation, position: int) -> frozenset[str] | None:
        """For a count: it hangs on the record's trigger (see ``belongs``), or, in a sentence with
        one of the record's triggers, on no other trigger ("Officials said the five-member cell ...
        was dismantled": the count is the cell's)."""
        found = self.belongs(op, position, subject=True)
        if found is not None:
            return found
        i = self.doc.sentence_at(position)
        if i not in op.sentences or (i in op.spans and not op.spans[i][0] <= position < op.spans[i][1]):
            return None
        anchor = self.doc.attachment(i, position, subject=True)
        return frozenset() if anchor is None or anchor.kind != "trigger" else None

    def belongs(self, op: Operation, position: int, *, subject: bool = False) -> frozenset[str] | None:
        """The modes of the record's trigger an argument at ``position`` hangs on; an empty set for
        a sentence of the record with no predicate; None when it hangs on something else."""
        i = self.doc.sentence_at(position)
        if i not in op.sentences:
            return None
        if i in op.spans and not op.spans[i][0] <= position < op.spans[i][1]:
            return None  # the other part of a sentence shared with an aggregate
        if self._in_separate_clause(op, i, position):
            return None  # "..., while two soldiers died in a separate clash near Gao"
        anchor = self.doc.attachment(i, position, subject=subject)
        own = {id(m.hit): m.hit for m in op.mentions}
        if anchor is None:
            return frozenset()  # nothing else in the sentence claims it
        if anchor.kind == "trigger" and anchor.hit is not None:
            if id(anchor.hit) in own:
                return frozenset(anchor.hit.rule.modes)
            if i in op.spans and not op.spans[i][0] <= anchor.start < op.spans[i][1]:
                return frozenset()  # a trigger of another part of the sentence claims nothing in ours
            if anchor.hit.rule.reference_only and id(anchor.hit) not in self._claimed():
                return frozenset()  # "In a separate operation in X, guards arrested": a word of no record
            return None
        return None

    def _in_separate_clause(self, op: Operation, i: int, position: int) -> bool:
        """``position`` lies in a clause of its own that says it tells another action, and none of
        the record's triggers is in that clause."""
        s = self.doc.sentences[i]
        starts = [s.start] + [m.end() for m in _CLAUSE_BREAK.finditer(self.text, s.start, s.end)]
        first = max(b for b in starts if b <= position)
        after = [b for b in starts if b > position]
        last = after[0] if after else s.end
        if not _SEPARATE_WORDS.search(self.text, first, last):
            return False
        return not any(first <= m.hit.start < last for m in op.mentions)

    def _claimed(self) -> set[int]:
        """The triggers held by some record (``self.ops`` is set once, before any record is built)."""
        if self._claimed_hits is None:
            self._claimed_hits = {id(m.hit) for o in self.ops for m in o.mentions}
        return self._claimed_hits

    def build(self, op: Operation) -> EventMention | None:
        doc, text = self.doc, self.text
        record = self._record(op)
        spans = [op.spans.get(i, (doc.sentences[i].start, doc.sentences[i].end)) for i in op.sentences]
        sites = self._sites_of(op, record)
        step = self._previous_court_step(op) if record.family == "court" else None
        if record.family == "court" and not sites:
            sites = self._court_seat(op)
            if not sites and step is not None:
                # "An investigating judge ordered him held": the court that charged him, where it sits
                sites = [replace(x) for x in self._built_sites.get(id(step), [])]
        if record.family == "operation" and not sites:
            sites = self._attack_site(op)
        quantities = self._quantities(op, record, sites, spans)
        if (
            step is not None
            and step.head.sentence == op.head.sentence
            and not any(q.kind == "other" for q in quantities)
        ):
            # "Three of them were charged today and placed in pre-trial detention": one subject
            quantities += [q for q in self._court_quantities.get(id(step), []) if q.kind == "other"]
        if record.family == "court":
            self._court_quantities[id(op)] = quantities
        sites = _single_site_count(sites, quantities, record.family, self.text)
        self._built_sites[id(op)] = sites
        claimant = self._claimant(op)
        actors = self._actors(op, record, sites, claimant)
        groups = [claimant] if claimant is not None else self._groups(op)
        when = self._time(op)
        self._time_cache[id(op)] = when
        window = " ".join(text[s:e] for s, e in spans)
        countries = {a.country for a in actors if a.country}
        evidence = [_span(text, s, e) for s, e in spans]
        digest = hashlib.sha256(
            f"{self.article_id}:{evidence[0].start}:{evidence[0].end}:{record.subtype}".encode()
        ).hexdigest()
        role = "event_site"
        return EventMention(
            mention_id=digest[:32],
            article_id=self.article_id,
            url=self.url,
            published_at=doc.published,
            record_kind=cast(Any, record.kind),
            event_type=record.event_type,
            modes=list(record.modes),
            contexts=["terrorism"] if groups or _TERROR.search(window) else [],
            subtype=cast(Any, record.subtype),
            factuality=cast(Any, op.head.modality),
            joint_operation=record.family in ("operation", "removal")
            and (len(countries) > 1 or bool(_JOINT.search(window))),
            actors=actors,
            targets=[
                Target(
                    text=g.text,
                    kind=cast(Any, _target_kind(window)),
                    affiliation=g.name,
                    span=_span(text, g.start, g.end),
                    role="group",
                )
                for g in groups
            ]
            + self._participants(op, record),
            sites=[
                to_site(text, s, s.role if s.role in ("event_site", "operating_area") else role)
                for s in sites
            ],
            quantities=quantities,
            time=EventTime(
                text=when.text, start=when.start, end=when.end, precision=when.precision, anchor=when.anchor
            )
            if when
            else EventTime(),
            evidence=evidence,
            confidence=_confidence(when, sites, actors),
            extractor_version=EXTRACTOR_VERSION,
        )

    def _record(self, op: Operation) -> _Record:
        hits = [m.hit for m in op.mentions if not m.hit.rule.reference_only] or [op.head.hit]
        family = op.family
        subtypes = [h.subtype for h in hits if h.family == family] or [hits[0].subtype]
        if family == "operation":
            if "cell_dismantled" in subtypes or self._called_a_cell(op):
                subtype = "cell_dismantled"
            elif "plot_foiled" in subtypes:
                subtype = "plot_foiled"
            elif subtypes[0] == "raid_search" and any(
                h.subtype == "arrest" and self._told_with_head(op, self.doc.sentence_at(h.start))
                for h in hits
            ):
                # "raided a flat ... and detained a man", "five house searches were carried out. Three
                # persons were deprived of their liberty": the raid is how the arrest was made
                subtype = "arrest"
            else:
                subtype = subtypes[0]
        elif family == "violence":
            # an abduction is told as a raid or an attack first; an air strike is how the first
            # attack was done ("killed seven militants in an air strike"), unless it answered it
            # ("killed in IS attacks, prompting Russian airstrikes"); people abducted in a later
            # sentence of an attack the lede tells ("killed 25 ... residents were abducted") are
            # part of the attack
            head = [h for h in hits if self.doc.sentence_at(h.start) == op.head.sentence]
            strike = next((h for h in head if h.subtype == "airstrike"), None)
            reaction = strike is not None and _REACTION.search(self.text[head[0].end : strike.start])
            killings = [h for h in head if h.subtype == "attack" and _KILLING.search(h.text)]
            abductions = [h for h in head if h.subtype == "abduction"]
            # "killed at least 12 farmers and abducted several women": a counted killing outweighs
            # an uncounted abduction (a Kagara-style "abducted 42 students" stays an abduction)
            killing_head = bool(killings) and (
                not abductions
                or (
                    any(find_numbers(self.text[k.end : k.end + 30]) for k in killings)
                    and not any(find_numbers(self.text[a.end : a.end + 30]) for a in abductions)
                )
            )
            if "abduction" in subtypes and not killing_head:
                subtype = "abduction"
            elif strike is not None and not reaction:
                subtype = "airstrike"
            else:
                subtype = subtypes[0]
        else:
            subtype = subtypes[0]
        rule = next(h.rule for h in hits if h.subtype == subtype) if subtype in subtypes else hits[0].rule
        modes: list[str] = []
        for h in hits:
            for mode in h.rule.modes:
                if mode not in modes and mode != "question":
                    modes.append(mode)
        return _Record(op.kind, family, subtype, rule.event_type, tuple(modes))

    def _called_a_cell(self, op: Operation) -> bool:
        """The story calls the people arrested a cell: in the record's sentences, or in the title."""
        for i in op.sentences:
            sentence = self.doc.sentence_text(i)
            for m in _CELL.finditer(sentence):
                if not _PRISON_CELL.search(sentence[max(0, m.start() - 12) : m.end()]):
                    return True
        title = self.doc.title or ""
        digest = len(self.doc.section_countries) > 1 or len(self.doc.layout.sections) > 2
        several = not any(q == 1 for q in self._arrest_counts(op))
        return (
            bool(_CELL.search(title) and not _PRISON_CELL.search(title))
            and op.kind == "event"
            and several
            and not digest
        )

    def _arrest_counts(self, op: Operation) -> list[int]:
        """Counts of people arrested that the record's sentences state outright (one for "a man")."""
        found = []
        for i in op.sentences:
            sentence = self.doc.sentence_text(i)
            if re.search(r"\b(?:arrested|detained|apprehended)\s+(?:a|an|one)\s+", sentence) or re.search(
                r"\b(?:a|an|one)\s+[\w-]+\s+(?:man|woman|suspect)?\s*(?:was|has\s+been)\s+(?:arrested|detained)",
                sentence,
            ):
                found.append(1)
        return found

    def _sites_of(self, op: Operation, record: _Record) -> list[SiteMention]:
        found: list[SiteMention] = []
        landmarks: list[SiteMention] = []
        seats: set[int] = set()
        for i in op.sentences:
            here = self.sites_in(i)
            named = self._named_before(i) if any(x.descriptor for x in here) else []
            for site in resolve_descriptors(here, named):
                if site.start < self.doc.dateline_end:
                    continue  # "ROME, 14 March 2018 -": where the story was filed
                seat = site.role == "seat" and record.family == "court"  # the court of the record's sentence
                if not seat and self.belongs(op, site.start) is None and not self._where_clause(op, i, site):
                    continue
                if site.role == "seat":  # "the Sale Court of Appeal": where a court step happens
                    if record.family != "court":
                        continue
                    site = replace(site, role="event_site")
                    seats.add(site.start)
                elif (
                    _AGENCY_AFTER.match(self.text, site.end) or self._owns_agency(i, site)
                ) and not site.descriptor:
                    continue  # "Borno State police", "Morocco's DGST": the place names the agency
                if site.role == "landmark":
                    landmarks.append(replace(site, role="event_site"))
                    continue
                if site.role in ("background", "reference"):
                    continue
                if site.role in ("origin", "destination") and record.family != "removal":
                    continue
                found.append(SiteMention(**site.__dict__))
        if landmarks and not any(x.precision != "country" for x in found):
            # "seized 21 people about 40 km south of Kaduna": with no place of its own named, the
            # action is located at the nearest one the story gives (as event datasets do)
            found = [x for x in found if x.precision != "country"] + landmarks
        if seats:
            # a court step happens where the court sits; the other places of its sentences are the
            # crime's ("upheld the convictions over the 2015 attack on a hotel near Sousse")
            found = [x for x in found if x.start in seats]
        # a site's count is of the people arrested, or killed in an attack, there; never of the
        # people abducted (those are the record's other count)
        if record.family == "operation" or (record.family == "violence" and record.subtype != "abduction"):
            triggers = [(m.hit.start, m.hit.end) for m in op.mentions if not m.hit.rule.reference_only]
            for i in op.sentences:
                s = self.doc.sentences[i]
                start, end = op.spans.get(i, (s.start, s.end))  # the record's part of a shared sentence
                assign_counts(
                    self.text,
                    start,
                    end,
                    [x for x in found if start <= x.start < end],
                    triggers,
                    killed=record.family == "violence",
                )
            if record.family == "operation":
                sentences = self.doc.sentences
                spans = [op.spans.get(i, (sentences[i].start, sentences[i].end)) for i in op.sentences]
                follower = max(op.sentences) + 1
                if follower < len(self.doc.sentences) and not any(follower in o.sentences for o in self.ops):
                    # "... in Badalona and Terrassa. One suspect was held in each town.": the next
                    # sentence, of no record of its own, distributes this record's people
                    s = self.doc.sentences[follower]
                    spans.append((s.start, s.end))
                distribute_each(self.text, spans, found)
        for site in found:
            if site.country is None:
                site.country = self._unknown_site_country(op, site)
        found = _districts_into_places(self.text, found)
        sentence_has_town = any(x.precision != "country" for x in found)
        return refine(found, keep_countries=not sentence_has_town or op.kind != "event", text=self.text)

    def _told_with_head(self, op: Operation, i: int) -> bool:
        """Sentence ``i`` is the record's head sentence or the one right after it in its paragraph."""
        head = op.head.sentence
        sentences = self.doc.sentences
        return i == head or (i == head + 1 and sentences[i].paragraph == sentences[head].paragraph)

    def _owns_agency(self, i: int, site: SiteMention) -> bool:
        """ "Morocco's General Directorate for Territorial Surveillance": a possessive before an agency
        the actor table knows."""
        owner = re.match(r"['\u2019]s\s+", self.text[site.end : site.end + 4])
        return owner is not None and any(
            a.kind == "agency" and a.start == site.end + owner.end() for a in self.doc.actors_in(i)
        )

    def _where_clause(self, op: Operation, i: int, site: SiteMention) -> bool:
        """ "the mayor of Xeraco in Valencia, where police operations lasted from 5.30 a.m.": a place
        whose relative clause tells the record's action is its site, whatever the words before it."""
        after = _WHERE.match(self.text, site.end)
        if after is None:
            return False
        end = self.doc.sentences[i].end
        return any(after.end() <= m.hit.start < end for m in op.mentions if m.sentence == i)

    def _unknown_site_country(self, op: Operation, site: SiteMention) -> str | None:
        """A name no gazetteer knows is placed in its digest section's country, or in a country named
        before it in its sentence ("members of the Islamic State in Somalia ... were arrested in
        Ofin"); never in one named after it ("cells in Shata, where fighters were recruited for Mali")."""
        section = self.doc.section_countries.get(self.doc.sentences[op.head.sentence].section)
        if section:
            return section
        i = self.doc.sentence_at(site.start)
        named = self._countries_named(self.doc.sentences[i].start, site.start)
        if named:
            return next(iter(named)) if len(named) == 1 else None
        # or in the country of the places named before it in its sentence ("two posts in Lower
        # Shabelle on Sunday, at Sabiid and Awdheegle")
        located = {
            x.country
            for x in self.sites_in(i)
            if x.place is not None and x.precision != "country" and x.country and x.end <= site.start
        }
        if len(located) == 1:
            return next(iter(located))
        # or in the one country the record's earlier sentences name ("killed 13 in Nigeria's
        # Zamfara state. Nine were killed in Gidan Kare ...")
        told = set().union(
            *(
                self._countries_named(self.doc.sentences[j].start, self.doc.sentences[j].end)
                for j in op.sentences
                if j < i
            )
        )
        if told:
            return next(iter(told)) if len(told) == 1 else None
        # a village no gazetteer has is most likely near where the story was filed ("MOGADISHU -")
        filed = self.filed
        return next(iter(filed)) if len(filed) == 1 else None

    def _countries_named(self, start: int, end: int) -> set[str]:
        """Countries named (not nationality words) in ``text[start:end]`` as places, not as whose
        forces ("United States forces")."""
        return {
            code
            for s, e, code, demonym in nationality_mentions(self.text)
            if start <= s and e <= end and not demonym and not _AGENCY_AFTER.match(self.text, e)
        }

    def _fallback_country(self, op: Operation) -> str | None:
        section = self.doc.section_countries.get(self.doc.sentences[op.head.sentence].section)
        if section:
            return section
        for names_only in (True, False):  # "Islamic State in Somalia, one Moroccan and one Syrian": Somalia
            near = [
                c
                for i in op.sentences
                for c in sorted(
                    countries_in(
                        self.text,
                        self.doc.sentences[i].start,
                        self.doc.sentences[i].end,
                        names_only=names_only,
                    )
                )
            ]
            if near:
                return Counter(near).most_common(1)[0][0]
        filed = self.filed  # where the story was filed, before any count
        if len(filed) == 1:
            return next(iter(filed))
        if self._country_counts:
            return self._country_counts.most_common(1)[0][0]
        # no country named anywhere: the country of the story's towns ("Alicante ... Valencia")
        return self._places_country(towns_only=False)

    def _places_country(self, *, towns_only: bool) -> str | None:
        """The commonest country of the story's places (``towns_only``: not counting countries)."""
        found = Counter(
            site.country
            for i in range(len(self.doc.sentences))
            for site in self.sites_in(i)
            if site.country and not (towns_only and site.precision == "country")
        )
        return found.most_common(1)[0][0] if found else None

    # ---- quantities ---------------------------------------------------------------------------------

    def _quantities(
        self, op: Operation, record: _Record, sites: list[SiteMention], spans: list[tuple[int, int]]
    ) -> list[Quantity]:
        event_sites = [s for s in sites if s.role in ("event_site", "operating_area")]
        # per-site counts are not the total, unless the record has one site ("arrested two men in Marseille")
        used = {s.count_span for s in sites if s.count_span} if len(event_sites) > 1 else set()
        modes = frozenset(mode for m in op.mentions for mode in m.hit.rule.modes)
        found = counts(
            self.text,
            spans,
            record.family,
            record.subtype,
            cast(set[tuple[int, int]], used),
            lambda position: self.count_belongs(op, position),
            modes,
        )
        members = next((q for q in found if q.kind == "cell_members"), None)
        if members is not None and not any(q.kind == "arrested" for q in found) and self._members_held(op):
            # "dismantled a four-member cell ... The suspects were rounded up": all of them
            found.append(Quantity(kind="arrested", value=members.value, span=members.span))
        if record.family == "operation":
            found = self._one_more(op, found, sites)
        if record.family == "court":
            found = self._one_more_defendant(op, found)
        if record.family in ("violence", "release", "removal") and not any(q.kind == "other" for q in found):
            # an attack's dead are counted as killed; the people it describes are no "other" count
            described = None if record.subtype == "attack" else self._people_described(op)
            if described is not None:
                found.append(described)
        counted = [s for s in sites if s.count is not None]
        total_kind = (
            "arrested" if record.family == "operation" else "killed" if record.family == "violence" else None
        )
        stated = next((q for q in found if q.kind == total_kind), None)
        if (
            total_kind == "arrested"
            and stated is not None
            and len(counted) >= 2
            and len(counted) == len(event_sites)
        ):
            # every place has its count ("four in Tangier and one each in Fez and Tiflet"): their sum
            # is a floor, so a smaller stated figure is one place's count, not the total
            total = sum(s.count or 0 for s in counted)
            if (
                stated.value is not None
                and stated.value < total
                and stated.value in {s.count for s in counted}
            ):
                found = [q for q in found if q is not stated]
                found.append(Quantity(kind="arrested", value=total))
        if total_kind and counted and not any(q.kind == total_kind for q in found):
            total = sum(s.count or 0 for s in counted)  # "four ... in Spain, while the remaining six ..."
            found.append(Quantity(kind=cast(Any, total_kind), value=total))
        return found

    def _people_described(self, op: Operation) -> Quantity | None:
        """The people a participle of the record describes are its count: "Twenty-five worshippers
        abducted from a church ... have regained their freedom" (25 abducted), whatever verb the
        sentence's own record has."""
        for m in op.mentions:
            if not self.doc.is_modifier(m.hit):
                continue
            s = self.doc.sentences[m.sentence]
            start = max(s.start, m.hit.start - 50)
            before = self.text[start : m.hit.start]
            for n in reversed(find_numbers(before)):
                # the number's noun ends the phrase before the participle
                rest = before[n.end :].lower().split()
                unit = (n.unit or "").lower()
                if (
                    n.value is not None
                    and unit in PEOPLE_NOUNS
                    and rest
                    and rest[-1] == unit
                    and len(rest) <= 3
                ):
                    return Quantity(
                        kind="other",
                        value=n.value,
                        span=Span(start=start + n.start, end=start + n.end, text=before[n.start : n.end]),
                    )
        return None

    def _one_more(self, op: Operation, found: list[Quantity], sites: list[SiteMention]) -> list[Quantity]:
        """ "detained five people ... A sixth suspect was arrested in Lille": the sixth makes six, and
        his sentence's one place holds him ("three people ... The third was arrested in Aarhus": one
        of the three, one there)."""
        stated = next((q for q in found if q.kind == "arrested"), None)
        for m in op.mentions:
            s = self.doc.sentences[m.sentence]
            ordinal = ordinal_person(self.text, s.start, m.hit.start)
            if ordinal is None:
                continue
            # the record's places named in this sentence (a place named before too is kept once)
            named = {x.name for x in self.sites_in(m.sentence) if x.precision != "country"}
            here = [x for x in sites if x.name in named and x.precision != "country"]
            if stated is not None and stated.span is not None and s.start <= stated.span.start < s.end:
                found, stated = [q for q in found if q is not stated], None  # the ordinal person himself
            # the count so far: the stated total, or the other places' counts when the total was one
            # place's ("detained three men in Ghent ... A fourth suspect was arrested in Bruges")
            before = (
                stated.value
                if stated is not None
                else sum(x.count or 0 for x in sites if x not in here) or None
            )
            if len(here) == 1 and here[0].count is None and before is not None and ordinal <= before + 1:
                here[0].count = 1  # "Two ... in Copenhagen. The third was arrested in Aarhus": one there
            if before != ordinal - 1:
                continue  # one of the people already counted: the total stands
            found = [q for q in found if q is not stated]
            stated = Quantity(kind="arrested", value=ordinal, span=stated.span if stated else None)
            found.append(stated)
        return found

    def _one_more_defendant(self, op: Operation, found: list[Quantity]) -> list[Quantity]:
        """ "sentenced three men to between five and 14 years ... A fourth defendant was sentenced in
        absentia to 20 years": one hearing of the same step, one more defendant."""
        stated = next((q for q in found if q.kind == "other"), None)
        if stated is None or stated.value is None or stated.span is None:
            return found
        for m in op.mentions:
            s = self.doc.sentences[m.sentence]
            if s.start <= stated.span.start < s.end:
                continue
            ordinal = ordinal_person(self.text, s.start, m.hit.start)
            if ordinal is not None and ordinal == stated.value + 1:
                stated = Quantity(kind="other", value=ordinal, span=stated.span)
                found = [q for q in found if q.kind != "other"] + [stated]
        return found

    def _members_held(self, op: Operation) -> bool:
        """An arrest of the cell's people told by a definite reference ("The suspects were rounded
        up", "all of them were detained"), not of some of them."""
        for m in op.mentions:
            if m.hit.subtype != "arrest" or m.hit.rule.reference_only:
                continue
            s = self.doc.sentences[m.sentence]
            before = self.text[max(s.start, m.hit.start - 40) : m.hit.start]
            after = self.text[m.hit.end : min(s.end, m.hit.end + 20)]
            if _ALL_OF_THEM_BEFORE.search(before) or _ALL_OF_THEM_AFTER.match(after):
                return True
        return False

    # ---- actors -------------------------------------------------------------------------------------

    def _actors(
        self, op: Operation, record: _Record, sites: list[SiteMention], claimant: ActorMention | None
    ) -> list[Actor]:
        doc = self.doc
        in_op = [a for i in op.sentences for a in doc.actors_in(i)]
        # where people were sent is not who sent them ("Italy expelled two Tunisians to Tunis")
        site_countries = [s.country for s in sites if s.country and s.role != "destination"]
        subject = self._subject_country(op)
        if subject is not None and record.family != "violence":
            site_countries = [subject, *site_countries]
        if record.family in ("violence", "release") and record.subtype != "airstrike":
            groups = [claimant] if claimant else [a for a in in_op if a.kind == "group"]
            rescuers = self._rescuers(op, in_op) if record.family == "release" else []
            if not groups and not rescuers:
                return []
        else:
            groups, rescuers = [], []
        if groups:
            g = groups[0]
            # a group with one home country is of it wherever it strikes (al-Shabaab in Kenya); one
            # without (the Islamic State) is taken as of the country it acted in
            country = g.country or (site_countries[0] if site_countries else self._fallback_country(op))
            return [
                Actor(
                    text=g.text,
                    name=g.name,
                    country=country,
                    sector="REB",
                    span=_span(self.text, g.start, g.end),
                )
            ]
        agencies = rescuers or [a for a in in_op if a.kind == "agency"]
        if not agencies:
            paragraph = doc.sentences[op.head.sentence].paragraph
            agencies = [
                a
                for j, s in enumerate(doc.sentences)
                if s.paragraph == paragraph and j not in op.sentences
                for a in doc.actors_in(j)
                if a.kind == "agency"
            ]
        if record.family == "military" or record.subtype == "airstrike":  # the state that struck
            agencies = [a for a in agencies if a.sector == "MIL"] or agencies
        inside = [(m.hit.start, m.hit.end) for m in op.mentions]
        agencies = [a for a in agencies if not any(s <= a.start < e for s, e in inside)]  # "police custody"
        if any(not a.generic for a in agencies):
            agencies = [a for a in agencies if not a.generic]  # "the BCIJ ... its special forces": the BCIJ
        out: dict[str, Actor] = {}
        for a in agencies:
            listed = [] if a.country else self._countries_after(a)
            for country in listed[1:]:  # "authorities in Belgium, Germany and the Netherlands"
                out.setdefault(
                    f"{a.name}|{country}",
                    Actor(
                        text=a.text,
                        name=a.name,
                        country=country,
                        sector=a.sector,
                        span=_span(self.text, a.start, a.end),
                    ),
                )
            country = a.country or (
                listed[0] if listed else self._agency_country(op, a, record, site_countries)
            )
            key = f"{a.name}|{country}"
            out.setdefault(
                key,
                Actor(
                    text=a.text,
                    name=a.name,
                    country=country,
                    sector=a.sector,
                    span=_span(self.text, a.start, a.end),
                ),
            )
        if not out and site_countries and record.family in ("operation", "removal", "court"):
            country = site_countries[0]  # nobody named: the authorities of where it happened
            out[country] = Actor(text="", name=f"{country} authorities", country=country, sector="COP")
        if not out and record.family == "court" and (country := self._fallback_country(op)):
            # "Three of them were charged today": by the courts of the country the story is about
            out[country] = Actor(text="", name=f"{country} judiciary", country=country, sector="JUD")
        window = " ".join(self.doc.sentence_text(i) for i in op.sentences)
        if record.family == "operation" and (_BOTH_COUNTRIES.search(window) or _JOINT.search(window)):
            # "the security services of both countries", a joint operation: each country where it
            # happened took part, named or not
            for country in dict.fromkeys(site_countries):
                if all(a.country != country for a in out.values()):
                    out[country] = Actor(
                        text="", name=f"{country} authorities", country=country, sector="COP"
                    )
        return list(out.values())

    def _rescuers(self, op: Operation, in_op: list[ActorMention]) -> list[ActorMention]:
        """The forces that freed captives, named as the subject of the verb ("Nigerian troops have
        rescued 16 passengers"); whoever lets people go after questioning is not named so."""
        return [
            a
            for a in in_op
            if a.kind == "agency"
            and any(
                m.hit.family == "release"
                and self.doc.sentence_at(a.start) == m.sentence
                and 0 <= m.hit.start - a.end <= 40
                and not re.search(r"[,;]", self.text[a.end : m.hit.start])
                for m in op.mentions
            )
        ]

    def _countries_after(self, agency: ActorMention) -> list[str]:
        """The countries listed right after an agency noun: "authorities in Belgium, Germany and the
        Netherlands", "police of both Spain and Morocco"."""
        found: list[str] = []
        cursor = agency.end
        for start, end, code, demonym in nationality_mentions(self.text):
            if start < cursor or demonym:
                continue
            gap = self.text[cursor:start]
            if not (_LIST_GAP if found else _LOCATED_IN).match(gap):
                break
            found.append(code)
            cursor = end
        return found

    def _subject_country(self, op: Operation) -> str | None:
        """A country named as the subject of the record's first trigger: "Italy expelled", "Spain has
        expelled", "Morocco on Monday dismantled"."""
        hit = op.head.hit
        s = self.doc.sentences[op.head.sentence]
        for start, end, code, demonym in nationality_mentions(self.text):
            if demonym or not (s.start <= start and end <= hit.start):
                continue  # "two Moroccans arrested in Spain": the people, not the state
            if _SUBJECT_GAP.match(self.text[end : hit.start]):
                return code
        return None

    def _agency_country(
        self, op: Operation, agency: ActorMention, record: _Record, site_countries: list[str]
    ) -> str | None:
        before = self.text[max(0, agency.start - 30) : agency.start]
        owner = re.search(r"([A-Z][\w\u00c0-\u024f-]+)['\u2019]s\s+(?:\w+\s+){0,2}$", before)
        if owner is not None:  # "Berlin's state criminal police"
            place = self.places.resolve(owner[1], self.context, fuzzy=False)
            if place is not None and place.country:
                return place.country
        after = self.text[agency.end : agency.end + 40]
        located = re.match(r"\s+(?:in|of)\s+([A-Z][\w\u00c0-\u024f-]+)", after)
        if located is not None:  # "the investigating judge in Brussels", "A special assize court in Paris"
            place = self.places.resolve(located[1], self.context, fuzzy=False)
            if place is not None and place.country:
                return place.country
        section = self.doc.section_countries.get(self.doc.sentences[op.head.sentence].section)
        if section:
            return section
        if site_countries:
            return (
                site_countries[0]
                if record.family == "removal"
                else Counter(site_countries).most_common(1)[0][0]
            )
        if record.family == "removal" and len(self.filed) == 1:
            # "ROME - Two Tunisian men were expelled to Tunis on the orders of the Interior Minister":
            # the people's nationality is where they were sent; the state that sent them is the
            # story's, where it was filed
            return next(iter(self.filed))
        return self._state_country(op)

    def _state_country(self, op: Operation) -> str | None:
        """Whose authorities an agency with no country of its own is: a country named (not a
        nationality: "A judge ordered the Egyptian held" is not Egypt's judge), the dateline's, the
        story's towns', and only then the fallback."""
        sentences = self.doc.sentences
        named = [
            c
            for i in op.sentences
            for c in sorted(self._countries_named(sentences[i].start, sentences[i].end))
        ]
        if named:
            return Counter(named).most_common(1)[0][0]
        if len(self.filed) == 1:
            return next(iter(self.filed))
        return self._places_country(towns_only=True) or self._fallback_country(op)

    def _groups(self, op: Operation) -> list[ActorMention]:
        doc = self.doc

        def groups_in(indices: list[int]) -> list[ActorMention]:
            return [
                a
                for i in indices
                for a in doc.actors_in(i)
                if a.kind == "group" and not _MEDIA_OUTLET.match(self.text[a.end : a.end + 20])
            ]

        found = groups_in(op.sentences)
        if not found:
            paragraph = doc.sentences[op.head.sentence].paragraph
            found = groups_in([j for j, s in enumerate(doc.sentences) if s.paragraph == paragraph])
        if not found:
            head = op.head.sentence
            found = groups_in(list(range(max(0, head - 3), head)))[-1:]
        if not found and op.family in ("operation", "court", "removal"):
            everywhere = groups_in(list(range(len(doc.sentences))))
            if len({g.name for g in everywhere}) == 1:
                found = everywhere[:1]  # the one group the story names
        return found[:1]

    def _attack_site(self, op: Operation) -> list[SiteMention]:
        """Arrests that name no place, told right after an attack at one town ("The army said 20
        suspects had been arrested"), were made where the attack happened."""
        paragraph = self.doc.sentences[op.head.sentence].paragraph
        before = [
            o
            for o in self.ops
            if o.kind == "event"
            and o.head.sentence < op.head.sentence
            and self.doc.sentences[o.head.sentence].paragraph in (paragraph, paragraph - 1)
        ]
        if not before or before[-1].family != "violence":
            return []
        towns = [x for x in self._built_sites.get(id(before[-1]), []) if x.precision != "country"]
        return [replace(towns[0], count=None, count_span=None)] if len(towns) == 1 else []

    def _claimant(self, op: Operation) -> ActorMention | None:
        """The group that claimed the record's attack, or that the authorities blamed, in its
        sentences or the two after them: the perpetrator, rather than a movement the attackers are
        "linked to"."""
        if op.family != "violence":
            return None
        last = min(max(op.sentences) + 2, len(self.doc.sentences) - 1)
        for i in range(op.head.sentence, last + 1):
            for a in self.doc.actors_in(i):
                if a.kind == "group" and (
                    _CLAIMED.match(self.text, a.end)
                    or _BLAMED.search(self.text, max(0, a.start - 40), a.start)
                ):
                    return a
        return None

    # ---- who or what it was done to ---------------------------------------------------------------------

    def _participants(self, op: Operation, record: _Record) -> list[Target]:
        out: dict[int, Target] = {}
        for m in op.mentions:
            role = _participant_role(record, m.hit.rule.modes)
            if role is None or m.hit.rule.reference_only:
                continue
            s = self.doc.sentences[m.sentence]
            bounds = op.spans.get(m.sentence, (s.start, s.end))
            for phrase in participants(self.text, bounds, m.hit):
                head = self.text[phrase.head_start : phrase.head_end]
                people = (
                    head.lower() in PEOPLE_NOUNS
                    or head.lower() in _PRONOUNS
                    or (head[:1].isupper() and role != "target")
                )
                out.setdefault(
                    phrase.head_start,
                    Target(
                        text=self.text[phrase.start : phrase.end],
                        kind="individual" if people else "unknown",
                        span=_span(self.text, phrase.start, phrase.end),
                        role=cast(Any, role),
                        head=_span(self.text, phrase.head_start, phrase.head_end),
                    ),
                )
        return list(out.values())[:12]

    # ---- time ---------------------------------------------------------------------------------------

    def _time(self, op: Operation) -> TimeExpression | None:
        if op.time is not None:
            return op.time
        doc = self.doc
        for m in op.mentions:
            for t in doc.times_in(m.sentence):
                if self.belongs(op, t.span_start) is not None:
                    return t
        for i in op.sentences:
            for t in doc.times_in(i):
                anchor = doc.attachment(i, t.span_start)
                if anchor is None or (anchor.kind == "other" and i not in {m.sentence for m in op.mentions}):
                    return t
        for t in doc.times_in(op.head.sentence):  # "the bulletin, covering 9 to 15 September, said ..."
            anchor = doc.attachment(op.head.sentence, t.span_start)
            if anchor is not None and anchor.kind == "speech":
                return t
        return self._interval_before(op) or self._previous_time(op)

    def _interval_before(self, op: Operation) -> TimeExpression | None:
        """ "charged in Paris on Friday ..., four days after he was detained in Rennes": the interval
        from the dated record told before it in the sentence dates this one."""
        head = op.head
        s = self.doc.sentences[head.sentence]
        interval = _INTERVAL_BEFORE.search(self.text, s.start, head.hit.start)
        if interval is None:
            return None
        n = next((x.value for x in find_numbers(interval["n"]) if x.value), None)
        earlier = [
            self._time_cache.get(id(o))
            for o in self.ops
            if o is not op and o.head.sentence == head.sentence and o.head.hit.end <= interval.start()
        ]
        base = next(
            (t for t in reversed(earlier) if t is not None and t.precision == "day" and t.start), None
        )
        if n is None or base is None or base.start is None:
            return None
        sign = -1 if interval["dir"].lower() == "after" else 1  # "four days after he was detained": earlier
        day = shift(base.start, sign * n, interval["unit"])
        return TimeExpression(
            day, day, "day", "previous_event", "interval", interval.start(), interval.end(), interval[0]
        )

    def _court_seat(self, op: Operation) -> list[SiteMention]:
        """Where the record's court sits, when the actor table knows its one seat ("Spain's National
        Court on Monday sentenced ...": Madrid)."""
        for i in op.sentences:
            for actor in self.doc.actors_in(i):
                if actor.seat and (place := self.places.resolve(actor.seat, [actor.country or ""])):
                    return [
                        SiteMention(
                            actor.text,
                            actor.start,
                            actor.end,
                            place,
                            place.name,
                            place.country,
                            place.precision,
                        )
                    ]
        return []

    def _previous_court_step(self, op: Operation) -> Operation | None:
        """The court step told last before this one in its section: an undated remand after a
        charge is that hearing's next step, not the arrest told between them."""
        section = self.doc.sentences[op.head.sentence].section
        return next(
            (
                o
                for o in reversed(self.ops)
                if o is not op
                and o.family == "court"
                and o.kind == "event"
                and (o.head.sentence, o.head.hit.start) < (op.head.sentence, op.head.hit.start)
                and self.doc.sentences[o.head.sentence].section == section
            ),
            None,
        )

    def _previous_time(self, op: Operation) -> TimeExpression | None:
        """An undated record told right after a dated one of its paragraph happened then too (a
        weekly bulletin's arrests, then its seizures); an undated court step, when its court's
        previous step."""
        step = self._previous_court_step(op) if op.family == "court" else None
        if step is not None and (when := self._time_cache.get(id(step))) is not None:
            return when
        paragraph = self.doc.sentences[op.head.sentence].paragraph
        earlier = [
            o
            for o in self.ops
            if o is not op
            and o.kind == "event"
            and o.head.sentence < op.head.sentence
            and self.doc.sentences[o.head.sentence].paragraph in (paragraph, paragraph - 1)
            and self.doc.sentences[o.head.sentence].section == self.doc.sentences[op.head.sentence].section
        ]
        for o in reversed(earlier):
            when = self._time_cache.get(id(o))
            if when is not None:
                return when
        return None

    # ---- statistics ---------------------------------------------------------------------------------

    def statistics(self, taken: set[int]) -> list[EventMention]:
        doc, text = self.doc, self.text
        if not mentions_combatants(text):
            return []
        out = []
        for i, s in enumerate(doc.sentences):
            if i in taken or doc.hits[i]:
                continue
            figure = stock_figure(text[s.start : s.end])
            if figure is None:
                continue
            sites = [
                to_site(text, site, "operating_area")
                for site in self.sites_in(i)
                if site.place is not None and site.role not in ("background",)
            ]
            span = _span(text, s.start, s.end)
            digest = hashlib.sha256(
                f"{self.article_id}:{span.start}:{span.end}:statistic".encode()
            ).hexdigest()
            times = doc.times_in(i)
            when = times[0] if times else None
            out.append(
                EventMention(
                    mention_id=digest[:32],
                    article_id=self.article_id,
                    url=self.url,
                    published_at=doc.published,
                    record_kind="statistic",
                    event_type=STATISTIC_EVENT_TYPE,
                    modes=[],
                    contexts=["terrorism"] if _TERROR.search(span.text) else [],
                    subtype="other",
                    sites=sites,
                    quantities=[
                        Quantity(
                            kind="other",
                            value=figure.value,
                            min=figure.min,
                            max=figure.max,
                            approx=figure.approx,
                            span=Span(
                                start=s.start + figure.start, end=s.start + figure.end, text=figure.text
                            ),
                        )
                    ],
                    time=EventTime(
                        text=when.text,
                        start=when.start,
                        end=when.end,
                        precision=when.precision,
                        anchor=when.anchor,
                    )
                    if when
                    else EventTime(),
                    evidence=[span],
                    confidence=0.5,
                    extractor_version=EXTRACTOR_VERSION,
                )
            )
        return out


_ALL_OF_THEM_BEFORE = re.compile(
    r"(?:^\s*|\b(?:said|says|say|added|announced)\s+(?:that\s+)?)(?:[Tt]he|All|all|Both|both)\s+(?:(?:suspects|members|men|cell\s+members|militants|jihadists)\s+)?"
    r"(?:were|have\s+been|had\s+been)\s+(?:all\s+)?$|\b(?:all\s+of\s+them|they\s+were\s+all|they)\s+(?:were\s+)?$"
)
_ALL_OF_THEM_AFTER = re.compile(
    r"^\s+(?:them\s+all|all\s+of\s+them|all\s+(?:four|five|six|seven|eight|nine|ten))\b"
)
_LOCATED_IN = re.compile(r"^\s+(?:in|of|from)\s+(?:both\s+)?(?:the\s+)?$")
_LIST_GAP = re.compile(r"^\s*(?:,|and|,\s*and)\s+(?:the\s+)?$")
_SUBJECT_GAP = re.compile(r"^\s+(?:(?:has|have|had|also|again|on\s+\w+|yesterday|today|\w+ly)\s+){0,3}$")
# "JNIM claimed the attack", "Al-Shabaab said it carried out the attack"
_CLAIMED = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:claimed\s+(?:responsibility|the\s+(?:attack|assault|bombing|ambush|raid|killings?))"
    r"|said\s+it\s+(?:had\s+)?carried\s+out\s+the\s+(?:attack|assault|bombing|ambush|raid))",
    re.I,
)
# "Police blamed al-Shabaab militants", "attributed the attack to JNIM"
_BLAMED = re.compile(r"\b(?:blamed|blame|blaming|attributed\s+(?:the\s+\w+\s+)?to)\s+(?:the\s+)?$", re.I)
_REMAINDER_BEFORE = re.compile(r"\b(?:other|others|remaining|rest\s+of)\b[^.;]{0,50}$", re.I)


def _single_site_count(
    sites: list[SiteMention], quantities: list[Quantity], family: str, text: str
) -> list[SiteMention]:
    """One event site and a total: the total is that site's ("arrested two men in Marseille"),
    unless the site is where the others were held ("The other suspects were held in Tetouan").
    An attack's one site holds all its dead, whatever number stood nearest to the place ("killed
    nine and wounded 14 others at an academy in Mogadishu")."""
    kind = "arrested" if family == "operation" else "killed" if family == "violence" else None
    event_sites = [s for s in sites if s.role in ("event_site", "operating_area")]
    total = next((q for q in quantities if q.kind == kind), None)
    if (
        kind
        and total is not None
        and total.value is not None
        and len(event_sites) == 1
        and (event_sites[0].count is None or family == "violence")
        and event_sites[0].precision != "country"
        and (
            family == "violence"  # "wounded 14 others at ...": others hurt, not others held elsewhere
            or not _REMAINDER_BEFORE.search(text[max(0, event_sites[0].start - 60) : event_sites[0].start])
        )
    ):
        event_sites[0].count = total.value
    return sites


_PRONOUNS = frozenset("he she they him her them".split())  # noqa: SIM905


def _participant_role(record: _Record, modes: tuple[str, ...]) -> str | None:
    if record.family == "operation":
        return "detainee" if {"arrest", "question"} & set(modes) else None
    if record.family == "violence":
        return "victim" if record.subtype == "abduction" else "target"
    return {"court": "defendant", "removal": "deportee", "release": "victim", "military": "target"}.get(
        record.family
    )


def _target_kind(window: str) -> str:
    if re.search(r"\bcells?\b", window, re.I):
        return "cell"
    if re.search(r"\b(?:network|group)\b", window, re.I):
        return "network"
    return "unknown"


def _confidence(time: TimeExpression | None, sites: list[SiteMention], actors: list[Actor]) -> float:
    score = 0.5 + 0.15 * (time is not None) + 0.15 * bool(sites) + 0.1 * bool(actors)
    score -= 0.1 * sum(1 for s in sites if s.place is None or s.place.resolution == "fuzzy")
    return round(min(0.95, max(0.1, score)), 2)


__all__ = ["EXTRACTOR_VERSION", "EventExtractor", "extract_events"]
