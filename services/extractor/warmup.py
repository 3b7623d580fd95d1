"""Rebuilding the near-duplicate index from the ``articles`` topic when an extractor starts.

The index lives in memory; without this, a restarted worker would not recognise
copies of stories it extracted before the restart. The topic already holds every
article's ``simhash``, so the last ``limit`` records are read back (no consumer group,
nothing committed).
"""

from __future__ import annotations

import asyncio
import json
import logging

from aiokafka import TopicPartition

from services.common.kafka import reader_consumer
from services.common.partitions import partitions_of, read_partitions
from services.common.settings import KafkaSettings
from services.extractor.neardup import NearDuplicateIndex

log = logging.getLogger(__name__)


async def load_recent_fingerprints(
    kafka: KafkaSettings, topic: str, index: NearDuplicateIndex, *, limit: int, timeout_s: float = 120.0
) -> int:
    """Add the fingerprints of up to ``limit`` recent articles to ``index``; return how many."""
    consumer = reader_consumer(kafka)
    await asyncio.wait_for(consumer.start(), kafka.send_timeout_s)
    loaded = 0
    try:
        tps = await partitions_of(consumer, [topic])
        if not tps:
            return 0
        ends = await consumer.end_offsets(tps)
        begins = await consumer.beginning_offsets(tps)
        per_partition = max(1, limit // len(tps))
        spans: dict[TopicPartition, tuple[int | None, int | None]] = {
            tp: (max(begins[tp], ends[tp] - per_partition), None) for tp in tps if begins[tp] < ends[tp]
        }
        async with asyncio.timeout(timeout_s):
            async for record in read_partitions(consumer, spans):
                loaded += _add(index, record.value)
    finally:
        await asyncio.wait_for(consumer.stop(), kafka.stop_timeout_s)
    return loaded


def _add(index: NearDuplicateIndex, value: bytes | None) -> int:
    try:
        record = json.loads(value or b"")
        index.add(str(record["article_id"]), int(record["simhash"], 16))
    except (ValueError, KeyError, TypeError):
        return 0  # not an article of this contract version: nothing to remember
    return 1
