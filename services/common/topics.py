"""Topic names, derived from one configurable prefix."""

from __future__ import annotations

from dataclasses import dataclass

from services.common.settings import KafkaSettings


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
        p = kafka.topic_prefix
        return cls(
            urls=f"{p}urls",
            pages=f"{p}pages",
            articles=f"{p}articles",
            events=f"{p}events",
            deadletter=f"{p}deadletter",
            feed_status=f"{p}feed-status",
            event_clusters=f"{p}event-clusters",
        )

    def all(self) -> list[str]:
        return [
            self.urls,
            self.pages,
            self.articles,
            self.events,
            self.deadletter,
            self.feed_status,
            self.event_clusters,
        ]


def app_id(kafka: KafkaSettings, service: str) -> str:
    """Consumer-group / faust app id of a service: ``<prefix><service>``, dots kept."""
    return f"{kafka.topic_prefix}{service}"
