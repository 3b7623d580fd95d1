"""``newswire query "SQL"``: DuckDB over the sink's tables, one view per table.

Views: ``articles``, ``events``, ``event_clusters`` (every version), ``event_clusters_latest``
(the latest version per event) and ``deadletter``, over the hive-partitioned files under the output
root, with ``union_by_name`` so files written before and after a schema change read as one table.
DuckDB is an optional dependency (``pip install 'newswire[query]'``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from services.sink.queries import LATEST_CLUSTERS_SQL
from services.sink.tables import TABLES

MAX_PRINTED_ROWS = 1000


def connect(root: Path) -> Any:
    """An in-memory DuckDB connection with a view per table found under ``root``."""
    import duckdb

    con = duckdb.connect()
    for name in TABLES:
        if any((root / name).glob("*/*.parquet")):
            con.execute(
                f"CREATE VIEW {name} AS SELECT * FROM read_parquet("  # noqa: S608 - names from TABLES
                f"'{root / name}/*/*.parquet', hive_partitioning = true, union_by_name = true)"
            )
    if any((root / "event_clusters").glob("*/*.parquet")):
        con.execute(f"CREATE VIEW event_clusters_latest AS {LATEST_CLUSTERS_SQL.format(root=root)}")
    return con


def query_command(root: Path, sql: str, console: Console, *, csv: Path | None, parquet: Path | None) -> int:
    try:
        con = connect(root)
    except ImportError:
        console.print("[red]newswire query needs DuckDB: pip install 'newswire[query]'[/red]")
        return 2
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
