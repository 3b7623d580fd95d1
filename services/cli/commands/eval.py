"""``newswire eval``: score the event extractor on a gold file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from services.cli.commands._shared import settings_from

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("eval", help="score the event extractor on a gold file (seed-events.json format)")
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument(
        "--pages", type=Path, help="directory of the gold articles' pages (default: the sample site)"
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss and extra record")
    parser.add_argument(
        "--split", type=Path, help="a JSON file of parts (article ids), e.g. bench/dev_split.json"
    )
    parser.add_argument("--part", help="score only this part of --split (e.g. tune, check)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from services.cli.evaluate import eval_command

    settings_from(args)  # logging, and a broken environment is reported as for every command
    return eval_command(
        args.gold, args.pages, Console(), verbose=args.verbose, split=args.split, part=args.part
    )
