"""Configuration checks on the faust apps, without a broker."""

from __future__ import annotations

import pytest

from services import extractor, fetcher
from services.common.settings import Settings


@pytest.fixture
def settings() -> Settings:
    return Settings(kafka={"bootstrap": "127.0.0.1:9", "topic_prefix": "cfg.", "partitions": 3})


@pytest.mark.parametrize("build", [fetcher.build, extractor.build], ids=["fetcher", "extractor"])
def test_agents_run_with_concurrency_one(settings: Settings, build: object) -> None:
    # faust#606: with concurrency > 1 faust can commit past an in-flight message.
    app = build(settings)  # type: ignore[operator]
    assert app.agents, "no agents registered"
    for agent in app.agents.values():
        assert agent.concurrency == 1, agent.name


@pytest.mark.parametrize("build", [fetcher.build, extractor.build], ids=["fetcher", "extractor"])
def test_apps_use_safe_delivery_settings(settings: Settings, build: object) -> None:
    app = build(settings)  # type: ignore[operator]
    conf = app.conf
    assert conf.producer_acks == -1
    assert conf.consumer_auto_offset_reset == "earliest"
    assert conf.broker_session_timeout == 6.0 and conf.broker_heartbeat_interval == 1.0
    assert conf.topic_partitions == 3
    assert conf.processing_guarantee.value == "at_least_once"  # Tansu's transactions are not to be trusted
    assert not conf.web_enabled
    assert app.conf.id.startswith("cfg.")


def test_fetcher_seen_table_is_partitioned_like_its_input(settings: Settings) -> None:
    app = fetcher.build(settings)
    table = app.tables["seen-urls"]
    assert table.partitions == 3
    assert table.changelog_topic.get_topic_name() == "cfg.fetcher-seen-urls-changelog"
    assert table.changelog_topic.compacting  # the seen-set survives as the latest value per URL
