"""Effectively-once tables (issue 20, finding 7): a logical record that arrives again at a new
offset (a page fetched or extracted twice after a crash) is one row, within a batch, across
batches and across a restart of the sink; a batch that was never written is not remembered."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pyarrow.parquet as pq
from aiokafka import TopicPartition

from schemas import encode
from services.sink.app import SinkService
from tests.factories import article, event_mention
from tests.unit.sink.test_sink_flush import FakeConsumer, _record, _sink


def _rows(root: Path, table: str = "articles") -> list[int]:
    return sorted(
        o for f in root.rglob(f"{table}/*/*.parquet") for o in pq.read_table(f)["src_offset"].to_pylist()
    )


def _feed(service: SinkService, tp: TopicPartition, values: list[bytes], start: int) -> None:
    async def go() -> None:
        for k, value in enumerate(values):
            await service._buffer(tp, _record(tp.topic, tp.partition, start + k, value))
        await service._flush(tp, "test")

    asyncio.run(go())


def test_a_repeated_article_is_one_row_within_and_across_batches(tmp_path: Path) -> None:
    log: list[str] = []
    service, topic = _sink(tmp_path, log)
    tp = TopicPartition(topic, 0)
    same = encode(article(1))
    _feed(service, tp, [same, same, encode(article(2))], start=0)
    _feed(service, tp, [same], start=3)  # redelivered once more, in a later batch
    edited = article(1).model_copy(update={"text": "A corrected text. " * 10, "text_sha256": "b" * 64})
    _feed(service, tp, [encode(edited)], start=4)  # a new text is a new version: a row
    assert _rows(tmp_path) == [0, 2, 4]
    assert service.duplicates_skipped == 2
    assert log[-1] == "commit 0=5"  # the skipped offsets are part of the written ranges


class _Assigning(FakeConsumer):
    """A consumer that has just been assigned partitions whose topic ends at ``end``."""

    def __init__(self, log: list[str], end: int) -> None:
        super().__init__(log)
        self.end = end

    def pause(self, *tps: TopicPartition) -> None:
        return None

    def resume(self, *tps: TopicPartition) -> None:
        return None

    async def end_offsets(self, tps: list[TopicPartition]) -> dict[TopicPartition, int]:
        return dict.fromkeys(tps, self.end)


def test_a_restarted_sink_remembers_the_identities_in_its_files(tmp_path: Path) -> None:
    log: list[str] = []
    first, articles_topic = _sink(tmp_path, log)
    tp = TopicPartition(articles_topic.replace("articles", "events"), 1)
    _feed(first, tp, [encode(event_mention(i)) for i in range(3)], start=0)

    restarted, _ = _sink(tmp_path, log)
    restarted._consumer = _Assigning(log, end=3)  # type: ignore[assignment]
    asyncio.run(restarted.on_assigned([tp]))
    asyncio.run(restarted._recover_assigned())
    # the producer of offset 1 was killed before its commit and sent it again at offset 3
    _feed(restarted, tp, [encode(event_mention(1)), encode(event_mention(7))], start=3)
    assert _rows(tmp_path, "events") == [0, 1, 2, 4]


def test_the_identities_of_a_dropped_batch_are_not_remembered(tmp_path: Path) -> None:
    log: list[str] = []
    service, topic = _sink(tmp_path, log)
    tp = TopicPartition(topic, 0)

    async def go() -> None:
        await service._buffer(tp, _record(topic, 0, 0, encode(article(5))))
        await service.on_revoked([tp])  # dropped, not written: the next owner reads it again

    asyncio.run(go())
    _feed(service, tp, [encode(article(5))], start=0)
    assert _rows(tmp_path) == [0]
