"""The demo corpus end to end on the real broker: fetcher -> extractor -> sink -> Parquet."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pyarrow as pa
import pytest

from schemas import DeadLetter, EventMention
from services.common.kafka import ensure_topics
from services.common.topics import TopicNames
from services.demo.pages import EXTRA_CHROME, load_articles
from services.extractor.events.evaluate import Scores, score_article
from services.sink.queries import latest_versions
from tests.conftest import norm
from tests.integration.conftest import free_port, scrape_metrics, wait_until
from tests.oracle import (
    assert_contiguous,
    file_ranges,
    parquet_rows,
    produce,
    records,
    topic_size,
)

pytestmark = pytest.mark.integration


def _events_match_the_gold(
    settings: Any, topics: TopicNames, articles: list[dict[str, Any]], gold: dict[str, Any], services: Any
) -> None:
    """The events table: one row per mention on the topic, partitioned by event date, every span a
    slice of its article's text, and the rows scored against the gold at the issue's targets."""
    events_dir = settings.sink.out_dir / "events"
    on_topic = topic_size(settings.kafka.bootstrap, topics.events)
    assert on_topic > 0  # events are produced before their article, so they are all on the topic
    wait_until(
        lambda: len(parquet_rows(events_dir)) >= on_topic,
        timeout_s=60,
        what=f"{on_topic} event rows",
        on_fail=services.logs,
    )
    rows = parquet_rows(events_dir)
    assert len(rows) == on_topic and len({r["mention_id"] for r in rows}) == on_topic
    lineage = {"src_topic", "src_partition", "src_offset", "ingested_at", "date"}
    mentions = [EventMention.model_validate({k: v for k, v in r.items() if k not in lineage}) for r in rows]
    for row, mention in zip(rows, mentions, strict=True):
        assert row["date"] == (mention.time.start.isoformat() if mention.time.start else "unknown")
    text_of = {a["article_id"]: a["text"] for a in articles}
    for mention in mentions:
        text = text_of[mention.article_id]
        assert all(text[s.start : s.end] == s.text for s in mention.spans())
    by_date = {str(a["published_at"]): a["article_id"] for a in articles}
    scores = Scores()
    for entry in gold["articles"]:
        article_id = by_date[entry["published_at"]]
        score_article(entry, [m for m in mentions if m.article_id == article_id], scores)
    summary = scores.summary()
    assert summary["f1"] >= 0.9 and summary["non_event_as_event_rate"] == 0.0, scores.problems
    for field in ("sites", "site_counts", "quantities", "time"):
        assert summary[f"accuracy_{field}"] >= 0.9, (field, scores.problems)

    # Linking: every event mention in exactly one event, the gold's one cross-article pair together.
    linked = [m for m in mentions if m.record_kind == "event"]
    clusters_dir = settings.sink.out_dir / "event_clusters"
    wait_until(
        lambda: len(parquet_rows(clusters_dir)) >= len(linked),
        timeout_s=60,
        what=f"{len(linked)} event-cluster versions",
        on_fail=services.logs,
    )
    latest = latest_versions(pa.Table.from_pylist(parquet_rows(clusters_dir))).to_pylist()
    event_of = {m: c["event_id"] for c in latest for m in c["mention_ids"]}
    assert sorted(event_of) == sorted(m.mention_id for m in linked)
    assert sum(len(c["mention_ids"]) for c in latest) == len(linked)  # no mention in two events
    shared = [c for c in latest if c["n_sources"] > 1]
    assert len(shared) == 1 and {s["site"]["name"] for s in shared[0]["sites"]} >= {"Almería"}


def _every_service_exposes_its_metrics(ports: dict[str, int], topics: TopicNames, site: Any) -> None:
    fetcher, extractor = scrape_metrics(ports["fetcher"]), scrape_metrics(ports["extractor"])
    linker, sink = scrape_metrics(ports["linker"]), scrape_metrics(ports["sink"])
    assert fetcher['newswire_fetches_total{outcome="fetched"}'] == 5
    assert fetcher['newswire_dead_letters_total{reason="invalid_json",stage="fetcher"}'] == 1
    assert fetcher[f'newswire_records_produced_total{{service="fetcher",topic="{topics.pages}"}}'] == 5
    # Feed freshness: every feed polled moments ago; the items were new in (at least) the first one.
    assert all(
        fetcher[f'newswire_feed_last_poll_timestamp_seconds{{feed="{feed}"}}'] > time.time() - 600
        for feed in site.feed_urls
    )
    fresh = [
        fetcher.get(f'newswire_feed_last_new_item_timestamp_seconds{{feed="{feed}"}}')
        for feed in site.feed_urls
    ]
    assert any(seen is not None and seen > time.time() - 600 for seen in fresh)
    assert extractor[f'newswire_records_consumed_total{{service="extractor",topic="{topics.pages}"}}'] == 6
    assert extractor[f'newswire_records_produced_total{{service="extractor",topic="{topics.articles}"}}'] == 5
    assert extractor['newswire_dead_letters_total{reason="unknown_schema_version",stage="extractor"}'] == 1
    assert extractor['newswire_processing_seconds_count{service="extractor"}'] == 6
    on_topic = extractor[f'newswire_records_produced_total{{service="extractor",topic="{topics.events}"}}']
    assert linker[f'newswire_records_consumed_total{{service="linker",topic="{topics.events}"}}'] == on_topic
    assert linker[f'newswire_records_produced_total{{service="linker",topic="{topics.event_clusters}"}}'] >= 1
    assert sink['newswire_records_produced_total{service="sink",topic="parquet:articles"}'] == 5


def test_demo_corpus_end_to_end_then_rerun_adds_nothing(
    make_settings: Any, sample_site: Any, services: Any, gold: dict[str, Any]
) -> None:
    ports = {name: free_port() for name in ("fetcher", "extractor", "linker", "sink")}
    settings = make_settings(
        fetcher={
            "feeds": sample_site.feed_urls,
            "poll_interval_s": 2.0,
            "min_poll_interval_s": 1.0,
            "max_poll_interval_s": 2.0,
            "metrics_port": ports["fetcher"],
        },
        extractor={"metrics_port": ports["extractor"]},
        linker={"metrics_port": ports["linker"]},
        sink={"metrics_port": ports["sink"]},
    )
    topics = TopicNames.from_settings(settings.kafka)
    bootstrap = settings.kafka.bootstrap
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    # Poison on both input topics: each must become a dead letter, not a stall.
    produce(bootstrap, topics.urls, [(b"x", b"{not json")])
    produce(bootstrap, topics.pages, [(b"y", b'{"schema_version": 99}')])

    articles_dir = settings.sink.out_dir / "articles"
    services.start(settings, "fetcher", "extractor", "linker", "sink")
    wait_until(
        lambda: len(parquet_rows(articles_dir)) >= 5,
        timeout_s=90,
        what="5 article rows",
        on_fail=services.logs,
    )

    rows = parquet_rows(articles_dir)
    assert len(rows) == 5
    assert len({r["article_id"] for r in rows}) == 5
    by_date = {str(r["published_at"]): r for r in rows}
    for entry in gold["articles"]:
        row = by_date[entry["published_at"]]  # publication dates come from the pages' metadata
        assert row["date"] == entry["published_at"]  # hive partition
        text = norm(row["text"])
        for sentence in entry["must_keep"]:
            assert norm(sentence) in text, f"{entry['id']}: lost must-keep sentence {sentence!r}"
        for phrase in [*entry["chrome"], *EXTRA_CHROME]:
            assert norm(phrase) not in text, f"{entry['id']}: chrome {phrase!r} leaked into the text"

    _events_match_the_gold(settings, topics, rows, gold, services)

    wait_until(lambda: topic_size(bootstrap, topics.deadletter) >= 2, timeout_s=30, what="2 dead letters")
    letters = records(bootstrap, topics.deadletter, DeadLetter)
    assert sorted((dl.stage, dl.error_class) for dl in letters) == [
        ("extractor", "DecodeError"),
        ("fetcher", "DecodeError"),
    ]
    assert {dl.source_topic for dl in letters} == {topics.urls, topics.pages}
    assert all(dl.original_b64 for dl in letters)
    _every_service_exposes_its_metrics(ports, topics, sample_site)

    # Second run over the same feeds, same broker: the seen-table survives the restart.
    pages_before = topic_size(bootstrap, topics.pages)
    polls_before = topic_size(bootstrap, topics.feed_status)
    services.stop_all()
    page_paths = {a.path for a in load_articles()}
    fetched_once = [p for _, p in sample_site.requests if p in page_paths]
    assert sorted(fetched_once) == sorted(page_paths), "each article page fetched exactly once"

    services.start(settings, "fetcher", "extractor", "linker", "sink")
    wait_until(
        lambda: topic_size(bootstrap, topics.feed_status) >= polls_before + 4,
        timeout_s=60,
        what="two more rounds of feed polls",
        on_fail=services.logs,
    )
    # The feeds were re-read from scratch (the poller's memory is per process) and
    # their URLs re-emitted; the durable seen-table must drop them all.
    wait_until(
        lambda: sum(1 for _, p in sample_site.requests if p in page_paths) == 5,
        timeout_s=1,
        what="no refetch",
    )
    assert topic_size(bootstrap, topics.pages) == pages_before
    services.stop_all()
    assert len(parquet_rows(articles_dir)) == 5
    assert len(parquet_rows(settings.sink.out_dir / "events")) == topic_size(bootstrap, topics.events)

    for (_, _partition), ranges in file_ranges(articles_dir).items():
        assert_contiguous(ranges)
