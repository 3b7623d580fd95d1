"""Pages to ``articles`` records: the worker pool's extraction, then near-duplicate marking.

The streaming agent (``app.py``), ``newswire extract`` and ``newswire reextract`` all go through
``ArticleExtractor``; it imports nothing of faust, so the offline commands start without it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from schemas import Article, EventMention, FetchedPage
from services.common.pages import with_url
from services.common.settings import ExtractorSettings
from services.extractor.errors import EmptyArticle, ExtractionFailed, HtmlTooLarge
from services.extractor.extract import EXTRACTION_OPTIONS, Extraction, extractor_name
from services.extractor.neardup import NearDuplicateIndex, simhash
from services.extractor.pool import ExtractionPool
from services.extractor.work import EventContext


def build_article(
    page: FetchedPage,
    extraction: Extraction,
    settings: ExtractorSettings,
    *,
    duplicate_of: str | None = None,
    fingerprint: int | None = None,
) -> Article:
    """The ``articles`` record for ``page``; raises :class:`EmptyArticle` below ``min_words``.

    ``fingerprint``: the text's simhash when already computed."""
    words = len(extraction.text.split())
    if words < settings.min_words:
        raise EmptyArticle(f"{words} words < min_words={settings.min_words}: {page.url}")
    meta = extraction.metadata
    published, published_source = meta.published, meta.published_source
    if published is None:  # the last resort, and said so
        published, published_source = page.fetched_at.date(), "crawl_time"
    return Article(
        article_id=page.article_id,
        url=page.url,
        canonical_url=page.canonical_url,
        final_url=page.final_url,
        title=meta.title,
        authors=meta.authors,
        published_at=published,
        published_at_source=published_source,
        modified_at=meta.modified,
        modified_at_source=meta.modified_source,
        sitename=meta.sitename,
        language=meta.language,
        description=meta.description,
        page_canonical_url=meta.canonical_url,
        image_url=meta.image_url,
        tags=meta.tags,
        categories=meta.categories,
        text=extraction.text,
        word_count=words,
        simhash=f"{simhash(extraction.text) if fingerprint is None else fingerprint:016x}",
        duplicate_of=duplicate_of,
        trimmed=extraction.removed[:100],
        html_sha256=page.html_sha256,
        text_sha256=hashlib.sha256(extraction.text.encode("utf-8")).hexdigest(),
        fetched_at=page.fetched_at,
        extracted_at=datetime.now(UTC),
        extractor=extractor_name(),
        extractor_options={
            **EXTRACTION_OPTIONS,
            "focus": extraction.focus,
            "continued": extraction.continued,
            "restored_headings": extraction.restored_headings,
            "restored_paragraphs": extraction.restored_paragraphs,
        },
    )


@dataclass(frozen=True)
class Extracted:
    article: Article
    events: list[EventMention]


class ArticleExtractor:
    """Pages to articles: the isolated trafilatura pool, newswire's rules, near-duplicate marking.

    The streaming agent and ``newswire extract`` both go through here.
    """

    def __init__(self, settings: ExtractorSettings) -> None:
        self.settings = settings
        self.near_duplicates = NearDuplicateIndex(capacity=settings.near_duplicate_capacity)
        self._pool: ExtractionPool | None = None

    @property
    def pool(self) -> ExtractionPool:
        if self._pool is None:
            self._pool = ExtractionPool(
                workers=self.settings.workers, timeout_s=self.settings.timeout_s, events=self.settings.events
            )
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()

    async def extract(self, page: FetchedPage) -> Extracted:
        return self.finish(page, await self.run(page))

    async def run(self, page: FetchedPage, *, url_from_page: bool = False) -> Extraction:
        """The worker's part: text, fingerprint and events. Several may run at once; ``finish``
        them in the order the pages came, since the first copy of a story seen is the original.

        ``url_from_page``: the page's own link names it (``finish`` renames the page)."""
        limit = self.settings.max_html_chars
        if len(page.html) > limit:
            raise HtmlTooLarge(f"{len(page.html)} characters > {limit}: {page.url}")
        events_for = (
            EventContext(page.article_id, page.url, page.fetched_at.date()) if self.settings.events else None
        )
        extraction = await self.pool.extract(
            page.html, page.final_url, events_for, url_from_page=url_from_page
        )
        if extraction is None:
            raise ExtractionFailed(f"no main text found: {page.url}")
        return extraction

    def finish(self, page: FetchedPage, extraction: Extraction) -> Extracted:
        if extraction.page_url:
            page = with_url(page, extraction.page_url)
        fingerprint = simhash(extraction.text) if extraction.simhash is None else extraction.simhash
        # Syndicated copies are kept, and point at the first copy this worker saw.
        match = self.near_duplicates.find(fingerprint, exclude=page.article_id)
        article = build_article(
            page,
            extraction,
            self.settings,
            duplicate_of=match.article_id if match else None,
            fingerprint=fingerprint,
        )
        self.near_duplicates.add(page.article_id, fingerprint)
        return Extracted(article, extraction.events)
