"""Where an event happened: place names in its evidence, resolved, given a role and a count.

Rules (event-extraction notes 3.3), in order:
- candidates are capitalised word runs; the longest name that resolves wins ("Sidi Allal al-Bahraoui");
  months, weekdays, agencies and groups are not places; "just south of Madrid" is a landmark, not a site;
- resolution uses the article's countries as a prior; a place outside them is dropped, and an
  alternate name of a small place is not trusted (the gazetteer records how each name resolved);
- "X in Y", "X (Y)" and "X, a region within Y": Y only locates X, it is not a second site;
  an unknown X after "arrested in" keeps its name and takes Y's (or the sentence's) country;
- "to the Sahel" is a destination, "from" an origin, "operating in" an operating area;
- "Four of the arrests took place in Spain, while the remaining six were in Casablanca": a count of
  people and one place in the same clause make that place's count; a country's count moves to the
  one town of that country the event names (Xeraco), otherwise the country stays as the site.
Country-level places without a count are context, not sites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from schemas.events import Site, Span
from services.extractor.events.countries import countries_in
from services.extractor.events.numbers import find_numbers
from services.extractor.events.places import Gazetteer, Place
from services.extractor.events.timex import MONTHS, WEEKDAYS

_NAME = r"[A-Z][\w\u00c0-\u024f'\u2019-]*"
_CANDIDATE = re.compile(rf"(?<![\w-]){_NAME}(?:\s+(?:{_NAME}|al-\w+|el-\w+|de\s+la|de|del)){{0,4}}")
_REFERENCE_POINT = re.compile(r"\b(?:(?:north|south|east|west)(?:east|west)?\s+of|outside|near)\s+$", re.I)
_CALENDAR = frozenset(m.capitalize() for m in MONTHS) | frozenset(d.capitalize() for d in WEEKDAYS)
_DESTINATION = re.compile(r"\b(?:to|towards|into|for)\s+(?:the\s+)?$", re.I)
_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_OPERATING = re.compile(r"\b(?:operating|active|based|worked|working)\b[^.;]{0,60}$", re.I)
_GROUP_IN = re.compile(
    r"\b(?:Islamic\s+State|ISIS|IS|Daesh|al-Qaeda|organi[sz]ation|group)\s+in\s+(?:the\s+)?$"
)
# Before a name nobody has in a gazetteer, only an arrest or raid verb makes it a place.
_UNKNOWN_PLACE_CUE = re.compile(
    r"\b(?:arrested|detained|apprehended|held|raided|captured|cells?|took\s+place)\s+in\s+$", re.I
)
# Between X and Y when Y only locates X.
_CONTAINER_GAP = re.compile(
    r"^(?:\s+in\s+(?:the\s+)?|\s*\(\s*(?:the\s+)?|,\s+(?:a|an|the)\s+[^,.;()]{0,50}?\b(?:in|within|of)\s+(?:the\s+)?(?:[a-z]+\s+)?)$"
)
_LOCATIVE = re.compile(r"(?:\b(?:in|at|near|from|to|of|and|outside)\s+(?:the\s+)?|,\s*)$", re.I)
_PERSON_AFTER = re.compile(
    r"(?:,\s*\d{1,3},|\s+[A-Z]\.\s|\s+(?:said|says|noted|asked|told|added|explained|argued|wrote|claimed"
    r"|insisted|and\s+(?:his|her)\b))",
    re.I,
)
BIG_TOWN = 100_000
ABROAD_MIN_POPULATION = 50_000
# Institutions named after places, and capitalised words that are not places in news prose.
_ORGANISATION = re.compile(
    r"^(?:White\s+House|Pentagon|Kremlin|Downing\s+Street|Elys[eé]e|Capitol(?:\s+Hill)?|Homeland|Congress|Parliament"
    r"|Interpol|Europol|University|College|Court|Ministry|Police|Army|Navy)\b"
)
# "Rabat - ...", "RABAT, March 7 (Reuters) -", "Madrid (AFP) —": where the story was filed, not the site
_DATELINE = re.compile(r"(?:\s*,\s*\w+\.?\s+\d{1,2})?\s*(?:\([^)]{1,30}\))?\s*[-\u2013\u2014:]\s")


def _at_paragraph_start(text: str, start: int) -> bool:
    return start == 0 or text[max(0, start - 2) : start].endswith(("\n", "\n\n"))


_CLAUSE = re.compile(r",\s*(?:while|whereas|and)\s+|;\s*|\s+while\s+|\s+whereas\s+")
# Counts of people taken, not of a cell's size ("three elements") or of fighters abroad.
_COUNTED = frozenset(
    "arrests detentions detainees suspects suspect people persons individuals men women nationals citizens "  # noqa: SIM905
    "moroccans spaniards".split()
)
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


def _role(before: str) -> str:
    if _DESTINATION.search(before):
        return "destination"
    if _ORIGIN.search(before):
        return "origin"
    if _OPERATING.search(before):
        return "operating_area"
    return "event_site"


def find_sites(
    text: str, windows: list[tuple[int, int]], context: list[str], places: Gazetteer, skip: set[str]
) -> list[SiteMention]:
    found: list[SiteMention] = []
    for start, end in windows:
        for match in _CANDIDATE.finditer(text, start, end):
            before = text[max(start, match.start() - 60) : match.start()]
            if _REFERENCE_POINT.search(before[-30:]) and any(match.start() - f.end < 80 for f in found):
                continue  # "San Martin de la Vega, just south of Madrid": a landmark for the site just named
            site = _resolve(text, match, context, places, skip, before)
            if site is not None and site.precision != "city" and _GROUP_IN.search(before):
                continue  # "the Islamic State in the Sahel / in Somalia": a branch's name, not a place
            if site is not None and all(site.start != s.start and site.name != s.name for s in found):
                site.role = _role(before)
                found.append(site)
    _absorb_containers(text, found)
    return found


def _resolve(
    text: str, match: re.Match[str], context: list[str], places: Gazetteer, skip: set[str], before: str
) -> SiteMention | None:
    if (
        (_DATELINE.match(text, match.end()) and _at_paragraph_start(text, match.start()))
        or _PERSON_AFTER.match(text, match.end())
        or _ORGANISATION.match(match.group(0))
        or re.search(r"\b[A-Z]\.\s+$", before)  # "George W. Bush": a surname after an initial
        or re.match(r"[A-Z]\.\s", text[match.end() - 1 : match.end() + 2])  # and the name before it
    ):
        return None  # "Hayden noted", "Dzhokhar and his brother", "Salman Abedi, 22,", "the White House"
    if re.match(r"\s+of\s+[A-Z]", text[match.end() : match.end() + 6]):
        return None  # "University of Massachusetts", "Bank of Spain": an organisation's name
    words = match.group(0).split()
    # A misspelling is only looked for where a place is expected ("in Shata and Almaeria"), and on
    # the whole name: it is the costly part of resolution.
    locative = bool(_LOCATIVE.search(before))
    for n in range(len(words), 0, -1):  # the longest name first
        candidate = " ".join(words[:n])
        if candidate in _CALENDAR or any(candidate in s for s in skip):
            continue
        place = places.resolve(candidate, context, fuzzy=locative and n == len(words))
        if place is None:
            continue
        whole = n == len(words)
        big = place.population >= BIG_TOWN or place.precision != "city"
        if place.resolution == "alternate" and not (place.population >= 10_000 and whole and locative):
            # an alternate name ("Fnideq" for Fnidek) is often a word or a person elsewhere ("Hayden
            # noted", "Dzhokhar Tsarnaev"): a town's, on the whole capitalised run, in a place slot
            continue
        if place.resolution == "exact" and not (big or (whole and (locative or len(words) > 1))):
            # a small town named like a word or a first name ("George W. Bush", "Martin Luther King",
            # "Copley Square"): the whole capitalised run, in a place slot or a multi-word name
            continue
        abroad_ok = whole and locative and place.population >= ABROAD_MIN_POPULATION
        if (
            place.country is not None
            and place.country not in context
            and (context or not big)
            and not abroad_ok
        ):
            # the context prior: an Almería in an article about Spain; with no country named, big places
            # only; a town of some size is still taken in a place slot ("French troops ... near Gao")
            continue
        s = match.start()
        return SiteMention(
            candidate, s, s + len(candidate), place, place.name, place.country, place.precision
        )
    candidate = words[0]
    if (
        len(words) == 1
        and candidate not in _CALENDAR
        and not any(candidate in s for s in skip)
        and _UNKNOWN_PLACE_CUE.search(before)
    ):
        return SiteMention(candidate, match.start(), match.end(), None, candidate, None, "country")
    return None


def _absorb_containers(text: str, sites: list[SiteMention]) -> None:
    """Drop places that only locate the previous one ("Xeraco in Valencia"), lending their country."""
    for outer in list(sites):
        before = [s for s in sites if s.end <= outer.start and outer.start - s.end <= 70]
        inner = max(before, key=lambda s: s.end) if before else None  # the nearest name before
        if inner is None or inner is outer or not _CONTAINER_GAP.match(text[inner.end : outer.start]):
            continue
        coarser = outer.precision in _COARSE or (
            inner.place is not None
            and outer.place is not None
            and inner.place.admin1 == outer.place.admin1
            and outer.place.population > inner.place.population
        )
        if inner.place is None:  # an unknown name, located by its container
            inner.country = outer.country
            inner.place = replace(outer.place, name=inner.name) if outer.place else None
            inner.borrowed = True
            inner.precision = outer.precision if outer.precision != "city" else "admin2"
            sites.remove(outer)
        elif coarser and (inner.country == outer.country or outer.country is None):
            sites.remove(outer)


def assign_counts(text: str, windows: list[tuple[int, int]], sites: list[SiteMention]) -> None:
    """Per-site counts from clauses that pair one people count with one place."""
    for start, end in windows:
        cursor = start
        bounds = [m.start() for m in _CLAUSE.finditer(text, start, end)] + [end]
        for bound in bounds:
            clause_sites = [s for s in sites if cursor <= s.start < bound and s.role == "event_site"]
            counts = [
                n
                for n in find_numbers(text[cursor:bound])
                if n.value is not None and (n.unit in _COUNTED or _of_the_arrests(text, cursor + n.end))
            ]
            if len(clause_sites) == 1 and counts and clause_sites[0].count is None:
                site, number = clause_sites[0], counts[0]
                site.count = number.value
                site.count_span = (cursor + number.start, cursor + number.end)
            cursor = bound


def _of_the_arrests(text: str, end: int) -> bool:
    return bool(
        re.match(
            r"\s+of\s+(?:the\s+|those\s+)?(?:arrests|detainees|suspects|detentions)", text[end : end + 30]
        )
    )


def refine(sites: list[SiteMention], sentence_countries: dict[int, set[str]]) -> list[SiteMention]:
    """Country counts move to the event's one town in that country; country-only places without a
    count go; unknown names need a country from their sentence."""
    out: list[SiteMention] = []
    for site in sites:
        if site.place is None and site.country is None:
            countries = sentence_countries.get(site.start, set())
            if len(countries) != 1:
                continue  # "Shata": no single country to place it in; better no site than a wrong one
            site.country = next(iter(countries))
        out.append(site)
    for country_site in [s for s in out if s.precision == "country" and s.place is not None]:
        towns = [
            s
            for s in out
            if s is not country_site and s.country == country_site.country and s.precision != "country"
        ]
        if country_site.count is not None and len(towns) == 1 and towns[0].count is None:
            towns[0].count, towns[0].count_span = country_site.count, country_site.count_span
            out.remove(country_site)
        elif country_site.count is None:
            out.remove(country_site)
    if any(s.precision != "region" for s in out):  # "sent to the Sahel": not where it happened
        out = [s for s in out if s.precision != "region" or (s.role == "event_site" and s.count is not None)]
    return out


def to_site(text: str, site: SiteMention) -> Site:
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
        role=site.role,  # type: ignore[arg-type]
        count=site.count,
        span=Span(start=site.start, end=site.end, text=text[site.start : site.end]),
        resolution="unresolved" if place is None else "contained" if site.borrowed else place.resolution,
    )


def sentence_country_sets(
    text: str, sentences: list[tuple[int, int]], sites: list[SiteMention]
) -> dict[int, set[str]]:
    """For each site start: the countries its sentence names before it, by name (not nationality: "one
    Syrian" is a person; not other places: they may be in the other country of a joint operation;
    not after it: "cells in Shata ..., where individuals were recruited for fighting in Mali")."""
    out: dict[int, set[str]] = {}
    for site in sites:
        for start, end in sentences:
            if start <= site.start < end:
                out[site.start] = countries_in(text, start, site.start, names_only=True)
                break
    return out
