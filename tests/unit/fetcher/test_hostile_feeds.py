"""Feed documents are untrusted input: any entry, any value, any document gives a feed status and
the fetcher goes on (issue 20, finding 2: one JSON Feed item crash-looped the whole fetcher)."""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Any
from xml.sax.saxutils import escape

import httpx
import pytest
from hypothesis import given
from hypothesis import settings as examples
from hypothesis import strategies as st

from services.fetcher import feeds
from services.fetcher.errors import FeedParseError
from services.fetcher.sources import MAX_TITLE_CHARS, MAX_URL_CHARS, parse_source
from tests.unit.fetcher.test_feeds_and_urls import BASE, _poller, feed
from tests.unit.fetcher.test_fetcher_http import resp

JSON_FEED = "https://jsonfeed.org/version/1.1"


def json_feed(items: Any) -> bytes:
    return json.dumps({"version": JSON_FEED, "title": "t", "items": items}).encode()


def test_hostile_json_feed_entries_are_dropped_one_by_one_and_the_good_ones_kept() -> None:
    good = {"url": "https://news.example/a", "title": "A", "date_published": "2024-05-01T10:00:00Z"}
    items = [
        {"url": "https://news.example/b", "date_published": 20240101},  # a number for a date
        {"url": "http://a]b/x"},  # a host urllib cannot split
        {"url": "https://news.example/" + "x" * MAX_URL_CHARS},  # longer than any article URL
        {"url": ["https://news.example/c"]},
        {
            "url": "https://news.example/d",
            "title": "t" * (MAX_TITLE_CHARS + 50),
            "date_published": "9999-99-99",
        },
        good,
    ]
    parsed = parse_source(json_feed(items), BASE)
    by_url = {e.url: e for e in parsed.entries}
    assert set(by_url) == {"https://news.example/a", "https://news.example/b", "https://news.example/d"}
    assert by_url["https://news.example/b"].published_at is None
    assert len(by_url["https://news.example/d"].title or "") == MAX_TITLE_CHARS
    assert parse_source(json_feed(5), BASE).entries == []  # "items": 5


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
_ITEM = st.fixed_dictionaries(
    {},
    optional={
        "url": _JSON | st.just("https://news.example/ok") | st.text(max_size=30).map("http://".__add__),
        "external_url": _JSON,
        "title": _JSON,
        "date_published": _JSON | st.text(max_size=30),
    },
)


@examples(max_examples=200, deadline=None)
@given(items=_JSON | st.lists(_ITEM | _JSON, max_size=6))
def test_any_json_feed_document_parses_or_is_a_feed_error(items: Any) -> None:
    try:
        parsed = parse_source(json_feed(items), BASE)
    except FeedParseError:
        return
    for entry in parsed.entries:
        assert entry.url.startswith(("http://", "https://")) and len(entry.url) <= MAX_URL_CHARS


@examples(max_examples=100, deadline=None)
@given(link=st.text(max_size=60), title=st.text(max_size=60), date=st.text(max_size=40))
def test_any_rss_item_parses_or_is_a_feed_error(link: str, title: str, date: str) -> None:
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        f"<item><link>{escape(link)}</link><title>{escape(title)}</title><pubDate>{escape(date)}</pubDate></item>"
        "</channel></rss>"
    ).encode("utf-8", "surrogatepass")
    with contextlib.suppress(FeedParseError):  # a document that is no feed is the one other outcome
        parse_source(body, BASE)


def test_a_feed_whose_handling_fails_unexpectedly_is_an_error_status_and_the_next_feed_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = {"n": 0}
    real = feeds.parse_source

    def flaky(body: bytes, url: str) -> Any:
        calls["n"] += 1
        if url.endswith("/bad.json"):
            raise RuntimeError("a bug in a parser")
        return real(body, url)

    monkeypatch.setattr(feeds, "parse_source", flaky)

    def handler(request: httpx.Request) -> httpx.Response:
        return resp(200, json_feed([{"url": "https://news.example/a"}]), {"content-type": "application/json"})

    async def go() -> None:
        poller, http = _poller(handler)
        bad = await poller.poll(feed(f"{BASE}/bad.json"))
        good = await poller.poll(feed(f"{BASE}/good.json"))
        await http.aclose()
        assert bad.status.outcome == "error"
        assert (bad.status.error or "").startswith("internal_error: RuntimeError")
        assert [d.url for d in good.discovered] == ["https://news.example/a"]

    asyncio.run(go())
    assert calls["n"] == 2


def test_credentials_in_a_feeds_links_are_dropped() -> None:
    items = [{"url": "https://editor:s3cret@news.example/a?x=1"}]
    (entry,) = parse_source(json_feed(items), BASE).entries
    assert entry.url == "https://news.example/a?x=1"
