"""Consumers ignore what they do not know: a record that gained fields still decodes.

The rolling-upgrade case: a producer on a newer release adds optional fields while
consumers still run this one. For every released schema set, each sample record is cut
down to the fields that release knew (so it is a record that release could have
written), checked against the release's JSON Schema, then given an unknown field in every
object, top-level and nested; it must decode to the same record as without them.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

from schemas import DecodeError, EventCluster, EventMention, FeedStatus, decode, encode
from schemas.compat import RELEASED_DIR, load, released_versions
from schemas.export import ALL_RECORDS, JSONSCHEMA_DIR
from schemas.records import Record
from services.common.deadletter import SourceRef, dead_letter
from tests.factories import T0, article, discovered, event_mention, page

SAMPLES: list[Record] = [
    discovered(),
    page(),
    article(1),
    FeedStatus(
        feed_url="http://127.0.0.1/f", polled_at=T0, outcome="ok", entries=3, new_entries=2, elapsed_ms=4
    ),
    dead_letter(
        stage="sink",
        error=ValueError("boom"),
        original=b"raw",
        source=SourceRef("t", 0, 7, b"k"),
        max_record_bytes=16 * 2**20,
    ),
    event_mention(1),
    EventCluster(
        event_id="e1",
        version=1,
        family="arrest",
        event_type="COERCE",
        mention_ids=["m1"],
        article_ids=["a1"],
        n_sources=1,
        n_outlets=1,
        first_reported_at=date(2024, 4, 10),
    ),
]


def test_every_contract_has_a_sample() -> None:
    assert {type(r) for r in SAMPLES} == set(ALL_RECORDS)


Schema = dict[str, Any]
ADDED = "added_in_a_later_release"


def _resolve(schema: Schema, root: Schema) -> Schema:
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _alternative(schema: Schema, root: Schema, key: str) -> Schema | None:
    """The (resolved) alternative of ``schema`` that has ``key``: properties or items."""
    schema = _resolve(schema, root)
    if key in schema:
        return schema
    for alt in schema.get("anyOf", []):
        if (found := _alternative(alt, root, key)) is not None:
            return found
    return None


def _as_released(value: Any, schema: Schema, root: Schema, *, grow: bool) -> Any:
    """``value`` with only the fields the schema knows, plus one unknown field per object if ``grow``.

    Typed maps (objects without ``properties``, such as HTTP headers) are left as they
    are: a key added to a map is data, not a new field."""
    if isinstance(value, dict) and (obj := _alternative(schema, root, "properties")) is not None:
        known = obj["properties"]
        out = {k: _as_released(v, known[k], root, grow=grow) for k, v in value.items() if k in known}
        return {**out, ADDED: {"any": [1, "x"]}} if grow else out
    if isinstance(value, list) and (arr := _alternative(schema, root, "items")) is not None:
        return [_as_released(v, arr["items"], root, grow=grow) for v in value]
    return value


@pytest.mark.parametrize("version", released_versions())
@pytest.mark.parametrize("record", SAMPLES, ids=lambda r: type(r).__name__)
def test_a_record_with_unknown_fields_decodes_under_every_release(version: str, record: Record) -> None:
    released = load(RELEASED_DIR / version)[type(record).__name__]
    plain = _as_released(json.loads(encode(record)), released, released, grow=False)
    jsonschema.validate(plain, released)  # a record this release could have written
    grown = _as_released(plain, released, released, grow=True)
    assert ADDED in grown

    expected = decode(type(record), json.dumps(plain).encode())
    assert decode(type(record), json.dumps(grown).encode()) == expected
    jsonschema.validate(grown, load(JSONSCHEMA_DIR)[type(record).__name__])


def test_unknown_fields_inside_nested_objects_are_ignored_too() -> None:
    released = load(JSONSCHEMA_DIR)["EventMention"]
    grown = _as_released(json.loads(encode(SAMPLES[5])), released, released, grow=True)
    assert ADDED in grown["sites"][0] and ADDED in grown["time"] and ADDED in grown["actors"][0]
    assert decode(EventMention, json.dumps(grown).encode()) == SAMPLES[5]


def test_producers_still_refuse_a_misspelt_field() -> None:
    with pytest.raises(ValidationError, match="extra_forbidden"):
        FeedStatus(  # type: ignore[call-arg]
            feed_url="http://127.0.0.1/f", polled_at=T0, outcome="ok", entries=1, new_entries=1, elapsd_ms=1
        )


def test_a_known_field_of_the_wrong_type_is_still_invalid() -> None:
    plain = json.loads(encode(SAMPLES[3]))
    plain["entries"] = "three"
    with pytest.raises(DecodeError, match="invalid"):
        decode(FeedStatus, json.dumps(plain).encode())
