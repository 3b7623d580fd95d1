"""Reading the documents that list articles: RSS 0.9x/1.0/2.0 and Atom (feedparser), JSON Feed,
sitemaps, sitemap indexes and Google News sitemaps."""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

import feedparser
from lxml import etree

from services.fetcher.errors import FeedParseError

SourceKind = Literal["rss", "atom", "feed", "json_feed", "sitemap", "sitemap_index"]

# A feed is untrusted input: what one entry carries is bounded so that its ``urls`` record always
# fits the broker's record limit with room to spare. 8,000 octets is the URL length RFC 9110
# asks every sender and recipient to support; no article URL is longer in practice.
MAX_URL_CHARS = 8_000
MAX_TITLE_CHARS = 2_000

_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True)
class Entry:
    url: str
    title: str | None = None
    published_at: datetime | None = None


@dataclass
class ParsedSource:
    kind: SourceKind
    entries: list[Entry] = field(default_factory=list)
    children: list[tuple[str, datetime | None]] = field(default_factory=list)  # sitemap index: (loc, lastmod)


def _parse_datetime(value: Any) -> datetime | None:
    """An RFC 3339 date; anything else (a number, a list, an impossible date) is no date."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except (ValueError, OverflowError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _http_url(value: Any) -> str | None:
    """An absolute http(s) URL with a host that urllib can split, at most MAX_URL_CHARS long."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if len(url) > MAX_URL_CHARS or not url.lower().startswith(("http://", "https://")):
        return None
    try:
        parts = urlsplit(url)
        if not parts.hostname:
            return None
    except ValueError:  # "http://a]b/x": an unbalanced bracket in the host
        return None
    if "@" in parts.netloc:
        # credentials in a feed's link are never sent, stored in a record or logged
        return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    return url


def _title(value: Any) -> str | None:
    return value[:MAX_TITLE_CHARS] if isinstance(value, str) else None


def parse_source(body: bytes, source_url: str) -> ParsedSource:
    """Parse a feed or sitemap document; raise :class:`FeedParseError` when it is neither."""
    head = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head in (b"{", b"["):
        return _parse_json_feed(body, source_url)
    try:
        root = etree.fromstring(body, parser=_XML_PARSER)
    except etree.XMLSyntaxError:
        root = None
    if root is not None and root.tag == f"{_SITEMAP_NS}sitemapindex":
        return _parse_sitemap_index(root)
    if root is not None and root.tag == f"{_SITEMAP_NS}urlset":
        return _parse_urlset(root)
    return _parse_feed(body, source_url)


def _parse_json_feed(body: bytes, source_url: str) -> ParsedSource:
    try:
        doc = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedParseError(f"{source_url}: invalid JSON: {exc}") from exc
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise FeedParseError(f"{source_url}: JSON but not a JSON Feed")
    items = doc.get("items")
    entries = []
    for item in items if isinstance(items, list) else []:  # "items": 5 lists nothing
        if not isinstance(item, dict):
            continue
        url = _http_url(item.get("url")) or _http_url(item.get("external_url"))
        if url:
            entries.append(Entry(url, _title(item.get("title")), _parse_datetime(item.get("date_published"))))
    return ParsedSource("json_feed", entries)


def _text(element: Any, path: str) -> str | None:
    found = element.find(path)
    return found.text.strip() if found is not None and found.text else None


def _parse_sitemap_index(root: Any) -> ParsedSource:
    children = []
    for sitemap in root.iter(f"{_SITEMAP_NS}sitemap"):
        loc = _http_url(_text(sitemap, f"{_SITEMAP_NS}loc"))
        if loc:
            children.append((loc, _parse_datetime(_text(sitemap, f"{_SITEMAP_NS}lastmod"))))
    return ParsedSource("sitemap_index", children=children)


def _parse_urlset(root: Any) -> ParsedSource:
    entries = []
    for url_el in root.iter(f"{_SITEMAP_NS}url"):
        loc = _http_url(_text(url_el, f"{_SITEMAP_NS}loc"))
        if not loc:
            continue
        news = url_el.find(f"{_NEWS_NS}news")
        if news is not None:  # Google News sitemap
            title = _text(news, f"{_NEWS_NS}title")
            published = _parse_datetime(_text(news, f"{_NEWS_NS}publication_date"))
        else:
            title, published = None, _parse_datetime(_text(url_el, f"{_SITEMAP_NS}lastmod"))
        entries.append(Entry(loc, title, published))
    return ParsedSource("sitemap", entries)


def _entry_time(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            except (ValueError, OverflowError, OSError):  # a year feedparser accepts, datetime does not
                return None
    return None


def _parse_feed(body: bytes, source_url: str) -> ParsedSource:
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    version = str(parsed.get("version") or "")
    if not version and not parsed.get("entries"):
        raise FeedParseError(f"{source_url}: not a feed or sitemap ({parsed.get('bozo_exception')!r})")
    kind: SourceKind = (
        "atom" if version.startswith("atom") else "rss" if version.startswith("rss") else "feed"
    )
    entries = []
    for entry in parsed.get("entries", []):
        url = _http_url(entry.get("link"))
        if url:
            entries.append(Entry(url, _title(entry.get("title")), _entry_time(entry)))
    return ParsedSource(kind, entries)
