"""``newswire ui``: a read-only web app over the sink's tables (map, timeline, events, articles,
pipeline), queried with DuckDB; no asset comes from outside the package."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

from aiohttp import web

from services.common.settings import KafkaSettings, UISettings
from services.sink.storage import Storage
from services.ui.feeds import FeedTail
from services.ui.server import UIApp, is_loopback
from services.ui.store import TableStore

__all__ = ["RunningUI", "UIRefused", "running_ui", "serve"]


class UIRefused(ValueError):
    """Settings the UI will not start with (an open address without a token)."""


@dataclass(frozen=True)
class RunningUI:
    url: str  # what to open (with the token, when one is needed)
    port: int


def check_binding(settings: UISettings) -> None:
    if not is_loopback(settings.host) and settings.token is None:
        raise UIRefused(
            f"refusing to listen on {settings.host}, which other machines can reach, without a token: "
            f"set NEWSWIRE_UI__TOKEN (e.g. {secrets.token_urlsafe(24)}) or --token"
        )


@contextlib.asynccontextmanager
async def running_ui(
    storage: Storage, settings: UISettings, *, kafka: KafkaSettings | None = None
) -> AsyncIterator[RunningUI]:
    """The app listening on ``settings.host:port`` until the block ends."""
    check_binding(settings)
    store = await asyncio.to_thread(TableStore, storage, refresh_s=settings.refresh_s)
    feeds = FeedTail(kafka) if kafka is not None else None
    app = UIApp(
        store,
        token=settings.token,
        loopback_only=is_loopback(settings.host),
        tile_url=settings.tile_url,
        feeds=feeds,
    )
    runner = web.AppRunner(app.build(), access_log=None, shutdown_timeout=2)
    await runner.setup()
    site = web.TCPSite(runner, settings.host, settings.port)
    await site.start()
    port = runner.addresses[0][1]
    if feeds is not None:
        feeds.start()
    shown = f"[{settings.host}]" if ":" in settings.host else settings.host
    url = f"http://{shown}:{port}/"
    if settings.token is not None:
        url += f"?token={settings.token}"
    try:
        yield RunningUI(url, port)
    finally:
        if feeds is not None:
            await feeds.stop()
        await runner.cleanup()


async def serve(
    storage: Storage,
    settings: UISettings,
    *,
    kafka: KafkaSettings | None = None,
    on_ready: Callable[[RunningUI], None] = lambda ui: None,
) -> None:
    """Serve until cancelled (Ctrl-C)."""
    async with running_ui(storage, settings, kafka=kafka) as ui:
        on_ready(ui)
        await asyncio.Event().wait()
