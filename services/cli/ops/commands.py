"""The operator commands' terminal side: argument handling and rich output."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table

from schemas import encode
from services.cli.bars import files_progress
from services.cli.ops import backfill, deadletters, offsets, reextract, topics
from services.cli.ops import ingest as ingest_files
from services.cli.ops.ranges import TimeRange, plan_range
from services.common.kafka import BoundedProducer, ensure_topics
from services.common.settings import ExtractorSettings, Settings
from services.common.topics import TopicNames, app_id
from services.sink.storage import LocalStorage
from services.sink.tables import TABLES


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


def topics_list(settings: Settings, console: Console) -> int:
    infos = asyncio.run(topics.describe(settings.kafka))
    table = Table(header_style="bold", caption="contracts: schemas/jsonschema/<contract>.json")
    for column in ("topic", "partitions", "messages", "key", "contract", "schema"):
        table.add_column(column, overflow="fold")
    for info in infos:
        if not info.exists:
            table.add_row(info.name, "-", "-", info.key, info.contract, "(not created yet)")
            continue
        table.add_row(
            info.name,
            str(info.partitions),
            str(info.messages),
            info.key,
            info.contract,
            f"v{info.schema_version}",
        )
    console.print(table)
    return 0


def deadletter_list(
    settings: Settings,
    console: Console,
    *,
    stage: str | None,
    reason: str | None,
    since: datetime | None,
    limit: int,
) -> int:
    listing = asyncio.run(
        deadletters.list_letters(settings.kafka, deadletters.Filters(stage, reason, since), limit)
    )
    summary = Table("stage", "reason", "letters", header_style="bold")
    for (letter_stage, letter_reason), n in sorted(listing.counts.items()):
        summary.add_row(letter_stage, letter_reason, str(n))
    console.print(summary)
    recent = Table(
        "ref", "last failed", "stage", "reason", "attempts", "subject / message", header_style="bold"
    )
    for stored in listing.latest:
        letter = stored.letter
        recent.add_row(
            stored.ref,
            letter.last_failed_at.isoformat(timespec="seconds"),
            letter.stage,
            letter.reason,
            str(listing.attempts[stored.identity]),
            (letter.subject or letter.message)[:100],
        )
    console.print(recent)
    if listing.undecodable:
        console.print(f"[yellow]{listing.undecodable} records on the topic are not dead letters[/yellow]")
    console.print(f"{listing.matched} of {listing.total} dead letters match")
    return 0


def deadletter_show(settings: Settings, console: Console, ref: str, *, full: bool) -> int:
    try:
        partition, offset = (int(part) for part in ref.split(":"))
    except ValueError:
        console.print(f"[red]{ref!r}: use PARTITION:OFFSET from `deadletter list`[/red]")
        return 2
    found = asyncio.run(deadletters.read_one(settings.kafka, partition, offset))
    if found is None:
        console.print(f"[red]no dead letter at {ref} (use PARTITION:OFFSET from `deadletter list`)[/red]")
        return 2
    letter = found.letter
    for name, value in letter.model_dump(exclude={"original_b64"}).items():
        console.print(f"[bold]{name}[/bold]: {value}")
    attempts = asyncio.run(deadletters.attempts_of(settings.kafka, found.identity))
    console.print(f"[bold]attempts so far[/bold]: {attempts}")
    original = found.original.decode("utf-8", errors="replace")
    shown = (
        original
        if full or len(original) <= 2000
        else original[:2000] + f"... ({len(original)} chars; --full)"
    )
    console.print("[bold]original record[/bold]:", markup=True)
    console.print(shown, markup=False, highlight=False)
    return 0


def deadletter_retry(
    settings: Settings,
    console: Console,
    *,
    stage: str | None,
    reason: str | None,
    since: datetime | None,
    max_attempts: int,
    dry_run: bool,
) -> int:
    plans = asyncio.run(
        deadletters.plan_retries(settings.kafka, deadletters.Filters(stage, reason, since), max_attempts)
    )
    table = Table("ref", "stage", "reason", "attempt", "re-inject into", header_style="bold")
    for plan in plans:
        letter = plan.stored.letter
        table.add_row(
            plan.stored.ref,
            letter.stage,
            letter.reason,
            str(plan.attempt),
            plan.topic or f"- ({plan.why_not})",
        )
    console.print(table)
    if dry_run:
        console.print(f"dry run: {sum(p.topic is not None for p in plans)} records would be re-injected")
        return 0
    sent = asyncio.run(deadletters.retry(settings.kafka, plans))
    console.print(f"re-injected {sent} records; {len(plans) - sent} left alone")
    return 0


def ingest(
    settings: Settings, console: Console, *, warc: list[Path], html_dir: Path | None, url_map: Path | None
) -> int:
    """Push saved pages into ``pages``; each is acknowledged by the broker before the next is read."""
    report = ingest_files.IngestReport()
    limits = settings.fetcher
    total: int | None = None  # a WARC's record count is known only once it is read
    if html_dir is not None:
        if url_map is None:
            console.print("[red]--url-map FILE is required: which URL each saved page came from[/red]")
            return 2
        urls = ingest_files.read_url_map(url_map)
        total = len(urls)
        pages = ingest_files.html_pages(html_dir, urls, limits, report)
    else:
        pages = (page for path in warc for page in ingest_files.warc_pages(path, limits, report))
    topic = TopicNames.from_settings(settings.kafka).pages

    async def go() -> None:
        await ensure_topics(settings.kafka, TopicNames.from_settings(settings.kafka).all())
        producer = BoundedProducer(settings.kafka, client_id=app_id(settings.kafka, "ingest"))
        await producer.start()
        try:
            with files_progress(console, total=total) as progress:
                task = progress.add_task("pages sent", total=total)
                for page in pages:
                    await producer.send(topic, encode(page), key=page.article_id.encode())
                    progress.advance(task)
        finally:
            await producer.stop()

    asyncio.run(go())
    skipped = ", ".join(f"{reason} {n}" for reason, n in sorted(report.skipped.items())) or "none"
    console.print(f"{report.pages} pages sent to {topic}; skipped: {skipped}")
    return 0


def _print_plan(settings: Settings, console: Console, topic: str, window: TimeRange) -> None:
    ranges = asyncio.run(plan_range(settings.kafka, topic, window))
    table = Table("topic", "partition", "from offset", "to offset (excl.)", "records", header_style="bold")
    for tp, (start, stop) in sorted(ranges.items()):
        table.add_row(tp.topic, str(tp.partition), str(start), str(stop), str(stop - start))
    console.print(table)
    console.print(f"dry run: {sum(stop - start for start, stop in ranges.values())} records would be read")


def backfill_table(
    settings: Settings,
    console: Console,
    *,
    table: str,
    since: datetime,
    until: datetime | None,
    out: Path,
    dry_run: bool = False,
) -> int:
    if out.resolve() == settings.sink.out_dir.resolve():
        console.print("[red]--out must not be the live sink's output directory[/red]")
        return 2
    if dry_run:
        topic = getattr(TopicNames.from_settings(settings.kafka), TABLES[table].topic_attr)
        _print_plan(settings, console, topic, TimeRange(since, until))
        return 0
    storage = LocalStorage(out)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=console,
    ) as progress:
        task = progress.add_task(f"{table} records", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        report = asyncio.run(
            backfill.backfill(
                settings.kafka,
                storage,
                table,
                since=since,
                until=until,
                batch_records=settings.sink.max_records,
                dedup_capacity=settings.sink.dedup_capacity,
                on_progress=advance,
            )
        )
    console.print(
        f"{report.rows} rows in {report.files} files under {storage.location(table)} "
        f"({report.records} records read, {report.undecodable} undecodable, "
        f"{report.duplicates} repeated records written once)"
    )
    return 0


def _extractor_overrides(settings: Settings, assignments: list[str]) -> ExtractorSettings:
    """``NAME=VALUE`` overrides of the extractor settings, validated like the environment's."""
    values: dict[str, Any] = settings.extractor.model_dump()
    for assignment in assignments:
        name, _, value = assignment.partition("=")
        if name not in values:
            raise ValueError(f"unknown extractor setting {name!r}; known: {', '.join(sorted(values))}")
        values[name] = value
    return ExtractorSettings.model_validate(values)


def reextract_pages(
    settings: Settings,
    console: Console,
    *,
    since: datetime,
    until: datetime | None,
    tag: str,
    overrides: list[str],
    dry_run: bool = False,
) -> int:
    try:
        extractor_settings = _extractor_overrides(settings, overrides)
        articles_topic, events_topic = reextract.versioned_topics(settings.kafka, tag)
    except (ValueError, ValidationError) as exc:
        console.print(f"[red]{exc}[/red]")
        return 2
    if dry_run:
        _print_plan(
            settings, console, TopicNames.from_settings(settings.kafka).pages, TimeRange(since, until)
        )
        console.print(f"outputs: {articles_topic}, {events_topic}")
        return 0
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
    ) as progress:
        task = progress.add_task("pages", total=None)
        report = asyncio.run(
            reextract.reextract(
                settings.kafka,
                extractor_settings,
                TimeRange(since, until),
                tag,
                on_progress=lambda done, total: progress.update(task, completed=done, total=total),
            )
        )
    failures = ", ".join(f"{name} {n}" for name, n in sorted(report.failures.items())) or "none"
    console.print(
        f"{report.pages} pages read: {report.articles} articles to {articles_topic}, "
        f"{report.events} event mentions to {events_topic}; failures: {failures}"
    )
    return 0


def diff_versions(settings: Settings, console: Console, *, base: str, new: str) -> int:
    try:
        result = asyncio.run(reextract.diff(settings.kafka, base, new))
    except ValueError as exc:
        console.print(f"[red]{exc}[/red]")
        return 2
    console.print(
        f"articles: {result.base_articles} in {base}, {result.new_articles} in {new}; "
        f"{len(result.added)} added, {len(result.removed)} removed, "
        f"{sum(1 for _ in result.changed_fields)} fields changed"
    )
    for label, ids in (("added", result.added), ("removed", result.removed)):
        for article_id in ids[:5]:
            console.print(f"  {label}: {article_id}")
    if result.changed_fields:
        table = Table("field", "articles changed", "examples (old -> new)", header_style="bold")
        for name, n in result.changed_fields.most_common():
            table.add_row(name, str(n), "\n".join(result.examples.get(name, [])))
        console.print(table)
    console.print(
        f"event mentions: {result.base_events} in {base}, {result.new_events} in {new}; "
        f"{len(result.events_added)} added, {len(result.events_removed)} removed"
    )
    for label, events in (("+", result.events_added), ("-", result.events_removed)):
        for line in events[:10]:
            console.print(f"  {label} {line}", markup=False)
    return 0
