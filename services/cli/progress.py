"""Pipeline progress read from where the work lands: topic end offsets and the Parquet files.

Nothing is reported by the children themselves, so the view stays true even
while a child restarts, and the same figures are what a user would query.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
from aiokafka import AIOKafkaConsumer, TopicPartition
from rich.table import Table

from services.cli.supervisor import Supervisor
from services.common.topics import TopicNames


@dataclass
class Progress:
    feeds_polled: int = 0
    urls_discovered: int = 0
    pages_fetched: int = 0
    articles_extracted: int = 0
    dead_letters: int = 0
    rows_written: int = 0


def count_parquet_rows(table_dir: Path, cache: dict[Path, int] | None = None) -> int:
    """Rows in the committed data files of a table (temp files are hidden and skipped)."""
    cache = {} if cache is None else cache
    total = 0
    for path in table_dir.glob("*/*.parquet"):
        if path not in cache:
            try:
                cache[path] = pq.read_metadata(path).num_rows
            except OSError:  # removed by a concurrent recovery; count it next time
                continue
        total += cache[path]
    return total


class ProgressProbe:
    def __init__(self, bootstrap: str, topics: TopicNames, out_dir: Path) -> None:
        self._topics = topics
        self._out_dir = out_dir
        self._consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
        self._row_cache: dict[Path, int] = {}

    async def start(self) -> None:
        await asyncio.wait_for(self._consumer.start(), 30)

    async def stop(self) -> None:
        await asyncio.wait_for(self._consumer.stop(), 10)

    async def _total(self, topic: str) -> int:
        partitions = self._consumer.partitions_for_topic(topic)
        if not partitions:
            await self._consumer.topics()  # refresh metadata
            partitions = self._consumer.partitions_for_topic(topic) or set()
        if not partitions:
            return 0
        ends = await self._consumer.end_offsets([TopicPartition(topic, p) for p in partitions])
        return sum(ends.values())

    async def read(self) -> Progress:
        t = self._topics
        return Progress(
            feeds_polled=await self._total(t.feed_status),
            urls_discovered=await self._total(t.urls),
            pages_fetched=await self._total(t.pages),
            articles_extracted=await self._total(t.articles),
            dead_letters=await self._total(t.deadletter),
            rows_written=count_parquet_rows(self._out_dir / "articles", self._row_cache),
        )


def render(progress: Progress, supervisor: Supervisor, title: str) -> Table:
    table = Table(title=title, show_header=True, header_style="bold")
    table.add_column("stage")
    table.add_column("count", justify="right")
    for label, value in (
        ("feed polls", progress.feeds_polled),
        ("URLs discovered (incl. re-polls)", progress.urls_discovered),
        ("pages fetched", progress.pages_fetched),
        ("articles extracted", progress.articles_extracted),
        ("rows written (articles)", progress.rows_written),
        ("dead letters", progress.dead_letters),
    ):
        table.add_row(label, str(value))
    for child in supervisor.children:
        note = f" (restarts: {child.restarts})" if child.restarts else ""
        table.add_row(f"[dim]{child.name}[/dim]", f"[dim]{child.state}{note}[/dim]")
    return table
