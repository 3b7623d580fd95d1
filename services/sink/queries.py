"""Queries over the sink's tables that every consumer needs; the README shows the same ones.

``event_clusters`` is append-only: each change to an event is a new row with a higher ``version``.
The current state of every event is its latest version.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from services.sink.storage import LocalStorage, Storage, readable_files
from services.sink.tables import TABLES

# DuckDB: the latest version of each event in ``{source}`` (a table, a view or a read_parquet call).
LATEST_CLUSTERS_OF = """
SELECT *
FROM {source}
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY version DESC) = 1
"""

# The same over the hive-partitioned files (``{root}`` is the output root).
LATEST_CLUSTERS_SQL = LATEST_CLUSTERS_OF.replace(
    "{source}",
    "read_parquet('{root}/event_clusters/*/*.parquet', hive_partitioning = true, union_by_name = true)",
)

# Every event mention with the event it was linked to (a cluster lists its mentions).
MENTIONS_WITH_EVENTS_SQL = """
WITH latest AS ({latest})
SELECT e.*, c.event_id AS linked_event_id, c.n_sources
FROM read_parquet('{root}/events/*/*.parquet', hive_partitioning = true, union_by_name = true) AS e
LEFT JOIN (SELECT event_id, n_sources, UNNEST(mention_ids) AS mention_id FROM latest) AS c
  ON e.mention_id = c.mention_id
"""


def _unified(dataset: ds.Dataset, schemas: list[pa.Schema]) -> ds.Dataset:
    """The dataset with every file's columns, given the files' ``schemas`` (pyarrow takes the
    first file's schema by default)."""
    schema = pa.unify_schemas([*schemas, dataset.partitioning.schema], promote_options="permissive")
    return dataset.replace_schema(schema)


def connect_tables(
    storage: Storage | Path,
    skipped: list[tuple[str, str]] | None = None,
    registered: dict[str, Any] | None = None,
) -> Any:
    """An in-memory DuckDB connection with a view per table found in ``storage`` (or a local root).

    A file whose Parquet footer does not read (torn by a crash, damaged on disk) is left out of
    its table's view and listed in ``skipped`` as (location, why): the rest of the table reads.
    The Arrow datasets behind the views of object storage go in ``registered`` by name."""
    import duckdb

    if isinstance(storage, Path):
        storage = LocalStorage(storage)
    con = duckdb.connect()
    for name in TABLES:
        readable, bad = readable_files(storage, name)
        files = [f for f, _ in readable]
        if skipped is not None:
            skipped.extend((storage.location(name, f.path), why) for f, why in bad)
        if not files:
            continue
        if isinstance(storage, LocalStorage):
            paths = ", ".join("'" + str(storage.root / name / f.path).replace("'", "''") + "'" for f in files)
            con.execute(
                f"CREATE VIEW {name} AS SELECT * FROM read_parquet("  # noqa: S608 - names from TABLES
                f"[{paths}], hive_partitioning = true, union_by_name = true)"
            )
        else:
            schemas = [schema for _, schema in readable]  # the footers read once, above
            dataset = _unified(storage.dataset(name, files), schemas)
            con.register(f"{name}_dataset", dataset)
            if registered is not None:  # a cursor sees none of them: the caller registers them again
                registered[f"{name}_dataset"] = dataset
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM {name}_dataset")  # noqa: S608
        if name == "event_clusters":
            latest = LATEST_CLUSTERS_OF.format(source="event_clusters")
            con.execute(f"CREATE VIEW event_clusters_latest AS {latest}")
    return con


def latest_versions(table: pa.Table, key: str = "event_id", version: str = "version") -> pa.Table:
    """The row with the highest ``version`` per ``key`` (pyarrow, no SQL engine needed)."""
    if table.num_rows == 0:
        return table
    # Sorted by key, newest version first; the first row of each key wins. (A join on the max version
    # would be shorter, but Arrow joins cannot carry the list columns of a cluster.)
    ordered = table.take(pc.sort_indices(table, sort_keys=[(key, "ascending"), (version, "descending")]))
    keys = ordered[key].to_pylist()
    firsts = [i for i, k in enumerate(keys) if i == 0 or keys[i - 1] != k]
    return ordered.take(pa.array(firsts, type=pa.int64()))
