"""``newswire check``: readiness: Kafka answers, the topics exist, the output is writable."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from services.cli.commands._shared import connection_options, settings_from

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "check", help="exit 0 if Kafka answers and the topics exist (and --out is writable)"
    )
    connection_options(parser)
    parser.add_argument("--out", type=Path, help="also check that this output directory is writable")
    parser.add_argument(
        "--stall-window",
        type=float,
        metavar="SECONDS",
        help="also fail if a service's input waits while its group commits nothing for this long "
        "(a liveness probe; it takes that long)",
    )
    parser.add_argument(
        "--verify-files",
        action="store_true",
        help="with --out: also fail if a data file of a table does not read (reads every footer)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from services.cli.health import check

    return check(
        settings_from(args, out_is_sink_dir=False),
        Console(),
        out_dir=args.out,
        stall_window_s=args.stall_window,
    )
