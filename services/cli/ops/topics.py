"""``newswire topics``: every topic of the deployment with its partitions, size, key and contract."""

from __future__ import annotations

from dataclasses import dataclass

from aiokafka import TopicPartition

from schemas import SCHEMA_VERSION
from services.common.kafka import reader_consumer
from services.common.settings import KafkaSettings
from services.common.topics import TOPICS, TopicNames


@dataclass(frozen=True)
class TopicInfo:
    name: str
    exists: bool
    partitions: int
    messages: int  # end - beginning offsets, summed over partitions
    key: str
    contract: str
    schema_version: int


async def describe(kafka: KafkaSettings) -> list[TopicInfo]:
    names = TopicNames.from_settings(kafka)
    consumer = reader_consumer(kafka)
    await consumer.start()
    try:
        existing = await consumer.topics()
        out = []
        for spec in TOPICS:
            topic = names.of(spec)
            partitions = sorted(consumer.partitions_for_topic(topic) or []) if topic in existing else []
            tps = [TopicPartition(topic, p) for p in partitions]
            messages = 0
            if tps:
                begins = await consumer.beginning_offsets(tps)
                ends = await consumer.end_offsets(tps)
                messages = sum(ends[tp] - begins[tp] for tp in tps)
            out.append(
                TopicInfo(
                    topic,
                    topic in existing,
                    len(tps),
                    messages,
                    spec.key,
                    spec.record.__name__,
                    SCHEMA_VERSION,
                )
            )
        return out
    finally:
        await consumer.stop()
