"""Kafka clients with newswire's safe defaults: acks=all, explicit deadlines, idempotent topic creation."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError
from aiokafka.structs import RecordMetadata

from services.common.errors import BrokerUnavailable
from services.common.settings import KafkaSettings
from services.common.topics import app_id

log = logging.getLogger(__name__)

_TOPIC_ALREADY_EXISTS = 36


def require_bootstrap(kafka: KafkaSettings) -> str:
    if not kafka.bootstrap:
        raise ValueError("no Kafka bootstrap configured: pass --bootstrap or set NEWSWIRE_KAFKA__BOOTSTRAP")
    return kafka.bootstrap


def compression_type(kafka: KafkaSettings) -> str | None:
    """The producers' ``compression_type`` for the setting (None: uncompressed)."""
    return None if kafka.compression == "none" else kafka.compression


def reader_consumer(kafka: KafkaSettings, group: str | None = None, **options: object) -> AIOKafkaConsumer:
    """A consumer for tools that assign partitions (or join ``group``) themselves; never auto-commits,
    and fetches records up to the size the producers may send."""
    options.setdefault("max_partition_fetch_bytes", kafka.max_request_bytes)
    # A seek below a log's start (retention) lands on its first record, never past the rest.
    options.setdefault("auto_offset_reset", "earliest")
    return AIOKafkaConsumer(
        bootstrap_servers=require_bootstrap(kafka), group_id=group, enable_auto_commit=False, **options
    )


def admin_client(kafka: KafkaSettings, *, timeout_s: float | None = None) -> AIOKafkaAdminClient:
    """An admin client whose requests time out after ``timeout_s`` (default: the send timeout)."""
    return AIOKafkaAdminClient(
        bootstrap_servers=require_bootstrap(kafka),
        request_timeout_ms=int((timeout_s or kafka.send_timeout_s) * 1000),
    )


def group_consumer(kafka: KafkaSettings, service: str, *topics: str) -> AIOKafkaConsumer:
    """A consumer in ``service``'s group with manual commits and newswire's group timings."""
    return AIOKafkaConsumer(
        *topics,
        bootstrap_servers=require_bootstrap(kafka),
        group_id=app_id(kafka, service),
        client_id=app_id(kafka, service),
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        session_timeout_ms=int(kafka.session_timeout_s * 1000),
        heartbeat_interval_ms=int(kafka.heartbeat_interval_s * 1000),
        rebalance_timeout_ms=int(kafka.rebalance_timeout_s * 1000),
        max_partition_fetch_bytes=kafka.max_request_bytes,
        fetch_max_bytes=kafka.max_request_bytes * 2,
    )


async def ensure_topics(kafka: KafkaSettings, topics: Iterable[str], *, timeout_s: float = 30.0) -> None:
    """Create ``topics`` if missing; existing topics are left as they are (idempotent)."""
    admin = admin_client(kafka, timeout_s=timeout_s)
    try:
        await asyncio.wait_for(admin.start(), timeout_s)
        existing = set(await asyncio.wait_for(admin.list_topics(), timeout_s))
        missing = [t for t in topics if t not in existing]
        if not missing:
            return
        # Pages can be large: let the topic accept what our producers may send.
        configs = {"max.message.bytes": str(kafka.max_request_bytes)}
        new = [
            NewTopic(
                t,
                num_partitions=kafka.partitions,
                replication_factor=kafka.replication_factor,
                topic_configs=configs,
            )
            for t in missing
        ]
        response = await asyncio.wait_for(admin.create_topics(new), timeout_s)
        for entry in getattr(response, "topic_errors", []):
            name, code = entry[0], entry[1]
            if code not in (0, _TOPIC_ALREADY_EXISTS):
                raise BrokerUnavailable(f"cannot create topic {name}: error code {code} {entry[2:]}")
        log.info("created topics %s", ", ".join(missing))
    except (TimeoutError, KafkaError, OSError) as exc:
        raise BrokerUnavailable(f"topic creation failed: {exc!r}") from exc
    finally:
        await asyncio.wait_for(admin.close(), timeout_s)


class BoundedProducer:
    """An aiokafka producer whose every send and stop has a deadline.

    ``send`` returns only once the broker acknowledged the record with acks=all,
    so a caller may ack its own input afterwards.
    """

    def __init__(self, kafka: KafkaSettings, *, client_id: str) -> None:
        self._kafka = kafka
        self._producer = AIOKafkaProducer(
            bootstrap_servers=require_bootstrap(kafka),
            client_id=client_id,
            acks="all",
            max_request_size=kafka.max_request_bytes,
            compression_type=compression_type(kafka),
            request_timeout_ms=int(kafka.send_timeout_s * 1000),
        )

    async def start(self) -> None:
        try:
            await asyncio.wait_for(self._producer.start(), self._kafka.send_timeout_s)
        except (TimeoutError, KafkaError, OSError) as exc:
            raise BrokerUnavailable(f"producer could not start: {exc!r}") from exc

    async def send(
        self,
        topic: str,
        value: bytes,
        *,
        key: bytes | None = None,
        headers: list[tuple[str, bytes]] | None = None,
    ) -> RecordMetadata:
        """Send one record and wait for the broker's acknowledgement: where it was written."""
        try:
            return await asyncio.wait_for(
                self._producer.send_and_wait(topic, value, key=key, headers=headers),
                self._kafka.send_timeout_s,
            )
        except (TimeoutError, KafkaError) as exc:
            raise BrokerUnavailable(f"send to {topic} not acknowledged: {exc!r}") from exc

    async def stop(self) -> None:
        try:
            await asyncio.wait_for(self._producer.stop(), self._kafka.stop_timeout_s)
        except (TimeoutError, KafkaError) as exc:
            log.warning("producer stop did not complete cleanly: %r", exc)
