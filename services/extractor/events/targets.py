"""Who or what an action was done to: the people arrested, the place or people attacked.

Without a parser, the noun phrase a trigger takes is found from the words around it:
- after an active verb, its object: "police arrested [12 people]", "gunmen attacked [Camp Shorabak]";
- before a passive one, its subject: "[she] was arrested", "[Hector Da Costa] was also detained";
- after an action noun, its complement: "the arrest of [five men]", "attacks on [security forces]";
- after a verb of aiming, its object: "the explosion targeted [a bakery]".
A phrase ends at punctuation, a preposition, a conjunction or an auxiliary, and has at most
MAX_WORDS words; its head is its last word. Lists are split ("[Eva Forest], [Lidia Falcón] and
[Antonio Durán] were arrested").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.extractor.events.lexicon import Hit

MAX_WORDS = 6
_TOKEN = re.compile(r"[\w\u00c0-\u024f'\u2019-]+|[^\w\s]")
_STOP = frozenset(
    "in on at for from with after before during near by to into over under since as about against through "  # noqa: SIM905
    "across outside inside within without between among behind beyond upon toward towards via per amid "
    "and or but nor while when where who whom whose which that because although though if unless than "
    "was were is are be been being am has have had having will would shall should could can may might must "
    "did do does said says told according also reportedly allegedly later then now still not never "
    "yesterday today tonight".split()
)
_NOT_A_PHRASE = frozenset(
    "there here out off up down away back dead himself herself themselves itself it them him her one".split()  # noqa: SIM905
)
_LEADING = frozenset("the a an his her their its this that these those some several".split())  # noqa: SIM905
_PASSIVE_AUX = re.compile(
    r"(?:\b(?:was|were|been|being|is|are|got|get)\s+(?:[a-z]+ly\s+|also\s+|then\s+|later\s+|subsequently\s+)*)$",
    re.I,
)
_NOUN_COMPLEMENT = re.compile(r"^\s+(?:of|on|against|targeting|at)\s+", re.I)
_INTO = re.compile(r"\s+(?:into|on|upon|at)\s+", re.I)
_DEVICE = re.compile(r"(?:detonat|explod|went\s+off|gone\s+off|blew|blown|set\s+off)", re.I)
_AIMING = re.compile(r"\b(?:targeted|targeting|hit|struck|attacked|on|against)\s+$", re.I)


@dataclass(frozen=True)
class Phrase:
    start: int
    end: int
    head_start: int
    head_end: int


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, start, end)]


def _is_stop(token: str) -> bool:
    return token.lower() in _STOP or not token[:1].isalnum()


def _phrase(tokens: list[tuple[int, int, str]]) -> Phrase | None:
    while tokens and tokens[0][2].lower() in _LEADING:
        tokens = tokens[1:]
    if not tokens or not tokens[-1][2][:1].isalnum():
        return None
    if len(tokens) == 1 and (tokens[0][2].lower() in _NOT_A_PHRASE or tokens[0][2].lower().endswith("ly")):
        return None  # "exploded there", "blew himself up", "shot him dead": no object named
    head = tokens[-1]
    return Phrase(tokens[0][0], head[1], head[0], head[1])


def after(text: str, position: int, end: int) -> list[Phrase]:
    """The phrase that starts at ``position``, and the phrases listed with it ("12 people, seven
    women and five men")."""
    phrases: list[Phrase] = []
    run: list[tuple[int, int, str]] = []
    for start, stop, token in _tokens(text, position, end):
        if token in (",", "and", "And"):
            if run and (phrase := _phrase(run)) is not None:
                phrases.append(phrase)
            run = []
            if not phrases:
                break  # nothing before the comma: the object is not here
            continue
        if _is_stop(token) or len(run) >= MAX_WORDS:
            break
        run.append((start, stop, token))
    if run and (phrase := _phrase(run)) is not None:
        phrases.append(phrase)
    return phrases[:8]


def before(text: str, position: int, start: int) -> Phrase | None:
    """The phrase that ends just before ``position`` (a passive verb's subject)."""
    tokens = _tokens(text, start, position)
    run: list[tuple[int, int, str]] = []
    for token in reversed(tokens):
        if _is_stop(token[2]) or len(run) >= MAX_WORDS:
            break
        run.insert(0, token)
    return _phrase(run)


def participants(text: str, sentence: tuple[int, int], hit: Hit) -> list[Phrase]:
    """The phrases a trigger acts on, in its sentence."""
    s_start, s_end = sentence
    left = text[s_start : hit.start]
    if hit.rule.form == "noun":
        complement = _NOUN_COMPLEMENT.match(text, hit.end)
        if complement is not None:
            return after(text, complement.end(), s_end)
        aiming = re.search(
            r"\b(?:targeted|targeting|hit|struck|aimed|directed)\s+(?:at\s+|on\s+|against\s+)?",
            text[hit.end : min(s_end, hit.end + 60)],
        )
        if aiming is not None:
            return after(text, hit.end + aiming.end(), s_end)
        return []
    passive = _PASSIVE_AUX.search(left)
    if passive is not None and _DEVICE.match(hit.text):
        return []  # "bombs were detonated": the subject is the device, not what it struck
    if passive is not None:
        found = before(text, s_start + passive.start(), s_start)
        return [found] if found is not None else []
    start = hit.end
    into = _INTO.match(text, start)
    if into is not None and hit.rule.family == "violence":
        start = into.end()  # "crashed into a foot patrol", "fired on the convoy"
    return after(text, start, s_end)
