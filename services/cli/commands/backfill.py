"""``newswire backfill``: rebuild a table for a time range from its topic."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from services.cli.commands._shared import (
    TABLE_NAMES,
    aware_datetime,
    connection_options,
    settings_from,
)

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("backfill", help="rebuild a table for a time range from its topic")
    connection_options(parser)
    parser.add_argument("--table", required=True, choices=TABLE_NAMES)
    parser.add_argument("--since", required=True, type=aware_datetime, help="ISO datetime (UTC if no offset)")
    parser.add_argument("--until", type=aware_datetime, help="exclusive; default: the end of the topic")
    parser.add_argument("--out", type=Path, required=True, help="a directory of its own")
    parser.add_argument("--dry-run", action="store_true", help="print the offset ranges it would read")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from services.cli.ops import commands

    return commands.backfill_table(
        settings_from(args, out_is_sink_dir=False),
        Console(),
        table=args.table,
        since=args.since,
        until=args.until,
        out=args.out,
        dry_run=args.dry_run,
    )
