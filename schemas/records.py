"""The records carried on newswire's topics.

Every record is frozen and rejects unknown fields, so a producer that drifts
from the contract fails loudly at the consumer (and lands in the dead-letter
topic) instead of being half-read. ``schema_version`` is a literal: a consumer
that meets a version it does not know gets a typed decode error, not a guess.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

Sha256Hex = str
DateSource = Literal["html_meta", "json_ld", "url", "text", "crawl_time"]


# The stages that write dead letters: the four services.
Stage = Literal["fetcher", "extractor", "linker", "sink"]


class Record(BaseModel):
    """Base of every topic record."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1] = 1  # == SCHEMA_VERSION; a literal so other versions fail to decode


class DiscoveredUrl(Record):
    """An article URL found in a feed (topic ``urls``, key: the URL's host)."""

    url: str = Field(description="URL as it appeared in the feed")
    canonical_url: str = Field(description="Canonical form used for dedup and article_id")
    host: str = Field(description="Host of the canonical URL; the record key")
    feed_url: str | None = Field(default=None, description="Feed the URL was found in")
    title: str | None = Field(default=None, description="Entry title from the feed")
    feed_published_at: AwareDatetime | None = Field(default=None, description="Entry date from the feed")
    discovered_at: AwareDatetime
    force: bool = Field(default=False, description="Fetch even if the URL was fetched before")


class FetchedPage(Record):
    """A fetched HTML page (topic ``pages``, key: article_id)."""

    article_id: str = Field(description="sha256 of the canonical URL, first 32 hex digits")
    url: str = Field(description="URL that was requested")
    canonical_url: str
    final_url: str = Field(description="URL after redirects")
    feed_url: str | None = None
    status: int = Field(ge=100, le=599)
    headers: dict[str, str] = Field(
        default_factory=dict,
        description="The response headers that matter downstream (content-type, etag, last-modified, ...)",
    )
    encoding: str = Field(description="Charset the body was decoded with")
    encoding_source: Literal["header", "meta", "bom", "utf-8", "detected"]
    html: str = Field(description="Decoded HTML (never raw bytes)")
    html_sha256: Sha256Hex = Field(description="sha256 of the undecoded body bytes")
    body_bytes: int = Field(ge=0)
    fetched_at: AwareDatetime
    elapsed_ms: int = Field(ge=0)


class Article(Record):
    """Clean article text and metadata (topic ``articles``, key: article_id)."""

    article_id: str
    url: str
    canonical_url: str
    final_url: str
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    published_at: date | None = Field(default=None, description="Publication date as found by the extractor")
    published_at_source: DateSource | None = Field(default=None, description="Where published_at came from")
    modified_at: date | None = None
    modified_at_source: DateSource | None = None
    sitename: str | None = None
    language: str | None = None
    description: str | None = None
    page_canonical_url: str | None = Field(default=None, description="The page's own rel=canonical / og:url")
    image_url: str | None = None
    tags: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    text: str
    word_count: int = Field(ge=0)
    simhash: str = Field(description="64-bit SimHash of the text (hex), for near-duplicate detection")
    duplicate_of: str | None = Field(
        default=None, description="article_id of an earlier near-identical text (a syndicated copy)"
    )
    trimmed: list[str] = Field(default_factory=list, description="Chrome newswire removed, as 'rule: text'")
    html_sha256: Sha256Hex
    text_sha256: Sha256Hex
    fetched_at: AwareDatetime
    extracted_at: AwareDatetime
    extractor: str = Field(description="Extractor name and version, e.g. trafilatura/2.0.0")
    extractor_options: dict[str, bool | int | str] = Field(default_factory=dict)


class FeedStatus(Record):
    """Outcome of one feed poll, with the feed's health so far (topic ``feed-status``, key: feed URL)."""

    feed_url: str
    feed_name: str | None = None
    tags: list[str] = Field(default_factory=list)
    kind: str | None = Field(default=None, description="rss, atom, feed, json_feed, sitemap or sitemap_index")
    polled_at: AwareDatetime
    outcome: Literal["ok", "not_modified", "error"]
    http_status: int | None = None
    entries: int = Field(default=0, ge=0, description="Article URLs listed in the document(s)")
    new_entries: int = Field(default=0, ge=0, description="Entries this poller had not emitted before")
    error: str | None = None
    elapsed_ms: int = Field(ge=0)
    interval_s: float = Field(default=0.0, ge=0, description="Wait until the next poll (adaptive)")
    polls: int = Field(default=1, ge=1, description="Polls of this feed since the fetcher started")
    not_modified_ratio: float = Field(default=0.0, ge=0, le=1)
    consecutive_errors: int = Field(default=0, ge=0)
    last_new_item_at: AwareDatetime | None = None


class DeadLetter(Record):
    """One envelope for a record that a stage could not process (topic ``deadletter``)."""

    stage: Stage
    error_class: str = Field(description="Name of the typed error, e.g. BodyTooLarge")
    error_kind: Literal["transient", "permanent", "fatal"]
    reason: str = Field(description="Short machine-readable cause, e.g. invalid_json, timeout, http_404")
    message: str
    source_topic: str | None = None
    source_partition: int | None = None
    source_offset: int | None = None
    source_key_b64: str | None = None
    original_b64: str = Field(description="The original record bytes, base64; empty for URL-level failures")
    original_size: int | None = Field(
        default=None, ge=0, description="Length of the original record in bytes"
    )
    original_sha256: str | None = Field(default=None, description="sha256 of the whole original record, hex")
    original_truncated: bool = Field(
        default=False,
        description="original_b64 holds only the first bytes of the original: the whole did not fit the "
        "record limit",
    )
    subject: str | None = Field(
        default=None, description="What failed, e.g. the URL that could not be fetched"
    )
    first_failed_at: AwareDatetime
    last_failed_at: AwareDatetime
    attempts: int = Field(ge=1)


def record_name(model: type[Record]) -> str:
    """Stable name of a contract, used for the JSON Schema file name."""
    return model.__name__


__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "DeadLetter",
    "DiscoveredUrl",
    "FeedStatus",
    "FetchedPage",
    "Record",
    "record_name",
]
