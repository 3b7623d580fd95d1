"""The one dead-letter sender: the envelope, its key, the metric, and the send awaited first."""

from __future__ import annotations

import asyncio

from schemas import DeadLetter, decode
from services.common.deadletter import DeadLetterSender, SourceRef
from services.common.metrics import ServiceMetrics


def test_a_failure_becomes_one_sent_and_counted_dead_letter() -> None:
    sent: list[tuple[bytes, bytes]] = []

    async def send(key: bytes, value: bytes) -> None:
        await asyncio.sleep(0)
        sent.append((key, value))

    metrics = ServiceMetrics("linker")
    sender = DeadLetterSender("linker", send, metrics)
    source = SourceRef("t.events", 2, 41, b"article-1")
    letter = asyncio.run(sender.send(ValueError("no such thing"), b"raw bytes", source, subject="http://x/1"))

    assert sent == [(b"linker", sent[0][1])]  # keyed by stage: each stage's failures stay in order
    assert decode(DeadLetter, sent[0][1]) == letter
    assert (letter.stage, letter.source_offset, letter.subject) == ("linker", 41, "http://x/1")
    assert metrics.dead_letters.labels("linker", letter.reason)._value.get() == 1
