"""Where an event happened: place names in its sentences, resolved, given a role and a count.

Finding places (one sentence at a time):
- candidates are capitalised word runs; the longest name that resolves wins ("Sidi Allal al-Bahraoui");
  months, weekdays, agencies and groups are not places; "just south of Madrid" after a site is a
  landmark; a name before "Court" or "University" is an institution's;
- resolution uses the article's countries as a prior; a place outside them is dropped, and an
  alternate name of a small place is not trusted (the gazetteer records how each name resolved);
- airports are taken by name only where the words say airport ("Milan's Malpensa airport", "the
  Malpensa air border", "a Malpensa-Casablanca flight");
- a name nobody has in a gazetteer is kept where the words say it is a place ("the village of
  Korochara", "arrested in Almskad") and takes the country of the place that contains it;
- "X in Y", "X (Y)" and "X, a region within Y": Y only locates X, it is not a second site;
- "the Spanish city", "the enclave": a place named before, by its description.
Roles come from the words before the name: "to the Sahel", "bound for" (destination), "from"
(origin), "born in", "lived in" (a person's past, not the event's), "about two kilometres from" (a
reference point), "operating in" (where a cell works).

Per-site counts pair one count of people with one place in a clause ("Nine of the suspects were
detained in the Spanish city and two in neighbouring Nador"); a country's count moves to the one
town of that country the event names; one site alone carries the whole count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from schemas.events import Site, Span
from services.extractor.events.countries import DEMONYMS
from services.extractor.events.numbers import PEOPLE_NOUNS, NumberMention, find_numbers
from services.extractor.events.places import Gazetteer, Place
from services.extractor.events.timex import MONTHS, WEEKDAYS

_NAME = r"[A-Z][\w\u00c0-\u024f'\u2019-]*"
# the particles are whole words: "Macomia district" is Macomia, not "Macomia di"
_CANDIDATE = re.compile(
    rf"(?<![\w-]){_NAME}(?:\s+(?:{_NAME}|al-\w+|el-\w+|(?:de\s+la|de|del|di)(?![\w\u00c0-\u024f])|ez-\w+)){{0,4}}"
)
_REFERENCE_POINT = re.compile(
    r"\b(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+of|outside|near|close\s+to|not\s+far\s+from)\s+(?:the\s+)?$",
    re.I,
)
_DISTANCE_FROM = re.compile(
    r"\b(?:kilometres|kilometers|km|miles|metres|meters)\s+(?:\w+\s+)?(?:from|of)\s+(?:the\s+)?(?:[a-z-]+\s+)?$"
    r"|\bnot\s+far\s+from\s+(?:the\s+)?$",
    re.I,
)
_DESIGNATORS = frozenset(
    "Province Region State District County Governorate Prefecture Department Municipality Oblast".split()  # noqa: SIM905
)
_LEADING_WORDS = frozenset(
    "In On At The A An For From To By With After Before During Near Outside Inside Across Within Since Until "  # noqa: SIM905
    "Both Police Officers Residents Troops Soldiers Militants Gunmen Fighters".split()
)
_CALENDAR = frozenset(m.capitalize() for m in MONTHS) | frozenset(d.capitalize() for d in WEEKDAYS)
_DESTINATION = re.compile(
    # "taken into custody in Ceuta" is where the arrest was made, not where anyone was taken
    # "led to arrests in Fez": what an action brought about, where it happened (but "expelled to
    # Tunis" is a destination: the words before "to" are whole words)
    # ("proceeded to the arrest in Granada" is where it happened)
    r"(?<!according\s)(?<!due\s)(?<!thanks\s)(?<!\bled\s)(?<!\blead\s)(?<!\bleads\s)(?<!\bleading\s)(?<!proceeded\s)\b(?:to|towards|into(?!\s+(?:police\s+)?(?:custody|detention)\b)"
    r"|bound\s+for|heading\s+for|headed\s+for|left\s+for|en\s+route\s+to|on\s+(?:its|their|his|her)\s+way\s+to"
    r"|(?:flight|flights|plane|ferry|boat|ship)\s+(?:\w+\s+){0,3}?to|reach(?:ing)?|join(?:ed|ing)?\s+(?:\w+\s+){0,5}?in)"
    r"\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$",
    re.I,
)
# "flown from Malpensa", "left Madrid": where a journey starts; "a 33-year-old from the Alessandria
# area": where a person comes from (their background, not the event's)
_ORIGIN = re.compile(
    r"\b(?:(?:flown|flight|flights|ferry|boat|ship|bus|train|departed|departing|deported|expelled|extradited|sent"
    r"|travell?ed|took\s+off)"
    r"\s+(?:\w+\s+){0,3}?from|left|departed)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$",
    re.I,
)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$", re.I)
_BACKGROUND = re.compile(
    r"\b(?:born|native|grew\s+up|lived|living|resident|residing|studied|raised|originally|hails?)\s+(?-i:[a-z]+\s+){0,3}?"
    r"(?:in|of|from|at)\s+(?:the\s+)?(?-i:[a-z-]+\s+){0,4}$|-born\s+$"
    r"|\b(?:inmate|prisoner|imam)s?\s+of\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$"
    r"|\bwanted\s+(?:by\s+\w+\s+)?(?:in|by)\s+$"  # "a man wanted in Morocco": where a warrant is from
    # "who had preached at a mosque in Tarragona": what the person did before, somewhere else
    r"|\bwho\s+had\s+(?-i:[a-z]+\s+){1,5}?(?:in|at)\s+(?:the\s+)?(?-i:[a-z-]+\s+){0,3}$"
    r"|\b(?:held|imprisoned|detained|jailed|serving)\s+(?:\w+\s+){0,3}?(?:at|in)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}prison\s+(?:of|at|in)\s+$",
    re.I,
)
_OPERATING = re.compile(r"\b(?:operating|active|based|worked|working|present)\b[^.;]{0,60}$", re.I)
_GROUP_IN = re.compile(
    r"\b(?:Islamic\s+State|ISIS|IS|Daesh|al-Qaeda|organi[sz]ation|group|camps?|movements?|groups|strongholds?|ranks"
    r"|affiliates?|branch(?:es)?|franchises?|offshoots?)\)?\s+in\s+(?:the\s+)?$"
)
_PARTS_OF = re.compile(
    r"\s+(?:municipalit(?:y|ies)|districts?|neighbou?rhoods?|suburbs?|boroughs?|communes?|quarters?)\s+of\s+"
    r"[A-Z][\w\u00c0-\u024f'-]+(?:(?:\s*,\s*|\s+and\s+)[A-Z][\w\u00c0-\u024f'-]+)*"
)
# Before a name nobody has in a gazetteer, only these words make it a place.
_UNKNOWN_PLACE_CUE = re.compile(
    r"\b(?:(?:arrested|detained|apprehended|held|raided|captured|cells?|took\s+place|killed|attacked|died|wounded)\s+in"
    r"|(?:near|outside|close\s+to|on\s+the\s+outskirts\s+of)"
    # "killed in Kadawa and seven in Ruwan Tofa": a count with its verb left out, then its place
    r"|(?:,|\band)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty)"
    r"\s+(?:more\s+|others?\s+)?(?:in|at)"
    r"|(?:heading|headed|bound|left)\s+for|en\s+route\s+to"
    # "attacked two bases in Lower Shabelle on Sunday, at Sabiid and Awdheegle": an appositive of place
    r"|,\s+at"
    r"|(?:village|town|city|locality|district|neighbou?rhood|hamlet|commune|municipality|settlement|camp|base"
    r"|station|prison|market|suburb|quarter|area|region|province|post|outpost|checkpoint|barracks|garrison)\s+(?:of|at|in)"
    r"|(?:the\s+)?(?:village|town|locality|hamlet|commune)\s+of\s+\w+\s+and)\s+$",
    re.I,
)
# Between X and Y when Y only locates X.
_CONTAINER_GAP = re.compile(
    r"^(?:\s+in\s+(?:the\s+)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+|central\s+)?(?:[A-Z][\w-]*['\u2019]s\s+)?"
    r"|\s+(?:district|neighbou?rhood|suburb|quarter|area|municipality|commune)\s+of\s+(?:the\s+)?"
    # "in Mazu village, Katsina State": the settlement word, then its container
    r"|\s+(?:village|town|hamlet|settlement|locality|community),?\s+(?:in\s+)?"
    # "the village of Kundu in Rafi local government area of Niger State": the state locates it
    r"|\s+in\s+(?:[A-Z][\w-]*\s+){1,3}(?:local\s+government\s+area|LGA|local\s+council|district|county)\s+of\s+"
    r"|\s*\(\s*(?:the\s+)?|,\s+in\s+(?:the\s+)?(?:(?:province|region|governorate|state|department|wilaya|prefecture)\s+of\s+)?|,\s+|,\s+(?:a|an|the)\s+[^,.;()]{0,50}?\b(?:in|within|of)\s+(?:the\s+)?(?:[a-z-]+\s+)?)$"
)
_LOCATIVE = re.compile(r"(?:\b(?:in|at|near|from|to|of|and|outside|into|across)\s+(?:the\s+)?|,\s*)$", re.I)
_PERSON_AFTER = re.compile(
    r"(?:,\s*\d{1,3},|\s+[A-Z]\.\s|\s+(?:said|says|noted|asked|told|added|explained|argued|wrote|claimed"
    r"|insisted))",
    re.I,
)
# "Dzhokhar and his brother" is a person; "arrested a man in Bilbao and his brother in Vitoria" a place
_AND_HIS_AFTER = re.compile(r"\s+and\s+(?:his|her)\b", re.I)
_PLACE_SLOT_BEFORE = re.compile(r"\b(?:in|at|near|from|outside)\s+$", re.I)
# "the Sale Court of Appeal", "Westminster Magistrates' Court", "Paris prosecutors": the court's seat,
# where a court step happens (and nowhere else)
SEAT_AFTER = re.compile(
    r"(?:['\u2019]s)?\s+(?:(?:anti-?terror(?:ism|ist)?|criminal|appeals?|high|district|provincial|assize|special)\s+)*"
    r"(?:Court|Tribunal|Magistrates|Assizes?|court|tribunal|magistrates|prosecutors?|Prosecutors?|judges?|Judges?)\b"
)
# "an investigating judge in Paris", "the Special Assize Court of Paris"
_SEAT_BEFORE = re.compile(
    r"\b(?:judges?|courts?|tribunals?|prosecutors?|magistrates?|assizes?|Court|Tribunal)\s+(?:in|of|at)\s+(?:the\s+)?$"
)
_SEAT_IN_NAME = re.compile(r"\s(?:Court|Tribunal|Magistrates['\u2019]?)(?:\s|$)")
_INSTITUTION_AFTER = re.compile(
    r"\s+(?:Court|Tribunal|University|College|Police|Prosecutor|Magistrates|Council|Assembly|Parliament|Ministry"
    r"|Observatory|Institute|Centre|Center|Foundation|Times|Post|News|Herald|Gazette|Tribune|Journal)\b"
)
# "the entrances of the Duomo metro station": a small namesake town is not the facility's name
_FACILITY_AFTER = re.compile(
    r"\s+(?:metro\s+|underground\s+|railway\s+|train\s+|bus\s+)?(?:station|square|stadium|cathedral|mosque"
    r"|church|synagogue|hotel|mall|bridge|street|avenue|boulevard)\b",
    re.I,
)
_INSTITUTION_BEFORE = re.compile(
    r"\b(?:Institute|Centre|Center|Council|Ministry|University|School|Department|Office|Agency|Foundation|Society"
    r"|Association|Bureau|Commission|Committee|Forum|Observatory)\s+(?:for|of|on)\s+(?:the\s+)?$"
)
_AIRPORT_CUE_BEFORE = re.compile(
    r"\b(?:airports?(?:\s+of)?|(?:flown|flight|flights|landed|departed|took\s+off|plane)\s+(?:\w+\s+){0,2}?(?:from|at|to|in))\s+$",
    re.I,
)
_AIRPORT_CUE_AFTER = re.compile(
    r"^(?:\s+(?:international\s+)?(?:airport|air\s+border|airfield|air\s+base)|-[A-Z])", re.I
)
BIG_TOWN = 100_000
ABROAD_MIN_POPULATION = 50_000
# Institutions named after places, and capitalised words that are not places in news prose.
_ORGANISATION = re.compile(
    r"^(?:White\s+House|Pentagon|Kremlin|Downing\s+Street|Elys[eé]e|Capitol(?:\s+Hill)?|Homeland|Congress|Parliament"
    r"|Interpol|Europol|University|College|Court|Ministry|Police|Army|Navy|Crown|State|Federal|National|Interior"
    r"|Government|Justice|Defence|Defense|Security|Islamic|Muslim|Christian|Catholic|Republic|Kingdom)\b"
)
# "Rabat - ...", "RABAT, March 7 (Reuters) -", "Madrid (AFP) —": where the story was filed, not the site
_DATELINE = re.compile(
    r"(?:\s*,\s*\w+\.?\s+\d{1,2})?(?:\s*,\s*[A-Z][a-z]+)?\s*(?:\([^)]{1,30}\))?\s*[-\u2013\u2014:]\s"
)
# "the Spanish city", "the enclave": a place the story has named, by its description
_DESCRIPTOR = re.compile(
    r"\b(?:the|this)\s+(?:(?P<nation>[A-Z][a-z]+)\s+)?(?:(?:autonomous|north-?\w*|southern|northern|eastern|western"
    r"|coastal|border|port|neighbouring|neighboring)\s+)*(?P<kind>city|town|enclave|port|village)\b(?!\s+(?:of|city|town|[A-Z]))"
)
_CAPITAL_OF = re.compile(r"\bthe\s+(?P<adj>[A-Z][a-z]+)\s+capital\b(?!\s+(?:of|[A-Z]))")
# the nouns of people a site's count counts: anyone arrested or killed there ("Five soldiers were
# killed in Diffa", "two others in Bilbao")
_COUNTED = PEOPLE_NOUNS | {"others"}
# "Nine were killed in Kadawa": the number reads up to its verb when it stands for people
_PARTICIPLE = re.compile(r"(?:[a-z]+ed|held|taken|shot|slain|hurt|caught|seized)$")
_ORDINAL_ONE = re.compile(
    # "the sixth in Bilbao", "a fourth in Nador" (not "a fourth of them": a share)
    r"\b(?:the|a)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|other|remaining\s+one)\b"
    r"(?!\s+of\b)",
    re.I,
)
_SPLIT_COUNT = (
    r"(?=(?:the\s+|a\s+)?(?:\d|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|remaining|others?|rest\b"
    r"|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\b[^,.;]{0,40}\bin\b)"
)
# Where a sentence's clauses part: "..., while the remaining six ...", "... and two in Nador", "five in
# Tangier, the sixth in Bilbao" (a count followed by "in" opens a clause of its own).
_CLAUSE = re.compile(
    rf",\s*(?:while|whereas)\s+|[;:]\s*|\s+while\s+|\s+whereas\s+|,?\s+and\s+{_SPLIT_COUNT}|,\s+{_SPLIT_COUNT}"
    # "... in Tangier, as part of an operation that also led to arrests in Fez": the wider operation
    r"|,\s+(?:as\s+part\s+of|in\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:operation|sweep|crackdown))\b",
    re.I,
)
# "Two were held in Oujda": a number standing for people, with the verb right after it
_VERB_AFTER = frozenset("were was are have had in at".split())  # noqa: SIM905
_COARSE = ("admin1", "admin2", "region", "country")


@dataclass
class SiteMention:
    text: str
    start: int
    end: int
    place: Place | None  # None: a name the gazetteer does not know, kept because the text says it is one
    name: str
    country: str | None
    precision: str
    role: str = "event_site"
    count: int | None = None
    count_span: tuple[int, int] | None = None
    borrowed: bool = False  # located by its container ("Almskad, a region within Puntland")
    descriptor: bool = False  # "the Spanish city": stands for a place named elsewhere


# "an alleged plan to drive a truck into a Christmas market in Munich", "planning an attack on
# Strasbourg's market": where a plot was aimed, not where anything was done
_PLANNED_TARGET = re.compile(
    r"\b(?:plan(?:s|ned|ning)?|plot(?:s|ted|ting)?|intend(?:s|ed|ing)?|intention|conspir\w+|scheme)\s+"
    r"(?:(?:to|of|for)\s+)?(?:[\w'-]+\s+){1,8}?(?:in|at|on|against)\s+(?:the\s+)?$",
    re.I,
)


def role_of(before: str) -> str:
    if _BACKGROUND.search(before):
        return "background"
    if _DISTANCE_FROM.search(before[-40:]):
        return "landmark"  # "40 km south of Kaduna": the place the action is located by
    if _PLANNED_TARGET.search(before):
        return "reference"
    if _DESTINATION.search(before):
        return "destination"
    if _ORIGIN.search(before):
        return "origin"
    if _FROM.search(before):
        return "background"
    if _OPERATING.search(before):
        return "operating_area"
    return "event_site"


def find_sites(
    text: str, start: int, end: int, context: list[str], places: Gazetteer, skip: list[tuple[int, int]]
) -> list[SiteMention]:
    """The places named in ``text[start:end]`` (one sentence), with their roles."""
    found: list[SiteMention] = []
    unknown: list[re.Match[str]] = []
    parts: list[tuple[int, int]] = []
    for match in _CANDIDATE.finditer(text, start, end):
        if any(s <= match.start() < e for s, e in skip):
            continue  # inside an agency's or a group's name
        before = text[max(start, match.start() - 60) : match.start()]
        located = [
            f
            for f in found
            if f.precision != "country"
            and match.start() - f.end < 80
            and not _DATELINE_BREAK.search(text, f.end, match.start())
        ]
        if _REFERENCE_POINT.search(before[-30:]) and located:
            # "San Martin de la Vega, just south of Madrid": a landmark for the town just named (a
            # country is never located by a town: "United States forces ... near Bariire"; nor is
            # a town by the outlet of a dateline: "NIAMEY (Sahel Daily) - ... near Ouallam")
            _located_by_landmark(located[-1], _resolve(text, match, context, places, skip, before))
            continue
        seat = _SEAT_IN_NAME.search(match.group(0))
        if (
            seat is not None and seat.start() > 0
        ):  # "Sale Court", "Westminster Magistrates": the place, then the court
            match = _CANDIDATE.match(text, match.start(), match.start() + seat.start()) or match
        site = _resolve(text, match, context, places, skip, before)
        if site is None and " " not in match.group(0) and match.group(0) not in _CALENDAR:
            unknown.append(match)
        if site is not None and site.precision != "city" and _GROUP_IN.search(before):
            continue  # "the Islamic State in the Sahel / in Somalia": a branch's name, not a place
        if site is not None and site.precision == "country" and re.search(r"\bby\s+$", before):
            continue  # "talks mediated by Qatar", "backed by France": a state that acted, not a place
        if any(a <= match.start() < b for a, b in parts):
            continue  # "the Brussels municipalities of Molenbeek and Schaerbeek": the city holds them
        if site is not None and all(site.start != s.start for s in found):
            seat = SEAT_AFTER.match(text, site.end) or _SEAT_BEFORE.search(before)
            site.role = "seat" if seat else role_of(before)
            found.append(site)
            if site.precision == "city" and (listed := _PARTS_OF.match(text, site.end)):
                parts.append(listed.span())
    for match in _DESCRIPTOR.finditer(text, start, end):
        nation = match["nation"]
        country = DEMONYMS.get(nation.lower()) if nation else None
        if nation and country is None:
            continue
        found.append(
            SiteMention(
                match.group(0),
                match.start(),
                match.end(),
                None,
                match.group(0),
                country,
                "city",
                role_of(text[max(start, match.start() - 60) : match.start()]),
                descriptor=True,
            )
        )
    for match in _CAPITAL_OF.finditer(text, start, end):
        # "in the Lombard capital", "the Moroccan capital": the capital of that region or country
        adjective = match["adj"].lower()
        country = DEMONYMS.get(adjective)
        capital = places.capital(country if country else adjective)
        if capital is not None and all(f.start != match.start() for f in found):
            found.append(
                SiteMention(
                    match.group(0),
                    match.start(),
                    match.end(),
                    capital,
                    capital.name,
                    capital.country,
                    "city",
                    role_of(text[max(start, match.start() - 60) : match.start()]),
                )
            )
    found.extend(_listed_with_places(text, unknown, found))
    found.sort(key=lambda s: s.start)
    _absorb_containers(text, found)
    for previous, site in pairwise(found):
        if _DESCRIBES_PREVIOUS.match(text[previous.end : site.start]):
            site.role = previous.role  # "heading for Baga, on the shore of Lake Chad": where Baga is
    return found


_DATELINE_BREAK = re.compile(r"\)\s*[-\u2013\u2014]\s|\s[-\u2013\u2014]\s")


def _located_by_landmark(site: SiteMention, landmark: SiteMention | None) -> None:
    """ "at Diboli, near Kayes in western Mali": a name the gazetteer matched only as a misspelling of
    a town of another country than its landmark's (Deoli, India) is an unknown place by the
    landmark, and is located there (as event datasets do with small places)."""
    if landmark is None or landmark.place is None or site.place is None:
        return
    if site.place.resolution == "fuzzy" and site.country != landmark.country:
        site.place = replace(landmark.place, name=site.text)
        site.name, site.country, site.precision, site.borrowed = site.text, landmark.country, "city", True


_DESCRIBES_PREVIOUS = re.compile(
    r"^,\s+(?:on\s+the\s+(?:shores?|banks?|edge|outskirts|coast)\s+of|near|close\s+to|outside|north\s+of|south\s+of"
    r"|east\s+of|west\s+of)\s+(?:the\s+)?$",
    re.I,
)


_LIST_GAP = re.compile(r"^(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?:in\s+)?$")


def _listed_with_places(
    text: str, unknown: list[re.Match[str]], found: list[SiteMention]
) -> list[SiteMention]:
    """An unknown name listed among places is one of them ("in Tifelt, Temara and Skhirat"), in
    their country ("cells in Shata and Almaeria")."""
    for site in found:
        if site.place is None and site.country is None:
            for other in found:
                if other.place is not None and other.precision != "country":
                    gap = (
                        text[site.end : other.start]
                        if site.end <= other.start
                        else text[other.end : site.start]
                    )
                    if _LIST_GAP.match(gap):
                        site.country = other.country
                        break
    out: list[SiteMention] = []
    for match in unknown:
        for site in found:
            # listed with a known place, or with an unknown one the words made a place ("at
            # Sabiid and Awdheegle")
            if site.precision == "country" or (site.place is None and site.descriptor):
                continue
            gap = (
                text[site.end : match.start()]
                if site.end <= match.start()
                else text[match.end() : site.start]
            )
            if _LIST_GAP.match(gap):
                out.append(
                    SiteMention(
                        match.group(0),
                        match.start(),
                        match.end(),
                        None,
                        match.group(0),
                        site.country,
                        "city",
                        role_of(text[max(0, match.start() - 60) : match.start()]),
                    )
                )
                break
    return out


def _resolve(
    text: str,
    match: re.Match[str],
    context: list[str],
    places: Gazetteer,
    skip: list[tuple[int, int]],
    before: str,
) -> SiteMention | None:
    if (
        (
            _DATELINE.match(text, match.end())
            and _at_paragraph_start(text, match.start())
            and not (text.startswith(":", match.end()) and is_digest(text))
        )
        or _PERSON_AFTER.match(text, match.end())
        or (_AND_HIS_AFTER.match(text, match.end()) and not _PLACE_SLOT_BEFORE.search(before))
        or _ORGANISATION.match(match.group(0))
        or (_INSTITUTION_AFTER.match(text, match.end()) and not SEAT_AFTER.match(text, match.end()))
        or re.search(r"\b[A-Z]\.\s+$", before)  # "George W. Bush": a surname after an initial
        or re.match(r"[A-Z]\.\s", text[match.end() - 1 : match.end() + 2])  # and the name before it
    ):
        return None  # "Hayden noted", "Dzhokhar and his brother", "Salman Abedi, 22,", "the White House"
    if re.match(r"\s+of\s+[A-Z]", text[match.end() : match.end() + 6]):
        return None  # "University of Massachusetts", "Bank of Spain": an organisation's name
    if _INSTITUTION_BEFORE.search(before):
        return None  # "The Washington Institute for Middle East Affairs"
    words = match.group(0).split()
    s = match.start()
    while words and words[0] in _LEADING_WORDS:  # "In Trappes" at the start of a sentence
        words = words[1:]
        if words:
            s = text.find(words[0], s + 1)
            before = text[max(0, s - 60) : s]
    if not words:
        return None
    if _AIRPORT_CUE_AFTER.match(text[match.end() : match.end() + 20]) or _AIRPORT_CUE_BEFORE.search(before):
        for n in range(len(words), 0, -1):
            airport = places.airport(" ".join(words[-n:]))
            if airport is not None:
                first = s + len(" ".join(words[: len(words) - n])) + (1 if n < len(words) else 0)
                return SiteMention(
                    text[first : match.end()],
                    first,
                    match.end(),
                    airport,
                    airport.name,
                    airport.country,
                    "city",
                )
    owner = next((k for k, w in enumerate(words) if w.endswith(("'s", "\u2019s"))), None)
    if owner is not None:  # "Tangier's Aouama district", "Milan's Malpensa airport": the owner is a place
        words = [*words[:owner], words[owner][:-2]]
    # A misspelling is only looked for where a place is expected ("in Shata and Almaeria"), and on
    # the whole name: it is the costly part of resolution.
    locative = bool(_LOCATIVE.search(before))
    for n in range(len(words), 0, -1):  # the longest name first
        candidate = " ".join(words[:n])
        if candidate in _CALENDAR:
            continue
        designated = n < len(words) and words[n] in _DESIGNATORS  # "Niger State": the state, not Niger
        place = places.resolve(candidate, context, fuzzy=locative and n == len(words), subdivision=designated)
        if place is None and context and locative and n == len(words):
            # a town of another country than the story's, in a place slot ("a Syrian man was stopped
            # at the border crossing of Irun"): the context prior below decides whether it is taken
            place = places.resolve(candidate, (), fuzzy=False)
            if place is not None and place.population < ABROAD_MIN_POPULATION:
                place = None  # a small namesake abroad ("Shata", South Africa) is more likely a misspelling
        if place is None:
            continue
        whole = n == len(words)
        big = place.population >= BIG_TOWN or place.precision != "city"
        if place.resolution == "alternate" and (
            not (place.population >= 10_000 and whole and locative)
            or (context and place.country not in context)
        ):
            # an alternate name ("Fnideq" for Fnidek) is often a word or a person elsewhere ("Hayden
            # noted", "Dzhokhar Tsarnaev"): a town's, on the whole capitalised run, in a place slot;
            # and of a town abroad, rarely ("near Boni" in a story about Mali is not Bonn)
            continue
        if not big and whole and _FACILITY_AFTER.match(text, s + len(candidate)):
            continue
        if place.resolution == "exact" and not (big or (whole and (locative or len(words) > 1))):
            # a small town named like a word or a first name ("George W. Bush", "Martin Luther King",
            # "Copley Square"): the whole capitalised run, in a place slot or a multi-word name
            continue
        # a town of some size is still taken in a place slot ("French troops ... near Gao"), and any
        # town where the words say town ("stormed the town of Monguno")
        abroad_ok = whole and (
            (locative and place.population >= ABROAD_MIN_POPULATION)
            or bool(_UNKNOWN_PLACE_CUE.search(before))
        )
        if (
            place.country is not None
            and place.country not in context
            and (context or not big)
            and not abroad_ok
        ):
            # the context prior: an Almería in an article about Spain; with no country named, big places only
            continue
        if (
            n < len(words) and words[n] in _DESIGNATORS
        ):  # "Helmand Province", "Borno State": the name as written
            candidate = f"{candidate} {words[n]}"
            candidate_end = text.find(words[n], s + len(" ".join(words[:n]))) + len(words[n])
            return SiteMention(
                text[s:candidate_end], s, candidate_end, place, place.name, place.country, place.precision
            )
        return SiteMention(
            candidate, s, s + len(candidate), place, place.name, place.country, place.precision
        )
    candidate = words[0]
    settlement_after = _SETTLEMENT_AFTER.match(text, match.end()) and _LOCATIVE.search(before)
    if (
        len(words) <= 2
        and candidate not in _CALENDAR
        and (_UNKNOWN_PLACE_CUE.search(before) or settlement_after)
    ):
        name = " ".join(words)
        return SiteMention(name, s, s + len(name), None, name, None, "city")
    return None


# "Melilla: The Guardia Civil detained ...": a roundup's paragraphs each open with their place
_LABEL = re.compile(r"(?:^|\n)[A-Z][\w\u00c0-\u024f'.-]*(?:\s[A-Z][\w\u00c0-\u024f'.-]*){0,2}:\s", re.M)


def is_digest(text: str) -> bool:
    """Two paragraphs or more open with a place and a colon: they are a digest's labels, each the
    place of its story (a colon after one dateline, "KARACHI: Police ...", is a dateline)."""
    return len(_LABEL.findall(text)) >= 2


def _at_paragraph_start(text: str, start: int) -> bool:
    return start == 0 or text[max(0, start - 2) : start].endswith(("\n", "\n\n"))


def _absorb_containers(text: str, sites: list[SiteMention]) -> None:
    """Drop places that only locate the previous one ("Xeraco in Valencia"), lending their country."""
    for outer in list(sites):
        before = [s for s in sites if s.end <= outer.start and outer.start - s.end <= 70]
        inner = max(before, key=lambda s: s.end) if before else None  # the nearest name before
        if inner is None or inner is outer or not _CONTAINER_GAP.match(text[inner.end : outer.start]):
            continue
        if re.match(r"^,\s+$", text[inner.end : outer.start]) and outer.text.split()[-1] not in _DESIGNATORS:
            continue  # "Bizerte, Ben Arous, Sidi Bouzid": a list; "Dapchi, Yobe State": a container
        coarser = outer.precision in _COARSE or (
            inner.place is not None
            and outer.place is not None
            and inner.place.admin1 == outer.place.admin1
            and outer.place.population > inner.place.population
        )
        if inner.place is None and not inner.descriptor:  # an unknown name, located by its container
            inner.country = outer.country
            inner.place = replace(outer.place, name=inner.name) if outer.place else None
            inner.borrowed = True
            inner.precision = _inside(text, inner, outer.precision)
            sites.remove(outer)
        elif coarser and (inner.country == outer.country or outer.country is None or inner.country is None):
            inner.country = inner.country or outer.country
            sites.remove(outer)


# "at a mosque in Mazu village": the word after an unknown name says it is a place
_SETTLEMENT_AFTER = re.compile(r"\s+(?:village|town|hamlet|settlement|locality|community)\b", re.I)
_SETTLEMENT_BEFORE = re.compile(
    r"\b(?:village|town|city|hamlet|locality|settlement|camp|commune)\s+of\s+$", re.I
)
_FINER = {"country": "admin1", "region": "admin1", "admin1": "admin2", "admin2": "city", "city": "city"}


def _inside(text: str, inner: SiteMention, container: str) -> str:
    """How precise an unknown name is: a settlement when the text says so ("the village of X"),
    else one step finer than the place that contains it."""
    if _SETTLEMENT_BEFORE.search(text[max(0, inner.start - 30) : inner.start]):
        return "city"
    return _FINER.get(container, container)


def resolve_descriptors(sites: list[SiteMention], named: list[SiteMention]) -> list[SiteMention]:
    """ "the Spanish city" becomes the one Spanish town named before it (or is dropped)."""
    out: list[SiteMention] = []
    for site in sites:
        if not site.descriptor:
            out.append(site)
            continue
        towns = [
            n
            for n in named
            if not n.descriptor
            and n.start < site.start
            and n.precision in ("city", "admin1", "admin2")
            and (site.country is None or n.country == site.country)
        ]
        if not towns:
            continue
        if site.country is None and len({t.name for t in towns}) != 1:
            towns = towns[-1:]  # "the town": the one named last
        chosen = towns[-1]
        out.append(
            replace(
                chosen,
                text=site.text,
                start=site.start,
                end=site.end,
                descriptor=True,
                count=None,
                count_span=None,
                role=site.role,
            )
        )
    return out


def assign_counts(
    text: str,
    start: int,
    end: int,
    sites: list[SiteMention],
    triggers: list[tuple[int, int]],
    *,
    killed: bool = False,
) -> None:
    """Per-site counts from clauses that pair one count of people with one place, where the count
    is of the action: its clause has one of the record's ``triggers``, names arrests or detentions,
    or leaves the verb out after a clause that had one ("and two in neighbouring Nador").
    ``killed``: the counts are of the dead, and a clause counts only when it says they died."""
    cursor = start
    respectively = _RESPECTIVELY.search(text, start, end)
    if respectively is not None:
        # the "respectively" clause is read as a list; the clauses before it as usual ("Three
        # were arrested in Oujda, while the two others ... in Berkane and Nador respectively")
        clause_start = max(
            [m.end() for m in _CLAUSE.finditer(text, start, end) if m.end() <= respectively.start()]
            or [start]
        )
        if _distribute(text, clause_start, end, sites):
            end = clause_start
        elif clause_start > start and _distribute_listed(text, start, clause_start, end, sites):
            # "in the provinces of Barcelona and Girona, 10 and four respectively": the places are
            # the clause's before the counts
            end = clause_start
    bounds = [m.start() for m in _CLAUSE.finditer(text, start, end)] + [end]
    counted_before = False
    for bound in bounds:
        clause_sites = [s for s in sites if cursor <= s.start < bound and s.role == "event_site"]
        clause = text[cursor:bound]
        # "Two of the suspects were held in Barcelona province": a passive verb of custody with no
        # trigger of its own still tells where the record's people were taken
        acting = any(cursor <= s < bound for s, _ in triggers) or bool(_HELD_CLAUSE.search(clause))
        if killed:  # "Five soldiers were killed in Diffa" counts; "wounded three in Mubi" does not
            acting = _DEATH.search(clause) is not None
        counts = [
            n
            for n in find_numbers(clause)
            if n.value is not None
            and not _is_age(clause, n.start)
            and not (
                n.value == 1 and _of_the_people(text, cursor + n.end)
            )  # "one of the detainees": a person
            and (
                (
                    acting
                    and (
                        n.unit in _COUNTED
                        or n.unit in _VERB_AFTER
                        or (_PARTICIPLE.match(n.unit or "") is not None and _gapped(clause, n.start))
                        or _of_the_people(text, cursor + n.end)
                    )
                )
                or n.unit in ("arrests", "detentions")
                or (counted_before and _gapped(clause, n.start))
            )
        ]
        ordinal = _ORDINAL_ONE.search(clause)
        if len(clause_sites) == 1 and _AROUND_BEFORE.search(
            text, max(0, clause_sites[0].start - 16), clause_sites[0].start
        ):
            clause_sites = []  # "arrested 12 people in and around Marseille": the count is of the area
        if len(clause_sites) == 1 and clause_sites[0].count is None and (counts or ordinal):
            site = clause_sites[0]
            if counts:
                site.count = counts[0].value
                site.count_span = (cursor + counts[0].start, cursor + counts[0].end)
                counted_before = True
            elif ordinal and counted_before and ordinal.start() < site.start - cursor:
                site.count = 1  # "five in Tangier, the sixth in Bilbao"
                site.count_span = (cursor + ordinal.start(), cursor + ordinal.end())
        elif (
            acting
            and (pair := _PAIR_AT_PLACES.search(clause)) is not None
            and _count_pair(cursor, pair, clause_sites)
        ):
            counted_before = True  # "arrested a man in Bilbao and his brother in Vitoria": one each
        elif acting and (one := _one_person_site(text, cursor, clause, clause_sites, triggers)) is not None:
            site, span = one  # "raided a flat in Alicante and detained a 29-year-old man"
            site.count, site.count_span = 1, span
            counted_before = True
        elif counts:
            counted_before = True
        if acting:
            counted_before = (
                True  # "detained on Tuesday ..., two in Seine-Saint-Denis and one in Villeurbanne"
            )
        cursor = bound


# "one each in Fez and Tiflet": one person at each of the places that follow in the clause
_ONE_EACH_IN = re.compile(r"\bone\s+each\s+in\b", re.I)
_AROUND_BEFORE = re.compile(r"\b(?:in\s+and\s+around|around|across)\s+$", re.I)
# "one in each city", "One suspect was held in each town": one person at each of the record's places
_ONE_IN_EACH = re.compile(
    r"\bone\b[^.;]{0,40}?\bin\s+each\s+(?:of\s+the\s+)?(?:[\w-]+\s+)?"
    r"(?:cit(?:y|ies)|towns?|villages?|places?|provinces?|regions?|districts?|localit(?:y|ies)|municipalit(?:y|ies))\b"
    # "Two were held in Barcelona and one in each of the other three": the places still without a count
    r"|\bone\s+in\s+each\s+of\s+the\s+(?:other|remaining)\b",
    re.I,
)


def distribute_each(text: str, spans: list[tuple[int, int]], sites: list[SiteMention]) -> None:
    """Distributive counts: "arresting four in Tangier and one each in Fez and Tiflet" gives the
    places after "one each" one person each; "one in each city" (in the record's sentences, maybe
    after the sentence naming the places) gives every place of the record that has no count one."""
    places = [s for s in sites if s.role == "event_site" and s.precision != "country"]
    for start, end in spans:
        each_in = _ONE_EACH_IN.search(text, start, end)
        if each_in is not None:
            clause_end = next((m.start() for m in _CLAUSE.finditer(text, each_in.end(), end)), end)
            for site in places:
                if each_in.end() <= site.start < clause_end and site.count is None:
                    site.count, site.count_span = 1, (each_in.start(), each_in.end())
        in_each = _ONE_IN_EACH.search(text, start, end)
        # a place named twice keeps the count one of its mentions has ("Two ... in Barcelona")
        counted = {s.name for s in places if s.count is not None}
        open_places = [s for s in places if s.count is None and s.name not in counted]
        if in_each is not None and len({s.name for s in open_places}) >= 2:
            for site in open_places:
                site.count, site.count_span = 1, (in_each.start(), in_each.end())


_DEATH = re.compile(
    r"\b(?:killed|killing|dead|died|massacred|murdered|lives|death|deaths|slain|executed|beheaded|slaughtered)\b",
    re.I,
)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_HELD_CLAUSE = re.compile(
    r"\b(?:were|was|had\s+been|have\s+been)\s+(?:held|detained|arrested|apprehended|picked\s+up|taken\s+into\s+custody)\b",
    re.I,
)
_ONE_PERSON = re.compile(
    r"\b(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:man|woman|suspect|minor|youth|teenager|national|citizen|person|individual"
    r"|[\w]+-year-old)\b"
    r"|\b(?:his|her|their)\s+(?:cousin|brother|sister|son|daughter|father|mother|wife|husband|uncle|nephew|friend"
    r"|accomplice|associate)\b",
    re.I,
)
# "their cousin was taken into custody": the person the passive verb after it acts on
# ("A 30-year-old man was arrested": the noun the age describes may stand between)
_PASSIVE_AFTER = re.compile(
    r"\s+(?:(?:man|woman|suspect|national|citizen|youth|teenager|minor)\s+)?(?:was|has\s+been|had\s+been)\s+(?:\w+\s+)?$"
)


_PAIR_AT_PLACES = re.compile(
    r"\b(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|suspect|youth|teenager|national|imam)\s+in\s+(?P<a>[A-Z][\w-]*)"
    r"[^,;]{0,12}?\s+and\s+(?:his|her|their)\s+(?:brother|sister|son|daughter|wife|husband|cousin|father|mother"
    r"|friend|accomplice|partner|nephew|uncle)\s+in\s+(?P<b>[A-Z][\w-]*)"
)


def _count_pair(cursor: int, pair: re.Match[str], clause_sites: list[SiteMention]) -> bool:
    """One person at each of the two places a pair names; False when those are not the clause's sites."""
    at = [
        x for g in ("a", "b") for x in clause_sites if x.start == cursor + pair.start(g) and x.count is None
    ]
    if len(at) != 2:
        return False
    for x in at:
        x.count, x.count_span = 1, (cursor + pair.start(), cursor + pair.end())
    return True


def _one_person_site(
    text: str, cursor: int, clause: str, clause_sites: list[SiteMention], triggers: list[tuple[int, int]]
) -> tuple[SiteMention, tuple[int, int]] | None:
    """One person acted on at the clause's one place: its only place, or the one place before a
    trigger that takes the person ("raided a flat in Alicante and detained a man, one of four held
    in Valencia and Alicante": the places after the person are the whole operation's)."""
    one = _ONE_PERSON.search(clause)
    if one is None:
        return None
    span = (cursor + one.start(), cursor + one.end())
    taken = any(0 <= span[0] - end <= 2 for _, end in triggers)
    passive = any(start > span[1] and _PASSIVE_AFTER.match(text[span[1] : start]) for start, _ in triggers)
    if not (taken or passive):
        return None  # "a 36-year-old man killed ...": the person did it
    before = [x for x in clause_sites if x.start < span[0]]
    site = clause_sites[0] if len(clause_sites) == 1 else before[0] if len(before) == 1 else None
    if site is None and passive:
        # "A 31-year-old man was arrested in Nador ..., which also saw three detained in Spain": the
        # place right after the verb the person is the subject of
        verb_end = min((end for start, end in triggers if start > span[1]), default=None)
        site = next(
            (x for x in clause_sites if verb_end is not None and _RIGHT_AFTER.match(text, verb_end, x.start)),
            None,
        )
    return (site, span) if site is not None and site.count is None else None


_RIGHT_AFTER = re.compile(
    r"\s+(?:in|at)\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:city|town|village)\s+of\s+)?$", re.I
)


def _distribute(text: str, clause_start: int, end: int, sites: list[SiteMention]) -> bool:
    """ "the two others were apprehended in Berkane and Nador respectively": as many places as the
    count, one each; "two and three ... in X and Y respectively": in order."""
    places = _open_places(sites, clause_start, end)
    counts = _listed_counts(text, clause_start, end)
    if len(places) < 2:
        return False
    towns = [s for s in places if s.precision == "city"]
    if len(towns) >= 2 and len(counts) == len(towns) != len(places):
        places = towns  # "bases in Lower Shabelle, at Sabiid and Awdheegle, ... respectively": the towns
    if not counts:
        # "They had been arrested in Mulhouse and Nancy respectively": people named before, one
        # place each
        word = _RESPECTIVELY.search(text, clause_start, end)
        span = (word.start(), word.end()) if word else (clause_start, end)
        for site in places:
            site.count, site.count_span = 1, span
        return True
    # "14 suspects ... in the provinces of Barcelona and Girona, 10 and four respectively": the counts
    # after the places are theirs, a total before them is not
    after = [n for n in counts if clause_start + n.start > places[-1].end]
    if len(counts) != len(places) and len(after) == len(places):
        counts = after
    if len(counts) == len(places):
        _in_order(places, counts, clause_start)
        return True
    if counts[0].value == len(places):
        span = (clause_start + counts[0].start, clause_start + counts[0].end)
        for site in places:
            site.count, site.count_span = 1, span  # the span: the number is the sites', not a total
        return True
    return False


def _distribute_listed(text: str, start: int, clause_start: int, end: int, sites: list[SiteMention]) -> bool:
    """Counts "respectively" given in their own clause, to the places listed in the clause before."""
    places = _open_places(sites, start, clause_start)
    counts = _listed_counts(text, clause_start, end)
    if len(places) < 2 or len(counts) != len(places):
        return False
    _in_order(places, counts, clause_start)
    return True


def _open_places(sites: list[SiteMention], start: int, end: int) -> list[SiteMention]:
    """The event sites in ``[start, end)`` still without a count."""
    return [s for s in sites if start <= s.start < end and s.role == "event_site" and s.count is None]


def _listed_counts(text: str, start: int, end: int) -> list[NumberMention]:
    """The numbers of ``text[start:end]`` that can be counts (not ages), offsets relative to ``start``."""
    return [
        n
        for n in find_numbers(text[start:end])
        if n.value is not None and not _is_age(text[start:end], n.start)
    ]


def _in_order(places: list[SiteMention], counts: list[NumberMention], offset: int) -> None:
    """The i-th count to the i-th place ("two and three ... in X and Y respectively")."""
    for site, n in zip(places, counts, strict=True):
        site.count, site.count_span = n.value, (offset + n.start, offset + n.end)


def _is_age(clause: str, start: int) -> bool:
    return bool(
        re.search(
            r"\b(?:aged|ages?|age\s+of)\s+(?:between\s+|from\s+)?$", clause[max(0, start - 20) : start], re.I
        )
    )


def _gapped(clause: str, start: int) -> bool:
    """A number that opens its clause with the verb left out: "and two in neighbouring Nador"."""
    return not clause[:start].strip(" ,;:").split() or clause[:start].strip(" ,;:").lower() in (
        "the",
        "and",
        "and the",
        "the other",  # "five in Antwerp, the other two in Brussels"
        "the remaining",
        "and the other",
    )


def _of_the_people(text: str, end: int) -> bool:
    return bool(
        re.match(
            r"\s+of\s+(?:the\s+|those\s+|them\b)?(?:\w+\s+)?(?:arrests|detainees|suspects|detentions|people|persons|them"
            r"|men|women|individuals)?",
            text[end : end + 40],
        )
    ) and not re.match(r"\s+of\s+(?:the\s+)?(?:\d|age)", text[end : end + 12])


def refine(sites: list[SiteMention], keep_countries: bool, text: str = "") -> list[SiteMention]:
    """Country counts move to the event's one town in that country; country-only places go unless
    they are all the event names (``keep_countries``); unknown names need a country."""
    out = [s for s in sites if s.country is not None or s.place is not None]
    for country_site in [s for s in out if s.precision == "country" and s.place is not None]:
        towns = [
            s
            for s in out
            if s is not country_site and s.country == country_site.country and s.precision != "country"
        ]
        if country_site.count is not None and len(towns) == 1 and towns[0].count is None:
            towns[0].count, towns[0].count_span = country_site.count, country_site.count_span
            out.remove(country_site)
        elif towns or not keep_countries or any(s.precision != "country" for s in out):
            out.remove(country_site)
    if any(s.precision not in ("region",) for s in out):  # "sent to the Sahel": not where it happened
        out = [s for s in out if s.precision != "region" or s.count is not None]
    towns = [s for s in out if s.precision == "city"]
    # "in Catalonia, arresting six men in Badalona and Terrassa": a region told apart from the towns
    # only locates them; listed with them ("in Bizerte, Ben Arous and Sousse") it is one of the sites
    # "Police in North Rhine-Westphalia have detained three ... one each in Dusseldorf, Essen and
    # Marl": a region whose count its towns' counts make up is the total, not a fourth site
    out = [
        s
        for s in out
        if s.precision not in ("admin1", "admin2")
        or s.count is None
        or (
            sum(t.count or 0 for t in towns if _within(t, s)) < s.count
            # "detained six in a sweep across Lombardy ... four in Milan, the others in Brescia and
            # Bergamo": a region around two or more of the record's towns is the operation's area, and
            # its count the total, even when the towns' counts do not add up to it
            and sum(1 for t in towns if _within(t, s)) < 2
        )
    ]
    out = [
        s
        for s in out
        if s.precision not in ("admin1", "admin2")
        or s.count is not None
        or not any(t.country == s.country for t in towns)
        or any(_listed(text, s, t) for t in towns if t.country == s.country)
    ]
    unique: list[SiteMention] = []
    for site in out:
        if all(site.name != u.name for u in unique):
            unique.append(site)
        else:
            same = next(u for u in unique if u.name == site.name)
            if same.count is None and site.count is not None:
                same.count, same.count_span = site.count, site.count_span
            if site.role == "event_site":
                same.role = "event_site"  # "active in Oujda ... arrested in Oujda": it happened there
    return unique


def _within(town: SiteMention, region: SiteMention) -> bool:
    if town.country != region.country:
        return False
    town_admin = town.place.admin1 if town.place else None
    region_admin = region.place.admin1 if region.place else None
    return town_admin is None or region_admin is None or town_admin == region_admin


_LISTED_GAP = re.compile(
    r"^[\s,]*(?:and|or)?\s*(?:(?:in\s+)?the\s+(?:[a-z-]+\s+){0,2}(?:city|town|village|province|region|governorate"
    r"|district|department)\s+of\s+|in\s+)?$"
)


def _listed(text: str, a: SiteMention, b: SiteMention) -> bool:
    """Two places of one list: "in Bizerte, Ben Arous and Sousse", "in the city of Essaouira and the
    central town of Sidi Allal" (no verb between them)."""
    first, second = (a, b) if a.end <= b.start else (b, a)
    return first.end <= second.start and bool(_LISTED_GAP.match(text[first.end : second.start]))


def to_site(text: str, site: SiteMention, role: str) -> Site:
    place = site.place
    return Site(
        text=site.text,
        name=site.name if place is None else place.name,
        country=site.country,
        admin1=place.admin1 if place else None,
        geonameid=place.geonameid if place and not site.borrowed else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        precision=site.precision,  # type: ignore[arg-type]
        role=role,  # type: ignore[arg-type]
        count=site.count,
        span=Span(start=site.start, end=site.end, text=text[site.start : site.end]),
        resolution="unresolved" if place is None else "contained" if site.borrowed else place.resolution,
    )
