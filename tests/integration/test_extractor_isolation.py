"""Pathological pages on the real broker: typed dead letters, no rebalance, the next page extracted."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from schemas import Article, DeadLetter, encode
from services.common.kafka import ensure_topics
from services.common.topics import TopicNames
from services.demo.pages import load_articles, render_article
from tests.factories import page
from tests.integration.conftest import wait_until
from tests.oracle import produce, records, topic_size

pytestmark = pytest.mark.integration


def test_pathological_pages_become_dead_letters_and_the_stream_goes_on(
    make_settings: Any, services: Any
) -> None:
    settings = make_settings(extractor={"timeout_s": 1.0, "max_html_chars": 3_000_000})
    topics = TopicNames.from_settings(settings.kafka)
    bootstrap = settings.kafka.bootstrap
    asyncio.run(ensure_topics(settings.kafka, topics.all()))

    rows = "".join(
        f"<tr><td>cell {i}</td><td>value {i} text text</td><td>more {i}</td></tr>" for i in range(30_000)
    )
    giant_table = f"<html><body><table>{rows}</table></body></html>"  # ~2.3 MB, >2 s of trafilatura here
    huge_text = "<html><body><p>" + "word " * 700_000 + "</p></body></html>"  # 3.5 MB > max_html_chars
    nested = "<html><body>" + "<div>" * 100_000 + "deep text " * 50 + "</div>" * 100_000 + "</body></html>"
    sample = load_articles()[0]
    good = render_article(sample, "http://127.0.0.1:8000")
    # The same story syndicated by another outlet: other header, other footer, same body.
    syndicated = good.replace(sample.sitename, "Wire Partner Daily").replace(
        "<article", "<p>Distributed by a wire service partner under licence.</p><article", 1
    )
    page_records = []
    for i, html in enumerate([giant_table, huge_text, nested, good, syndicated]):
        p = page(html).model_copy(update={"article_id": f"{i:032x}", "url": f"http://127.0.0.1:8000/p/{i}"})
        page_records.append((p.article_id.encode(), encode(p)))
    produce(bootstrap, topics.pages, page_records)

    services.start(settings, "extractor")
    wait_until(
        lambda: topic_size(bootstrap, topics.articles) >= 2,
        timeout_s=90,
        what="the good pages",
        on_fail=services.logs,
    )
    wait_until(
        lambda: topic_size(bootstrap, topics.deadletter) >= 3,
        timeout_s=30,
        what="3 dead letters",
        on_fail=services.logs,
    )
    services.stop_all()

    letters = {dl.subject: dl for dl in records(bootstrap, topics.deadletter, DeadLetter)}
    assert letters["http://127.0.0.1:8000/p/0"].reason == "timeout"
    assert letters["http://127.0.0.1:8000/p/0"].error_class == "ExtractionTimeout"
    assert letters["http://127.0.0.1:8000/p/1"].reason == "too_large"
    assert letters["http://127.0.0.1:8000/p/2"].reason in ("extraction_failed", "empty_article")
    assert all(dl.stage == "extractor" and dl.original_b64 for dl in letters.values())
    articles = records(bootstrap, topics.articles, Article)
    assert {a.title for a in articles} == {sample.title}
    # Partitions are consumed in no set order: whichever copy came second points at the first.
    first, second = sorted(articles, key=lambda a: a.duplicate_of is not None)
    assert first.duplicate_of is None
    assert second.duplicate_of == first.article_id  # flagged, and still stored
    log = (services.log_dir / "extractor.log").read_text()
    # The consumer kept heartbeating through the slow page: one assignment, no rebalance.
    assert log.count("Executing _on_partitions_assigned") == 1, log[-3000:]


def test_a_restarted_extractor_still_recognises_copies_of_earlier_articles(
    make_settings: Any, services: Any
) -> None:
    settings = make_settings()
    topics = TopicNames.from_settings(settings.kafka)
    bootstrap = settings.kafka.bootstrap
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    sample = load_articles()[2]
    original_html = render_article(sample, "http://127.0.0.1:8000")
    copy_html = original_html.replace(sample.sitename, "Another Outlet")

    def page_record(i: int, html: str) -> tuple[bytes, bytes]:
        p = page(html).model_copy(update={"article_id": f"{i:032x}", "url": f"http://127.0.0.1:8000/r/{i}"})
        return p.article_id.encode(), encode(p)

    produce(bootstrap, topics.pages, [page_record(1, original_html)])
    services.start(settings, "extractor")
    wait_until(
        lambda: topic_size(bootstrap, topics.articles) >= 1,
        timeout_s=60,
        what="the original",
        on_fail=services.logs,
    )
    services.stop_all()  # the in-memory index is gone with the process

    produce(bootstrap, topics.pages, [page_record(2, copy_html)])
    services.start(settings, "extractor")
    wait_until(
        lambda: topic_size(bootstrap, topics.articles) >= 2,
        timeout_s=60,
        what="the copy",
        on_fail=services.logs,
    )
    services.stop_all()
    articles = {a.article_id: a for a in records(bootstrap, topics.articles, Article)}
    assert articles[f"{2:032x}"].duplicate_of == f"{1:032x}"
    assert "1 recent articles reloaded" in (services.log_dir / "extractor.log").read_text()
