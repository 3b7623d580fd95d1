"""The UI's pipeline page reads feed health from the broker's feed-status topic."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer

from schemas import FeedStatus, encode
from services.common.kafka import ensure_topics
from services.common.settings import Settings
from services.common.topics import TopicNames
from services.ui.feeds import FeedTail

pytestmark = pytest.mark.integration


def status(url: str, outcome: str, errors: int, polls: int) -> FeedStatus:
    return FeedStatus.model_validate(
        {
            "feed_url": url,
            "polled_at": datetime(2024, 4, 10, 9, polls, tzinfo=UTC),
            "outcome": outcome,
            "error": "http_503" if outcome == "error" else None,
            "elapsed_ms": 12,
            "polls": polls,
            "consecutive_errors": errors,
        }
    )


async def test_the_latest_status_of_each_feed_is_shown_failing_feeds_first(
    make_settings: Callable[..., Settings],
) -> None:
    settings = make_settings()
    topic = TopicNames.from_settings(settings.kafka).feed_status
    await ensure_topics(settings.kafka, [topic])
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka.bootstrap, acks="all")
    await producer.start()
    try:
        for record in (
            status("http://127.0.0.1/a.rss", "ok", 0, 1),
            status("http://127.0.0.1/b.rss", "ok", 0, 1),
            status("http://127.0.0.1/b.rss", "error", 2, 3),
        ):
            await producer.send_and_wait(topic, encode(record), key=record.feed_url.encode())
        await producer.send_and_wait(topic, b"not a feed status", key=b"junk")
    finally:
        await producer.stop()
    tail = FeedTail(settings.kafka)
    tail.start()
    try:
        deadline = time.monotonic() + 60
        summary: dict[str, Any] = tail.summary()
        while time.monotonic() < deadline:
            summary = tail.summary()
            if len(summary["feeds"]) == 2 and summary["feeds"][0]["polls"] == 3:
                break
            await asyncio.sleep(0.3)
    finally:
        await tail.stop()
    assert summary["connected"] is True
    assert [(f["feed_url"], f["outcome"], f["consecutive_errors"]) for f in summary["feeds"]] == [
        ("http://127.0.0.1/b.rss", "error", 2),
        ("http://127.0.0.1/a.rss", "ok", 0),
    ]
