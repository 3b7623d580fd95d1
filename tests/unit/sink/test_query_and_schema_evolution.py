"""``newswire query`` views, and reading files from before and after a contract gained a field."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from services.sink.queries import connect_tables as connect
from services.sink.tables import TABLES
from tests.factories import article
from tests.unit.sink.test_sink_queries import _cluster, _write


def _articles_file(root: Path, name: str, *, drop: str | None = None) -> None:
    spec = TABLES["articles"]
    record = article(1).model_copy(update={"image_url": "https://example.org/a.jpg"})
    row = {**spec.row(record), "src_topic": "t", "src_partition": 0, "src_offset": 0}
    row["ingested_at"] = pa.scalar(0, pa.timestamp("us", tz="UTC")).as_py()
    schema = spec.schema
    if drop is not None:  # a file written before the contract had this field
        schema = schema.remove(schema.get_field_index(drop))
        row.pop(drop)
    directory = root / "articles" / f"date={spec.date_key(record)}"
    directory.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist([row], schema=schema), directory / f"{name}.parquet")


def test_old_and_new_files_read_as_one_table(tmp_path: Path) -> None:
    _articles_file(tmp_path, "old", drop="image_url")
    _articles_file(tmp_path, "new")
    # DuckDB: union by name; the old file's rows have NULL in the new column
    con = connect(tmp_path)
    assert sorted(con.sql("SELECT image_url IS NULL FROM articles").fetchall()) == [(False,), (True,)]
    # pyarrow: one scan with the unified schema of both files
    files = sorted(str(p) for p in (tmp_path / "articles").glob("*/*.parquet"))
    unified = pa.unify_schemas([pq.read_schema(f) for f in files])
    table = ds.dataset(files, schema=unified, format="parquet").to_table()
    assert table.num_rows == 2 and table["image_url"].null_count == 1


def test_query_views_and_outputs(tmp_path: Path) -> None:
    _write(
        tmp_path, [_cluster("ev-a", 1, 1, date(2024, 1, 5)), _cluster("ev-a", 2, 2, date(2024, 1, 5))], "c"
    )
    con = connect(tmp_path)
    assert con.sql("SELECT count(*) FROM event_clusters").fetchall() == [(2,)]
    assert con.sql("SELECT version FROM event_clusters_latest").fetchall() == [(2,)]
    out = tmp_path / "latest.csv"
    result = subprocess.run(
        [sys.executable, "-m", "services", "query", "SELECT event_id, version FROM event_clusters_latest",
         "--out", str(tmp_path), "--csv", str(out)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.read_text().splitlines() == ["event_id,version", "ev-a,2"]
    assert duckdb.sql(f"SELECT count(*) FROM read_csv('{out}')").fetchall() == [(1,)]


def test_a_file_whose_footer_does_not_read_is_left_out_and_the_rest_of_the_table_reads(
    tmp_path: Path,
) -> None:
    # issue 20: one torn, non-final file made every query of its table fail
    _articles_file(tmp_path, "first")
    _articles_file(tmp_path, "second")
    torn = next((tmp_path / "articles").glob("*/first.parquet"))
    torn.write_bytes(torn.read_bytes()[:-20])  # the footer is gone
    skipped: list[tuple[str, str]] = []
    con = connect(tmp_path, skipped)
    assert con.sql("SELECT count(*) FROM articles").fetchall() == [(1,)]
    assert [location for location, _ in skipped] == [str(torn)]


def test_check_verify_files_names_a_damaged_data_file_and_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # issue 20: a corrupt non-final file was never detected (the sink repairs only a torn last batch)
    from rich.console import Console

    from services.cli import health
    from services.common.settings import Settings

    _articles_file(tmp_path, "first")
    _articles_file(tmp_path, "second")
    assert health.unreadable_data_files(tmp_path) == []
    damaged = next((tmp_path / "articles").glob("*/first.parquet"))
    damaged.write_bytes(damaged.read_bytes()[:-20])
    ((where, why),) = health.unreadable_data_files(tmp_path)
    assert where.startswith("articles/") and where.endswith("first.parquet") and "Invalid" in why

    async def no_topic_missing(*_: object) -> list[str]:
        return []  # the Kafka half of the probe has tests of its own

    monkeypatch.setattr(health, "_missing_topics", no_topic_missing)
    settings = Settings(kafka={"bootstrap": "127.0.0.1:1"})
    out = io.StringIO()
    assert health.check(settings, Console(file=out, width=300), out_dir=tmp_path, verify_files=True) == 1
    assert "unreadable data file articles/" in out.getvalue()
    # opt-in, because it reads every footer: the plain probe stays cheap
    assert health.check(settings, Console(file=io.StringIO()), out_dir=tmp_path) == 0
