"""Reading partitions from an offset to their end: the one place the end-of-partition rule lives.

Why the end offset alone does not say where a partition ends: Tansu, the embedded broker,
reports the end of a partition as the base offset of its last record batch + 1 (measured: ten
records sent in one batch, offsets 0-9, and the end offset is 1). A reader that stops at the
end offset loses the rest of that batch; one that stops at the first empty poll stops early
on a slow fetch. So a partition is read to its end when a poll for it comes back empty *and*
the reader's position is at or past the end offset asked for at the start. Records appended
while reading may be read too; callers that need a hard limit give a stop offset.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition

# How long a poll waits before an empty answer counts as "nothing more" (with the position rule).
IDLE_MS = 1000


async def partitions_of(consumer: AIOKafkaConsumer, topics: list[str]) -> list[TopicPartition]:
    """The topics' partitions, from fresh metadata (an unknown topic has none)."""
    await consumer.topics()
    return [
        TopicPartition(topic, p)
        for topic in topics
        for p in sorted(consumer.partitions_for_topic(topic) or [])
    ]


async def read_partitions(
    consumer: AIOKafkaConsumer,
    spans: dict[TopicPartition, tuple[int | None, int | None]],
    *,
    one_at_a_time: bool = False,
    idle_ms: int = IDLE_MS,
    max_records: int = 5000,
) -> AsyncIterator[ConsumerRecord[bytes, bytes]]:
    """Every record of each partition from ``start`` (None: the beginning) up to ``stop``
    (exclusive; None: the partition's end, by the rule above), in offset order per partition.

    ``one_at_a_time`` reads the partitions one after the other (all records of the first, then
    the second...); otherwise they are read together and interleaved."""
    groups = [[tp] for tp in spans] if one_at_a_time else [list(spans)]
    for tps in groups:
        if not tps:
            continue
        consumer.assign(tps)
        ends = await consumer.end_offsets(tps)
        for tp in tps:
            # Not seek_to_beginning: Tansu answers the earliest offset of a partition written in
            # multi-record batches with a later batch's base now and then (measured: 1,276 for a
            # partition starting at 0, in about half of the reads), and the reader then skipped
            # everything before it. Offset 0 is always right on Tansu; where retention has removed
            # it (Kafka), the reader's offset reset ("earliest") moves to the first record kept.
            consumer.seek(tp, spans[tp][0] or 0)
        pending = set(tps)
        while pending:
            batches = await consumer.getmany(*pending, timeout_ms=idle_ms, max_records=max_records)
            for tp in list(pending):
                stop = spans[tp][1]
                records = batches.get(tp, [])
                for record in records:
                    if stop is not None and record.offset >= stop:
                        pending.discard(tp)
                        break
                    yield record
                end = ends[tp] if stop is None else min(stop, ends[tp])
                if tp in pending and not records and await consumer.position(tp) >= end:
                    pending.discard(tp)


async def offset_for_time(consumer: AIOKafkaConsumer, tp: TopicPartition, when: datetime, end: int) -> int:
    """The first offset whose record timestamp is >= ``when`` (``end`` when there is none).

    A binary search over the records' timestamps, because ListOffsets-by-time is not implemented
    everywhere (Tansu answers offset 0); it assumes timestamps grow with offsets, as a producer's
    CreateTime does for one writer."""
    target = int(when.timestamp() * 1000)
    low = 0  # not beginning_offsets (see read_partitions); below a log's start the reset moves up
    high = end
    while low < high:
        middle = (low + high) // 2
        consumer.seek(tp, middle)
        records = (await consumer.getmany(tp, timeout_ms=5000, max_records=1)).get(tp, [])
        if not records:
            high = middle  # nothing readable at or after middle (a compacted or short partition)
            continue
        record = records[0]
        if record.timestamp >= target:
            high = middle
        else:
            low = record.offset + 1
    return low
