"""File naming, durable-write order and recovery from file names (no broker)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from schemas import Article, DeadLetter
from services.sink.durable import LocalFileOps, write_durably
from services.sink.naming import DataFileName
from services.sink.recovery import BATCH_FILES_KEY, recover_partition
from services.sink.storage import LocalStorage
from services.sink.tables import TABLES, arrow_schema_for
from tests.factories import article


def test_file_name_round_trips_and_sorts_by_offset() -> None:
    name = DataFileName("newswire.articles", 3, 120, 4567)
    assert name.name == "newswire.articles+3+0000000000000000120+0000000000000004567.parquet"
    assert DataFileName.parse(name.name) == name
    names = [DataFileName("t", 0, a, b) for a, b in [(100, 199), (0, 9), (10, 99)]]
    assert sorted(n.name for n in names) == [n.name for n in sorted(names)]
    assert name.tmp_name.startswith(".") and name.tmp_name.endswith(".tmp")


@pytest.mark.parametrize(
    "bad",
    [
        "t+0+1+2.parquet",
        "t+0+0000000000000000001.parquet",
        "t+x+0000000000000000001+0000000000000000002.parquet",
        ".t+0+0000000000000000001+0000000000000000002.parquet.tmp",
        "t+0+0000000000000000001+0000000000000000002.csv",
    ],
)
def test_foreign_names_do_not_parse(bad: str) -> None:
    assert DataFileName.parse(bad) is None


def test_invalid_ranges_are_refused() -> None:
    with pytest.raises(ValueError):
        DataFileName("t", 0, 10, 9)


class RecordingOps(LocalFileOps):
    def __init__(self, log: list[str]) -> None:
        self.log = log

    def write_and_fsync(
        self, path: Path, schema: pa.Schema, parts: Iterable[pa.Table], metadata: dict[str, str]
    ) -> None:
        self.log.append(f"write+fsync {path.name}")
        super().write_and_fsync(path, schema, parts, metadata)

    def replace(self, src: Path, dst: Path) -> None:
        self.log.append(f"replace {src.name} -> {dst.name}")
        super().replace(src, dst)

    def fsync_dir(self, directory: Path) -> None:
        self.log.append(f"fsync-dir {directory.name}")
        super().fsync_dir(directory)


def test_durable_write_order_is_tmp_fsync_replace_fsync_dir(tmp_path: Path) -> None:
    log: list[str] = []
    name = DataFileName("t", 0, 0, 1)
    final = tmp_path / "articles" / "date=2024-04-10" / name.name
    table = pa.table({"x": [1, 2]})
    write_durably(RecordingOps(log), final, name.tmp_name, table.schema, [table], {"k": "v"})
    assert log == [
        "fsync-dir articles",  # the new date directory's entry
        f"write+fsync {name.tmp_name}",
        f"replace {name.tmp_name} -> {name.name}",
        "fsync-dir date=2024-04-10",
    ]
    assert pq.read_table(final).column("x").to_pylist() == [1, 2]
    assert pq.read_schema(final).metadata[b"k"] == b"v"
    assert not list(final.parent.glob("*.tmp"))


def _write(root: Path, day: str, name: DataFileName, batch_files: int = 1) -> Path:
    path = root / "articles" / f"date={day}" / name.name
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.table({"x": [1]}).replace_schema_metadata({BATCH_FILES_KEY: str(batch_files)})
    pq.write_table(table, path)
    return path


def test_recovery_without_files_defers_to_the_committed_offset(tmp_path: Path) -> None:
    assert recover_partition(LocalStorage(tmp_path), "articles", "t", 0).next_offset is None


def test_recovery_resumes_after_the_last_complete_batch(tmp_path: Path) -> None:
    _write(tmp_path, "2024-01-01", DataFileName("t", 0, 0, 9))
    _write(tmp_path, "2024-01-01", DataFileName("t", 0, 10, 19), batch_files=2)
    _write(tmp_path, "unknown", DataFileName("t", 0, 10, 19), batch_files=2)
    _write(tmp_path, "2024-01-01", DataFileName("t", 1, 0, 99))  # another partition
    assert recover_partition(LocalStorage(tmp_path), "articles", "t", 0).next_offset == 20
    assert recover_partition(LocalStorage(tmp_path), "articles", "t", 1).next_offset == 100


def test_recovery_deletes_an_incomplete_batch_and_replays_it(tmp_path: Path) -> None:
    _write(tmp_path, "2024-01-01", DataFileName("t", 0, 0, 9))
    partial = _write(tmp_path, "2024-01-02", DataFileName("t", 0, 10, 19), batch_files=3)
    recovery = recover_partition(LocalStorage(tmp_path), "articles", "t", 0)
    assert recovery.next_offset == 10
    assert recovery.deleted_incomplete == ["date=2024-01-02/" + partial.name]
    assert not partial.exists()
    assert recover_partition(LocalStorage(tmp_path), "articles", "t", 0).next_offset == 10


def test_recovery_deletes_only_its_own_partitions_temp_files(tmp_path: Path) -> None:
    day = tmp_path / "articles" / "date=2024-01-01"
    day.mkdir(parents=True)
    mine = day / DataFileName("t", 0, 0, 9).tmp_name
    other = day / DataFileName("t", 1, 0, 9).tmp_name
    mine.write_bytes(b"partial")
    other.write_bytes(b"partial")
    recovery = recover_partition(LocalStorage(tmp_path), "articles", "t", 0)
    assert recovery.deleted_tmp == ["date=2024-01-01/" + mine.name]
    assert not mine.exists() and other.exists()


def test_arrow_schemas_follow_the_contracts() -> None:
    schema = arrow_schema_for(Article)
    assert schema.field("published_at").type == pa.date32()
    assert schema.field("authors").type == pa.list_(pa.string())
    assert schema.field("fetched_at").type == pa.timestamp("us", tz="UTC")
    assert schema.field("schema_version").type == pa.int16()
    assert schema.field("title").nullable and not schema.field("text").nullable
    assert {"src_topic", "src_partition", "src_offset", "ingested_at"} <= set(schema.names)
    assert set(Article.model_fields) <= set(schema.names)
    assert set(DeadLetter.model_fields) <= set(arrow_schema_for(DeadLetter).names)


def test_table_rows_fit_their_schema_and_are_dated() -> None:
    spec = TABLES["articles"]
    row = spec.row(article(1))
    row.update(src_topic="t", src_partition=0, src_offset=5, ingested_at=article(1).fetched_at)
    table = pa.Table.from_pylist([row], schema=spec.schema)
    assert table.num_rows == 1
    assert spec.date_key(article(1)) == "2024-04-11"
    assert spec.date_key(article(1, published=None)) == "unknown"
    assert table.column("extractor_options").to_pylist() == ['{"include_comments": false}']


def test_recovery_treats_a_torn_last_file_as_an_incomplete_batch(tmp_path: Path) -> None:
    """A file with no Parquet footer (an object store upload cut short) is never trusted as complete."""
    _write(tmp_path, "2024-01-01", DataFileName("t", 0, 0, 9))
    torn = tmp_path / "articles" / "date=2024-01-02" / DataFileName("t", 0, 10, 19).name
    torn.parent.mkdir(parents=True)
    torn.write_bytes(b"PAR1 half a file")
    recovery = recover_partition(LocalStorage(tmp_path), "articles", "t", 0)
    assert recovery.next_offset == 10
    assert not torn.exists()


def test_recovery_deletes_a_stale_owners_batch_inside_the_new_owners_wider_one(tmp_path: Path) -> None:
    # a member replaced while stopped wrote 0..49; the new owner wrote 0..109 from the last commit
    stale = _write(tmp_path, "2024-01-01", DataFileName("t", 0, 0, 49))
    wide = _write(tmp_path, "2024-01-01", DataFileName("t", 0, 0, 109), batch_files=2)
    wide_other_day = _write(tmp_path, "2024-01-02", DataFileName("t", 0, 0, 109), batch_files=2)
    assert recover_partition(LocalStorage(tmp_path), "articles", "t", 0).next_offset == 110
    assert not stale.exists()
    assert wide.exists() and wide_other_day.exists()  # one batch in two date partitions stays whole
