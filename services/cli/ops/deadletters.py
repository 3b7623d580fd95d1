"""Dead letters: list them, show one, and re-inject the originals into their source topics.

A record's attempt count is its history on the dead-letter topic: how many letters share its
identity (stage + subject, or stage + sha256 of the original bytes). ``retry`` re-injects only the
latest letter of an identity, marks the copy with ``newswire-retry-attempt`` and
``newswire-retry-of`` headers, and gives up on identities that failed ``max_attempts`` times, so
a record that keeps failing is not retried forever.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from schemas import DeadLetter, DecodeError, DiscoveredUrl, decode, encode
from services.common.kafka import require_bootstrap
from services.common.settings import KafkaSettings
from services.common.topics import TopicNames

DEFAULT_MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class StoredLetter:
    partition: int
    offset: int
    letter: DeadLetter

    @property
    def ref(self) -> str:
        return f"{self.partition}:{self.offset}"

    @property
    def original(self) -> bytes:
        return base64.b64decode(self.letter.original_b64)

    @property
    def identity(self) -> tuple[str, str]:
        what = self.letter.subject or hashlib.sha256(self.original).hexdigest()
        return (self.letter.stage, what)


@dataclass(frozen=True)
class Filters:
    stage: str | None = None
    reason: str | None = None
    since: datetime | None = None

    def match(self, stored: StoredLetter) -> bool:
        letter = stored.letter
        return (
            (self.stage is None or letter.stage == self.stage)
            and (self.reason is None or letter.reason == self.reason)
            and (self.since is None or letter.last_failed_at >= self.since)
        )


async def read_all(kafka: KafkaSettings) -> tuple[list[StoredLetter], int]:
    """Every dead letter on the topic (and how many records could not be decoded as one)."""
    topic = TopicNames.from_settings(kafka).deadletter
    consumer = AIOKafkaConsumer(bootstrap_servers=require_bootstrap(kafka), enable_auto_commit=False)
    await consumer.start()
    letters: list[StoredLetter] = []
    undecodable = 0
    try:
        await consumer.topics()
        tps = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or [])]
        if not tps:
            return [], 0
        ends = await consumer.end_offsets(tps)
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        remaining = {tp for tp in tps if ends[tp] > 0}
        while remaining:
            batches = await asyncio.wait_for(consumer.getmany(timeout_ms=1000), 30)
            if not batches:
                break  # the end offsets can undercount on some brokers; nothing more is coming
            for tp, records in batches.items():
                for record in records:
                    try:
                        letters.append(
                            StoredLetter(tp.partition, record.offset, decode(DeadLetter, record.value))
                        )
                    except DecodeError:
                        undecodable += 1
                    if record.offset + 1 >= ends[tp]:
                        remaining.discard(tp)
        return letters, undecodable
    finally:
        await consumer.stop()


def attempts(letters: list[StoredLetter]) -> Counter[tuple[str, str]]:
    return Counter(stored.identity for stored in letters)


def summary(letters: list[StoredLetter]) -> Counter[tuple[str, str]]:
    """Counts by (stage, reason)."""
    return Counter((s.letter.stage, s.letter.reason) for s in letters)


@dataclass(frozen=True)
class Retry:
    stored: StoredLetter
    attempt: int  # the attempt the re-injected record will be
    topic: str | None  # None: not retried
    why_not: str = ""


def plan_retries(
    kafka: KafkaSettings, letters: list[StoredLetter], filters: Filters, max_attempts: int
) -> list[Retry]:
    """The latest matching letter of each identity, and whether (and where) it is re-injected."""
    counts = attempts(letters)
    latest: dict[tuple[str, str], StoredLetter] = {}
    for stored in letters:
        if filters.match(stored):
            latest[stored.identity] = stored  # letters are in topic order: the last one wins
    plans = []
    for identity, stored in latest.items():
        tried = counts[identity]
        if not stored.letter.source_topic or not stored.letter.original_b64:
            plans.append(Retry(stored, tried + 1, None, "no original record to re-inject"))
        elif tried >= max_attempts:
            plans.append(Retry(stored, tried + 1, None, f"failed {tried} times (max {max_attempts})"))
        else:
            plans.append(Retry(stored, tried + 1, stored.letter.source_topic))
    return plans


def _payload(kafka: KafkaSettings, stored: StoredLetter) -> bytes:
    """The record to re-inject: the original, except that a URL is marked to be fetched again
    (the fetcher remembers the URLs it has handled)."""
    if stored.letter.source_topic == TopicNames.from_settings(kafka).urls:
        discovered = decode(DiscoveredUrl, stored.original)
        return encode(discovered.model_copy(update={"force": True}))
    return stored.original


async def retry(kafka: KafkaSettings, plans: list[Retry]) -> int:
    producer = AIOKafkaProducer(
        bootstrap_servers=require_bootstrap(kafka), acks="all", max_request_size=kafka.max_request_bytes
    )
    await producer.start()
    sent = 0
    try:
        for plan in plans:
            if plan.topic is None:
                continue
            letter = plan.stored.letter
            key = base64.b64decode(letter.source_key_b64) if letter.source_key_b64 else None
            headers = [
                ("newswire-retry-attempt", str(plan.attempt).encode()),
                (
                    "newswire-retry-of",
                    f"{TopicNames.from_settings(kafka).deadletter}:{plan.stored.ref}".encode(),
                ),
            ]
            await producer.send_and_wait(plan.topic, _payload(kafka, plan.stored), key=key, headers=headers)
            sent += 1
    finally:
        await producer.stop()
    return sent
