"""The sink's tables as the UI reads them: one in-memory DuckDB per version of the file listing.

The views filter and group whole tables on every click, so the rows they need are loaded once into
DuckDB tables (``ui_events``: one row per real-world event, or per mention of the other record
kinds; ``ui_sites``: one row per site with coordinates); articles and dead letters stay views over
the Parquet files, read by key. A new file in any table (the sink commits files, never changes one)
makes a new snapshot, built in a thread while the old one keeps answering.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from services.sink.queries import LATEST_CLUSTERS_OF, connect_tables
from services.sink.storage import Storage
from services.sink.tables import TABLES

# One shape for both sources: the latest version of each linked event, and the mentions of the
# kinds the linker does not link (aggregates, statistics, background), which stand alone.
_SITE = (
    "{{'name': {s}.name, 'country': {s}.country, 'lat': {s}.lat, 'lon': {s}.lon, "
    "'count': {s}.count, 'precision': {s}.precision, 'role': {s}.role}}"
)
UI_EVENTS = f"""
CREATE TABLE ui_events AS
WITH latest AS ({LATEST_CLUSTERS_OF.format(source="event_clusters")}),
mention_text AS (
    SELECT mention_id, array_to_string(list_transform(evidence, lambda s: s.text), ' ') AS evidence_text
    FROM events
),
event_text AS (
    SELECT l.event_id, string_agg(t.evidence_text, ' ') AS evidence_text
    FROM (SELECT event_id, UNNEST(mention_ids) AS mention_id FROM latest) AS l
    JOIN mention_text AS t USING (mention_id)
    GROUP BY l.event_id
)
SELECT
    c.event_id AS id, 'event' AS record_kind, c.subtype, c.event_type,
    c.time.start AS day_start, coalesce(c.time."end", c.time.start) AS day_end,
    c.time.precision AS time_precision, c.n_sources, c.n_outlets, c.countries,
    list_distinct(list_transform(c.actors, lambda a: a.name)) AS actors,
    c.affiliations AS groups,
    list_transform(c.sites, lambda x: {_SITE.format(s="x.site")}) AS sites,
    c.summary,
    lower(coalesce(t.evidence_text, c.summary)) AS search_text
FROM latest AS c LEFT JOIN event_text AS t USING (event_id)
UNION ALL BY NAME
SELECT
    m.mention_id AS id, m.record_kind, m.subtype, m.event_type,
    m.time.start AS day_start, coalesce(m.time."end", m.time.start) AS day_end,
    m.time.precision AS time_precision, 1 AS n_sources, 1 AS n_outlets,
    list_sort(list_distinct(list_filter(
        list_concat(list_transform(m.actors, lambda a: a.country),
                    list_transform(m.sites, lambda s: s.country)),
        lambda c: c IS NOT NULL))) AS countries,
    list_distinct(list_transform(m.actors, lambda a: a.name)) AS actors,
    list_distinct(list_filter(list_transform(m.targets, lambda t: t.affiliation),
                              lambda g: g IS NOT NULL)) AS groups,
    list_transform(m.sites, lambda x: {_SITE.format(s="x")}) AS sites,
    left(t.evidence_text, 600) AS summary,
    lower(t.evidence_text) AS search_text
FROM events AS m JOIN mention_text AS t USING (mention_id)
WHERE m.record_kind <> 'event'
"""  # noqa: S608 - fixed fragments, no request values

UI_SITES = """
CREATE TABLE ui_sites AS
SELECT id, s.name, s.country, s.lat, s.lon, s.count, s.role
FROM (SELECT id, UNNEST(sites) AS s FROM ui_events)
WHERE s.lat IS NOT NULL AND s.lon IS NOT NULL
"""

# Which real-world event each mention was linked to, for the article page.
UI_MENTION_EVENTS = f"""
CREATE TABLE ui_mention_events AS
SELECT UNNEST(mention_ids) AS mention_id, event_id
FROM ({LATEST_CLUSTERS_OF.format(source="event_clusters")})
"""  # noqa: S608


@dataclass
class Snapshot:
    """A DuckDB connection over one version of the tables; query it through :meth:`cursor`."""

    connection: Any
    listing: tuple[tuple[str, str, int], ...]
    loaded_at: float  # time.time() when this version was read: the tables changed then
    skipped: list[tuple[str, str]] = field(default_factory=list)  # unreadable files (location, why)
    registered: dict[str, Any] = field(default_factory=dict)  # Arrow datasets behind views (S3)

    def cursor(self) -> Any:
        # a cursor per query: one DuckDB connection is not safe to share between threads; objects
        # registered on the connection are not visible to its cursors, so each gets them again
        cursor = self.connection.cursor()
        for name, dataset in self.registered.items():
            cursor.register(name, dataset)
        return cursor


def _listing(storage: Storage) -> tuple[tuple[str, str, int], ...]:
    rows = []
    for name in TABLES:
        for stored in storage.list_files(name):
            rows.append((name, stored.path, stored.size))
    return tuple(sorted(rows))


def load_snapshot(storage: Storage) -> Snapshot:
    listing = _listing(storage)
    skipped: list[tuple[str, str]] = []
    registered: dict[str, Any] = {}
    con = connect_tables(storage, skipped, registered)
    for name, spec in TABLES.items():
        if not _has_view(con, name):
            # no file yet: an empty table of the contract's columns, so every query still runs
            empty = pa.Table.from_batches([], schema=spec.schema.append(pa.field("date", pa.string())))
            con.register("empty_table", empty)
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM empty_table")  # noqa: S608 - from TABLES
            con.unregister("empty_table")
    con.execute(UI_EVENTS)
    con.execute(UI_SITES)
    con.execute(UI_MENTION_EVENTS)
    return Snapshot(con, listing, time.time(), skipped, registered)


def _has_view(con: Any, name: str) -> bool:
    found = con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = ?", [name]).fetchall()
    return bool(found[0][0])


class TableStore:
    """The current snapshot of the tables. At most every ``refresh_s`` a request looks at the file
    listing; when it changed, a background thread loads a new snapshot while every request keeps
    the old one, so no request waits for a reload."""

    def __init__(self, storage: Storage, *, refresh_s: float = 2.0) -> None:
        self._storage = storage
        self._refresh_s = refresh_s
        self._lock = threading.Lock()
        self._loading = threading.Lock()
        self._snapshot = load_snapshot(storage)
        self._checked_at = time.monotonic()
        self.last_error: str | None = None  # why the latest reload failed, if it did

    @property
    def location(self) -> str:
        return self._storage.location("")

    def current(self) -> Snapshot:
        now = time.monotonic()
        with self._lock:
            due = now - self._checked_at >= self._refresh_s
            if due:
                self._checked_at = now
            snapshot = self._snapshot
        if due and self._loading.acquire(blocking=False):
            threading.Thread(target=self._reload, args=(snapshot,), daemon=True).start()
        return snapshot

    def _reload(self, seen: Snapshot) -> None:
        try:
            if _listing(self._storage) != seen.listing:
                fresh = load_snapshot(self._storage)
                with self._lock:
                    self._snapshot = fresh
            self.last_error = None
        except Exception as exc:  # storage away for a moment: keep serving what was read, say why
            self.last_error = f"{type(exc).__name__}: {exc}"
        finally:
            self._loading.release()
