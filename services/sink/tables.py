"""The Parquet tables the sink writes, and Arrow schemas derived from the record contracts."""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, Literal

import pyarrow as pa
from pydantic import AwareDatetime, BaseModel

from schemas import Record
from services.common.settings import TABLE_NAMES, TableName
from services.common.topics import TOPIC_OF_TABLE

UNKNOWN_DATE = "unknown"

# Lineage columns on every row: where the record was read from, and when it was written.
LINEAGE_FIELDS = [
    pa.field("src_topic", pa.string(), nullable=False),
    pa.field("src_partition", pa.int32(), nullable=False),
    pa.field("src_offset", pa.int64(), nullable=False),
    pa.field("ingested_at", pa.timestamp("us", tz="UTC"), nullable=False),
]


def _arrow_type(annotation: Any) -> tuple[pa.DataType, bool]:
    """Arrow type of a pydantic field annotation, and whether it is nullable."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"unsupported union {annotation!r}")
        return _arrow_type(inner[0])[0], True
    if origin is typing.Annotated:
        return _arrow_type(args[0])
    if origin is Literal:
        return (pa.int16() if all(isinstance(a, int) for a in args) else pa.string()), False
    if origin is list:
        return pa.list_(_arrow_type(args[0])[0]), False
    if origin is dict:
        return pa.string(), False  # stored as JSON text: maps vary per record
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(_arrow_fields(annotation)), False  # nested parts: Span, Site, ...
    if annotation is AwareDatetime or annotation is datetime:
        return pa.timestamp("us", tz="UTC"), False
    simple: dict[Any, pa.DataType] = {
        str: pa.string(),
        int: pa.int64(),
        bool: pa.bool_(),
        float: pa.float64(),
        date: pa.date32(),
    }
    if annotation in simple:
        return simple[annotation], False
    raise TypeError(f"no Arrow type for {annotation!r}")


def _arrow_fields(model: type[BaseModel]) -> list[pa.Field]:
    fields = []
    for name, info in model.model_fields.items():
        arrow_type, nullable = _arrow_type(info.annotation)
        fields.append(pa.field(name, arrow_type, nullable=nullable))
    return fields


@cache
def arrow_schema_for(model: type[Record]) -> pa.Schema:
    """Arrow schema of ``model``'s fields (in declaration order) plus the lineage columns."""
    return pa.schema([*_arrow_fields(model), *LINEAGE_FIELDS])


@cache  # per model, not per row: this is on the sink's hot path
def _map_fields(model: type[Record]) -> frozenset[str]:
    """Top-level fields typed as free-form maps, stored as JSON text (nested models stay structs)."""
    return frozenset(
        name
        for name, info in model.model_fields.items()
        if typing.get_origin(info.annotation) is dict
        or any(typing.get_origin(a) is dict for a in typing.get_args(info.annotation))
    )


@dataclass(frozen=True)
class TableSpec:
    """One output table: the topic it reads, its contract and how rows are dated."""

    name: str
    topic_attr: str  # attribute of TopicNames
    model: type[Record]
    date_of: Callable[[Any], date | None]
    # The columns that make a row the same logical record: a record redelivered along the
    # pipeline (a page fetched or extracted twice after a crash) arrives at a new offset with
    # the same identity, and is written once. Empty: every record is its own (dead letters).
    identity_columns: tuple[str, ...] = ()

    def identity(self, row: dict[str, Any]) -> tuple[Any, ...] | None:
        return tuple(row[c] for c in self.identity_columns) if self.identity_columns else None

    @property
    def schema(self) -> pa.Schema:
        return arrow_schema_for(self.model)

    def date_key(self, record: Record) -> str:
        day = self.date_of(record)
        return day.isoformat() if day else UNKNOWN_DATE

    def row(self, record: Record) -> dict[str, Any]:
        row = record.model_dump()
        for name in _map_fields(self.model):
            if row[name] is not None:
                row[name] = json.dumps(row[name], sort_keys=True)
        return row


# How each table's rows are dated (the hive partition ``date=``); which topic and contract each
# table has comes from the topic registry.
_DATE_OF: dict[TableName, Callable[[Any], date | None]] = {
    "articles": lambda a: a.published_at,
    # Partitioned by when the event happened (date=unknown when the text does not say).
    "events": lambda e: e.time.start,
    # Append-only versions, filed by when the event was first reported (stable across versions).
    "event_clusters": lambda c: c.first_reported_at,
    "deadletter": lambda d: d.last_failed_at.date(),
}
# An article is the same when its URL, text and extractor are (a new text is a new version); a
# mention is its deterministic id; a cluster version is its event and version number.
_IDENTITY: dict[TableName, tuple[str, ...]] = {
    "articles": ("article_id", "text_sha256", "extractor"),
    "events": ("mention_id",),
    "event_clusters": ("event_id", "version"),
    "deadletter": (),
}
TABLES: dict[str, TableSpec] = {
    name: TableSpec(
        name, TOPIC_OF_TABLE[name].attr, TOPIC_OF_TABLE[name].record, _DATE_OF[name], _IDENTITY[name]
    )
    for name in TABLE_NAMES
}
