"""The faust app factory: one place for the settings every faust service needs."""

from __future__ import annotations

import asyncio
from typing import Any

import faust

from services.common.errors import crash_hard
from services.common.kafka import compression_type, require_bootstrap
from services.common.settings import Settings
from services.common.topics import app_id


def make_faust_app(settings: Settings, service: str) -> faust.App:
    """A faust app for ``service`` with newswire's safe defaults.

    - acks=all on every produce; consumers start from the earliest offset of a new group.
    - group timings that make joins take ~3 s on Tansu (the embedded broker) instead of ~30 s.
    - memory table store recovered from compacted changelog topics (no RocksDB needed).
    - no web server: the supervisor reads progress from the topics themselves.
    """
    kafka = settings.kafka
    return faust.App(
        app_id(kafka, service),
        broker=[f"kafka://{h}" for h in require_bootstrap(kafka).split(",")],
        store="memory://",
        web_enabled=False,
        autodiscover=False,
        topic_partitions=kafka.partitions,
        topic_replication_factor=kafka.replication_factor,
        topic_allow_declare=True,
        producer_acks=-1,
        producer_max_request_size=kafka.max_request_bytes,
        producer_compression_type=compression_type(kafka),
        producer_request_timeout=kafka.send_timeout_s,
        consumer_auto_offset_reset="earliest",
        consumer_max_fetch_size=kafka.max_request_bytes,
        broker_session_timeout=kafka.session_timeout_s,
        broker_rebalance_timeout=kafka.rebalance_timeout_s,
        broker_heartbeat_interval=kafka.heartbeat_interval_s,
        broker_commit_interval=1.0,
        stream_wait_empty=True,
        logging_config=None,
    )


# Topics carry our own JSON bytes: faust must not (de)serialise them, so decode errors
# reach our code and become dead letters instead of crashing the agent.
RAW_TOPIC: dict[str, Any] = {
    "key_type": bytes,
    "value_type": bytes,
    "key_serializer": "raw",
    "value_serializer": "raw",
}


async def send_durably(topic: faust.TopicT, key: bytes | None, value: bytes, *, timeout_s: float) -> None:
    """Send and wait for the broker's acks=all; on any failure exit without acking the input.

    faust acknowledges the input when the agent raises (an exception acks it), so a
    failed send must not surface as an exception: the process exits, the supervisor
    restarts it, and the unacknowledged input is delivered again.
    """
    try:
        fut = await asyncio.wait_for(topic.send(key=key, value=value), timeout_s)
        await asyncio.wait_for(fut, timeout_s)
    except Exception as exc:  # any send failure: the effect is not durable
        crash_hard(__name__, f"send to {topic.get_topic_name()} failed: {exc!r}")
