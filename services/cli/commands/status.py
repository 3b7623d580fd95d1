"""``newswire status``: consumer groups, lag and rates, live."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from services.cli.commands._shared import connection_options, settings_from

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("status", help="consumer groups, lag and rates, live")
    connection_options(parser)
    parser.add_argument("--every", type=float, default=2.0, help="refresh interval in seconds")
    parser.add_argument("--once", action="store_true", help="print one snapshot and exit")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from services.cli.ops.status import status_view

    return status_view(settings_from(args).kafka, Console(), every_s=args.every, once=args.once)
