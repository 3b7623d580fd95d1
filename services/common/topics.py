"""The registry of newswire's topics, and their names under one configurable prefix.

Everything that lists topics derives from ``TOPICS``: the names, ``newswire topics`` (key and
contract), the sink's tables (``table``), the CLI's choices. A topic added here is created at
start by every service that lists ``TopicNames.all()``.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas import (
    Article,
    DeadLetter,
    DiscoveredUrl,
    EventCluster,
    EventMention,
    FeedStatus,
    FetchedPage,
)
from schemas.records import Record
from services.common.settings import KafkaSettings, TableName


@dataclass(frozen=True)
class TopicSpec:
    attr: str  # the attribute of TopicNames
    suffix: str  # the name after the prefix
    key: str  # what the record key is
    record: type[Record]  # the contract of the values
    table: TableName | None = None  # the sink's table written from this topic


TOPICS: tuple[TopicSpec, ...] = (
    TopicSpec("urls", "urls", "host", DiscoveredUrl),
    TopicSpec("pages", "pages", "article_id", FetchedPage),
    TopicSpec("articles", "articles", "article_id", Article, table="articles"),
    TopicSpec("events", "events", "article_id", EventMention, table="events"),
    TopicSpec("deadletter", "deadletter", "stage", DeadLetter, table="deadletter"),
    TopicSpec("feed_status", "feed-status", "feed URL", FeedStatus),
    TopicSpec("event_clusters", "event-clusters", "event_id", EventCluster, table="event_clusters"),
)
TOPIC_OF_TABLE: dict[TableName, TopicSpec] = {t.table: t for t in TOPICS if t.table is not None}


@dataclass(frozen=True)
class TopicNames:
    """The topics of one newswire deployment."""

    urls: str
    pages: str
    articles: str
    events: str
    deadletter: str
    feed_status: str
    event_clusters: str

    @classmethod
    def from_settings(cls, kafka: KafkaSettings) -> TopicNames:
        return cls(**{t.attr: f"{kafka.topic_prefix}{t.suffix}" for t in TOPICS})

    def all(self) -> list[str]:
        return [getattr(self, t.attr) for t in TOPICS]

    def of(self, spec: TopicSpec) -> str:
        name: str = getattr(self, spec.attr)
        return name


def app_id(kafka: KafkaSettings, service: str) -> str:
    """Consumer-group / faust app id of a service: ``<prefix><service>``, dots kept."""
    return f"{kafka.topic_prefix}{service}"
