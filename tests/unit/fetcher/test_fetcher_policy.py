"""Fetcher policies without sockets: addresses, politeness on a fake clock, feeds file, polling."""

from __future__ import annotations

import asyncio
import ipaddress
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from services.common.settings import FetcherSettings
from services.fetcher.feedfile import FeedConfig, FeedsFileError, FeedsSource, parse_feeds_file
from services.fetcher.feeds import next_interval, with_jitter
from services.fetcher.http import retry_after_seconds
from services.fetcher.politeness import Politeness
from services.fetcher.robots import agent_token
from services.fetcher.ssrf import AddressPolicy


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "224.0.0.1",
        "::",
        # IPv6 transition forms that embed an IPv4 address (issue 20)
        "::127.0.0.1",
        "::ffff:0:127.0.0.1",
        "64:ff9b:1::a00:1",
        "2002:7f00:1::1",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",
        "fec0::1",
    ],
)
def test_non_public_addresses_are_refused_by_default(address: str) -> None:
    assert not AddressPolicy().allows(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "::ffff:93.184.215.14"]
)
def test_public_addresses_are_allowed(address: str) -> None:
    assert AddressPolicy().allows(ipaddress.ip_address(address))


def test_private_networks_are_allowed_only_when_configured() -> None:
    assert AddressPolicy(allow_private_networks=True).allows(ipaddress.ip_address("10.0.0.1"))
    policy = AddressPolicy(allowed_networks=["10.20.0.0/16"])
    assert policy.allows(ipaddress.ip_address("10.20.3.4"))
    assert not policy.allows(ipaddress.ip_address("10.21.0.1"))
    assert FetcherSettings().allow_private_networks is False


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.log: list[tuple[str, float]] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        target = self.now + seconds
        await asyncio.sleep(0)
        self.now = max(self.now, target)


def test_token_bucket_spaces_requests_per_host_and_honours_pauses() -> None:
    clock = FakeClock()
    politeness = Politeness(rate_per_s=2, concurrency=1, clock=clock, sleep=clock.sleep)

    async def request(host: str, tag: str) -> None:
        async with politeness.limiter(host).slot(politeness.interval(None)):
            clock.log.append((tag, clock.now))

    async def go() -> None:
        await asyncio.gather(
            *(request("a", f"a{i}") for i in range(3)), *(request("b", f"b{i}") for i in range(2))
        )
        politeness.limiter("a").pause_until(clock.now + 10)  # Retry-After: 10
        await request("a", "a-after-pause")

    asyncio.run(go())
    times = dict(clock.log)
    assert [times["a0"], times["a1"], times["a2"]] == [0.0, 0.5, 1.0]
    assert times["b1"] - times["b0"] == 0.5
    assert times["a-after-pause"] >= times["a2"] + 10


def test_crawl_delay_wins_when_slower_than_our_rate_and_rate_zero_is_off() -> None:
    politeness = Politeness(rate_per_s=1, concurrency=1)
    assert politeness.interval(None) == 1.0
    assert politeness.interval(5.0) == 5.0
    assert politeness.interval(0.2) == 1.0
    assert Politeness(rate_per_s=0, concurrency=1).interval(None) == 0.0


def test_retry_after_parses_seconds_and_dates() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Thu, 01 Jan 2026 00:00:30 GMT", now=now) == 30.0
    assert retry_after_seconds("Wed, 31 Dec 2025 00:00:00 GMT", now=now) == 0.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_robots_agent_token_is_the_product_name() -> None:
    assert agent_token("newswire/0.1 (+https://example.org/bot)") == "newswire"


def test_adaptive_interval_stays_within_bounds() -> None:
    feed = FeedConfig(url="https://example.org/rss", min_interval_s=60, max_interval_s=600)
    assert next_interval(300, feed, new_items=3, error=False) == 150
    assert next_interval(100, feed, new_items=3, error=False) == 60
    assert next_interval(300, feed, new_items=0, error=False) == 450
    assert next_interval(500, feed, new_items=0, error=False) == 600
    assert next_interval(200, feed, new_items=0, error=True) == 400
    rng = random.Random(1)
    samples = [with_jitter(100, rng) for _ in range(200)]
    assert min(samples) >= 90 and max(samples) <= 110 and len(set(samples)) > 100


FEEDS_TOML = """
[defaults]
min_interval_s = 120

[[feed]]
url = "https://example.org/rss"
name = "Example"
tags = ["morocco"]

[[feed]]
url = "https://example.org/sitemap.xml"
max_interval_s = 7200
"""


def test_feeds_file_parses_with_defaults_and_rejects_bad_entries() -> None:
    feeds = parse_feeds_file(FEEDS_TOML, FetcherSettings())
    assert [(f.url, f.name, f.tags, f.min_interval_s, f.max_interval_s) for f in feeds] == [
        ("https://example.org/rss", "Example", ("morocco",), 120, 3600),
        ("https://example.org/sitemap.xml", None, (), 120, 7200),
    ]
    for bad in [
        '[[feed]]\nurl = "ftp://x"',
        '[[feed]]\nurl = "https://x"\nmin_interval_s = 10\nmax_interval_s = 5',
        '[[feed]]\nurl = "https://x"\nsurprise = 1',
        "[[feed]\nurl=",
    ]:
        with pytest.raises(FeedsFileError):
            parse_feeds_file(bad, FetcherSettings())


def test_feeds_file_is_reloaded_while_running_and_a_broken_edit_keeps_the_old_list(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(FEEDS_TOML)
    source = FeedsSource(FetcherSettings(feeds=["https://cli.example/rss"], feeds_file=path))
    assert [f.url for f in source.current()] == [
        "https://cli.example/rss",
        "https://example.org/rss",
        "https://example.org/sitemap.xml",
    ]
    path.write_text('[[feed]]\nurl = "https://new.example/atom"\n')
    _bump_mtime(path)
    assert [f.url for f in source.current()] == ["https://cli.example/rss", "https://new.example/atom"]
    path.write_text("[[feed]\nbroken")
    _bump_mtime(path)
    assert [f.url for f in source.current()] == ["https://cli.example/rss", "https://new.example/atom"]
    path.unlink()
    assert [f.url for f in source.current()] == ["https://cli.example/rss"]


def _bump_mtime(path: Path) -> None:
    import os

    stat = path.stat()
    later = stat.st_mtime_ns + int(timedelta(seconds=1).total_seconds() * 1e9)
    os.utime(path, ns=(later, later))


def test_a_slow_answer_pushes_the_next_request_back() -> None:
    clock = FakeClock()
    politeness = Politeness(rate_per_s=2, concurrency=1, clock=clock, sleep=clock.sleep)

    async def request(tag: str, takes: float) -> None:
        async with politeness.limiter("a").slot(politeness.interval(None)):
            clock.log.append((tag, clock.now))
            await clock.sleep(takes)

    async def go() -> None:
        await request("slow", 3.0)  # answered at t=3
        await request("next", 0.0)

    asyncio.run(go())
    assert dict(clock.log)["next"] == 3.5  # the interval counts from the answer, not the start
