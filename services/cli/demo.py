"""``newswire demo``: the whole pipeline against the bundled sample site, on loopback, offline."""

from __future__ import annotations

import asyncio
import contextlib
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import lxml.html
import pyarrow.dataset as ds
from rich.console import Console
from rich.table import Table

from services.cli.pipeline import run_pipeline, with_broker
from services.common.settings import Settings
from services.demo.pages import load_articles
from services.demo.server import SampleSite
from services.sink.queries import latest_versions

EXPECTED_ARTICLES = 5


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def demo_settings(base: Settings, site: SampleSite, out_dir: Path) -> Settings:
    # The sample site is on loopback: the SSRF guard must let it through, for this run only.
    fetcher = base.fetcher.model_copy(
        update={"feeds": site.feed_urls, "poll_interval_s": 10.0, "allow_private_networks": True}
    )
    sink = base.sink.model_copy(update={"out_dir": out_dir})
    return base.model_copy(update={"fetcher": fetcher, "sink": sink})


def read_articles(out_dir: Path) -> list[dict[str, object]]:
    dataset = ds.dataset(out_dir / "articles", format="parquet", partitioning="hive")
    return dataset.to_table(
        columns=["url", "title", "published_at", "word_count", "text", "date"]
    ).to_pylist()


def read_events(out_dir: Path) -> list[dict[str, Any]]:
    if not (out_dir / "events").exists():
        return []
    dataset = ds.dataset(out_dir / "events", format="parquet", partitioning="hive")
    return dataset.to_table().to_pylist()


def latest_clusters(out_dir: Path) -> list[dict[str, Any]]:
    """The latest version of each event (the table holds every version)."""
    if not (out_dir / "event_clusters").exists():
        return []
    table = ds.dataset(out_dir / "event_clusters", format="parquet", partitioning="hive").to_table()
    return latest_versions(table).to_pylist()


def _when(time: dict[str, Any]) -> str:
    """Compact date at its precision: 2023-11-15, 2023-07, 2023-01..2023-04, ?"""
    if not time or time["start"] is None:
        return "?"
    cut = {"day": 10, "week": 10, "month": 7, "year": 4}.get(str(time["precision"]), 10)
    start, end = str(time["start"])[:cut], str(time["end"])[:cut]
    return start if start == end else f"{start}..{end}"


def events_table(events: list[dict[str, Any]], articles: list[dict[str, Any]]) -> Table:
    titles = {str(a["url"]): str(a["title"]) for a in articles}
    table = Table(title="Event mentions in Parquet", show_lines=True)
    table.add_column("article", max_width=12)
    table.add_column("what", max_width=16)
    table.add_column("where [arrested there]", max_width=24)
    table.add_column("how many", max_width=16)
    table.add_column("when", max_width=12)
    table.add_column("who -> whom", max_width=24)
    ordered = sorted(events, key=lambda e: (titles.get(str(e["url"]), ""), e["evidence"][0]["start"]))
    for e in ordered:
        kind = "" if e["record_kind"] == "event" else f" ({e['record_kind']})"
        # agencies by country and sector ("MAR COP"): the full names are in the Parquet rows
        actors = ", ".join(
            dict.fromkeys(f"{a['country'] or '?'} {a['sector'] or ''}".strip() for a in e["actors"])
        )
        targets = ", ".join(str(t["affiliation"] or t["text"]) for t in e["targets"])
        table.add_row(
            " ".join(titles.get(str(e["url"]), str(e["url"])).split()[:4]),
            f"{e['subtype']}{kind}",
            "; ".join(
                f"{s['name']} {s['country']}" + (f" [{s['count']}]" if s["count"] is not None else "")
                for s in e["sites"]
            )
            or "-",
            "; ".join(f"{q['value']} {q['kind']}" for q in e["quantities"]) or "-",
            _when(e["time"]),
            f"{actors or '?'} -> {targets or '?'}",
        )
    return table


def summary_table(rows: list[dict[str, object]], site: SampleSite) -> Table:
    by_path = {a.path: a for a in load_articles()}
    table = Table(title="Articles in Parquet", show_lines=False)
    table.add_column("title", max_width=48)
    table.add_column("published", no_wrap=True)
    table.add_column("words", justify="right")
    table.add_column("chrome phrases removed", max_width=60)
    for row in sorted(rows, key=lambda r: str(r["published_at"])):
        path = str(row["url"]).removeprefix(site.base_url).split("?")[0].split("#")[0]
        sample = by_path.get(path)
        served = (
            _norm(lxml.html.fromstring(site.routes[path][1]).text_content()) if path in site.routes else ""
        )
        text = _norm(str(row["text"]))
        chrome = sample.all_chrome if sample else []
        present = [c for c in chrome if _norm(c) in served]  # as a reader of the page would see it
        removed = [c for c in present if _norm(c) not in text]
        named = [c for c in removed if sample and c in sample.chrome]  # the CMS-specific ones
        others = len(removed) - len(named)
        table.add_row(
            str(row["title"]),
            str(row["published_at"]),
            str(row["word_count"]),
            f"{len(removed)} of {len(present)}: "
            + "; ".join(f"“{c}”" for c in named)
            + (f" + {others} comment/share/cookie/related" if others else ""),
        )
    return table


def run_demo(
    base: Settings, *, out_root: Path, timeout_s: float, console: Console, keep_ui: bool = False
) -> int:
    out_dir = out_root / datetime.now().strftime("run-%Y%m%dT%H%M%S")
    with SampleSite() as site:
        console.print(
            f"sample news site on [bold]{site.base_url}[/bold] (feeds: {', '.join(site.feed_urls)})"
        )
        settings = demo_settings(base, site, out_dir)
        with with_broker(settings, console, out_dir / "logs" / "broker.log") as live_settings:
            met, progress = asyncio.run(
                run_pipeline(
                    live_settings,
                    console=console,
                    # events are produced before their article: once the articles are written,
                    # the events topic is complete and the sink only has to catch up with it
                    until=lambda p: (
                        p.rows_written >= EXPECTED_ARTICLES
                        and p.event_rows_written >= p.events_extracted
                        # every event mention linked (a cluster version each), and those versions written
                        and p.cluster_versions >= p.event_mentions_written
                        and p.cluster_rows_written >= p.cluster_versions
                    ),
                    timeout_s=timeout_s,
                    title="newswire demo",
                )
            )
            if met and keep_ui:  # the broker still up: the UI's pipeline page reads feed-status
                _report(out_dir, site, console)
                return _serve_ui(live_settings, out_dir, console)
        if not met:
            console.print(
                f"[red]demo did not reach {EXPECTED_ARTICLES} articles within {timeout_s:.0f}s "
                f"(rows written: {progress.rows_written}); logs in {out_dir / 'logs'}[/red]"
            )
            return 1
        rows, events = _report(out_dir, site, console)
    _print_reading(console, out_dir, rows, events, base.ui.port)
    return 0


def _report(
    out_dir: Path, site: SampleSite, console: Console
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Print the articles, the event mentions and the events in the run's tables."""
    rows = read_articles(out_dir)
    console.print(summary_table(rows, site))
    events = read_events(out_dir)
    console.print(events_table(events, rows))
    clusters = latest_clusters(out_dir)
    shared = [c for c in clusters if c["n_sources"] > 1]
    _show_summary(console, rows, events, clusters, shared)
    return rows, events


def _show_summary(
    console: Console,
    rows: list[dict[str, Any]],
    events: list[dict[str, Any]],
    clusters: list[dict[str, Any]],
    shared: list[dict[str, Any]],
) -> None:
    mentions = sum(1 for e in events if e["record_kind"] == "event")
    console.print(
        f"[bold]{len(clusters)} real-world events[/bold] from {mentions} event mentions "
        f"in {len(rows)} articles"
        + "".join(
            f"; {c['subtype']} {_when(c['time'])} in "
            f"{', '.join(s['site']['name'] for s in c['sites']) or '?'} "
            f"reported by {c['n_sources']} articles"
            for c in shared
        )
    )


def _serve_ui(settings: Settings, out_dir: Path, console: Console) -> int:
    from services.sink.storage import LocalStorage
    from services.ui import RunningUI, serve

    def ready(ui: RunningUI) -> None:
        console.print(f"newswire ui on [bold]{ui.url}[/bold] (Ctrl-C to stop)", soft_wrap=True)

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(LocalStorage(out_dir), settings.ui, kafka=settings.kafka, on_ready=ready))
    return 0


def _print_reading(
    console: Console, out_dir: Path, rows: list[dict[str, Any]], events: list[dict[str, Any]], port: int
) -> None:
    console.print(
        f"Parquet output: [bold]{out_dir / 'articles'}[/bold] ({len(rows)} rows, hive-partitioned by date), "
        f"[bold]{out_dir / 'events'}[/bold] ({len(events)} rows, partitioned by event date)"
    )
    console.print("Read it with pyarrow (installed with newswire):")
    console.print(
        f"  python -c \"import pyarrow.dataset as ds; print(ds.dataset('{out_dir}/articles', "
        f"partitioning='hive').to_table(columns=['date', 'title', 'word_count']))\"",
        soft_wrap=True,
        markup=False,
    )
    console.print("or with DuckDB (pip install duckdb):")
    console.print(
        f"  SELECT date, title, word_count FROM read_parquet('{out_dir}/articles/*/*.parquet', "  # noqa: S608 - printed, not run
        "hive_partitioning=true) ORDER BY date;",
        soft_wrap=True,
        markup=False,
    )
    console.print(
        f"  SELECT e.subtype, e.time.start, s.name, s.count "  # noqa: S608 - printed, not run
        f"FROM read_parquet('{out_dir}/events/*/*.parquet', hive_partitioning=true) AS e, "
        "UNNEST(e.sites) AS t(s) WHERE e.record_kind = 'event';",
        soft_wrap=True,
        markup=False,
    )
    console.print(
        f"See it on a map, a timeline and each event's evidence: [bold]newswire ui --out {out_dir}[/bold] "
        f"then open http://127.0.0.1:{port}/ (or run [bold]newswire demo --ui[/bold], which keeps it open)",
        soft_wrap=True,
    )
