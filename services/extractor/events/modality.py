"""Whether a trigger reports an action that happened, and whether it refers back to one.

A trigger word is only an event when the clause around it asserts that the action took place.
Everything here reads the words just before the trigger (its verb chain and the clause's start):
- negated: "have not yet been charged", "No other person has been arrested", "made no mention of";
- future or intended: "will be brought", "is due to be", "planned to attack", "to carry out attacks";
- hypothetical: "if he is convicted", "Had the plan gone ahead", "could have relived";
- generic: "suspects are arrested according to the law", "usually", "as soon as", "in earlier cases";
- claimed: "JNIM claimed to have killed 200 soldiers" (a claim is not a report of the act).
Reported speech ("the ministry said") and hedges ("reportedly") keep the event, with that factuality.
"""

from __future__ import annotations

import re
from typing import Literal

from services.extractor.events.lexicon import Hit

Modality = Literal[
    "asserted", "reported", "hedged", "negated", "future", "hypothetical", "generic", "claimed"
]
REAL: frozenset[str] = frozenset({"asserted", "reported", "hedged"})

# Words that can stand between a subject or modal and the trigger: auxiliaries and adverbs.
_CHAIN = re.compile(
    r"(?:\b(?:have|has|had|having|be|been|being|was|were|is|are|get|got|gets|also|already|just|reportedly"
    r"|allegedly|then|now|subsequently|later|finally|successfully|jointly|simultaneously|eventually|all"
    r"|both|each|too|again|once|first|reportedly|quickly|swiftly|immediately|briefly|still|[a-z]+ly)\s+)*$",
    re.I,
)
_NEGATION_IN_CHAIN = re.compile(r"\b(?:not|never|n't|no\s+longer|nor)\b", re.I)
_NEGATIVE_SUBJECT = re.compile(
    r"\b(?:no|none\s+of|neither|nobody|no\s+one|nothing|without|any)\s+(?:[\w-]+\s+){0,4}$", re.I
)
_DENIED_THAT = re.compile(
    r"\b(?:denied|denies|deny|rejected|dismissed)\s+(?:(?:the|any|all)\s+)?(?:\w+\s+)?(?:reports?|claims?|allegations?"
    r"|accounts?|accusations?)\s+that\b[^.;]*$",
    re.I,
)
_NEGATIVE_VERB = re.compile(
    r"\b(?:denied|denies|deny|refused\s+to|failed\s+to|fail\s+to|made\s+no\s+mention\s+of|did\s+not\s+say"
    r"|would\s+not\s+say|has\s+not\s+said|ruled\s+out|no\s+sign\s+of|no\s+evidence\s+of|not\s+been\s+able\s+to"
    r"|could\s+not\s+be|cannot\s+be|was\s+not|were\s+not|is\s+not|are\s+not|no\s+(?:other\s+)?(?:\w+\s+)?(?:had|has|have|was|were))\b"
    r"[^.;]{0,40}$",
    re.I,
)
_NOT_LINKED_TO = re.compile(
    r"\b(?:not|no\s+longer|never)\s+(?:been\s+)?(?:linked|related|connected|tied)\s+to\s+(?:the|a|an|any)\s+(?:[\w-]+\s+)?$",
    re.I,
)
# Case-sensitive: "may" the verb, not "May 16".
_MODAL = re.compile(
    r"\b(?:[Ww]ill|[Ww]ould|[Ss]hall|[Cc]ould|[Mm]ight|may|[Ss]hould|[Mm]ust|[Cc]an|[Cc]annot|ca)\s+(?:not\s+)?$"
)
_INTENT_TO = re.compile(
    r"\b(?:plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|aim(?:s|ed|ing)?|seek(?:s|ing)?|sought|tr(?:y|ies|ied|ying)"
    r"|attempt(?:s|ed|ing)?|want(?:s|ed)?|threat(?:en(?:s|ed|ing)?)?|prepar(?:e|es|ed|ing)|ready|order(?:s|ed)?"
    r"|in\s+order|so\s+as|due|expected|set|scheduled|likely|going|about|is|are|was|were|hope[sd]?|vow(?:s|ed)?"
    r"|call(?:s|ed)?\s+for|urg(?:e|es|ed)|pledg(?:e|es|ed)|decid(?:e|es|ed)|agree[sd]?|bid|efforts?|request(?:ed)?"
    r"|allowed|permission|authori[sz]ed|power|right|need(?:s|ed)?|demand(?:s|ed)?|promis(?:e|es|ed))"
    r"\s+to\s+(?:be\s+|have\s+been\s+)?$",
    re.I,
)
_BARE_TO = re.compile(r"\bto\s+(?:be\s+|have\s+been\s+)?$", re.I)
# "succeeded ... to dismantle", "managed to arrest": the infinitive of an accomplished action
_ACCOMPLISHED = re.compile(r"\b(?:succeed(?:ed|s)?|managed|were\s+able|was\s+able|helped|went\s+on)\b", re.I)
_HYPOTHETICAL = re.compile(
    r"(?:\b(?:if|unless|whether|in\s+case|lest)\b|(?:^|[,;]\s*)[Hh]ad\s+(?:the|they|he|she|it)\b|\b(?:could|would|might|may)\s+have\b"
    r"|\b(?:once|until|when)\s+(?:he|she|they|it)\s+(?:has|have|is|are)\b)",
)
_PLANNED_NOUN = re.compile(
    r"\b(?:prepar(?:e|ing|ed)|plan(?:ning|ned|s)?|plott(?:ing|ed)|plots?\s+to|intend\w*|imminent|possible|potential"
    r"|future|further|new|more|any|prevent\w*|foil\w*|thwart\w*|avert\w*|threat\s+of|threats\s+of|risk\s+of"
    r"|fears?\s+of|danger\s+of|conspiracy\s+to|aimed\s+at|calls?\s+for|target\s+of|carry\s+out|commit|perpetrate|stage"
    r"|launch|mount|against\s+such|warned\s+of|warning\s+of)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
# verbs whose gerund object is an idea: "discussed attacking", "considered kidnapping"
_ENTERTAINED = re.compile(
    r"\b(?:discuss(?:ed|es|ing)?|consider(?:ed|s|ing)?|contemplat(?:ed|es|ing)|envisag(?:ed|es|ing)"
    r"|talk(?:ed|s|ing)?\s+about|thought\s+about|think(?:s|ing)?\s+about|dream(?:ed|t|s)?\s+(?:of|about)"
    r"|fantasi[sz](?:ed|es|ing)\s+about|plann?(?:ed|ing|s)?|propos(?:ed|es|ing)|suggest(?:ed|s|ing)|urg(?:ed|es|ing))"
    r"\s+(?:[a-z]+ly\s+)?$",
    re.I,
)
_GENERIC = re.compile(
    r"\b(?:usually|often|routinely|regularly|frequently|typically|generally|normally|sometimes|always|rarely"
    r"|every\s+time|whenever|as\s+soon\s+as|tends?\s+to|anyone|whoever|those\s+who|any\s+person|people\s+who"
    r"|in\s+(?:earlier|previous|past|other|similar)\s+cases|in\s+the\s+past(?!\s+(?:[\w-]+\s+)?(?:years?|months?|weeks?|days?|decades?)\b)|according\s+to\s+(?:the\s+)?(?:\w+\s+){0,3}law"
    r"|under\s+(?:\w+\s+){0,2}law|can\s+be|may\s+be)\b",
    re.I,
)
_PRESENT_PASSIVE = re.compile(r"\b(?:is|are)\s+(?:\w+ly\s+)?$", re.I)
_CLAIM = re.compile(r"\bclaim(?:ed|s|ing)?\s+(?:to\s+have|responsibility|that|it\s+had)\b[^.;]*$", re.I)
_HEDGE = re.compile(
    r"\b(?:allegedly|reportedly|is\s+said\s+to|are\s+said\s+to|believed\s+to\s+have|thought\s+to\s+have"
    r"|suspected\s+of\s+having|unconfirmed)\b",
    re.I,
)
_REPORTED = re.compile(
    r"\b(?:said|says|according\s+to|reported|reporting|stated|announced|told|added)\b", re.I
)
# The clause a trigger is in starts after the last of these before it.
_CLAUSE_START = re.compile(
    r"[;:\u2014\u2013]|\s-\s|,\s+(?:but|while|whereas|although|though)\b|\b(?:but|although|though|whereas)\b"
)

# the determiner of the trigger's own noun phrase: no preposition between ("the same day as
# coordinated attacks" is not a definite reference to attacks)
_DEFINITE = re.compile(
    r"(?:\b(?:the|this|that|these|those|its|their|his|her|our|such)\s+|['\u2019]s\s+)"
    r"(?:(?!(?:as|than|like)\b)[\w,'\u2019-]+\s+){0,4}$",
    re.I,
)
# "the nine people detained during the night", "those arrested", "the women arrested in Spain"
_REDUCED_RELATIVE = re.compile(
    r"\b(?:those|(?:the|a|an|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:suspects?|men|women|people|persons|individuals|detainees|pair|two|three|four|five|six|seven|eight|nine|ten"
    r"|\d+|others?|ones?|frenchman|man|woman|minors?|workers|girls|schoolgirls|students|hostages|tourists|nationals"
    r"|citizens|passengers|villagers|soldiers|officers|pupils|children|schoolchildren|boys|worshippers|churchgoers|parishioners"
    r"|congregants|farmers|travell?ers|traders|herders|fishermen|cells?|networks?|groups?|rings?"
    # one person described the same way: "A German aid worker kidnapped in Niamey in April was freed"
    r"|worker|student|tourist|national|citizen|journalist|engineer|teacher|priest|nun|missionary|farmer|trader"
    r"|passenger|soldier|officer|villager|hostage|girl|boy|child|pupil|teenager|youth|nurse|doctor|contractor))\s+(?:\w+ly\s+)?$"
    # "Weapons seized during the raids were displayed", "the explosives found in the flat"
    r"|(?:^|\b(?:the|these|those|\d+)\s+)(?:[\w-]+\s+){0,2}?(?:weapons|arms|explosives|materials|documents|devices"
    r"|phones|computers|laptops|equipment|items|objects|cash|money|drugs|vehicles|cars|rifles|guns|knives)\s+$",
    re.I,
)
# "The 20-year-old Egyptian detained by anti-terrorism officers": a nationality standing for a person
_NATIONAL_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|\d+|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive)\s+(?:[\w-]+\s+){0,2}?"
    r"[A-Z][a-z]+(?:ians?|ans?|ese|ish|i)\s+$"  # not "-is": Paris, Tunis
)
_DETERMINER_JUST_BEFORE = re.compile(r"\b(?:the|this|that|his|her|their|its)\s+$|['\u2019]s\s+$", re.I)
_LEADING_NUMBER = re.compile(r"\b(?:the|these|those)\s+\d[\d,]*\s+$", re.I)


_CLAUSE_END = re.compile(r"[;:\u2014\u2013]|\s-\s|,\s+(?:but|while|whereas|although|though|and)\b")
_GERUND_CONTEXT = re.compile(
    r"(?:\b(?:for|of|by|about|without|towards|at)\s+(?:\w+ly\s+)?\w+ing\b[^,;]*|\b(?:for|of|by|about|without|towards|at)\s+)$",
    re.I,
)
_BARE_PLURAL_BEFORE = re.compile(
    # a bare plural has no determiner: "Two of the suspects were held" is a part of people met before
    r"\b(?:of|for|on|to|with|by|against|among)\s+(?:(?!(?:the|these|those|their|its|his|her)\b)[a-z-]+\s+)?"
    r"(?:nationals|people|men|women|migrants|prisoners"
    r"|convicts|suspects|individuals|persons|foreigners|citizens|extremists|jihadists|militants|fighters)\s+$"
)
# "a plan to collect weapons hidden in Europe for attacks on ...": what a plan's means were for
_PLAN_FOR = re.compile(
    r"\b(?:plan|plans|plot|plots|scheme|conspiracy|intention)\s+to\b[^;]{0,120}\bfor\s+(?:[\w-]+\s+)?$", re.I
)
_NUMBER_OF = re.compile(r"\b(?:number|total|tally|count)\s+of\s+(?:[a-z-]+\s+){1,2}$", re.I)
_PRESENT_COPULA = re.compile(
    r"^(?:\s+[\w-]+){0,6}?\s+(?:is|are|does\s+not|do\s+not|remains?|requires?|means|have\s+become|has\s+become)\b",
    re.I,
)
_HOSPITAL = re.compile(r"\s+(?:in|at)\s+(?:the\s+|a\s+)?(?:hospital|clinic)\b", re.I)
_QUESTION = re.compile(r"\b(?:how\s+many|how\s+often|whether|who\s+if\s+anyone)\b", re.I)


def clause_after(sentence: str, offset: int) -> str:
    """The words of the trigger's clause after it."""
    end = _CLAUSE_END.search(sentence, offset)
    return sentence[offset : end.start() if end else len(sentence)]


def clause_before(sentence: str, offset: int) -> str:
    """The words of the trigger's clause before it (from the clause's start to ``offset``)."""
    left = sentence[:offset]
    starts = [m.end() for m in _CLAUSE_START.finditer(left)]
    return left[starts[-1] :] if starts else left


def modality(sentence: str, hit: Hit, sentence_start: int) -> Modality:
    """What the clause says about the trigger's action (``hit`` offsets are of the whole text)."""
    offset = hit.start - sentence_start
    left = sentence[:offset]
    clause = clause_before(sentence, offset)
    chain = _CHAIN.search(left)
    chain_start = chain.start() if chain else len(left)
    chain_text = left[chain_start:]
    before_chain = left[:chain_start]
    if _NEGATION_IN_CHAIN.search(chain_text) or _NEGATION_IN_CHAIN.search(before_chain[-12:]):
        return "negated"
    if _DENIED_THAT.search(left):
        return "negated"  # "denied reports that its soldiers had detained 100 men in raids": all of it
    # "the arrest was not linked to the arrest of two men in May": the link is denied, not the arrest
    denied_link = bool(_NOT_LINKED_TO.search(left[-60:]))
    if not denied_link and (
        _NEGATIVE_VERB.search(clause) or (hit.rule.form == "noun" and _NEGATIVE_SUBJECT.search(clause[-60:]))
    ):
        return "negated"
    if hit.rule.form == "verb" and _NEGATIVE_SUBJECT.search(_subject_span(clause)):
        return "negated"
    if _MODAL.search(before_chain):
        return "future"
    if _INTENT_TO.search(left[-60:]):
        return "future"
    # "to arrest" is an infinitive, "led to arrests" a preposition before what happened
    if hit.rule.form != "noun" and _BARE_TO.search(left[-20:]) and not _ACCOMPLISHED.search(left):
        return "future"
    if hit.text.lower().endswith("ing") and _ENTERTAINED.search(left[-40:]):
        return "hypothetical"  # "had discussed attacking churches": an idea, not an action
    if hit.rule.form == "noun" and (_PLANNED_NOUN.search(left[-50:]) or _PLAN_FOR.search(clause)):
        return "hypothetical"
    if _HYPOTHETICAL.search(clause[-80:]):
        return "hypothetical"
    if _CLAIM.search(left):
        return "claimed"
    if hit.rule.form == "noun" and re.search(r"\bsimilar\s+$", left[-9:], re.I):
        return "generic"  # "in a similar operation": a kind of action named for comparison
    if _HOSPITAL.match(sentence, hit.end - sentence_start):
        return "generic"  # "detained in hospital": kept for treatment, not arrested
    if _GENERIC.search(clause) or _GENERIC.search(clause_after(sentence, hit.end - sentence_start)):
        return "generic"
    if hit.rule.form == "verb" and _PRESENT_PASSIVE.search(left[-20:]):
        return "generic"
    if hit.text.lower().endswith("ing") and _GERUND_CONTEXT.search(clause):
        return "generic"  # "a reputation for acting swiftly to break up cells and arresting those involved"
    if (
        hit.rule.form == "verb"
        and _BARE_PLURAL_BEFORE.search(left[-40:])
        and not _NUMBER_OF.search(left[-50:])  # "the number of people detained ... rises to 61": a total
    ):
        return "generic"  # "accepted only a trickle of nationals expelled after serving prison terms"
    if (
        hit.rule.form == "noun"
        and _PRESENT_COPULA.match(sentence[hit.end - sentence_start :])
        and (not left.strip() or (hit.text.lower().endswith("s") and not _DEFINITE.search(left[-40:])))
    ):
        # "Expulsion ... is an administrative measure", "kidnappings and violence are commonplace"
        return "generic"
    if _QUESTION.search(clause):
        return "hypothetical"
    if _HEDGE.search(sentence):
        return "hedged"
    return "reported" if _REPORTED.search(sentence) else "asserted"


def _subject_span(clause: str) -> str:
    """The last few words of the clause before its verb chain: where "No other person" would be."""
    chain = _CHAIN.search(clause)
    head = clause[: chain.start()] if chain else clause
    return head[-40:]


# "scores of kidnapped schoolgirls", "the abducted girls": a participle used as an adjective
_ADJECTIVAL = re.compile(
    r"\s+(?:(?!(?:a|an|the|his|her|their|its|two|three|four|five|six|seven|eight|nine|ten|\d+|some|several|dozens|more)\b)"
    r"[a-z-]+\s+)?(?:girls|schoolgirls|students|pupils|children|boys|women|men|hostages|people|persons|suspects"
    r"|weapons|arms|items|goods|villagers|passengers|victims|extremists|terrorists|jihadists|militants|criminals"
    r"|prisoners|inmates|offenders|cells|networks|groups|plots|attacks|workers|staff|soldiers|officers|journalists"
    r"|tourists|nationals|citizens|crew|sailors|fishermen|engineers|teachers|priests|missionaries|farmers|herders"
    r"|traders|worshippers|travell?ers|nurses|doctors|contractors)\b"
)
_ADJECTIVAL_BEFORE = re.compile(
    r"(?:^|\b(?:the|these|those|of|his|her|their|its|other|remaining|for|with|to|by|among|from|against|on|as|including"
    r"|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds)|['\u2019]s)\s*$",
    re.I,
)


def is_adjectival(sentence: str, hit: Hit, sentence_start: int) -> bool:
    """A participle used as an adjective: "scores of kidnapped schoolgirls", "Seized weapons are shown"."""
    if hit.rule.form != "verb" or not hit.text.lower().endswith("ed") or " " in hit.text:
        return False
    left = sentence[: hit.start - sentence_start]
    right = sentence[hit.end - sentence_start :]
    return bool(_ADJECTIVAL.match(right) and _ADJECTIVAL_BEFORE.search(left[-20:]))


_OBJECT_AFTER = re.compile(
    r"\s+(?:a|an|the|his|her|their|its|two|three|four|five|six|seven|eight|nine|ten|\d+|some|several|dozens|him|them)\b",
    re.I,
)


def is_reduced_relative(sentence: str, hit: Hit, sentence_start: int) -> bool:
    """ "the Frenchman detained in Marseille", "twelve aid workers kidnapped in December": people
    described by an action done to them earlier."""
    if hit.rule.form != "verb" or _OBJECT_AFTER.match(sentence, hit.end - sentence_start):
        return False  # "a group attacked a hotel": a verb with its object is the clause's own
    left = sentence[: hit.start - sentence_start][-60:]
    return bool(_REDUCED_RELATIVE.search(left) or _NATIONAL_BEFORE.search(left))


def is_anaphoric(sentence: str, hit: Hit, sentence_start: int) -> bool:
    """A definite noun pointing back at an action already reported ("the arrests", "Thursday's
    operation", "the 44 arrests"), or a participle describing people already introduced ("those
    arrested", "the nine persons detained during the night", "scores of kidnapped schoolgirls")."""
    left = sentence[: hit.start - sentence_start]
    if is_adjectival(sentence, hit, sentence_start):
        return True
    if hit.rule.form == "noun" or (
        hit.text.lower().endswith("ing") and _DETERMINER_JUST_BEFORE.search(left[-16:])
    ):
        words = hit.text.lower().split()
        if words[0] in ("the", "this", "that", "these", "those", "his", "her", "their", "its"):
            return True
        return bool(_DEFINITE.search(left[-40:]) or _LEADING_NUMBER.search(left[-20:]))
    return bool(_REDUCED_RELATIVE.search(left[-60:]))
