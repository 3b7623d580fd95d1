"""``newswire extract``: saved HTML files through the extraction path, one JSON line per file."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from services.cli.commands._shared import settings_from

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("extract", help="extract saved HTML files; one JSON line per file")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--url", help="the pages' URL (default: their canonical link or og:url)")
    parser.add_argument(
        "--published-at",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="date to use when a page declares none (default: the file's mtime)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="worker processes extracting in parallel (default: every CPU this process may use)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from services.cli.extract import extract_command

    return extract_command(
        settings_from(args), args.paths, url=args.url, published_at=args.published_at, workers=args.workers
    )
