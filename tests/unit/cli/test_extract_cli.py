"""``newswire extract``: saved HTML files in, one JSON line per file out (same path as the stream)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from services.demo.pages import load_articles, render_article
from tests.conftest import norm


def test_extract_cli_prints_one_json_line_per_file(tmp_path: Path) -> None:
    sample = load_articles()[1]
    saved = tmp_path / "saved.html"
    saved.write_text(render_article(sample, "https://blog.example.org"), encoding="utf-8")
    undated = tmp_path / "undated.html"
    undated.write_text(
        "<html><head><title>Undated</title></head><body><article>"
        + "".join(
            f"<p>Paragraph {i}: the court sentenced two men for recruiting fighters.</p>" for i in range(8)
        )
        + "</article></body></html>",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "services",
            "extract",
            str(saved),
            str(undated),
            str(empty),
            "--published-at",
            "2020-05-01",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [set(line) for line in lines] == [{"path", "article", "events", "error"}] * 3
    first, second, third = lines
    assert first["error"] is None
    article = first["article"]
    # the events of the page, each tied to the article and pointing into its clean text
    assert any(e["record_kind"] == "event" for e in first["events"])
    for event in first["events"]:
        assert event["article_id"] == article["article_id"]
        for span in event["evidence"] + [s["span"] for s in event["sites"] if s["span"]]:
            assert article["text"][span["start"] : span["end"]] == span["text"]
    assert article["url"] == f"https://blog.example.org{sample.path}"  # from the page's canonical link
    assert article["published_at"] == sample.published_at and article["published_at_source"] == "html_meta"
    assert all(norm(s) in norm(article["text"]) for s in sample.must_keep)
    assert article["extractor"].startswith("trafilatura/") and len(article["text_sha256"]) == 64
    assert second["article"]["published_at"] == "2020-05-01"
    assert second["article"]["published_at_source"] == "crawl_time"
    assert second["article"]["url"].startswith("file://")
    assert third["article"] is None and third["error"]["kind"] in ("extraction_failed", "empty_article")


def test_extract_cli_links_the_mentions_of_several_files(tmp_path: Path) -> None:
    samples = {a.id: a for a in load_articles()}
    paths = []
    for name, sample_id, base in (
        ("first.html", "seed-000", "https://news-one.example"),
        ("later.html", "seed-004", "https://news-two.example"),
    ):
        path = tmp_path / name
        path.write_text(render_article(samples[sample_id], base), encoding="utf-8")
        paths.append(str(path))
    result = subprocess.run(
        [sys.executable, "-m", "services", "extract", *paths],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    first, later = (json.loads(line) for line in result.stdout.splitlines())
    events = [e for line in (first, later) for e in line["events"] if e["record_kind"] == "event"]
    assert all(e["event_id"] for e in events)
    (operation,) = [e for e in first["events"] if e["subtype"] == "cell_dismantled"]
    (report,) = [e for e in later["events"] if "Almaeria" in e["evidence"][0]["text"]]
    assert report["event_id"] == operation["event_id"]  # the same operation, a year later, another outlet
    assert len({e["event_id"] for e in events}) == len(events) - 1  # and nothing else was merged
