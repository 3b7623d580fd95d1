"""``newswire extract PATH...``: JSON lines on stdout, one per file."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import date
from pathlib import Path

from newswire import EventMention, extract_files
from services.common.settings import Settings
from services.common.urls import host_of
from services.linker.linker import Linker


def _linked(mention: EventMention, linker: Linker, outlet: str) -> EventMention:
    assignment = linker.link(mention, outlet)
    return mention.model_copy(update={"event_id": assignment.cluster.event_id}) if assignment else mention


def extract_command(
    settings: Settings, paths: list[Path], *, url: str | None, published_at: date | None
) -> int:
    async def go() -> int:
        failures = 0
        linker = Linker()  # the files' mentions are linked in the order given, as the stream would
        async for result in extract_files(
            paths, url=url, published_at=published_at, settings=settings.extractor
        ):
            failures += result["error"] is not None
            outlet = host_of(result["article"]["url"]) if result["article"] else ""
            result["events"] = [_linked(e, linker, outlet).model_dump(mode="json") for e in result["events"]]
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        return failures

    failures = asyncio.run(go())
    return 1 if failures == len(paths) else 0
