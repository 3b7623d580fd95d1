"""``newswire offsets``: consumer-group offsets: show, reset."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from services.cli.commands._shared import connection_options, settings_from

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("offsets", help="consumer-group offsets: show, reset")
    offsets_sub = parser.add_subparsers(dest="offsets_command", required=True)
    show = offsets_sub.add_parser("show", help="committed offset, end and lag per partition")
    connection_options(show)
    show.add_argument("--group", help="one group (default: newswire's groups and every listed group)")
    show.add_argument("--topic", action="append", default=[], help="full topic name (repeatable)")
    reset = offsets_sub.add_parser("reset", help="move a group's offsets (the group must be stopped)")
    connection_options(reset)
    reset.add_argument("--group", required=True)
    reset.add_argument(
        "--to", required=True, help="earliest | latest | ISO datetime with offset | PARTITION=OFFSET,..."
    )
    reset.add_argument("--topic", action="append", default=[], help="default: the topics it has offsets for")
    reset.add_argument("--dry-run", action="store_true", help="print the plan, change nothing")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from services.cli.ops import commands

    settings, console = settings_from(args), Console()
    if args.offsets_command == "show":
        return commands.offsets_show(settings, console, group=args.group, topics=args.topic)
    return commands.offsets_reset(
        settings, console, group=args.group, to=args.to, topics=args.topic, dry_run=args.dry_run
    )
