"""The sink SIGKILLed twenty times at random moments while a producer keeps writing.

One oracle for the whole run: every produced id ends in exactly one row; per partition the file
offset ranges are contiguous from 0 to the topic's end, with no gap and no overlap; no (partition,
offset) appears twice; and at every sample the group's committed offset is at most the last
durable offset + 1 (a commit never runs ahead of the files).
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer

from schemas import encode
from services.common.kafka import ensure_topics
from services.common.settings import settings_to_env
from services.common.topics import TopicNames
from services.sink.storage import LocalStorage
from services.sink.tables import TABLES
from tests.chaos.harness import CommitSampler
from tests.factories import article
from tests.integration.conftest import wait_until
from tests.oracle import (
    assert_contiguous,
    end_offsets,
    fault_free_rows,
    file_ranges,
    parquet_rows,
    written_rows,
)

pytestmark = pytest.mark.integration

KILLS = 20
RECORDS = 1200


class Producer(threading.Thread):
    """Sends RECORDS articles in small bursts, one at a time (acks=all), until done."""

    def __init__(self, bootstrap: str, topic: str) -> None:
        super().__init__(daemon=True)
        self.bootstrap, self.topic = bootstrap, topic
        self.sent = 0

    def run(self) -> None:
        asyncio.run(self._run())

    async def _run(self) -> None:
        producer = AIOKafkaProducer(bootstrap_servers=self.bootstrap, acks="all")
        await producer.start()
        try:
            for i in range(RECORDS):
                await producer.send_and_wait(self.topic, encode(article(i)), key=f"{i:032x}".encode())
                self.sent += 1
                if i % 20 == 19:
                    await asyncio.sleep(0.7)  # bursts spread over the kills (~45 s)
        finally:
            await producer.stop()


def test_twenty_kills_at_random_moments_lose_and_duplicate_nothing(
    make_settings: Any, tmp_path: Path
) -> None:
    settings = make_settings(
        kafka={"session_timeout_s": 2.0, "rebalance_timeout_s": 2.0, "heartbeat_interval_s": 0.5},
        sink={"max_records": 40, "idle_flush_s": 0.2},
    )
    topics = TopicNames.from_settings(settings.kafka)
    bootstrap = settings.kafka.bootstrap
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    table_dir = settings.sink.out_dir / "articles"
    env = {**os.environ, **settings_to_env(settings)}
    rng = random.Random(20261122)  # random moments, the same ones on every run

    producer = Producer(bootstrap, topics.articles)
    producer.start()
    sampler = CommitSampler(settings)  # the chaos suite's: every table the sink writes
    sampler.start()
    log_path = tmp_path / "sink.log"

    def start_sink() -> subprocess.Popen[bytes]:
        with open(log_path, "ab") as log_file:
            return subprocess.Popen(
                [sys.executable, "-m", "services", "sink"], env=env, stdout=log_file, stderr=subprocess.STDOUT
            )

    for _ in range(KILLS):
        sink = start_sink()
        time.sleep(rng.uniform(1.5, 4.0))
        sink.send_signal(signal.SIGKILL)
        sink.wait(timeout=10)
    producer.join(timeout=120)
    assert producer.sent == RECORDS

    before = log_path.read_text(errors="replace").count("sink writing")
    sink = start_sink()
    try:
        wait_until(  # the last sink is up (the killed ones may already have written everything)
            lambda: log_path.read_text(errors="replace").count("sink writing") > before,
            timeout_s=60,
            what="the last sink started",
        )
        wait_until(
            lambda: len(parquet_rows(table_dir, columns=["article_id"])) >= RECORDS,
            timeout_s=90,
            what=f"{RECORDS} rows",
            on_fail=lambda: log_path.read_text(errors="replace")[-3000:],
        )
    finally:
        sink.send_signal(signal.SIGTERM)
        assert sink.wait(timeout=30) == 0
        sampler.halt.set()
        sampler.join(timeout=10)

    rows = parquet_rows(table_dir, columns=["article_id", "src_partition", "src_offset"])
    assert sorted(r["article_id"] for r in rows) == sorted(f"{i:032x}" for i in range(RECORDS))
    assert len({(r["src_partition"], r["src_offset"]) for r in rows}) == RECORDS
    # Row for row, what a sink that never failed writes (every column but ingested_at).
    storage = LocalStorage(settings.sink.out_dir)
    assert written_rows(storage, "articles") == fault_free_rows(
        bootstrap, topics.articles, TABLES["articles"]
    )
    ranges = file_ranges(table_dir)
    for partition, end in end_offsets(bootstrap, topics.articles).items():
        assert assert_contiguous(ranges.get((topics.articles, partition), [])) == end
    assert not list(table_dir.glob("*/.*.tmp"))
    assert sampler.samples > 50 and not sampler.violations, sampler.violations[:5]
    log = log_path.read_text(errors="replace")
    print(
        f"oracle: {RECORDS} ids, {len(rows)} rows, {sum(len(r) for r in ranges.values())} files ranges, "
        f"{sampler.samples} commit samples, {log.count('deleting it and replaying')} half batches removed"
    )
