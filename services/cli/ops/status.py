"""``newswire status``: groups, lag and rates, refreshed in the terminal."""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from dataclasses import dataclass

from rich.console import Console
from rich.live import Live
from rich.table import Table

from services.cli.ops.offsets import PartitionOffsets, list_groups, show
from services.common.settings import KafkaSettings


@dataclass(frozen=True)
class GroupTopic:
    group: str
    topic: str
    committed: int
    end: int

    @property
    def lag(self) -> int:
        return max(self.end - self.committed, 0)


def aggregate(rows: list[PartitionOffsets]) -> dict[tuple[str, str], GroupTopic]:
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        if row.committed is None:
            continue
        sums[(row.group, row.topic)][0] += row.committed
        sums[(row.group, row.topic)][1] += row.end
    return {key: GroupTopic(key[0], key[1], c, e) for key, (c, e) in sums.items()}


def render(
    now: dict[tuple[str, str], GroupTopic], before: dict[tuple[str, str], GroupTopic], seconds: float
) -> Table:
    table = Table(
        "group",
        "topic",
        "committed",
        "end",
        "lag",
        "consumed/s",
        "produced/s",
        header_style="bold",
        caption=f"every {seconds:.0f} s; Ctrl-C to stop" if seconds else None,
    )
    for key in sorted(now):
        row = now[key]
        old = before.get(key)
        consumed = produced = "-"
        if old is not None and seconds > 0:
            consumed = f"{(row.committed - old.committed) / seconds:.1f}"
            produced = f"{(row.end - old.end) / seconds:.1f}"
        lag = f"[red]{row.lag}[/red]" if row.lag else "0"
        table.add_row(row.group, row.topic, str(row.committed), str(row.end), lag, consumed, produced)
    return table


async def snapshot(kafka: KafkaSettings) -> dict[tuple[str, str], GroupTopic]:
    return aggregate(await show(kafka, await list_groups(kafka)))


def status_view(kafka: KafkaSettings, console: Console, *, every_s: float, once: bool) -> int:
    current = asyncio.run(snapshot(kafka))
    if once:
        console.print(render(current, {}, 0.0))
        return 0
    with Live(render(current, {}, every_s), console=console, refresh_per_second=1) as live:
        try:
            while True:
                time.sleep(every_s)
                previous, current = current, asyncio.run(snapshot(kafka))
                live.update(render(current, previous, every_s))
        except KeyboardInterrupt:
            pass
    return 0
