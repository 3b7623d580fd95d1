"""Agencies and armed groups named in the text, normalised to a canonical name, country and sector.

A phrase table, matched longest-first with word boundaries: aliases in several languages and
spellings map to one canonical entry. Short acronyms ("IS", "CGI") must be written in capitals,
so the English words they spell are not taken for them. Generic actors ("Moroccan authorities",
"Spanish and Moroccan police") get their country from the nationality adjective.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from services.extractor.events.countries import DEMONYMS
from services.extractor.events.phrases import PhraseTable

ActorKind = Literal["agency", "group"]


@dataclass(frozen=True)
class Entry:
    name: str
    kind: ActorKind
    country: str | None  # ISO 3166-1 alpha-3 (None for transnational groups)
    sector: str | None  # PLOVER sector code for agencies
    aliases: tuple[str, ...]


ENTRIES: tuple[Entry, ...] = (
    Entry(
        "Central Bureau of Judicial Investigations",
        "agency",
        "MAR",
        "COP",
        (
            "Central Bureau of Judicial Investigations",
            "Central Bureau for Judicial Investigations",
            "Central Bureau of Judicial Investigation",
            "Bureau Central d'Investigations Judiciaires",
            "BCIJ",
        ),
    ),
    Entry(
        "General Directorate for National Territorial Surveillance",
        "agency",
        "MAR",
        "SPY",
        (
            "General Directorate for National Territorial Surveillance",
            "General Directorate of Territorial Surveillance",
            "Direction Générale de la Surveillance du Territoire",
            "DGST",
        ),
    ),
    Entry(
        "General Directorate for National Security",
        "agency",
        "MAR",
        "COP",
        ("General Directorate for National Security", "Direction Générale de la Sûreté Nationale", "DGSN"),
    ),
    Entry("Royal Gendarmerie", "agency", "MAR", "COP", ("Royal Gendarmerie", "Gendarmerie Royale")),
    Entry(
        "Moroccan Ministry of Interior",
        "agency",
        "MAR",
        "GOV",
        (
            "Moroccan Ministry of Interior",
            "Moroccan Interior Ministry",
            "Morocco's Interior Ministry",
            "Moroccan Minister of Interior",
            "Moroccan Minister of the Interior",
        ),
    ),
    Entry(
        "Spanish General Information Commission",
        "agency",
        "ESP",
        "COP",
        (
            "Spanish General Information Commission",
            "General Information Commission",
            "General Commissariat of Information",
            "Comisaría General de Información",
            "CGI",
        ),
    ),
    Entry(
        "Spanish National Police",
        "agency",
        "ESP",
        "COP",
        ("Spanish National Police", "Policía Nacional", "Policia Nacional"),
    ),
    Entry("Guardia Civil", "agency", "ESP", "COP", ("Guardia Civil", "Spanish Civil Guard", "Civil Guard")),
    Entry("Mossos d'Esquadra", "agency", "ESP", "COP", ("Mossos d'Esquadra", "Mossos")),
    Entry(
        "Spanish Ministry of the Interior",
        "agency",
        "ESP",
        "GOV",
        (
            "Spanish Ministry of the Interior",
            "Spanish Interior Ministry",
            "Spain's Interior Ministry",
            "Spanish Interior Minister",
        ),
    ),
    Entry(
        "General Directorate for Internal Security",
        "agency",
        "FRA",
        "SPY",
        ("General Directorate for Internal Security", "Direction générale de la Sécurité intérieure", "DGSI"),
    ),
    Entry(
        "Islamic State",
        "group",
        None,
        None,
        (
            "Islamic State",
            "Islamic State group",
            "Islamic State organization",
            "Islamic State of Iraq and the Levant",
            "Islamic State of Iraq and Syria",
            "ISIS",
            "ISIL",
            "IS",
            "Daesh",
            "Daech",
            "Da'esh",
        ),
    ),
    Entry(
        "Islamic State Sahel Province",
        "group",
        None,
        None,
        ("Islamic State in the Greater Sahara", "Islamic State Sahel Province", "ISGS"),
    ),
    Entry(
        "al-Qaeda in the Islamic Maghreb",
        "group",
        None,
        None,
        ("al-Qaeda in the Islamic Maghreb", "Al Qaeda in the Islamic Maghreb", "AQIM"),
    ),
    Entry("al-Qaeda", "group", None, None, ("al-Qaeda", "al Qaeda", "al-Qaida", "al Qaida", "Al-Qa'ida")),
    Entry(
        "Jama'at Nasr al-Islam wal Muslimin",
        "group",
        None,
        None,
        ("Jama'at Nasr al-Islam wal Muslimin", "Group for the Support of Islam and Muslims", "JNIM"),
    ),
    Entry("Boko Haram", "group", None, None, ("Boko Haram",)),
    Entry(
        "al-Shabaab", "group", None, None, ("al-Shabaab", "al-Shabab", "al Shabaab", "al-shebab", "Shabaab")
    ),
)

NATIONALITIES = DEMONYMS
_GENERIC_NOUNS = (
    r"(?P<noun>authorities|police|security\s+services|security\s+forces|intelligence\s+services"
    r"|investigators|operation)"
)


@dataclass(frozen=True)
class ActorMention:
    text: str
    name: str
    kind: ActorKind
    country: str | None
    sector: str | None
    start: int
    end: int


def _alias_pattern(alias: str) -> str:
    escaped = re.escape(alias).replace(r"\ ", r"\s+").replace("'", "['\u2019]")
    return rf"(?<![\w-]){escaped}(?![\w-])"


_CASED: list[tuple[re.Pattern[str], Entry]] = []  # short acronyms: exact case
_UNCASED: list[tuple[str, Entry]] = []
for _entry in ENTRIES:
    for _alias in _entry.aliases:
        if _alias.isupper() and len(_alias) <= 5:
            _CASED.append((re.compile(_alias_pattern(_alias)), _entry))
        else:
            _UNCASED.append((_alias, _entry))
_ALIASES = PhraseTable(_UNCASED)
_NATION = r"(?:" + "|".join(re.escape(n) for n in NATIONALITIES) + r")"
_GENERIC_RE = re.compile(
    # "Moroccan authorities", "Spanish and Moroccan police", "a joint Moroccan-Spanish CT operation"
    rf"(?<![\w-])(?P<n1>{_NATION})(?:(?:\s+and\s+|-)(?P<n2>{_NATION}))?\s+"
    rf"(?:(?:joint|counter-?terrorism|anti-?terror(?:ism|ist)?|security|police)\s+)*{_GENERIC_NOUNS}\b",
    re.IGNORECASE,
)


def find_actors(text: str) -> list[ActorMention]:
    """Agencies and groups named in ``text``, in text order, without overlaps (longest wins)."""
    found: list[ActorMention] = []
    taken: list[tuple[int, int]] = []

    def add(entry: Entry, start: int, end: int) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(
            ActorMention(text[start:end], entry.name, entry.kind, entry.country, entry.sector, start, end)
        )

    for start, end, entry in _ALIASES.find(text):
        add(entry, start, end)
    for pattern, entry in _CASED:
        for match in pattern.finditer(text):
            add(entry, match.start(), match.end())
    for match in _GENERIC_RE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        taken.append((match.start(), match.end()))
        noun = " ".join(match["noun"].lower().split())
        noun = "authorities" if noun == "operation" else noun  # a national operation: its authorities
        for group in ("n1", "n2"):
            if match[group]:
                country = NATIONALITIES[match[group].lower()]
                name = f"{match[group].capitalize()} {noun}"
                found.append(
                    ActorMention(match.group(0), name, "agency", country, "COP", match.start(), match.end())
                )
    return sorted(found, key=lambda a: (a.start, a.name))
