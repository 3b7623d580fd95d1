"""The record gate: a learned second opinion that may only turn events into background."""

from __future__ import annotations

import json
from datetime import date

import pytest

from schemas.events import EventMention
from services.extractor.events.assemble import EventExtractor
from services.extractor.events.gate import MODEL_PATH, RecordGate, default_gate, gate_text

PUBLISHED = date(2025, 3, 14)
NEWS = (
    "Police arrested three men in Bilbao on Tuesday, the interior ministry said. "
    "A decade ago the same unit had profiled the network in a report."
)


def _rules_alone(text: str) -> list[EventMention]:
    extractor = EventExtractor(gate=RecordGate.disabled())
    return extractor.extract(text, article_id="a", url="u", published_at=PUBLISHED)


def test_the_shipped_reading_gives_the_probabilities_scikit_learn_gave() -> None:
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    gate = RecordGate.load()
    assert len(model["checks"]) >= 10
    for text, expected in model["checks"]:
        assert gate.probability(text) == pytest.approx(expected, abs=1e-6)


def test_the_shipped_threshold_is_the_one_cross_validation_chose() -> None:
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    chosen = model["cross_validation"][str(model["threshold"])]
    assert 0.0 < model["threshold"] <= model["lowest_true_event"] - model["margin"]
    assert chosen["true_events_demoted"] == 0


def test_an_event_the_model_doubts_becomes_background_and_nothing_else_changes() -> None:
    (arrest,) = [m for m in _rules_alone(NEWS) if m.record_kind == "event"]
    doubting = RecordGate(weights={"bilbao": (1.0, -8.0)}, intercept=0.0, threshold=0.5)
    (reviewed,) = doubting.review([arrest])
    assert reviewed.record_kind == "background"
    assert reviewed.model_copy(update={"record_kind": "event"}) == arrest


def test_the_gate_never_makes_an_event_of_a_non_event() -> None:
    (arrest,) = [m for m in _rules_alone(NEWS) if m.record_kind == "event"]
    aggregate = arrest.model_copy(update={"record_kind": "aggregate"})
    trusting = RecordGate(weights={"bilbao": (1.0, 8.0)}, intercept=0.0, threshold=0.5)
    assert trusting.review([aggregate]) == [aggregate]


def test_a_disabled_gate_keeps_every_record() -> None:
    records = _rules_alone(NEWS)
    assert RecordGate.disabled().review(records) == records


def test_plain_news_of_the_day_stays_an_event_with_the_shipped_model() -> None:
    extractor = EventExtractor()
    found = extractor.extract(NEWS, article_id="a", url="u", published_at=PUBLISHED)
    assert [m.subtype for m in found if m.record_kind == "event"] == ["arrest"]


def test_what_the_gate_reads_is_the_evidence_and_the_record_s_contents_not_its_date() -> None:
    (arrest,) = [m for m in _rules_alone(NEWS) if m.record_kind == "event"]
    text = gate_text(arrest)
    assert text.startswith("Police arrested three men in Bilbao on Tuesday")
    assert text.split()[-3:] == ["sub_arrest", "nq_1", "ns_1"]
    undated = arrest.model_copy(update={"time": arrest.time.model_copy(update={"start": None})})
    assert gate_text(undated) == text


def test_the_model_is_read_once_per_process() -> None:
    assert default_gate() is default_gate()
