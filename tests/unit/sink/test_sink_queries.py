"""The latest-version query over event_clusters, in DuckDB and in pyarrow, on real Parquet files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from schemas import EventCluster
from services.sink.queries import LATEST_CLUSTERS_SQL, MENTIONS_WITH_EVENTS_SQL, latest_versions
from services.sink.tables import TABLES


def _cluster(event_id: str, version: int, n_sources: int, reported: date) -> EventCluster:
    return EventCluster(
        event_id=event_id,
        version=version,
        family="arrest",
        event_type="COERCE",
        mention_ids=[f"m{i}" for i in range(n_sources)],
        article_ids=[f"a{i}" for i in range(n_sources)],
        n_sources=n_sources,
        n_outlets=n_sources,
        first_reported_at=reported,
    )


def _write(root: Path, clusters: list[EventCluster], name: str) -> None:
    spec = TABLES["event_clusters"]
    for cluster in clusters:
        directory = root / "event_clusters" / f"date={spec.date_key(cluster)}"
        directory.mkdir(parents=True, exist_ok=True)
        row = {
            **spec.row(cluster),
            "src_topic": "t",
            "src_partition": 0,
            "src_offset": 0,
            "ingested_at": None,
        }
        row["ingested_at"] = pa.scalar(0, pa.timestamp("us", tz="UTC")).as_py()
        table = pa.Table.from_pylist([row], schema=spec.schema)
        pq.write_table(table, directory / f"{name}-{cluster.event_id}-{cluster.version}.parquet")


def test_the_latest_version_of_each_event(tmp_path: Path) -> None:
    _write(
        tmp_path, [_cluster("ev-a", 1, 1, date(2024, 1, 5)), _cluster("ev-b", 1, 1, date(2024, 2, 1))], "f1"
    )
    _write(
        tmp_path, [_cluster("ev-a", 2, 2, date(2024, 1, 5)), _cluster("ev-a", 3, 3, date(2024, 1, 5))], "f2"
    )

    rows = duckdb.sql(LATEST_CLUSTERS_SQL.format(root=tmp_path)).fetchall()
    columns = [c[0] for c in duckdb.sql(LATEST_CLUSTERS_SQL.format(root=tmp_path)).description]
    latest = {r[columns.index("event_id")]: r[columns.index("version")] for r in rows}
    assert latest == {"ev-a": 3, "ev-b": 1}

    table = ds.dataset(tmp_path / "event_clusters", format="parquet", partitioning="hive").to_table()
    by_arrow = latest_versions(table)
    assert sorted(zip(by_arrow["event_id"].to_pylist(), by_arrow["n_sources"].to_pylist(), strict=True)) == [
        ("ev-a", 3),
        ("ev-b", 1),
    ]


def test_mentions_join_their_latest_event(tmp_path: Path) -> None:
    _write(
        tmp_path, [_cluster("ev-a", 1, 1, date(2024, 1, 5)), _cluster("ev-a", 2, 2, date(2024, 1, 5))], "c"
    )
    events_dir = tmp_path / "events" / "date=2024-01-05"
    events_dir.mkdir(parents=True)
    pq.write_table(
        pa.table({"mention_id": ["m0", "m1", "m9"], "record_kind": ["event"] * 3}), events_dir / "e.parquet"
    )
    sql = MENTIONS_WITH_EVENTS_SQL.format(root=tmp_path, latest=LATEST_CLUSTERS_SQL.format(root=tmp_path))
    rows = {
        r[0]: (r[1], r[2])
        for r in duckdb.sql(f"SELECT mention_id, linked_event_id, n_sources FROM ({sql})").fetchall()
    }
    assert rows == {"m0": ("ev-a", 2), "m1": ("ev-a", 2), "m9": (None, None)}  # m9: not linked (yet)
