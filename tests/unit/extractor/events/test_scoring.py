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


def test_a_lenient_gold_time_takes_any_predicted_date_inside_its_bounds() -> None:
    text = "Police arrested three men in Valencia on Monday."
    predicted = [
        m
        for m in extract_events(text, article_id="a", url="u", published_at=date(2024, 4, 10))
        if m.record_kind == "event"
    ]
    assert predicted[0].time is not None and str(predicted[0].time.start) == "2024-04-08"

    def time_right(bounds: dict[str, object]) -> bool:
        scores = Scores()
        article = {"id": "a", "events": [_gold("e1", "arrested three men", time=bounds)]}
        score_article(article, predicted, scores)
        return scores.summary()["accuracy_time"] == 1.0

    assert time_right({"start": "2024-04-07", "end": "2024-04-09", "precision": "day", "lenient": True})
    assert not time_right({"start": "2024-04-09", "end": "2024-04-10", "precision": "day", "lenient": True})
    assert not time_right({"start": "2024-04-07", "end": "2024-04-09", "precision": "day"})
