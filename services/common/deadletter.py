"""Dead letters: one envelope shape for every stage, and one sender that every service uses."""

from __future__ import annotations

import base64
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


def dead_letter(
    *,
    stage: Stage,
    error: BaseException,
    original: bytes | None,
    source: SourceRef | None = None,
    subject: str | None = None,
    attempts: int = 1,
    first_failed_at: datetime | None = None,
) -> DeadLetter:
    """Envelope for ``error`` raised while ``stage`` processed ``original``."""
    now = datetime.now(UTC)
    message = str(error) or repr(error)
    return DeadLetter(
        stage=stage,
        error_class=type(error).__name__,
        error_kind=error_kind(error),
        reason=reason_of(error),
        message=message[:4000],
        source_topic=source.topic if source else None,
        source_partition=source.partition if source else None,
        source_offset=source.offset if source else None,
        source_key_b64=_b64(source.key) if source and source.key is not None else None,
        original_b64=_b64(original),
        subject=subject,
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

    def __init__(self, stage: Stage, send: SendRecord, metrics: ServiceMetrics) -> None:
        self._stage: Stage = stage
        self._send = send
        self._metrics = metrics

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
            stage=self._stage, error=error, original=original, source=source, subject=subject
        )
        await self._send(dead_letter_key(letter), encode(letter))
        self._metrics.dead_letters.labels(self._stage, letter.reason).inc()
        return letter
