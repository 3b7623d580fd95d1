"""The error tree every service raises from.

::

    NewswireError
    ├── TransientError      the same input may succeed later: retry with backoff
    │   └── BrokerUnavailable
    ├── PermanentError      this input will never succeed: dead-letter it and move on
    │   └── (per service: BodyTooLarge, ExtractionTimeout, ...)
    └── FatalError          the process cannot go on safely: exit non-zero, never ack
        └── OutputMismatch

The kind decides what a stage does with a failure, so a new error class only
has to pick its parent.
"""

from __future__ import annotations

from typing import Literal

ErrorKind = Literal["transient", "permanent", "fatal"]


class NewswireError(Exception):
    """Base of newswire's own errors."""

    kind: ErrorKind = "permanent"


class TransientError(NewswireError):
    """A failure that may go away: timeouts, 5xx, an unreachable broker."""

    kind: ErrorKind = "transient"


class PermanentError(NewswireError):
    """A failure tied to the input itself; retrying cannot help."""

    kind: ErrorKind = "permanent"


class FatalError(NewswireError):
    """The process must stop without acknowledging anything more."""

    kind: ErrorKind = "fatal"


class BrokerUnavailable(TransientError):
    """A Kafka request did not complete within its deadline."""


class RecordTooLarge(PermanentError):
    """An encoded record is larger than the broker accepts (``kafka.max_request_bytes``)."""


def check_record_size(value: bytes, limit: int, what: str) -> bytes:
    """Return ``value``, or raise :class:`RecordTooLarge`: a produce that the broker would
    refuse must become a dead letter, not a crash loop."""
    if len(value) > limit:
        raise RecordTooLarge(f"{what}: {len(value)} bytes > max_request_bytes {limit}")
    return value


class InternalError(PermanentError):
    """An unexpected exception while handling one record (a bug met by an input nobody foresaw):
    the record's dead letter, so that the stage moves on instead of crash-looping on it."""

    reason = "internal_error"

    def __init__(self, error: BaseException) -> None:
        self.error_class = type(error).__name__
        super().__init__(f"{self.error_class}: {error}")


class OutputMismatch(FatalError):
    """The output directory holds offsets the topic does not have (topic recreated?)."""


def error_kind(exc: BaseException) -> ErrorKind:
    """Kind of any exception; foreign exceptions count as permanent for the input at hand."""
    if isinstance(exc, NewswireError):
        return exc.kind
    return "permanent"


def crash_hard(logger_name: str, reason: str, exit_code: int = 70) -> None:
    """Exit the process at once, without acknowledging the input at hand.

    faust acknowledges a message when the agent raises (its stream guide lists an
    exception in the agent among the moments a message is acked),
    so an output that could not be made durable must not surface as an
    exception: the process exits and its supervisor restarts it, and the
    uncommitted input is delivered again.
    """
    import logging
    import os
    import sys

    logging.getLogger(logger_name).critical("exiting without ack: %s", reason)
    sys.stderr.flush()
    os._exit(exit_code)
