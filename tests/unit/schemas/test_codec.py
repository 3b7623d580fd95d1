from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from schemas import Article, DeadLetter, DecodeError, DiscoveredUrl, FeedStatus, FetchedPage, decode, encode
from schemas.export import ALL_RECORDS
from services.common.deadletter import SourceRef, dead_letter
from tests.factories import T0, article, discovered, page


@pytest.mark.parametrize(
    "record",
    [
        article(1),
        article(2, published=None),
        discovered(),
        page(),
        FeedStatus(
            feed_url="http://127.0.0.1/f", polled_at=T0, outcome="ok", entries=3, new_entries=2, elapsed_ms=4
        ),
        dead_letter(
            stage="sink",
            error=ValueError("boom"),
            original=b"\x00raw",
            source=SourceRef("t", 1, 7, b"k"),
            max_record_bytes=16 * 2**20,
        ),
    ],
    ids=lambda r: type(r).__name__,
)
def test_every_contract_round_trips_through_json_bytes(record: object) -> None:
    data = encode(record)  # type: ignore[arg-type]
    assert isinstance(data, bytes)
    assert json.loads(data)["schema_version"] == 1
    assert decode(type(record), data) == record  # type: ignore[arg-type]


def test_all_contracts_are_frozen_and_built_strictly() -> None:
    for model in ALL_RECORDS:
        assert model.model_config["frozen"] is True
        assert model.model_config["extra"] == "forbid"  # decode() alone ignores unknown fields
    with pytest.raises(ValidationError, match="extra_forbidden"):
        Article.model_validate({**article(1).model_dump(), "surprise": 1})
    with pytest.raises(ValidationError):
        article(1).title = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (None, "empty"),
        (b"{not json", "invalid_json"),
        (b"\xff\xfe\x00", "invalid_json"),
        (b"[1, 2]", "not_an_object"),
        (b'{"url": "x"}', "unknown_schema_version"),
        (b'{"schema_version": 2, "url": "x"}', "unknown_schema_version"),
        (b'{"schema_version": 1, "url": "x"}', "invalid"),
    ],
)
def test_decode_errors_are_typed_with_a_reason(data: bytes | None, reason: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode(DiscoveredUrl, data)
    assert info.value.reason == reason
    assert info.value.model is DiscoveredUrl
    assert isinstance(info.value, ValueError)


def test_oversized_record_is_refused_before_parsing() -> None:
    data = encode(page(html="x" * 5000))
    with pytest.raises(DecodeError) as info:
        decode(FetchedPage, data, max_bytes=1000)
    assert info.value.reason == "too_large"
    assert decode(FetchedPage, data, max_bytes=len(data)).html == "x" * 5000


def test_datetimes_must_be_timezone_aware() -> None:
    data = json.loads(encode(discovered()))
    data["discovered_at"] = "2024-04-10T09:30:00"  # naive
    with pytest.raises(DecodeError):
        decode(DiscoveredUrl, json.dumps(data).encode())


def test_dead_letter_envelope_keeps_original_bytes_lineage_and_kind() -> None:
    import base64

    from services.common.errors import BrokerUnavailable

    letter = dead_letter(
        stage="fetcher",
        error=BrokerUnavailable("down"),
        original=b"\x01\x02",
        source=SourceRef("topic", 3, 42, b"key"),
        max_record_bytes=16 * 2**20,
    )
    assert isinstance(letter, DeadLetter)
    assert base64.b64decode(letter.original_b64) == b"\x01\x02"
    assert base64.b64decode(letter.source_key_b64 or "") == b"key"
    assert (letter.source_topic, letter.source_partition, letter.source_offset) == ("topic", 3, 42)
    assert letter.error_class == "BrokerUnavailable"
    assert letter.error_kind == "transient"
    assert letter.reason == "broker_unavailable"
    assert letter.attempts == 1
    assert letter.first_failed_at <= letter.last_failed_at


def test_records_over_the_broker_limit_become_permanent_errors_not_crashes() -> None:
    from services.common.deadletter import reason_of
    from services.common.errors import RecordTooLarge, check_record_size, error_kind

    value = encode(page(html="x" * 10_000))
    assert check_record_size(value, len(value), "page") is value
    with pytest.raises(RecordTooLarge) as info:
        check_record_size(value, len(value) - 1, "http://127.0.0.1/a")
    assert error_kind(info.value) == "permanent"
    assert reason_of(info.value) == "record_too_large"
