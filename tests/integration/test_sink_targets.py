"""The sink's scenarios on both targets, a local directory and S3 (moto's server on loopback):
a crash, a restart, a graceful stop, compaction running next to the sink, and a quiet topic."""

from __future__ import annotations

import asyncio
import signal
import threading
import uuid
from typing import Any

import pytest

from schemas import encode
from services.common.kafka import ensure_topics
from services.common.settings import Settings
from services.common.topics import TopicNames
from services.sink.compaction import CompactionReport, compact_table
from services.sink.queries import connect_tables as connect
from services.sink.storage import ObjectStorage, Storage, open_storage
from services.sink.tables import TABLES
from tests.factories import article
from tests.integration.conftest import wait_until
from tests.oracle import (
    assert_contiguous,
    end_offsets,
    fault_free_rows,
    produce,
    table_ranges,
    table_rows,
    written_rows,
)

pytestmark = pytest.mark.integration


@pytest.fixture(params=["local", "s3"])
def target(request: pytest.FixtureRequest) -> dict[str, Any]:
    """Sink settings for the target; S3 gets a fresh bucket on the session's moto server."""
    if request.param == "local":
        return {}
    server = request.getfixturevalue("s3_server")
    request.getfixturevalue("s3_credentials")
    bucket = f"newswire-{uuid.uuid4().hex[:12]}"
    server.create_bucket(bucket)
    return {"s3_url": f"s3://{bucket}/tables", "s3_endpoint": server.endpoint}


def _produce_articles(settings: Settings, ids: range) -> None:
    topic = TopicNames.from_settings(settings.kafka).articles
    produce(settings.kafka.bootstrap, topic, [(f"{i:032x}".encode(), encode(article(i))) for i in ids])


def _rows(storage: Storage) -> int:
    return len(table_rows(storage, "articles", ["src_offset"]))


def test_crash_restart_stop_and_compaction_lose_and_duplicate_nothing(
    target: dict[str, Any], make_settings: Any, services: Any
) -> None:
    settings = make_settings(sink={"max_records": 25, "idle_flush_s": 0.3, **target})
    topics = TopicNames.from_settings(settings.kafka)
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    storage = open_storage(settings.sink)
    assert isinstance(storage, ObjectStorage) == bool(target)

    _produce_articles(settings, range(150))
    first = services.start(settings, "sink")
    wait_until(lambda: _rows(storage) >= 50, timeout_s=60, what="50 rows", on_fail=services.logs)
    services.child(first, "sink").proc.send_signal(signal.SIGKILL)
    services.child(first, "sink").proc.wait(timeout=10)

    _produce_articles(settings, range(150, 300))
    second = services.start(settings, "sink")
    wait_until(lambda: _rows(storage) >= 200, timeout_s=60, what="200 rows", on_fail=services.logs)
    # Compaction of the (closed) April 2024 partitions while the sink keeps writing into them.
    reports: list[CompactionReport] = []
    compactor = threading.Thread(
        target=lambda: reports.append(compact_table(storage, "articles", before="2024-05-01"))
    )
    compactor.start()
    _produce_articles(settings, range(300, 400))
    compactor.join(timeout=60)
    assert reports and reports[0].files_out >= 1, reports
    wait_until(lambda: _rows(storage) >= 400, timeout_s=60, what="400 rows", on_fail=services.logs)
    sink = services.child(second, "sink")
    sink.proc.send_signal(signal.SIGTERM)  # graceful: flush, commit, exit 0
    assert sink.proc.wait(timeout=30) == 0

    _produce_articles(settings, range(400, 450))
    services.start(settings, "sink")
    wait_until(lambda: _rows(storage) >= 450, timeout_s=60, what="450 rows", on_fail=services.logs)
    services.stop_all()
    compact_table(storage, "articles", before="2024-05-01")

    bootstrap = settings.kafka.bootstrap
    assert written_rows(storage, "articles") == fault_free_rows(
        bootstrap, topics.articles, TABLES["articles"]
    )
    ranges = table_ranges(storage, "articles")
    for partition, end in end_offsets(bootstrap, topics.articles).items():
        assert assert_contiguous(ranges.get((topics.articles, partition), [])) == end
    files = storage.list_files("articles")
    assert not [f for f in files if f.name.startswith(".")]
    # Per date and topic partition: one merged file and at most the partition's newest batch.
    per_day_partition: dict[tuple[str, str], int] = {}
    for file in files:
        key = (file.partition_dir, file.name.split("+")[1])
        per_day_partition[key] = per_day_partition.get(key, 0) + 1
    assert max(per_day_partition.values()) <= 2, per_day_partition

    # ``newswire query``'s views read the same table (on S3 through pyarrow datasets).
    con = connect(storage)
    counts = con.sql("SELECT count(*), count(DISTINCT (src_partition, src_offset)) FROM articles").fetchall()
    assert counts == [(450, 450)]
    days = con.sql("SELECT DISTINCT CAST(date AS VARCHAR) FROM articles ORDER BY 1").fetchall()
    assert days == [("2024-04-10",), ("2024-04-11",), ("2024-04-12",)]


def test_a_quiet_topic_lands_by_the_idle_flush(
    target: dict[str, Any], make_settings: Any, services: Any
) -> None:
    """One record and nothing after it: neither count, size nor age (an hour) would write it."""
    settings = make_settings(
        kafka={"partitions": 1},
        sink={"idle_flush_s": 0.5, "max_age_s": 3600.0, "max_records": 10_000, **target},
    )
    topics = TopicNames.from_settings(settings.kafka)
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    storage = open_storage(settings.sink)
    services.start(settings, "sink")
    _produce_articles(settings, range(1))
    wait_until(lambda: _rows(storage) == 1, timeout_s=60, what="the one row", on_fail=services.logs)
    assert table_ranges(storage, "articles") == {(topics.articles, 0): [(0, 0)]}
    services.stop_all()
