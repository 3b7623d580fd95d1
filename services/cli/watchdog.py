"""Liveness: a service whose input waits while it consumes nothing is stalled.

faust consumers are known to stay alive and stop consuming (stalled streams after rebalances and
broker outages), and a frozen process holds no partition but still looks alive to a supervisor
that only watches exit codes. Progress is what each service's consumer group commits: while its
input has records waiting (lag) and its committed offsets do not move for ``stall_after_s``, the
service is stalled. ``newswire run`` then restarts it; ``newswire check --stall-window`` fails.
A group that has never committed counts its whole input as waiting.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from services.cli.ops.offsets import PartitionOffsets, show
from services.cli.supervisor import Supervisor
from services.common.settings import KafkaSettings
from services.common.topics import TopicNames, app_id


def inputs(topics: TopicNames) -> dict[str, list[str]]:
    """The topics each service consumes."""
    return {
        "fetcher": [topics.urls],
        "extractor": [topics.pages],
        "linker": [topics.events],
        "sink": [topics.articles, topics.events, topics.event_clusters, topics.deadletter],
    }


def waiting(offsets: list[PartitionOffsets]) -> int:
    """Records of the input not yet committed (all of a partition never committed)."""
    return sum(o.end - (o.committed or 0) for o in offsets if o.end > (o.committed or 0))


@dataclass
class Watchdog:
    """Tells stalled services from their groups' offsets, sampled over time."""

    stall_after_s: float
    _seen: dict[str, tuple[tuple[str, int, int | None], ...]] = field(default_factory=dict)
    _moved_at: dict[str, float] = field(default_factory=dict)

    def observe(self, service: str, offsets: list[PartitionOffsets], now: float) -> bool:
        """Record a sample; True when ``service`` has had input waiting and no commit for the window."""
        committed = tuple(sorted((o.topic, o.partition, o.committed) for o in offsets))
        if not waiting(offsets) or committed != self._seen.get(service) or service not in self._moved_at:
            self._seen[service] = committed
            self._moved_at[service] = now
            return False
        return now - self._moved_at[service] >= self.stall_after_s

    def restarted(self, service: str, now: float) -> None:
        """A restarted service gets a whole window before it can be stalled again."""
        self._moved_at[service] = now


async def sample(kafka: KafkaSettings, timeout_s: float = 20.0) -> dict[str, list[PartitionOffsets]]:
    """Each service group's committed offsets and ends on its input topics."""
    topics = TopicNames.from_settings(kafka)
    out: dict[str, list[PartitionOffsets]] = {}
    for service, names in inputs(topics).items():
        out[service] = await asyncio.wait_for(show(kafka, [app_id(kafka, service)], names), timeout_s)
    return out


async def stalled_over(kafka: KafkaSettings, window_s: float) -> dict[str, int]:
    """Services with input waiting that committed nothing during ``window_s``: {service: waiting}."""
    watchdog = Watchdog(stall_after_s=window_s)
    first = await sample(kafka)
    for service, offsets in first.items():
        watchdog.observe(service, offsets, 0.0)
    await asyncio.sleep(window_s)
    second = await sample(kafka)
    return {
        service: waiting(offsets)
        for service, offsets in second.items()
        if watchdog.observe(service, offsets, window_s)
    }


Sampler = Callable[[], Awaitable[dict[str, list[PartitionOffsets]]]]


class StallGuard:
    """``newswire run``'s liveness loop: samples the groups, restarts the services that stalled."""

    def __init__(self, supervisor: Supervisor, watchdog: Watchdog, sampler: Sampler) -> None:
        self.supervisor = supervisor
        self.watchdog = watchdog
        self.sampler = sampler

    async def tick(self, now: float) -> list[str]:
        """One sample; returns the services restarted. A failed sample (broker away) restarts none."""
        try:
            samples = await self.sampler()
        except Exception:
            return []
        restarted = []
        for service, offsets in samples.items():
            if self.watchdog.observe(service, offsets, now):
                reason = (
                    f"{waiting(offsets)} records waiting and no commit for {self.watchdog.stall_after_s:.0f}s"
                )
                if self.supervisor.kill(service, reason):
                    self.watchdog.restarted(service, now)
                    restarted.append(service)
        return restarted
