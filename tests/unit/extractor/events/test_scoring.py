"""The scorer behind ``newswire eval``: how records are matched to gold mentions and counted."""

from __future__ import annotations

from datetime import date

from services.extractor.events.assemble import extract_events
from services.extractor.events.evaluate import Scores, score_article


def _gold(event_id: str, anchor: str, **extra: object) -> dict[str, object]:
    return {"id": event_id, "anchor": anchor, "record_kind": "event", "subtype": "arrest", **extra}


def test_a_record_holding_a_required_and_an_optional_mention_counts_once() -> None:
    text = (
        "Police arrested three men in Valencia on Monday. "
        "The three were later released on bail by a judge in Valencia."
    )
    predicted = [
        m
        for m in extract_events(text, article_id="a", url="u", published_at=date(2024, 4, 10))
        if m.record_kind == "event"
    ]
    article = {
        "id": "a",
        "events": [
            _gold("e1", "arrested three men in Valencia"),
            _gold("e2", "Police arrested three", optional=True),  # the same record's words
        ],
    }
    scores = Scores()
    score_article(article, predicted, scores)
    summary = scores.summary()
    assert summary["matched"] == 1
    assert summary["precision"] <= 1.0
    assert summary["predicted_events"] == len(predicted)


def test_a_record_matching_only_an_optional_mention_is_not_counted() -> None:
    text = "Police arrested three men in Valencia on Monday."
    predicted = extract_events(text, article_id="a", url="u", published_at=date(2024, 4, 10))
    article = {"id": "a", "events": [_gold("e1", "arrested three men", optional=True)]}
    scores = Scores()
    score_article(article, predicted, scores)
    assert scores.summary()["predicted_events"] == 0
    assert "spurious" not in scores.error_counts()
