"""Operating newswire on the real broker: offsets, and a consumer plugged into a topic."""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer

from schemas import Article, EventMention, decode, encode
from services.cli.main import main as newswire
from services.cli.ops import deadletters, offsets
from services.common.kafka import ensure_topics
from services.common.pages import page_from_body
from services.common.settings import settings_to_env
from services.common.topics import TopicNames, app_id
from services.demo.pages import load_articles, site_routes
from tests.factories import article, event_mention
from tests.integration.conftest import free_port, scrape_metrics, wait_until
from tests.oracle import assert_contiguous, consume_all, file_ranges, parquet_rows, produce, topic_size

pytestmark = pytest.mark.integration

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "consumer.py"
T0_MS = 1_700_000_000_000  # record timestamps: T0 + i seconds


async def _produce_timed(bootstrap: str, topic: str, n: int) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        for i in range(n):
            value = encode(event_mention(i))
            await producer.send_and_wait(topic, value, key=b"k", partition=0, timestamp_ms=T0_MS + i * 1000)
    finally:
        await producer.stop()


def _example(bootstrap: str, topic: str, group: str, *extra: str) -> list[str]:
    """Run examples/consumer.py; the mention ids of the events it printed, in order."""
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), "--bootstrap", bootstrap, "--topic", topic, "--group", group, *extra],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = [line for line in done.stdout.splitlines() if "cell_dismantled" in line]
    assert all("invalid" not in line for line in done.stdout.splitlines()), done.stdout
    return lines


async def _letters(kafka: Any) -> list[deadletters.StoredLetter]:
    return [stored async for stored in deadletters.iter_letters(kafka)]


def _committed(settings: Any, group: str, topic: str) -> int | None:
    rows = asyncio.run(offsets.show(settings.kafka, [group], [topic]))
    return rows[0].committed


def test_offsets_reset_moves_a_consumer_and_refuses_while_it_is_alive(
    make_settings: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(kafka={"partitions": 1})
    bootstrap = settings.kafka.bootstrap
    topic = TopicNames.from_settings(settings.kafka).events
    asyncio.run(ensure_topics(settings.kafka, [topic]))
    asyncio.run(_produce_timed(bootstrap, topic, 10))
    group = f"{settings.kafka.topic_prefix}example"
    monkeypatch.setenv("COLUMNS", "200")  # rich: room for the full topic names
    for name, value in settings_to_env(settings).items():  # newswire() reads the environment, as a shell
        monkeypatch.setenv(name, value)

    assert len(_example(bootstrap, topic, group, "--limit", "100")) == 10  # validated against the schema
    assert _committed(settings, group, topic) == 10
    capsys.readouterr()

    assert newswire(["offsets", "show", "--group", group]) == 0
    shown = capsys.readouterr().out
    assert topic in shown and "10" in shown

    middle = datetime.fromtimestamp((T0_MS + 4500) / 1000, UTC).isoformat()
    assert newswire(["offsets", "reset", "--group", group, "--to", middle, "--dry-run"]) == 0
    assert _committed(settings, group, topic) == 10  # a dry run changes nothing
    assert newswire(["offsets", "reset", "--group", group, "--to", middle]) == 0
    assert _committed(settings, group, topic) == 5  # the first record at or after T0 + 4.5 s
    assert len(_example(bootstrap, topic, group, "--limit", "100")) == 5  # re-consumed from there

    assert newswire(["offsets", "reset", "--group", group, "--to", "earliest", "--topic", topic]) == 0
    assert len(_example(bootstrap, topic, group, "--limit", "100")) == 10

    # A live member: the reset refuses and leaves the offsets alone.
    live = subprocess.Popen(
        [sys.executable, str(EXAMPLE), "--bootstrap", bootstrap, "--topic", topic, "--group", group],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not asyncio.run(offsets.group_members(settings.kafka, group)) and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(2)  # joined and assigned
        capsys.readouterr()
        assert newswire(["offsets", "reset", "--group", group, "--to", "earliest", "--topic", topic]) == 3
        assert "live members" in capsys.readouterr().out
        assert _committed(settings, group, topic) == 10
    finally:
        live.terminate()
        live.wait(timeout=30)
    # Stopped: the reset goes through (on this broker by joining the group, which still lists the member).
    assert newswire(["offsets", "reset", "--group", group, "--to", "0=3", "--topic", topic]) == 0
    assert _committed(settings, group, topic) == 3


def test_dead_letters_are_listed_shown_and_retried_a_bounded_number_of_times(
    make_settings: Any,
    services: Any,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Also: the sink's Prometheus metrics and JSON logs, and `newswire status`, on the same run."""
    port = free_port()
    settings = make_settings(
        kafka={"partitions": 1}, sink={"idle_flush_s": 0.3, "metrics_port": port}, log_format="json"
    )
    monkeypatch.setenv("COLUMNS", "200")  # rich: room for the full topic names
    for name, value in settings_to_env(settings).items():
        monkeypatch.setenv(name, value)
    topics = TopicNames.from_settings(settings.kafka)
    bootstrap = settings.kafka.bootstrap
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    bad = [(b"k1", b"\xff not json"), (b"k2", b'{"schema_version": 1}'), (b"k3", b"[1, 2]")]
    produce(bootstrap, topics.articles, [*bad, (b"a", encode(article(1)))])
    services.start(settings, "sink")
    letters = lambda: asyncio.run(_letters(settings.kafka))  # noqa: E731
    wait_until(lambda: len(letters()) == 3, timeout_s=60, what="3 dead letters", on_fail=services.logs)

    capsys.readouterr()
    assert newswire(["deadletter", "list", "--stage", "sink"]) == 0
    listed = capsys.readouterr().out
    assert "invalid_json" in listed and "not_an_object" in listed and "invalid" in listed
    assert "3 of 3 dead letters match" in listed
    ref = next(s.ref for s in letters() if s.letter.reason == "not_an_object")
    assert newswire(["deadletter", "show", ref]) == 0
    assert "[1, 2]" in capsys.readouterr().out  # the original payload

    assert newswire(["deadletter", "retry", "--stage", "sink", "--dry-run"]) == 0
    assert topic_size(bootstrap, topics.articles) == 4  # a dry run sends nothing
    assert newswire(["deadletter", "retry", "--stage", "sink", "--reason", "invalid_json"]) == 0
    assert topic_size(bootstrap, topics.articles) == 5  # one original re-injected
    retried = consume_all(bootstrap, topics.articles)[-1]
    assert retried == (b"k1", b"\xff not json")  # the original bytes and key, unchanged
    # Still broken: the sink dead-letters it again, and it now has two attempts.
    wait_until(lambda: len(letters()) == 4, timeout_s=60, what="the 4th dead letter", on_fail=services.logs)
    identity = ("sink", hashlib.sha256(b"\xff not json").hexdigest())
    assert asyncio.run(deadletters.attempts_of(settings.kafka, identity)) == 2

    capsys.readouterr()
    assert newswire(["deadletter", "retry", "--reason", "invalid_json", "--max-attempts", "2"]) == 0
    assert "failed 2 times (max 2)" in capsys.readouterr().out
    assert topic_size(bootstrap, topics.articles) == 5  # not retried forever

    assert newswire(["topics"]) == 0
    listing = capsys.readouterr().out
    row = next(line for line in listing.splitlines() if topics.articles in line)
    assert "5" in row and "article_id" in row and "Article" in row
    assert "DeadLetter" in listing and "EventMention" in listing

    rows_metric = 'newswire_records_produced_total{service="sink",topic="parquet:articles"}'
    wait_until(lambda: scrape_metrics(port).get(rows_metric) == 1, timeout_s=30, what="the row count metric")
    metrics = scrape_metrics(port)
    assert metrics[f'newswire_records_consumed_total{{service="sink",topic="{topics.articles}"}}'] == 5
    assert metrics['newswire_dead_letters_total{reason="invalid_json",stage="sink"}'] == 2
    assert metrics['newswire_dead_letters_total{reason="not_an_object",stage="sink"}'] == 1
    assert metrics['newswire_processing_seconds_count{service="sink"}'] >= 1
    group = app_id(settings.kafka, "sink")
    lag_metric = f'newswire_consumer_lag{{group="{group}",partition="0",topic="{topics.articles}"}}'
    wait_until(
        lambda: scrape_metrics(port).get(lag_metric) == 0, timeout_s=40, what="the lag gauge (every 15 s)"
    )

    assert newswire(["status", "--once"]) == 0
    status = capsys.readouterr().out
    row = next(
        line for line in status.splitlines() if app_id(settings.kafka, "sink") in line and "articles" in line
    )
    assert [cell.strip() for cell in row.split("│")[3:6]] == ["5", "5", "0"]  # committed, end, lag
    services.stop_all()

    logged = [json.loads(line) for line in (tmp_path / "logs" / "sink.log").read_text().splitlines() if line]
    wrote = [entry for entry in logged if entry["message"].startswith(f"{topics.articles}[0]: wrote offsets")]
    assert wrote and {"topic", "partition", "first_offset", "last_offset"} <= set(wrote[0])


def _write_warc(path: Path, responses: list[tuple[str, int, str, bytes]], date: str) -> None:
    """A gzipped WARC with one response record per (url, status, content type, body)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, status, content_type, body in responses:
            http_headers = StatusAndHeaders(
                f"{status} {'OK' if status == 200 else 'Not Found'}",
                [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=http_headers,
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)


def test_a_warc_file_flows_to_parquet_like_a_live_fetch(
    make_settings: Any,
    services: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = make_settings(sink={"idle_flush_s": 0.3})
    for name, value in settings_to_env(settings).items():
        monkeypatch.setenv(name, value)
    base = "https://news.example.org"
    routes = site_routes(base)
    articles = [a for a in load_articles()][:2]
    warc = tmp_path / "crawl.warc.gz"
    _write_warc(
        warc,
        [
            *((base + a.path, 200, "text/html; charset=utf-8", routes[a.path][1].encode()) for a in articles),
            (base + "/logo.png", 200, "image/png", b"\x89PNG not a page"),
            (base + "/gone", 404, "text/html", b"<html>not found</html>"),
        ],
        date="2023-01-26T08:30:00Z",
    )
    asyncio.run(ensure_topics(settings.kafka, TopicNames.from_settings(settings.kafka).all()))
    capsys.readouterr()
    assert newswire(["ingest", "warc", str(warc)]) == 0
    out = capsys.readouterr().out
    assert "2 pages sent" in out and "http_404 1" in out and "not_html 1" in out

    services.start(settings, "extractor", "sink")
    articles_dir = settings.sink.out_dir / "articles"
    wait_until(
        lambda: len(parquet_rows(articles_dir)) == 2, timeout_s=120, what="2 articles", on_fail=services.logs
    )
    services.stop_all()
    rows = sorted(parquet_rows(articles_dir), key=lambda r: r["url"])
    assert [r["url"] for r in rows] == sorted(base + a.path for a in articles)
    assert all(r["fetched_at"] == datetime(2023, 1, 26, 8, 30, tzinfo=UTC) for r in rows)  # the WARC's time
    assert all(r["title"] and r["word_count"] > 100 for r in rows)


async def _produce_timed_articles(bootstrap: str, topic: str, n: int) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        for i in range(n):
            await producer.send_and_wait(
                topic,
                encode(article(i)),
                key=f"{i:032x}".encode(),
                partition=i % 2,
                timestamp_ms=T0_MS + i * 1000,
            )
    finally:
        await producer.stop()


def test_a_backfill_of_a_time_range_yields_exactly_its_rows_once(
    make_settings: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(kafka={"partitions": 2}, sink={"max_records": 3})
    for name, value in settings_to_env(settings).items():
        monkeypatch.setenv(name, value)
    topics = TopicNames.from_settings(settings.kafka)
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    asyncio.run(_produce_timed_articles(settings.kafka.bootstrap, topics.articles, 30))
    since = datetime.fromtimestamp((T0_MS + 10_000) / 1000, UTC).isoformat()
    until = datetime.fromtimestamp((T0_MS + 20_000) / 1000, UTC).isoformat()
    out = tmp_path / "backfill"
    args = ["backfill", "--table", "articles", "--since", since, "--until", until, "--out", str(out)]

    assert newswire([*args, "--dry-run"]) == 0
    assert "10 records would be read" in capsys.readouterr().out
    assert not out.exists()
    assert (
        newswire(["backfill", "--table", "articles", "--since", since, "--until", until, "--out", str(out)])
        == 0
    )
    assert "10 rows" in capsys.readouterr().out
    rows = parquet_rows(out / "articles", ["article_id", "src_partition", "src_offset"])
    assert sorted(r["article_id"] for r in rows) == [
        f"{i:032x}" for i in range(10, 20)
    ]  # that range, once each
    ranges = file_ranges(out / "articles")
    assert set(ranges) == {(topics.articles, 0), (topics.articles, 1)}
    for found in ranges.values():
        assert assert_contiguous(found, start=5) == 10  # offsets 5..9 of each partition hold ids 10..19
    assert not settings.sink.out_dir.exists()  # the live sink's output is not touched


def test_reextraction_with_a_changed_option_makes_a_versioned_output_and_a_diff_shows_it(
    make_settings: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(kafka={"partitions": 1})
    monkeypatch.setenv("COLUMNS", "200")
    for name, value in settings_to_env(settings).items():
        monkeypatch.setenv(name, value)
    topics = TopicNames.from_settings(settings.kafka)
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    base = "https://news.example.org"
    routes = site_routes(base)
    pages = [
        page_from_body(
            base + a.path,
            routes[a.path][1].encode(),
            status=200,
            headers={"content-type": "text/html; charset=utf-8"},
            fetched_at=datetime(2023, 1, 26, tzinfo=UTC),
        )
        for a in load_articles()
    ]
    produce(settings.kafka.bootstrap, topics.pages, [(p.article_id.encode(), encode(p)) for p in pages])
    since = "2000-01-01T00:00:00+00:00"

    assert newswire(["reextract", "--since", since, "--version-tag", "v1", "--dry-run"]) == 0
    assert "5 records would be read" in capsys.readouterr().out
    assert topic_size(settings.kafka.bootstrap, f"{topics.articles}.v1") == 0  # nothing extracted yet
    assert newswire(["reextract", "--since", since, "--version-tag", "v1"]) == 0
    assert "5 articles to" in capsys.readouterr().out
    v1 = [decode(Article, v) for _, v in consume_all(settings.kafka.bootstrap, f"{topics.articles}.v1")]
    assert len(v1) == 5
    assert topic_size(settings.kafka.bootstrap, topics.articles) == 0  # the live topics are untouched
    words = sorted(a.word_count for a in v1)
    threshold = words[1] + 1  # the two shortest articles fall under it

    assert (
        newswire(["reextract", "--since", since, "--version-tag", "v2", "--set", f"min_words={threshold}"])
        == 0
    )
    assert "3 articles to" in capsys.readouterr().out
    assert newswire(["diff", "--base", "v1", "--new", "v2"]) == 0
    shown = capsys.readouterr().out
    assert "5 in v1, 3 in v2; 0 added, 2 removed" in shown
    short = sorted((a for a in v1 if a.word_count < threshold), key=lambda a: a.article_id)
    assert all(f"removed: {a.article_id}" in shown for a in short)
    v1_events = [
        decode(EventMention, v) for _, v in consume_all(settings.kafka.bootstrap, f"{topics.events}.v1")
    ]
    lost = sum(1 for m in v1_events if m.article_id in {a.article_id for a in short})
    assert f"{lost} removed" in shown.split("event mentions:")[1]
