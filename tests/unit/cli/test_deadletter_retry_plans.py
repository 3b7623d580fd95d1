"""Which dead letters ``newswire deadletter retry`` re-injects: never one whose original was cut."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from services.cli.ops import deadletters
from services.cli.ops.deadletters import Filters, StoredLetter, plan_retries
from services.common.deadletter import SourceRef, dead_letter
from services.common.settings import KafkaSettings

LIMIT = 1024 * 1024


def _stored(offset: int, original: bytes) -> StoredLetter:
    letter = dead_letter(
        stage="extractor",
        error=ValueError("bad page"),
        original=original,
        source=SourceRef("t.pages", 0, offset),
        max_record_bytes=LIMIT,
    )
    return StoredLetter(0, offset, letter)


def test_a_letter_with_a_cut_original_is_planned_but_not_reinjected(monkeypatch: pytest.MonkeyPatch) -> None:
    letters = [_stored(1, b"small page"), _stored(2, b"\x01" * LIMIT)]

    async def fake_iter(kafka: Any, **_: Any) -> AsyncIterator[StoredLetter]:
        for stored in letters:
            yield stored

    monkeypatch.setattr(deadletters, "iter_letters", fake_iter)
    plans = asyncio.run(plan_retries(KafkaSettings(), Filters(), max_attempts=3))
    by_offset = {p.stored.offset: p for p in plans}
    assert by_offset[1].topic == "t.pages"
    assert by_offset[2].topic is None and "cut" in by_offset[2].why_not
