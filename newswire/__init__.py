"""newswire's public API: what a user of the pipeline's output imports.

- the topic contracts and their codec (``decode`` ignores fields it does not know);
- the query helpers over the sink's Parquet tables;
- offline extraction of saved pages, the path of ``newswire extract``.

Everything under ``services`` and the submodules of ``schemas`` is internal and may
change between releases; ``tests/unit/newswire/test_exported_members.py`` pins the names here.
"""

from __future__ import annotations

from newswire.offline import extract_files
from schemas import (
    SCHEMA_VERSION,
    Article,
    DeadLetter,
    DecodeError,
    DiscoveredUrl,
    EventCluster,
    EventMention,
    FeedStatus,
    FetchedPage,
    Span,
    decode,
    encode,
)
from services.sink.queries import LATEST_CLUSTERS_SQL, MENTIONS_WITH_EVENTS_SQL, latest_versions

__all__ = [
    "LATEST_CLUSTERS_SQL",
    "MENTIONS_WITH_EVENTS_SQL",
    "SCHEMA_VERSION",
    "Article",
    "DeadLetter",
    "DecodeError",
    "DiscoveredUrl",
    "EventCluster",
    "EventMention",
    "FeedStatus",
    "FetchedPage",
    "Span",
    "decode",
    "encode",
    "extract_files",
    "latest_versions",
]
