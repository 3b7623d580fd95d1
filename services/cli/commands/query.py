"""``newswire query``: SQL (DuckDB) over the Parquet tables."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from services.cli.commands._shared import settings_from

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("query", help="run SQL (DuckDB) over the Parquet tables")
    parser.add_argument("sql", help="e.g. 'SELECT subtype, count(*) FROM events GROUP BY 1'")
    parser.add_argument("--out", type=Path, help="the sink's output root (env NEWSWIRE_SINK__OUT_DIR)")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--csv", type=Path, help="write the result to this CSV file")
    target.add_argument("--parquet", type=Path, help="write the result to this Parquet file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from services.cli.query import query_command
    from services.sink.storage import open_storage

    storage = open_storage(settings_from(args).sink)
    return query_command(storage, args.sql, Console(), csv=args.csv, parquet=args.parquet)
