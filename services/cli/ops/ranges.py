"""Reading the records of a topic that fall in a time range, without a consumer group."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.structs import ConsumerRecord

from services.cli.ops.offsets import offset_for_time, partitions_of
from services.common.kafka import reader_consumer
from services.common.settings import KafkaSettings


@dataclass(frozen=True)
class TimeRange:
    since: datetime
    until: datetime | None = None  # exclusive; None: to the end of the topic

    def holds(self, timestamp_ms: int) -> bool:
        low = int(self.since.timestamp() * 1000)
        return timestamp_ms >= low and (
            self.until is None or timestamp_ms < int(self.until.timestamp() * 1000)
        )


async def plan_range(
    kafka: KafkaSettings, topic: str, window: TimeRange
) -> dict[TopicPartition, tuple[int, int]]:
    """Per partition, the offsets [start, stop) that ``records_in_range`` would read."""
    consumer = reader_consumer(kafka)
    await consumer.start()
    try:
        return await _ranges(consumer, topic, window)
    finally:
        await consumer.stop()


async def _ranges(
    consumer: AIOKafkaConsumer, topic: str, window: TimeRange
) -> dict[TopicPartition, tuple[int, int]]:
    tps = await partitions_of(consumer, [topic])
    consumer.assign(tps)
    ends = await consumer.end_offsets(tps)
    ranges: dict[TopicPartition, tuple[int, int]] = {}
    for tp in tps:
        start = await offset_for_time(consumer, tp, window.since, ends[tp])
        stop = await offset_for_time(consumer, tp, window.until, ends[tp]) if window.until else ends[tp]
        if start < stop:
            ranges[tp] = (start, stop)
    return ranges


async def records_in_range(
    kafka: KafkaSettings,
    topic: str,
    window: TimeRange,
    *,
    on_total: Callable[[int], None] = lambda total: None,
) -> AsyncIterator[tuple[TopicPartition, ConsumerRecord[bytes, bytes]]]:
    """Per partition, every record from the first at or after ``since`` to the first at or after
    ``until``, in offset order (including the few whose own timestamp is outside: check ``holds``)."""
    consumer = reader_consumer(kafka, max_partition_fetch_bytes=kafka.max_request_bytes)
    await consumer.start()
    try:
        ranges = await _ranges(consumer, topic, window)
        on_total(sum(stop - start for start, stop in ranges.values()))
        for tp, (start, stop) in ranges.items():
            consumer.seek(tp, start)
            while True:
                records = (await asyncio.wait_for(consumer.getmany(tp, timeout_ms=2000), 60)).get(tp, [])
                if not records:
                    break  # the partition ends before ``stop``
                for record in records:
                    if record.offset >= stop:
                        break
                    yield tp, record
                if records[-1].offset + 1 >= stop:
                    break
    finally:
        await consumer.stop()
