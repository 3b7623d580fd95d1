"""``newswire extract PATH...``: JSON lines on stdout, one per file; a progress bar on a terminal."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from newswire import EventMention, extract_files
from services.cli.bars import files_progress
from services.common.settings import Settings
from services.common.urls import host_of
from services.linker.linker import Linker


def _linked(mention: EventMention, linker: Linker, outlet: str) -> EventMention:
    assignment = linker.link(mention, outlet)
    return mention.model_copy(update={"event_id": assignment.cluster.event_id}) if assignment else mention


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity, which a container or taskset narrows)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_command(
    settings: Settings,
    paths: list[Path],
    *,
    url: str | None,
    published_at: date | None,
    workers: int | None = None,
) -> int:
    # Offline, no other stage competes for the cores: one worker per CPU unless told otherwise,
    # and no more workers than files (each costs a start-up of about 3 s).
    count = max(1, min(workers or available_cpus(), len(paths)))
    extractor = settings.extractor.model_copy(update={"workers": count})
    console = Console(stderr=True)

    async def go(progress: Progress) -> int:
        task = progress.add_task("pages", total=len(paths))
        failures = 0
        linker = Linker()  # the files' mentions are linked in the order given, as the stream would
        async for result in extract_files(paths, url=url, published_at=published_at, settings=extractor):
            failures += result["error"] is not None
            outlet = host_of(result["article"]["url"]) if result["article"] else ""
            result["events"] = [_linked(e, linker, outlet).model_dump(mode="json") for e in result["events"]]
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            sys.stdout.flush()
            progress.advance(task)
        return failures

    with files_progress(console, total=len(paths)) as progress:
        failures = asyncio.run(go(progress))
    return 1 if failures == len(paths) else 0
