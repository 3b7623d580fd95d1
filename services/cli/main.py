"""``newswire``: one entry point for the services, the supervisor, the demo and the tooling.

Each command lives in its own module of ``services.cli.commands``, which registers its
options and its ``run``. Settings come from the environment (``NEWSWIRE_*``), overridden by
the flags a command was given; each command builds them once and passes them down.
"""

from __future__ import annotations

import argparse

from services.cli.commands import COMMANDS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newswire", description="Streaming news ingestion into Kafka and Parquet."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
