"""The sink's flush: files are durable before the offset is committed; a failing disk never commits."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from aiokafka import TopicPartition
from aiokafka.errors import CommitFailedError
from aiokafka.structs import ConsumerRecord

from schemas import encode
from services.common.settings import Settings
from services.sink import app as sink_app
from services.sink.app import SinkService
from services.sink.storage import LocalStorage
from tests.factories import article
from tests.unit.sink.test_sink_files import RecordingOps


class FakeConsumer:
    """Owns every partition; ``fenced``: the coordinator refuses this member's commits."""

    def __init__(self, log: list[str], *, fenced: bool = False) -> None:
        self.log = log
        self.fenced = fenced
        self.owned: set[TopicPartition] | None = None  # None: every partition

    def assignment(self) -> _Owned:
        return _Owned(self.owned)

    def seek(self, tp: TopicPartition, offset: int) -> None:
        self.log.append(f"seek {tp.partition}={offset}")

    async def commit(self, offsets: dict[TopicPartition, int]) -> None:
        if self.fenced:
            raise CommitFailedError("this member was replaced")
        for tp, offset in offsets.items():
            self.log.append(f"commit {tp.partition}={offset}")


class _Owned:
    def __init__(self, owned: set[TopicPartition] | None) -> None:
        self.owned = owned

    def __contains__(self, tp: object) -> bool:
        return self.owned is None or tp in self.owned


def _record(topic: str, partition: int, offset: int, value: bytes) -> ConsumerRecord[bytes, bytes]:
    return ConsumerRecord(topic, partition, offset, 0, 0, b"k", value, None, 1, len(value), [])


def _sink(tmp_path: Path, log: list[str], ops: Any = None, **sink: Any) -> tuple[SinkService, str]:
    settings = Settings(
        kafka={"bootstrap": "127.0.0.1:1", "topic_prefix": "u."}, sink={"out_dir": tmp_path, **sink}
    )
    service = SinkService(settings, LocalStorage(tmp_path, ops or RecordingOps(log)))
    service._consumer = FakeConsumer(log)  # type: ignore[assignment]
    return service, "u.articles"


def test_commit_comes_after_every_file_of_the_batch_is_durable(tmp_path: Path) -> None:
    log: list[str] = []
    service, topic = _sink(tmp_path, log)
    tp = TopicPartition(topic, 2)

    async def go() -> None:
        for offset, i in enumerate([1, 2, 3]):  # three different publication dates
            await service._buffer(tp, _record(topic, 2, 100 + offset, encode(article(i))))
        await service._flush(tp, "test")

    asyncio.run(go())
    # the fence (the batch's first offset, durable already) before any file, the batch's end after all
    assert [line for line in log if line.startswith("commit")] == ["commit 2=100", "commit 2=103"]
    assert log[0] == "commit 2=100" and log[-1] == "commit 2=103"
    assert sum(1 for line in log if line.startswith("fsync-dir date=")) == 3
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.parquet"))
    name = "u.articles+2+0000000000000000100+0000000000000000102.parquet"
    assert files == [f"articles/date=2024-04-{d}/{name}" for d in (10, 11, 12)]
    assert service.rows_written == 3


class FailingOps(RecordingOps):
    def write_and_fsync(self, path: Path, schema: pa.Schema, parts: Any, metadata: dict[str, str]) -> None:
        self.log.append("write failed")
        raise OSError(27, "File too large")


def test_a_write_that_keeps_failing_exits_without_committing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log: list[str] = []
    service, topic = _sink(tmp_path, log, FailingOps(log), write_retries=2)
    tp = TopicPartition(topic, 0)

    class Exited(Exception):
        pass

    def fake_crash(logger: str, reason: str, exit_code: int = 70) -> None:
        log.append(f"exit {exit_code}")
        raise Exited(reason)

    async def no_sleep(_: float) -> None:
        return None

    monkeypatch.setattr(sink_app, "crash_hard", fake_crash)
    monkeypatch.setattr(sink_app.asyncio, "sleep", no_sleep)

    async def go() -> None:
        await service._buffer(tp, _record(topic, 0, 0, encode(article(1))))
        await service._flush(tp, "test")

    with pytest.raises(Exited):
        asyncio.run(go())
    assert log.count("write failed") == 3  # 1 + write_retries
    assert log[-1] == "exit 70"
    assert [line for line in log if line.startswith("commit")] == ["commit 0=0"]  # the fence only


def test_a_member_whose_commit_is_refused_writes_nothing_and_reads_the_batch_again(tmp_path: Path) -> None:
    log: list[str] = []
    service, topic = _sink(tmp_path, log)
    service._consumer = FakeConsumer(log, fenced=True)  # type: ignore[assignment]
    tp = TopicPartition(topic, 1)

    async def go() -> None:
        for offset in range(3):
            await service._buffer(tp, _record(topic, 1, 50 + offset, encode(article(offset))))
        await service._flush(tp, "idle")

    asyncio.run(go())
    assert list(tmp_path.rglob("*.parquet")) == []
    assert log == ["seek 1=50"]
    assert service.fenced_batches == 1


def test_after_a_refused_write_the_records_read_since_are_read_again_too(tmp_path: Path) -> None:
    log: list[str] = []
    service, topic = _sink(tmp_path, log)
    consumer = FakeConsumer(log, fenced=True)
    service._consumer = consumer  # type: ignore[assignment]
    tp = TopicPartition(topic, 1)

    async def go() -> None:
        await service._buffer(tp, _record(topic, 1, 50, encode(article(1))))
        batch = service._buffers[tp]
        service._buffers[tp] = type(batch)(topic, 1)  # as _flush does: later records go to a new buffer
        await service._buffer(tp, _record(topic, 1, 51, encode(article(2))))
        await service._write_and_commit(tp, batch, "idle")  # refused
        consumer.fenced = False
        for offset in (50, 51):  # the re-read after the seek
            await service._buffer(tp, _record(topic, 1, offset, encode(article(offset - 49))))
        await service._flush(tp, "idle")

    asyncio.run(go())
    offsets = sorted(
        o for f in tmp_path.rglob("*.parquet") for o in pq.read_table(f)["src_offset"].to_pylist()
    )
    assert offsets == [50, 51]


def test_a_revoked_partitions_buffer_is_dropped_not_written(tmp_path: Path) -> None:
    log: list[str] = []
    service, topic = _sink(tmp_path, log)
    tp = TopicPartition(topic, 0)

    async def go() -> None:
        await service._buffer(tp, _record(topic, 0, 7, encode(article(1))))
        await service.on_revoked([tp])
        await service._flush(tp, "idle")

    asyncio.run(go())
    assert list(tmp_path.rglob("*.parquet")) == []
    assert not any(line.startswith("commit") for line in log)


def test_flush_triggers(tmp_path: Path) -> None:
    from services.sink.buffer import PartitionBuffer

    settings = Settings(sink={"max_records": 3, "max_bytes": 1024, "max_age_s": 10, "idle_flush_s": 2}).sink
    buffer = PartitionBuffer("t", 0)
    assert buffer.flush_reason(settings, now=0) is None
    buffer.note_offset(0, 10, now=0.0)
    assert buffer.flush_reason(settings, now=1.0) is None
    assert buffer.flush_reason(settings, now=2.0) == "idle"
    for i in range(1, 3):
        buffer.note_offset(i, 10, now=1.5 + i)
    assert buffer.flush_reason(settings, now=3.6) == "records"
    aging = PartitionBuffer("t", 0)
    for i in range(5):
        aging.note_offset(i, 10, now=float(i * 1.9))  # never idle for 2 s
    settings_many = Settings(
        sink={"max_records": 100, "max_bytes": 1024, "max_age_s": 7, "idle_flush_s": 2}
    ).sink
    assert aging.flush_reason(settings_many, now=7.7) == "age"
    big = PartitionBuffer("t", 0)
    big.note_offset(0, 2048, now=0.0)
    assert big.flush_reason(settings, now=0.0) == "bytes"


class AssigningConsumer(FakeConsumer):
    """Just enough of AIOKafkaConsumer for the assignment path."""

    def __init__(self, log: list[str], assigned: set[TopicPartition]) -> None:
        super().__init__(log)
        self.assigned = assigned
        self.paused: set[TopicPartition] = set()

    def assignment(self) -> set[TopicPartition]:
        return self.assigned

    def pause(self, *tps: TopicPartition) -> None:
        self.paused.update(tps)
        self.log.append("pause " + ",".join(str(tp.partition) for tp in tps))

    def resume(self, *tps: TopicPartition) -> None:
        self.paused.difference_update(tps)
        self.log.append("resume " + ",".join(str(tp.partition) for tp in tps))

    def seek(self, tp: TopicPartition, offset: int) -> None:
        self.log.append(f"seek {tp.partition}={offset}")

    async def end_offsets(self, tps: list[TopicPartition]) -> dict[TopicPartition, int]:
        return {tp: 1000 for tp in tps}


def test_assigned_partitions_stay_paused_until_resumed_after_their_last_file(tmp_path: Path) -> None:
    """The rebalance callback must not await: a record fetched meanwhile would be buffered and then
    dropped with the stale buffer. It pauses; the loop recovers from file names, seeks, resumes."""
    log: list[str] = []
    service, topic = _sink(tmp_path, log, max_records=10_000)
    tp0, tp1 = TopicPartition(topic, 0), TopicPartition(topic, 1)

    async def go() -> None:
        for offset in range(3):
            await service._buffer(tp0, _record(topic, 0, offset, encode(article(offset))))
        await service._flush(tp0, "test")  # a file 0..2 for partition 0; none for partition 1
        consumer = AssigningConsumer(log, {tp0, tp1})
        service._consumer = consumer  # type: ignore[assignment]
        log.clear()
        await service.on_assigned([tp0, tp1])
        assert consumer.paused == {tp0, tp1} and log == ["pause 0,1"]
        await service._recover_assigned()
        assert consumer.paused == set()

    asyncio.run(go())
    assert "seek 0=3" in log and not any(line.startswith("seek 1") for line in log)
    assert log.index("seek 0=3") < log.index("resume 0")


class _Producer:
    def __init__(self) -> None:
        self.sent: list[tuple[str, bytes]] = []

    async def send(self, topic: str, value: bytes, key: bytes | None = None) -> None:
        self.sent.append((topic, value))


def test_an_unexpected_exception_on_one_record_is_its_dead_letter_and_the_next_record_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # issue 20: only decode and int64 errors were caught; any other one stopped the sink on the record
    from schemas import DeadLetter, decode

    log: list[str] = []
    service, topic = _sink(tmp_path, log)
    producer = _Producer()
    service._producer = producer  # type: ignore[assignment]
    real_add = sink_app.add_record
    calls = {"n": 0}

    def flaky(*args: Any, **kwargs: Any) -> bool:
        calls["n"] += 1
        if calls["n"] == 1:
            raise KeyError("a column nobody foresaw")
        return real_add(*args, **kwargs)

    monkeypatch.setattr(sink_app, "add_record", flaky)
    tp = TopicPartition(topic, 0)

    async def go() -> None:
        await service._buffer(tp, _record(topic, 0, 5, encode(article(1))))
        await service._buffer(tp, _record(topic, 0, 6, encode(article(2))))
        await service._flush(tp, "test")

    asyncio.run(go())
    ((letter_topic, value),) = producer.sent
    letter = decode(DeadLetter, value)
    assert letter_topic == "u.deadletter"
    assert (letter.reason, letter.error_class, letter.source_offset) == ("internal_error", "KeyError", 5)
    assert service.rows_written == 1 and "commit 0=7" in log  # both offsets covered, one row written
