"""Sink fencing and record identity (issue 20, findings 6 and 7): a sink stopped (SIGSTOP) past
the session timeout loses its partition to another sink and, resumed, must not write the batch it
held (before: 160 rows for 110 offsets, in overlapping files); a record sent again at a new offset
is one row, also across a restart of the sink."""

from __future__ import annotations

import asyncio
import signal
import time
from typing import Any

import pytest

from schemas import encode
from services.common.kafka import ensure_topics
from services.common.topics import TopicNames
from services.sink.storage import open_storage
from services.sink.tables import TABLES
from tests.factories import article
from tests.integration.conftest import wait_until
from tests.oracle import assert_contiguous, end_offsets, fault_free_rows, produce, table_ranges, written_rows

pytestmark = pytest.mark.integration


def test_a_sink_resumed_after_losing_its_partition_writes_nothing_twice(
    make_settings: Any, services: Any
) -> None:
    # one partition, and a sink that holds what it reads for 4 s before writing it
    settings = make_settings(kafka={"partitions": 1}, sink={"idle_flush_s": 4.0, "max_records": 10_000})
    topics = TopicNames.from_settings(settings.kafka)
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    storage = open_storage(settings.sink)

    def rows() -> int:
        return len(written_rows(storage, "articles"))

    def send(ids: range) -> None:
        produce(
            settings.kafka.bootstrap,
            topics.articles,
            [(f"{i:032x}".encode(), encode(article(i))) for i in ids],
        )

    stale = services.start(settings, "sink")
    send(range(5))
    wait_until(lambda: rows() == 5, timeout_s=60, what="the first sink writing", on_fail=services.logs)
    send(range(5, 55))  # read and buffered by the first sink, not yet written (idle flush: 4 s)
    time.sleep(1.5)
    stale_proc = services.child(stale, "sink").proc
    stale_proc.send_signal(signal.SIGSTOP)
    try:
        send(range(55, 110))
        # the second sink takes the partition once the stopped member is dropped, reads 5..109 from
        # the last commit and writes them as one batch: a range the stopped sink's 5..54 lies in
        services.start(settings, "sink")
        wait_until(
            lambda: rows() == 110, timeout_s=90, what="the second sink taking over", on_fail=services.logs
        )
    finally:
        stale_proc.send_signal(signal.SIGCONT)
    time.sleep(8.0)  # the resumed sink's idle flush of 5..54 is due at once; the group rejoins
    send(range(110, 120))
    wait_until(lambda: rows() >= 120, timeout_s=60, what="120 rows", on_fail=services.logs)
    time.sleep(2.0)
    services.stop_all()

    bootstrap = settings.kafka.bootstrap
    assert written_rows(storage, "articles") == fault_free_rows(
        bootstrap, topics.articles, TABLES["articles"]
    )
    ranges = table_ranges(storage, "articles")
    for partition, end in end_offsets(bootstrap, topics.articles).items():
        assert assert_contiguous(ranges.get((topics.articles, partition), [])) == end


def test_a_record_sent_again_at_a_new_offset_is_one_row_across_a_sink_restart(
    make_settings: Any, services: Any
) -> None:
    settings = make_settings(kafka={"partitions": 1})
    topics = TopicNames.from_settings(settings.kafka)
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    storage = open_storage(settings.sink)

    def send(ids: list[int]) -> None:
        produce(
            settings.kafka.bootstrap,
            topics.articles,
            [(f"{i:032x}".encode(), encode(article(i))) for i in ids],
        )

    def offsets() -> list[int]:
        return [r["src_offset"] for r in written_rows(storage, "articles")]

    sink = services.start(settings, "sink")
    send([*range(10), 3])  # a producer killed before its commit sends article 3 again
    wait_until(lambda: len(offsets()) == 10, timeout_s=60, what="10 rows", on_fail=services.logs)
    services.child(sink, "sink").proc.send_signal(signal.SIGKILL)
    services.child(sink, "sink").proc.wait(timeout=10)
    send([7, 10])  # and after the sink's restart, article 7 again
    services.start(settings, "sink")
    wait_until(lambda: len(offsets()) == 11, timeout_s=60, what="11 rows", on_fail=services.logs)
    time.sleep(1.0)
    services.stop_all()

    assert offsets() == [*range(10), 12]  # offsets 10 (article 3) and 11 (article 7): no rows
    ranges = table_ranges(storage, "articles")
    assert assert_contiguous(ranges[(topics.articles, 0)]) == 13
