"""The sink on a slow or a full disk, for the chaos suite (test code only).

``python -m tests.chaos.disk`` runs the sink from the environment's settings. While the file named
by ``CHAOS_DISK_FULL`` exists, the process starts with ``RLIMIT_FSIZE`` at a few KiB and SIGXFSZ
ignored, so every Parquet write fails with EFBIG, as on a full disk (no root needed). With
``CHAOS_DISK_SLOW_S`` set, every file write and fsync waits that long first.
"""

from __future__ import annotations

import os
import resource
import signal
import time
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa

from services.sink.durable import LocalFileOps

FULL_LIMIT_BYTES = 4096


class SlowFileOps(LocalFileOps):
    def __init__(self, delay_s: float) -> None:
        self.delay_s = delay_s

    def write_and_fsync(
        self, path: Path, schema: pa.Schema, parts: Iterable[pa.Table], metadata: dict[str, str]
    ) -> None:
        time.sleep(self.delay_s)
        super().write_and_fsync(path, schema, parts, metadata)

    def fsync_dir(self, directory: Path) -> None:
        time.sleep(self.delay_s)
        super().fsync_dir(directory)


def main() -> int:
    from services.cli.services import run_sink
    from services.common.settings import Settings
    from services.sink.storage import LocalStorage

    full = os.environ.get("CHAOS_DISK_FULL")
    if full and Path(full).exists():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (FULL_LIMIT_BYTES, FULL_LIMIT_BYTES))
    settings = Settings()
    delay = float(os.environ.get("CHAOS_DISK_SLOW_S") or 0)
    ops = SlowFileOps(delay) if delay else LocalFileOps()
    return run_sink(settings, LocalStorage(settings.sink.out_dir, ops))


if __name__ == "__main__":
    raise SystemExit(main())
