"""``newswire compact TABLE``: merge the small files of closed date partitions (sink/compaction.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from rich.console import Console

from services.common.settings import Settings
from services.sink.compaction import compact_table
from services.sink.storage import StorageError, open_storage

MiB = 1024 * 1024


def compact_command(
    settings: Settings,
    console: Console,
    table: str,
    *,
    before: date | None,
    include_unknown: bool,
    target_mb: int,
    dry_run: bool,
) -> int:
    try:
        storage = open_storage(settings.sink)
    except (StorageError, OSError) as exc:
        console.print(f"[red]{exc}[/red]")
        return 2
    day = (before or datetime.now(UTC).date()).isoformat()
    report = compact_table(
        storage,
        table,
        before=day,
        include_unknown=include_unknown,
        target_bytes=target_mb * MiB,
        dry_run=dry_run,
    )
    where = storage.location(table)
    if report.finished_earlier:
        console.print(f"finished an interrupted compaction: deleted {report.finished_earlier} replaced files")
    if not report.written:
        console.print(f"{where}: nothing to compact before {day}")
        return 0
    verb = "would merge" if dry_run else "merged"
    console.print(
        f"{where}: {verb} {report.files_in} files ({report.bytes_in / MiB:.1f} MiB) in "
        f"{report.partitions} partitions before {day} into {len(report.written)} files"
        + ("" if dry_run else f" ({report.bytes_out / MiB:.1f} MiB, {report.rows} rows)")
    )
    for path in report.written:
        console.print(f"  {path}")
    return 0
