"""``newswire feeds``: feed tools: find and check a site's feeds."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from services.cli.commands._shared import settings_from

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("feeds", help="feed tools")
    feeds_sub = parser.add_subparsers(dest="feeds_command", required=True)
    discover = feeds_sub.add_parser("discover", help="find and check a site's feeds and sitemaps")
    discover.add_argument("url", help="the site's home page (or any page of it)")
    discover.add_argument("--toml", action="store_true", help="print working ones as feeds.toml entries")
    discover.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from services.cli.feeds import discover_command

    return discover_command(settings_from(args), Console(), args.url, as_toml=args.toml)
