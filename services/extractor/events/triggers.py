"""Sentences, action triggers and the cues that decide what kind of record a sentence reports.

Trigger-gated extraction (event-extraction notes 3.1): only sentences with an action trigger get
the expensive resolvers. Each trigger maps to a PLOVER event type and mode and to newswire's
counter-terrorism subtype; subtypes form families (an arrest, a dismantled cell and a seizure in
one story are one operation; an air strike and an attack are both strikes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Trigger:
    pattern: re.Pattern[str]
    event_type: str
    modes: tuple[str, ...]
    subtype: str
    # Words one of which the sentence must also hold, for triggers that are common words elsewhere
    # ("shooting" a video, data "captured", an "explosion" of data, "charged with" evaluating it).
    context: re.Pattern[str] | None = None


def _t(
    pattern: str, event_type: str, modes: tuple[str, ...], subtype: str, context: str | None = None
) -> Trigger:
    return Trigger(
        re.compile(pattern, re.IGNORECASE),
        event_type,
        modes,
        subtype,
        re.compile(context, re.IGNORECASE) if context else None,
    )


_BE = r"(?:was|were|been|being|is|are|got)"
_PEOPLE_OR_POLICE = (
    r"\b(?:police\w*|authorit\w+|officers?|agents?|investigators?|gendarm\w*|troops|soldiers|forces|suspects?"
    r"|m[ae]n|wom[ae]n|people|persons?|individuals?|members?|militants?|terrorists?|jihadists?|extremists?"
    r"|citizens?|nationals?|teenagers?|boys?|girls?|youths?|rebels?|commanders?|leaders?|fighters?|recruits?"
    r"|accused|detainees?|prisoners?|smugglers?|traffickers?|gang\w*)\b"
)
_VIOLENCE = (
    r"\b(?:kill\w*|dead|deaths?|died|wound\w*|injur\w+|casualt\w+|victims?|bomb\w*|explosive\w*|IEDs?|gunm[ae]n"
    r"|shooter|militants?|insurgents?|terror\w*|jihad\w*|suicide|soldiers?|troops|police|army|military|rebels?"
    r"|civilians?|hostages?|assailants?|attackers?|grenades?|rockets?|missiles?|mortars?|drones?|weapons?"
    r"|rifles?|guns?|firearms?|armed|Taliban|ISIS|ISIL|Daesh|Qaeda|Shabaab|Boko)\b"
)
_LEGAL = (
    r"\b(?:court|tribunal|prosecut\w+|judge|trial|jury|crimes?|criminal|murder\w*|terror\w*|fraud|offen[cs]es?"
    r"|counts?\s+of|police|accused|suspects?|prison|jail|years|life|death|guilty|charges)\b"
)
_SEIZED = (
    r"\b(?:police|authorities|customs|agents|officers|forces|investigators|weapons?|arms|drugs?|cocaine|heroin"
    r"|cannabis|hashish|explosives?|ammunition|cash|documents|materials?|contraband|suspects?|jihadists?)\b"
)
_SECURITY = (
    r"\b(?:security|military|defen[cs]e|counter-?terror\w*|terror\w*|police|intelligence|extradition|interior"
    r"|armed\s+forces)\b"
)
_ORGANISED = (
    r"\b(?:cells?|networks?|groups?|gangs?|rings?|terror\w*|jihad\w*|police|authorities|security|extremist\w*"
    r"|militants?|recruit\w*|smuggl\w*|traffick\w*|Islamic\s+State)\b"
)
_PLOT = r"\b(?:plots?|attacks?|attempts?|bombings?|police|authorities|security|terror\w*|conspiracy)\b"

# Order matters: the first trigger found in a sentence names its subtype.
TRIGGERS: tuple[Trigger, ...] = (
    _t(
        r"\b(?:dismantl\w*|broke\s+up|broken\s+up|breaking\s+up|busted|neutrali[sz]ed)\b",
        "COERCE",
        ("arrest",),
        "cell_dismantled",
        _ORGANISED,
    ),
    _t(r"\b(?:foiled|thwarted)\b", "COERCE", ("arrest",), "plot_foiled", _PLOT),
    _t(
        r"\b(?:launched\s+(?:air\s*)?strikes|carried\s+out\s+(?:air\s*)?strikes|air\s*strikes?\s+(?:on|against|in)"
        r"|bombed|drone\s+strikes?|air\s*strikes?)\b",
        "ASSAULT",
        ("aerial",),
        "airstrike",
    ),
    _t(
        r"\b(?:arrested|detained|apprehended|nabbed|taken\s+into\s+custody|arrests?\s+of|(?:placed\s+)?under\s+arrest"
        r"|in\s+police\s+custody|(?:his|her|their|the|two|three|four|five|\d+)\s+arrests?)\b",
        "COERCE",
        ("arrest",),
        "arrest",
    ),
    _t(  # the same action in words with other, everyday meanings
        rf"\b(?:captured|{_BE}\s+(?:held|booked|picked\s+up|rounded\s+up|caught))\b",
        "COERCE",
        ("arrest",),
        "arrest",
        _PEOPLE_OR_POLICE,
    ),
    _t(r"\b(?:extradited|deported)\b", "COERCE", ("deport",), "extradition_deportation"),
    _t(
        r"\b(?:expelled|handed\s+over\s+to)\b",
        "COERCE",
        ("deport",),
        "extradition_deportation",
        _PEOPLE_OR_POLICE,
    ),
    _t(
        rf"\b(?:{_BE}\s+convicted|convicted\s+(?:of|on|for)|sentenced\s+(?:him|her|them\s+)?to|found\s+guilty)\b",
        "SANCTION",
        (),
        "conviction_sentence",
        _LEGAL,
    ),
    _t(r"\b(?:charged\s+with|indicted|prosecuted\s+for)\b", "ACCUSE", (), "charge_indict", _LEGAL),
    _t(
        r"\b(?:raided|searched\s+(?:the\s+)?(?:homes?|houses?|premises))\b",
        "COERCE",
        ("search",),
        "raid_search",
        _PEOPLE_OR_POLICE,
    ),
    _t(r"\b(?:seized|confiscated)\b", "COERCE", ("seize",), "seizure", _SEIZED),
    _t(
        r"\b(?:attack(?:s|ed|ing)?|assault(?:ed)?|suicide\s+bomb(?:ing|ings|ed)|bombings?|bombs?\s+(?:went|exploded)"
        r"|explosions?|explod(?:ed|es|ing)|detonat(?:ed|ing|ion)|blasts?|blew\s+(?:\w+\s+)?up|(?:went|gone|goes)\s+off"
        r"|set(?:ting)?\s+off\s+(?:a|an|the|two|three)\b|shootings?|shootout|shot\s+dead|opened\s+fire|gunfire"
        r"|stabbings?|stabbed|assassinat\w+|ambush(?:ed)?|bombardment)\b",
        "ASSAULT",
        (),
        "attack",
        _VIOLENCE,
    ),
    _t(
        r"\bagreement\s+(?:was|were|has\s+been)\s+(?:sealed|signed)\b|\bsigned\s+an?\s+agreement\b",
        "AGREE",
        (),
        "cooperation_agreement",
        _SECURITY,
    ),
)

# One pass over a sentence to skip the ones with no trigger at all (most of them).
# The patterns are written in lower case, so on a lower-cased sentence the alternation needs no
# IGNORECASE, which makes this gate about three times faster (it reads every sentence of every page).
ANY_TRIGGER = re.compile("|".join(f"(?:{t.pattern.pattern})" for t in TRIGGERS))


def has_trigger_word(sentence: str) -> bool:
    return ANY_TRIGGER.search(sentence.lower()) is not None


FAMILY = {
    "cell_dismantled": "arrest",
    "plot_foiled": "arrest",
    "arrest": "arrest",
    "raid_search": "arrest",
    "seizure": "arrest",
    "airstrike": "strike",
    "attack": "strike",
}
# When mentions of one operation merge, the most specific subtype names it.
SUBTYPE_RANK = ("cell_dismantled", "plot_foiled", "arrest", "raid_search", "seizure", "airstrike", "attack")

# Not an action: "arrests are made according to the law", "the number of people arrested for".
GENERIC_STATEMENT = re.compile(
    r"\b(are|is)\s+arrested\s+according\s+to\b|\bhave\s+been\s+arrested\s+for\b"
    r"|\bthe\s+number\s+of\s+(?:people\s+|persons\s+)?(?:arrested|detained|arrests)\b"
    r"|\b(?:anyone|whoever|any\s+person|those)\s+(?:who\s+(?:is|are)\s+)?(?:found\s+guilty|convicted|arrested)\b"
    r"|\bdetained\s+in\s+(?:the\s+)?hospital\b",  # kept for treatment, not arrested
    re.I,
)
# Attacks in general, not one attack: "to prevent further attacks", "the target of attacks".
# Spans whose trigger words report no action: generic and future mentions, other senses of the
# words, accidents.
NOT_AN_ACTION = re.compile(
    r"\b(?:further|future|more|new|possible|potential|prevent\w*|against|any|such|target\s+of|number\s+of"
    r"|threat\s+of|risk\s+of|fears?\s+of)\s+(?:\w+\s+)?(?:attacks|bombings|shootings|assassinations)\b"
    r"|\b(?:foiled|thwarted|prevented|failed)\s+(?:\w+\s+)?(?:attack|attacks|bombing|plot)\b"
    # not political violence: medicine, computing, tactics
    r"|\b(?:heart|panic|asthma|cyber|ransomware|phishing|malware|DDoS)[- ]?attacks?\b|\battack\s+surface\b"
    r"|\bplan\s+of\s+attack\b"
    # accidents: an explosion nobody set off on purpose
    r"|\b(?:accidental(?:ly)?|premature|gas(?:\s+(?:canister|cylinder|leak|pipe|tank))?)\s+(?:explosions?|blasts?)\b"
    r"|\b(?:detonated|exploded|went\s+off)\s+(?:accidentally|prematurely)\b"
    # "captured" a place, a thing or an image, not a person
    rf"|\bcaptured\s+(?:(?!{_PEOPLE_OR_POLICE})[\w\u2019']+\s+){{0,3}}?"
    r"(?:territory|territories|towns?|city|cities|villages?|areas?|positions?|bases?|vehicles?|weapons?|equipment|images?|footage|photos?|moments?|attention|imagination)\b"
    # seen, not held: "was caught on surveillance video"
    r"|\b(?:was|were)\s+caught\s+on\s+(?:\w+\s+)?(?:video|camera|tape|film|CCTV)\b",
    re.I,
)
# Case-sensitive: "may" the verb, not "May 16".
MODAL = re.compile(
    r"\b(?:[Mm]ight|may|[Cc]ould|[Ww]ould|planned\s+to|plans\s+to|planning\s+to|plotting\s+to|seek(?:s|ing)?\s+to|sought\s+to"
    r"|intend(?:s|ed)?\s+to|threat(?:en(?:ed|s)?)?\s+(?:of|to)|aim(?:s|ed)?\s+to|preparing\s+to)\b[^.;]*$"
)
CONDITIONAL = re.compile(
    r"\b(?:if|unless|whether)\s+(?:\w+\s+){0,3}(?:(?:is|are|was|were|be|gets?)\s+)?$", re.I
)
REFERRING_NOUNS = frozenset(
    "attack attacks bombing bombings explosion explosions blast blasts shooting strikes assault raid raids arrest arrests".split()  # noqa: E501, SIM905
)
DEFINITE = re.compile(r"\b(?:the|this|that|these|those)\s+(?:\w+\s+)?$", re.I)
# A count over a period, not one operation.
AGGREGATE = re.compile(
    r"\b(between\s+(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|\d{4})\s+and\s+\w+|since\s+(?:\d{4}|the\s+(?:start|beginning))|so\s+far\s+this\s+year|so\s+far"
    r"|in\s+the\s+(?:year|whole\s+of)\s+\d{4}|by\s+the\s+end\s+of|over\s+the\s+(?:last|past)"
    r"|(?:a|the)\s+(?:series|string|number|wave)\s+of|a\s+considerable\s+number|in\s+recent\s+(?:years|months)"
    r"|every\s+year|each\s+year|a\s+total\s+of|numerous|frequent|regular|repeated|countless"
    r"|(?:thousands|hundreds|scores|dozens|many)\s+(?:of\s+\w+\s+)?(?:have|had)\s+been"
    r"|have\s+(?:accelerated|increased|risen|multiplied|intensified))\b",
    re.I,
)
REPORTED = re.compile(r"\b(said|says|according\s+to|reported|reporting|stated|announced|told)\b", re.I)
HEDGED = re.compile(
    r"\b(allegedly|reportedly|is\s+said\s+to|are\s+said\s+to|may\s+have|might\s+have|suspected\s+of\s+having)\b",
    re.I,
)
FUTURE = re.compile(
    r"\b(planned\s+to|plotting\s+to|sought\s+to|intended\s+to|were\s+preparing"
    r"|(?:will|would|is\s+to|are\s+to)\s+be\s+(?:arrested|extradited|deported|tried|charged|sentenced))\b",
    re.I,
)
NEGATED = re.compile(
    r"\b(?:not|never|no\s+one)\s+(?:been\s+|yet\s+)?(?:arrested|detained|charged)\b|\bdenied\s+(?:that|any)\b",
    re.I,
)
# A sentence after a trigger that still describes the same operation ("Four of the arrests took place
# in Spain", "Composed of three elements operating in ...").
CONTINUATION = re.compile(
    r"\b(arrests|detentions|detainees|those\s+(?:detained|arrested)|(?:the|these)\s+suspects|suspects\s+were"
    r"|operations?\s+(?:took|lasted|were)|raids?|took\s+place|operating|based\s+in|active\s+in|carried\s+out"
    r"|composed\s+of|made\s+up\s+of|the\s+(?:cell|network)\b|in\s+each\s+case)",
    re.I,
)

_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)|\n")
_NO_BREAK_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Prof|No|vs|Jr|Sr|Mt|Ft|Jan|Feb|Aug|Sept|Oct|Nov|Dec)"
    r"|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])\.$"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (whitespace-trimmed). A period before a lower-case word or a digit ("5.30-9 a.m.
    local time"), after a title or an initial ("Gen. Smith", "J. Doe") does not end a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group(0) != "\n":
            after = text[end : end + 3].lstrip()[:1]
            if after and (after.islower() or after.isdigit()):
                continue
            abbreviation = _NO_BREAK_BEFORE.search(text[max(start, match.start() - 12) : match.start() + 1])
            opens_quote = bool(after) and after in '"\u201c'
            if (
                abbreviation
                and not opens_quote
                and text[match.start() - 3 : match.start()] not in ("a.m", "p.m")
            ):
                continue  # "Gen. Smith", "J. Doe" (but "at 9 a.m. Then ..." ends a sentence)
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the whitespace at its edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    start, end = trim(text, start, end)
    if start < end:
        spans.append((start, end))


def find_trigger(sentence: str) -> tuple[Trigger, re.Match[str]] | None:
    """The sentence's trigger and where it is: the first of TRIGGERS with a match that is not a
    generic mention ("further attacks")."""
    if not has_trigger_word(sentence) or GENERIC_STATEMENT.search(sentence):
        return None
    generic = [m.span() for m in NOT_AN_ACTION.finditer(sentence)]
    for trigger in TRIGGERS:
        if trigger.context is not None and not trigger.context.search(sentence):
            continue
        for match in trigger.pattern.finditer(sentence):
            if any(s <= match.start() < e for s, e in generic) or is_conditional(sentence, match.start()):
                continue
            return trigger, match
    return None


def first_trigger(sentence: str) -> Trigger | None:
    found = find_trigger(sentence)
    return found[0] if found else None


def is_hypothetical(sentence: str, trigger_start: int) -> bool:
    """A possible or planned action, not one that happened: "might seek to carry out attacks"."""
    return bool(MODAL.search(sentence[max(0, trigger_start - 60) : trigger_start]))


def is_conditional(sentence: str, trigger_start: int) -> bool:
    """Inside an if-clause: "charges that carry the death penalty if he is convicted"."""
    return bool(CONDITIONAL.search(sentence[max(0, trigger_start - 40) : trigger_start]))


def is_anaphoric(sentence: str, match: re.Match[str]) -> bool:
    """A definite noun pointing back at an action already reported: "support in the bombing"."""
    words = match.group(0).lower().split()
    if words[-1] not in REFERRING_NOUNS:
        return False
    if len(words) > 1:  # "the arrests", "his arrest" (the determiner is part of the trigger)
        return words[0] in ("the", "his", "her", "their", "this", "these", "those")
    return bool(DEFINITE.search(sentence[max(0, match.start() - 25) : match.start()]))


def _mentions(sentence: str) -> list[tuple[str, bool]]:
    """(subtype, anaphoric) of every trigger in the sentence, with record assembly's filters
    (generic mentions, planned or possible strikes); one per subtype, a non-anaphoric one first."""
    if GENERIC_STATEMENT.search(sentence):
        return []
    generic = [m.span() for m in NOT_AN_ACTION.finditer(sentence)]
    found: dict[str, bool] = {}
    for trigger in TRIGGERS:
        if trigger.context is not None and not trigger.context.search(sentence):
            continue
        for match in trigger.pattern.finditer(sentence):
            if any(s <= match.start() < e for s, e in generic):
                continue
            if FAMILY.get(trigger.subtype) == "strike" and is_hypothetical(sentence, match.start()):
                continue
            if is_conditional(sentence, match.start()):
                continue
            found[trigger.subtype] = found.get(trigger.subtype, True) and is_anaphoric(sentence, match)
    return list(found.items())


def detect(sentence: str) -> set[str]:
    """Subtypes of every action the sentence reports, not just the first trigger's."""
    return {subtype for subtype, _ in _mentions(sentence)}
