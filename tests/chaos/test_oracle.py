"""The chaos oracle itself must see a loss and a duplicate when there is one (runs in ``make test``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from services.common.settings import Settings
from services.sink.naming import DataFileName
from tests.chaos.harness import Oracle


def _write(table_dir: Path, topic: str, first: int, rows: list[dict[str, Any]]) -> None:
    part = table_dir / "date=2024-03-01"
    part.mkdir(parents=True, exist_ok=True)
    name = DataFileName(topic, 0, first, first + len(rows) - 1).name
    pq.write_table(pa.Table.from_pylist(rows), part / name)


def test_the_oracle_counts_a_lost_url_a_doubled_url_and_a_doubled_article(tmp_path: Path) -> None:
    settings = Settings(kafka={"bootstrap": "127.0.0.1:1", "topic_prefix": "x."}, sink={"out_dir": tmp_path})
    urls = ["http://h/doc/0", "http://h/doc/1", "http://h/doc/2"]
    article = {"article_id": "a0", "text_sha256": "t0", "extractor": "e", "url": urls[0]}
    _write(tmp_path / "articles", "x.articles", 0, [article, {**article, "article_id": "a1", "url": urls[1]}])
    _write(tmp_path / "articles", "x.articles", 2, [article])  # the first article a second time
    _write(
        tmp_path / "deadletter", "x.deadletter", 0, [{"subject": urls[1], "stage": "fetcher"}]
    )  # and a second terminal record for doc/1

    oracle = Oracle(settings, urls)
    ends, articles, letters = oracle._terminal()
    assert (articles, letters) == (3, 1)
    assert {u: ends[u] for u in urls} == {urls[0]: 2, urls[1]: 2, urls[2]: 0}  # doc/2 is lost
    assert oracle.duplicates()["articles"] == 1
