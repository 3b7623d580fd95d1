"""Feeds and sitemaps of every kind, polled from a real server with conditional GET."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tomllib
from collections.abc import Iterator

import pytest

from services.common.settings import FetcherSettings, Settings, settings_to_env
from services.fetcher.feedfile import FeedConfig, parse_feeds_file
from services.fetcher.feeds import FeedPoller, PollResult
from services.fetcher.http import HttpFetcher
from tests.httpserver import TestServer, page
from tests.integration.fetcher_helpers import settings

pytestmark = pytest.mark.integration


@pytest.fixture
def server() -> Iterator[TestServer]:
    with TestServer("127.0.0.2") as s:
        yield s


def _poll_all(urls: list[str], rounds: int = 1) -> list[list[PollResult]]:
    async def go() -> list[list[PollResult]]:
        http = HttpFetcher(settings())
        poller = FeedPoller(http, max_feed_bytes=1024 * 1024, initial_interval_s=60)
        try:
            out = []
            for _ in range(rounds):
                results = []
                for url in urls:
                    result = await poller.poll(FeedConfig(url=url))
                    for d in result.discovered:
                        poller.mark_emitted(d.canonical_url)
                    results.append(result)
                out.append(results)
            return out
        finally:
            await http.aclose()

    return asyncio.run(go())


def test_every_source_kind_is_parsed(server: TestServer) -> None:
    b = server.base
    rss091 = (
        f'<rss version="0.91"><channel><title>t</title><item><title>A</title><link>{b}/a/rss091</link></item>'
        "</channel></rss>"
    )
    rdf = (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
        f'<channel rdf:about="{b}/"><title>t</title></channel><item rdf:about="{b}/a/rdf"><title>R</title>'
        f"<link>{b}/a/rdf</link></item></rdf:RDF>"
    )
    rss2 = (
        f'<rss version="2.0"><channel><title>t</title><item><title>B</title>'
        f"<link>{b}/a/rss2?utm_source=feed</link>"
        "<pubDate>Wed, 25 Jan 2023 10:00:00 GMT</pubDate></item></channel></rss>"
    )
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id><updated>2023-01-25T10:00:00Z</updated>'
        f'<entry><title>C</title><id>c</id><link href="{b}/a/atom"/>'
        "<updated>2023-01-25T10:00:00Z</updated></entry></feed>"
    )
    json_feed = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "t",
            "items": [
                {"id": "1", "url": f"{b}/a/json", "title": "D", "date_published": "2023-01-25T10:00:00Z"},
                {"id": "2", "external_url": f"{b}/a/json-external"},
                {"id": "3"},
            ],
        }
    )
    news_sitemap = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"<url><loc>{b}/a/news</loc><news:news><news:publication><news:name>N</news:name>"
        "<news:language>en</news:language></news:publication>"
        "<news:publication_date>2023-01-25T10:00:00+00:00</news:publication_date>"
        "<news:title>Cell dismantled</news:title></news:news></url></urlset>"
    )
    plain_sitemap = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{b}/a/s1</loc><lastmod>2023-01-20</lastmod></url><url><loc>{b}/a/s2</loc></url></urlset>"
    )
    index = (
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{b}/sitemap-news.xml</loc><lastmod>2023-01-25</lastmod></sitemap>"
        f"<sitemap><loc>{b}/sitemap-1.xml</loc><lastmod>2023-01-20</lastmod></sitemap></sitemapindex>"
    )
    xml = {"Content-Type": "application/xml"}
    server.routes.update(
        {
            "/rss091.xml": page(rss091, headers=xml),
            "/rdf.xml": page(rdf, headers=xml),
            "/rss2.xml": page(rss2, headers=xml),
            "/atom.xml": page(atom, headers=xml),
            "/feed.json": page(json_feed, headers={"Content-Type": "application/feed+json"}),
            "/sitemap-news.xml": page(news_sitemap, headers=xml),
            "/sitemap-1.xml": page(plain_sitemap, headers=xml),
            "/sitemap.xml": page(index, headers=xml),
        }
    )
    names = ["rss091.xml", "rdf.xml", "rss2.xml", "atom.xml", "feed.json", "sitemap-news.xml", "sitemap.xml"]
    (results,) = _poll_all([server.url(f"/{n}") for n in names])
    by_name = dict(zip(names, results, strict=True))
    assert [r.status.outcome for r in results] == ["ok"] * len(names)
    assert by_name["rss091.xml"].status.kind == "rss"
    assert [d.url for d in by_name["rdf.xml"].discovered] == [f"{b}/a/rdf"]
    rss2_url = by_name["rss2.xml"].discovered[0]
    assert rss2_url.canonical_url == f"{b}/a/rss2" and rss2_url.feed_published_at is not None
    assert by_name["atom.xml"].status.kind == "atom"
    assert [d.url for d in by_name["feed.json"].discovered] == [f"{b}/a/json", f"{b}/a/json-external"]
    assert by_name["feed.json"].status.kind == "json_feed"
    news = by_name["sitemap-news.xml"].discovered[0]
    assert (news.title, news.feed_published_at.isoformat()) == (
        "Cell dismantled",
        "2023-01-25T10:00:00+00:00",
    )  # type: ignore[union-attr]
    index_result = by_name["sitemap.xml"]
    assert index_result.status.kind == "sitemap_index"
    # the news sitemap's URL was emitted already by its own poll; the index adds the plain sitemap's two
    assert sorted(d.url for d in index_result.discovered) == [f"{b}/a/s1", f"{b}/a/s2"]


def test_unchanged_feeds_are_not_reparsed_and_emit_nothing(server: TestServer) -> None:
    rss = (
        f'<rss version="2.0"><channel><title>t</title><item><link>{server.base}/a/1</link></item>'
        f"<item><link>{server.base}/a/2</link></item></channel></rss>"
    )

    def with_etag(h: object) -> None:
        if h.headers.get("If-None-Match") == '"v1"':  # type: ignore[attr-defined]
            page(b"", 304, {"ETag": '"v1"'})(h)  # type: ignore[arg-type]
        else:
            page(rss, headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'})(h)  # type: ignore[arg-type]

    server.routes["/etag.xml"] = with_etag
    server.routes["/blind.xml"] = page(
        rss, headers={"Content-Type": "application/rss+xml"}
    )  # ignores validators
    first, second = _poll_all([server.url("/etag.xml"), server.url("/blind.xml")], rounds=2)
    assert [(r.status.outcome, len(r.discovered)) for r in first] == [
        ("ok", 2),
        ("ok", 0),
    ]  # same URLs in both
    assert [(r.status.outcome, r.status.http_status) for r in second] == [
        ("not_modified", 304),
        ("not_modified", 200),
    ]
    assert all(r.discovered == [] for r in second)
    etag_hits = server.hits("/etag.xml")
    assert etag_hits[1].headers.get("if-none-match") == '"v1"'
    assert second[0].status.not_modified_ratio == 0.5


def test_feeds_discover_finds_and_checks_feeds_and_sitemaps(server: TestServer) -> None:
    b = server.base
    server.routes["/"] = page(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">'
        '<link rel="alternate" type="application/atom+xml" href="/broken.xml"></head><body>home</body></html>'
    )
    server.routes["/rss.xml"] = page(
        f'<rss version="2.0"><channel><title>t</title><item><link>{b}/a/1</link></item></channel></rss>',
        headers={"Content-Type": "application/rss+xml"},
    )
    server.routes["/broken.xml"] = page("gone", 410)
    server.routes["/robots.txt"] = page(
        f"User-agent: *\nAllow: /\nSitemap: {b}/news-sitemap.xml\n", headers={"Content-Type": "text/plain"}
    )
    server.routes["/news-sitemap.xml"] = page(
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{b}/a/2</loc></url></urlset>',
        headers={"Content-Type": "application/xml"},
    )
    env = {**os.environ, **settings_to_env(Settings(fetcher={"allow_private_networks": True}))}
    result = subprocess.run(
        [sys.executable, "-m", "services", "feeds", "discover", f"{b}/", "--toml"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f'url = "{b}/rss.xml"' in result.stdout
    assert f'url = "{b}/news-sitemap.xml"' in result.stdout
    assert "broken.xml" not in result.stdout  # found, checked, and left out of the working list
    assert tomllib.loads(result.stdout)  # the output is a valid feeds file
    assert len(parse_feeds_file(result.stdout, FetcherSettings())) == 2
