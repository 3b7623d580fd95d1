"""Event assembly on the sample articles: span invariant, merging, the seed gold at the issue's targets."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from services.cli.evaluate import evaluate
from services.demo.pages import load_articles, render_article
from services.extractor.events.assemble import extract_events
from services.extractor.extract import extract
from tests.conftest import SEED_GOLD, SHARED


def test_every_span_of_every_record_points_at_its_text() -> None:
    total = 0
    for sample in load_articles():
        extraction = extract(render_article(sample, "http://127.0.0.1:8000"), None)
        assert extraction is not None
        text = extraction.text
        for mention in extract_events(
            text, article_id=sample.id, url="u", published_at=date.fromisoformat(sample.published_at)
        ):
            for span in mention.spans():
                assert text[span.start : span.end] == span.text
                total += 1
    assert total > 50


def test_one_operation_in_a_lede_and_its_detail_sentence_is_one_mention() -> None:
    text = (
        "International media is reporting that Moroccan and Spanish authorities dismantled a group of "
        "14 people suspected of recruiting for the Islamic State. Spain's Interior Ministry said the "
        "arrests took place in San Martin de la Vega, just south of Madrid, and in Nador."
    )
    (mention,) = extract_events(text, article_id="a", url="u", published_at=date(2015, 8, 27))
    assert mention.subtype == "cell_dismantled" and mention.joint_operation
    assert {s.name for s in mention.sites} == {"San Martín de la Vega", "Nador"}
    assert [(q.kind, q.value) for q in mention.quantities] == [("arrested", 14)]
    assert {a.country for a in mention.actors} == {"MAR", "ESP"}


def test_seed_gold_meets_the_targets(gold: dict[str, Any]) -> None:
    # The targets on the development set: F1 >= 0.9, no statistic or aggregate emitted as
    # an event, field accuracy >= 0.9 on sites, counts and time.
    summary = evaluate(SEED_GOLD, None).summary()
    assert summary["f1"] >= 0.9
    assert summary["non_event_as_event_rate"] == 0.0
    # and each of them emitted with its own kind (the aggregates, the background, the statistic)
    assert summary["non_event_kind_accuracy"] == 1.0
    for field in ("sites", "site_counts", "quantities", "time", "subtype"):
        assert summary[f"accuracy_{field}"] >= 0.9, field
    # linking, reported by the same command: the one cross-article pair, and nothing else merged
    assert (summary["linking_gold_pairs"], summary["linking_pairwise_f1"]) == (1, 1.0)


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared is not beside this clone")
def test_the_vendored_seed_gold_is_the_shared_one() -> None:
    assert SEED_GOLD.read_bytes() == (SHARED / "gold" / "seed-events.json").read_bytes()
