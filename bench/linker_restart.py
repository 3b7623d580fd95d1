"""``newswire linker`` restarted over a checkpointed state: the process's start-up, measured whole.

    python bench/linker.py --events 1000000 --state-file --keep-state /tmp/linker-state.sqlite
    python bench/linker_restart.py /tmp/linker-state.sqlite [--runs 3]

Each run copies the state file into a new ``linker.state_dir``, starts ``newswire linker`` as a
process on an embedded broker (its topics new, so the checkpoint's offsets, all 0, are valid and
the tail is empty: a restart after a clean stop) and times it from the process's start to its
"state restored" log line, the moment it starts consuming ``events``; its peak RSS is sampled
every 0.1 s. The in-process figures beside the rebuild from the topic are in ``bench/linker.py``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from services.common.broker import EmbeddedBroker  # noqa: E402
from services.common.settings import KafkaSettings  # noqa: E402
from services.common.topics import app_id  # noqa: E402

NEWSWIRE = str(Path(sys.executable).with_name("newswire"))
READY = "linker state restored"
TIMEOUT_S = 900.0


def one_run(state: Path, bootstrap: str, folder: Path) -> tuple[float, float, str]:
    """Seconds to the ready line, peak RSS in MB, and the ready line."""
    state_dir = folder / "state"
    state_dir.mkdir()
    shutil.copyfile(state, state_dir / f"{app_id(KafkaSettings(), 'linker')}-state.sqlite")
    log_path = folder / "linker.log"
    env = {
        **os.environ,
        "NEWSWIRE_LINKER__STATE_DIR": str(state_dir),
        "NEWSWIRE_LINKER__HORIZON_DAYS": "0",  # the bench's four years of events are all kept
    }
    with open(log_path, "wb") as log:
        started = time.perf_counter()
        linker = subprocess.Popen(
            [NEWSWIRE, "linker", "--bootstrap", bootstrap], env=env, stdout=log, stderr=log
        )
    process = psutil.Process(linker.pid)
    peak = 0.0
    try:
        while True:
            peak = max(peak, process.memory_info().rss / 2**20)
            text = log_path.read_text(encoding="utf-8", errors="replace")
            if READY in text:
                elapsed = time.perf_counter() - started
                line = next(x for x in text.splitlines() if READY in x)
                return elapsed, peak, line.strip()
            if linker.poll() is not None or time.perf_counter() - started > TIMEOUT_S:
                raise SystemExit(f"the linker did not get ready:\n{text[-3000:]}")
            time.sleep(0.1)
    finally:
        linker.send_signal(signal.SIGTERM)
        linker.wait(timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("state", type=Path, help="a state file kept by bench/linker.py --keep-state")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    times, peaks = [], []
    for run in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="newswire-restart-") as tmp, EmbeddedBroker() as broker:
            seconds, peak, line = one_run(args.state, broker.bootstrap, Path(tmp))
        times.append(seconds)
        peaks.append(peak)
        print(f"run {run + 1}: {seconds:.1f} s to ready, peak RSS {peak:,.0f} MB ({line})", flush=True)
    print(f"median {statistics.median(times):.1f} s, peak RSS median {statistics.median(peaks):,.0f} MB")


if __name__ == "__main__":
    main()
