"""The one dead-letter sender: the envelope, its key, the metric, and the send awaited first."""

from __future__ import annotations

import asyncio
import base64
import hashlib

from schemas import DeadLetter, decode
from services.common.deadletter import DeadLetterSender, SourceRef
from services.common.metrics import ServiceMetrics


def test_a_failure_becomes_one_sent_and_counted_dead_letter() -> None:
    sent: list[tuple[bytes, bytes]] = []

    async def send(key: bytes, value: bytes) -> None:
        await asyncio.sleep(0)
        sent.append((key, value))

    metrics = ServiceMetrics("linker")
    sender = DeadLetterSender("linker", send, metrics, max_record_bytes=16 * 2**20)
    source = SourceRef("t.events", 2, 41, b"article-1")
    letter = asyncio.run(sender.send(ValueError("no such thing"), b"raw bytes", source, subject="http://x/1"))

    assert sent == [(b"linker", sent[0][1])]  # keyed by stage: each stage's failures stay in order
    assert decode(DeadLetter, sent[0][1]) == letter
    assert (letter.stage, letter.source_offset, letter.subject) == ("linker", 41, "http://x/1")
    assert metrics.dead_letters.labels("linker", letter.reason)._value.get() == 1


def test_an_original_too_large_for_the_record_limit_is_cut_and_the_letter_fits() -> None:
    limit = 1024 * 1024  # the smallest record limit the settings allow
    sent: list[bytes] = []

    async def send(key: bytes, value: bytes) -> None:
        sent.append(value)

    sender = DeadLetterSender("extractor", send, ServiceMetrics("extractor"), max_record_bytes=limit)
    # control bytes escape to six characters each in JSON: the worst case of a page record
    original = bytes(range(32)) * (limit // 16)
    letter = asyncio.run(
        sender.send(
            ValueError("x" * 10_000), original, SourceRef("t.pages", 0, 9), subject="http://x/" + "y" * 20_000
        )
    )
    assert len(sent[0]) <= limit
    assert letter.original_truncated and letter.original_size == len(original)
    assert letter.original_sha256 == hashlib.sha256(original).hexdigest()
    assert original.startswith(base64.b64decode(letter.original_b64))

    whole = asyncio.run(sender.send(ValueError("small"), b"raw", SourceRef("t.pages", 0, 10)))
    assert not whole.original_truncated and base64.b64decode(whole.original_b64) == b"raw"
