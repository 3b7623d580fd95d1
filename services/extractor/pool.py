"""Running extraction off the event loop, with a hard per-page time limit.

A faust consumer must keep heartbeating while trafilatura works (aiokafka: "no
heartbeats on long CPU bound methods"), so extraction runs in worker processes.
pebble kills a worker that overruns its timeout, which a plain
ProcessPoolExecutor cannot do: a pathological page costs ``timeout_s``, not the stream.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import CancelledError
from concurrent.futures import TimeoutError as FutureTimeout

from pebble import ProcessExpired, ProcessPool

from services.extractor.errors import ExtractionFailed, ExtractionTimeout
from services.extractor.extract import Extraction
from services.extractor.work import EventContext, extract_page, warm_worker


class ExtractionPool:
    def __init__(self, *, workers: int, timeout_s: float, events: bool = True) -> None:
        self._timeout_s = timeout_s
        # spawn, not fork: the parent runs an event loop and Kafka client threads.
        # The initializer runs before a worker's first page (and again in a replacement worker),
        # outside any page's timeout, which pebble counts from the start of the page's task.
        self._pool = ProcessPool(
            max_workers=workers,
            context=multiprocessing.get_context("spawn"),
            initializer=warm_worker,
            initargs=(events,),
        )

    async def extract(
        self,
        html: str,
        url: str | None,
        events_for: EventContext | None = None,
        *,
        url_from_page: bool = False,
    ) -> Extraction | None:
        future = self._pool.schedule(
            extract_page,
            args=(html, url, events_for),
            kwargs={"url_from_page": url_from_page},
            timeout=self._timeout_s,
        )
        try:
            return await asyncio.wrap_future(future)
        except FutureTimeout as exc:
            raise ExtractionTimeout(f"extraction took longer than {self._timeout_s}s: {url}") from exc
        except (ProcessExpired, CancelledError) as exc:
            raise ExtractionFailed(f"extraction worker died: {exc!r}") from exc
        except Exception as exc:
            raise ExtractionFailed(f"{type(exc).__name__}: {exc}") from exc

    def close(self) -> None:
        self._pool.stop()
        self._pool.join(timeout=5)
