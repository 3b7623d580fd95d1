"""``newswire check --stall-window`` fails while a service's input waits and its group commits nothing."""

from __future__ import annotations

import asyncio
import io
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from rich.console import Console

from schemas import encode
from services.cli.health import check
from services.common.kafka import ensure_topics
from services.common.topics import TopicNames, app_id
from tests.factories import page
from tests.oracle import end_offsets, produce

pytestmark = pytest.mark.integration


async def _commit(bootstrap: str, group: str, topic: str, offsets: dict[int, int]) -> None:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    await consumer.start()
    try:
        consumer.assign([TopicPartition(topic, p) for p in offsets])
        await consumer.commit({TopicPartition(topic, p): o for p, o in offsets.items()})
    finally:
        await consumer.stop()


def test_a_service_with_input_waiting_and_no_commit_fails_the_liveness_check(make_settings: Any) -> None:
    settings = make_settings()
    topics = TopicNames.from_settings(settings.kafka)
    bootstrap = settings.kafka.bootstrap
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    produce(bootstrap, topics.pages, [(f"k{i}".encode(), encode(page())) for i in range(3)])

    out = io.StringIO()
    assert check(settings, Console(file=out, width=200), out_dir=None, stall_window_s=1.5) == 1
    assert "extractor stalled: 3 records waiting" in out.getvalue()

    # the extractor's group catches up: nothing waits, the probe passes
    ends: dict[int, int] = {}
    for partition in range(settings.kafka.partitions):
        ends[partition] = 0

    ends.update(end_offsets(bootstrap, topics.pages))
    asyncio.run(_commit(bootstrap, app_id(settings.kafka, "extractor"), topics.pages, ends))
    out = io.StringIO()
    assert check(settings, Console(file=out, width=200), out_dir=None, stall_window_s=1.5) == 0, (
        out.getvalue()
    )
