"""What each view asks of a snapshot. Every value from a request is a bound parameter (``?``); the
SQL text is built only from the fixed fragments below, picked by which filters are set."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from services.ui.filters import Filters
from services.ui.store import Snapshot

MAP_LIMIT = 5_000  # sites drawn at once: the largest by sources and count; the rest are counted
TABLE_LIMIT = 500


@dataclass(frozen=True)
class Where:
    sql: str
    params: list[Any]


def where(filters: Filters, alias: str = "e") -> Where:
    """The WHERE clause over ``ui_events`` for ``filters``."""
    clauses: list[str] = []
    params: list[Any] = []

    def add(clause: str, *values: Any) -> None:
        clauses.append(clause.format(e=alias))
        params.extend(values)

    if filters.kind != "all":
        add("{e}.record_kind = ?", filters.kind)
    if filters.start is not None:
        add("{e}.day_end >= ?", filters.start)
    if filters.end is not None:
        add("{e}.day_start <= ?", filters.end)
    if filters.subtype is not None:
        add("{e}.subtype = ?", filters.subtype)
    if filters.country is not None:
        add("list_contains({e}.countries, ?)", filters.country)
    # substring tests on lower-cased text, not LIKE: a % or _ typed by the reader is a character
    if filters.actor is not None:
        add("contains(lower(array_to_string({e}.actors, '\n')), ?)", filters.actor.lower())
    if filters.group is not None:
        add("contains(lower(array_to_string({e}.groups, '\n')), ?)", filters.group.lower())
    if filters.min_sources > 1:
        add("{e}.n_sources >= ?", filters.min_sources)
    if filters.q is not None:
        add("contains({e}.search_text, ?)", filters.q.lower())
    return Where(" AND ".join(clauses) or "TRUE", params)


def _rows(cursor: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def map_sites(snapshot: Snapshot, filters: Filters, limit: int = MAP_LIMIT) -> dict[str, Any]:
    """The sites of the selected events, as columns (compact JSON), largest first."""
    w = where(filters)
    sql = f"""
        SELECT s.id, s.name, s.country, s.lat, s.lon, s.count, e.subtype, e.record_kind,
               e.n_sources, CAST(e.day_start AS VARCHAR) AS day
        FROM ui_sites AS s JOIN ui_events AS e USING (id)
        WHERE {w.sql}
        ORDER BY e.n_sources DESC, coalesce(s.count, 0) DESC, s.id
        LIMIT ?
    """  # noqa: S608 - fragments from where(); values are parameters
    cursor = snapshot.cursor()
    cursor.execute(sql, [*w.params, limit])
    names = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    total_sql = f"SELECT count(*) FROM ui_sites AS s JOIN ui_events AS e USING (id) WHERE {w.sql}"  # noqa: S608
    total = snapshot.cursor().execute(total_sql, w.params).fetchall()[0][0]
    return {"columns": names, "rows": rows, "total": total, "shown": len(rows)}


def timeline(snapshot: Snapshot, filters: Filters, bucket: str) -> dict[str, Any]:
    """Events per day or week (by the day they started) and subtype."""
    w = where(filters)
    part = {"day": "day", "week": "week"}[bucket]  # a fixed word, not the request's
    sql = f"""
        SELECT CAST(date_trunc('{part}', e.day_start) AS DATE) AS bucket,
               coalesce(e.subtype, 'unknown') AS subtype, count(*) AS n
        FROM ui_events AS e
        WHERE e.day_start IS NOT NULL AND {w.sql}
        GROUP BY ALL ORDER BY bucket, subtype
    """  # noqa: S608
    cursor = snapshot.cursor()
    cursor.execute(sql, w.params)
    rows = [[str(b), s, n] for b, s, n in cursor.fetchall()]
    undated_sql = f"SELECT count(*) FROM ui_events AS e WHERE e.day_start IS NULL AND {w.sql}"  # noqa: S608
    undated = snapshot.cursor().execute(undated_sql, w.params).fetchall()[0][0]
    return {"bucket": part, "rows": rows, "undated": undated}


SORTS = {"date": "e.day_start DESC NULLS LAST, e.id", "sources": "e.n_sources DESC, e.day_start DESC, e.id"}


def event_table(
    snapshot: Snapshot, filters: Filters, *, limit: int, offset: int, sort: str
) -> dict[str, Any]:
    w = where(filters)
    sql = f"""
        SELECT e.id, e.record_kind, e.subtype, CAST(e.day_start AS VARCHAR) AS day_start,
               CAST(e.day_end AS VARCHAR) AS day_end, e.time_precision, e.n_sources, e.n_outlets,
               e.countries, e.actors, e.groups,
               list_transform(e.sites, lambda s: s.name) AS sites, left(e.summary, 240) AS summary
        FROM ui_events AS e WHERE {w.sql}
        ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?
    """  # noqa: S608
    cursor = snapshot.cursor()
    cursor.execute(sql, [*w.params, limit, offset])
    rows = _rows(cursor)
    total = snapshot.cursor().execute(f"SELECT count(*) FROM ui_events AS e WHERE {w.sql}", w.params)  # noqa: S608
    return {"rows": rows, "total": total.fetchall()[0][0], "limit": limit, "offset": offset}


def export_rows(snapshot: Snapshot, filters: Filters) -> list[dict[str, Any]]:
    """Every selected event with its sites, for CSV and GeoJSON."""
    w = where(filters)
    sql = f"""
        SELECT e.id, e.record_kind, e.subtype, e.event_type, CAST(e.day_start AS VARCHAR) AS day_start,
               CAST(e.day_end AS VARCHAR) AS day_end, e.n_sources, e.countries, e.actors, e.groups,
               e.sites, e.summary
        FROM ui_events AS e WHERE {w.sql} ORDER BY e.day_start NULLS LAST, e.id
    """  # noqa: S608
    cursor = snapshot.cursor()
    cursor.execute(sql, w.params)
    return _rows(cursor)


ARTICLE_COLUMNS = (
    "article_id, url, final_url, title, authors, sitename, language, description, "
    "CAST(published_at AS VARCHAR) AS published_at, published_at_source, text, word_count, "
    "duplicate_of, trimmed, tags, categories, extractor, fetched_at"
)
MENTION_COLUMNS = (
    "mention_id, article_id, url, record_kind, subtype, event_type, factuality, modes, actors, "
    "targets, sites, quantities, time, evidence, confidence, published_at"
)


def event_detail(snapshot: Snapshot, event_id: str) -> dict[str, Any] | None:
    """A linked event's latest version, its mentions and the articles behind them; or a lone
    mention of another record kind, with its article."""
    cursor = snapshot.cursor()
    cursor.execute(
        "SELECT * EXCLUDE (src_topic, src_partition, src_offset) FROM event_clusters_latest "
        "WHERE event_id = ?",
        [event_id],
    )
    found = _rows(cursor)
    if found:
        event = found[0]
        mention_ids = event["mention_ids"]
    else:
        cursor = snapshot.cursor()
        cursor.execute(f"SELECT {MENTION_COLUMNS} FROM events WHERE mention_id = ?", [event_id])  # noqa: S608
        lone = _rows(cursor)
        if not lone:
            return None
        event = {"event_id": event_id, "standalone": True, **lone[0]}
        mention_ids = [event_id]
    cursor = snapshot.cursor()
    cursor.execute(
        f"SELECT {MENTION_COLUMNS} FROM events WHERE list_contains(?, mention_id)",  # noqa: S608
        [mention_ids],
    )
    mentions = _rows(cursor)
    article_ids = sorted({m["article_id"] for m in mentions} | set(event.get("article_ids", [])))
    cursor = snapshot.cursor()
    cursor.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE list_contains(?, article_id) "  # noqa: S608
        "ORDER BY published_at NULLS LAST",
        [article_ids],
    )
    return {"event": event, "mentions": mentions, "articles": _rows(cursor)}


def article_detail(snapshot: Snapshot, article_id: str) -> dict[str, Any] | None:
    cursor = snapshot.cursor()
    cursor.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE article_id = ?", [article_id])  # noqa: S608
    found = _rows(cursor)
    if not found:
        return None
    cursor = snapshot.cursor()
    cursor.execute(
        f"SELECT {MENTION_COLUMNS}, l.event_id AS linked_event_id "  # noqa: S608
        "FROM events LEFT JOIN ui_mention_events AS l USING (mention_id) WHERE article_id = ? "
        "ORDER BY evidence[1].start",
        [article_id],
    )
    return {"article": found[0], "mentions": _rows(cursor)}


def pipeline(snapshot: Snapshot, examples: int = 3) -> dict[str, Any]:
    """Dead letters by stage and reason with their latest examples, and rows per table per day."""
    cursor = snapshot.cursor()
    cursor.execute(
        """
        SELECT stage, reason, count(*) AS n, CAST(max(last_failed_at) AS VARCHAR) AS latest
        FROM deadletter GROUP BY ALL ORDER BY n DESC, stage, reason
        """
    )
    reasons = _rows(cursor)
    cursor = snapshot.cursor()
    cursor.execute(
        """
        SELECT stage, reason, error_class, error_kind, subject, left(message, 300) AS message,
               CAST(last_failed_at AS VARCHAR) AS last_failed_at, attempts
        FROM deadletter
        QUALIFY row_number() OVER (PARTITION BY stage, reason ORDER BY last_failed_at DESC) <= ?
        ORDER BY stage, reason, last_failed_at DESC
        """,
        [examples],
    )
    latest = _rows(cursor)
    per_day: dict[str, list[list[Any]]] = {}
    for table in ("articles", "events", "event_clusters", "deadletter"):  # fixed names: views
        cursor = snapshot.cursor()
        cursor.execute(f'SELECT "date", count(*) FROM {table} GROUP BY 1 ORDER BY 1 DESC LIMIT 60')  # noqa: S608
        per_day[table] = [[str(d), n] for d, n in cursor.fetchall()]
    return {"deadletters": reasons, "examples": latest, "rows_per_day": per_day}


def facets(snapshot: Snapshot) -> dict[str, Any]:
    """What the filter controls offer: the countries present and the date range."""
    cursor = snapshot.cursor()
    cursor.execute("SELECT DISTINCT UNNEST(countries) AS c FROM ui_events ORDER BY c")
    countries = [c for (c,) in cursor.fetchall() if c]
    cursor = snapshot.cursor()
    cursor.execute(
        "SELECT CAST(min(day_start) AS VARCHAR), CAST(max(day_end) AS VARCHAR), count(*) FROM ui_events"
    )
    first, last, n = cursor.fetchall()[0]
    return {"countries": countries, "first_day": first, "last_day": last, "records": n}
