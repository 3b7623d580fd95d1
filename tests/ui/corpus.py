"""Sink tables for the UI's tests and benchmark, written by the sink's own writer.

``demo_tables``: the demo's sample site through the extractor (the stream's code path) and the
linker. ``generated_tables``: any number of events with sites, counts, actors and articles, for the
scale tests and ``bench/ui.py``.
"""

from __future__ import annotations

import asyncio
import hashlib
import random
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from schemas import Article, DeadLetter, EventCluster, EventMention, Record
from schemas.clusters import MergeEvidence, SourcedActor, SourcedQuantity, SourcedSite
from schemas.events import Actor, EventTime, Quantity, Site, Span, Target
from services.common.pages import page_from_body
from services.common.settings import ExtractorSettings
from services.common.urls import host_of
from services.demo.pages import load_articles, site_routes
from services.extractor.articles import ArticleExtractor
from services.linker.linker import Linker
from services.sink.batches import add_record, write_batch
from services.sink.buffer import PartitionBuffer
from services.sink.storage import LocalStorage, Storage
from services.sink.tables import TABLES

DEMO_BASE = "http://127.0.0.1:8801"
FILE_ROWS = 5_000  # rows per written file, as a sink's batch


def write_tables(root: Path | Storage, tables: dict[str, Sequence[Record]], *, first_offset: int = 0) -> None:
    """Each table's records as the sink writes them (under a local root or into a storage):
    batches of files, one per date partition."""
    storage = LocalStorage(root) if isinstance(root, Path) else root
    for name, records in tables.items():
        spec = TABLES[name]
        for start in range(0, len(records), FILE_ROWS):
            buffer = PartitionBuffer(f"ui.{name}", 0)
            for offset, record in enumerate(records[start : start + FILE_ROWS], first_offset + start):
                buffer.note_offset(offset, 1, 0.0)
                add_record(buffer, spec, record, offset)
            write_batch(storage, spec, buffer)


async def _extract_demo() -> tuple[list[Article], list[EventMention]]:
    routes = site_routes(DEMO_BASE)
    extractor = ArticleExtractor(ExtractorSettings(workers=1))
    articles: list[Article] = []
    mentions: list[EventMention] = []
    try:
        for sample in load_articles():
            html = routes[sample.path][1]
            fetched = datetime.fromisoformat(f"{sample.published_at}T12:00:00+00:00")
            page = page_from_body(DEMO_BASE + sample.path, html.encode(), fetched_at=fetched)
            extracted = extractor.finish(page, await extractor.run(page))
            articles.append(extracted.article)
            mentions.extend(extracted.events)
    finally:
        extractor.close()
    return articles, mentions


def demo_tables(root: Path) -> dict[str, list[Record]]:
    """The demo's five articles, their event mentions and the linker's cluster versions, written
    under ``root``; returns the records written."""
    articles, mentions = asyncio.run(_extract_demo())
    outlets = {a.article_id: host_of(a.url) for a in articles}
    linker = Linker()
    clusters: list[Record] = []
    linked: list[Record] = []
    for mention in mentions:
        assignment = linker.link(mention, outlets[mention.article_id])
        if assignment is not None:
            clusters.append(assignment.cluster)
            mention = mention.model_copy(update={"event_id": assignment.cluster.event_id})
        linked.append(mention)
    tables: dict[str, list[Record]] = {
        "articles": list(articles),
        "events": linked,
        "event_clusters": clusters,
    }
    write_tables(root, tables)
    return tables


PLACES = [  # name, country, lat, lon
    ("Tangier", "MAR", 35.77, -5.80),
    ("Casablanca", "MAR", 33.59, -7.62),
    ("Oujda", "MAR", 34.68, -1.91),
    ("Madrid", "ESP", 40.42, -3.70),
    ("Barcelona", "ESP", 41.39, 2.17),
    ("Melilla", "ESP", 35.29, -2.94),
    ("Brussels", "BEL", 50.85, 4.35),
    ("Paris", "FRA", 48.86, 2.35),
    ("Maiduguri", "NGA", 11.85, 13.16),
    ("Mogadishu", "SOM", 2.05, 45.32),
]
SUBTYPES = ["arrest", "cell_dismantled", "raid_search", "seizure", "attack", "abduction"]
AGENCIES = [("National Police", "ESP", "COP"), ("DGST", "MAR", "SPY"), ("Civil Guard", "ESP", "COP")]
GROUPS = ["Islamic State", "al-Qaeda", "Boko Haram", "al-Shabaab"]


def _digest(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:32]


def generated_tables(
    n_events: int, *, seed: int = 7, first_day: date = date(2024, 1, 1)
) -> dict[str, list[Record]]:
    """``n_events`` events, each one mention in its own article, at one or two sites."""
    rng = random.Random(seed)
    now = datetime(2025, 1, 1, tzinfo=UTC)
    articles: list[Record] = []
    mentions: list[Record] = []
    clusters: list[Record] = []
    for i in range(n_events):
        day = first_day + timedelta(days=rng.randrange(365))
        subtype = rng.choice(SUBTYPES)
        places = rng.sample(PLACES, rng.choice((1, 1, 2)))
        agency = rng.choice(AGENCIES)
        group = rng.choice(GROUPS)
        counts = [rng.randint(1, 9) for _ in places]
        sentence = (
            f"The {agency[0]} detained {sum(counts)} suspects linked to {group} in "
            + " and ".join(p[0] for p in places)
            + f" on {day:%d %B %Y}."
        )
        text = f"Report {i}. {sentence} Investigations continue."
        start = text.index(sentence)
        article_id, mention_id = _digest("a", seed, i), _digest("m", seed, i)
        url = f"http://outlet{i % 40}.example/{i}"
        evidence = Span(start=start, end=start + len(sentence), text=sentence)
        sites = [
            Site(text=p[0], name=p[0], country=p[1], lat=p[2], lon=p[3], precision="city", count=c)
            for p, c in zip(places, counts, strict=True)
        ]
        time = EventTime(text=f"{day:%d %B %Y}", start=day, end=day, precision="day", anchor="explicit")
        actor = Actor(text=agency[0], name=agency[0], country=agency[1], sector=agency[2])
        quantity = Quantity(kind="arrested", value=sum(counts))
        articles.append(_article(article_id, url, day, text, now))
        mentions.append(
            EventMention(
                mention_id=mention_id,
                article_id=article_id,
                url=url,
                published_at=day,
                record_kind="event",
                event_type="ARREST",
                subtype=subtype,  # type: ignore[arg-type]
                actors=[actor],
                targets=[Target(text=f"{group} suspects", kind="individual", affiliation=group)],
                sites=sites,
                quantities=[quantity],
                time=time,
                evidence=[evidence],
                confidence=0.9,
                event_id=_digest("e", seed, i),
                extractor_version="generated",
            )
        )
        clusters.append(
            _cluster(
                _digest("e", seed, i),
                mention_id,
                article_id,
                url,
                subtype,
                day,
                sites,
                actor,
                group,
                sentence,
            )
        )
    return {"articles": articles, "events": mentions, "event_clusters": clusters}


def _article(article_id: str, url: str, day: date, text: str, now: datetime) -> Article:
    return Article(
        article_id=article_id,
        url=url,
        canonical_url=url,
        final_url=url,
        title=text.split(". ")[1][:80],
        published_at=day,
        sitename=host_of(url),
        text=text,
        word_count=len(text.split()),
        simhash="0" * 16,
        trimmed=["share: Share this story"],
        html_sha256=hashlib.sha256(text.encode()).hexdigest(),
        text_sha256=hashlib.sha256(text.encode()).hexdigest(),
        fetched_at=now,
        extracted_at=now,
        extractor="generated",
    )


def _cluster(
    event_id: str,
    mention_id: str,
    article_id: str,
    url: str,
    subtype: str,
    day: date,
    sites: Iterable[Site],
    actor: Actor,
    group: str,
    summary: str,
) -> EventCluster:
    sites = list(sites)
    return EventCluster(
        event_id=event_id,
        version=1,
        family="arrest",
        subtype=subtype,
        event_type="ARREST",
        mention_ids=[mention_id],
        article_ids=[article_id],
        n_sources=1,
        n_outlets=1,
        outlets=[host_of(url)],
        first_reported_at=day,
        last_reported_at=day,
        countries=sorted({s.country for s in sites if s.country} | {actor.country or "ESP"}),
        time=EventTime(start=day, end=day, precision="day", anchor="explicit"),
        time_mention_id=mention_id,
        sites=[SourcedSite(site=s, mention_id=mention_id) for s in sites],
        quantities=[
            SourcedQuantity(kind="arrested", value=sum(s.count or 0 for s in sites), mention_id=mention_id)
        ],
        actors=[
            SourcedActor(name=actor.name, country=actor.country, sector=actor.sector, mention_id=mention_id)
        ],
        affiliations=[group],
        merge_evidence=[
            MergeEvidence(
                mention_id=mention_id, rule="first", time="unknown", place=0, actors=0, counts=0, text=0
            )
        ],
        summary=summary,
    )


def dead_letter(i: int, *, stage: str = "fetcher", reason: str = "http_404") -> DeadLetter:
    at = datetime(2024, 4, 10, 9, i % 60, tzinfo=UTC)
    return DeadLetter.model_validate(
        {
            "stage": stage,
            "error_class": "HttpError",
            "error_kind": "permanent",
            "reason": reason,
            "message": f"GET returned 404 for page {i}",
            "original_b64": "",
            "subject": f"http://127.0.0.1/missing/{i}",
            "first_failed_at": at,
            "last_failed_at": at,
            "attempts": 1,
        }
    )
