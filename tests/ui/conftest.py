"""The UI over real sink tables: the demo corpus and a generated one, each served on loopback."""

from __future__ import annotations

import asyncio
import shutil
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from services.common.settings import UISettings
from services.sink.storage import LocalStorage
from services.ui import running_ui
from tests.ui.corpus import dead_letter, demo_tables, generated_tables, write_tables

GENERATED_EVENTS = 10_000


@dataclass
class Served:
    url: str
    root: Path
    client: httpx.Client


class ServerThread:
    """``running_ui`` on its own event loop in a thread, for sync tests and the browser."""

    def __init__(self, root: Path, settings: UISettings) -> None:
        self._root = root
        self._settings = settings
        self._loop = asyncio.new_event_loop()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        async with running_ui(LocalStorage(self._root), self._settings) as ui:
            self._url.set_result(ui.url)
            await self._stop.wait()

    def __enter__(self) -> str:
        self._url: Future[str] = Future()
        self._thread.start()
        self._done = asyncio.run_coroutine_threadsafe(self._serve(), self._loop)
        return self._url.result(timeout=120)

    def __exit__(self, *exc: object) -> None:
        assert self._stop is not None
        self._loop.call_soon_threadsafe(self._stop.set)
        self._done.result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)


def serve(root: Path, **settings: object) -> Iterator[Served]:
    ui = UISettings.model_validate({"port": 0, "refresh_s": 0.5, **settings})
    with ServerThread(root, ui) as url, httpx.Client(base_url=url, timeout=30) as client:
        yield Served(url, root, client)


@pytest.fixture(scope="session")
def demo_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ui-demo")
    demo_tables(root)
    letters = [dead_letter(i) for i in range(4)] + [dead_letter(9, reason="timeout")]
    write_tables(root, {"deadletter": letters})
    return root


@pytest.fixture(scope="session")
def demo_ui(demo_root: Path) -> Iterator[Served]:
    yield from serve(demo_root)


@pytest.fixture(scope="session")
def generated_ui(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("ui-generated")
    write_tables(root, generated_tables(GENERATED_EVENTS))
    yield from serve(root)


@pytest.fixture
def live_ui(demo_root: Path, tmp_path: Path) -> Iterator[Served]:
    """A copy of the demo tables that a test may add files to."""
    root = tmp_path / "tables"
    shutil.copytree(demo_root, root)
    yield from serve(root)
