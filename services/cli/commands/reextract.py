"""``newswire reextract``: the current extractor over stored pages, into versioned topics."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from services.cli.commands._shared import aware_datetime, connection_options, settings_from

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "reextract", help="run the current extractor over stored pages into versioned topics"
    )
    connection_options(parser)
    parser.add_argument("--since", required=True, type=aware_datetime, help="ISO datetime (UTC if no offset)")
    parser.add_argument("--until", type=aware_datetime, help="exclusive; default: the end of the topic")
    parser.add_argument(
        "--version-tag", required=True, help="output topics: <prefix>articles.TAG, events.TAG"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extractor setting, e.g. min_words=200",
    )
    parser.add_argument("--dry-run", action="store_true", help="print the pages' offset ranges it would read")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from services.cli.ops import commands

    return commands.reextract_pages(
        settings_from(args),
        Console(),
        since=args.since,
        until=args.until,
        tag=args.version_tag,
        overrides=args.set,
        dry_run=args.dry_run,
    )
