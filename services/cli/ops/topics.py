"""``newswire topics``: every topic of the deployment with its partitions, size, key and contract."""

from __future__ import annotations

from dataclasses import dataclass

from aiokafka import TopicPartition

from schemas import (
    SCHEMA_VERSION,
    Article,
    DeadLetter,
    DiscoveredUrl,
    EventCluster,
    EventMention,
    FeedStatus,
    FetchedPage,
    Record,
)
from services.common.kafka import reader_consumer
from services.common.settings import KafkaSettings
from services.common.topics import TopicNames

# TopicNames attribute -> (what the key is, the contract of the values)
CONTRACTS: dict[str, tuple[str, type[Record]]] = {
    "urls": ("host", DiscoveredUrl),
    "pages": ("article_id", FetchedPage),
    "articles": ("article_id", Article),
    "events": ("article_id", EventMention),
    "deadletter": ("stage", DeadLetter),
    "feed_status": ("feed URL", FeedStatus),
    "event_clusters": ("event_id", EventCluster),
}


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
        for attr, (key, model) in CONTRACTS.items():
            topic = getattr(names, attr)
            partitions = sorted(consumer.partitions_for_topic(topic) or []) if topic in existing else []
            tps = [TopicPartition(topic, p) for p in partitions]
            messages = 0
            if tps:
                begins = await consumer.beginning_offsets(tps)
                ends = await consumer.end_offsets(tps)
                messages = sum(ends[tp] - begins[tp] for tp in tps)
            out.append(
                TopicInfo(topic, topic in existing, len(tps), messages, key, model.__name__, SCHEMA_VERSION)
            )
        return out
    finally:
        await consumer.stop()
