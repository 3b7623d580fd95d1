from __future__ import annotations

import asyncio

import httpx
import pytest

from services.common.settings import FetcherSettings
from services.common.urls import article_id, canonicalize, host_of
from services.demo.pages import load_articles, render_atom, render_rss
from services.fetcher.feedfile import FeedConfig
from services.fetcher.feeds import FeedPoller
from services.fetcher.http import HttpFetcher
from tests.unit.fetcher.test_fetcher_http import resp

BASE = "http://127.0.0.1:8000"


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("HTTP://Example.COM:80/a/b?utm_source=x&id=3&fbclid=1#frag", "http://example.com/a/b?id=3"),
        ("https://example.com:443/x?gclid=2&page=2", "https://example.com/x?page=2"),
        ("https://example.com/story/?utm_medium=rss#comments", "https://example.com/story/"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/app#!/story/9", "https://example.com/app#!/story/9"),
    ],
)
def test_canonical_urls_drop_tracking_keep_identity(raw: str, canonical: str) -> None:
    assert canonicalize(raw) == canonical


def test_article_id_is_stable_and_depends_only_on_the_canonical_url() -> None:
    a = article_id(canonicalize("https://example.com/x?utm_source=a"))
    assert a == article_id(canonicalize("https://EXAMPLE.com/x#top"))
    assert a != article_id(canonicalize("https://example.com/y"))
    assert len(a) == 32 and int(a, 16) >= 0
    assert host_of("https://News.Example.com:8443/a") == "news.example.com"


def _poller(handler: object) -> tuple[FeedPoller, HttpFetcher]:
    http = HttpFetcher(FetcherSettings(), transport=httpx.MockTransport(handler))  # type: ignore[arg-type]
    return FeedPoller(http, max_feed_bytes=1024 * 1024, initial_interval_s=300), http


def feed(url: str) -> FeedConfig:
    return FeedConfig(url=url, min_interval_s=60, max_interval_s=3600)


def test_rss_and_atom_entries_of_the_same_article_share_one_canonical_url() -> None:
    articles = load_articles()
    feeds = {"/feed.rss": render_rss(articles, BASE), "/feed.atom": render_atom(articles, BASE)}

    def handler(request: httpx.Request) -> httpx.Response:
        return resp(200, feeds[request.url.path].encode(), {"content-type": "application/xml"})

    async def go() -> tuple[list[str], list[str]]:
        poller, http = _poller(handler)
        try:
            rss = await poller.poll(feed(f"{BASE}/feed.rss"))
            atom = await poller.poll(feed(f"{BASE}/feed.atom"))
        finally:
            await http.aclose()
        assert rss.status.outcome == atom.status.outcome == "ok"
        assert rss.status.entries == atom.status.entries == 5
        return [d.canonical_url for d in rss.discovered], [d.canonical_url for d in atom.discovered]

    rss_urls, atom_urls = asyncio.run(go())
    assert sorted(rss_urls) == sorted(atom_urls) == sorted(BASE + a.path for a in articles)


def test_conditional_get_and_body_hash_fallback() -> None:
    feed_body = render_rss(load_articles()[:2], BASE).encode()
    seen_headers: list[dict[str, str]] = []

    def etag_server(request: httpx.Request) -> httpx.Response:
        seen_headers.append(dict(request.headers))
        if request.headers.get("if-none-match") == '"v1"':
            return resp(304)
        return resp(200, feed_body, {"etag": '"v1"', "content-type": "application/rss+xml"})

    def validator_blind_server(request: httpx.Request) -> httpx.Response:
        return resp(200, feed_body, {"content-type": "application/rss+xml"})

    async def go() -> None:
        poller, http = _poller(etag_server)
        first = await poller.poll(feed(f"{BASE}/feed.rss"))
        second = await poller.poll(feed(f"{BASE}/feed.rss"))
        await http.aclose()
        assert (first.status.outcome, len(first.discovered)) == ("ok", 2)
        assert (second.status.outcome, second.status.http_status, second.discovered) == (
            "not_modified",
            304,
            [],
        )
        assert seen_headers[1]["if-none-match"] == '"v1"'

        blind, http2 = _poller(validator_blind_server)
        await blind.poll(feed(f"{BASE}/feed.rss"))
        again = await blind.poll(feed(f"{BASE}/feed.rss"))
        await http2.aclose()
        assert (again.status.outcome, again.status.http_status) == ("not_modified", 200)

    asyncio.run(go())


def test_poller_skips_urls_it_already_emitted_and_reports_errors_as_status() -> None:
    articles = load_articles()
    state = {"n": 2}

    def growing_feed(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/broken":
            return resp(500)
        return resp(
            200, render_rss(articles[: state["n"]], BASE).encode(), {"content-type": "application/rss+xml"}
        )

    async def go() -> None:
        poller, http = _poller(growing_feed)
        first = await poller.poll(feed(f"{BASE}/feed.rss"))
        for d in first.discovered:
            poller.mark_emitted(d.canonical_url)
        state["n"] = 4
        second = await poller.poll(feed(f"{BASE}/feed.rss"))
        broken = await poller.poll(feed(f"{BASE}/broken"))
        await http.aclose()
        assert [d.canonical_url for d in second.discovered] == [BASE + a.path for a in articles[2:4]]
        assert (second.status.entries, second.status.new_entries) == (4, 2)
        assert (broken.status.outcome, broken.status.http_status) == ("error", 500)
        assert "ServerError" in (broken.status.error or "")

    asyncio.run(go())


def test_garbage_feed_is_an_error_status_not_an_exception() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return resp(200, b"\x00\x01 this is not xml <<<", {"content-type": "application/xml"})

    async def go() -> None:
        poller, http = _poller(handler)
        result = await poller.poll(feed(f"{BASE}/feed.rss"))
        await http.aclose()
        assert result.status.outcome == "error"
        assert result.discovered == []

    asyncio.run(go())
