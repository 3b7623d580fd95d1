"""Per-partition buffers and the rules that decide when they are flushed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from services.common.settings import SinkSettings


@dataclass
class PartitionBuffer:
    """Rows read from one topic partition since its last flush, grouped by date partition.

    ``first_offset``/``last_offset`` cover every offset consumed, including
    records that were dead-lettered, so consecutive files' ranges are contiguous.
    """

    topic: str
    partition: int
    rows_by_date: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    first_offset: int | None = None
    last_offset: int | None = None
    records: int = 0
    bytes: int = 0
    oldest_at: float | None = None  # monotonic time of the first buffered record
    last_at: float | None = None
    identities: set[tuple[Any, ...]] = field(default_factory=set)  # of the rows, when the table has them
    skipped_duplicates: int = 0

    def note_offset(self, offset: int, size: int, now: float) -> None:
        if self.first_offset is None:
            self.first_offset = offset
            self.oldest_at = now
        self.last_offset = offset
        self.records += 1
        self.bytes += size
        self.last_at = now

    def add_row(self, date_key: str, row: dict[str, Any]) -> None:
        self.rows_by_date[date_key].append(row)

    @property
    def empty(self) -> bool:
        return self.first_offset is None

    def full(self, settings: SinkSettings) -> bool:
        return self.records >= settings.max_records or self.bytes >= settings.max_bytes

    def flush_reason(self, settings: SinkSettings, now: float) -> str | None:
        """Why this buffer must be flushed now, or None."""
        if self.empty:
            return None
        if self.records >= settings.max_records:
            return "records"
        if self.bytes >= settings.max_bytes:
            return "bytes"
        if self.oldest_at is not None and now - self.oldest_at >= settings.max_age_s:
            return "age"
        if self.last_at is not None and now - self.last_at >= settings.idle_flush_s:
            return "idle"
        return None
