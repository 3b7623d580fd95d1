"""Re-extraction into versioned topics, and the diff between two extractions.

``newswire reextract`` runs the current extractor (the streaming agent's code path,
``ArticleExtractor``) over the stored ``pages`` of a time range and publishes to
``<prefix>articles.<TAG>`` and ``<prefix>events.<TAG>``: the live topics, the live sink and
every consumer are untouched until you decide to switch. ``newswire diff`` compares two such
outputs (``live`` names the live topics) article by article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiokafka import TopicPartition

from schemas import Article, DecodeError, EventMention, FetchedPage, decode, encode
from services.cli.ops.ranges import TimeRange, records_in_range
from services.common.errors import NewswireError
from services.common.kafka import BoundedProducer, ensure_topics, reader_consumer
from services.common.partitions import partitions_of, read_partitions
from services.common.settings import ExtractorSettings, KafkaSettings
from services.common.topics import TopicNames, app_id
from services.extractor.articles import ArticleExtractor

LIVE = "live"
_TAG = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
# Fields that differ on every run and say nothing about the extraction.
VOLATILE_FIELDS = {"extracted_at"}


def versioned_topics(kafka: KafkaSettings, tag: str) -> tuple[str, str]:
    """(articles topic, events topic) of an extraction tagged ``tag`` (``live``: the live ones)."""
    names = TopicNames.from_settings(kafka)
    if tag == LIVE:
        return names.articles, names.events
    if not _TAG.match(tag):
        raise ValueError(f"a version tag is 1-40 letters, digits, '-' or '_': {tag!r}")
    return f"{names.articles}.{tag}", f"{names.events}.{tag}"


@dataclass
class ReextractReport:
    pages: int = 0
    articles: int = 0
    events: int = 0
    failures: Counter[str] = field(default_factory=Counter)


async def reextract(
    kafka: KafkaSettings,
    extractor_settings: ExtractorSettings,
    window: TimeRange,
    tag: str,
    *,
    on_progress: Callable[[int, int], None] = lambda done, total: None,
) -> ReextractReport:
    if tag == LIVE:
        raise ValueError("re-extraction never writes to the live topics: give a version tag")
    articles_topic, events_topic = versioned_topics(kafka, tag)
    await ensure_topics(kafka, [articles_topic, events_topic])
    report = ReextractReport()
    total = 0

    def note_total(n: int) -> None:
        nonlocal total
        total = n

    extractor = ArticleExtractor(extractor_settings)
    producer = BoundedProducer(kafka, client_id=app_id(kafka, "reextract"))
    await producer.start()
    try:
        pages_topic = TopicNames.from_settings(kafka).pages
        async for _, record in records_in_range(kafka, pages_topic, window, on_total=note_total):
            report.pages += 1
            on_progress(report.pages, total)
            if not window.holds(record.timestamp):
                continue
            try:
                page = decode(FetchedPage, record.value)
                extracted = await extractor.extract(page)
            except (DecodeError, NewswireError) as exc:
                report.failures[type(exc).__name__] += 1
                continue
            key = extracted.article.article_id.encode()
            for mention in extracted.events:
                await producer.send(events_topic, encode(mention), key=key)
            await producer.send(articles_topic, encode(extracted.article), key=key)
            report.articles += 1
            report.events += len(extracted.events)
    finally:
        await producer.stop()
        extractor.close()
    return report


async def _latest(kafka: KafkaSettings, topic: str) -> list[bytes]:
    consumer = reader_consumer(kafka)
    await consumer.start()
    values: list[bytes] = []
    try:
        tps = await partitions_of(consumer, [topic])
        if not tps:
            raise ValueError(f"no topic {topic}: was this version extracted?")
        spans: dict[TopicPartition, tuple[int | None, int | None]] = {tp: (None, None) for tp in tps}
        async for record in read_partitions(consumer, spans):
            if record.value:
                values.append(record.value)
        return values
    finally:
        await consumer.stop()


def _event_signature(mention: EventMention) -> str:
    sites = "/".join(sorted(s.name or s.text for s in mention.sites))
    return f"{mention.record_kind} {mention.subtype} {mention.time.start or 'undated'} @ {sites or '?'}"


@dataclass
class Diff:
    base_articles: int = 0
    new_articles: int = 0
    added: list[str] = field(default_factory=list)  # article ids only in new
    removed: list[str] = field(default_factory=list)
    changed_fields: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)  # field -> "article: old -> new"
    events_added: list[str] = field(default_factory=list)  # "article: signature"
    events_removed: list[str] = field(default_factory=list)
    base_events: int = 0
    new_events: int = 0


def _short(value: Any, width: int = 80) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


async def diff(kafka: KafkaSettings, base: str, new: str, *, examples: int = 3) -> Diff:
    (base_articles_topic, base_events_topic), (new_articles_topic, new_events_topic) = (
        versioned_topics(kafka, base),
        versioned_topics(kafka, new),
    )
    # The latest record per article wins (a topic may hold several extractions of one page).
    old = {a.article_id: a for a in (decode(Article, v) for v in await _latest(kafka, base_articles_topic))}
    cur = {a.article_id: a for a in (decode(Article, v) for v in await _latest(kafka, new_articles_topic))}
    result = Diff(base_articles=len(old), new_articles=len(cur))
    result.added = sorted(set(cur) - set(old))
    result.removed = sorted(set(old) - set(cur))
    for article_id in sorted(set(old) & set(cur)):
        before, after = old[article_id].model_dump(), cur[article_id].model_dump()
        for name in before.keys() - VOLATILE_FIELDS:
            if before[name] != after.get(name):
                result.changed_fields[name] += 1
                shown = result.examples.setdefault(name, [])
                if len(shown) < examples:
                    shown.append(
                        f"{article_id[:12]}: {_short(before[name], 60)} -> {_short(after.get(name), 60)}"
                    )
    old_events: Counter[tuple[str, str]] = Counter()
    new_events: Counter[tuple[str, str]] = Counter()
    for topic, counter in ((base_events_topic, old_events), (new_events_topic, new_events)):
        for value in await _latest(kafka, topic):
            mention = decode(EventMention, value)
            counter[(mention.article_id, _event_signature(mention))] += 1
    result.base_events, result.new_events = sum(old_events.values()), sum(new_events.values())
    result.events_added = [f"{a[:12]}: {s}" for (a, s) in sorted((new_events - old_events).elements())]
    result.events_removed = [f"{a[:12]}: {s}" for (a, s) in sorted((old_events - new_events).elements())]
    return result
