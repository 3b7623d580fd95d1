"""The latest ``feed-status`` record per feed, read from the broker.

Feed statuses are not a Parquet table (a poll outcome is operational state, not output), so the
views that show feed health (``newswire run``'s progress, the UI's pipeline page) read the topic
from its beginning with a group-less consumer and keep the newest status of each feed.
"""

from __future__ import annotations

import asyncio

from aiokafka import AIOKafkaConsumer, TopicPartition

from schemas import DecodeError, FeedStatus, decode
from services.common.kafka import reader_consumer
from services.common.settings import KafkaSettings
from services.common.topics import TopicNames

MAX_FEEDS = 100_000  # distinct feed URLs kept: a bound on memory for a topic fed by a bad producer
MAX_RECORDS = 10_000  # records taken per read


class FeedStatusReader:
    """``read`` takes what ``feed-status`` got since the last read; ``feeds`` holds the latest
    status per feed URL. Records the contract refuses are skipped: not a view's to report."""

    def __init__(self, kafka: KafkaSettings) -> None:
        self._kafka = kafka
        self.topic = TopicNames.from_settings(kafka).feed_status
        self.feeds: dict[str, FeedStatus] = {}
        self._consumer: AIOKafkaConsumer | None = None
        self._assigned = False

    async def read(self, *, timeout_ms: int = 0) -> bool:
        """Take the records available (waiting up to ``timeout_ms`` for some); False while the
        topic does not exist yet. Broker errors are raised; ``close`` and read again to retry."""
        if self._consumer is None:
            consumer = reader_consumer(self._kafka)
            await asyncio.wait_for(consumer.start(), self._kafka.send_timeout_s)
            self._consumer = consumer
        if not self._assigned:
            partitions = self._consumer.partitions_for_topic(self.topic)
            if not partitions:
                await self._consumer.topics()  # fresh metadata: the topic may have been created since
                partitions = self._consumer.partitions_for_topic(self.topic)
            if not partitions:
                return False
            tps = [TopicPartition(self.topic, p) for p in sorted(partitions)]
            self._consumer.assign(tps)
            for tp in tps:
                # Not seek_to_beginning: Tansu answers the earliest offset of a partition written
                # in batches with a later batch's base at times (services.common.partitions).
                self._consumer.seek(tp, 0)
            self._assigned = True
        batches = await self._consumer.getmany(timeout_ms=timeout_ms, max_records=MAX_RECORDS)
        for records in batches.values():
            for record in records:
                self._take(record.value)
        return True

    def _take(self, value: bytes | None) -> None:
        if value is None:
            return
        try:
            status = decode(FeedStatus, value)
        except DecodeError:
            return
        if status.feed_url in self.feeds or len(self.feeds) < MAX_FEEDS:
            self.feeds[status.feed_url] = status

    async def close(self) -> None:
        consumer, self._consumer, self._assigned = self._consumer, None, False
        if consumer is not None:
            await asyncio.wait_for(consumer.stop(), self._kafka.stop_timeout_s)
