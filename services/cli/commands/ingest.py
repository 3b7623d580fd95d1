"""``newswire ingest``: saved pages (WARC files, HTML files) into the pages topic."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from services.cli.commands._shared import connection_options, settings_from

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("ingest", help="push saved pages (WARC files, HTML files) into the pages topic")
    ingest_sub = parser.add_subparsers(dest="ingest_command", required=True)
    warc = ingest_sub.add_parser("warc", help="the HTML responses of WARC files, with their fetch times")
    connection_options(warc)
    warc.add_argument("files", nargs="+", type=Path, metavar="FILE")
    html = ingest_sub.add_parser("html", help="a directory of saved pages")
    connection_options(html)
    html.add_argument("dir", type=Path)
    html.add_argument("--url-map", type=Path, required=True, help="JSON {file: url} or CSV lines file,url")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from services.cli.ops import commands

    settings, console = settings_from(args), Console()
    if args.ingest_command == "warc":
        return commands.ingest(settings, console, warc=args.files, html_dir=None, url_map=None)
    return commands.ingest(settings, console, warc=[], html_dir=args.dir, url_map=args.url_map)
