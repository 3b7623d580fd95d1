"""``newswire extract PATH...``: JSON lines on stdout, one per file."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import date
from pathlib import Path

from services.common.settings import Settings
from services.extractor.offline import extract_files
from services.fetcher.charset import decode_body


def extract_command(
    settings: Settings, paths: list[Path], *, url: str | None, published_at: date | None
) -> int:
    async def go() -> int:
        failures = 0
        async for result in extract_files(
            paths, settings.extractor, decode_body, url=url, published_at=published_at
        ):
            failures += result["error"] is not None
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        return failures

    failures = asyncio.run(go())
    return 1 if failures == len(paths) else 0
