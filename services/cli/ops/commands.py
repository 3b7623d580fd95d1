"""The operator commands' terminal side: argument handling and rich output."""

from __future__ import annotations

import asyncio

from rich.console import Console
from rich.table import Table

from services.cli.ops import offsets
from services.common.settings import Settings
from services.common.topics import app_id


def offsets_show(settings: Settings, console: Console, *, group: str | None, topics: list[str]) -> int:
    kafka = settings.kafka
    groups = [group] if group else asyncio.run(offsets.list_groups(kafka))
    rows = asyncio.run(offsets.show(kafka, groups, topics or None))
    table = Table("group", "topic", "partition", "committed", "end", "lag", header_style="bold")
    for row in rows:
        committed = "-" if row.committed is None else str(row.committed)
        lag = "-" if row.lag is None else str(row.lag)
        table.add_row(row.group, row.topic, str(row.partition), committed, str(row.end), lag)
    console.print(table if rows else "no committed offsets")
    return 0


def offsets_reset(
    settings: Settings, console: Console, *, group: str, to: str, topics: list[str], dry_run: bool
) -> int:
    kafka = settings.kafka
    if group == app_id(kafka, "sink"):
        console.print(
            "[yellow]note: the sink resumes from its files' names, not from committed offsets; "
            "to rewrite Parquet for a period use `newswire backfill`[/yellow]"
        )
    try:
        if not topics:
            topics = sorted({r.topic for r in asyncio.run(offsets.show(kafka, [group]))})
            if not topics:
                console.print(
                    f"[red]group {group} has no committed offsets: name the topics with --topic[/red]"
                )
                return 2
        planned = asyncio.run(offsets.plan(kafka, group, topics, to))
        table = Table("topic", "partition", "committed", "new offset", header_style="bold")
        for p in planned:
            table.add_row(
                p.topic, str(p.partition), "-" if p.current is None else str(p.current), str(p.target)
            )
        console.print(table)
        if dry_run:
            console.print("dry run: nothing changed")
            return 0
        asyncio.run(offsets.apply(kafka, group, planned))
    except (offsets.ResetRefused, ValueError) as exc:
        console.print(f"[red]refused: {exc}[/red]")
        return 3
    console.print(f"group {group}: {len(planned)} partitions reset")
    return 0
