"""``newswire check``: a readiness probe for containers and operators."""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

from rich.console import Console

from services.common.kafka import admin_client
from services.common.settings import Settings
from services.common.topics import TopicNames


async def _missing_topics(settings: Settings, timeout_s: float) -> list[str]:
    admin = admin_client(settings.kafka, timeout_s=timeout_s)
    await asyncio.wait_for(admin.start(), timeout_s)
    try:
        existing = set(await asyncio.wait_for(admin.list_topics(), timeout_s))
    finally:
        await asyncio.wait_for(admin.close(), timeout_s)
    return [t for t in TopicNames.from_settings(settings.kafka).all() if t not in existing]


def unreadable_data_files(out_dir: Path) -> list[tuple[str, str]]:
    """Every visible data file of the tables under ``out_dir`` whose Parquet footer does not read."""
    from services.sink.storage import LocalStorage, readable_files
    from services.sink.tables import TABLES

    storage = LocalStorage(out_dir)
    return [
        (f"{table}/{file.path}", why)
        for table in TABLES
        if (out_dir / table).is_dir()
        for file, why in readable_files(storage, table)[1]
    ]


def check(
    settings: Settings,
    console: Console,
    *,
    out_dir: Path | None,
    timeout_s: float = 10.0,
    stall_window_s: float | None = None,
    verify_files: bool = False,
) -> int:
    if not settings.kafka.bootstrap:
        console.print("[red]no Kafka bootstrap configured[/red]")
        return 2
    try:
        missing = asyncio.run(_missing_topics(settings, timeout_s))
    except Exception as exc:
        console.print(f"[red]Kafka at {settings.kafka.bootstrap} not reachable: {exc!r}[/red]")
        return 1
    if missing:
        console.print(f"[red]topics missing: {', '.join(missing)}[/red]")
        return 1
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=out_dir, prefix=".check-"):
                pass
        except OSError as exc:
            console.print(f"[red]{out_dir} not writable: {exc}[/red]")
            return 1
        if not os.access(out_dir, os.W_OK):
            return 1
        if verify_files and (damaged := unreadable_data_files(out_dir)):
            # the sink repairs only a torn last batch; a file damaged later stays, and readers skip it
            for where, why in damaged:
                console.print(f"[red]unreadable data file {where}: {why}[/red]")
            return 1
    if stall_window_s is not None:
        from services.cli.watchdog import stalled_over

        stalled = asyncio.run(stalled_over(settings.kafka, stall_window_s))
        if stalled:
            for service, count in stalled.items():
                console.print(
                    f"[red]{service} stalled: {count} records waiting, no commit in {stall_window_s:g}s[/red]"
                )
            return 1
    console.print(f"ok: Kafka at {settings.kafka.bootstrap}, all topics present")
    return 0
