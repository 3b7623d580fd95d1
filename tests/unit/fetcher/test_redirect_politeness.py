"""Politeness across redirects and robots.txt failures (issue 20, finding 3 and its neighbours): a
redirect target's robots.txt check never waits for a slot its own request holds, every hop is
spaced by its own host's limits, a Crawl-delay is capped, and a URL refused for an unreachable
robots.txt is retried once the robots.txt has been fetched again."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from itertools import pairwise

import httpx
import pytest
from pydantic import ValidationError

from schemas import DiscoveredUrl
from services.common.settings import FetcherSettings
from services.common.urls import canonicalize, host_of
from services.fetcher.http import HttpFetcher
from services.fetcher.pages import PageFetcher
from services.fetcher.politeness import Politeness
from tests.unit.fetcher.test_fetcher_http import resp
from tests.unit.fetcher.test_fetcher_policy import FakeClock

PAGE = b"<html><head><title>t</title></head><body><p>" + b"word " * 50 + b"</p></body></html>"


def discovered(url: str) -> DiscoveredUrl:
    return DiscoveredUrl(
        url=url, canonical_url=canonicalize(url), host=host_of(url), discovered_at=datetime.now(UTC)
    )


def page_fetcher(
    handler: object, politeness: Politeness, **settings: object
) -> tuple[PageFetcher, HttpFetcher]:
    fetcher_settings = FetcherSettings(**settings)  # type: ignore[arg-type]
    http = HttpFetcher(fetcher_settings, transport=httpx.MockTransport(handler))  # type: ignore[arg-type]
    return PageFetcher(http, fetcher_settings, politeness=politeness), http


def test_a_redirect_to_another_origin_of_the_same_host_is_fetched_not_timed_out() -> None:
    requests: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(str(request.url))
        if request.url.path == "/robots.txt":
            return resp(200, b"User-agent: *\nAllow: /\n", {"content-type": "text/plain"})
        if request.url.port == 8000:
            return resp(301, headers={"location": "http://127.0.0.1:8001/story"})
        return resp(200, PAGE, {"content-type": "text/html; charset=utf-8"})

    async def go() -> None:
        # the old path held the host's only slot through the redirect while the new origin's
        # robots.txt waited for it: the fetch could only time out
        politeness = Politeness(rate_per_s=0, concurrency=1)
        fetcher, http = page_fetcher(
            handler, politeness, total_timeout_s=2.0, url_deadline_s=3.0, robots_error_ttl_s=1.0
        )
        page = await fetcher.fetch(discovered("http://127.0.0.1:8000/story"))
        await http.aclose()
        assert page.final_url == "http://127.0.0.1:8001/story"

    asyncio.run(go())
    assert requests == [
        "http://127.0.0.1:8000/robots.txt",
        "http://127.0.0.1:8000/story",
        "http://127.0.0.1:8001/robots.txt",
        "http://127.0.0.1:8001/story",
    ]


def test_every_redirect_hop_waits_for_its_hosts_rate_limit() -> None:
    clock = FakeClock()
    hops: list[tuple[str, float]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return resp(404)
        hops.append((request.url.path, clock.now))
        step = int(request.url.path.strip("/") or 0)
        if step < 3:
            return resp(302, headers={"location": f"/{step + 1}"})
        return resp(200, PAGE, {"content-type": "text/html"})

    async def go() -> None:
        politeness = Politeness(rate_per_s=1, concurrency=1, clock=clock, sleep=clock.sleep)
        fetcher, http = page_fetcher(handler, politeness)
        await fetcher.fetch(discovered("http://127.0.0.1:8000/0"))
        await http.aclose()

    asyncio.run(go())
    times = [t for _, t in hops]
    assert [p for p, _ in hops] == ["/0", "/1", "/2", "/3"]
    assert all(later - earlier >= 1.0 for earlier, later in pairwise(times))


def test_a_huge_crawl_delay_is_capped() -> None:
    politeness = Politeness(rate_per_s=1, concurrency=1, max_crawl_delay_s=60)
    assert politeness.interval(1e308) == 60
    assert politeness.interval(5) == 5
    assert FetcherSettings().max_crawl_delay_s == 60


def test_a_url_refused_for_an_unreachable_robots_txt_is_retried_after_the_next_robots_fetch() -> None:
    # issue 20: a robots.txt 503 was cached longer than the URL's deadline, so the URL's retries
    # met the same cached refusal and it was dead-lettered; now the retry waits for the refetch
    robots_answers = iter([503, 200])
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        if request.url.path == "/robots.txt":
            status = next(robots_answers)
            return resp(
                status, b"User-agent: *\nAllow: /\n" if status == 200 else b"", {"content-type": "text/plain"}
            )
        return resp(200, PAGE, {"content-type": "text/html"})

    async def go() -> None:
        politeness = Politeness(rate_per_s=0, concurrency=1)
        fetcher, http = page_fetcher(
            handler, politeness, robots_error_ttl_s=0.3, url_deadline_s=5.0, retry_backoff_s=0.01
        )
        page = await fetcher.fetch(discovered("http://127.0.0.1:8000/story"))
        await http.aclose()
        assert page.status == 200

    asyncio.run(go())
    assert seen == ["/robots.txt", "/robots.txt", "/story"]


def test_a_robots_retry_that_cannot_come_within_the_url_deadline_is_refused_as_a_setting() -> None:
    with pytest.raises(ValidationError, match="robots_error_ttl_s"):
        FetcherSettings(robots_error_ttl_s=600, url_deadline_s=300)
