"""JSON bytes on the wire, decoded into the contracts with a typed error.

The codec lives with the contracts (not in faust) so every consumer, including
the plain-aiokafka sink and users' own consumers, decodes the same way.

The upgrade rule: producers add optional fields, consumers ignore what they do not
know. The models stay ``extra="forbid"`` so a typo in a producer's own code fails where
the record is built, but :func:`decode` reads with ``extra="ignore"``: in a rolling
upgrade a consumer still on the old contract drops the new field instead of
dead-lettering every record that carries it.
"""

from __future__ import annotations

import json
from typing import Literal, TypeVar

from pydantic import ValidationError

from schemas.records import SCHEMA_VERSION, Record

R = TypeVar("R", bound=Record)

DecodeReason = Literal[
    "empty", "too_large", "invalid_json", "not_an_object", "unknown_schema_version", "invalid"
]

# Kafka's default max.message.bytes is ~1 MB; we allow larger pages, but a
# record beyond this is refused before json parsing so a poison message cannot
# exhaust memory.
DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024


class DecodeError(ValueError):
    """Bytes that are not a valid record of the expected contract."""

    def __init__(self, model: type[Record], reason: DecodeReason, detail: str) -> None:
        self.model = model
        self.reason = reason
        self.detail = detail
        super().__init__(f"cannot decode {model.__name__}: {reason}: {detail}")


def encode(record: Record) -> bytes:
    """Serialise a record to compact UTF-8 JSON."""
    return record.model_dump_json().encode("utf-8")


def decode(model: type[R], data: bytes | None, *, max_bytes: int = DEFAULT_MAX_RECORD_BYTES) -> R:
    """Parse ``data`` as ``model``; raise :class:`DecodeError` with a reason on any failure."""
    if not data:
        raise DecodeError(model, "empty", "no value bytes")
    if len(data) > max_bytes:
        raise DecodeError(model, "too_large", f"{len(data)} bytes > limit {max_bytes}")
    try:  # the fast path, one pass in pydantic-core; failures are classified below
        return model.model_validate_json(data, extra="ignore")
    except ValidationError:
        pass
    try:
        obj = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DecodeError(model, "invalid_json", str(exc)) from exc
    if not isinstance(obj, dict):
        raise DecodeError(model, "not_an_object", f"top-level JSON is {type(obj).__name__}")
    version = obj.get("schema_version")
    if version != SCHEMA_VERSION:
        raise DecodeError(
            model, "unknown_schema_version", f"schema_version={version!r}, expected {SCHEMA_VERSION}"
        )
    try:
        return model.model_validate(obj, extra="ignore")
    except ValidationError as exc:
        raise DecodeError(model, "invalid", _summarise(exc)) from exc


def _summarise(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False)
    parts = [f"{'.'.join(str(p) for p in e['loc']) or '<root>'}: {e['msg']}" for e in errors[:5]]
    more = f" (+{len(errors) - 5} more)" if len(errors) > 5 else ""
    return "; ".join(parts) + more
