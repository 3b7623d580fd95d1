"""Prometheus metrics of the fetcher, on a registry built by the entry point (no global registry)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from services.common.metrics import ServiceMetrics


class FetcherMetrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.polls = Counter("newswire_feed_polls", "Feed polls by outcome", ["outcome"], registry=r)
        self.discovered = Counter("newswire_urls_discovered", "New URLs emitted by the poller", registry=r)
        self.fetches = Counter(
            "newswire_fetches", "URLs finished, by outcome (fetched or a reason)", ["outcome"], registry=r
        )
        self.duplicates = Counter("newswire_urls_already_seen", "URLs dropped by the seen-table", registry=r)
        self.retries = Counter(
            "newswire_fetch_retries", "Retries of transient failures", ["reason"], registry=r
        )
        self.robots = Counter("newswire_robots_decisions", "robots.txt decisions", ["decision"], registry=r)
        self.robots_fetches = Counter("newswire_robots_fetches", "robots.txt downloads", registry=r)
        # The metrics every service has (consumed, produced, dead letters, lag), on the same registry.
        self.common = ServiceMetrics("fetcher", r)
        self.last_new_item = Gauge(
            "newswire_feed_last_new_item_timestamp_seconds",
            "When a feed last had an item not seen before (feed freshness: alert on time() - this)",
            ["feed"],
            registry=r,
        )
        self.last_poll = Gauge(
            "newswire_feed_last_poll_timestamp_seconds", "When a feed was last polled", ["feed"], registry=r
        )
        self.bytes = Counter("newswire_fetched_bytes", "Decoded body bytes of fetched pages", registry=r)
        self.latency = Histogram(
            "newswire_fetch_seconds",
            "Time per fetched page, retries and politeness waits included",
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300),
            registry=r,
        )
