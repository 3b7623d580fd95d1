"""From triggers to records: which trigger mentions tell one real-world action (document level).

A story tells one operation in a lede, then in detail paragraphs, then refers back to it ("the
arrests", "the operation", "the suspects detained on Monday"): all of that is one record, with all
of its sentences as evidence. Rules, for each trigger in text order:
1. Only triggers whose clause asserts the action (modality) make or join records.
2. A sentence stating an aggregate is one aggregate record with all its triggers; background (an
   old dated action) is its own record.
3. A trigger joins the latest record of a family it can be part of (an arrest, a raid and a seizure
   are one operation; a charge is not the arrest) when nothing sets it apart: not another section
   of a digest, not a date that disagrees, not new people at a new place ("detained a 41-year-old
   man in Aviles" after an arrest in Melilla). A definite reference ("the arrests") always joins.
4. Within one sentence: an arrest told with a charge belongs to the charge ("deprived of his
   liberty and charged with ..."); an assault "during the arrests" belongs to the arrests; an
   attacker "detained at the scene" belongs to the attack.
5. A sentence right after a record that still describes it ("He was put on a direct flight from
   Milan to Casablanca", "Three other staff members were hurt") joins it as evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from services.common.geo import fold
from services.extractor.events.document import Document, Mention
from services.extractor.events.kinds import RecordKind, clause_start
from services.extractor.events.lexicon import Hit
from services.extractor.events.modality import REAL
from services.extractor.events.timex import TimeExpression

# Which records a trigger of a family can join.
JOINS: dict[str, frozenset[str]] = {
    "operation": frozenset({"operation"}),
    "court": frozenset({"court"}),
    "removal": frozenset({"removal"}),
    "violence": frozenset({"violence"}),
    "military": frozenset({"military"}),
    "release": frozenset({"release"}),
    "agreement": frozenset({"agreement"}),
}
CONTINUATION: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.I)
    for name, pattern in {
        "operation": r"\b(?:the|these|those|both)\s+(?:[\w-]+\s+){0,2}?(?:suspects?|detainees|men|women|cell"
        r"|network|individuals|people|persons|extremists|militants|jihadists|pair|four|five|six|two|three|seven"
        r"|eight|nine|ten)\b"
        r"|\bthe\s+cell\b|\bcell['\u2019]s\b|\bcomposed\s+of|\bmade\s+up\s+of|\boperating\s+in|\bactive\s+in"
        r"|\bseized\b|\bsearch(?:es|ed)\b|\bcustody\b|\bin\s+each\s+case\b|\btook\s+place\b|\bwere\s+found\b"
        r"|\brecovered\b|\bconfiscated\b",
        "removal": r"\b(?:flight|flown|aboard|escorted|escort|landed|departed|plane|aircraft|airport"
        r"|ferry|boat|handed\s+over|on\s+arrival|returned\s+to|sent\s+back)\b",
        "violence": r"\b(?:killed|dead|died|deaths?|wounded|injured|hurt|toll|casualt\w+|victims?|bodies"
        r"|survive\w*|attackers?|assailants?|gunmen|abductors|captors|kidnappers|set\s+on\s+fire|burned|looted|ransacked"
        r"|hostages?|missing|unaccounted|stormed|overran)\b",
        "court": r"\b(?:sentences?|sentenced|prison|verdict|acquitted|appeal|defendants|fined|banned"
        r"|security\s+period|charges?|counts?\s+of)\b",
        "release": r"\b(?:freed|free|released|returned|home|handed\s+over|returnees|reunited|ransom)\b",
        "military": r"\b(?:killed|dead|bodies|toll|casualt\w+|attackers|assailants)\b",
        "agreement": r"\b(?:agreement|accord|signed)\b",
    }.items()
}
CONTINUATION_SENTENCES = 2  # at most this many sentences after a record join it as continuation
# a trigger this many sentences after a record's last one starts a new record unless it refers back
MAX_GAP = 6
_NEW_PEOPLE = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|several|some|another|more)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:suspects?|people|persons?|individuals?|m[ae]n|wom[ae]n|minors?|youths?|teenagers?"
    r"|nationals?|citizens?|workers?|students?|jihadists?|militants?|moroccans?|imams?|preachers?|[\w-]+-year-old)\b",
    re.I,
)
_AGGREGATE_SENTENCE = re.compile(
    r"\b(?:last|this|the\s+past|the\s+previous)\s+(?:year|decade)\b|\bsince\s+(?:\d{4}|the\s+start|january|february|march"
    r"|april|may|june|july|august|september|october|november|december)\b|\bso\s+far\b|\bin\s+total\b|\bper\s+year\b",
    re.I,
)
_ANOTHER = re.compile(
    r"\b(?:(?:other|another)\s+(?:[\w-]+\s+)?(?:units?|forces|officers?|police|agents?|troops|soldiers?"
    r"|detachments?|patrols?|squads?|teams?|operations?|raids?|cases?|investigations?)|elsewhere)\b[^.;]{0,40}$"
    # "In a separate operation in the Bordj Badji Mokhtar border region, border guards arrested":
    # an explicit cue, however long the phrase after it
    r"|\b(?:separately|in\s+a\s+separate)\b[^.;]{0,100}$",
    re.I,
)
_SEPARATE_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:in|during)\s+(?:a|an)\s+(?:separate|unrelated|different)\s+"
    r"(?:clash|attack|incident|operation|raid|ambush|shooting|explosion)\b",
    re.I,
)
_SEPARATE_BEFORE = re.compile(r"\b(?:a\s+separate|another|an\s+unrelated)\s+(?:[\w-]+\s+)?$", re.I)
# "It came on the same day as coordinated attacks on army posts": an action set beside the one told
# before it by its time is another action
_CONCURRENT_BEFORE = re.compile(
    r"\b(?:(?:on|at|in)\s+the\s+same\s+(?:day|time|night|morning|evening|afternoon|week)\s+(?:as|that)"
    r"|coincid(?:ed|es|ing)\s+with|simultaneously\s+with)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
_MEANS_BEFORE = re.compile(r"\b(?:in|during)\s+(?:an?|the)\s+(?:[\w-]+\s+)?$", re.I)
# the rest of a verb's clause, then its coordinated verb: "killed two terrorists and captured"
_AND_THEN = re.compile(r"^[^,.;]{0,60}\s+and\s+(?:[a-z]+ly\s+)?$")
_COORDINATED = re.compile(r"^(?:\s*,\s*|\s+(?:and|or)\s+|\s*,\s*(?:and|or)\s+)$")
_DURING = re.compile(
    r"\b(?:during|in\s+the\s+course\s+of|while\s+carrying\s+out|as\s+part\s+of)\s+(?:[\w-]+\s+){0,3}$", re.I
)
_HOW_IT_WAS_DONE = re.compile(r"\b(?:when|as|after)\s+(?:they|he|she|the\s+\w+|\w+)\s+$", re.I)
_AT_THE_SCENE = re.compile(
    r"\b(?:at\s+the\s+scene|on\s+the\s+spot|shortly\s+(?:after|afterwards)|immediately\s+after"
    # "stabbed two people ..., before police overpowered and arrested him": the attack's end
    r"|before\s+(?:being\s+|he\s+was\s+|she\s+was\s+)?(?:police|officers|security\s+forces|soldiers|passers-by|overpowered))\b",
    re.I,
)


@dataclass
class Operation:
    family: str
    kind: RecordKind
    section: int
    mentions: list[Mention] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    time: TimeExpression | None = None
    spans: dict[int, tuple[int, int]] = field(
        default_factory=dict
    )  # a sentence's part, when only part is ours

    @property
    def head(self) -> Mention:
        return self.mentions[0]

    @property
    def last_sentence(self) -> int:
        return max(self.sentences)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        if mention.sentence not in self.sentences:
            self.sentences.append(mention.sentence)
            self.sentences.sort()
        # a reference back ("does not connect this operation with the attacks of 22 March") gives
        # no date: the dates around it are often another event's
        referring = (mention.anaphoric or mention.hit.rule.reference_only) and len(self.mentions) > 1
        if self.time is None and mention.time is not None and not referring:
            self.time = mention.time
        elif _narrows(self.time, mention.time):
            # "at the weekend ... the strike, carried out on Saturday": a day inside the record's
            # span is the record's, even told by a reference back
            self.time = mention.time


def _narrows(wide: TimeExpression | None, narrow: TimeExpression | None) -> bool:
    """``narrow`` lies inside ``wide`` and is shorter: the same event's date, told more exactly."""
    if wide is None or narrow is None or None in (wide.start, wide.end, narrow.start, narrow.end):
        return False
    assert wide.start and wide.end and narrow.start and narrow.end  # for the type checker
    inside = wide.start <= narrow.start and narrow.end <= wide.end
    return inside and (narrow.end - narrow.start) < (wide.end - wide.start)


def _compatible_time(a: TimeExpression | None, b: TimeExpression | None) -> bool:
    if a is None or b is None or a.start is None or b.start is None:
        return True
    a_end, b_end = a.end or a.start, b.end or b.start
    return a.start <= b_end and b.start <= a_end


def _new_people(doc: Document, m: Mention) -> bool:
    """The trigger introduces people not met before ("detained a 41-year-old man", "two more")."""
    s = doc.sentences[m.sentence]
    if _KNOWN_PEOPLE_SUBJECT.match(doc.text, s.start, m.hit.start):
        return False  # "The suspects, two girls and a boy, were detained ...": the people met before
    window = doc.text[max(s.start, m.hit.start - 50) : min(s.end, m.hit.end + 60)]
    return bool(_NEW_PEOPLE.search(window))


# A definite subject that opens the sentence, with an aside describing it before the verb
_KNOWN_PEOPLE_SUBJECT = re.compile(
    r"(?:The|These|Those|All)\s+(?:\w+\s+)?(?:suspects|men|women|teenagers|detainees|three|four|five|six|seven"
    r"|eight|nine|ten|two|individuals|people|youths|minors)\s*,[^.;]*?,\s+(?:\w+\s+){0,2}$"
)


def _places_near(doc: Document, m: Mention) -> set[str]:
    """Capitalised words after "in", "at", "near" in the trigger's sentence part: enough to tell
    "in Aviles" from "in Melilla" (accents and case folded). Country names are left out: a
    country holds its towns ("a cell in Morocco ... two detained in Fez" is one operation)."""
    s = doc.sentences[m.sentence]
    start = max(s.start, m.hit.start - 80)
    countries = {c_start for c_start, _, _ in doc.countries}
    return {
        fold(w[1])
        for w in _PLACE_WORD.finditer(doc.text, start, min(s.end, m.hit.end + 80))
        if w.start(1) not in countries
    }


_PLACE_WORD = re.compile(r"\b(?:[Ii]n|at|near)\s+([A-Z][\w\u00c0-\u024f-]+)")


_THEIR_THINGS = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:his|her|their|the\s+(?:suspects?|man|woman|men|women)['\u2019]s?)\s", re.I
)


def _on_their_things(doc: Document, m: Mention) -> bool:
    """The action is done to what belongs to people already met ("searched his flat and that of a
    contact in Hamburg"): the same operation, wherever the place."""
    return bool(_THEIR_THINGS.match(doc.text, m.hit.end)) or bool(
        re.search(r"\b(?:his|her|their)\s+\w+$", m.hit.text, re.I)
    )


def _another(doc: Document, m: Mention) -> bool:
    """The trigger's sentence says it tells another operation than the last one ("During sweeps in
    Tebessa, other units found and destroyed 11 hideouts"): the cue may follow the first trigger."""
    s = doc.sentences[m.sentence]
    last = max(h.start for h in doc.hits[m.sentence] if h.family == m.hit.family)
    return bool(_ANOTHER.search(doc.text[s.start : last]))


def _same_step(op: Operation, m: Mention) -> bool:
    """Court steps are each their own record: a charge, a remand, a sentence."""
    if op.family != "court":
        return True
    head = next((x for x in op.mentions if x.hit.family == "court"), op.head)
    return head.hit.subtype == m.hit.subtype and head.hit.rule.modes == m.hit.rule.modes


def _target(ops: list[Operation], doc: Document, m: Mention) -> Operation | None:
    family = m.hit.family
    section = doc.sentences[m.sentence].section
    candidates = [
        op
        for op in reversed(ops)
        if op.kind in ("event", "background") and op.family in JOINS[family] and _same_step(op, m)
    ]
    mine = _places_near(doc, m)
    # background takes only what is told of its place ("In Marseille, the French suspect ... had been found")
    candidates = [
        op
        for op in candidates
        if op.kind == "event" or (mine and mine & set().union(*(_places_near(doc, x) for x in op.mentions)))
    ]
    if _SEPARATE_BEFORE.search(doc.text, max(0, m.hit.start - 30), m.hit.start):
        return None  # "In a separate operation ...": not a reference back to the record before
    if _SEPARATE_AFTER.match(doc.text, m.hit.end):
        return None  # "while two soldiers died in a separate clash near Gao"
    if _CONCURRENT_BEFORE.search(doc.text, max(0, m.hit.start - 60), m.hit.start):
        return None
    if m.anaphoric or m.hit.rule.reference_only:
        here = [op for op in candidates if op.section == section]
        for op in here or ([] if m.hit.rule.reference_only else candidates):
            if _compatible_time(op.time, m.time):
                return op
        return None
    if candidates and candidates[0].head.sentence == m.sentence and candidates[0].kind == "event":
        if _interval_clause_before(doc, candidates[0], m):
            return None
        return candidates[0]  # the sentence's earlier trigger already made its record
    if (
        family == "operation"
        and candidates
        and candidates[0].section == section
        and m.sentence - candidates[0].last_sentence <= 2
        and ordinal_person(doc.text, doc.sentences[m.sentence].start, m.hit.start) is not None
    ):
        return candidates[0]  # "A sixth suspect was arrested in Lille": one more of the five just told
    if (
        family == "operation"
        and ops
        and ops[-1].family == "military"
        and ops[-1].kind == "event"
        and ops[-1].section == section
        and m.sentence - ops[-1].last_sentence <= 1
        and ordinal_person(doc.text, doc.sentences[m.sentence].start, m.hit.start) is not None
    ):
        return ops[-1]  # "Two terrorists were killed in a clash ... A third was arrested": the same fight
    if family in ("operation", "military") and _another(doc, m):
        return (
            None  # "During sweeps in Tebessa, other units found and destroyed 11 hideouts": another operation
        )
    for k, op in enumerate(candidates):
        if op.section != section:
            return None
        if not _compatible_time(op.time, m.time):
            if m.time is None:
                return None
            continue  # a date of its own: it may be an earlier record's ("arrested seven weeks ago")
        if k > 0 and (op.time is None or m.time is None) and op.kind == "event":
            return None  # past the latest record, only a date that agrees brings it back
        if m.sentence - op.last_sentence > MAX_GAP and (m.time is not None or _new_people(doc, m)):
            return None
        theirs = set().union(*(_places_near(doc, x) for x in op.mentions))
        if (
            mine
            and theirs
            and not (mine & theirs)
            and not _on_their_things(doc, m)
            and (_new_people(doc, m) or m.sentence - op.last_sentence >= 2)
        ):
            return None  # other people, or a later paragraph, at another place: another operation
        return op
    return None


# "killed 50 militants on Tuesday, a day after fighters attacked a post": the clause tells another
# action, the interval says so even when both are of one family
_INTERVAL = (
    r"(?:a|an|one|two|three|four|five|six|seven|\d+|several|a\s+few)\s+(?:hours?|days?|weeks?|months?)"
)
_INTERVAL_CLAUSE = re.compile(rf",\s+{_INTERVAL}\s+(?:after|before)\s+", re.I)


def _interval_clause_before(doc: Document, op: Operation, m: Mention) -> bool:
    ends = [x.hit.end for x in op.mentions if x.sentence == m.sentence and x.hit.end <= m.hit.start]
    return bool(ends) and bool(_INTERVAL_CLAUSE.search(doc.text, max(ends), m.hit.start))


ORDINALS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
}
_ORDINAL_PERSON = re.compile(
    r"\b(?:a|the)\s+(?P<ordinal>"
    + "|".join(ORDINALS)
    + r")\s+(?:(?:suspect|man|woman|person|member|detainee|individual|defendant|accused)\b"
    r"|(?=(?:was|had|has)\b))"
    r"[^.;]{0,40}$",  # "A sixth suspect was arrested", "The third was arrested"
    re.I,
)


def ordinal_person(text: str, start: int, end: int) -> int | None:
    """The ordinal of "a sixth suspect" before ``end`` (from ``start``): one more person of a count."""
    found = _ORDINAL_PERSON.search(text, start, end)
    return ORDINALS[found["ordinal"].lower()] if found else None


_THE_SCENE = re.compile(r"\b(?:the|its)\s+(?:site|scene|area|hideout|compound|camp|wreckage|rubble)\b", re.I)


def _scene_of(ops: list[Operation], doc: Document, m: Mention) -> Operation | None:
    """A search or seizure at "the site" of the attack or strike told just before is its aftermath,
    not an operation of its own."""
    if m.hit.family != "operation" or not set(m.hit.rule.modes) <= {"search", "seize"} or not ops:
        return None
    last = ops[-1]
    if (
        last.kind != "event"
        or last.family not in ("violence", "military")
        or m.sentence - last.last_sentence > 2
    ):
        return None
    s = doc.sentences[m.sentence]
    window = doc.text[max(s.start, m.hit.start - 40) : min(s.end, m.hit.end + 40)]
    return last if _THE_SCENE.search(window) else None


def _told_before(ops: list[Operation], m: Mention) -> Operation | None:
    """The earlier record a dated reference back names ("the dismantling of the cell on 18 March"
    after "a cell dismantled in March"): same family, both dated, the dates agree."""
    for op in reversed(ops):
        if (
            op.family == m.hit.family
            and op.time is not None
            and m.time is not None
            and _compatible_time(op.time, m.time)
        ):
            return op
    return None


def _in_heading(doc: Document, m: Mention) -> bool:
    """A section heading ("Press release of Saturday 18 June 2016 - Searches in a terrorism case")
    names the story below it; the story reports the action."""
    # the trigger itself, not its sentence: a round-up's label ("Germany: Police in Duisburg
    # arrested ...") opens the sentence of the story below it
    return any(
        sec.heading is not None and sec.heading[0] <= m.hit.start < sec.heading[1]
        for sec in doc.layout.sections
    )


def _in_digest_intro(doc: Document, m: Mention) -> bool:
    """The lead of a digest ("A bloody end to the week in Nigeria, a broad sweep by Tunisia's
    National Guard ...") announces the stories its labelled sections tell."""
    sections = doc.layout.sections
    section = doc.sentences[m.sentence].section
    return (
        len(sections) > 2
        and section == 0
        and sections[0].heading is None
        and all(s.heading is not None for s in sections[1:])
    )


def _background_context(ops: list[Operation], doc: Document, m: Mention) -> Operation | None:
    """A trigger with no date of its own, right after a background record in its paragraph, is more
    of that history ("The bombs that tore through four trains in 2004 killed 193. The heaviest
    sentences went to ..."), unless it refers back to a current record."""
    if m.time is not None or not ops or ops[-1].kind != "background":
        return None
    previous = ops[-1]
    here = doc.sentences[m.sentence]
    if (
        m.sentence - previous.last_sentence != 1
        or doc.sentences[previous.last_sentence].paragraph != here.paragraph
    ):
        return None
    if any(
        op.kind == "event"
        and m.hit.family in JOINS[op.family]
        and op.last_sentence >= previous.last_sentence - 1
        for op in ops
    ):
        return None
    return previous


# ", and two other Egyptians ... were expelled": a clause with new people as its subject tells
# another action than the one before it, though one sentence holds both
_OTHER_PEOPLE_CLAUSE = re.compile(
    r",\s+and\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|the)\s+"
    r"(?:other|more|further|second|third|fourth)\b",
    re.I,
)
# "charged on Saturday ..., two days after he was arrested": an earlier step told in a time clause
_EARLIER_STEP_CLAUSE = re.compile(rf",\s+(?:{_INTERVAL}\s+)?(?:after|since)\s+", re.I)


def _same_clause(doc: Document, a: Mention, b: Mention) -> bool:
    first, second = sorted((a.hit, b.hit), key=lambda h: h.start)
    between = doc.text[first.end : second.start]
    return not (
        re.search(r",\s+(?:and\s+)?that\b|;|\bwhile\b", between)
        or _OTHER_PEOPLE_CLAUSE.search(between)
        or _EARLIER_STEP_CLAUSE.search(between)
    )


def _sentence_owner(mentions: list[Mention], doc: Document) -> dict[int, str]:
    """Rule 4: within one sentence, which family takes the triggers of another."""
    families = {m.hit.family for m in mentions}
    owner: dict[int, str] = {}
    # "was deprived of his liberty and charged with ...", "he was held at a repatriation centre, and
    # today he was expelled": the arrest is a step of the charge or of the removal, in one clause
    for host, subtypes in (("court", ("charge_indict",)), ("removal", ("extradition_deportation",))):
        hosts = [m for m in mentions if m.hit.family == host and m.hit.subtype in subtypes]
        for m in mentions:
            if (
                m.hit.family == "operation"
                and not doc.is_modifier(m.hit)
                and any(_same_clause(doc, m, h) for h in hosts)
            ):
                owner[id(m)] = host
    if (
        "violence" in families and "military" in families
    ):  # "an airstrike ... killed seven fighters": the strike
        for m in mentions:
            if m.hit.family == "military" and any(x.hit.subtype == "airstrike" for x in mentions):
                owner[id(m)] = "violence"
    kills = [m for m in mentions if m.hit.family == "military"]
    if "military" in families and "violence" in families:
        # "neutralised 12 terrorists in an ambush near Gwoza": the ambush is how the troops did it
        for m in mentions:
            if (
                m.hit.family == "violence"
                and m.hit.rule.form == "noun"
                and any(k.hit.end <= m.hit.start for k in kills)
                and _MEANS_BEFORE.search(doc.text, max(0, m.hit.start - 24), m.hit.start)
            ):
                owner[id(m)] = "military"
    if "release" in families and "operation" in families:
        # "rescued seven kidnapped victims ... and recovered rifles": what was found in the rescue
        for m in mentions:
            if m.hit.family == "operation" and set(m.hit.rule.modes) <= {"seize", "search"}:
                owner[id(m)] = "release"
    if "military" in families and "operation" in families:
        # "Troops killed several of the attackers and seized motorcycles": the seizure is the fight's;
        # "Army units killed two terrorists and captured a third": so is the capture
        for m in mentions:
            if m.hit.family == "operation" and (
                set(m.hit.rule.modes) <= {"seize", "search"}
                or any(
                    k.hit.end <= m.hit.start and _AND_THEN.match(doc.text[k.hit.end : m.hit.start])
                    for k in kills
                )
            ):
                owner[id(m)] = "military"
    if "violence" in families and "operation" in families:
        s = doc.sentences[mentions[0].sentence]
        during = any(
            m.hit.family == "operation"
            and m.anaphoric
            and _DURING.search(doc.text[max(s.start, m.hit.start - 40) : m.hit.start])
            for m in mentions
        )
        scene = _AT_THE_SCENE.search(doc.text[s.start : s.end])
        first_violence = min((m.hit.start for m in mentions if m.hit.family == "violence"), default=s.end)
        for m in mentions:
            if during and m.hit.family == "violence":
                owner[id(m)] = "operation"
            elif scene and not during and m.hit.family == "operation":
                owner[id(m)] = "violence"
            elif (
                m.hit.family == "operation"
                and m.hit.start > first_violence
                and _HOW_IT_WAS_DONE.search(doc.text[max(s.start, m.hit.start - 30) : m.hit.start])
            ):
                owner[id(m)] = "violence"  # "killed 12 soldiers when they stormed an army base": how
    return owner


def _aggregate_clause(doc: Document, i: int, aggregates: list[Mention], real: list[Mention]) -> int | None:
    """The offset where an aggregate's clause starts, when an event is told before it in the sentence."""
    s = doc.sentences[i]
    sentence = doc.text[s.start : s.end]
    boundary = s.start + clause_start(sentence, min(m.hit.start for m in aggregates) - s.start)
    before = [m for m in real if m.hit.end <= boundary and m.kind != "aggregate" and not m.anaphoric]
    return boundary if boundary > s.start and before else None


_AFTER_CLAUSE = re.compile(r",?\s+(?:after|before|when|as|while)\s+", re.I)


def _event_after(doc: Document, aggregates: list[Mention], real: list[Mention]) -> int | None:
    """Where a clause telling a dated event begins after the aggregate's ("..., after two more were
    detained in Barcelona on Thursday")."""
    last = max(m.hit.end for m in aggregates)
    for m in real:
        if m.hit.start <= last or m.kind != "event" or m.anaphoric or m.time is None:
            continue
        cue = list(_AFTER_CLAUSE.finditer(doc.text, last, m.hit.start))
        if cue:
            return cue[-1].start()
    return None


def group(doc: Document) -> list[Operation]:
    ops: list[Operation] = []
    clipped: dict[int, tuple[int, int]] = {}  # mentions whose sentence is shared with an aggregate
    for i, hits in enumerate(doc.hits):
        if not hits:
            continue
        mentions = [doc.mention(i, h) for h in hits]
        for first, second in pairwise(mentions):
            if (
                _COORDINATED.match(doc.text[first.hit.end : second.hit.start])
                and first.hit.rule.form == second.hit.rule.form
            ):
                second.modality = (
                    first.modality
                )  # "are subsequently charged, remanded, convicted or released"
        for m in mentions:  # "burst into four locations ... and detained four men": one time
            giver = next(
                (
                    x
                    for x in mentions
                    if x.time is not None
                    and x.modality in REAL
                    and not x.anaphoric
                    and x.hit.family == m.hit.family
                    and not _INTERVAL_CLAUSE.search(
                        doc.text, min(x.hit.end, m.hit.end), max(x.hit.start, m.hit.start)
                    )
                ),
                None,
            )
            if m.time is None and giver is not None and m.modality in REAL and not m.anaphoric:
                m.time = giver.time
        section = doc.sentences[i].section
        real = [m for m in mentions if m.modality in REAL]
        aggregates = [m for m in real if m.kind == "aggregate" and not m.hit.rule.reference_only]
        # "Italy has expelled two more Moroccans, the ministry said, taking to 80 the number of such
        # removals": the sentence splits where the aggregate's clause starts
        split = _aggregate_clause(doc, i, aggregates, real) if aggregates else None
        if aggregates:  # rule 2: the triggers of the aggregate's part all serve the aggregate
            sentence = doc.sentences[i]
            boundary = split if split is not None else sentence.start
            # "Spain has arrested 45 ... so far this year, after two more were detained in Barcelona
            # on Thursday": a dated event told after the aggregate is its own record
            later = _event_after(doc, aggregates, real)
            end = later if later is not None else sentence.end
            op = Operation(aggregates[0].hit.family, "aggregate", section)
            for m in real:
                if boundary <= m.hit.start < end:
                    op.add(m)
            op.mentions.sort(key=lambda m: m not in aggregates)
            op.spans[i] = (boundary, end)
            ops.append(op)
            if split is None and later is None:
                continue
            kept = [m for m in real if m.hit.start < boundary or m.hit.start >= end]
            clipped.update({id(m): (sentence.start, boundary) for m in kept if m.hit.start < boundary})
            clipped.update({id(m): (end, sentence.end) for m in kept if m.hit.start >= end})
            real = kept
        owner = _sentence_owner(real, doc)
        # the triggers that go to another family's record come after that record's own
        for m in sorted(real, key=lambda m: owner.get(id(m), m.hit.family) != m.hit.family):
            # an earlier action told beside this one keeps its own record ("came a week after the army
            # had killed dozens of fighters in air strikes")
            family = m.hit.family if m.kind == "background" else owner.get(id(m), m.hit.family)
            if family != m.hit.family:
                host = next(
                    (
                        op
                        for op in reversed(ops)
                        if op.family == family and i in op.sentences and op.kind == "event"
                    ),
                    None,
                )
                if host is not None:
                    host.add(m)
                    m.op = ops.index(host)
                    continue
            if m.kind == "background" and m.anaphoric and (told := _told_before(ops, m)) is not None:
                told.add(m)  # "a cell dismantled in March ... the dismantling of the cell on 18 March"
                m.op = ops.index(told)
                continue
            if m.kind == "background":
                previous = ops[-1] if ops else None
                if (
                    previous is not None
                    and previous.kind == "background"
                    and previous.family == m.hit.family
                    and i - previous.last_sentence <= 1
                    and _compatible_time(previous.time, m.time)
                ):
                    previous.add(m)
                else:
                    op = Operation(m.hit.family, "background", section)
                    op.add(m)
                    ops.append(op)
                m.op = (
                    ops.index(previous) if previous is not None and m in previous.mentions else len(ops) - 1
                )
                continue
            after_background = _background_context(ops, doc, m)
            if after_background is not None:
                if after_background.family == m.hit.family:
                    after_background.add(m)
                else:
                    op = Operation(m.hit.family, "background", section)
                    op.add(m)
                    ops.append(op)
                continue
            scene = _scene_of(ops, doc, m)
            if scene is not None:
                scene.add(m)  # "troops later searched the site and found weapons": the strike's aftermath
                m.op = ops.index(scene)
                continue
            target = _target(ops, doc, m)
            if target is not None:
                target.add(m)
                m.op = ops.index(target)
                continue
            if (
                m.hit.rule.reference_only
                or (m.anaphoric and m.time is None)
                or _in_digest_intro(doc, m)
                or _in_heading(doc, m)
            ):
                continue  # a reference to an action the story never reported, or a digest's teaser
            op = Operation(m.hit.family, "event", section)
            op.add(m)
            ops.append(op)
            m.op = len(ops) - 1
    for op in ops:
        for m in op.mentions:
            if id(m) in clipped:
                op.spans[m.sentence] = clipped[id(m)]
    _split_shared(doc, ops)
    _continuations(doc, ops)
    _older_than_the_news(doc, ops)
    return ops


RECENT_DAYS = 60  # an action this close to the story's date is its news
CONTEXT_DAYS = 180  # beside recent news, an action dated this much earlier is its context
MONTH_CONTEXT_DAYS = 30  # ... and one dated only by a month that ended this long before the news


def _older_than_the_news(doc: Document, ops: list[Operation]) -> None:
    """Beside a recent action, one dated months before the story is background, however it is told
    ("It is the third cell broken up in the city; in April 2022 police arrested four members of a
    group ..." in a story of March 2024). A story about an old action alone keeps it as its event,
    and so does a chronology (several old actions, each dated: a report's review of the year)."""

    def age(op: Operation) -> int | None:
        reference = doc.reference_date(doc.sentences[op.head.sentence].start)
        if op.time is None or op.time.end is None or reference is None:
            return None
        return (reference - op.time.end).days

    ages = [age(op) for op in ops]
    if not any(
        op.kind == "event" and a is not None and a <= RECENT_DAYS for op, a in zip(ops, ages, strict=True)
    ):
        return
    old = [
        op
        for op, a in zip(ops, ages, strict=True)
        if op.kind == "event" and a is not None and a > CONTEXT_DAYS
    ]
    if len(old) == 1:
        old[0].kind = "background"
    # Beside news told to the day, an action dated only by a month that ended more than a month
    # before the news is context ("arrested on Thursday ... the arrest of two men in the city in
    # May", "kidnapped in Niamey in April was released on Sunday"); last month's is still news
    # ("Back in September ..." in a story of early October); two or more such, each dated, are a
    # chronology.
    news = [
        op.time.start
        for op, a in zip(ops, ages, strict=True)
        if op.kind == "event"
        and a is not None
        and a <= RECENT_DAYS
        and op.time is not None
        and op.time.precision == "day"
        and op.time.start is not None
    ]
    if not news:
        return
    latest = max(news)
    earlier = [
        op
        for op in ops
        if op.kind == "event"
        and op.time is not None
        and op.time.precision in ("month", "year")
        and op.time.end is not None
        and (latest - op.time.end).days > MONTH_CONTEXT_DAYS
    ]
    if len(earlier) == 1:
        earlier[0].kind = "background"


_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|these|those|his|her|its|their)\s+(?:[\w,'\u2019-]+\s+){0,4}$", re.I
)
_BREAK_BEFORE = re.compile(r"(?:[,;:\u2014\u2013]\s*|\s+(?:who|which|when|after|and|but|while)\s+)", re.I)


_MODIFIER_END = re.compile(r"[,;:]|\s+(?:were|was|are|is|have|has|had)\b")


def _split_shared(doc: Document, ops: list[Operation]) -> None:
    """A sentence whose triggers went to several records is cut between them, so that each
    record's evidence is its own part ("... expelled two more Moroccans ... to celebrate | the
    2016 Nice lorry attack")."""
    owners: dict[int, list[tuple[int, Operation]]] = {}
    for op in ops:
        for m in op.mentions:
            if m.sentence not in op.spans:
                first = owners.setdefault(m.sentence, [])
                if all(o is not op for _, o in first):
                    first.append((m.hit.start, op))
    for i, shared in owners.items():
        if len(shared) < 2:
            continue
        s = doc.sentences[i]
        # a participle describing people by an earlier action ("twelve aid workers kidnapped in
        # December were released") keeps its own words; the sentence is the main action's
        modifiers = [
            (start, op)
            for start, op in shared
            if all(doc.is_modifier(m.hit) for m in op.mentions if m.sentence == i)
        ]
        for start, op in modifiers:
            end = _MODIFIER_END.search(doc.text, start, s.end)
            op.spans[i] = (start, end.start() if end else s.end)
        shared = [x for x in shared if x not in modifiers]
        if len(shared) < 2:
            continue
        shared.sort(key=lambda x: x[0])
        cuts = [s.start]
        for (_, previous), (start, op) in pairwise(shared):
            floor = max(m.hit.end for m in previous.mentions if m.sentence == i and m.hit.start < start)
            cuts.append(_cut(doc, s.start, floor, op, start))
        cuts.append(s.end)
        for k, (_, op) in enumerate(shared):
            op.spans[i] = (cuts[k], cuts[k + 1])


def _cut(doc: Document, sentence_start: int, floor: int, op: Operation, start: int) -> int:
    """Where the part of ``op`` begins: the noun phrase of its trigger, else its clause."""
    hit = next(m.hit for m in op.mentions if m.hit.start == start)
    left = doc.text[floor:start]
    gerund = hit.text.lower().endswith("ing") and doc.text.startswith(" of ", hit.end)  # "the killing of"
    if (hit.rule.form == "noun" or gerund) and (det := _DETERMINER_BEFORE.search(left)):
        return floor + det.start()
    breaks = list(_BREAK_BEFORE.finditer(left))
    return floor + breaks[-1].end() if breaks else start


def _acting_hits(doc: Document, i: int) -> list[Hit]:
    """The triggers of a sentence that tell an action of their own (not a reference back, not a
    participle describing people: "104 of the 110 students abducted ... had been confirmed free")."""
    return [h for h in doc.hits[i] if not h.rule.reference_only and not doc.is_modifier(h)]


def _continuations(doc: Document, ops: list[Operation]) -> None:
    """Rule 5: sentences right after a record that still describe it join its evidence (and the
    sentences between two of its own, when they describe it)."""
    claimed = {i for op in ops for i in op.sentences}
    for op in ops:
        if op.kind != "event":
            continue
        cue = CONTINUATION[op.family]
        for a, b in pairwise(op.sentences):
            for i in range(a + 1, b) if b - a <= 3 else ():
                if i not in claimed and not _acting_hits(doc, i) and cue.search(doc.sentence_text(i)):
                    op.sentences.append(i)
                    claimed.add(i)
        op.sentences.sort()
        added = 0
        i = op.last_sentence + 1
        while i < len(doc.sentences) and added < CONTINUATION_SENTENCES:
            if i in claimed and doc.sentences[i].section == op.section:
                _main_clause_after_aside(doc, ops, op, i, cue)
            if i in claimed or doc.sentences[i].section != op.section:
                break
            if any(h.family != op.family for h in _acting_hits(doc, i)):
                break
            if not cue.search(doc.sentence_text(i)) or _AGGREGATE_SENTENCE.search(doc.sentence_text(i)):
                break  # a count over a period after the story is not the story ("1,200 killed last year")
            op.sentences.append(i)
            claimed.add(i)
            added += 1
            i += 1
        op.sentences.sort()


_ASIDE = re.compile(r",\s+(?:who|which)\s+[^,;]+,\s*")


def _main_clause_after_aside(
    doc: Document, ops: list[Operation], op: Operation, i: int, cue: re.Pattern[str]
) -> None:
    """ "The man, who had been arrested in Bilbao in March, was put on a ferry to Tangier": the aside
    is an earlier action's record, the main clause after it still describes ``op``."""
    s = doc.sentences[i]
    owners = [o for o in ops if i in o.sentences and o is not op]
    aside = _ASIDE.search(doc.text, s.start, s.end)
    # the aside's past perfect tells an earlier step ("who had been arrested"), not this action
    if (
        aside is None
        or not owners
        or not re.search(r"\bhad\b", aside.group(0))
        or any(i in o.spans for o in owners)
    ):
        return
    if not all(
        aside.start() < m.hit.start < aside.end() for o in owners for m in o.mentions if m.sentence == i
    ):
        return
    if not cue.search(doc.text, aside.end(), s.end):
        return
    for o in owners:
        o.spans[i] = (s.start, aside.end())
    op.sentences.append(i)
    op.spans[i] = (aside.end(), s.end)
