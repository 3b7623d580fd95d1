"""``newswire fetch``: queue URLs for fetching (onto the urls topic)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from services.cli.commands._shared import connection_options, settings_from

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("fetch", help="queue URLs for fetching (onto the urls topic)")
    connection_options(parser)
    parser.add_argument("urls", nargs="+", metavar="URL")
    parser.add_argument(
        "--force", action="store_true", help="fetch again even if fetched before (a re-crawl)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from services.cli.feeds import fetch_command

    return fetch_command(settings_from(args), Console(), args.urls, force=args.force)
