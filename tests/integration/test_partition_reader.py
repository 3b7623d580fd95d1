"""The shared partition reader on the real broker: a batch past the reported end is read whole."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer, TopicPartition

from services.common.kafka import ensure_topics, reader_consumer
from services.common.partitions import partitions_of, read_partitions
from services.common.settings import KafkaSettings
from tests.oracle import produce_batched

pytestmark = pytest.mark.integration


async def _read(kafka: KafkaSettings, topic: str, stop: int | None) -> tuple[list[int], int]:
    consumer = reader_consumer(kafka)
    await consumer.start()
    try:
        tps = await partitions_of(consumer, [topic])
        end = (await consumer.end_offsets(tps))[tps[0]]
        spans: dict[TopicPartition, tuple[int | None, int | None]] = {tp: (None, stop) for tp in tps}
        return [r.offset async for r in read_partitions(consumer, spans, idle_ms=500)], end
    finally:
        await consumer.stop()


def test_records_in_one_batch_are_read_to_the_last_even_when_the_end_offset_undercounts(
    make_settings: Any,
) -> None:
    settings = make_settings(kafka={"partitions": 1})
    topic = f"{settings.kafka.topic_prefix}reader"
    asyncio.run(ensure_topics(settings.kafka, [topic]))
    produce_batched(settings.kafka.bootstrap, topic, [(None, f"r{i}".encode()) for i in range(10)])

    offsets, reported_end = asyncio.run(_read(settings.kafka, topic, None))
    assert offsets == list(range(10))
    assert reported_end <= 10  # Tansu reports less when the ten travel in one batch; the reader does not care

    # a stop offset is a hard limit, inside a batch too
    assert asyncio.run(_read(settings.kafka, topic, 4))[0] == [0, 1, 2, 3]


async def _fill_in_batches(bootstrap: str, topic: str, count: int) -> None:
    """One record alone first, then ``count - 1`` sent together: a partition's first batch holds one
    record and the rest travel in batches of several (the shape that made reads skip records)."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=50)
    await producer.start()
    try:
        body = b"x" * 3000  # about the size of an event-clusters record
        await producer.send_and_wait(topic, body, key=b"k0")
        sent = [await producer.send(topic, body, key=f"k{i}".encode()) for i in range(1, count)]
        await asyncio.gather(*sent)
    finally:
        await producer.stop()


def test_a_topic_written_in_batches_is_read_whole_every_time(make_settings: Any) -> None:
    settings = make_settings(kafka={"partitions": 4})
    topic = f"{settings.kafka.topic_prefix}batched"
    asyncio.run(ensure_topics(settings.kafka, [topic]))
    asyncio.run(_fill_in_batches(settings.kafka.bootstrap, topic, 5000))
    # before the reader fetched again past a skip, about half of such reads came back short
    counts = [len(asyncio.run(_read(settings.kafka, topic, None))[0]) for _ in range(6)]
    assert counts == [5000] * 6
