"""``newswire compact``: merge the small Parquet files of closed date partitions."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from services.cli.commands._shared import TABLE_NAMES, settings_from

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("compact", help="merge the small Parquet files of closed date partitions")
    parser.add_argument("table", choices=TABLE_NAMES)
    parser.add_argument(
        "--before",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="compact partitions dated before this day (default: today, UTC)",
    )
    parser.add_argument("--include-unknown", action="store_true", help="also compact date=unknown")
    parser.add_argument("--target-mb", type=int, default=256, help="largest merged file, in MiB")
    parser.add_argument("--dry-run", action="store_true", help="print what would be merged")
    parser.add_argument("--out", type=Path, help="the sink's output root (env NEWSWIRE_SINK__OUT_DIR)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from services.cli.compact import compact_command

    return compact_command(
        settings_from(args),
        Console(),
        args.table,
        before=args.before,
        include_unknown=args.include_unknown,
        target_mb=args.target_mb,
        dry_run=args.dry_run,
    )
