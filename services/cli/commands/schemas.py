"""``newswire schemas``: the JSON Schema files of the topic contracts."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("schemas", help="topic contracts")
    schemas_sub = parser.add_subparsers(dest="schemas_command", required=True)
    export = schemas_sub.add_parser("export", help="write the JSON Schema files")
    export.add_argument("--dir", type=Path, help="target directory (default: the schemas package)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from schemas.export import JSONSCHEMA_DIR, export

    for path in export(args.dir or JSONSCHEMA_DIR):
        print(path)
    return 0
