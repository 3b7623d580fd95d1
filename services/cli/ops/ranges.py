"""Reading the records of a topic that fall in a time range, without a consumer group."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.structs import ConsumerRecord

from services.common.kafka import reader_consumer
from services.common.partitions import offset_for_time, partitions_of, read_partitions
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
    consumer = reader_consumer(kafka)
    await consumer.start()
    try:
        ranges = await _ranges(consumer, topic, window)
        on_total(sum(stop - start for start, stop in ranges.values()))
        # Without ``until`` the range runs to the partition's end, by the shared end rule (the end
        # offset alone can fall inside the last record batch).
        spans: dict[TopicPartition, tuple[int | None, int | None]] = {
            tp: (start, stop if window.until else None) for tp, (start, stop) in ranges.items()
        }
        async for record in read_partitions(consumer, spans, one_at_a_time=True, idle_ms=2000):
            yield TopicPartition(record.topic, record.partition), record
    finally:
        await consumer.stop()
