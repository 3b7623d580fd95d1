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
from collections import Counter, deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime

from aiokafka import TopicPartition

from schemas import DeadLetter, DecodeError, DiscoveredUrl, decode, encode
from services.common.kafka import BoundedProducer, reader_consumer
from services.common.partitions import partitions_of, read_partitions
from services.common.settings import KafkaSettings
from services.common.topics import TopicNames, app_id

DEFAULT_MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class StoredLetter:
    partition: int
    offset: int
    letter: DeadLetter
    known_identity: tuple[str, str] | None = None  # kept when the original is dropped from memory

    @property
    def ref(self) -> str:
        return f"{self.partition}:{self.offset}"

    @property
    def original(self) -> bytes:
        return base64.b64decode(self.letter.original_b64)

    @property
    def identity(self) -> tuple[str, str]:
        if self.known_identity is not None:
            return self.known_identity
        # the whole original's hash, also for a letter that carries only its first bytes
        what = self.letter.subject or self.letter.original_sha256 or hashlib.sha256(self.original).hexdigest()
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


async def iter_letters(
    kafka: KafkaSettings, *, undecodable: list[int] | None = None
) -> AsyncIterator[StoredLetter]:
    """Every dead letter on the topic, streamed in offset order per partition (the topic can hold
    months of failures with their original pages: nothing is kept in memory here). Records that
    are not dead letters are counted in ``undecodable[0]``."""
    topic = TopicNames.from_settings(kafka).deadletter
    consumer = reader_consumer(kafka)
    await consumer.start()
    try:
        tps = await partitions_of(consumer, [topic])
        spans: dict[TopicPartition, tuple[int | None, int | None]] = {tp: (None, None) for tp in tps}
        async for record in read_partitions(consumer, spans, one_at_a_time=True):
            try:
                yield StoredLetter(record.partition, record.offset, decode(DeadLetter, record.value))
            except DecodeError:
                if undecodable is not None:
                    undecodable[0] += 1
    finally:
        await consumer.stop()


async def read_one(kafka: KafkaSettings, partition: int, offset: int) -> StoredLetter | None:
    """The dead letter at ``partition:offset`` (None if there is none)."""
    topic = TopicNames.from_settings(kafka).deadletter
    tp = TopicPartition(topic, partition)
    consumer = reader_consumer(kafka)
    await consumer.start()
    try:
        consumer.assign([tp])
        consumer.seek(tp, offset)
        records = (await asyncio.wait_for(consumer.getmany(tp, timeout_ms=3000), 30)).get(tp, [])
        for record in records:
            if record.offset == offset:
                return StoredLetter(partition, offset, decode(DeadLetter, record.value))
        return None
    finally:
        await consumer.stop()


@dataclass
class Listing:
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)  # (stage, reason) of matches
    attempts: Counter[tuple[str, str]] = field(default_factory=Counter)  # identity -> letters
    latest: deque[StoredLetter] = field(default_factory=deque)  # the last matches, originals dropped
    matched: int = 0
    total: int = 0
    undecodable: int = 0


async def list_letters(kafka: KafkaSettings, filters: Filters, keep: int) -> Listing:
    listing = Listing(latest=deque(maxlen=keep))
    undecodable = [0]
    async for stored in iter_letters(kafka, undecodable=undecodable):
        listing.total += 1
        listing.attempts[stored.identity] += 1
        if filters.match(stored):
            listing.matched += 1
            listing.counts[(stored.letter.stage, stored.letter.reason)] += 1
            light = stored.letter.model_copy(update={"original_b64": ""})
            listing.latest.append(StoredLetter(stored.partition, stored.offset, light, stored.identity))
    listing.undecodable = undecodable[0]
    return listing


async def attempts_of(kafka: KafkaSettings, identity: tuple[str, str]) -> int:
    return sum([stored.identity == identity async for stored in iter_letters(kafka)])


@dataclass(frozen=True)
class Retry:
    stored: StoredLetter
    attempt: int  # the attempt the re-injected record will be
    topic: str | None  # None: not retried
    why_not: str = ""


async def plan_retries(kafka: KafkaSettings, filters: Filters, max_attempts: int) -> list[Retry]:
    """The latest matching letter of each identity, and whether (and where) it is re-injected."""
    counts: Counter[tuple[str, str]] = Counter()
    latest: dict[tuple[str, str], StoredLetter] = {}
    async for stored in iter_letters(kafka):
        counts[stored.identity] += 1
        if filters.match(stored):
            latest[stored.identity] = stored  # letters are in topic order: the last one wins
    plans = []
    for identity, stored in latest.items():
        tried = counts[identity]
        if not stored.letter.source_topic or not stored.letter.original_b64:
            plans.append(Retry(stored, tried + 1, None, "no original record to re-inject"))
        elif stored.letter.original_truncated:
            plans.append(Retry(stored, tried + 1, None, "the original was cut to fit the record limit"))
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
    producer = BoundedProducer(kafka, client_id=app_id(kafka, "deadletter-retry"))
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
            await producer.send(plan.topic, _payload(kafka, plan.stored), key=key, headers=headers)
            sent += 1
    finally:
        await producer.stop()
    return sent
