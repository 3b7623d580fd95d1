"""Page metadata, read from the parsed tree before extraction (which consumes the tree).

Dates carry their source, in order of trust: ``json_ld`` and ``html_meta`` (meta
tags, ``<time datetime>``, itemprop) are what the publisher declared; ``url`` is a
/YYYY/MM/DD/ path; ``text`` is htmldate's search of the page text, used only when
nothing is declared; ``crawl_time`` (set by the caller) when all else fails.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from htmldate import find_date
from htmldate.extractors import get_external_parser
from lxml.html import HtmlElement

DateSource = Literal["html_meta", "json_ld", "url", "text", "crawl_time"]

_PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "date",
)
_MODIFIED_KEYS = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|[-_]|$)")
_MIN_DATE = date(1995, 1, 1)
TEXT_SEARCH_CHARS = 20_000


@dataclass
class PageMetadata:
    title: str | None = None
    title_variants: list[str] = field(default_factory=list)  # og:title, <title>, h1, ...: for edge trimming
    authors: list[str] = field(default_factory=list)
    sitename: str | None = None
    description: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    image_url: str | None = None
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    published: date | None = None
    published_source: DateSource | None = None
    modified: date | None = None
    modified_source: DateSource | None = None


def parse_date(value: Any, *, latest: date | None = None) -> date | None:
    """A plausible calendar date from an ISO-like string, or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        match = re.match(r"((?:19|20)\d{2})-(\d{2})-(\d{2})", text)
        if not match:
            return None
        try:
            parsed = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    if parsed < _MIN_DATE or (latest is not None and parsed > latest):
        return None
    return parsed


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = meta.get("content")
        if key and content and key not in values:
            values[key] = content.strip()
    return values


def _json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, ``@graph`` members included."""
    objects: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            objects.append(node)
            for key in ("@graph", "mainEntity", "itemListElement"):
                walk(node.get(key))
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            walk(json.loads(script.text or ""))
        except (json.JSONDecodeError, RecursionError):
            continue
    return objects


def _first(objects: list[dict[str, Any]], key: str) -> Any:
    for obj in objects:
        if obj.get(key):
            return obj[key]
    return None


def _names(value: Any) -> list[str]:
    """Names from a JSON-LD person/organisation value: a string, an object or a list of them."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _time_element(tree: HtmlElement) -> str | None:
    candidates = tree.xpath("//time[@datetime]")
    preferred = [t for t in candidates if t.get("pubdate") is not None or "publish" in (t.get("class") or "")]
    for element in preferred or candidates:
        return str(element.get("datetime"))
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        return str(element.get("datetime") or element.get("content") or element.text_content())
    return None


Dated = tuple[date | None, DateSource | None]


def _dates(
    tree: HtmlElement,
    url: str | None,
    latest: date,
    meta: dict[str, str],
    ld: list[dict[str, Any]],
    html: str | None,
) -> tuple[Dated, Dated]:
    ld_published, ld_modified = _first(ld, "datePublished"), _first(ld, "dateModified")
    published: Dated = (None, None)
    for declared, declared_source in _declared_published(tree, meta, ld_published):
        if (parsed := parse_date(declared, latest=latest)) is not None:
            published = (parsed, declared_source)
            break
    if published[0] is None and url and (match := _URL_DATE.search(url)):
        with contextlib.suppress(ValueError):
            published = (date(int(match[1]), int(match[2]), int(match[3])), "url")
    if published[0] is None and html and (found := _text_date(html[:TEXT_SEARCH_CHARS], latest)):
        published = (found, "text")
    modified: Dated = (None, None)
    for value, source in (
        (ld_modified, "json_ld"),
        *((meta.get(key), "html_meta") for key in _MODIFIED_KEYS),
    ):
        if (parsed := parse_date(value, latest=latest)) is not None:
            modified = (parsed, source)  # type: ignore[assignment]
            break
    return published, modified


def _declared_published(
    tree: HtmlElement, meta: dict[str, str], ld_published: str | None
) -> Iterator[tuple[str | None, DateSource]]:
    """The page's declared publication dates, best source first; lazily, because the last one
    walks the whole tree and most pages have stopped before it."""
    yield ld_published, "json_ld"
    for key in _PUBLISHED_KEYS:
        yield meta.get(key), "html_meta"
    yield _time_element(tree), "html_meta"


def warm_date_parser() -> None:
    """Load the date parser htmldate falls back to, with every language it knows.

    dateparser loads a language's data the first time a string needs it, and a string no
    language parses needs them all: over a second, once per process. A worker pays it here,
    before its first page, not inside some page's time limit.
    """
    get_external_parser().get_date_data("12 newswire 2024")


def _text_date(html: str, latest: date) -> date | None:
    """htmldate's search of the page text, when nothing is declared (the slow path: it runs only
    here, on the page's first TEXT_SEARCH_CHARS).

    When it finds no full date, htmldate falls back to a copyright year or a bare year as
    1 January, and to a year and month as the 1st: a day the page never states. Such a date is
    dropped (the caller then uses the crawl time) unless the page does state that 1st.
    """
    found = parse_date(
        find_date(html, original_date=True, extensive_search=True, max_date=latest.isoformat()), latest=latest
    )
    if found is None or found.day != 1 or _states_first_of_month(html, found):
        return found
    return None


# Month names of the languages newswire reads most, by their first three or four letters.
_MONTH_STEMS = (
    ("jan", "ene", "janv", "genn"),
    ("feb", "fév", "fev", "fevr", "febb"),
    ("mar", "mär", "mars", "marz"),
    ("apr", "abr", "avr"),
    ("may", "mai", "mayo", "maio", "magg"),
    ("jun", "juin", "giu"),
    ("jul", "juil", "lug"),
    ("aug", "ago", "août", "aout"),
    ("sep", "set"),
    ("oct", "okt", "out", "ott"),
    ("nov",),
    ("dec", "dez", "déc", "dic"),
)


def _states_first_of_month(html: str, day: date) -> bool:
    """Whether the text writes out the 1st of ``day``'s month: numerically or with a month name."""
    y, m = day.year, day.month
    numeric = rf"{y}[-/.]0?{m}[-/.]0?1\b|\b0?1[-/.]0?{m}[-/.]{y}|\b0?{m}/0?1/{y}|{y}{m:02d}01"
    month = "|".join(re.escape(stem) for stem in _MONTH_STEMS[m - 1])
    one = r"(1|01|1st|1er|1\.|1º|primero)"
    spelled = (
        rf"\b{one}\s+(de\s+|of\s+)?({month})\w*\.?,?\s+(de\s+)?{y}\b"
        rf"|\b({month})\w*\.?\s+{one},?\s+{y}\b"
    )
    return re.search(f"{numeric}|{spelled}", html, re.IGNORECASE) is not None


_TITLE_SEPARATOR = re.compile(r"\s+[|\u2013\u2014\u00b7:-]{1,2}\s+")


def _without_site_name(title: str) -> str:
    """The longest part of a title that a site joined to its name ("Headline | Site", "Site - Headline")."""
    parts = _TITLE_SEPARATOR.split(title)
    return max(parts, key=len) if len(parts) > 1 else title


def _clean(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("name")
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _canonical_link(tree: HtmlElement, meta: dict[str, str]) -> str | None:
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    return str(canonical[0]).strip() if canonical else _clean(meta.get("og:url"))


def canonical_link(tree: HtmlElement) -> str | None:
    """The page's own canonical link, else its og:url: what names a saved page."""
    return _canonical_link(tree, _meta_values(tree))


def read_metadata(
    tree: HtmlElement, url: str | None, *, html: str | None = None, today: date | None = None
) -> PageMetadata:
    """Metadata of the page from its meta tags, JSON-LD and markup; does not modify ``tree``."""
    latest = today or date.today()
    meta = _meta_values(tree)
    ld = _json_ld(tree)
    html_title = tree.find(".//title")
    heading = tree.find(".//h1")
    variants = [
        _clean(meta.get("og:title")),
        _clean(meta.get("twitter:title")),
        _clean(_first(ld, "headline")),
        _clean(html_title.text_content() if html_title is not None else None),
        _clean(heading.text_content() if heading is not None else None),
    ]
    titles = [t for t in dict.fromkeys(variants) if t]
    title = titles[0] if titles else None
    if titles and (headline := _without_site_name(titles[0])) not in titles:
        titles.append(headline)  # "Headline | Site": the headline as the page prints it
    authors = _names(_first(ld, "author")) or [
        a for a in ((meta.get("author") or meta.get("article:author") or "").split(";")) if a.strip()
    ]
    tags = [
        t.strip() for t in (meta.get("article:tag") or meta.get("keywords") or "").split(",") if t.strip()
    ]
    keywords = _first(ld, "keywords")
    if not tags and keywords:
        tags = [
            k.strip()
            for k in (keywords.split(",") if isinstance(keywords, str) else keywords)
            if str(k).strip()
        ]
    section = meta.get("article:section") or _first(ld, "articleSection")
    language = tree.get("lang") or meta.get("content-language") or meta.get("og:locale")
    publisher = _names(_first(ld, "publisher"))
    (published, published_source), (modified, modified_source) = _dates(tree, url, latest, meta, ld, html)
    return PageMetadata(
        title=title,
        title_variants=titles,
        authors=[" ".join(a.split()) for a in authors][:20],
        sitename=_clean(meta.get("og:site_name")) or (publisher[0] if publisher else None),
        description=_clean(meta.get("og:description")) or _clean(meta.get("description")),
        language=language.split("-")[0].split("_")[0].lower() if language else None,
        canonical_url=_canonical_link(tree, meta),
        image_url=_clean(meta.get("og:image"))
        or _clean(meta.get("twitter:image"))
        or _clean(_first(ld, "image")),
        tags=[str(t) for t in tags][:50],
        categories=[str(s) for s in (section if isinstance(section, list) else [section] if section else [])],
        published=published,
        published_source=published_source,
        modified=modified,
        modified_source=modified_source,
    )
