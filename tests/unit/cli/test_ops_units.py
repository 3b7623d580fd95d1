"""Small pieces of the operator tools: JSON log lines, status rates, extractor overrides, URL maps."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from rich.console import Console

from services.cli.ops.commands import _extractor_overrides
from services.cli.ops.ingest import read_url_map
from services.cli.ops.offsets import PartitionOffsets
from services.cli.ops.status import aggregate, render
from services.common.logs import JsonFormatter
from services.common.settings import Settings


def test_json_log_lines_carry_the_extra_fields() -> None:
    record = logging.makeLogRecord(
        {
            "name": "services.sink.app",
            "levelno": logging.INFO,
            "levelname": "INFO",
            "msg": "wrote %d rows",
            "args": (3,),
            "article_id": "ab" * 16,
            "topic": "newswire.articles",
            "partition": 2,
            "offset": 41,
        }
    )
    line = json.loads(JsonFormatter().format(record))
    assert (
        line["message"] == "wrote 3 rows"
        and line["level"] == "info"
        and line["logger"] == "services.sink.app"
    )
    assert (line["article_id"], line["topic"], line["partition"], line["offset"]) == (
        "ab" * 16,
        "newswire.articles",
        2,
        41,
    )
    assert "args" not in line and "msg" not in line


def test_status_sums_partitions_and_computes_rates_between_snapshots() -> None:
    def snap(c0: int, e0: int, c1: int, e1: int) -> list[PartitionOffsets]:
        return [
            PartitionOffsets("g", "t", 0, c0, e0),
            PartitionOffsets("g", "t", 1, c1, e1),
            PartitionOffsets("g", "u", 0, None, 9),
        ]  # no commit: not shown

    before, now = aggregate(snap(10, 10, 5, 8)), aggregate(snap(30, 40, 5, 8))
    assert list(now) == [("g", "t")] and now[("g", "t")].lag == 13
    console = Console(width=200, record=True)
    console.print(render(now, before, 2.0))
    row = next(line for line in console.export_text().splitlines() if "│ g" in line)
    assert [c.strip() for c in row.split("│")[1:-1]] == ["g", "t", "35", "48", "13", "10.0", "15.0"]


def test_extractor_overrides_are_validated() -> None:
    settings = Settings()
    assert _extractor_overrides(settings, ["min_words=200", "events=false"]).min_words == 200
    with pytest.raises(ValueError, match="unknown extractor setting"):
        _extractor_overrides(settings, ["min_word=200"])
    with pytest.raises(ValueError):
        _extractor_overrides(settings, ["min_words=-1"])


def test_url_maps_read_from_json_csv_and_tsv(tmp_path: Path) -> None:
    (tmp_path / "m.json").write_text('{"a.html": "https://x.org/a"}')
    (tmp_path / "m.csv").write_text("a.html,https://x.org/a\nb.html,https://x.org/b\n")
    (tmp_path / "m.tsv").write_text("a.html\thttps://x.org/a\n")
    assert read_url_map(tmp_path / "m.json") == {"a.html": "https://x.org/a"}
    assert read_url_map(tmp_path / "m.csv") == {"a.html": "https://x.org/a", "b.html": "https://x.org/b"}
    assert read_url_map(tmp_path / "m.tsv") == {"a.html": "https://x.org/a"}
