"""What one worker process does with one page: the article text, its fingerprint, then its event mentions.

All run in the worker so the per-page time limit covers them together, and the
gazetteer is loaded once per worker process (lazily, on the first page), never per message.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from services.common.pages import article_id_of
from services.extractor.events.assemble import extract_events
from services.extractor.events.places import gazetteer
from services.extractor.extract import Extraction, extract
from services.extractor.metadata import warm_date_parser
from services.extractor.neardup import simhash


@dataclass(frozen=True)
class EventContext:
    """What the event records need besides the text; ``None`` turns event extraction off."""

    article_id: str
    url: str
    crawl_date: date  # the publication date of last resort, as build_article uses it


def warm_worker(events: bool) -> None:
    """Run once in each new worker process, before its first page: load the date parser's languages
    and the gazetteer there, so a page's time limit never includes these one-off loads (or, on a
    fresh install, the gazetteer's build)."""
    warm_date_parser()
    if events:
        gazetteer()


def extract_page(
    html: str, url: str | None, events_for: EventContext | None = None, *, url_from_page: bool = False
) -> Extraction | None:
    """The article of ``html`` with its fingerprint and, when ``events_for`` is given, its events.

    ``url_from_page``: the page's own link names it (a saved file), and its events with it."""
    extraction = extract(html, url, url_from_page=url_from_page)
    if extraction is None:
        return None
    extraction.simhash = simhash(extraction.text)
    if events_for is None:
        return extraction
    if extraction.page_url:
        events_for = replace(
            events_for, article_id=article_id_of(extraction.page_url), url=extraction.page_url
        )
    published = extraction.metadata.published or events_for.crawl_date
    # the title is read too: it names the story ("... dismantles five-member cell") as the eval sees it
    extraction.events = extract_events(
        extraction.text,
        article_id=events_for.article_id,
        url=events_for.url,
        published_at=published,
        title=extraction.metadata.title,
    )
    return extraction
