"""``newswire topics``: topics with partitions, messages, key and contract."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from services.cli.commands._shared import connection_options, settings_from

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("topics", help="topics with partitions, messages, key and contract")
    connection_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from services.cli.ops import commands

    return commands.topics_list(settings_from(args), Console())
