"""robots.txt and per-host politeness against real loopback servers, judged by their request logs."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from schemas import FetchedPage
from services.fetcher.errors import RobotsDisallowed, RobotsUnreachable
from services.fetcher.pages import PageFetcher
from tests.httpserver import TestServer, html_doc, page
from tests.integration.fetcher_helpers import outcome, settings, url_record, with_pages

pytestmark = pytest.mark.integration


@pytest.fixture
def hosts() -> Iterator[list[TestServer]]:
    servers = [TestServer(f"127.0.0.{i}").start() for i in (2, 3, 4)]
    yield servers
    for s in servers:
        s.stop()


def test_robots_rules_are_obeyed_per_host(hosts: list[TestServer]) -> None:
    ruled, missing, broken = hosts
    # RFC 9309: only the most specific group applies, so `newswire` ignores the `*` group.
    ruled.routes["/robots.txt"] = page(
        "User-agent: *\nDisallow: /\n\nUser-agent: newswire\nDisallow: /private/\nDisallow: /no-bots/\n",
        headers={"Content-Type": "text/plain"},
    )
    for path in ("/private/a", "/no-bots/b", "/public/c"):
        ruled.routes[path] = page(html_doc(path))
    missing.routes["/news/1"] = page(html_doc("news"))  # robots.txt: 404
    broken.routes["/robots.txt"] = page("oops", 500)
    broken.routes["/news/1"] = page(html_doc("news"))
    s = settings(max_retries=0)

    async def run(pages: PageFetcher) -> list[object]:
        results: list[object] = []
        for url in (
            ruled.url("/private/a"),
            ruled.url("/no-bots/b"),
            ruled.url("/public/c"),
            missing.url("/news/1"),
            broken.url("/news/1"),
        ):
            try:
                results.append(await pages.fetch(url_record(url)))
            except Exception as exc:
                results.append(exc)
        return results

    private, no_bots, public, from_missing, from_broken = with_pages(s, run)
    assert isinstance(private, RobotsDisallowed) and isinstance(no_bots, RobotsDisallowed)
    assert isinstance(public, FetchedPage) and isinstance(from_missing, FetchedPage)
    assert isinstance(from_broken, RobotsUnreachable)
    assert ruled.hits("/private/a") == [] and ruled.hits("/no-bots/b") == []  # zero hits on disallowed paths
    assert len(ruled.hits("/robots.txt")) == 1  # cached across URLs
    assert broken.hits("/news/1") == []  # 5xx robots: nothing fetched from that host


def test_robots_timeout_means_nothing_fetched_and_huge_files_still_parse(hosts: list[TestServer]) -> None:
    slow, huge, _ = hosts

    def hang(h: BaseHTTPRequestHandler) -> None:
        time.sleep(5)

    slow.routes["/robots.txt"] = hang
    slow.routes["/a"] = page(html_doc("a"))
    # 700 KiB of comments and rules: parsing stops at 512 KiB without breaking.
    filler = "".join(
        f"# filler line {i:06d} ..........................................\n" for i in range(11_500)
    )
    huge.routes["/robots.txt"] = page(
        f"User-agent: *\nDisallow: /secret/\n{filler}", headers={"Content-Type": "text/plain"}
    )
    huge.routes["/secret/x"] = page(html_doc("x"))
    huge.routes["/open"] = page(html_doc("open"))
    assert len(filler) > 700 * 1024
    result = outcome(settings(max_retries=0, total_timeout_s=1), slow.url("/a"))
    assert not isinstance(result, FetchedPage)
    assert slow.hits("/a") == []
    assert isinstance(outcome(settings(), huge.url("/secret/x")), RobotsDisallowed)
    assert isinstance(outcome(settings(), huge.url("/open")), FetchedPage)
    assert huge.hits("/secret/x") == []


def test_a_changed_robots_txt_takes_effect_only_after_the_cache_expires(hosts: list[TestServer]) -> None:
    server = hosts[0]
    server.routes["/robots.txt"] = page("User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"})
    server.routes["/a"] = page(html_doc("a"))
    s = settings(robots_ttl_s=1.5)

    async def run(pages: PageFetcher) -> list[object]:
        results: list[object] = [await pages.fetch(url_record(server.url("/a?1")))]
        server.routes["/robots.txt"] = page(
            "User-agent: *\nDisallow: /\n", headers={"Content-Type": "text/plain"}
        )
        results.append(await pages.fetch(url_record(server.url("/a?2"))))  # cached rules still allow
        await asyncio.sleep(1.6)
        try:
            results.append(await pages.fetch(url_record(server.url("/a?3"))))
        except RobotsDisallowed as exc:
            results.append(exc)
        return results

    first, second, third = with_pages(s, run)
    assert isinstance(first, FetchedPage) and isinstance(second, FetchedPage)
    assert isinstance(third, RobotsDisallowed)
    assert [h.path for h in server.hits() if h.path.startswith("/a")] == ["/a?1", "/a?2"]
    assert len(server.hits("/robots.txt")) == 2


def test_per_host_rate_limits_hold_while_hosts_are_fetched_in_parallel(hosts: list[TestServer]) -> None:
    rate = 5.0
    for server in hosts:
        for i in range(20):
            server.routes[f"/n/{i}"] = page(html_doc(f"n{i}"))
    urls = [server.url(f"/n/{i}") for i in range(20) for server in hosts]
    s = settings(host_rate_per_s=rate)

    async def run(pages: PageFetcher) -> float:
        started = time.monotonic()
        results = await asyncio.gather(*(pages.fetch(url_record(u)) for u in urls))
        assert all(isinstance(r, FetchedPage) for r in results)
        return time.monotonic() - started

    elapsed = with_pages(s, run)
    per_host = []
    for server in hosts:
        times = sorted(h.at for h in server.hits())  # robots.txt request included: it is a request too
        gaps = [b - a for a, b in itertools.pairwise(times)]
        assert min(gaps) >= 1 / rate - 0.02, f"{server.host}: gap {min(gaps):.3f}s < {1 / rate}s"
        per_host.append(times[-1] - times[0])
    # Hosts run side by side: the total is about the slowest host's, far from the sum of all three.
    assert elapsed < 0.6 * sum(per_host), (elapsed, per_host)


def test_crawl_delay_is_honoured(hosts: list[TestServer]) -> None:
    server = hosts[0]
    server.routes["/robots.txt"] = page(
        "User-agent: *\nCrawl-delay: 0.5\n", headers={"Content-Type": "text/plain"}
    )
    for i in range(4):
        server.routes[f"/d/{i}"] = page(html_doc(f"d{i}"))

    async def run(pages: PageFetcher) -> None:
        await asyncio.gather(*(pages.fetch(url_record(server.url(f"/d/{i}"))) for i in range(4)))

    with_pages(settings(host_rate_per_s=10), run)
    times = sorted(h.at for h in server.hits() if h.path.startswith("/d/"))
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.5 - 0.02
