"""The baselines of the whole-process benchmarks: the same work as a service, in one plain loop.

    python bench/loops.py extract FOLDER URL_MAP    # what the extractor does to each page
    python bench/loops.py pipeline URLS OUT         # what the four services do to each URL

No broker, no worker pool, no time limit. ``extract``: read the saved page, build its ``pages``
record, extract the article and its events, build and encode the ``articles`` and ``events``
records. ``pipeline``: fetch each URL (httpx, one at a time), the same extraction, link the
events, and write the articles, events and event versions to Parquet (one file per table).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from schemas import Article, EventMention, FetchedPage, encode  # noqa: E402
from services.cli.ops.ingest import read_url_map  # noqa: E402
from services.common.errors import NewswireError  # noqa: E402
from services.common.pages import page_from_body  # noqa: E402
from services.common.settings import ExtractorSettings  # noqa: E402
from services.common.urls import host_of  # noqa: E402
from services.extractor.articles import build_article  # noqa: E402
from services.extractor.work import EventContext, extract_page, warm_worker  # noqa: E402
from services.linker.linker import Linker  # noqa: E402
from services.sink.tables import TABLES  # noqa: E402


def _extracted(page: FetchedPage, settings: ExtractorSettings) -> tuple[Article, list[EventMention]] | None:
    """What the extractor's worker and agent make of one page, in this process; None: a dead letter."""
    context = EventContext(page.article_id, page.url, page.fetched_at.date())
    extraction = extract_page(page.html, page.final_url, context)
    if extraction is None:
        return None
    try:
        return build_article(page, extraction, settings, fingerprint=extraction.simhash), extraction.events
    except NewswireError:
        return None


def extract_loop(folder: Path, url_map: Path) -> None:
    settings = ExtractorSettings()
    warm_worker(True)
    for name, url in sorted(read_url_map(url_map).items()):
        path = folder / name
        page = page_from_body(
            url, path.read_bytes(), headers={"content-type": "text/html"}, fetched_at=_mtime(path)
        )
        if (extracted := _extracted(page, settings)) is not None:
            article, mentions = extracted
            encode(article)
            for mention in mentions:
                encode(mention)


def pipeline_loop(urls_file: Path, out: Path) -> None:
    settings = ExtractorSettings()
    warm_worker(True)
    linker = Linker()
    rows: dict[str, list[dict[str, Any]]] = {"articles": [], "events": [], "event_clusters": []}
    with httpx.Client(timeout=30) as client:
        for url in urls_file.read_text().split():
            response = client.get(url)
            page = page_from_body(
                url, response.content, headers=dict(response.headers), fetched_at=datetime.now(UTC)
            )
            if (extracted := _extracted(page, settings)) is None:
                continue
            article, mentions = extracted
            rows["articles"].append(TABLES["articles"].row(article))
            for mention in mentions:
                rows["events"].append(TABLES["events"].row(mention))
                if (assignment := linker.link(mention, host_of(url))) is not None:
                    rows["event_clusters"].append(TABLES["event_clusters"].row(assignment.cluster))
    for table, table_rows in rows.items():
        (out / table).mkdir(parents=True, exist_ok=True)
        pq.write_table(
            pa.Table.from_pylist(table_rows, schema=TABLES[table].schema), out / table / "all.parquet"
        )


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)  # as ingest dates a saved page


if __name__ == "__main__":
    if sys.argv[1] == "extract":
        extract_loop(Path(sys.argv[2]), Path(sys.argv[3]))
    elif sys.argv[1] == "pipeline":
        pipeline_loop(Path(sys.argv[2]), Path(sys.argv[3]))
