"""The linker's horizon on the real broker: a restart reads only the versions that can matter."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer

from schemas import EventCluster, EventMention, encode
from services.common.kafka import ensure_topics
from services.common.topics import TopicNames
from services.linker.linker import Linker
from services.linker.worker import LinkerWorker
from tests.integration.test_linking_restart import _mentions

pytestmark = pytest.mark.integration


def _clusters(mentions: list[EventMention], day: date) -> list[EventCluster]:
    """The events of ``mentions`` as reported on ``day`` (each linked on its own)."""
    out = []
    for i, mention in enumerate(mentions):
        dated = mention.model_copy(
            update={
                "mention_id": f"{mention.mention_id}-{day}",
                "published_at": day,
                "time": mention.time.model_copy(update={"start": day, "end": day, "precision": "day"}),
            }
        )
        assignment = Linker().link(dated, f"outlet{i}.example")
        assert assignment is not None
        out.append(assignment.cluster)
    return out


async def _send(bootstrap: str, topic: str, clusters: list[EventCluster], written: datetime) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        for cluster in clusters:
            timestamp = int(written.timestamp() * 1000)
            await producer.send_and_wait(
                topic, encode(cluster), key=cluster.event_id.encode(), timestamp_ms=timestamp
            )
    finally:
        await producer.stop()


def test_a_restart_skips_the_versions_written_before_the_horizon(make_settings: Any) -> None:
    settings = make_settings(linker={"horizon_days": 30})
    topics = TopicNames.from_settings(settings.kafka)
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    events = [m for m in _mentions() if m.record_kind == "event"]
    today = date.today()
    long_ago = today - timedelta(days=400)
    old, recent = _clusters(events[:6], long_ago), _clusters(events[6:10], today)
    bootstrap = settings.kafka.bootstrap
    asyncio.run(_send(bootstrap, topics.event_clusters, old, datetime.combine(long_ago, time(12), UTC)))
    asyncio.run(_send(bootstrap, topics.event_clusters, recent, datetime.now(UTC)))

    bounded = LinkerWorker(settings)
    assert asyncio.run(bounded.restore()) == len(recent)
    assert {c.event_id for c in bounded.linker.clusters()} == {c.event_id for c in recent}
    assert bounded.versions_restored == len(recent)  # the old versions were never read

    unbounded = LinkerWorker(make_settings(linker={"horizon_days": 0}))
    assert asyncio.run(unbounded.restore()) == len(old) + len(recent)
    assert unbounded.versions_restored == len(old) + len(recent)
