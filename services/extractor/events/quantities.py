"""How many: the counts of one record, by kind, read from its sentences in text order.

The first count of each kind is the record's (a lede's total, not a later detail); a count already
given to a site ("two in neighbouring Nador") is not a total. What a count counts depends on the
action (README of the gold corpus, "Conventions"):
- operations: people ``arrested``; ``cells``; ``cell_members`` ("a five-member cell", "composed of
  three elements"); people held for questioning and hideouts found are ``other``;
- violence: ``killed`` and ``injured`` (never the attackers themselves: "police shot him dead");
  people abducted are ``other``;
- removals, court steps, releases: the people removed, charged, sentenced or freed, as ``other``
  ("A Moroccan citizen was expelled": one).
Ages ("aged 29 to 43", "a 31-year-old"), prison terms ("18-year sentences") and years are not counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from schemas.events import Quantity, Span
from services.extractor.events.numbers import PEOPLE_NOUNS, NumberMention, find_numbers

QuantityKind = str

_HYPHEN_UNIT = re.compile(
    r"-(?:year|month|week|day|hour|minute|tonne|ton|kilo|kg|metre|meter|mile|point|storey|page|strong|man|member)"
)
_AGE_BEFORE = re.compile(
    r"\b(?:aged|ages?|age\s+of|between\s+the\s+ages\s+of)\s+(?:between\s+|from\s+)?$", re.I
)
_KILL_BEFORE = re.compile(
    # "neutralised 12 terrorists": the army's word for killing them
    r"\b(?:kill(?:ing|ed|s)?|claim(?:ing|ed)\s+the\s+lives\s+of|left|leaving|massacred|murdered|beheaded|beheading"
    r"|neutrali[sz](?:ed|ing)|eliminat(?:ed|ing)"
    r"|slaughtered|shot\s+dead)\s+"
    r"(?:at\s+least\s+|about\s+|some\s+|more\s+than\s+|over\s+|nearly\s+|up\s+to\s+|upwards\s+of\s+|around\s+)?$",
    re.I,
)
# "killing 12 soldiers and at least 20 civilians": the second count takes the verb of the first
_KILL_BEFORE_LIST = re.compile(
    r"\b(?:kill(?:ing|ed|s)?|massacred|murdered|beheaded|slaughtered)\s+(?:at\s+least\s+|about\s+|some\s+|more\s+than\s+)?"
    # "killing seven and four soldiers respectively": the people may be named after the last count only
    r"(?:\d[\d,]*|[a-z]+)\s+(?:[\w-]+\s+){0,3}and\s+(?:at\s+least\s+|about\s+|some\s+|more\s+than\s+)?$",
    re.I,
)
_INJURE_BEFORE = re.compile(
    r"\b(?:injur(?:ing|ed|es)|wound(?:ing|ed|s)|hurt(?:ing)?)\s+(?:at\s+least\s+|about\s+|some\s+|more\s+than\s+|over\s+)?$",
    re.I,
)
_CASUALTY_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,4}?(?:and\s+(?:a|an|one)\s+(?:[\w-]+\s+){1,2}?)?"  # "... soldiers and a civilian"
    r"(?:(?:were|was|have\s+been|had\s+been|are|been)\s+)?"
    r"(?:(?P<dead>killed|dead|died)|injured|wounded|hurt)\b",
    re.I,
)
_ATTACKERS = frozenset(
    {
        "attackers",
        "attacker",
        "assailants",
        "assailant",
        "gunmen",
        "gunman",
        "perpetrators",
        "bomber",
        "bombers",
    }
)
_CELL_SIZE = re.compile(
    r"\b(?:composed\s+of|made\s+up\s+of|consisting\s+of|comprising|cells?\s+of)\s+(?:some\s+|about\s+)?$",
    re.I,
)
_MAN_CELL = re.compile(r"^-(?:man|member|strong)\s+(?:\w+\s+){0,3}?(?:cell|network|group|ring)\b", re.I)
_OF_ATTACKERS = re.compile(
    r"\s+of\s+(?:the|its|their)\s+(?:[\w-]+\s+)?(?:attackers|assailants|gunmen|perpetrators|raiders|militants"
    r"|insurgents|jihadists|fighters|terrorists)\b",
    re.I,
)
_OF_PEOPLE = re.compile(
    r"^\s+of\s+(?:them|those|the\s+(?:\w+\s+){0,2}?(?:" + "|".join(sorted(PEOPLE_NOUNS)) + r"))\b", re.I
)
# "Two young men ... were among the five people arrested": a part of the count that follows
_AMONG = re.compile(r"^[^.;,]{0,60}?\b(?:were|are|was)\s+among\s+(?:the\s+)?(?:\d+|[a-z]+)\s", re.I)
_PASSIVE_ARREST = re.compile(
    # "The man, a Spanish national, had been arrested": the person may be the aside's, before its comma
    # "A Syrian man suspected of having fought for the Islamic State was stopped": or a participle's phrase
    r"^\s*(?:,[^,]{0,60},\s*|[^,]{0,40},\s*|\s*(?:suspected|accused|believed|wanted|known)\s+[^,.;]{0,70}?\s+)?"
    r"(?:was|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:arrested|detained|apprehended"
    r"|stopped|captured|held|caught|nabbed|picked\s+up|taken\s+into\s+custody|placed\s+(?:in|under))\b"
)
_ONE_DEFENDANT = re.compile(
    # the court verb's object is one person: "charged him", "sentenced a 23-year-old man to 12 years"
    r"\b(?:charged|indicted|sentenced|convicted|remanded|jailed|ordered|placed|fined|acquitted)\s+(?:him|her\b"
    r"|(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|suspect|defendant|teenager|youth|minor|national|citizen)\b"
    r"(?!\s+and\b))"
    # "decreed his entry into provisional prison": one person's detention
    r"|\b(?:decreed|ordered)\s+(?:his|her)\s+(?:entry|admission|transfer|detention|imprisonment)\b",
    re.I,
)
# "The third person was released": one person of a group counted before
_THE_ONE_RELEASED = re.compile(
    r"\s*The\s+(?:second|third|fourth|fifth|sixth|other|last|remaining)\s+(?:person|man|woman|suspect|one)\s+(?:was|has\s+been)\b"
)
_AND_RELATIVE = re.compile(
    r"(?:\s+in\s+[A-Z][\w-]+)?\s+and\s+(?:his|her|their)\s+(?:brother|sister|son|daughter|wife|husband|cousin"
    r"|father|mother|friend|accomplice|partner|nephew|uncle)\b"
)
# "has had the German-Syrian national Ahmad A. arrested": a prosecutor had one person arrested
_HAD_ARRESTED = re.compile(
    r"\bhad\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:national|man|woman|suspect|citizen|teenager|youth|imam)\b"
    r"(?:\s+[A-Z][\w.'-]*){0,3}\s+(?:arrested|detained)\b"
)
# "The 20-year-old Egyptian detained by anti-terrorism officers": a nationality for the person ...
_NATIONAL = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){0,2}?[A-Z][a-z]+(?:ian|an|ese|i)\b")
# ... and the participle that describes what was done to them
_DETAINED_AFTER = re.compile(r"\s+(?:arrested|detained|apprehended|caught|captured|picked\s+up)\b")
_IDENTIFIER_BEFORE = re.compile(r"\b(?:number|no\.|nº|n°|article|section|chamber|room|flight)\s+$", re.I)
_SINGLE_PERSON = re.compile(
    # "A 17-year-old was charged": the age alone may stand for the person
    r"\b(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:citizen|man|woman|national|suspect|individual|person|youth|teenager|minor"
    r"|\d+-year-old(?=\s+(?:was|has|had|is)\b)"
    r"|student|imam|jihadist|militant|preacher|employee|worker|officer|guard|soldier|policeman|passer-by|convict"
    r"|refugee|migrant|resident|prisoner|inmate|journalist|nurse|doctor|engineer|teacher|priest|nun|missionary|tourist"
    r"|hostage|trader|contractor)\b",
    re.I,
)
_PERSON_NOUN = (
    r"(?:citizen|man|woman|boy|girl|child|national|suspect|individual|person|youth|teenager|minor|student|imam|employee"
    r"|worker|officer|guard|guardsman|soldier|policeman|policewoman|passer-by|civilian|resident|journalist|mother"
    r"|father|sister|brother|wife|husband|son|daughter|colleague|teacher|priest|tourist|driver|pedestrian|cyclist"
    r"|neighbou?r|friend|relative|cousin|uncle|aunt|nephew|niece|grandmother|grandfather|baby|partner|girlfriend"
    r"|boyfriend|landlord|shopkeeper|farmer|herder|trader|nurse|doctor|commander|leader|member|recruiter|financier"
    r"|militant|jihadist|fighter|bodyguard|element|terrorist|extremist|[\w]+-year-old)"
)
# (a clause cut from its sentence may start with a lower-case "he": "..., two days after he was arrested")
_THE_PERSON = re.compile(rf"\s*(?:The\s+(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN}|[Hh]e|[Ss]he)\b")
_ONE = r"(?:a|an|one|his|her|their|the)\s+(?:[\w-]+\s+){0,3}?"
# "An employee of the prison ... died", "killed his mother and his sister", "wounded a woman passer-by"
_ONE_DIED = re.compile(
    rf"\b(?:a|an|one)\s+(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN}\b[^.;]{{0,80}}?\b(?:died|was\s+killed|was\s+shot\s+dead"
    r"|was\s+(?:stabbed|beaten|hacked|shot)\s+to\s+death|was\s+shot\s+and\s+killed|lost\s+(?:his|her)\s+life"
    r"|did\s+not\s+survive|succumbed)\b",
    re.I,
)
_KILLED_PEOPLE = re.compile(
    rf"\b(?:killed|killing|murdered|stabbed\s+to\s+death|shot\s+dead)\s+(?P<first>{_ONE}{_PERSON_NOUN})"
    rf"(?P<more>(?:\s*,\s*{_ONE}{_PERSON_NOUN})*(?:\s+and\s+{_ONE}{_PERSON_NOUN})?)\b",
    re.I,
)
_VICTIMS_THEN_DEAD = re.compile(
    r"\b(?:stabbed|shot|attacked|hacked|rammed)\s+(?P<victims>(?:at\s+least\s+)?(?:\d+|two|three|four|five|six|seven|eight"
    r"|nine|ten)\s+(?:[\w-]+\s+)?(?:people|persons|passers-by|pedestrians|worshippers|pupils|students|officers))"
    r"\b[^.;]{0,80}?,\s+killing\b",
    re.I,
)
_INJURED_ONE = re.compile(
    rf"\b(?:wounded|injured|hurt)\s+(?:[a-z]+ly\s+)?(?:{_ONE}{_PERSON_NOUN}|a\s+(?:second|third|fourth|fifth|sixth)\b)\b"
    rf"|\b(?:a|an|one)\s+(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN}\s+(?:(?:was|were)\s+)?(?:[a-z]+ly\s+)?(?:wounded|injured|hurt)\b",
    re.I,
)
# "arrested a 22-year-old man", "detained him on Thursday" (not "him and his brother", not "her sons")
_ARRESTED_ONE = re.compile(
    # "detained a 22-year-old man", "announced the arrest of a 22-year-old man"
    # "arrested on Monday a takfiri element": the day may stand between the verb and the person
    r"\b(?:(?:arrested|detained|apprehended|captured|nabbed|picked\s+up)(?:\s+on\s+\w+|\s+yesterday|\s+today)?"
    r"|(?:arrest|detention|capture)\s+(?:on\s+\w+\s+|last\s+\w+\s+|yesterday\s+|today\s+|in\s+[A-Z][\w-]+\s+)?of)\s+"
    rf"(?:(?:a|an|one)\s+(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN}\b|him\b(?!\s+and\b)"
    r"|her\b(?=\s*[,.;]|\s+(?:in|at|on|near|outside|after|as|early|late|last|yesterday|today)\b))",
    re.I,
)
# "A 19-year-old man was charged in Paris": the court step's one defendant is the passive subject
_PASSIVE_COURT_STEP = re.compile(
    r"\s*(?:,[^,]{0,60},\s*|\s+aged\s+\d+\s+)?(?:was|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:charged|indicted|sentenced|convicted"
    r"|remanded|jailed|fined|acquitted|placed\s+under\s+formal\s+investigation)\b"
)
_ELIDED_UNIT = frozenset(
    {"", "and", "when", "as", "in", "at", "on", "during", "after", "while", "before", "others"}
)
_OBJECTS = frozenset("hideouts hideout shelters caches bases camps workshops".split())  # noqa: SIM905


def _is_count_of_age_or_term(text: str, abs_start: int, abs_end: int) -> bool:
    if _HYPHEN_UNIT.match(text, abs_end) and not _MAN_CELL.match(text[abs_end : abs_end + 40]):
        return True
    return bool(_AGE_BEFORE.search(text[max(0, abs_start - 24) : abs_start]))


# the word after a number standing for people: a verb ("all four held"), or the preposition of a
# verb before it ("placed all four under arrest warrant", "put the two in pre-trial detention")
_VERB_UNIT = re.compile(
    r"^(?:were|was|are|is|have|had|will|would|face|faces|remain|held|kept|sent|put|taken|brought|[a-z]+ed"
    r"|under|in|into|behind)$"
)
_MORE_PEOPLE = re.compile(
    r"\s+more\s+(?:were|was|have|had|are|(?:[\w-]+\s+)?(?:" + "|".join(sorted(PEOPLE_NOUNS)) + r"))\b", re.I
)
_STANDALONE = re.compile(r"\b(?:all|the|both|those|these|other|remaining)\s+$", re.I)


_NOUN_AFTER_UNIT = re.compile(r"\s+[\w-]+\s+(?P<noun>[A-Za-z]+)\b")
_NOUN_TWO_AFTER_UNIT = re.compile(r"\s+[\w-]+\s+[\w-]+\s+(?P<noun>[A-Za-z]+)\b")


def _people(text: str, n: NumberMention, abs_end: int) -> bool:
    """A count of people: "four men", "four of the suspects", or a number standing for people it
    counted before, a determiner before it and a verb after it ("all four held", "the other three
    were")."""
    unit = n.unit or ""
    if unit in PEOPLE_NOUNS or _OF_PEOPLE.match(text[abs_end : abs_end + 40]):
        return True
    # "7 police officers", "12 army soldiers", "Four Kenyan police officers"
    for compound in (_NOUN_AFTER_UNIT.match(text, abs_end), _NOUN_TWO_AFTER_UNIT.match(text, abs_end)):
        if compound is not None and compound["noun"].lower() in PEOPLE_NOUNS:
            return True
    if unit == "more" and _MORE_PEOPLE.match(text, abs_end):
        return True  # "two more were detained", "three more suspects"
    before = text[max(0, abs_end - len(n.text) - 12) : abs_end - len(n.text)]
    if unit in ("others", "other") and _STANDALONE.search(before):
        return True  # "the seven others were arrested on Monday": people counted apart from the ones before
    # "Two were released after questioning": a count opening its sentence before a verb stands for people
    if re.fullmatch(r"(?:19|20)\d\d", n.text):
        return False  # "2023 was a record year": a year
    number_start = abs_end - len(n.text)
    opens = bool(
        re.search(r"(?:^|[.!?:]\s+|\n\s*)[\"'\u201c]?$", text[max(0, number_start - 4) : number_start])
    )
    return bool(_VERB_UNIT.match(unit)) and (
        n.text.lower() == "both"
        or bool(_STANDALONE.search(before))
        or (opens and unit in ("were", "was", "have", "had"))
    )


def _quantity(kind: str, n: NumberMention, start: int, text: str) -> Quantity:
    span_start, span_end = start + n.start, start + n.end
    return Quantity(
        kind=kind,  # type: ignore[arg-type]
        value=n.value,
        min=n.min,
        max=n.max,
        approx=n.approx,
        span=Span(start=span_start, end=span_end, text=text[span_start:span_end]),
    )


_COORDINATED_COUNT = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}and\s+(?:at\s+least\s+|some\s+|about\s+|another\s+)?$", re.I
)


# "killed a senior commander and two of his bodyguards": one person listed before the count
_ONE_LISTED_BEFORE = re.compile(
    rf"\b(?:killed|wounded|injured)\s+(?:a|an|one)\s+(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN}\s+and\s+$", re.I
)
# "Twenty soldiers and a civilian were killed": one more person listed after the count
_AND_ONE_MORE = re.compile(
    rf"(?:\s+[\w-]+){{1,3}}?\s+and\s+(?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?{_PERSON_NOUN}\b(?!\s+(?:of|from)\b)",
    re.I,
)


def _one_more_person(quantity: Quantity, start: int, end: int, text: str) -> Quantity:
    """``quantity`` plus the one person listed beside its number, its span ``text[start:end]``."""
    if quantity.value is None:
        return quantity
    return quantity.model_copy(
        update={"value": quantity.value + 1, "span": Span(start=start, end=end, text=text[start:end])}
    )


def _coordinated(text: str, earlier: Quantity, start: int) -> bool:
    """A count that follows ``earlier`` in one list: "12 soldiers and at least 20 civilians"."""
    return earlier.span is not None and bool(_COORDINATED_COUNT.match(text[earlier.span.end : start]))


def _summed(a: Quantity, b: Quantity, text: str) -> Quantity:
    value = (a.value or a.min or 0) + (b.value or b.min or 0)
    span = (
        Span(start=a.span.start, end=b.span.end, text=text[a.span.start : b.span.end])
        if a.span and b.span
        else None
    )
    return Quantity(kind=a.kind, value=value, approx=a.approx or b.approx, span=span)


def counts(
    text: str,
    sentences: Iterable[tuple[int, int]],
    family: str,
    subtype: str,
    used: set[tuple[int, int]],
    belongs: Callable[[int], frozenset[str] | None],
    modes: frozenset[str],
) -> list[Quantity]:
    """The record's quantities. ``belongs(position)`` says which numbers hang on the record's own
    triggers; ``modes`` are the modes of the triggers each number hangs on (``question``)."""
    out: dict[str, Quantity] = {}
    subsets: dict[str, Quantity] = {}
    for start, end in sentences:
        sentence = text[start:end]
        for n in find_numbers(sentence):
            abs_start, abs_end = start + n.start, start + n.end
            if (abs_start, abs_end) in used or _is_count_of_age_or_term(text, abs_start, abs_end):
                continue
            if _IDENTIFIER_BEFORE.search(text, max(0, abs_start - 12), abs_start):
                continue  # "Central Court of Instruction number 6": a name, not a count
            hangs = belongs(abs_start)
            if hangs is None:
                continue
            kind = _kind(
                text, n, abs_start, abs_end, family, subtype, hangs | modes if family == "court" else hangs
            )
            if kind is None:
                continue
            after = text[abs_end : abs_end + 80]
            subset = bool(_OF_PEOPLE.match(after) or _AMONG.match(after)) and family == "operation"
            target = subsets if subset else out
            earlier = target.get(kind)
            if kind == "killed" and earlier is not None and _coordinated(text, earlier, abs_start):
                # "killing 12 soldiers and at least 20 civilians": the dead of one attack, counted apart
                target[kind] = _summed(earlier, _quantity(kind, n, start, text), text)
                continue
            this = _quantity(kind, n, start, text)
            one_more = _AND_ONE_MORE.match(text, abs_end) if kind in ("killed", "injured") else None
            one_before = (
                _ONE_LISTED_BEFORE.search(text, max(0, abs_start - 80), abs_start)
                if kind in ("killed", "injured")
                else None
            )
            if one_before is not None and this.span is not None:
                this = _one_more_person(this, one_before.start(), this.span.end, text)
            if one_more is not None and this.span is not None:
                this = _one_more_person(this, this.span.start, one_more.end(), text)
            target.setdefault(kind, this)
        if family in ("removal", "release", "court") and "other" not in out:
            # "A Moroccan citizen was expelled today", "charged him", "ordered her held"
            single = (
                (_SINGLE_PERSON.search(sentence) or _THE_ONE_RELEASED.match(sentence))
                if family != "court"
                else _ONE_DEFENDANT.search(sentence)
            )
            if single is None and family == "court":
                subject = _SINGLE_PERSON.search(sentence) or _THE_PERSON.match(sentence)
                if subject is not None and _PASSIVE_COURT_STEP.match(sentence, subject.end()):
                    single = subject
            if single and belongs(start + single.start()) is not None:
                s, e = start + single.start(), start + single.end()
                out["other"] = Quantity(kind="other", value=1, span=Span(start=s, end=e, text=text[s:e]))
        if family == "operation" and "arrested" not in out and "arrested" not in subsets:
            # "A Syrian man was stopped at the border ...", "The 32-year-old was arrested on 2 February"
            people = (
                _SINGLE_PERSON.search(sentence),
                _THE_PERSON.match(sentence),
                _NATIONAL.search(sentence),
            )
            single = next(
                (
                    p
                    for p in people
                    if p is not None
                    and (
                        _PASSIVE_ARREST.search(sentence[p.end() : p.end() + 80])
                        or _DETAINED_AFTER.match(sentence, p.end())
                    )
                ),
                None,
            )
            found = single or _ARRESTED_ONE.search(sentence) or _HAD_ARRESTED.search(sentence)
            if found is not None and belongs(start + found.start()) is not None:
                # "arrested a man in Bilbao and his brother in Vitoria": two people, one by one
                pair = _AND_RELATIVE.match(sentence, found.end())
                s, e = start + found.start(), start + (pair.end() if pair else found.end())
                out["arrested"] = Quantity(
                    kind="arrested", value=2 if pair else 1, span=Span(start=s, end=e, text=text[s:e])
                )
    if family == "violence":
        _singular_casualties(text, sentences, out, belongs)
    for kind, quantity in subsets.items():
        out.setdefault(kind, quantity)  # "Twelve of them were deprived of their liberty": the only count
    return list(out.values())


def _singular_casualties(
    text: str,
    sentences: Iterable[tuple[int, int]],
    out: dict[str, Quantity],
    belongs: Callable[[int], frozenset[str] | None],
) -> None:
    """Victims named one by one: "An employee ... died" (one killed), "killed his mother and his
    sister" (two), "seriously wounded a woman passer-by" (one injured)."""
    for start, end in sentences:
        sentence = text[start:end]
        if "killed" not in out:
            many = _KILLED_PEOPLE.search(sentence)
            one = _ONE_DIED.search(sentence)
            found = many or one
            if found is not None and belongs(start + found.start()) is not None:
                value = 1 + (found["more"].count(" and ") + found["more"].count(",") if many else 0)
                s, e = start + found.start(), start + found.end()
                out["killed"] = Quantity(
                    kind="killed", value=value, span=Span(start=s, end=e, text=text[s:e])
                )
        victims = _VICTIMS_THEN_DEAD.search(sentence)
        dead = out.get("killed")
        if "injured" not in out and victims is not None and dead is not None and dead.value is not None:
            # "stabbed two people outside a school, killing a teacher": the others were hurt
            attacked = next((n for n in find_numbers(victims["victims"]) if n.value), None)
            if attacked is not None and attacked.value is not None and attacked.value > dead.value:
                s, e = start + victims.start(), start + victims.end()
                out["injured"] = Quantity(
                    kind="injured",
                    value=attacked.value - dead.value,
                    span=Span(start=s, end=e, text=text[s:e]),
                )
        if "injured" not in out:
            hurt = _INJURED_ONE.search(sentence)
            if hurt is not None and belongs(start + hurt.start()) is not None:
                s, e = start + hurt.start(), start + hurt.end()
                out["injured"] = Quantity(kind="injured", value=1, span=Span(start=s, end=e, text=text[s:e]))


def _kind(
    text: str,
    n: NumberMention,
    abs_start: int,
    abs_end: int,
    family: str,
    subtype: str,
    hangs: frozenset[str],
) -> str | None:
    unit = (n.unit or "").lower()
    people = _people(text, n, abs_end)
    before = text[max(0, abs_start - 40) : abs_start]
    if family == "operation":
        if unit in ("cells", "cell"):
            return "cells"
        if unit == "member" or _MAN_CELL.match(text[abs_end : abs_end + 40]):
            return "cell_members"
        if subtype == "cell_dismantled" and (
            unit in ("elements", "members") or (_CELL_SIZE.search(before) and people)
        ):
            return "cell_members"
        if people and "question" in hangs:
            return "other"
        if people:
            return "arrested"
        if unit in _OBJECTS:
            return "other"
        return None
    if family in ("violence", "military"):
        after = _CASUALTY_AFTER.match(text[abs_end : abs_end + 60])
        if family == "violence" and (unit in _ATTACKERS or _OF_ATTACKERS.match(text, abs_end)):
            return None  # "killed more than 80 of the assailants": the attackers' dead, not the attack's
        # "killing 5 and injuring 7", "wounded at least 9 when ...": the people are left out
        elided = unit in _ELIDED_UNIT
        listed = _KILL_BEFORE_LIST.search(
            text, max(0, abs_start - 70), abs_start
        )  # the list's verb is further
        if (_KILL_BEFORE.search(before) or listed) and (people or elided or unit in ("dead", "of")):
            return "killed"
        if _INJURE_BEFORE.search(before) and (people or elided or unit == "of"):
            return "injured"
        if after and (people or unit in ("killed", "dead", "injured", "wounded", "were", "have", "had")):
            return "killed" if after["dead"] else "injured"
        if unit in ("dead", "killed"):
            return "killed"
        if unit in ("injured", "wounded"):
            return "injured"
        if family == "violence" and subtype == "abduction" and people:
            return "other"
        return None
    if people:
        return "arrested" if family == "court" and "arrest" in hangs else "other"
    return None
