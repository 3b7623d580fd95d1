"""Pipeline progress read from where the work lands: topic end offsets and the Parquet files.

Nothing is reported by the children themselves, so the view stays true even
while a child restarts, and the same figures are what a user would query.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq
from aiokafka import TopicPartition
from rich.console import Group
from rich.table import Table

from schemas import FeedStatus
from services.cli.supervisor import Supervisor
from services.common.feed_status import FeedStatusReader
from services.common.kafka import reader_consumer
from services.common.settings import KafkaSettings
from services.common.topics import TopicNames


@dataclass
class Progress:
    feeds: dict[str, FeedStatus] = field(default_factory=dict)  # latest status per feed
    feeds_polled: int = 0
    urls_discovered: int = 0
    pages_fetched: int = 0
    articles_extracted: int = 0
    dead_letters: int = 0
    rows_written: int = 0
    events_extracted: int = 0
    event_rows_written: int = 0
    event_mentions_written: int = 0  # rows of the events table with record_kind == "event"
    cluster_versions: int = 0  # records on event-clusters (one per linked mention, or more)
    cluster_rows_written: int = 0


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


def count_event_mentions(table_dir: Path, cache: dict[Path, int] | None = None) -> int:
    """Rows of the events table that are events (not aggregates, statistics or background).

    A committed file never changes, so ``cache`` keeps each file's count: the probe reads every
    half second, and reading the whole column each time made its cost and memory grow with the
    table."""
    cache = {} if cache is None else cache
    total = 0
    for path in table_dir.glob("*/*.parquet"):
        if path not in cache:
            try:
                kinds = pq.read_table(path, columns=["record_kind"]).column("record_kind").to_pylist()
            except OSError:  # removed by a concurrent recovery; count it next time
                continue
            cache[path] = sum(1 for kind in kinds if kind == "event")
        total += cache[path]
    return total


class ProgressProbe:
    def __init__(self, kafka: KafkaSettings, topics: TopicNames, out_dir: Path) -> None:
        self._topics = topics
        self._out_dir = out_dir
        self._consumer = reader_consumer(kafka)
        self._statuses = FeedStatusReader(kafka)  # a second consumer, for the health table
        self._row_cache: dict[Path, int] = {}
        self._event_row_cache: dict[Path, int] = {}
        self._cluster_row_cache: dict[Path, int] = {}
        self._event_mention_cache: dict[Path, int] = {}

    async def start(self) -> None:
        await asyncio.wait_for(self._consumer.start(), 30)

    async def stop(self) -> None:
        await asyncio.wait_for(self._consumer.stop(), 10)
        await self._statuses.close()

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
        feeds_polled = await self._total(t.feed_status)
        await self._statuses.read()
        return Progress(
            feeds=dict(self._statuses.feeds),
            feeds_polled=feeds_polled,
            urls_discovered=await self._total(t.urls),
            pages_fetched=await self._total(t.pages),
            articles_extracted=await self._total(t.articles),
            dead_letters=await self._total(t.deadletter),
            rows_written=count_parquet_rows(self._out_dir / "articles", self._row_cache),
            events_extracted=await self._total(t.events),
            event_rows_written=count_parquet_rows(self._out_dir / "events", self._event_row_cache),
            event_mentions_written=count_event_mentions(self._out_dir / "events", self._event_mention_cache),
            cluster_versions=await self._total(t.event_clusters),
            cluster_rows_written=count_parquet_rows(
                self._out_dir / "event_clusters", self._cluster_row_cache
            ),
        )


def feed_health(progress: Progress) -> Table:
    table = Table(title="feeds", show_header=True, header_style="bold")
    for column in ("feed", "kind", "last poll", "new", "last new item", "304/unchanged", "errors", "next in"):
        table.add_column(column, overflow="fold")
    for status in sorted(progress.feeds.values(), key=lambda s: s.feed_url):
        outcome = {"ok": "[green]ok[/green]", "not_modified": "unchanged", "error": "[red]error[/red]"}[
            status.outcome
        ]
        last_new = status.last_new_item_at.strftime("%H:%M:%S") if status.last_new_item_at else "-"
        table.add_row(
            status.feed_name or status.feed_url,
            status.kind or "-",
            f"{outcome} ({status.polls} polls)",
            str(status.new_entries),
            last_new,
            f"{status.not_modified_ratio:.0%}",
            str(status.consecutive_errors),
            f"{status.interval_s:.0f}s",
        )
    return table


def render_all(progress: Progress, supervisor: Supervisor, title: str) -> Group:
    return Group(render(progress, supervisor, title), feed_health(progress))


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
        ("event mentions extracted", progress.events_extracted),
        ("rows written (events)", progress.event_rows_written),
        ("event-cluster versions", progress.cluster_versions),
        ("rows written (event_clusters)", progress.cluster_rows_written),
        ("dead letters", progress.dead_letters),
    ):
        table.add_row(label, str(value))
    for child in supervisor.children:
        note = f" (restarts: {child.restarts})" if child.restarts else ""
        table.add_row(f"[dim]{child.name}[/dim]", f"[dim]{child.state}{note}[/dim]")
    return table
