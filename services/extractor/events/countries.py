"""Countries named in text, by name or nationality adjective, as ISO 3166-1 alpha-3 codes.

Names come from pycountry (official short and common names); the nationality adjectives and the
usual English short forms pycountry lacks ("Syria", "Iran", "the US") are a hand list, since no
maintained package ships demonyms. Used for the country context of an article and of a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from services.extractor.events.phrases import PhraseTable

# Adjective (and plural noun) -> alpha-3. Lower-case; matched case-insensitively on word boundaries.
DEMONYMS: dict[str, str] = {
    "afghan": "AFG",
    "algerian": "DZA",
    "american": "USA",
    "belgian": "BEL",
    "british": "GBR",
    "burkinabe": "BFA",
    "cameroonian": "CMR",
    "chadian": "TCD",
    "danish": "DNK",
    "dutch": "NLD",
    "egyptian": "EGY",
    "emirati": "ARE",
    "french": "FRA",
    "german": "DEU",
    "greek": "GRC",
    "indian": "IND",
    "indonesian": "IDN",
    "iranian": "IRN",
    "iraqi": "IRQ",
    "irish": "IRL",
    "israeli": "ISR",
    "italian": "ITA",
    "jordanian": "JOR",
    "kenyan": "KEN",
    "lebanese": "LBN",
    "libyan": "LBY",
    "malian": "MLI",
    "mauritanian": "MRT",
    "moroccan": "MAR",
    "mozambican": "MOZ",
    "nigerian": "NGA",
    "nigerien": "NER",
    "pakistani": "PAK",
    "palestinian": "PSE",
    "portuguese": "PRT",
    "russian": "RUS",
    "saudi": "SAU",
    "senegalese": "SEN",
    "somali": "SOM",
    "spanish": "ESP",
    "spaniard": "ESP",
    "sudanese": "SDN",
    "swedish": "SWE",
    "swiss": "CHE",
    "syrian": "SYR",
    "tunisian": "TUN",
    "turkish": "TUR",
    "ukrainian": "UKR",
    "yemeni": "YEM",
    "austrian": "AUT",
    "polish": "POL",
    "norwegian": "NOR",
    "finnish": "FIN",
    "bangladeshi": "BGD",
    "filipino": "PHL",
    "chinese": "CHN",
    "u.s.": "USA",
}
SHORT_NAMES: dict[str, str] = {
    "syria": "SYR",
    "iran": "IRN",
    "russia": "RUS",
    "the us": "USA",
    "the u.s.": "USA",
    "usa": "USA",
    "united states": "USA",
    "uk": "GBR",
    "britain": "GBR",
    "great britain": "GBR",
    "holland": "NLD",
    "the netherlands": "NLD",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "tanzania": "TZA",
    "vietnam": "VNM",
    "laos": "LAO",
    "moldova": "MDA",
    "south korea": "KOR",
    "north korea": "PRK",
    "the uae": "ARE",
    "turkey": "TUR",
    "ivory coast": "CIV",
    "democratic republic of the congo": "COD",
    "dr congo": "COD",
    "palestine": "PSE",
    "kosovo": "XKX",
    "the gambia": "GMB",
    "czech republic": "CZE",
}


@lru_cache(maxsize=1)
def _table() -> PhraseTable[tuple[str, bool]]:
    """Phrase -> (alpha-3, is a nationality word)."""
    codes: dict[str, tuple[str, bool]] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            name = getattr(country, attr, None)
            if name and "," not in name:
                codes[name.lower()] = (country.alpha_3, False)
    codes.update((name, (code, False)) for name, code in SHORT_NAMES.items())
    for demonym, code in DEMONYMS.items():
        codes[demonym] = (code, True)
        if not demonym.endswith(("sh", "ch", "ese", "i", "s", ".")):
            codes[demonym + "s"] = (code, True)  # "Moroccans", "Syrians"
    return PhraseTable(codes.items())


# "Niger State", "Lagos State": a country's name before a designator names a province of another
_DESIGNATOR_AFTER = re.compile(r"\s+(?:State|Province|Region|Governorate)\b")


@lru_cache(maxsize=8)
def _all_mentions(text: str) -> list[tuple[int, int, tuple[str, bool]]]:
    # once per article: sentences then filter by offsets
    return [m for m in _table().find(text) if m[2][1] or not _DESIGNATOR_AFTER.match(text, m[1])]


def _mentions(text: str, start: int, end: int | None) -> list[tuple[int, int, tuple[str, bool]]]:
    end = len(text) if end is None else end
    return [m for m in _all_mentions(text) if start <= m[0] and m[1] <= end]


def country_mentions(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, alpha-3)`` of every country name or nationality word in ``text[start:end]``."""
    return [(s, e, code) for s, e, (code, _) in _mentions(text, start, end)]


def nationality_mentions(text: str) -> list[tuple[int, int, str, bool]]:
    """``(start, end, alpha-3, is a nationality word)`` of every country word of ``text``."""
    return [(s, e, code, demonym) for s, e, (code, demonym) in _all_mentions(text)]


def countries_in(text: str, start: int = 0, end: int | None = None, *, names_only: bool = False) -> set[str]:
    """Countries named in ``text[start:end]``; ``names_only`` skips nationality words ("one Syrian")."""
    return {code for _, _, (code, demonym) in _mentions(text, start, end) if not (names_only and demonym)}
