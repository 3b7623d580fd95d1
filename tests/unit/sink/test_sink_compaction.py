"""Compaction: small files of closed partitions merge into large ones; nothing lost, nothing twice."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from aiokafka import TopicPartition
from aiokafka.structs import ConsumerRecord

from schemas import encode
from services.common.settings import Settings
from services.sink.app import SinkService
from services.sink.compaction import COVERED_KEY, REPLACES_KEY, compact_table, parse_ranges
from services.sink.naming import CompactedFileName
from services.sink.recovery import recover_partition
from services.sink.storage import LocalStorage
from tests.factories import article
from tests.oracle import assert_contiguous, table_ranges, table_rows

TOPIC = "u.articles"
DAY_1, DAY_2, DAY_3 = "date=2024-04-10", "date=2024-04-11", "date=2024-04-12"


class _NoCommit:
    """Owns every partition and accepts every commit."""

    def assignment(self) -> _Everything:
        return _Everything()

    async def commit(self, offsets: dict[TopicPartition, int]) -> None:
        return None


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


def _write_batches(storage: LocalStorage, root: Path, sizes: Sequence[int], start: int = 0) -> int:
    """Flush batches of ``sizes`` records (article i at offset i, dated 2024-04-10 + i % 3)."""
    settings = Settings(kafka={"bootstrap": "127.0.0.1:1", "topic_prefix": "u."}, sink={"out_dir": root})
    service = SinkService(settings, storage)
    service._consumer = _NoCommit()  # type: ignore[assignment]
    tp = TopicPartition(TOPIC, 0)
    offset = start

    async def go() -> None:
        nonlocal offset
        for size in sizes:
            for _ in range(size):
                value = encode(article(offset))
                record = ConsumerRecord(TOPIC, 0, offset, 0, 0, b"k", value, None, 1, len(value), [])
                await service._buffer(tp, record)
                offset += 1
            await service._flush(tp, "test")

    asyncio.run(go())
    return offset


def _rows(storage: LocalStorage) -> Counter[tuple[Any, ...]]:
    rows = table_rows(storage, "articles", ["article_id", "src_offset", "title", "date"])
    return Counter((r["article_id"], r["src_offset"], r["title"], str(r["date"])) for r in rows)


def _files(storage: LocalStorage, partition_dir: str) -> list[str]:
    return [f.name for f in storage.list_files("articles") if f.partition_dir == partition_dir]


@pytest.fixture
def storage(tmp_path: Path) -> LocalStorage:
    return LocalStorage(tmp_path)


def test_compaction_merges_closed_partitions_and_keeps_every_row_once(
    storage: LocalStorage, tmp_path: Path
) -> None:
    end = _write_batches(storage, tmp_path, [3, 3, 3, 3, 3])  # 5 batches x 3 dates
    before_rows = _rows(storage)
    before_resume = recover_partition(storage, "articles", TOPIC, 0).next_offset

    report = compact_table(storage, "articles", before="2024-04-12")

    # Dates 10 and 11 are closed; each keeps the newest batch (never compacted) next to one merged file.
    for day in (DAY_1, DAY_2):
        names = _files(storage, day)
        assert len(names) == 2
        assert CompactedFileName.parse(names[0]) is not None
        assert names[1].startswith(f"{TOPIC}+0+0000000000000000012+0000000000000000014")
    assert len(_files(storage, DAY_3)) == 5  # open partition untouched
    assert report.files_in == 8 and report.files_out == 2 and report.rows == 8
    assert _rows(storage) == before_rows  # every row exactly once, unchanged
    assert assert_contiguous(table_ranges(storage, "articles")[(TOPIC, 0)]) == end
    assert recover_partition(storage, "articles", TOPIC, 0).next_offset == before_resume == end

    merged = next(
        f for f in storage.list_files("articles") if f.partition_dir == DAY_1 and "compacted" in f.name
    )
    metadata = pq.read_schema(tmp_path / "articles" / merged.path).metadata
    assert parse_ranges(metadata[COVERED_KEY.encode()].decode()) == [(0, 2), (3, 5), (6, 8), (9, 11)]
    assert len(json.loads(metadata[REPLACES_KEY.encode()])) == 4
    assert metadata[b"newswire.first_offset"] == b"0" and metadata[b"newswire.last_offset"] == b"11"


def test_the_sink_resumes_and_late_rows_recompact_after_compaction(
    storage: LocalStorage, tmp_path: Path
) -> None:
    end = _write_batches(storage, tmp_path, [3, 3, 3])
    compact_table(storage, "articles", before="2024-04-12")
    end = _write_batches(storage, tmp_path, [3, 3], start=end)  # late rows for the closed dates
    expected = _rows(storage)
    compact_table(storage, "articles", before="2024-04-12")
    names = _files(storage, DAY_1)
    assert len(names) == 2  # the previous merge and the earlier late batch merged again; newest left
    merged = CompactedFileName.parse(names[0])
    assert merged is not None and (merged.first_offset, merged.last_offset) == (0, 11)
    assert _rows(storage) == expected
    assert assert_contiguous(table_ranges(storage, "articles")[(TOPIC, 0)]) == end


class _DeleteFails(LocalStorage):
    """The process 'dies' after the merged file is durable and before the small ones are deleted."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.armed = True

    def delete(self, table: str, paths: Sequence[str]) -> None:
        if self.armed:
            self.armed = False
            raise KeyboardInterrupt("killed")
        super().delete(table, paths)


def test_an_interrupted_compaction_duplicates_rather_than_loses_and_the_next_run_finishes_it(
    tmp_path: Path,
) -> None:
    storage = _DeleteFails(tmp_path)
    _write_batches(LocalStorage(tmp_path), tmp_path, [3, 3, 3])
    expected = _rows(storage)
    with pytest.raises(KeyboardInterrupt):
        compact_table(storage, "articles", before="2024-04-12")
    interrupted = _rows(storage)
    assert set(interrupted) == set(expected) and interrupted != expected  # some rows twice, none lost

    report = compact_table(storage, "articles", before="2024-04-12")
    assert report.finished_earlier == 2  # the two small files the merged one replaces
    assert _rows(storage) == expected


def test_dry_run_changes_nothing_and_lone_or_unknown_files_stay(
    storage: LocalStorage, tmp_path: Path
) -> None:
    _write_batches(storage, tmp_path, [3, 3, 3])
    listing = storage.list_files("articles")
    report = compact_table(storage, "articles", before="2024-04-12", dry_run=True)
    assert report.written and storage.list_files("articles") == listing
    # A one-byte target leaves every file alone: no chunk of two fits.
    assert not compact_table(storage, "articles", before="2024-04-12", target_bytes=1).written
    assert storage.list_files("articles") == listing


def test_files_from_before_and_after_a_schema_change_merge_into_the_wider_schema(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path)
    day = tmp_path / "articles" / DAY_1
    day.mkdir(parents=True)
    names = [f"{TOPIC}+0+{a:019d}+{b:019d}.parquet" for a, b in [(0, 0), (1, 1), (2, 2)]]
    old = pa.table({"article_id": ["a"], "src_offset": [0]})
    new = pa.table({"article_id": ["b"], "src_offset": [1], "summary": ["added field"]})
    pq.write_table(old, day / names[0])
    pq.write_table(new, day / names[1])
    pq.write_table(old, day / names[2])  # the newest batch: not compacted
    compact_table(storage, "articles", before=date(2024, 5, 1).isoformat())
    merged = next(p for p in day.iterdir() if "compacted" in p.name)
    table = pq.read_table(merged)
    assert table.column_names == ["article_id", "src_offset", "summary"]
    assert table.to_pylist() == [
        {"article_id": "a", "src_offset": 0, "summary": None},
        {"article_id": "b", "src_offset": 1, "summary": "added field"},
    ]


def test_sink_recovery_leaves_a_running_compactions_temp_file_alone(
    storage: LocalStorage, tmp_path: Path
) -> None:
    _write_batches(storage, tmp_path, [3])
    temp = tmp_path / "articles" / DAY_1 / f".compacting-{TOPIC}+0+x.compacted.parquet.tmp"
    temp.write_bytes(b"being written")
    recover_partition(storage, "articles", TOPIC, 0)
    assert temp.exists()
