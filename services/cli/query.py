"""``newswire query "SQL"``: DuckDB over the sink's tables, one view per table.

Views: ``articles``, ``events``, ``event_clusters`` (every version), ``event_clusters_latest``
(the latest version per event) and ``deadletter``, over the hive-partitioned files under the output
root, with ``union_by_name`` so files written before and after a schema change read as one table.
On S3 the views read pyarrow datasets (DuckDB's own S3 support needs its httpfs extension, a
download), with the files' schemas unified the same way.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from services.sink.queries import connect_tables
from services.sink.storage import Storage

MAX_PRINTED_ROWS = 1000


def query_command(
    storage: Storage, sql: str, console: Console, *, csv: Path | None, parquet: Path | None
) -> int:
    skipped: list[tuple[str, str]] = []
    try:
        con = connect_tables(storage, skipped)
    except ImportError:
        console.print("[red]newswire query needs DuckDB: pip install duckdb[/red]")
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
