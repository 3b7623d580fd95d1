"""Dead letters: one envelope shape for every stage, and one sender that every service uses."""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from schemas import DeadLetter, encode
from schemas.records import Stage
from services.common.errors import error_kind
from services.common.metrics import ServiceMetrics

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourceRef:
    """Where a failed record came from."""

    topic: str
    partition: int
    offset: int
    key: bytes | None = None


def reason_of(error: BaseException) -> str:
    """A short cause: the error's own ``reason`` if it has one, else its class name in snake case."""
    reason = getattr(error, "reason", None)
    if isinstance(reason, str) and reason:
        return reason
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(error).__name__).lower()


def _b64(data: bytes | None) -> str:
    return base64.b64encode(data or b"").decode("ascii")


# What a dead letter carries besides its original (error message and subject bounded below, the
# JSON of the other fields): the original gets the rest of the record limit, as base64
ENVELOPE_RESERVE_BYTES = 128 * 1024
MAX_MESSAGE_CHARS = 4_000
MAX_SUBJECT_CHARS = 8_000


def original_budget(max_record_bytes: int) -> int:
    """The most bytes of an original a dead letter embeds so that the letter, base64 and JSON
    included, stays within ``max_record_bytes`` (the record limit of the topic it goes to)."""
    return max(0, (max_record_bytes - ENVELOPE_RESERVE_BYTES) * 3 // 4)


def dead_letter(
    *,
    stage: Stage,
    error: BaseException,
    original: bytes | None,
    source: SourceRef | None = None,
    subject: str | None = None,
    attempts: int = 1,
    first_failed_at: datetime | None = None,
    max_record_bytes: int,
) -> DeadLetter:
    """Envelope for ``error`` raised while ``stage`` processed ``original``, within
    ``max_record_bytes``: an original too large to embed whole is cut, and its size and sha256
    say what it was (a 12.5 MiB page must not make a dead letter the broker refuses)."""
    now = datetime.now(UTC)
    message = str(error) or repr(error)
    data = original or b""
    budget = original_budget(max_record_bytes)
    return DeadLetter(
        stage=stage,
        error_class=getattr(error, "error_class", None) or type(error).__name__,  # an InternalError's cause
        error_kind=error_kind(error),
        reason=reason_of(error),
        message=message[:MAX_MESSAGE_CHARS],
        source_topic=source.topic if source else None,
        source_partition=source.partition if source else None,
        source_offset=source.offset if source else None,
        source_key_b64=_b64(source.key) if source and source.key is not None else None,
        original_b64=_b64(data[:budget]),
        original_size=len(data),
        original_sha256=hashlib.sha256(data).hexdigest(),
        original_truncated=len(data) > budget,
        subject=subject[:MAX_SUBJECT_CHARS] if subject is not None else None,
        first_failed_at=first_failed_at or now,
        last_failed_at=now,
        attempts=attempts,
    )


def dead_letter_key(letter: DeadLetter) -> bytes:
    """Key dead letters by stage so each stage's failures stay in order."""
    return letter.stage.encode()


# Sends one encoded record (key, value) to the dead-letter topic, durably: the service's own send,
# so each service keeps its delivery rule (faust's send_durably, or the bounded aiokafka producer).
SendRecord = Callable[[bytes, bytes], Awaitable[None]]


class DeadLetterSender:
    """A stage's dead letters: built from the error, logged with the record's place, sent, counted.

    Returns only after the send was acknowledged, so the caller may then ack its input."""

    def __init__(
        self, stage: Stage, send: SendRecord, metrics: ServiceMetrics, *, max_record_bytes: int
    ) -> None:
        self._stage: Stage = stage
        self._send = send
        self._metrics = metrics
        self._max_record_bytes = max_record_bytes

    async def send(
        self, error: BaseException, original: bytes | None, source: SourceRef, *, subject: str | None = None
    ) -> DeadLetter:
        log.warning(
            "%s[%d]@%d dead-lettered: %s",
            source.topic,
            source.partition,
            source.offset,
            error,
            extra={
                "topic": source.topic,
                "partition": source.partition,
                "offset": source.offset,
                "url": subject,
            },
        )
        letter = dead_letter(
            stage=self._stage,
            error=error,
            original=original,
            source=source,
            subject=subject,
            max_record_bytes=self._max_record_bytes,
        )
        await self._send(dead_letter_key(letter), encode(letter))
        self._metrics.dead_letters.labels(self._stage, letter.reason).inc()
        return letter
