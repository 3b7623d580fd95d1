"""Generate the JSON Schema files of the contracts (``newswire schemas export``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
        schema = _open(model.model_json_schema(mode="serialization"))
        out[f"{record_name(model)}.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out


def _open(schema: Any) -> Any:
    """The schema without ``additionalProperties: false``.

    The models forbid extra fields so our own producers cannot misspell one, but the
    published contract is what consumers validate against, and they must accept the
    optional fields a newer producer adds (consumers ignore what they do not know).
    Typed maps (``additionalProperties: {schema}``) are kept."""
    if isinstance(schema, dict):
        return {k: _open(v) for k, v in schema.items() if not (k == "additionalProperties" and v is False)}
    if isinstance(schema, list):
        return [_open(v) for v in schema]
    return schema


def export(directory: Path = JSONSCHEMA_DIR) -> list[Path]:
    """Write every contract's JSON Schema into ``directory``; return the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_all().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
