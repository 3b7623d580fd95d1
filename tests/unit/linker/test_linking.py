"""Event linking: the development corpus at its targets, the seed pair, determinism, refinement."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from schemas.events import EventMention, EventTime, Quantity, Site, Span
from services.demo.pages import load_articles, render_article
from services.extractor.events.assemble import extract_events
from services.extractor.extract import extract
from services.linker.evaluate import b_cubed, pairwise
from services.linker.linker import Linker
from services.linker.similarity import same_site, time_verdict
from tests.conftest import norm

CORPUS = Path(__file__).parents[2] / "data" / "linking_corpus.json"


def _link_corpus(articles: list[dict[str, Any]], linker: Linker) -> tuple[dict[str, str], dict[str, str]]:
    """Gold cluster and predicted event id of every gold event, linking articles in the order given."""
    gold: dict[str, str] = {}
    predicted: dict[str, str] = {}
    for article in articles:
        mentions = extract_events(
            article["text"],
            article_id=article["id"],
            url="u",
            published_at=date.fromisoformat(article["published_at"]),
        )
        event_ids = {}
        for mention in mentions:
            assignment = linker.link(mention, article["outlet"])
            if assignment is not None:
                event_ids[mention.mention_id] = assignment.cluster.event_id
        for i, event in enumerate(article["events"]):
            key = f"{article['id']}#{i}"
            hit = next(
                (m for m in mentions if norm(event["anchor"]) in norm(" ".join(e.text for e in m.evidence))),
                None,
            )
            gold[key] = event["cluster"]
            predicted[key] = event_ids.get(hit.mention_id, f"missing-{key}") if hit else f"missing-{key}"
    return gold, predicted


def test_the_development_corpus_is_linked_at_the_targets() -> None:
    corpus = json.loads(CORPUS.read_text(encoding="utf-8"))
    gold, predicted = _link_corpus(corpus["articles"], Linker())
    assert not [k for k, v in predicted.items() if v.startswith("missing")], "every gold event has a mention"
    scores = pairwise(gold, predicted)
    assert scores["f1"] >= 0.9, scores
    assert b_cubed(gold, predicted)["f1"] >= 0.9
    by_cluster: dict[str, set[str]] = {}
    for key, cluster in gold.items():
        by_cluster.setdefault(cluster, set()).add(predicted[key])
    for a, b in corpus["lookalikes"]:
        assert not by_cluster[a] & by_cluster[b], f"look-alike operations {a} and {b} were merged"


def test_linking_is_deterministic_and_idempotent() -> None:
    articles = json.loads(CORPUS.read_text(encoding="utf-8"))["articles"]
    first = _link_corpus(articles, Linker())[1]
    assert _link_corpus(articles, Linker())[1] == first  # same mentions, same order: same ids
    linker = Linker()
    _link_corpus(articles, linker)
    assert _link_corpus(articles, linker)[1] == first  # redelivered mentions keep their events


def test_the_seed_articles_link_the_one_cross_article_pair_only(gold: dict[str, Any]) -> None:
    samples = {a.id: a for a in load_articles()}
    linker = Linker()
    gold_cluster: dict[str, str] = {}
    predicted: dict[str, str] = {}
    for entry in sorted(gold["articles"], key=lambda a: a["published_at"]):
        extraction = extract(render_article(samples[entry["id"]], "http://127.0.0.1:8000"), None)
        assert extraction is not None
        mentions = extract_events(
            extraction.text, article_id=entry["id"], url="u", published_at=extraction.metadata.published
        )
        ids = {m.mention_id: a.cluster.event_id for m in mentions if (a := linker.link(m, entry["id"]))}
        for event in entry["events"]:
            if event["record_kind"] != "event" or event.get("optional"):
                continue
            hit = next(
                m for m in mentions if norm(event["anchor"]) in norm(" ".join(e.text for e in m.evidence))
            )
            gold_cluster[event["id"]] = event["cluster"]
            predicted[event["id"]] = ids[hit.mention_id]
    assert predicted["seed-000-e1"] == predicted["seed-004-e1"]
    assert pairwise(gold_cluster, predicted)["f1"] == 1.0  # and every other operation stays apart


def _mention(
    mention_id: str, time: EventTime, sites: list[Site], arrested: int | None = None
) -> EventMention:
    span = Span(start=0, end=4, text="text")
    quantities = [Quantity(kind="arrested", value=arrested)] if arrested is not None else []
    return EventMention(
        mention_id=mention_id,
        article_id=f"a-{mention_id}",
        url="u",
        published_at=date(2023, 2, 1),
        record_kind="event",
        event_type="COERCE",
        subtype="arrest",
        sites=sites,
        quantities=quantities,
        time=time,
        evidence=[span],
        confidence=0.5,
        extractor_version="test",
    )


ALMERIA = Site(
    text="Almería", name="Almería", country="ESP", lat=36.84, lon=-2.46, precision="city", resolution="exact"
)
ALMAERIA = Site(
    text="Almaeria", name="Almería", country="ESP", lat=36.84, lon=-2.46, precision="city", resolution="fuzzy"
)
JANUARY = EventTime(start=date(2023, 1, 1), end=date(2023, 1, 31), precision="month", anchor="explicit")
JAN_25 = EventTime(start=date(2023, 1, 25), end=date(2023, 1, 25), precision="day", anchor="publication_date")


def test_a_late_precise_report_refines_the_event_without_a_new_id() -> None:
    linker = Linker()
    first = linker.link(_mention("m1", JANUARY, [ALMAERIA]), "a.example")
    second = linker.link(_mention("m2", JAN_25, [ALMERIA]), "b.example")
    assert first is not None and second is not None and not second.created
    cluster = second.cluster
    assert cluster.event_id == first.cluster.event_id and cluster.version == 2
    assert (cluster.time.precision, cluster.time_mention_id) == ("day", "m2")  # the day beats the month
    assert [(s.site.resolution, s.mention_id) for s in cluster.sites] == [("exact", "m2")]
    assert (cluster.n_sources, cluster.n_outlets) == (2, 2)
    assert cluster.merge_evidence[-1].rule == "time+place"


def test_disagreeing_counts_are_kept_as_a_conflict() -> None:
    linker = Linker()
    linker.link(_mention("m1", JAN_25, [ALMERIA], arrested=10), "a.example")
    result = linker.link(_mention("m2", JAN_25, [ALMERIA], arrested=14), "b.example")
    assert result is not None
    (conflict,) = result.cluster.conflicts
    assert (conflict.field, conflict.values, conflict.mention_ids) == (
        "quantities.arrested",
        ["10", "14"],
        ["m1", "m2"],
    )


def test_time_and_place_comparisons() -> None:
    feb_13 = EventTime(start=date(2024, 2, 13), end=date(2024, 2, 13), precision="day")
    feb_14 = EventTime(start=date(2024, 2, 14), end=date(2024, 2, 14), precision="day")
    feb_17 = EventTime(start=date(2024, 2, 17), end=date(2024, 2, 17), precision="day")
    february = EventTime(start=date(2024, 2, 1), end=date(2024, 2, 29), precision="month")
    assert time_verdict(feb_13, feb_14) == "compatible"  # reports a day apart
    assert time_verdict(feb_13, feb_17) == "conflict"
    assert time_verdict(february, feb_17) == "compatible"
    assert time_verdict(EventTime(), feb_13) == "unknown"
    assert same_site(ALMERIA, ALMAERIA)
    fez = Site(text="Fez", name="Fes", country="MAR", lat=34.03, lon=-5.0, precision="city")
    oujda = Site(text="Oujda", name="Oujda", country="MAR", lat=34.68, lon=-1.91, precision="city")
    assert not same_site(fez, oujda)


def test_the_same_area_on_another_day_with_a_far_other_count_is_a_look_alike_not_one_event() -> None:
    jan_23 = EventTime(start=date(2023, 1, 23), end=date(2023, 1, 23), precision="day")
    linker = Linker()
    first = linker.link(_mention("m1", jan_23, [ALMERIA], arrested=1), "a.example")
    other = linker.link(_mention("m2", JAN_25, [ALMERIA], arrested=5), "b.example")
    assert first is not None and other is not None and other.created  # two operations
    close = linker.link(_mention("m3", JAN_25, [ALMERIA], arrested=4), "c.example")
    assert close is not None and close.cluster.event_id == other.cluster.event_id  # 4 and 5: one report each


def test_counts_far_apart_needs_more_than_one_and_a_factor_of_two() -> None:
    from services.linker.similarity import counts_far_apart

    assert counts_far_apart({"arrested": 1}, {"arrested": 5})
    assert not counts_far_apart({"arrested": 4}, {"arrested": 5})
    assert not counts_far_apart({"arrested": 10}, {"arrested": 14})
    assert not counts_far_apart({"arrested": 1}, {"killed": 9})


def test_dates_at_the_ends_of_the_calendar_compare_without_overflow() -> None:
    # found by the stage-boundary property test: the two-day slack overflowed date.min / date.max
    first_day = EventTime(start=date(1, 1, 1), end=date(1, 1, 1), precision="day")
    last_day = EventTime(start=date(9999, 12, 31), end=date(9999, 12, 31), precision="day")
    assert time_verdict(first_day, last_day) == "conflict"
    linker = Linker()
    assert linker.link(_mention("m1", last_day, [ALMERIA]), "a.example") is not None
    assert linker.link(_mention("m2", last_day, [ALMERIA]), "b.example") is not None


def _day(d: date) -> EventTime:
    return EventTime(start=d, end=d, precision="day", anchor="explicit")


def _reported(mention_id: str, d: date, sites: list[Site], published: date) -> EventMention:
    return _mention(mention_id, _day(d), sites).model_copy(update={"published_at": published})


FEZ = Site(text="Fez", name="Fes", country="MAR", lat=34.03, lon=-5.0, precision="city", resolution="exact")


def test_an_event_past_the_horizon_leaves_memory_and_a_late_report_starts_a_new_one() -> None:
    may_2 = date(2023, 5, 2)
    kept_all, bounded = Linker(), Linker(horizon_days=30, forget_every=1)
    for linker in (kept_all, bounded):
        linker.link(_reported("m1", may_2, [ALMERIA], may_2), "a.example")
        # six weeks of other news move the stream's clock (its reports' dates, not the wall clock)
        linker.link(_reported("m2", date(2023, 6, 14), [FEZ], date(2023, 6, 14)), "b.example")
    assert (len(kept_all), len(bounded)) == (2, 1)
    # a restart keeps the same: the May event, restored after the June one, is past the horizon
    restored = Linker(horizon_days=30)
    for cluster in kept_all.clusters():
        restored.restore(cluster)
    assert restored.forget_old() == 1
    assert [c.event_id for c in restored.clusters()] == [c.event_id for c in bounded.clusters()]
    late = _reported("m3", may_2, [ALMERIA], date(2023, 6, 15))  # the May raid, told again in June
    merged, started = kept_all.link(late, "c.example"), bounded.link(late, "c.example")
    assert merged is not None and not merged.created
    assert started is not None and started.created


def test_reports_arriving_newest_first_still_meet_their_events() -> None:
    # an archive read newest first: the clock jumps to June at once, the May reports come after
    linker = Linker(horizon_days=30, forget_every=2)  # a pass right after the first May report
    june, may = date(2023, 6, 14), date(2023, 5, 2)
    linker.link(_reported("m1", june, [FEZ], june), "a.example")
    first = linker.link(_reported("m2", may, [ALMERIA], may), "b.example")
    second = linker.link(_reported("m3", may, [ALMERIA], date(2023, 5, 3)), "c.example")
    assert first is not None and second is not None and not second.created
    assert second.cluster.event_id == first.cluster.event_id
    # once no mention has touched it for a whole pass, the May event goes
    for i in range(20):
        linker.link(_reported(f"n{i}", june, [FEZ], june), "d.example")
    assert first.cluster.event_id not in {c.event_id for c in linker.clusters()}


def test_one_report_dated_far_ahead_does_not_age_every_event_out() -> None:
    linker = Linker(horizon_days=30, forget_every=1)
    today = date.today()
    linker.link(_reported("m1", today, [ALMERIA], today), "a.example")
    linker.link(_reported("m2", today, [FEZ], date(2099, 1, 1)), "b.example")  # a wrong year
    assert len(linker) == 2


def test_the_horizon_at_the_start_of_the_calendar_does_not_overflow() -> None:
    linker = Linker(horizon_days=30, forget_every=1)
    first_day = date(1, 1, 1)
    assert linker.link(_reported("m1", first_day, [ALMERIA], first_day), "a.example") is not None
