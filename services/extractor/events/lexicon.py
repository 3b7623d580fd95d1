"""The trigger lexicon (``data/triggers.toml``): which words report which action.

Kept as data so that a new paraphrase ("rolled up a network") is one line in a table with its
guards, not a change to code. The table is compiled once per process (:func:`default_lexicon`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Literal

Form = Literal["verb", "noun"]
NEAR_WORDS = 6  # how far a "near" guard looks on each side of the trigger, in words
_WORD = re.compile(r"[\w'\u2019-]+")
# Nouns an action noun can modify ("repatriation flights"): then the phrase names another thing.
_MODIFIER = re.compile(
    r"\s+(?:flights?|cent(?:re|er)s?|programmes?|programs?|polic(?:y|ies)|orders?|laws?|process|proceedings|measures?"
    r"|agreements?|deals?|warrants?|requests?|procedures?|camps?|rules?|powers?|hearings?|teams?|squads?|units?"
    r"|plans?|threats?|risk|alerts?|levels?|figures|statistics|totals|tallies|records?|rates?|lists?)\b"
)


@dataclass(frozen=True)
class TriggerRule:
    subtype: str
    family: str  # what can be one real-world event: "operation", "court", "removal", "violence", ...
    event_type: str
    modes: tuple[str, ...]
    form: Form
    pattern: re.Pattern[str]
    context: re.Pattern[str] | None
    near: re.Pattern[str] | None
    not_near: tuple[re.Pattern[str], ...]
    order: int
    reference_only: bool = False  # joins an action already reported, never reports a new one
    not_after: re.Pattern[str] | None = None  # the thing the verb is said of ("a statement ... released")


@dataclass(frozen=True)
class Hit:
    """One trigger in one sentence; offsets are of the whole text."""

    rule: TriggerRule
    start: int
    end: int
    text: str

    @property
    def subtype(self) -> str:
        return self.rule.subtype

    @property
    def family(self) -> str:
        return self.rule.family


class Lexicon:
    def __init__(self, rules: list[TriggerRule], classes: dict[str, re.Pattern[str]]) -> None:
        self.rules = rules
        self.classes = classes
        # One pass per sentence skips those with no trigger at all (most of them). The word
        # boundaries are tested once per position, not once per rule: four times faster, the
        # same sentences (every rule's pattern is bounded(its body)).
        self._gate = re.compile(bounded("|".join(f"(?:{_body(r.pattern)})" for r in rules)))

    def has_trigger_word(self, lowered: str) -> bool:
        return self._gate.search(lowered) is not None

    def hits(self, text: str, start: int, end: int) -> list[Hit]:
        """Triggers of ``text[start:end]`` (one sentence), leftmost first, without overlaps."""
        lowered = text[start:end].lower()
        if not self.has_trigger_word(lowered):
            return []
        found: list[tuple[int, int, TriggerRule]] = []
        for rule in self.rules:
            if rule.context is not None and not rule.context.search(lowered):
                continue
            for m in rule.pattern.finditer(lowered):
                if rule.form == "noun" and _MODIFIER.match(lowered, m.end()):
                    continue  # "repatriation flights", "arrest warrant", "a removal order": another thing
                if _guarded(rule, lowered, m.start(), m.end()):
                    found.append((m.start(), m.end(), rule))
        chosen: list[tuple[int, int, TriggerRule]] = []
        for s, e, rule in sorted(found, key=lambda f: (-(f[1] - f[0]), f[2].order)):
            if all(e <= cs or s >= ce for cs, ce, _ in chosen):
                chosen.append((s, e, rule))
        return [Hit(rule, start + s, start + e, text[start + s : start + e]) for s, e, rule in sorted(chosen)]


_BEFORE, _AFTER = r"(?<![\w-])(?:", r")(?![\w-])"


def bounded(body: str) -> str:
    """A trigger pattern: ``body`` as whole words (a hyphen joins words: "re-arrested" is one)."""
    return f"{_BEFORE}{body}{_AFTER}"


def _body(pattern: re.Pattern[str]) -> str:
    source = pattern.pattern
    if not (source.startswith(_BEFORE) and source.endswith(_AFTER)):
        raise ValueError(f"a trigger pattern must be bounded(): {source!r}")
    return source[len(_BEFORE) : -len(_AFTER)]


def _guarded(rule: TriggerRule, lowered: str, start: int, end: int) -> bool:
    if rule.not_after is not None and _said_of(rule.not_after, lowered, start):
        return False
    if rule.near is None and not rule.not_near:
        return True
    window = _window(lowered, start, end)
    if rule.near is not None and not rule.near.search(window) and not _passive_of(rule.near, lowered, start):
        return False
    return not any(p.search(window) for p in rule.not_near)


_PEOPLE_WORD = re.compile(
    r"\b(?:people|persons?|m[ae]n|wom[ae]n|hostages?|suspects?|detainees?|prisoners?|captives?"
    r"|girls?|boys?|children|students?|workers?|he|she|they|him|her|them|\d+)\b"
)


_PASSIVE_CHAIN = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?$")
_CLAUSE_CUT = re.compile(r"[;:]|,\s+(?:and|but|while|who|which)\b")


def _passive_of(klass: re.Pattern[str], lowered: str, start: int) -> bool:
    """A passive verb whose subject, the first words of its clause, is of ``klass``: the people a
    verb acts on stand there however long the phrase after them ("More than 130 pupils kidnapped
    from a school in Kuriga, in Kaduna state, have been released")."""
    if not _PASSIVE_CHAIN.search(lowered[:start]):
        return False
    clause_start = max((m.end() for m in _CLAUSE_CUT.finditer(lowered, 0, start)), default=0)
    words = list(_WORD.finditer(lowered, clause_start, start))[:NEAR_WORDS]
    return bool(words) and klass.search(lowered, words[0].start(), words[-1].end()) is not None


def _said_of(klass: re.Pattern[str], lowered: str, start: int) -> bool:
    """A word of ``klass`` earlier in the trigger's clause, with no people after it: the verb is said
    of that thing ("according to a statement from the DGSN released on Thursday")."""
    clause = lowered[:start]
    cut = max((m.end() for m in re.finditer(r"[,;:]", clause)), default=0)
    found = list(klass.finditer(clause, cut))
    return bool(found) and not _PEOPLE_WORD.search(clause, found[-1].end())


def _window(lowered: str, start: int, end: int) -> str:
    before = [m.start() for m in _WORD.finditer(lowered, 0, start)]
    after = [m.end() for m in _WORD.finditer(lowered, end)]
    left = before[-NEAR_WORDS] if len(before) >= NEAR_WORDS else 0
    right = after[NEAR_WORDS - 1] if len(after) >= NEAR_WORDS else len(lowered)
    return lowered[left:right]


def load(source: str) -> Lexicon:
    data = tomllib.loads(source)
    classes = {name: re.compile(pattern) for name, pattern in data["classes"].items()}

    def klass(name: str | None) -> re.Pattern[str] | None:
        return classes[name] if name else None

    rules = []
    for order, entry in enumerate(data["trigger"]):
        not_near = entry.get("not_near", [])
        rules.append(
            TriggerRule(
                subtype=entry["subtype"],
                family=entry["family"],
                event_type=entry["event_type"],
                modes=tuple(entry.get("modes", ())),
                form=entry.get("form", "verb"),
                pattern=re.compile(bounded(entry["pattern"])),
                context=klass(entry.get("context")),
                near=klass(entry.get("near")),
                not_near=tuple(classes[n] for n in ([not_near] if isinstance(not_near, str) else not_near)),
                order=order,
                reference_only=entry.get("reference_only", False),
                not_after=klass(entry.get("not_after")),
            )
        )
    return Lexicon(rules, classes)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped table, compiled once per process."""
    return load((files("services.extractor.events") / "data" / "triggers.toml").read_text(encoding="utf-8"))
