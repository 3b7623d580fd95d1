"""Backfill from files: saved pages become ``pages`` records, processed like live fetches.

``warc``: the HTML ``response`` records of WARC files (Common Crawl news archives, your own
crawls), with their original fetch time (WARC-Date), status and headers. ``html``: a directory of
saved pages and a map from file to URL. Both apply the fetcher's limits (body size, HTML content
types) and decode the body the way the fetcher does; what is skipped is counted by reason.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from schemas import FetchedPage
from services.common.pages import page_from_body
from services.common.settings import FetcherSettings
from services.fetcher.http import KEPT_HEADERS


@dataclass
class IngestReport:
    pages: int = 0
    skipped: Counter[str] = field(default_factory=Counter)


def _skip_reason(limits: FetcherSettings, status: int, content_type: str, size: int) -> str | None:
    if not 200 <= status < 300:
        return f"http_{status}"
    media_type = content_type.split(";")[0].strip().lower()
    if media_type not in limits.allowed_content_types:
        return "not_html"
    if size > limits.max_body_bytes:
        return "too_large"
    return None


def warc_pages(path: Path, limits: FetcherSettings, report: IngestReport) -> Iterator[FetchedPage]:
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            status = int(record.http_headers.get_statuscode() or 0)
            headers = {k.lower(): v for k, v in record.http_headers.headers}
            content_type = headers.get("content-type", "")
            body = record.content_stream().read(limits.max_body_bytes + 1)
            reason = _skip_reason(limits, status, content_type, len(body))
            if reason or not url:
                report.skipped[reason or "no_url"] += 1
                continue
            date = record.rec_headers.get_header("WARC-Date")
            fetched_at = datetime.fromisoformat(date.replace("Z", "+00:00")) if date else datetime.now(UTC)
            kept = {h: headers[h] for h in KEPT_HEADERS if h in headers}
            report.pages += 1
            yield page_from_body(url, body, status=status, headers=kept, fetched_at=fetched_at)


def read_url_map(path: Path) -> dict[str, str]:
    """``{"file.html": "https://..."}`` JSON, or CSV/TSV lines ``file,url``."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return {str(k): str(v) for k, v in json.loads(text).items()}
    dialect = "excel-tab" if "\t" in text.splitlines()[0] else "excel"
    return {row[0]: row[1] for row in csv.reader(text.splitlines(), dialect) if len(row) >= 2}


def html_pages(
    directory: Path, url_map: dict[str, str], limits: FetcherSettings, report: IngestReport
) -> Iterator[FetchedPage]:
    for name, url in sorted(url_map.items()):
        path = directory / name
        if not path.is_file():
            report.skipped["missing_file"] += 1
            continue
        size = path.stat().st_size
        if size > limits.max_body_bytes:
            report.skipped["too_large"] += 1
            continue
        body = path.read_bytes()
        fetched_at = datetime.fromtimestamp(path.stat().st_mtime, UTC)  # when the page was saved
        report.pages += 1
        yield page_from_body(url, body, headers={"content-type": "text/html"}, fetched_at=fetched_at)
