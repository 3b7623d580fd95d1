"""The UI in headless Chromium (Debian's, /usr/bin/chromium, installed by .ci/run; Playwright's own
browser download does not work here), over the demo's tables. Screenshots of each view go to
``ui-screenshots/`` (the README shows two of them)."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tests.ui.conftest import Served
from tests.ui.corpus import generated_tables, write_tables

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "ui-screenshots"
# The machine's network is closed: without these Chromium keeps trying Google's hosts.
ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail("the browser tests need Debian's chromium: apt-get install chromium (.ci/run does)")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda e: errors.append(str(e)))
    yield opened
    context.close()
    assert not errors, errors


def rendered(page: Any) -> None:
    """Wait until the view of the current URL is on screen. (No wait_for_function: the app's
    policy forbids evaluating strings, which is how Playwright runs one.)"""
    parts = urlsplit(page.url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    page.locator(f"main[data-path={json.dumps(path)}]").wait_for(state="attached", timeout=20_000)


def wait_for_count(page: Any, selector: str, accept: Callable[[int], bool], timeout_s: float = 30) -> int:
    deadline = time.monotonic() + timeout_s
    while True:
        count: int = page.locator(selector).count()
        if accept(count) or time.monotonic() > deadline:
            return count
        page.wait_for_timeout(250)


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def open_view(page: Any, ui: Served, path: str) -> None:
    page.goto(ui.url.rstrip("/") + path)
    rendered(page)


def test_the_map_shows_the_demo_sites(page: Any, demo_ui: Served) -> None:
    open_view(page, demo_ui, "/")
    expected = demo_ui.client.get("/api/map").json()["shown"]
    circles = page.locator("svg.map circle")
    assert circles.count() == expected > 0
    assert page.locator("svg.map path.country").count() > 150  # the Natural Earth outlines
    names = set(page.eval_on_selector_all("svg.map circle", "cs => cs.map(c => c.dataset.site)"))
    assert {"Casablanca", "Tangier"} <= names
    shot(page, "map")


def test_a_click_on_a_site_opens_its_event_with_the_evidence_marked(page: Any, demo_ui: Served) -> None:
    open_view(page, demo_ui, "/")
    circle = page.locator('svg.map circle[data-site="Xeraco"]').first
    event_id = circle.get_attribute("data-event")
    circle.dispatch_event(
        "click"
    )  # the circle may sit under another one: click it as a reader's pointer does
    page.wait_for_url(re.compile(f"/event/{event_id}"))
    rendered(page)
    assert "Xeraco" in page.locator("h1").inner_text()
    detail = demo_ui.client.get(f"/api/event/{event_id}").json()
    texts = {a["article_id"]: a["text"] for a in detail["articles"]}
    spans = {(m["article_id"], s["start"], s["end"]) for m in detail["mentions"] for s in m["evidence"]}
    marks = page.eval_on_selector_all(
        "article[data-article] mark",
        "ms => ms.map(m => [m.closest('article').dataset.article, +m.dataset.start, +m.dataset.end, "
        "m.textContent])",
    )
    assert marks
    for article_id, start, end, shown in marks:
        assert (article_id, start, end) in spans
        assert shown == texts[article_id][start:end]  # the right characters, not a near match
    shot(page, "event")


def test_a_filter_changes_the_map_the_timeline_and_the_url(page: Any, demo_ui: Served) -> None:
    open_view(page, demo_ui, "/")
    before = page.locator("svg.map circle").count()
    bars_before = page.locator("svg.timeline rect:not(.brush)").count()
    page.select_option("select[name=subtype]", "arrest")
    page.wait_for_url(re.compile("subtype=arrest"))
    rendered(page)
    expected = demo_ui.client.get("/api/map", params={"subtype": "arrest"}).json()["shown"]
    assert page.locator("svg.map circle").count() == expected < before
    assert page.locator("svg.timeline rect:not(.brush)").count() < bars_before
    page.reload()  # the selection lives in the URL
    rendered(page)
    assert page.locator("select[name=subtype]").input_value() == "arrest"
    assert page.locator("svg.map circle").count() == expected


def test_a_drag_across_the_timeline_sets_the_date_range(page: Any, demo_ui: Served) -> None:
    open_view(page, demo_ui, "/")
    page.locator("svg.timeline").scroll_into_view_if_needed()
    box = page.locator("svg.timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.7, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.99, y, steps=5)
    page.mouse.up()
    page.wait_for_url(re.compile("start=.*end="))
    rendered(page)
    assert page.locator("input[name=start]").input_value() >= "2015-01-01"


def test_the_keyboard_reaches_a_site_and_opens_it(page: Any, demo_ui: Served) -> None:
    open_view(page, demo_ui, "/")
    circle = page.locator("svg.map circle").first
    circle.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/event/"))
    rendered(page)
    assert page.locator("h1").count() == 1


def test_a_new_row_appears_while_the_page_is_open(page: Any, live_ui: Served) -> None:
    open_view(page, live_ui, "/")
    before = page.locator("svg.map circle").count()
    write_tables(live_ui.root, generated_tables(1, seed=5), first_offset=2_000)
    assert wait_for_count(page, "svg.map circle", lambda n: n > before) > before
    assert re.search(r"updated \d+ s ago", page.locator("#updated").inner_text())


def test_the_article_and_pipeline_pages_and_a_phone_width_screen(page: Any, demo_ui: Served) -> None:
    shared = demo_ui.client.get("/api/events", params={"min_sources": 2}).json()["rows"][0]
    article_id = demo_ui.client.get(f"/api/event/{shared['id']}").json()["articles"][0]["article_id"]
    open_view(page, demo_ui, f"/article/{article_id}")
    assert page.locator(".text mark").count() >= 1
    shot(page, "article")
    open_view(page, demo_ui, "/pipeline")
    assert "http_404" in page.locator("main").inner_text()
    shot(page, "pipeline")
    page.set_viewport_size({"width": 390, "height": 844})
    open_view(page, demo_ui, "/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 392, f"the map page is {width} px wide on a 390 px screen"
    shot(page, "map-phone")
