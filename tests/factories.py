"""Valid records for tests."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta

from schemas import Article, DiscoveredUrl, EventMention, FetchedPage

T0 = datetime(2024, 4, 10, 9, 30, tzinfo=UTC)


def article(i: int, *, published: date | None = date(2024, 4, 10)) -> Article:
    text = f"Article number {i}. " + "Security forces dismantled a cell. " * 5
    return Article(
        article_id=f"{i:032x}",
        url=f"http://127.0.0.1/a/{i}",
        canonical_url=f"http://127.0.0.1/a/{i}",
        final_url=f"http://127.0.0.1/a/{i}",
        title=f"Title {i}",
        authors=["Desk"],
        published_at=published + timedelta(days=i % 3) if published else None,
        sitename="Sample",
        language="en",
        text=text,
        word_count=len(text.split()),
        simhash="0123456789abcdef",
        html_sha256=hashlib.sha256(b"html").hexdigest(),
        text_sha256=hashlib.sha256(text.encode()).hexdigest(),
        fetched_at=T0,
        extracted_at=T0,
        extractor="trafilatura/test",
        extractor_options={"include_comments": False},
    )


def discovered(url: str = "http://127.0.0.1/a/1") -> DiscoveredUrl:
    return DiscoveredUrl(url=url, canonical_url=url, host="127.0.0.1", discovered_at=T0)


def page(html: str = "<html><body><p>x</p></body></html>") -> FetchedPage:
    return FetchedPage(
        article_id="0" * 32,
        url="http://127.0.0.1/a/1",
        canonical_url="http://127.0.0.1/a/1",
        final_url="http://127.0.0.1/a/1",
        status=200,
        headers={"content-type": "text/html"},
        encoding="utf-8",
        encoding_source="header",
        html=html,
        html_sha256=hashlib.sha256(html.encode()).hexdigest(),
        body_bytes=len(html),
        fetched_at=T0,
        elapsed_ms=5,
    )


def event_mention(i: int) -> EventMention:
    """The contract test's fully filled mention (a cell dismantled in Almería and Chtouka Ait Baha),
    as the i-th record of a topic."""
    from tests.unit.schemas.test_event_contract import mention

    return mention().model_copy(update={"mention_id": f"m{i}", "article_id": f"{i:032x}"})
