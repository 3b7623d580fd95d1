"""Building dead-letter envelopes: one shape for every stage."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from schemas import DeadLetter
from schemas.records import Stage
from services.common.errors import error_kind


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
