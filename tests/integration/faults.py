"""Fault injection for the crash tests: the sink SIGKILLs itself at an exact point of a file write.

Test code only: ``python -m tests.integration.faults POINT NTH`` runs the sink with these file
steps (production has no such switch). A random-moment kill from outside
cannot reliably hit the instant between the temp write and the rename, this can.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa

from services.sink.durable import LocalFileOps

log = logging.getLogger(__name__)


def _die(point: str, path: Path) -> None:
    log.warning("fault injection: SIGKILL %s %s", point, path.name)
    logging.shutdown()
    os.kill(os.getpid(), signal.SIGKILL)


class KillingFileOps(LocalFileOps):
    """Local file steps that SIGKILL the process after the temp file of write ``nth``, or after its rename."""

    def __init__(self, point: str, nth: int) -> None:
        self.point = point
        self.nth = nth
        self.writes = 0
        self._renamed: Path | None = None

    def write_and_fsync(
        self, path: Path, schema: pa.Schema, parts: Iterable[pa.Table], metadata: dict[str, str]
    ) -> None:
        super().write_and_fsync(path, schema, parts, metadata)
        self.writes += 1
        if self.point == "after_tmp_write" and self.writes == self.nth:
            _die("after writing and syncing", path)

    def replace(self, src: Path, dst: Path) -> None:
        super().replace(src, dst)
        if self.point == "after_rename" and self.writes == self.nth:
            self._renamed = dst

    def fsync_dir(self, directory: Path) -> None:
        super().fsync_dir(directory)
        if self._renamed is not None and directory == self._renamed.parent:
            _die("after renaming (directory synced, offsets not committed)", self._renamed)


def main(argv: list[str]) -> int:
    """Run the sink from the environment's settings with a write that kills it at ``argv``."""
    from services.cli.services import run_sink
    from services.common.settings import Settings
    from services.sink.storage import LocalStorage

    point, nth = argv
    settings = Settings()
    return run_sink(settings, LocalStorage(settings.sink.out_dir, KillingFileOps(point, int(nth))))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
