from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from services.common.settings import Settings, settings_to_env
from services.common.topics import TopicNames, app_id


def test_defaults_are_the_documented_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in [k for k in __import__("os").environ if k.startswith("NEWSWIRE_")]:
        monkeypatch.delenv(key)
    s = Settings()
    assert s.kafka.bootstrap is None
    assert s.kafka.topic_prefix == "newswire."
    assert s.kafka.partitions == 4
    assert (s.kafka.session_timeout_s, s.kafka.rebalance_timeout_s, s.kafka.heartbeat_interval_s) == (
        6.0,
        6.0,
        1.0,
    )
    assert s.fetcher.max_body_bytes == 5 * 1024 * 1024
    assert s.extractor.timeout_s == 30.0


def test_environment_uses_prefix_and_nested_delimiter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWIRE_KAFKA__BOOTSTRAP", "kafka:9092")
    monkeypatch.setenv("NEWSWIRE_KAFKA__PARTITIONS", "12")
    monkeypatch.setenv("NEWSWIRE_FETCHER__FEEDS", '["https://a.example/rss", "https://b.example/atom"]')
    monkeypatch.setenv("NEWSWIRE_SINK__OUT_DIR", "/data/out")
    s = Settings()
    assert s.kafka.bootstrap == "kafka:9092"
    assert s.kafka.partitions == 12
    assert s.fetcher.feeds == ["https://a.example/rss", "https://b.example/atom"]
    assert s.sink.out_dir == Path("/data/out")


def test_explicit_values_override_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWIRE_KAFKA__BOOTSTRAP", "kafka:9092")
    monkeypatch.setenv("NEWSWIRE_KAFKA__PARTITIONS", "12")
    s = Settings(kafka={"bootstrap": "127.0.0.1:1"})
    assert s.kafka.bootstrap == "127.0.0.1:1"
    assert s.kafka.partitions == 12  # nested sections merge, they do not replace


@pytest.mark.parametrize(
    "env",
    [
        {"NEWSWIRE_KAFKA__PARTITIONS": "0"},
        {"NEWSWIRE_KAFKA__TOPIC_PREFIX": "bad prefix"},
        {"NEWSWIRE_SINK__MAX_RECORDS": "-1"},
        {"NEWSWIRE_KAFKA__NO_SUCH_SETTING": "1"},
    ],
)
def test_invalid_settings_are_rejected(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(ValidationError):
        Settings()


def test_settings_survive_the_trip_to_a_child_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    original = Settings(
        kafka={"bootstrap": "127.0.0.1:9", "topic_prefix": "x."},
        fetcher={"feeds": ["http://127.0.0.1/rss"], "max_redirects": 2},
        sink={"out_dir": Path("/tmp/o"), "idle_flush_s": 0.5},
        log_level="debug",
    )
    for key, value in settings_to_env(original).items():
        monkeypatch.setenv(key, value)
    assert Settings() == original


def test_settings_are_frozen() -> None:
    with pytest.raises(ValidationError):
        Settings().kafka.partitions = 3  # type: ignore[misc]


def test_topic_names_follow_the_prefix() -> None:
    topics = TopicNames.from_settings(Settings(kafka={"topic_prefix": "acme.news."}).kafka)
    assert topics.urls == "acme.news.urls"
    assert topics.pages == "acme.news.pages"
    assert topics.articles == "acme.news.articles"
    assert topics.events == "acme.news.events"
    assert topics.deadletter == "acme.news.deadletter"
    assert topics.feed_status == "acme.news.feed-status"
    assert topics.event_clusters == "acme.news.event-clusters"
    assert len(set(topics.all())) == 7
    assert app_id(Settings(kafka={"topic_prefix": "acme."}).kafka, "sink") == "acme.sink"


def test_the_topic_registry_is_the_one_source_of_names_tables_and_contracts() -> None:
    from dataclasses import fields

    from services.common.settings import TABLE_NAMES, KafkaSettings
    from services.common.topics import TOPIC_OF_TABLE, TOPICS, TopicNames
    from services.sink.tables import TABLES

    names = TopicNames.from_settings(KafkaSettings(topic_prefix="p."))
    assert [f.name for f in fields(TopicNames)] == [t.attr for t in TOPICS]  # every topic has a name
    assert names.all() == [f"p.{t.suffix}" for t in TOPICS]
    assert set(TOPIC_OF_TABLE) == set(TABLE_NAMES) == set(TABLES)
    for name, spec in TABLES.items():
        assert (spec.topic_attr, spec.model) == (TOPIC_OF_TABLE[name].attr, TOPIC_OF_TABLE[name].record)
