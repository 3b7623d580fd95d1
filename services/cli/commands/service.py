"""``newswire service``: one of the four services in this process (for deployment)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from services.cli.commands._shared import connection_options, settings_from

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers

SERVICE_NAMES = ("fetcher", "extractor", "linker", "sink")


def register(sub: Subparsers) -> None:
    for name in SERVICE_NAMES:
        parser = sub.add_parser(name, help=f"run the {name} alone (for deployment)")
        connection_options(parser)
        if name == "fetcher":
            parser.add_argument("--feed", action="append", default=[], help="feed URL to poll (repeatable)")
        if name == "sink":
            parser.add_argument("--out", type=Path, help="Parquet output directory")
        parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if args.command == "linker":
        from services.linker.worker import run_linker

        return run_linker(settings)
    if args.command == "sink":
        from services.cli.services import run_sink

        return run_sink(settings)
    from services.cli.services import run_faust_service

    return run_faust_service(args.command, settings)
