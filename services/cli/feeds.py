"""``newswire feeds discover`` and ``newswire fetch``."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from rich.console import Console
from rich.table import Table

from schemas import DiscoveredUrl, encode
from services.common.kafka import BoundedProducer, ensure_topics
from services.common.settings import Settings
from services.common.topics import TopicNames, app_id
from services.common.urls import canonicalize, host_of
from services.fetcher.discover import Candidate, discover
from services.fetcher.http import HttpFetcher


def discover_command(settings: Settings, console: Console, url: str, *, as_toml: bool) -> int:
    async def go() -> list[Candidate]:
        http = HttpFetcher(settings.fetcher)
        try:
            return await discover(http, url, settings.fetcher)
        finally:
            await http.aclose()

    candidates = asyncio.run(go())
    working = [c for c in candidates if c.error is None]
    if as_toml:
        for c in working:
            console.print(
                f'[[feed]]\nurl = "{c.url}"\n# {c.kind}, {c.entries} entries, found in {c.found_in}\n',
                markup=False,
                highlight=False,
            )
        return 0 if working else 1
    table = Table(title=f"feeds and sitemaps of {url}")
    for column in ("url", "kind", "entries", "found in", "problem"):
        table.add_column(column)
    for c in candidates:
        table.add_row(
            c.url, c.kind or "", str(c.entries) if c.error is None else "", c.found_in, c.error or ""
        )
    console.print(table)
    return 0 if working else 1


def fetch_command(settings: Settings, console: Console, urls: list[str], *, force: bool) -> int:
    if not settings.kafka.bootstrap:
        console.print(
            "[red]no Kafka bootstrap configured: pass --bootstrap or set NEWSWIRE_KAFKA__BOOTSTRAP[/red]"
        )
        return 2
    topics = TopicNames.from_settings(settings.kafka)

    async def go() -> None:
        await ensure_topics(settings.kafka, topics.all())
        producer = BoundedProducer(settings.kafka, client_id=app_id(settings.kafka, "cli"))
        await producer.start()
        try:
            for url in urls:
                canonical = canonicalize(url)
                record = DiscoveredUrl(
                    url=url,
                    canonical_url=canonical,
                    host=host_of(canonical),
                    discovered_at=datetime.now(UTC),
                    force=force,
                )
                await producer.send(topics.urls, encode(record), key=record.host.encode())
                console.print(f"queued {canonical}{' (forced re-crawl)' if force else ''}")
        finally:
            await producer.stop()

    asyncio.run(go())
    return 0
