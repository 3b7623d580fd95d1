"""``newswire diff``: compare two extractions (version tags, or live)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from services.cli.commands._shared import connection_options, settings_from

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("diff", help="compare two extractions (version tags, or 'live')")
    connection_options(parser)
    parser.add_argument("--base", required=True)
    parser.add_argument("--new", required=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from services.cli.ops import commands

    return commands.diff_versions(settings_from(args), Console(), base=args.base, new=args.new)
