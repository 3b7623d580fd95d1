"""Prometheus metrics every service exposes, on a registry its entry point builds (no global one).

Names: ``newswire_records_consumed_total{service,topic}``, ``newswire_records_produced_total
{service,topic}``, ``newswire_processing_seconds{service}`` (per record or batch),
``newswire_dead_letters_total{stage,reason}`` and ``newswire_consumer_lag{group,topic,partition}``.
The fetcher adds its own (feed polls, fetch outcomes, robots decisions, feed freshness).
"""

from __future__ import annotations

import asyncio
import logging
import time

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server

from services.common.kafka import reader_consumer
from services.common.partitions import partitions_of
from services.common.settings import KafkaSettings

log = logging.getLogger(__name__)


class ServiceMetrics:
    def __init__(self, service: str, registry: CollectorRegistry | None = None) -> None:
        self.service = service
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.consumed = Counter(
            "newswire_records_consumed", "Records read from a topic", ["service", "topic"], registry=r
        )
        self.produced = Counter(
            "newswire_records_produced",
            "Records written to a topic (or Parquet rows)",
            ["service", "topic"],
            registry=r,
        )
        self.processing = Histogram(
            "newswire_processing_seconds",
            "Time to process one record (extractor, linker) or to write one batch (sink)",
            ["service"],
            buckets=(0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
            registry=r,
        )
        self.dead_letters = Counter(
            "newswire_dead_letters", "Dead letters sent, by stage and reason", ["stage", "reason"], registry=r
        )
        self.lag = Gauge(
            "newswire_consumer_lag",
            "Records between the group's committed offset and the end of the partition",
            ["group", "topic", "partition"],
            registry=r,
        )

    def consumed_from(self, topic: str, n: int = 1) -> None:
        self.consumed.labels(self.service, topic).inc(n)

    def produced_to(self, topic: str, n: int = 1) -> None:
        self.produced.labels(self.service, topic).inc(n)

    def timer(self) -> _Timer:
        return _Timer(self.processing.labels(self.service))


class _Timer:
    def __init__(self, histogram: Histogram) -> None:
        self._histogram = histogram
        self._started = 0.0

    def __enter__(self) -> _Timer:
        self._started = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self._histogram.observe(time.perf_counter() - self._started)


def serve(metrics: ServiceMetrics, port: int | None) -> None:
    """Expose ``/metrics`` on ``port`` (all interfaces, for a scraper in another container); None: off."""
    if port is None:
        return
    start_http_server(port, addr="0.0.0.0", registry=metrics.registry)  # noqa: S104
    log.info("%s metrics on :%d/metrics", metrics.service, port)


async def group_lag(kafka: KafkaSettings, group: str, topics: list[str]) -> dict[tuple[str, int], int]:
    """Committed-to-end distance per partition of ``topics`` that ``group`` has committed on."""
    consumer = reader_consumer(kafka, group)
    await consumer.start()
    try:
        tps = await partitions_of(consumer, topics)
        ends = await consumer.end_offsets(tps) if tps else {}
        out = {}
        for tp in tps:
            committed = await consumer.committed(tp)
            if committed is not None:
                out[(tp.topic, tp.partition)] = max(ends[tp] - committed, 0)
        return out
    finally:
        await consumer.stop()


async def watch_lag(
    metrics: ServiceMetrics, kafka: KafkaSettings, group: str, topics: list[str], every_s: float = 15.0
) -> None:
    """Refresh the lag gauge of ``group`` every ``every_s`` seconds, until cancelled."""
    while True:
        try:
            for (topic, partition), lag in (await group_lag(kafka, group, topics)).items():
                metrics.lag.labels(group, topic, str(partition)).set(lag)
        except Exception as exc:  # a metrics refresh must never take the service down
            log.warning("lag refresh of %s failed: %r", group, exc)
        await asyncio.sleep(every_s)
