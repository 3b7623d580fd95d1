"""Feed health for the pipeline page: the latest ``feed-status`` record per feed, read from the broker.

Feed statuses are not a Parquet table (a poll outcome is operational state, not output), so the UI
tails the topic with a group-less consumer from its beginning, as ``newswire run``'s progress view
does. Without a broker the page says so instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from aiokafka import TopicPartition

from schemas import DecodeError, FeedStatus, decode
from services.common.kafka import reader_consumer
from services.common.settings import KafkaSettings
from services.common.topics import TopicNames

log = logging.getLogger(__name__)
MAX_FEEDS = 100_000  # distinct feed URLs kept (a bound on memory for a topic fed by a bad producer)


class FeedTail:
    def __init__(self, kafka: KafkaSettings) -> None:
        self._kafka = kafka
        self._topic = TopicNames.from_settings(kafka).feed_status
        self.feeds: dict[str, FeedStatus] = {}
        self.error: str | None = "not started"
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            consumer = reader_consumer(self._kafka)
            try:
                await asyncio.wait_for(consumer.start(), 30)
                partitions = await self._partitions(consumer)
                tps = [TopicPartition(self._topic, p) for p in partitions]
                consumer.assign(tps)
                await consumer.seek_to_beginning(*tps)
                self.error = None
                while True:
                    batches = await consumer.getmany(timeout_ms=1000, max_records=10_000)
                    for records in batches.values():
                        for record in records:
                            self._take(record.value)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the broker away or restarting: say so, try again
                self.error = f"{type(exc).__name__}: {exc}"
                log.warning("feed-status: %s; retrying in 5 s", self.error)
                await asyncio.sleep(5)
            finally:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(consumer.stop(), 10)

    async def _partitions(self, consumer: Any) -> set[int]:
        for _ in range(30):
            partitions = consumer.partitions_for_topic(self._topic)
            if partitions:
                return set(partitions)
            await consumer.topics()  # refresh the metadata: the topic may not exist yet
            await asyncio.sleep(1)
        raise LookupError(f"topic {self._topic} not found")

    def _take(self, value: bytes | None) -> None:
        if value is None:
            return
        try:
            status = decode(FeedStatus, value)
        except DecodeError:
            return  # a record the contract refuses: not this page's to report
        if status.feed_url in self.feeds or len(self.feeds) < MAX_FEEDS:
            self.feeds[status.feed_url] = status

    def summary(self) -> dict[str, Any]:
        feeds = sorted(self.feeds.values(), key=lambda s: (-s.consecutive_errors, s.feed_url))
        return {
            "connected": self.error is None,
            "error": self.error,
            "feeds": [s.model_dump(mode="json", exclude={"schema_version"}) for s in feeds],
        }
