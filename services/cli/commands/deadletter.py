"""``newswire deadletter``: dead letters: list, show, retry."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from services.cli.commands._shared import (
    STAGES,
    aware_datetime,
    connection_options,
    settings_from,
)

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("deadletter", help="dead letters: list, show, retry")
    letters_sub = parser.add_subparsers(dest="deadletter_command", required=True)
    for name, text in (
        ("list", "counts by stage and reason, and the latest letters"),
        ("retry", "re-inject the originals into their source topics"),
    ):
        command = letters_sub.add_parser(name, help=text)
        connection_options(command)
        command.add_argument("--stage", choices=STAGES)
        command.add_argument("--reason", help="e.g. timeout, http_404, invalid_json")
        command.add_argument("--since", type=aware_datetime, help="ISO datetime (UTC if no offset)")
        if name == "list":
            command.add_argument("--limit", type=int, default=20, help="latest letters to print")
        else:
            command.add_argument(
                "--max-attempts", type=int, default=3, help="give up after this many failures"
            )
            command.add_argument("--dry-run", action="store_true")
    show = letters_sub.add_parser("show", help="one letter: error and original payload")
    connection_options(show)
    show.add_argument("ref", help="PARTITION:OFFSET, as printed by `deadletter list`")
    show.add_argument("--full", action="store_true", help="print the whole original record")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from services.cli.ops import commands

    settings, console = settings_from(args), Console()
    if args.deadletter_command == "show":
        return commands.deadletter_show(settings, console, args.ref, full=args.full)
    if args.deadletter_command == "list":
        return commands.deadletter_list(
            settings, console, stage=args.stage, reason=args.reason, since=args.since, limit=args.limit
        )
    return commands.deadletter_retry(
        settings,
        console,
        stage=args.stage,
        reason=args.reason,
        since=args.since,
        max_attempts=args.max_attempts,
        dry_run=args.dry_run,
    )
