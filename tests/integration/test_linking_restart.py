"""The linking agent on the real broker: killed mid-stream and restarted, it keeps its event ids."""

from __future__ import annotations

import asyncio
import json
import signal
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from schemas import EventCluster, EventMention, encode
from services.common.kafka import ensure_topics
from services.common.topics import TopicNames
from services.common.urls import host_of
from services.extractor.events.assemble import extract_events
from services.linker.linker import Linker
from tests.integration.conftest import wait_until
from tests.oracle import produce, records, topic_size

pytestmark = pytest.mark.integration

CORPUS = Path(__file__).parents[1] / "data" / "linking_corpus.json"


def _mentions() -> list[EventMention]:
    out = []
    for article in json.loads(CORPUS.read_text(encoding="utf-8"))["articles"]:
        url = f"https://{article['outlet']}/{article['id']}"
        published = date.fromisoformat(article["published_at"])
        out += extract_events(article["text"], article_id=article["id"], url=url, published_at=published)
    return out


def _latest(clusters: list[EventCluster]) -> dict[str, EventCluster]:
    latest: dict[str, EventCluster] = {}
    for cluster in clusters:
        if cluster.event_id not in latest or cluster.version > latest[cluster.event_id].version:
            latest[cluster.event_id] = cluster
    return latest


def _diagnose(bootstrap: str, topics: TopicNames, mentions: list[EventMention]) -> str:
    linked = {m for c in records(bootstrap, topics.event_clusters, EventCluster) for m in c.mention_ids}
    missing = [i for i, m in enumerate(mentions) if m.mention_id not in linked]
    return f"\nmentions not linked (by position): {missing}"


def test_a_killed_linking_worker_keeps_its_event_ids(
    make_settings: Any, services: Any, tmp_path: Path
) -> None:
    # The corpus spans years and is sent out of date order: with a horizon the restarted linker
    # would rightly let the oldest events go (test_linker_horizon.py covers that); here, none.
    # Its state is kept in a file: the restarted linker finds the killed one's file, whose last
    # checkpoint is behind what the killed one sent, and must read the rest from the topic.
    settings = make_settings(linker={"horizon_days": 0, "state_dir": str(tmp_path / "linker")})
    topics = TopicNames.from_settings(settings.kafka)
    bootstrap = settings.kafka.bootstrap
    asyncio.run(ensure_topics(settings.kafka, topics.all()))
    events = [m for m in _mentions() if m.record_kind == "event"]
    # The first report of every operation before the kill, the later reports after it: those can
    # only join the right events if the restarted linker rebuilt its state.
    first_reports = [m for m in events if m.article_id.endswith(("1", "a"))]
    mentions = first_reports + [m for m in events if m not in first_reports]
    half = len(first_reports)
    # One key: one partition of `events`, so the order the linker sees is the order produced.
    produce(bootstrap, topics.events, [(b"corpus", encode(m)) for m in mentions[:half]])

    first = services.start(settings, "linker")
    wait_until(
        lambda: topic_size(bootstrap, topics.event_clusters) >= half,
        timeout_s=90,
        what=f"{half} cluster versions",
        on_fail=services.logs,
    )
    before = {
        m: c.event_id
        for c in _latest(records(bootstrap, topics.event_clusters, EventCluster)).values()
        for m in c.mention_ids
    }
    linker = services.child(first, "linker")
    linker.proc.send_signal(signal.SIGKILL)  # no flush, no commit, no changelog flush
    linker.proc.wait(timeout=10)
    services.stop_all()
    assert list((tmp_path / "linker").glob("*.sqlite")), "the killed linker's state file is left"

    produce(bootstrap, topics.events, [(b"corpus", encode(m)) for m in mentions[half:]])
    services.start(settings, "linker")
    wait_until(
        lambda: (
            len(
                {
                    m
                    for c in _latest(records(bootstrap, topics.event_clusters, EventCluster)).values()
                    for m in c.mention_ids
                }
            )
            >= len(mentions)
        ),
        timeout_s=90,
        what="every mention linked",
        on_fail=lambda: (
            services.logs() + f"\nsizes: events={topic_size(bootstrap, topics.events)} "
            f"clusters={topic_size(bootstrap, topics.event_clusters)} expected={len(mentions)}"
            + _diagnose(bootstrap, topics, mentions)
        ),
    )
    services.stop_all()

    latest = _latest(records(bootstrap, topics.event_clusters, EventCluster))
    after: dict[str, str] = {}
    for cluster in latest.values():
        for mention_id in cluster.mention_ids:
            assert mention_id not in after, f"{mention_id} is in two events: a cluster was duplicated"
            after[mention_id] = cluster.event_id
    assert all(after[m] == event_id for m, event_id in before.items()), (
        "an event id changed across the restart"
    )
    # and the stream agrees with linking the same mentions offline, in the same order
    offline = Linker()
    expected = {m.mention_id: offline.link(m, host_of(m.url)).cluster.event_id for m in mentions}  # type: ignore[union-attr]
    assert after == expected
