"""Running a plain-asyncio service (the linker, the sink) until SIGTERM or SIGINT.

The faust services (fetcher, extractor) get the same behaviour from faust's own worker.
A signal does not cancel the service: it asks it to stop, so it finishes the work in hand
(flush, commit) and ``run`` returns; a supervisor that loses patience sends SIGKILL.
"""

from __future__ import annotations

import asyncio
import signal
from typing import Protocol


class StoppableService(Protocol):
    async def run(self) -> None: ...

    def stop(self) -> None: ...


def run_until_signal(service: StoppableService) -> None:
    """Run ``service`` on a new event loop until its ``run`` returns; SIGTERM/SIGINT call ``stop``."""

    async def main() -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, service.stop)
        await service.run()

    asyncio.run(main())
