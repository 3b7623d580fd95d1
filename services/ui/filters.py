"""The filters every view shares, read from a request's query string and checked before any query.

A value that does not parse is a :class:`FilterError` (a 400 with its message): nothing from the
query string reaches SQL except as a bound parameter of a known type, and the text ones are
bounded in length so one request cannot make DuckDB scan with a megabyte-long needle.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from schemas.events import RecordKind, Subtype

MAX_TEXT = 200  # characters of a free-text filter
KindFilter = Literal[RecordKind, "all"]
SUBTYPES: tuple[str, ...] = get_args(Subtype)
KINDS: tuple[str, ...] = (*get_args(RecordKind), "all")


class FilterError(ValueError):
    """A filter value that does not parse; its message names the parameter."""


class Filters(BaseModel):
    """What the reader narrowed the views to; every field is optional."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: date | None = Field(default=None, description="Events that end on or after this day")
    end: date | None = Field(default=None, description="Events that start on or before this day")
    subtype: Subtype | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$", description="ISO alpha-3")
    actor: str | None = Field(default=None, min_length=1, max_length=MAX_TEXT)
    group: str | None = Field(default=None, min_length=1, max_length=MAX_TEXT)
    kind: KindFilter = Field(default="event", description="Record kind; 'event' reads linked events")
    min_sources: int = Field(default=1, ge=1, le=10_000)
    q: str | None = Field(default=None, min_length=1, max_length=MAX_TEXT, description="Text in evidence")

    @model_validator(mode="after")
    def _ordered(self) -> Filters:
        if self.start and self.end and self.start > self.end:
            raise ValueError("start is after end")
        return self

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> Filters:
        """The filters in a query string (empty values count as unset; unknown names are refused)."""
        values: dict[str, Any] = {}
        for name, value in query.items():
            if name in _NOT_FILTERS:
                continue
            if name not in cls.model_fields:
                raise FilterError(f"unknown parameter {name!r}")
            if value.strip():
                values[name] = value.strip()
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "filters"
            raise FilterError(f"{where}: {first['msg']}") from None


# Query parameters that are not filters: paging, sorting and the buckets of a view.
_NOT_FILTERS = frozenset({"limit", "offset", "bucket", "token", "sort"})


def bounded_int(query: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    """An integer parameter within [low, high], or a FilterError."""
    raw = query.get(name, "")
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise FilterError(f"{name}: not an integer") from None
    if not low <= value <= high:
        raise FilterError(f"{name}: must be between {low} and {high}")
    return value


def choice(query: Mapping[str, str], name: str, allowed: tuple[str, ...]) -> str:
    """One of ``allowed`` (the first by default), or a FilterError."""
    value = query.get(name, "") or allowed[0]
    if value not in allowed:
        raise FilterError(f"{name}: one of {', '.join(allowed)}")
    return value
