"""Consumer-group offsets: show them (committed, end, lag) and reset them safely.

A reset commits new offsets for a group. It must not race a live member, which would overwrite
them on its next commit, so the group has to be idle. Kafka reports an idle group as ``Empty``;
some brokers (Tansu, measured) keep listing a member that has left, so when members are listed
the reset joins the group itself and proceeds only if it leads a generation of one member (its own
assignor counts the members it is given to assign) and is given every partition of the topics.
Being given every partition alone proves nothing when the group has fewer partitions than members.
Datetimes are resolved by ``offset_for_time`` (a binary search over the records' timestamps).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiokafka import TopicPartition
from aiokafka.abc import ConsumerRebalanceListener
from aiokafka.coordinator.assignors.roundrobin import RoundRobinPartitionAssignor

from services.common.kafka import admin_client, reader_consumer
from services.common.partitions import offset_for_time, partitions_of
from services.common.settings import KafkaSettings
from services.common.topics import TopicNames, app_id

SERVICES = ("fetcher", "extractor", "linker", "sink")


@dataclass(frozen=True)
class PartitionOffsets:
    group: str
    topic: str
    partition: int
    committed: int | None
    end: int

    @property
    def lag(self) -> int | None:
        return None if self.committed is None else max(self.end - self.committed, 0)


class ResetRefused(RuntimeError):
    """The group is in use, or the request names nothing to reset."""


async def list_groups(kafka: KafkaSettings) -> list[str]:
    """newswire's service groups and every other group the broker lists."""
    admin = admin_client(kafka)
    await admin.start()
    try:
        listed = [group for group, _ in await admin.list_consumer_groups()]
    finally:
        await admin.close()
    known = [app_id(kafka, s) for s in SERVICES]
    return known + sorted(g for g in listed if g not in known)


async def group_members(kafka: KafkaSettings, group: str) -> list[str]:
    admin = admin_client(kafka)
    await admin.start()
    try:
        described = await admin.describe_consumer_groups([group])
    finally:
        await admin.close()
    members: list[str] = []
    for response in described:
        for entry in response.groups:
            state, entry_members = entry[2], entry[5]
            if state not in ("Empty", "Dead"):
                members.extend(member[0] for member in entry_members)
    return members


async def show(
    kafka: KafkaSettings, groups: list[str], topics: list[str] | None = None
) -> list[PartitionOffsets]:
    """Committed offset, end and lag per group and partition (partitions without commits are left out
    unless ``topics`` names them)."""
    candidates = topics or TopicNames.from_settings(kafka).all()
    out: list[PartitionOffsets] = []
    for group in groups:
        consumer = reader_consumer(kafka, group)
        await consumer.start()
        try:
            tps = await partitions_of(consumer, candidates)
            ends = await consumer.end_offsets(tps) if tps else {}
            for tp in tps:
                committed = await consumer.committed(tp)
                if committed is None and topics is None:
                    continue
                out.append(PartitionOffsets(group, tp.topic, tp.partition, committed, ends[tp]))
        finally:
            await consumer.stop()
    return out


@dataclass(frozen=True)
class PlannedReset:
    topic: str
    partition: int
    current: int | None
    target: int


async def plan(kafka: KafkaSettings, group: str, topics: list[str], to: str) -> list[PlannedReset]:
    """Where each partition of ``topics`` would move: ``earliest``, ``latest``, an ISO datetime, or
    explicit offsets ``PARTITION=OFFSET,...`` (one topic only)."""
    consumer = reader_consumer(kafka, group, auto_offset_reset="earliest")
    await consumer.start()
    try:
        tps = await partitions_of(consumer, topics)
        if not tps:
            raise ResetRefused(f"no such topic: {', '.join(topics)}")
        consumer.assign(tps)
        begins = await consumer.beginning_offsets(tps)
        ends = await consumer.end_offsets(tps)
        explicit = _explicit_offsets(to, topics) if "=" in to else None
        when = None if explicit is not None or to in ("earliest", "latest") else datetime.fromisoformat(to)
        planned = []
        for tp in tps:
            if to == "earliest":
                target = begins[tp]
            elif to == "latest":
                target = ends[tp]
            elif explicit is not None:
                if tp.partition not in explicit:
                    continue
                target = min(max(explicit[tp.partition], begins[tp]), ends[tp])
            else:
                assert when is not None
                if when.tzinfo is None:
                    raise ResetRefused(f"give the datetime with its UTC offset, e.g. {to}+00:00")
                target = await offset_for_time(consumer, tp, when, ends[tp])
            planned.append(PlannedReset(tp.topic, tp.partition, await consumer.committed(tp), target))
        return planned
    finally:
        await consumer.stop()


def _explicit_offsets(to: str, topics: list[str]) -> dict[int, int]:
    if len(topics) != 1:
        raise ResetRefused("explicit offsets need exactly one --topic")
    try:
        return {int(p): int(o) for p, o in (item.split("=") for item in to.split(","))}
    except ValueError as exc:
        raise ResetRefused(f"offsets must look like 0=120,1=98, got {to!r}") from exc


async def apply(kafka: KafkaSettings, group: str, planned: list[PlannedReset]) -> None:
    """Commit ``planned`` for ``group``; raises ResetRefused while another member is alive."""
    offsets = {TopicPartition(p.topic, p.partition): p.target for p in planned}
    members = await group_members(kafka, group)
    if not members:
        consumer = reader_consumer(kafka, group)
        await consumer.start()
        try:
            consumer.assign(list(offsets))
            await consumer.commit(offsets)
        finally:
            await consumer.stop()
        return
    # Members are listed: join, and see who else is in the generation.
    topics = sorted({tp.topic for tp in offsets})
    assignor, generation_sizes = _counting_assignor()
    watch = _JoinWatch()
    consumer = reader_consumer(
        kafka,
        group,
        session_timeout_ms=int(kafka.session_timeout_s * 1000),
        heartbeat_interval_ms=int(kafka.heartbeat_interval_s * 1000),
        rebalance_timeout_ms=int(kafka.rebalance_timeout_s * 1000),
        partition_assignment_strategy=(assignor,),
    )
    consumer.subscribe(topics, listener=watch)
    await consumer.start()
    try:
        all_partitions = set(await partitions_of(consumer, topics))
        try:
            await asyncio.wait_for(watch.joined.wait(), timeout=kafka.rebalance_timeout_s * 3 + 10)
        except TimeoutError:
            raise ResetRefused(f"group {group}: could not join it to check for live members") from None
        # Only the leader assigns: no count means another member leads, so it is alive.
        alone = generation_sizes[-1:] == [1]
        if not alone or consumer.assignment() != all_partitions:
            raise ResetRefused(
                f"group {group} has live members ({', '.join(members)}): stop them first "
                f"(this client was given {len(consumer.assignment())} of {len(all_partitions)} partitions"
                f"{'' if alone else ' and was not alone in the group'})"
            )
        await consumer.commit(offsets)
    finally:
        await consumer.stop()


class _JoinWatch(ConsumerRebalanceListener):
    """Set once this client has completed a join, whatever it was given (possibly nothing)."""

    def __init__(self) -> None:
        self.joined = asyncio.Event()

    async def on_partitions_revoked(self, revoked: object) -> None:
        return None

    async def on_partitions_assigned(self, assigned: object) -> None:
        self.joined.set()


def _counting_assignor() -> tuple[type[RoundRobinPartitionAssignor], list[int]]:
    """The stock round-robin assignor (same protocol name as plain aiokafka consumers), recording
    how many members each generation it leads has. One class per reset: no shared state."""
    sizes: list[int] = []

    class CountingRoundRobin(RoundRobinPartitionAssignor):
        @classmethod
        def assign(cls, cluster: Any, members: Any) -> Any:
            sizes.append(len(members))
            return super().assign(cluster, members)

    return CountingRoundRobin, sizes
