"""Offline extraction with several workers: files run ahead in the pool, results come in order."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from newswire import extract_files
from services.common.pages import article_id_of
from services.common.settings import ExtractorSettings
from services.demo.pages import load_articles, render_article


def _extract(paths: list[Path], workers: int) -> list[dict[str, Any]]:
    async def go() -> list[dict[str, Any]]:
        settings = ExtractorSettings(workers=workers, events=True)
        return [result async for result in extract_files(paths, settings=settings)]

    return asyncio.run(go())


def test_files_come_out_in_order_and_a_later_copy_points_at_the_first(tmp_path: Path) -> None:
    stories = load_articles()
    names = []
    outlets = [
        (stories[0], "https://wire.example.org"),
        (stories[1], "https://blog.example.net"),
        (stories[0], "https://portal.example.com"),  # the wire story again, syndicated elsewhere
    ]
    for i, (story, outlet) in enumerate(outlets):
        path = tmp_path / f"{i}-page.html"
        path.write_text(render_article(story, outlet), encoding="utf-8")
        names.append(path)
    missing = tmp_path / "gone.html"
    paths = [names[0], missing, names[1], names[2]]

    results = _extract(paths, workers=2)

    assert [r["path"] for r in results] == [str(p) for p in paths]
    first, gone, other, copy = results
    assert gone["article"] is None and gone["error"]["kind"] == "unreadable"
    # each page named by its own canonical link, read in the worker; its events carry that name
    assert first["article"]["url"] == f"https://wire.example.org{stories[0].path}"
    assert first["article"]["article_id"] == article_id_of(first["article"]["url"])
    assert first["events"] and {e.article_id for e in first["events"]} == {first["article"]["article_id"]}
    assert {e.url for e in first["events"]} == {first["article"]["url"]}
    assert other["article"]["duplicate_of"] is None
    assert first["article"]["duplicate_of"] is None
    assert copy["article"]["duplicate_of"] == first["article"]["article_id"]
    assert copy["article"]["simhash"] == first["article"]["simhash"]
