"""``newswire ui``: the read-only web app over the Parquet tables (map, timeline, events, pipeline)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from services.cli.commands._shared import connection_options, settings_from

if TYPE_CHECKING:
    from services.cli.commands._shared import Subparsers


def register(sub: Subparsers) -> None:
    parser = sub.add_parser("ui", help="serve a web app over the Parquet tables (map, timeline, evidence)")
    parser.add_argument("--out", type=Path, help="the sink's output root (env NEWSWIRE_SINK__OUT_DIR)")
    parser.add_argument("--host", help="address to listen on (env NEWSWIRE_UI__HOST; default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (env NEWSWIRE_UI__PORT; default 8765, 0: any)")
    parser.add_argument("--token", help="access token, required off loopback (env NEWSWIRE_UI__TOKEN)")
    parser.add_argument(
        "--feeds", action="store_true", help="show feed health, read from the broker's feed-status topic"
    )
    connection_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import asyncio
    import contextlib

    from rich.console import Console

    from services.sink.storage import open_storage
    from services.ui import RunningUI, UIRefused, check_binding, serve
    from services.ui.server import is_loopback

    settings = settings_from(args)
    flags = {"host": args.host, "port": args.port, "token": args.token}
    updates = {k: v for k, v in flags.items() if v is not None}
    ui_settings = settings.ui.model_validate({**settings.ui.model_dump(), **updates})
    console = Console()
    try:
        check_binding(ui_settings)
    except UIRefused as exc:
        console.print(f"[red]{exc}[/red]")
        return 2
    if not is_loopback(ui_settings.host):
        console.print(
            f"[yellow]warning: listening on {ui_settings.host}: anyone who can reach it and has the "
            "token can read every table[/yellow]"
        )

    def ready(ui: RunningUI) -> None:
        console.print(f"newswire ui on [bold]{ui.url}[/bold] (Ctrl-C to stop)", soft_wrap=True)

    storage = open_storage(settings.sink)
    kafka = settings.kafka if args.feeds or args.bootstrap else None
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(storage, ui_settings, kafka=kafka, on_ready=ready))
    return 0
