"""``newswire run``: fetcher, extractor, linker and sink as supervised processes."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from services.cli.commands._shared import connection_options, settings_from

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("run", help="run fetcher, extractor, linker and sink as supervised processes")
    connection_options(parser)
    parser.add_argument("--feed", action="append", default=[], help="feed URL to poll (repeatable)")
    parser.add_argument("--out", type=Path, help="Parquet output directory (env NEWSWIRE_SINK__OUT_DIR)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import asyncio
    from datetime import datetime

    from rich.console import Console

    from services.cli.pipeline import run_pipeline, with_broker

    settings = settings_from(args)
    console = Console()
    if not settings.fetcher.feeds:
        console.print("[red]no feeds: pass --feed URL or set NEWSWIRE_FETCHER__FEEDS[/red]")
        return 2
    if not settings.kafka.bootstrap:
        # The embedded broker forgets everything when it stops, so each run gets its own
        # output directory: offsets in file names must refer to this broker's topics.
        out_dir = Path(settings.sink.out_dir) / datetime.now().strftime("embedded-%Y%m%dT%H%M%S")
        settings = settings.model_copy(update={"sink": settings.sink.model_copy(update={"out_dir": out_dir})})
        console.print(f"no --bootstrap: using an embedded in-memory broker; output in [bold]{out_dir}[/bold]")
    with with_broker(settings, console, Path(settings.sink.out_dir) / "logs" / "broker.log") as live:
        asyncio.run(run_pipeline(live, console=console))
    console.print(f"stopped; Parquet output in {settings.sink.out_dir}")
    return 0
