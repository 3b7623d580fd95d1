"""The fetcher on the real broker: one fetch per article, across restarts too; one outcome per URL."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections import Counter
from typing import Any

import httpx
import pytest

from schemas import DeadLetter, FeedStatus, FetchedPage
from services.common.broker import free_port
from services.common.kafka import ensure_topics
from services.common.settings import settings_to_env
from services.common.topics import TopicNames
from tests.httpserver import TestServer, html_doc, page
from tests.integration.conftest import wait_until
from tests.oracle import records, topic_size

pytestmark = pytest.mark.integration


def test_one_fetch_per_article_across_variants_and_restarts_and_one_outcome_per_url(
    make_settings: Any, services: Any
) -> None:
    metrics_port = free_port()
    with TestServer("127.0.0.1") as server:
        b = f"http://localhost:{server.port}"
        variants = [
            f"{b}/story?utm_source=rss&id=7",
            f"{b}/story?id=7#comments",
            f"http://LocalHost:{server.port}/story?id=7&fbclid=x",
        ]
        others = {
            "/gone": "http_status",
            "/private/x": "robots_disallowed",
            "/file.pdf": "unsupported_content_type",
        }
        items = "".join(f"<item><link>{u.replace('&', '&amp;')}</link></item>" for u in variants)
        items += "".join(f"<item><link>{b}{p}</link></item>" for p in others)
        server.routes["/feed.xml"] = page(
            f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>',
            headers={"Content-Type": "application/rss+xml"},
        )
        server.routes["/robots.txt"] = page(
            "User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"}
        )
        server.routes["/story"] = page(html_doc("the story"))
        server.routes["/gone"] = page("gone", 410)
        server.routes["/private/x"] = page(html_doc("private"))
        server.routes["/file.pdf"] = page(b"%PDF-1.4", headers={"Content-Type": "application/pdf"})

        settings = make_settings(
            fetcher={
                "feeds": [f"{b}/feed.xml"],
                "poll_interval_s": 1,
                "min_poll_interval_s": 1,
                "max_poll_interval_s": 1,
                "allow_private_networks": True,
                "host_rate_per_s": 0,
                "metrics_port": metrics_port,
            }
        )
        topics = TopicNames.from_settings(settings.kafka)
        bootstrap = settings.kafka.bootstrap
        asyncio.run(ensure_topics(settings.kafka, topics.all()))
        services.start(settings, "fetcher")
        wait_until(
            lambda: topic_size(bootstrap, topics.pages) + topic_size(bootstrap, topics.deadletter) >= 4,
            timeout_s=60,
            what="4 outcomes",
            on_fail=services.logs,
        )
        wait_until(lambda: topic_size(bootstrap, topics.feed_status) >= 3, timeout_s=30, what="3 polls")
        try:  # Prometheus text format
            metrics = httpx.get(f"http://127.0.0.1:{metrics_port}/metrics", timeout=10).text
        except httpx.HTTPError as exc:
            raise AssertionError(services.logs()) from exc
        assert 'newswire_fetches_total{outcome="fetched"} 1.0' in metrics
        assert 'newswire_fetches_total{outcome="robots_disallowed"} 1.0' in metrics
        assert 'newswire_feed_polls_total{outcome="ok"}' in metrics
        assert "newswire_fetch_seconds_bucket" in metrics
        services.stop_all()

        pages = records(bootstrap, topics.pages, FetchedPage)
        letters = records(bootstrap, topics.deadletter, DeadLetter)
        assert [p.canonical_url for p in pages] == [f"{b}/story?id=7"]
        assert sorted((dl.subject or "").removeprefix(b) for dl in letters) == sorted(others)
        assert {(dl.subject or "").removeprefix(b): dl.reason for dl in letters} == others
        assert all(dl.stage == "fetcher" and dl.source_topic == topics.urls for dl in letters)
        assert len(server.hits("/story")) == 1  # three variants, one fetch
        assert server.hits("/private/x") == []
        statuses = records(bootstrap, topics.feed_status, FeedStatus)
        assert statuses[0].new_entries == 4 and statuses[0].entries == 6
        assert all(s.new_entries == 0 for s in statuses[1:])

        # A restarted fetcher re-reads the feed from scratch; its seen-table (a changelog) remembers.
        polls = topic_size(bootstrap, topics.feed_status)
        services.start(settings, "fetcher")
        wait_until(
            lambda: topic_size(bootstrap, topics.feed_status) >= polls + 2,
            timeout_s=60,
            what="polls after restart",
            on_fail=services.logs,
        )
        wait_until(lambda: topic_size(bootstrap, topics.urls) >= 8, timeout_s=30, what="re-emitted URLs")
        time.sleep(3)  # give the agent time to have dropped them; then nothing may have been fetched again
        assert len(server.hits("/story")) == 1
        assert topic_size(bootstrap, topics.pages) == 1

        # An explicit re-crawl is fetched again, once.
        forced = subprocess.run(
            [sys.executable, "-m", "services", "fetch", "--force", f"{b}/story?id=7&utm_medium=x"],
            env={**os.environ, **settings_to_env(settings)},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert forced.returncode == 0, forced.stdout + forced.stderr
        wait_until(
            lambda: topic_size(bootstrap, topics.pages) == 2,
            timeout_s=30,
            what="forced refetch",
            on_fail=services.logs,
        )
        services.stop_all()
        assert len(server.hits("/story")) == 2
        outcomes = Counter(dl.reason for dl in letters)
        assert sum(outcomes.values()) + 1 == 4  # every distinct URL of the first run: one outcome


def test_a_url_that_failed_for_now_is_fetched_when_queued_again_and_a_fetched_one_is_not(
    make_settings: Any, services: Any
) -> None:
    # issue 20: a URL is marked seen only with a real outcome; a final 503 is a failure for now
    with TestServer("127.0.0.1") as server:
        state = {"up": False}
        body = html_doc("back up")

        def flaky(handler: Any) -> None:
            page(body)(handler) if state["up"] else page("busy", 503)(handler)

        server.routes["/flaky"] = flaky
        server.routes["/robots.txt"] = page(
            "User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"}
        )
        settings = make_settings(
            fetcher={
                "host_rate_per_s": 0,
                "max_retries": 1,
                "retry_backoff_s": 0.1,
                "allow_private_networks": True,
            }
        )
        topics = TopicNames.from_settings(settings.kafka)
        bootstrap = settings.kafka.bootstrap
        asyncio.run(ensure_topics(settings.kafka, topics.all()))
        services.start(settings, "fetcher")
        env = {**os.environ, **settings_to_env(settings)}
        url = server.url("/flaky")

        def queue() -> None:
            done = subprocess.run(
                [sys.executable, "-m", "services", "fetch", url],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            assert done.returncode == 0, done.stdout + done.stderr

        queue()
        wait_until(
            lambda: topic_size(bootstrap, topics.deadletter) == 1,
            timeout_s=60,
            what="the 503",
            on_fail=services.logs,
        )
        (letter,) = records(bootstrap, topics.deadletter, DeadLetter)
        assert (letter.reason, letter.error_kind) == ("http_status", "transient")
        state["up"] = True
        queue()  # not forced: a URL seen with a real outcome would be skipped here
        wait_until(
            lambda: topic_size(bootstrap, topics.pages) == 1,
            timeout_s=60,
            what="the refetch",
            on_fail=services.logs,
        )
        queue()  # fetched now: a third queueing is dropped
        time.sleep(3)
        services.stop_all()
        assert topic_size(bootstrap, topics.pages) == 1
        assert len(server.hits("/flaky")) == 3  # 503, its one retry, then the page
