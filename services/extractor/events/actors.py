"""Agencies and armed groups named in the text, normalised to a canonical name, country and sector.

Three kinds of mention, in order of trust:
- named actors from ``data/actors.toml`` (matched longest-first on whole words; short acronyms such
  as "IS" or "CGI" only in capitals, so the English words they spell are never taken for them);
- a nationality or a country with an agency noun: "Moroccan authorities", "Spanish and Moroccan
  police", "Tunisia's National Guard", "Borno State police" -- the country comes with them;
- an agency noun alone: "police", "army detachments", "the investigating judge", "prosecutors".
  Their country is not in the words; record assembly gives them the country of the event's sites.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Literal

from services.extractor.events.countries import DEMONYMS, country_mentions, nationality_mentions
from services.extractor.events.phrases import PhraseTable

ActorKind = Literal["agency", "group"]


@dataclass(frozen=True)
class Entry:
    name: str
    kind: ActorKind
    country: str | None  # ISO 3166-1 alpha-3: an agency's, or the one country a group fights in
    sector: str | None  # PLOVER sector code for agencies
    aliases: tuple[str, ...]
    seat: str | None = None  # a court's one seat: where its steps happen when the story names none


@dataclass(frozen=True)
class ActorMention:
    text: str
    name: str
    kind: ActorKind
    country: str | None
    sector: str | None
    start: int
    end: int
    generic: bool = False  # an agency noun with no country in its words ("police", "the army")
    seat: str | None = None


# Agency nouns and their PLOVER sector. Longest alternatives first.
_AGENCY_NOUNS: tuple[tuple[str, str], ...] = (
    (r"counter-?terror(?:ism|ist)?\s+(?:police|units?|forces|officers|teams?|services)", "COP"),
    (r"anti-?terror(?:ism|ist)?\s+(?:police|units?|forces|officers|teams?|services|prosecutors?)", "COP"),
    (r"security\s+(?:services|forces|agencies|apparatus)", "COP"),
    (r"intelligence\s+(?:services|agencies|officers|agents)", "SPY"),
    (r"special\s+forces", "COP"),
    (r"national\s+guard", "COP"),
    (r"(?:state\s+)?criminal\s+police", "COP"),
    (
        r"(?:federal\s+|state\s+|national\s+|judicial\s+)?police(?:\s+(?:forces?|officers|command|units?))?",
        "COP",
    ),
    (r"gendarm(?:es|erie)", "COP"),
    (r"investigators", "COP"),
    (r"authorities", "COP"),
    (r"(?:armed|defen[cs]e)\s+forces", "MIL"),
    (r"army(?:\s+(?:detachments|units|troops))?", "MIL"),
    (r"(?:military\s+)?detachments?", "MIL"),
    (r"military", "MIL"),
    (r"troops|soldiers", "MIL"),
    (r"air\s+force", "MIL"),
    (
        r"(?:interior|home)\s+ministry|ministry\s+of\s+(?:the\s+)?interior|interior\s+minister|minister\s+of\s+(?:the\s+)?interior",
        "GOV",
    ),
    (r"(?:defen[cs]e)\s+ministry|ministry\s+of\s+(?:national\s+)?defen[cs]e", "MIL"),
    (r"(?:federal\s+|public\s+|state\s+)?prosecutors?(?:'s?\s+office)?", "JUD"),
    (r"investigating\s+(?:judges?|magistrates?)", "JUD"),
    (r"(?:special\s+)?(?:assize\s+|appeals?\s+|criminal\s+|high\s+|national\s+|federal\s+)?courts?", "JUD"),
    (r"judges?|magistrates?", "JUD"),
)
_NOUN = "|".join(f"(?:{noun})" for noun, _ in _AGENCY_NOUNS)
_NOUN_RE = [(re.compile(rf"^(?:{noun})$", re.I), sector) for noun, sector in _AGENCY_NOUNS]
_NATION = r"(?:" + "|".join(re.escape(n) for n in sorted(DEMONYMS, key=len, reverse=True)) + r")"
_QUALIFIERS = (
    r"(?:(?:joint|counter-?terrorism|anti-?terror(?:ism|ist)?|security|police|federal|state|national|judicial"
    r"|local)\s+)*"
)
# "Moroccan authorities", "Spanish and Moroccan police", "a joint Moroccan-Spanish CT operation"
# After a nationality word: "[Moroccan] authorities", "[Spanish] and Moroccan police", "[Moroccan]-
# Spanish CT operation". The nationality words are found with the country table (a phrase table, one
# pass over the text); this pattern only reads what follows each of them.
_AFTER_NATION = re.compile(
    rf"(?:(?:\s+and\s+|-)(?P<n2>{_NATION}))?\s+{_QUALIFIERS}(?P<noun>{_NOUN}|operation)(?![\w-])",
    re.IGNORECASE,
)
_BARE = re.compile(rf"(?<![\w-])(?P<noun>{_NOUN})(?![\w-])", re.IGNORECASE)
# "Tunisia's National Guard", "Nigeria's army": the country named just before the noun
_POSSESSIVE = re.compile(r"['\u2019]s?\s+" + _QUALIFIERS + "$", re.IGNORECASE)


def _sector_of(noun: str) -> str:
    noun = " ".join(noun.lower().split())
    return next((sector for pattern, sector in _NOUN_RE if pattern.match(noun)), "COP")


# words of capitals and digits ("DGSI", "GSG 9", "AQIM's" up to the apostrophe), whole words only:
# "IS" never inside "IS-Somalia" or "ISIS"
_CAPITALS_RUN = re.compile(r"(?<![\w-])[A-Z0-9][A-Z0-9-]*(?:\s+[A-Z0-9][A-Z0-9-]*)*(?![\w-])")
_WORD = re.compile(r"\S+")


class ActorTable:
    """The named actors of ``data/actors.toml``, ready to match."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        cased: dict[str, Entry] = {}
        uncased: list[tuple[str, Entry]] = []
        for entry in entries:
            for alias in entry.aliases:
                if alias.isupper() and len(alias) <= 5:
                    cased.setdefault(alias, entry)
                else:
                    uncased.append((alias, entry))
        self._aliases = PhraseTable(uncased)
        # the short acronyms, matched in capitals only: runs of capitalised words are looked up, so
        # that no alternation of every acronym is tried at every character of the text
        self._cased = {" ".join(a.split()): e for a, e in cased.items()}
        self._longest_cased = max((len(a.split()) for a in self._cased), default=0)
        self._by_key = {_key(a): e for e in entries for a in (e.name, *e.aliases)}

    def canonical(self, name: str) -> Entry | None:
        """The entry a name or alias stands for ("JNIM" and "Jama'at Nusrat al-Islam wal-Muslimin" alike)."""
        return self._by_key.get(_key(name))

    def _acronyms(self, text: str) -> list[tuple[int, int, Entry]]:
        """Leftmost-longest acronyms inside each run of capitalised words ("GSG 9", "BCIJ")."""
        out: list[tuple[int, int, Entry]] = []
        for run in _CAPITALS_RUN.finditer(text):
            words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, *run.span())]
            i = 0
            while i < len(words):
                for n in range(min(self._longest_cased, len(words) - i), 0, -1):
                    known = self._cased.get(" ".join(w for _, _, w in words[i : i + n]))
                    if known is not None:
                        out.append((words[i][0], words[i + n - 1][1], known))
                        i += n
                        break
                else:
                    i += 1
        return out

    def find(self, text: str) -> list[ActorMention]:
        """Actors named in ``text``, in text order, without overlaps (longest wins)."""
        found: list[ActorMention] = []
        taken: list[tuple[int, int]] = []

        def free(start: int, end: int) -> bool:
            return all(e <= start or end <= s for s, e in taken)

        for start, end, entry in self._aliases.find(text):
            taken.append((start, end))
            found.append(_mention(text, entry, start, end))
        for start, end, known in self._acronyms(text):
            if free(start, end):
                taken.append((start, end))
                found.append(_mention(text, known, start, end))
        for n_start, n_end, code, demonym in nationality_mentions(text):
            if not demonym or not free(n_start, n_end):
                continue
            after = _AFTER_NATION.match(text, n_end)
            if after is None or not free(n_start, after.end()):
                continue
            taken.append((n_start, after.end()))
            noun = " ".join(after["noun"].lower().split())
            noun = "authorities" if noun == "operation" else noun  # a national operation: its authorities
            nations = [(text[n_start:n_end], code)]
            if after["n2"]:
                nations.append((after["n2"], DEMONYMS[after["n2"].lower()]))
            for word, nation in nations:
                found.append(
                    ActorMention(
                        text[n_start : after.end()],
                        f"{word.capitalize()} {noun}",
                        "agency",
                        nation,
                        _sector_of(noun),
                        n_start,
                        after.end(),
                    )
                )
        countries = country_mentions(text)
        for match in _BARE.finditer(text):
            if not free(match.start(), match.end()):
                continue
            taken.append(match.span())
            noun = " ".join(match["noun"].split())
            before = text[max(0, match.start() - 40) : match.start()]
            owner = _POSSESSIVE.search(before)
            country: str | None = None
            if owner is not None:  # "Tunisia's National Guard"
                end = match.start() - len(owner.group(0))
                country = next((c for s, e, c in countries if e == end), None)
            found.append(
                ActorMention(
                    noun,
                    noun if noun[:1].isupper() else noun.lower(),
                    "agency",
                    country,
                    _sector_of(noun),
                    match.start(),
                    match.end(),
                    generic=country is None,
                )
            )
        return sorted(found, key=lambda a: (a.start, a.name))


def _mention(text: str, entry: Entry, start: int, end: int) -> ActorMention:
    return ActorMention(
        text[start:end], entry.name, entry.kind, entry.country, entry.sector, start, end, seat=entry.seat
    )


def _key(name: str) -> str:
    return " ".join(re.sub(r"[\u2019'`-]", " ", name.lower()).split())


def load(source: str) -> ActorTable:
    data = tomllib.loads(source)
    entries = [
        Entry(e["name"], "agency", e.get("country"), e.get("sector"), tuple(e["aliases"]), e.get("seat"))
        for e in data.get("agency", [])
    ]
    entries += [
        Entry(e["name"], "group", e.get("home"), None, tuple(e["aliases"])) for e in data.get("group", [])
    ]
    return ActorTable(entries)


@lru_cache(maxsize=1)
def default_actors() -> ActorTable:
    """The shipped table, loaded once per process."""
    return load((files("services.extractor.events") / "data" / "actors.toml").read_text(encoding="utf-8"))


def find_actors(text: str) -> list[ActorMention]:
    return default_actors().find(text)
