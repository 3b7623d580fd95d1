"""Generate the JSON Schema files of the contracts (``newswire schemas export``)."""

from __future__ import annotations

import json
from pathlib import Path

from schemas.clusters import EventCluster
from schemas.events import EventMention
from schemas.records import Article, DeadLetter, DiscoveredUrl, FeedStatus, FetchedPage, Record, record_name

ALL_RECORDS: tuple[type[Record], ...] = (
    DiscoveredUrl,
    FetchedPage,
    Article,
    FeedStatus,
    DeadLetter,
    EventMention,
    EventCluster,
)

JSONSCHEMA_DIR = Path(__file__).parent / "jsonschema"


def render_all() -> dict[str, str]:
    """File name -> JSON text for every contract, deterministic for drift checks."""
    out: dict[str, str] = {}
    for model in ALL_RECORDS:
        schema = model.model_json_schema(mode="serialization")
        out[f"{record_name(model)}.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out


def export(directory: Path = JSONSCHEMA_DIR) -> list[Path]:
    """Write every contract's JSON Schema into ``directory``; return the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_all().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
