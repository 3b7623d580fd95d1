"""Extraction on the sample site's pages, and the worker pool's hard limits."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
import trafilatura

from services.common.settings import ExtractorSettings
from services.demo.pages import EXTRA_CHROME, load_articles, render_article
from services.extractor.articles import build_article
from services.extractor.errors import EmptyArticle, ExtractionTimeout
from services.extractor.extract import extract
from services.extractor.lines import strip_chrome_lines
from services.extractor.pool import ExtractionPool
from services.extractor.work import extract_page
from tests.conftest import norm
from tests.factories import page

BASE = "http://127.0.0.1:8000"


@pytest.mark.parametrize("sample", load_articles(), ids=lambda a: a.id)
def test_sample_pages_keep_the_article_and_lose_the_chrome(sample: Any, gold: dict[str, Any]) -> None:
    entry = next(a for a in gold["articles"] if a["id"] == sample.id)
    result = extract(render_article(sample, BASE), BASE + sample.path)
    assert result is not None
    text = norm(result.text)
    for sentence in entry["must_keep"]:
        assert norm(sentence) in text
    for phrase in [*entry["chrome"], *EXTRA_CHROME]:
        assert norm(phrase) not in text
    first, last = sample.blocks[0]["text"], sample.blocks[-1]["text"]
    assert norm(first) in text and norm(last) in text  # first and last paragraphs survive
    assert result.title == sample.title
    assert str(result.metadata.published) == entry["published_at"]
    assert result.metadata.published_source in ("html_meta", "json_ld")
    assert result.metadata.language == "en"


def test_reader_comments_would_leak_with_trafilaturas_default() -> None:
    sample = next(a for a in load_articles() if a.template == "wordpress")
    html = render_article(sample, BASE)
    default_text = norm(trafilatura.extract(html) or "")
    ours = norm(extract(html, None).text)  # type: ignore[union-attr]
    comment = norm(EXTRA_CHROME[0])
    assert comment in default_text  # why include_comments=False is set explicitly
    assert comment not in ours


def test_chrome_lines_are_removed_only_as_whole_lines() -> None:
    text = "\n".join(
        [
            "Leave a Reply",
            "The minister urged citizens to leave a reply to the consultation by Friday.",
            "top of page",
            "Police found the documents at the top of page 3 of the ledger.",
            "Print Friendly and PDF",
            "Share on Facebook",
            "Home > Global Affairs > Africa",
            "No comments:",
            "The spokesman had no comments: he declined to speak.",
        ]
    )
    kept, removed = strip_chrome_lines(text)
    assert [r.text for r in removed] == [
        "Leave a Reply",
        "top of page",
        "Print Friendly and PDF",
        "Share on Facebook",
        "Home > Global Affairs > Africa",
        "No comments:",
    ]
    assert kept.splitlines() == [
        "The minister urged citizens to leave a reply to the consultation by Friday.",
        "Police found the documents at the top of page 3 of the ledger.",
        "The spokesman had no comments: he declined to speak.",
    ]


def test_short_extractions_are_rejected_as_empty() -> None:
    from services.extractor.extract import Extraction
    from services.extractor.metadata import PageMetadata

    short = Extraction(text="Cookie settings", metadata=PageMetadata())
    with pytest.raises(EmptyArticle):
        build_article(page(), short, ExtractorSettings(min_words=20))
    long = Extraction(
        text="word " * 30,
        metadata=PageMetadata(title="t", authors=["a"], published=None, language="en"),
        restored_headings=2,
        restored_paragraphs=1,
    )
    built = build_article(page(), long, ExtractorSettings(min_words=20))
    assert built.word_count == 30
    # no date anywhere in the page: the crawl time, and said so
    assert (built.published_at, built.published_at_source) == (page().fetched_at.date(), "crawl_time")
    assert built.extractor.startswith("trafilatura/")
    assert built.extractor_options["include_comments"] is False
    # what newswire's repairs added is on the record, for a later re-extraction to compare
    assert (built.extractor_options["restored_headings"], built.extractor_options["restored_paragraphs"]) == (
        2,
        1,
    )


def _slow_extract(
    html: str, url: str | None, events_for: object = None, *, url_from_page: bool = False
) -> None:
    time.sleep(60)


def test_pool_kills_an_extraction_past_its_timeout_and_keeps_working(monkeypatch: pytest.MonkeyPatch) -> None:
    import services.extractor.pool as pool_module

    async def go() -> None:
        pool = ExtractionPool(workers=1, timeout_s=1.0)
        try:
            monkeypatch.setattr(pool_module, "extract_page", _slow_extract)
            started = time.monotonic()
            with pytest.raises(ExtractionTimeout):
                await pool.extract("<html></html>", "http://127.0.0.1/slow")
            assert time.monotonic() - started < 30  # bounded by the timeout, not by the 60 s task
            monkeypatch.setattr(pool_module, "extract_page", extract_page)
            sample = load_articles()[0]
            result = await pool.extract(render_article(sample, BASE), None)
            assert result is not None and sample.blocks[0]["text"][:40] in result.text
        finally:
            pool.close()

    asyncio.run(go())


def test_the_worker_makes_the_same_event_records_as_the_eval() -> None:
    """The service's worker reads the page's title as ``newswire eval`` does: the records scored are
    the records streamed."""
    from datetime import date

    from services.extractor.events.assemble import EventExtractor
    from services.extractor.work import EventContext

    html = (
        "<html><head><title>Police dismantle four-member cell in Nador</title></head><body><article>"
        "<h1>Police dismantle four-member cell in Nador</h1><p>NADOR, June 3 - Moroccan police arrested four "
        "men in Nador on Monday on suspicion of planning attacks, the DGSN said in a statement.</p><p>The "
        "suspects, aged 20 to 31, were placed in custody. Searches of their homes turned up knives and "
        "electronic equipment, the statement said, and the investigation continues.</p>"
        "</article></body></html>"
    )
    streamed = extract_page(html, None, EventContext("a", "u", date(2024, 6, 4)))
    assert streamed is not None
    offline = extract(html, None)
    assert offline is not None
    scored = EventExtractor().extract(
        offline.text,
        article_id="a",
        url="u",
        published_at=offline.metadata.published or date(2024, 6, 4),
        title=offline.metadata.title,
    )
    assert [e.subtype for e in streamed.events] == [e.subtype for e in scored] == ["cell_dismantled"]
    assert [e.model_dump() for e in streamed.events] == [e.model_dump() for e in scored]
