"""Topic contracts of newswire: pydantic v2 models, their JSON codec and JSON Schema export.

This package imports nothing from ``services``: producers and consumers in any
language can depend on the contracts (or on the generated JSON Schema files in
``schemas/jsonschema``) without pulling in the pipeline.
"""

from schemas.clusters import EventCluster
from schemas.codec import DecodeError, decode, encode
from schemas.events import EventMention, Span
from schemas.records import (
    SCHEMA_VERSION,
    Article,
    DeadLetter,
    DiscoveredUrl,
    FeedStatus,
    FetchedPage,
    Record,
)

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "DeadLetter",
    "DecodeError",
    "DiscoveredUrl",
    "EventCluster",
    "EventMention",
    "FeedStatus",
    "FetchedPage",
    "Record",
    "Span",
    "decode",
    "encode",
]
