"""The linker's state file on the real broker: a restart loads the checkpoint and reads only the
versions written after it, and ends with the state a rebuild from the whole topic gives."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from schemas import EventMention, encode
from services.common.kafka import ensure_topics
from services.common.topics import TopicNames
from services.linker import worker as linker_worker
from services.linker.worker import LinkerWorker
from tests.integration.test_linking_restart import _mentions
from tests.oracle import produce, topic_size

pytestmark = pytest.mark.integration


async def _link_until(worker: LinkerWorker, linked: int, *, stop_cleanly: bool) -> None:
    """Run the worker until it has linked ``linked`` mentions, then stop it: cleanly (SIGTERM's
    path) or by cancelling it, which skips the last checkpoint as a crash would."""
    running = asyncio.create_task(worker.run())
    async with asyncio.timeout(90):
        while worker.linked < linked:
            if running.done():
                running.result()  # the worker failed: raise its error
            await asyncio.sleep(0.05)
    if stop_cleanly:
        worker.stop()
        await running
    else:
        running.cancel()
        with pytest.raises(asyncio.CancelledError):
            await running


def _state(worker: LinkerWorker) -> list[str]:
    return sorted(c.model_dump_json() for c in worker.linker.clusters())


def test_a_restart_reads_only_the_versions_written_after_the_checkpoint(
    make_settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # no checkpoint but the ones this test asks for: the clean stop's and the restore's
    monkeypatch.setattr(linker_worker, "CHECKPOINT_EVERY_S", 3600.0)
    settings = make_settings(linker={"horizon_days": 0, "state_dir": str(tmp_path / "linker")})
    topics = TopicNames.from_settings(settings.kafka)
    bootstrap = settings.kafka.bootstrap
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    events: list[EventMention] = [m for m in _mentions() if m.record_kind == "event"]
    half = len(events) // 2
    produce(bootstrap, topics.events, [(b"corpus", encode(m)) for m in events[:half]])

    first = LinkerWorker(settings)
    asyncio.run(_link_until(first, half, stop_cleanly=True))
    held = len(first.linker)
    assert held > 1

    # a clean stop checkpoints everything: the next start reads no version off the topic
    second = LinkerWorker(settings)
    assert asyncio.run(second.restore()) == held
    assert (second.events_checkpointed, second.versions_restored) == (held, 0)
    rebuilt = LinkerWorker(make_settings(linker={"horizon_days": 0}))  # no state file: the whole topic
    asyncio.run(rebuilt.restore())
    assert rebuilt.versions_restored == half
    assert _state(second) == _state(rebuilt)

    # the later reports are linked and then the linker dies before its next checkpoint
    produce(bootstrap, topics.events, [(b"corpus", encode(m)) for m in events[half:]])
    asyncio.run(_link_until(second, len(events) - half, stop_cleanly=False))
    written_after = topic_size(bootstrap, topics.event_clusters) - half

    third = LinkerWorker(settings)
    asyncio.run(third.restore())
    assert third.events_checkpointed == held
    assert third.versions_restored == written_after  # the tail, not the topic
    everything = LinkerWorker(make_settings(linker={"horizon_days": 0}))  # no state file
    asyncio.run(everything.restore())
    assert everything.versions_restored == len(events)
    assert _state(third) == _state(everything)


def test_a_state_file_of_a_topic_created_again_is_not_used(
    make_settings: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings(linker={"horizon_days": 0, "state_dir": str(tmp_path / "linker")})
    topics = TopicNames.from_settings(settings.kafka)
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    events = [m for m in _mentions() if m.record_kind == "event"][:6]
    produce(settings.kafka.bootstrap, topics.events, [(b"corpus", encode(m)) for m in events])
    first = LinkerWorker(settings)
    asyncio.run(_link_until(first, len(events), stop_cleanly=True))
    assert len(first.linker) > 0

    # the same state folder, the clusters topic deleted and created again (empty): the
    # checkpoint's offsets are past its end, so it must not be trusted
    asyncio.run(_recreate(settings, topics.event_clusters))
    restarted = LinkerWorker(settings)
    assert asyncio.run(restarted.restore()) == 0
    assert restarted.events_checkpointed == 0
    assert "the topic was created again" in caplog.text


async def _recreate(settings: Any, topic: str) -> None:
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka.bootstrap)
    await admin.start()
    try:
        await admin.delete_topics([topic])
    finally:
        await admin.close()
    await ensure_topics(settings.kafka, [topic])
