"""SIGKILL of the sink at the two exact points of a durable write, then a fault-free restart:
the table equals what a sink that never failed writes, with contiguous file ranges."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from schemas import SCHEMA_VERSION, encode
from services.common.kafka import ensure_topics
from services.common.settings import settings_to_env
from services.common.topics import TopicNames
from services.sink.batches import WRITER
from services.sink.naming import DataFileName
from services.sink.storage import LocalStorage
from services.sink.tables import TABLES
from tests.factories import article
from tests.integration.conftest import wait_until
from tests.integration.test_sink_restarts import _committed
from tests.oracle import (
    assert_contiguous,
    end_offsets,
    fault_free_rows,
    file_ranges,
    parquet_rows,
    produce,
    written_rows,
)

pytestmark = pytest.mark.integration


def _produce_articles(bootstrap: str, topic: str, ids: range) -> None:
    produce(bootstrap, topic, [(f"{i:032x}".encode(), encode(article(i))) for i in ids])


@pytest.mark.parametrize(
    ("point", "nth"),
    [
        ("after_tmp_write", 2),  # a temp file written and synced, not yet renamed
        ("after_rename", 3),  # files renamed and their directory synced, offsets not committed
    ],
)
def test_a_kill_at_an_exact_point_of_a_write_loses_and_duplicates_nothing(
    point: str, nth: int, make_settings: Any, services: Any, tmp_path: Path
) -> None:
    settings = make_settings(sink={"idle_flush_s": 0.3})
    topics = TopicNames.from_settings(settings.kafka)
    bootstrap = settings.kafka.bootstrap
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    articles_dir = settings.sink.out_dir / "articles"
    _produce_articles(bootstrap, topics.articles, range(120))

    log_path = tmp_path / "faulty-sink.log"
    with open(log_path, "wb") as log_file:
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.faults", point, str(nth)],
            env={**os.environ, **settings_to_env(settings)},
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        code = child.wait(timeout=120)
    log = log_path.read_text(errors="replace")
    assert code == -9, log[-2000:]  # it died by SIGKILL at the injected point, not otherwise
    assert "fault injection: SIGKILL" in log

    committed = asyncio.run(_committed(settings))
    durable_end: dict[int, int] = {}
    for path in articles_dir.glob("*/*.parquet"):
        name = DataFileName.parse(path.name)
        assert name is not None
        durable_end[name.partition] = max(durable_end.get(name.partition, 0), name.last_offset + 1)
    if point == "after_tmp_write":
        assert list(articles_dir.glob("*/.*.tmp")), "the kill should leave the temp file behind"
    else:
        assert not list(articles_dir.glob("*/.*.tmp"))
        # A file is durable whose offsets were never committed: resumption must come from file names.
        assert any(end > committed.get(p, -1) for p, end in durable_end.items()), (durable_end, committed)
    for p, offset in committed.items():  # the oracle's commit rule holds at the kill
        assert offset <= durable_end.get(p, 0), (committed, durable_end)

    _produce_articles(bootstrap, topics.articles, range(120, 200))  # the stream goes on
    services.start(settings, "sink")
    wait_until(
        lambda: len(parquet_rows(articles_dir)) >= 200, timeout_s=60, what="200 rows", on_fail=services.logs
    )
    services.stop_all()

    storage = LocalStorage(settings.sink.out_dir)
    assert written_rows(storage, "articles") == fault_free_rows(
        bootstrap, topics.articles, TABLES["articles"]
    )
    ranges = file_ranges(articles_dir)
    for partition, end in end_offsets(bootstrap, topics.articles).items():
        assert assert_contiguous(ranges.get((topics.articles, partition), [])) == end
    assert not list(articles_dir.glob("*/.*.tmp"))

    # Every file says where its rows came from and what wrote them.
    for path in articles_dir.glob("*/*.parquet"):
        name = DataFileName.parse(path.name)
        assert name is not None
        parquet = pq.ParquetFile(path)
        metadata = parquet.schema_arrow.metadata
        assert metadata[b"newswire.topic"] == topics.articles.encode()
        assert metadata[b"newswire.partition"] == str(name.partition).encode()
        assert metadata[b"newswire.first_offset"] == str(name.first_offset).encode()
        assert metadata[b"newswire.last_offset"] == str(name.last_offset).encode()
        assert metadata[b"newswire.schema_version"] == str(SCHEMA_VERSION).encode()
        assert metadata[b"newswire.writer"] == WRITER.encode()
        column = parquet.metadata.row_group(0).column(0)
        assert column.compression == "ZSTD" and column.statistics is not None
