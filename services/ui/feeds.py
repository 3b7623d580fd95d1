"""Feed health for the pipeline page: the latest ``feed-status`` record per feed, tailed from the
broker in a task (``FeedStatusReader``). Without a broker the page says so instead."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from services.common.feed_status import FeedStatusReader
from services.common.settings import KafkaSettings

log = logging.getLogger(__name__)
RETRY_S = 5.0  # after a broker error
WAIT_MS = 1000  # how long one read waits for new records


class FeedTail:
    def __init__(self, kafka: KafkaSettings) -> None:
        self._reader = FeedStatusReader(kafka)
        self.error: str | None = "not started"
        self._task: asyncio.Task[None] | None = None

    @property
    def feeds(self) -> dict[str, Any]:
        return self._reader.feeds

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        with contextlib.suppress(Exception):
            await self._reader.close()

    async def _run(self) -> None:
        while True:
            try:
                if await self._reader.read(timeout_ms=WAIT_MS):
                    self.error = None
                else:
                    self.error = f"topic {self._reader.topic} not found yet"
                    await asyncio.sleep(WAIT_MS / 1000)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the broker away or restarting: say so, try again
                self.error = f"{type(exc).__name__}: {exc}"
                log.warning("feed-status: %s; retrying in %.0f s", self.error, RETRY_S)
                with contextlib.suppress(Exception):
                    await self._reader.close()
                await asyncio.sleep(RETRY_S)

    def summary(self) -> dict[str, Any]:
        feeds = sorted(self.feeds.values(), key=lambda s: (-s.consecutive_errors, s.feed_url))
        return {
            "connected": self.error is None,
            "error": self.error,
            "feeds": [s.model_dump(mode="json", exclude={"schema_version"}) for s in feeds],
        }
