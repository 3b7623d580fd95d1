"""``newswire demo``: the pipeline against the bundled sample site, and its result."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from services.cli.commands._shared import settings_from

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "demo", help="run the pipeline against the bundled sample site and show the result"
    )
    parser.add_argument("--out", type=Path, default=Path("demo-output"), help="directory for the demo's runs")
    parser.add_argument("--timeout", type=float, default=240.0, help="give up after this many seconds")
    parser.add_argument(
        "--ui", action="store_true", help="then serve newswire ui over the run's tables until Ctrl-C"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import logging

    from rich.console import Console

    from services.cli.demo import run_demo

    settings = settings_from(args, out_is_sink_dir=False)
    logging.getLogger().setLevel(logging.WARNING)
    return run_demo(settings, out_root=args.out, timeout_s=args.timeout, console=Console(), keep_ui=args.ui)
