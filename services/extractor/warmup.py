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
        await consumer.topics()
        tps = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or [])]
        if not tps:
            return 0
        ends = await consumer.end_offsets(tps)
        begins = await consumer.beginning_offsets(tps)
        consumer.assign(tps)
        per_partition = max(1, limit // len(tps))
        pending = set()
        for tp in tps:
            start = max(begins[tp], ends[tp] - per_partition)
            if start < ends[tp]:
                consumer.seek(tp, start)
                pending.add(tp)
        async with asyncio.timeout(timeout_s):
            while pending:
                batches = await consumer.getmany(*pending, timeout_ms=500)
                for tp, records in batches.items():
                    for record in records:
                        loaded += _add(index, record.value)
                        if record.offset + 1 >= ends[tp]:
                            pending.discard(tp)
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
