"""The sink on the real broker: killed or stopped mid-stream, it loses and duplicates no row."""

from __future__ import annotations

import asyncio
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from schemas import DeadLetter, encode
from services.common.kafka import ensure_topics
from services.common.settings import settings_to_env
from services.common.topics import TopicNames, app_id
from tests.factories import article
from tests.integration.conftest import wait_until
from tests.oracle import (
    assert_contiguous,
    end_offsets,
    file_ranges,
    parquet_rows,
    produce,
    produce_batched,
    records,
)

pytestmark = pytest.mark.integration


def _produce_articles(bootstrap: str, topic: str, ids: range) -> None:
    produce(bootstrap, topic, [(f"{i:032x}".encode(), encode(article(i))) for i in ids])


def test_sink_killed_and_stopped_mid_stream_loses_and_duplicates_nothing(
    make_settings: Any, services: Any
) -> None:
    settings = make_settings(sink={"max_records": 25, "idle_flush_s": 0.3})
    topics = TopicNames.from_settings(settings.kafka)
    bootstrap = settings.kafka.bootstrap
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    articles_dir = settings.sink.out_dir / "articles"

    _produce_articles(bootstrap, topics.articles, range(200))
    produce(bootstrap, topics.articles, [(b"bad", b"\xff\xfe not json"), (b"bad", b'{"schema_version": 1}')])
    first = services.start(settings, "sink")
    wait_until(
        lambda: len(parquet_rows(articles_dir)) >= 50, timeout_s=60, what="first files", on_fail=services.logs
    )
    sink = services.child(first, "sink")
    sink.proc.send_signal(signal.SIGKILL)  # a crash: no flush, no commit
    sink.proc.wait(timeout=10)

    _produce_articles(bootstrap, topics.articles, range(200, 400))
    second = services.start(settings, "sink")
    wait_until(
        lambda: len(parquet_rows(articles_dir)) >= 300, timeout_s=60, what="300 rows", on_fail=services.logs
    )
    _produce_articles(bootstrap, topics.articles, range(400, 500))
    sink = services.child(second, "sink")
    sink.proc.send_signal(signal.SIGTERM)  # a graceful stop: flush, commit, exit 0
    assert sink.proc.wait(timeout=30) == 0

    _produce_articles(bootstrap, topics.articles, range(500, 600))
    services.start(settings, "sink")
    wait_until(
        lambda: len(parquet_rows(articles_dir)) >= 600, timeout_s=60, what="600 rows", on_fail=services.logs
    )
    services.stop_all()

    rows = parquet_rows(articles_dir, columns=["article_id", "src_partition", "src_offset", "date"])
    assert sorted(r["article_id"] for r in rows) == sorted(f"{i:032x}" for i in range(600))  # no loss, no dup
    assert len({(r["src_partition"], r["src_offset"]) for r in rows}) == 600
    ends = end_offsets(bootstrap, topics.articles)
    ranges = file_ranges(articles_dir)
    for partition, end in ends.items():
        # Every offset of the topic is in exactly one file range, poison records included.
        assert assert_contiguous(ranges.get((topics.articles, partition), [])) == end
    assert not list(articles_dir.glob("*/.*.tmp"))

    letters = records(bootstrap, topics.deadletter, DeadLetter)
    sink_letters = [dl for dl in letters if dl.stage == "sink"]
    # At-least-once: a poison record re-read after the SIGKILL may be dead-lettered twice, never zero times.
    assert {dl.error_class for dl in sink_letters} == {"DecodeError"}
    assert {dl.reason for dl in sink_letters} == {"invalid_json", "invalid"}
    deadletter_rows = parquet_rows(settings.sink.out_dir / "deadletter")
    assert len(deadletter_rows) == len(letters)


def test_sink_resumes_after_multi_record_batches(make_settings: Any, services: Any) -> None:
    """Tansu reports a partition's end as its last batch's base offset + 1; files ending inside a
    batch must not be mistaken for offsets the topic lacks (the recreated-topic guard)."""
    settings = make_settings(kafka={"partitions": 1}, sink={"idle_flush_s": 0.3})
    topics = TopicNames.from_settings(settings.kafka)
    bootstrap = settings.kafka.bootstrap
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    articles_dir = settings.sink.out_dir / "articles"
    produce_batched(
        bootstrap, topics.articles, [(f"{i:032x}".encode(), encode(article(i))) for i in range(30)]
    )
    assert sum(end_offsets(bootstrap, topics.articles).values()) < 30, (
        "the broker's batch-end behaviour changed"
    )

    first = services.start(settings, "sink")
    wait_until(
        lambda: len(parquet_rows(articles_dir)) >= 30, timeout_s=60, what="30 rows", on_fail=services.logs
    )
    sink = services.child(first, "sink")
    sink.proc.send_signal(signal.SIGTERM)
    assert sink.proc.wait(timeout=30) == 0

    second = services.start(settings, "sink")  # assigned while the reported end is still inside the batch
    sink = services.child(second, "sink")
    wait_until(
        lambda: sink.restarts > 0 or "resuming at offset 30" in sink.log_path.read_text(errors="replace"),
        timeout_s=60,
        what="the partition assigned again",
        on_fail=services.logs,
    )
    _produce_articles(bootstrap, topics.articles, range(30, 35))
    wait_until(
        lambda: len(parquet_rows(articles_dir)) >= 35, timeout_s=60, what="35 rows", on_fail=services.logs
    )
    sink = services.child(second, "sink")
    assert sink.restarts == 0 and sink.proc.poll() is None, "the sink refused its own output directory"
    services.stop_all()
    rows = parquet_rows(articles_dir, columns=["article_id"])
    assert sorted(r["article_id"] for r in rows) == sorted(f"{i:032x}" for i in range(35))


def test_a_second_sink_joins_and_leaves_mid_stream(make_settings: Any, services: Any) -> None:
    """Partitions change owner twice while records keep coming: no gap, no overlap, no duplicate."""
    settings = make_settings(kafka={"partitions": 4}, sink={"max_records": 20, "idle_flush_s": 0.3})
    topics = TopicNames.from_settings(settings.kafka)
    bootstrap = settings.kafka.bootstrap
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    articles_dir = settings.sink.out_dir / "articles"

    services.start(settings, "sink")
    _produce_articles(bootstrap, topics.articles, range(150))
    wait_until(
        lambda: len(parquet_rows(articles_dir)) >= 60, timeout_s=60, what="first rows", on_fail=services.logs
    )
    second = services.start(settings, "sink")  # joins: the group rebalances, partitions move
    _produce_articles(bootstrap, topics.articles, range(150, 300))
    wait_until(
        lambda: "resuming at offset" in services.child(second, "sink").log_path.read_text(errors="replace"),
        timeout_s=60,
        what="the second sink owning partitions",
        on_fail=services.logs,
    )
    sink = services.child(second, "sink")
    sink.proc.send_signal(signal.SIGTERM)  # and leaves: its partitions go back
    assert sink.proc.wait(timeout=30) == 0
    _produce_articles(bootstrap, topics.articles, range(300, 450))
    wait_until(
        lambda: len(parquet_rows(articles_dir)) >= 450, timeout_s=90, what="450 rows", on_fail=services.logs
    )
    services.stop_all()

    rows = parquet_rows(articles_dir, columns=["article_id", "src_partition", "src_offset"])
    assert sorted(r["article_id"] for r in rows) == sorted(f"{i:032x}" for i in range(450))
    assert len({(r["src_partition"], r["src_offset"]) for r in rows}) == 450
    ranges = file_ranges(articles_dir)
    for partition, end in end_offsets(bootstrap, topics.articles).items():
        assert assert_contiguous(ranges.get((topics.articles, partition), [])) == end


def test_a_write_error_commits_nothing_and_loses_nothing(
    make_settings: Any, services: Any, tmp_path: Path
) -> None:
    """RLIMIT_FSIZE in the sink child: every write fails (EFBIG); the sink retries, exits non-zero,
    commits no offset; once the limit is lifted, every record lands exactly once."""
    settings = make_settings(sink={"max_records": 50, "idle_flush_s": 0.3, "write_retries": 1})
    topics = TopicNames.from_settings(settings.kafka)
    bootstrap = settings.kafka.bootstrap
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    articles_dir = settings.sink.out_dir / "articles"
    _produce_articles(bootstrap, topics.articles, range(200))

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    log_path = tmp_path / "limited-sink.log"
    with open(log_path, "wb") as log_file:
        limited = subprocess.Popen(
            [sys.executable, "-m", "services", "sink"],
            env={**os.environ, **settings_to_env(settings)},
            stdout=log_file,
            stderr=subprocess.STDOUT,
            preexec_fn=small_files,
        )
        code = limited.wait(timeout=120)
    log = log_path.read_text(errors="replace")
    assert code != 0, log[-2000:]
    assert "failed 2 times" in log
    assert not list(articles_dir.glob("*/*.parquet"))
    committed = asyncio.run(_committed(settings))
    assert all(offset <= 0 for offset in committed.values()), committed  # nothing unwritten was committed

    services.start(settings, "sink")
    wait_until(
        lambda: len(parquet_rows(articles_dir)) >= 200, timeout_s=60, what="200 rows", on_fail=services.logs
    )
    services.stop_all()
    rows = parquet_rows(articles_dir, columns=["article_id"])
    assert sorted(r["article_id"] for r in rows) == sorted(f"{i:032x}" for i in range(200))
    ranges = file_ranges(articles_dir)
    for partition, end in end_offsets(bootstrap, topics.articles).items():
        assert assert_contiguous(ranges.get((topics.articles, partition), [])) == end
    assert not list(articles_dir.glob("*/.*.tmp"))


async def _committed(settings: Any) -> dict[int, int]:
    """The sink group's committed offset per partition of ``articles`` (-1: none)."""
    topic = TopicNames.from_settings(settings.kafka).articles
    consumer = AIOKafkaConsumer(
        bootstrap_servers=settings.kafka.bootstrap,
        group_id=app_id(settings.kafka, "sink"),
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        await consumer.topics()
        partitions = consumer.partitions_for_topic(topic) or set()
        out = {}
        for p in sorted(partitions):
            committed = await consumer.committed(TopicPartition(topic, p))
            out[p] = -1 if committed is None else committed
        return out
    finally:
        await consumer.stop()
