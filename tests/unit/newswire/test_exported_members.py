"""The public API is exactly the names of ``newswire.__all__`` (httpx's test of the same name)."""

from __future__ import annotations

import subprocess
import sys

import newswire

PUBLIC = {
    # the contracts and their codec
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
    # queries over the sink's tables
    "LATEST_CLUSTERS_SQL",
    "MENTIONS_WITH_EVENTS_SQL",
    "latest_versions",
    # offline extraction
    "extract_files",
}


def test_the_exported_names_are_the_public_api() -> None:
    assert set(newswire.__all__) == PUBLIC
    assert len(newswire.__all__) == len(PUBLIC)  # no name listed twice


def test_every_public_member_is_exported() -> None:
    # A name reachable from the package without a leading underscore is either in __all__ or a
    # submodule (``newswire.offline``): nothing becomes public by accident.
    members = {m for m in dir(newswire) if not m.startswith("_") and m not in {"annotations", "offline"}}
    assert members == set(newswire.__all__)


def test_reading_the_contracts_does_not_load_the_pipeline() -> None:
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, newswire; print(sorted(m for m in ('faust', 'aiokafka', 'httpx', "
            "'trafilatura') if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert loaded == "[]"
