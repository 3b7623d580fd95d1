"""``newswire demo``: the whole pipeline against the bundled sample site, on loopback, offline."""

from __future__ import annotations

import asyncio
import re
from datetime import datetime
from pathlib import Path

import lxml.html
import pyarrow.dataset as ds
from rich.console import Console
from rich.table import Table

from services.cli.pipeline import run_pipeline, with_broker
from services.common.settings import Settings
from services.demo.pages import load_articles
from services.demo.server import SampleSite

EXPECTED_ARTICLES = 5


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def demo_settings(base: Settings, site: SampleSite, out_dir: Path) -> Settings:
    # The sample site is on loopback: the SSRF guard must let it through, for this run only.
    fetcher = base.fetcher.model_copy(
        update={"feeds": site.feed_urls, "poll_interval_s": 10.0, "allow_private_networks": True}
    )
    sink = base.sink.model_copy(update={"out_dir": out_dir, "idle_flush_s": 1.0})
    return base.model_copy(update={"fetcher": fetcher, "sink": sink})


def read_articles(out_dir: Path) -> list[dict[str, object]]:
    dataset = ds.dataset(out_dir / "articles", format="parquet", partitioning="hive")
    return dataset.to_table(
        columns=["url", "title", "published_at", "word_count", "text", "date"]
    ).to_pylist()


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


def run_demo(base: Settings, *, out_root: Path, timeout_s: float, console: Console) -> int:
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
                    until=lambda p: p.rows_written >= EXPECTED_ARTICLES,
                    timeout_s=timeout_s,
                    title="newswire demo",
                )
            )
        if not met:
            console.print(
                f"[red]demo did not reach {EXPECTED_ARTICLES} articles within {timeout_s:.0f}s "
                f"(rows written: {progress.rows_written}); logs in {out_dir / 'logs'}[/red]"
            )
            return 1
        rows = read_articles(out_dir)
        console.print(summary_table(rows, site))
    console.print(
        f"Parquet output: [bold]{out_dir / 'articles'}[/bold] ({len(rows)} rows, hive-partitioned by date)"
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
    return 0
