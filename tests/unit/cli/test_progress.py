"""The progress probe's counts of written rows, read from the committed Parquet files."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from services.cli.progress import count_event_mentions


def _write(path: Path, kinds: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table({"record_kind": kinds}), path)


def test_event_mentions_are_counted_per_file_and_each_file_read_once(tmp_path: Path) -> None:
    events = tmp_path / "events"
    _write(events / "date=2024-01-01" / "a.parquet", ["event", "aggregate", "event"])
    _write(events / "date=unknown" / "b.parquet", ["background"])
    cache: dict[Path, int] = {}
    assert count_event_mentions(events, cache) == 2
    _write(events / "date=2024-01-02" / "c.parquet", ["event"])
    # a file already counted is not read again: its count comes from the cache
    cache[events / "date=2024-01-01" / "a.parquet"] = 10
    assert count_event_mentions(events, cache) == 11
    assert count_event_mentions(events) == 3  # without a cache: every file read
    assert count_event_mentions(tmp_path / "missing") == 0
