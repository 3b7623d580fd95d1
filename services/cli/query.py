"""``newswire query "SQL"``: DuckDB over the sink's tables, one view per table.

Views: ``articles``, ``events``, ``event_clusters`` (every version), ``event_clusters_latest``
(the latest version per event) and ``deadletter``, over the hive-partitioned files under the output
root, with ``union_by_name`` so files written before and after a schema change read as one table.
On S3 the views read pyarrow datasets (DuckDB's own S3 support needs its httpfs extension, a
download), with the files' schemas unified the same way. DuckDB is an optional dependency
(``pip install 'newswire[query]'``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
from rich.console import Console
from rich.table import Table

from services.sink.queries import LATEST_CLUSTERS_OF
from services.sink.storage import LocalStorage, Storage, readable_files
from services.sink.tables import TABLES

MAX_PRINTED_ROWS = 1000


def _unified(dataset: ds.Dataset, schemas: list[pa.Schema]) -> ds.Dataset:
    """The dataset with every file's columns, given the files' ``schemas`` (pyarrow takes the
    first file's schema by default)."""
    schema = pa.unify_schemas([*schemas, dataset.partitioning.schema], promote_options="permissive")
    return dataset.replace_schema(schema)


def connect(storage: Storage | Path, skipped: list[tuple[str, str]] | None = None) -> Any:
    """An in-memory DuckDB connection with a view per table found in ``storage`` (or a local root).

    A file whose Parquet footer does not read (torn by a crash, damaged on disk) is left out of
    its table's view and listed in ``skipped`` as (location, why): the rest of the table reads."""
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
            con.register(f"{name}_dataset", _unified(storage.dataset(name, files), schemas))
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM {name}_dataset")  # noqa: S608
        if name == "event_clusters":
            latest = LATEST_CLUSTERS_OF.format(source="event_clusters")
            con.execute(f"CREATE VIEW event_clusters_latest AS {latest}")
    return con


def query_command(
    storage: Storage, sql: str, console: Console, *, csv: Path | None, parquet: Path | None
) -> int:
    skipped: list[tuple[str, str]] = []
    try:
        con = connect(storage, skipped)
    except ImportError:
        console.print("[red]newswire query needs DuckDB: pip install 'newswire[query]'[/red]")
        return 2
    for location, why in skipped:
        console.print(f"[yellow]left out an unreadable file: {location} ({why})[/yellow]")
    relation = con.sql(sql)
    if relation is None:  # a statement with no result (e.g. CREATE VIEW)
        return 0
    if csv is not None:
        relation.write_csv(str(csv))
        console.print(f"wrote {csv}")
        return 0
    if parquet is not None:
        relation.write_parquet(str(parquet))
        console.print(f"wrote {parquet}")
        return 0
    table = Table(show_header=True, header_style="bold")
    for column in relation.columns:
        table.add_column(column, overflow="fold")
    rows = relation.limit(MAX_PRINTED_ROWS + 1).fetchall()
    for row in rows[:MAX_PRINTED_ROWS]:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)
    if len(rows) > MAX_PRINTED_ROWS:
        console.print(f"(first {MAX_PRINTED_ROWS} rows; use --csv or --parquet for all)")
    return 0
