"""One article read for event extraction: its sentences, triggers, dates, actors, and what each
argument of a sentence hangs on.

Binding arguments to actions without a parser: in news prose a place, a date or a count belongs to
the predicate nearest before it in its sentence ("arrested two men in Marseille on Tuesday"), or,
when none comes before it, to the first one after it ("On Sunday police arrested ..."). The
predicates are the triggers, and also the verbs of saying ("told reporters in Rabat", "announced
on Monday") and of a person's background ("born in 1987", "lived in the province of ..."), so that
what they take is kept away from the event.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Literal

from services.extractor.events.actors import ActorMention, ActorTable
from services.extractor.events.countries import country_mentions
from services.extractor.events.kinds import RecordKind, record_kind
from services.extractor.events.lexicon import Hit, Lexicon
from services.extractor.events.modality import (
    Modality,
    is_adjectival,
    is_anaphoric,
    is_reduced_relative,
    modality,
)
from services.extractor.events.segments import Layout, Sentence, layout
from services.extractor.events.timex import TimeExpression, find_times

AnchorKind = Literal["trigger", "speech", "other"]
# A prepositional phrase already after a verb of background: its one argument is taken.
_RELATIVE_PRONOUN = re.compile(r",\s+(?:who|which|whom)\b", re.I)
_CLAIMED_BEFORE = re.compile(
    r"\bclaim(?:ed|s|ing)\s+(?:responsibility\s+for\s+)?(?:the|its|this|that)\s+$", re.I
)
# ", and" before an argument: it opens a clause of its own, whose verb follows
_OPENS_CLAUSE = re.compile(r"[,;]\s+(?:and|but|while)\s+$")
_AGES = re.compile(r"aged\s+(?:between\s+|from\s+)?\d", re.I)
# "arrested ..., two in Strasbourg and one in Mulhouse, as part of an investigation opened on 27
# February": a phrase after such a comma hangs on the clause before it, and so does its predicate;
# an argument before the comma is the earlier predicate's
_SUBORDINATE_AFTER_COMMA = re.compile(
    r",\s+(?:as\s+part\s+of|which|who|whose|after|before|following|during|under|in\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:investigation|inquiry|probe|case|operation))\b",
    re.I,
)
_TAKEN = re.compile(r"\b(?:in|on|at|from|to|of)\s+[\w\u00c0-\u024f]", re.I)

SPEECH = re.compile(
    r"\b(?:said|says|told|tells|announced|announces|announcing|reported|stated|added|declared"
    r"|confirmed|explained|noted|revealed|disclosed|made\s+public|indicated|specified|claimed|argued|warned|according\s+to"
    r"|acknowledged|admitted(?!\s+to\b)"
    r"|statement|communiqu\w+|news\s+conference|press\s+conference|briefing|interview|bulletin|updated)\b",
    re.I,
)
# Predicates of a person's or a group's background: their arguments are not the event's.
OTHER_PREDICATES = re.compile(
    r"\b(?:born|lived|living|lives|resident|residing|native|grew\s+up|studied|fled|settled|came\s+from"
    r"|originally\s+from|hails?\s+from|served|serving|flagged|monitored|radicali[sz]ed|converted|visited"
    r"|stayed|rented|published|oversaw|promoted|heads|runs|trained|operates|controls|holds|held\s+at"
    r"|founded|set\s+up|established|opened|appeared|due|scheduled|expected|planned|intended|hoped|preparing"
    r"|aged(?:\s+(?:between\s+|from\s+)?\d+(?:\s*(?:and|to|-)\s*\d+)?)?|ranked|posted|filmed|deployed|blamed|described|called|condemned|appalled"
    r"|revived|recalled|echoed|evoked|reminded|memories|anniversary|marked"
    r"|examined|treated|admitted\s+to|hospitali[sz]ed|evacuated|rushed|buried|mourned)\b",
    re.I,
)
# used with .match(text, pos): anchored where the body starts
_DATELINE = re.compile(
    r"[A-Z][A-Za-z\u00c0-\u024f .'-]{1,40}(?:,\s*[A-Z][A-Za-z .'-]{1,30})?,\s*"
    r"(?P<when>[^()\-\u2013\u2014]{3,30}?)\s*(?:\([^)]{1,30}\))?\s*[-\u2013\u2014]\s"
)
_CHARGE_PHRASE = re.compile(
    r"\s+(?:of|for|over|on)\s+(?:[\w'-]+\s+){1,5}?(?:to|in|on|at|from|into)?\s*$", re.I
)
_RELATIVE_JUST_BEFORE = re.compile(r"\b(?:who|which|that)\s+(?:had\s+|have\s+|has\s+)?$", re.I)
# "OUAGADOUGOU (Sahel Daily) - ": a city in capitals, the outlet, no date; neither is a place of the news
_UNDATED_DATELINE = re.compile(
    r"[A-Z][A-Z\u00c0-\u00de .'-]{2,30}(?:,\s*[A-Z][A-Za-z .'-]{1,30})?\s*\([^)]{1,40}\)\s*[-\u2013\u2014]\s"
)
_WHEN_CLAUSE = re.compile(r"^,?\s+when\b[^.;]{0,60}$", re.I)
_DATED_HEADING = re.compile(r"\b(?:press\s+release|statement|communiqu\w+|update|bulletin)\b", re.I)


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    kind: AnchorKind
    hit: Hit | None = None


@dataclass
class Mention:
    """A trigger read in its clause."""

    hit: Hit
    sentence: int
    modality: Modality
    kind: RecordKind
    anaphoric: bool
    time: TimeExpression | None
    op: int | None = None  # the operation (record) it ended up in


@dataclass
class Document:
    text: str
    published: date | None
    title: str | None
    layout: Layout
    lexicon: Lexicon
    actor_table: ActorTable
    references: list[tuple[int, date]] = field(default_factory=list)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return self.layout.sentences

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def sentence_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.text[s.start : s.end]

    @cached_property
    def has_trigger_words(self) -> bool:
        """Whether any sentence holds a trigger word: when none does, the actors (the costly part
        of ``hits``) need not be found."""
        return any(
            self.lexicon.has_trigger_word(self.sentence_text(i).lower()) for i in range(len(self.sentences))
        )

    @cached_property
    def hits(self) -> list[list[Hit]]:
        """Triggers per sentence; a trigger word inside a named actor is the actor's name ("the RAID
        police unit", "Operation Sentinelle")."""
        names = [(a.start, a.end) for a in self.actors if not a.generic]
        return [
            [
                h
                for h in self.lexicon.hits(self.text, s.start, s.end)
                if not any(a <= h.start and h.end <= b for a, b in names) and not self._in_a_name(h, s.start)
            ]
            for s in self.sentences
        ]

    def _in_a_name(self, hit: Hit, sentence_start: int) -> bool:
        """ "a Repatriation Centre", "Operation Sentinelle": a capitalised trigger inside a proper name."""
        if hit.start == sentence_start or not hit.text[:1].isupper():
            return False
        return bool(re.match(r"\s+[A-Z]", self.text[hit.end : hit.end + 2])) or bool(
            re.search(r"[A-Z][\w-]*\s+$", self.text[max(0, hit.start - 20) : hit.start])
        )

    @cached_property
    def times(self) -> list[TimeExpression]:
        if self.published is None:
            return []
        return find_times(self.text, self.published, self.references)

    @cached_property
    def dateline_start(self) -> int:
        """Where the story's body starts: after a headline that opens the text as a heading."""
        return body_start(self.text, self.layout)

    @cached_property
    def dateline_end(self) -> int:
        """Where a dateline ("RABAT, Sept 11 (Meridian) - ") ends: its date is when the story was
        filed, a reference for the dates after it, not a date of any event."""
        start = self.dateline_start
        match = _DATELINE.match(self.text, start) or _UNDATED_DATELINE.match(self.text, start)
        return match.end() if match else 0

    @cached_property
    def _times_by_sentence(self) -> dict[int, list[TimeExpression]]:
        out: dict[int, list[TimeExpression]] = {}
        for t in self.times:
            if t.start is not None and t.span_start >= self.dateline_end:
                out.setdefault(self.sentence_at(t.span_start), []).append(t)
        return out

    def times_in(self, i: int) -> list[TimeExpression]:
        return self._times_by_sentence.get(i, [])

    @cached_property
    def actors(self) -> list[ActorMention]:
        return self.actor_table.find(self.text)

    @cached_property
    def _actors_by_sentence(self) -> dict[int, list[ActorMention]]:
        out: dict[int, list[ActorMention]] = {}
        for a in self.actors:
            out.setdefault(self.sentence_at(a.start), []).append(a)
        return out

    def actors_in(self, i: int) -> list[ActorMention]:
        return self._actors_by_sentence.get(i, [])

    @cached_property
    def countries(self) -> list[tuple[int, int, str]]:
        return country_mentions(self.text)

    @cached_property
    def section_countries(self) -> dict[int, str]:
        """A digest's section label that names a country ("NIGERIA.", "UNITED KINGDOM.")."""
        out: dict[int, str] = {}
        for section in self.layout.sections:
            if section.heading is None:
                continue
            named = [c for s, e, c in self.countries if section.heading[0] <= s and e <= section.heading[1]]
            if len(set(named)) == 1:
                out[section.index] = named[0]
        return out

    @cached_property
    def _anchors(self) -> dict[int, list[Anchor]]:
        return {}

    def anchors(self, i: int) -> list[Anchor]:
        """The predicates of sentence ``i`` in text order."""
        if i in self._anchors:
            return self._anchors[i]
        s = self.sentences[i]
        sentence = self.text[s.start : s.end]
        # a participle used as an adjective ("kidnapped schoolgirls") takes no argument of its own
        found = [
            Anchor(h.start, h.end, "trigger", h)
            for h in self.hits[i]
            if not is_adjectival(sentence, h, s.start)
        ]
        taken = [(a.start, a.end) for a in found]
        for pattern, kind in ((SPEECH, "speech"), (OTHER_PREDICATES, "other")):
            for m in pattern.finditer(self.text, s.start, s.end):
                if all(m.end() <= a or m.start() >= b for a, b in taken):
                    found.append(Anchor(m.start(), m.end(), kind))  # type: ignore[arg-type]
                    taken.append(m.span())
        self._anchors[i] = sorted(found, key=lambda a: a.start)
        return self._anchors[i]

    def attachment(self, i: int, position: int, *, subject: bool = False) -> Anchor | None:
        """The predicate an argument at ``position`` of sentence ``i`` belongs to: the nearest one
        by distance in characters, one after the argument counting double (arguments follow their
        verb in English more often than they precede it); never a verb of saying after it (a
        trailing "..., the ministry said"). ``subject``: a count of people may be the subject of
        the trigger after it even right after a verb of saying ("said 44 suspects were rounded up")."""
        anchors = self.anchors(i)
        inside = [a for a in anchors if a.start <= position < a.end]
        if inside:  # "charged on Saturday on two counts"
            return inside[0]
        # a verb of saying or of a person's background takes one phrase after it ("a man born in
        # Tetouan | in the town of Vic on Monday": the town and the day are the arrest's)
        before = [
            a
            for a in anchors
            if a.end <= position
            and (a.kind == "trigger" or not _TAKEN.search(self.text[a.end : position]))
            # "officials said: 12 died in Bangare": after the colon is what was said, not its phrase
            and not (a.kind == "speech" and ":" in self.text[a.end : position])
            and not _AGES.match(self.text, a.start, a.end)  # "aged 22 and 25" takes only the ages
        ]
        # a participle describing people ("the Frenchman detained in Marseille") takes what follows it,
        # never what comes before it ("Twelve aid workers kidnapped in December were released")
        after = [
            a
            for a in anchors
            if a.start >= position and a.kind != "speech" and not (a.hit and self.is_modifier(a.hit))
        ]
        left = before[-1] if before else None
        right = after[0] if after else None
        if (
            left is not None
            and left.hit is not None
            and left.hit.family == "court"
            and self.is_modifier(left.hit)
        ):
            # "deported 28 Afghan men convicted of crimes to Kabul on Friday": a court participle
            # describing the people takes its charge ("of crimes"); what comes after is the verb's
            verb = next(
                (
                    a
                    for a in reversed(anchors)
                    if a.kind == "trigger"
                    and a.end <= left.start
                    and a.hit is not None
                    and not self.is_modifier(a.hit)
                ),
                None,
            )
            if (
                verb is not None
                and not re.search(r"[,;:]", self.text[verb.end : left.start])
                and _CHARGE_PHRASE.match(self.text, left.end, position)
            ):
                return verb
        if left is None or right is None:
            return left or right
        if (
            subject
            and left.kind != "trigger"
            and right.kind == "trigger"
            and not re.search(r"[,;:]", self.text[position : right.start])
        ):
            return right
        if (
            right.kind == "trigger"
            and _OPENS_CLAUSE.search(self.text, left.end, position)
            and not re.search(r"[,;:]", self.text[position : right.start])
        ):
            return right  # "..., and three other men linked to him were deported": the new clause's subject
        if left.kind == "trigger" and _SUBORDINATE_AFTER_COMMA.search(self.text, position, right.start):
            return left
        if (
            left.hit is not None
            and (self.is_modifier(left.hit) or _RELATIVE_JUST_BEFORE.search(self.text, 0, left.start))
            and position - left.end <= 80
            and not re.search(r"[,;:]", self.text[position : right.start])
        ):
            # "worshippers abducted from a church in Ekinrin-Adde, Kogi State, last month have regained
            # their freedom", "Gunmen who abducted 42 students on February 17 have freed them": what
            # follows a participle describing people, or a relative clause's verb, up to the main
            # verb, is the participle's or the clause's
            return left
        if self._in_relative_clause(left.start, position, right.start):
            return left  # "The man, who was arrested ... in October 2021, admitted": the clause's verb
        left_cost = position - left.end
        right_cost = 2 * (right.start - position)
        return left if left_cost <= right_cost else right

    def _in_relative_clause(self, left: int, position: int, right: int) -> bool:
        """``left`` and ``position`` lie in one relative clause (", who ... ,") that ends before ``right``."""
        pronoun = None
        for m in _RELATIVE_PRONOUN.finditer(self.text, max(0, left - 200), left):
            pronoun = m
        if pronoun is None or re.search(r"[,;:]", self.text[pronoun.end() : position]):
            return False
        return bool(re.search(r",", self.text[position:right]))

    def is_modifier(self, hit: Hit) -> bool:
        """A participle describing people by an earlier action ("the Frenchman detained in ...")."""
        s = self.sentences[self.sentence_at(hit.start)]
        return is_reduced_relative(self.text[s.start : s.end], hit, s.start)

    def reference_date(self, offset: int) -> date | None:
        return next((day for start, day in reversed(self.references) if start <= offset), self.published)

    def mention(self, i: int, hit: Hit) -> Mention:
        s = self.sentences[i]
        sentence = self.text[s.start : s.end]
        when = self.attached_time(i, hit)
        reference = self.reference_date(hit.start)
        anaphoric = is_anaphoric(sentence, hit, s.start)
        if anaphoric and _CLAIMED_BEFORE.search(self.text, max(s.start, hit.start - 40), hit.start):
            when = None  # "JNIM claimed the attack on Monday": the day of the claim, not of the attack
        # a definite noun refers back only to something told before it ("The repatriation, on Friday
        # 12 April, of six women" opens a story)
        told_before = any(h.family == hit.family for j in range(i) for h in self.hits[j])
        return Mention(
            hit,
            i,
            modality(sentence, hit, s.start),
            record_kind(
                sentence,
                s.start,
                hit,
                when,
                reference,
                anaphoric=anaphoric and told_before and not is_reduced_relative(sentence, hit, s.start),
                sentence_times=tuple(self.times_in(i)),
            ),
            anaphoric,
            when,
        )

    def attached_time(self, i: int, hit: Hit) -> TimeExpression | None:
        """The time expression of the sentence that belongs to ``hit``: a date read from the
        calendar before one counted from another date ("Less than four weeks later, on October 5")."""
        own = [
            t
            for t in self.times_in(i)
            if (a := self.attachment(i, t.span_start)) is not None and a.hit is hit
        ]
        if not own:
            # "... of April 2014, when Boko Haram fighters seized 276 girls": a date's when-clause
            for t in self.times_in(i):
                if t.span_end <= hit.start and _WHEN_CLAUSE.match(self.text[t.span_end : hit.start]):
                    return t
            return None
        return min(
            own,
            key=lambda t: (
                t.anchor == "previous_event",
                min(abs(t.span_start - hit.end), abs(hit.start - t.span_end)),
            ),
        )


def body_start(text: str, doc_layout: Layout) -> int:
    """0, or the start of the first paragraph after a heading that opens the text (a headline)."""
    first = doc_layout.sections[0] if doc_layout.sections else None
    if first is None or first.heading is None or first.heading[0] != 0:
        return 0
    return next((s.start for s in doc_layout.sentences if s.start >= first.heading[1]), 0)


def reference_dates(text: str, doc_layout: Layout, published: date | None) -> list[tuple[int, date]]:
    """Where relative dates are read against another day than publication: a dateline's date
    ("RABAT, Sept 11 (Meridian) -"), and a dated section heading ("Press release of Friday 17 June
    2016 - ..."), from its start on."""
    if published is None:
        return []
    out: list[tuple[int, date]] = []
    dateline = _DATELINE.match(text, body_start(text, doc_layout))
    if dateline is not None:
        found = [t for t in find_times(dateline["when"], published) if t.precision == "day" and t.start]
        if found and found[0].start is not None:
            out.append((0, found[0].start))
    for section in doc_layout.sections:
        if section.heading is None:
            continue
        heading = text[section.heading[0] : section.heading[1]]
        if not _DATED_HEADING.search(heading):
            continue
        found = [t for t in find_times(heading, published) if t.precision == "day" and t.anchor == "explicit"]
        if found and found[0].start is not None:
            out.append((section.start, found[0].start))
    return sorted(out)


def read(
    text: str, published: date | None, title: str | None, lexicon: Lexicon, actor_table: ActorTable
) -> Document:
    # "Two militants killed in clash near Kasserine TUNIS, Sept 13 - ...": a short page can come out
    # of extraction as one line, headline first; the headline is still a heading of its own
    headline = title or ""
    inline = bool(headline) and text.startswith(headline + " ")
    doc_layout = layout(text, headline_end=len(headline) if inline else None)
    return Document(
        text, published, title, doc_layout, lexicon, actor_table, reference_dates(text, doc_layout, published)
    )
