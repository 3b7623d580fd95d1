"""The supervisor restarts dying children with backoff and stops the rest with SIGTERM."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from services.cli.supervisor import Child, Supervisor


def _child(name: str, code: str, tmp_path: Path) -> Child:
    return Child(
        name=name, argv=[sys.executable, "-c", code], env=dict(os.environ), log_path=tmp_path / f"{name}.log"
    )


def test_a_dying_child_is_reported_and_restarted_with_backoff(tmp_path: Path) -> None:
    counter = tmp_path / "starts"
    crasher = _child("crasher", f"open({str(counter)!r}, 'a').write('x'); raise SystemExit(3)", tmp_path)
    sleeper = _child("sleeper", "import time; time.sleep(60)", tmp_path)
    supervisor = Supervisor([crasher, sleeper])
    supervisor.start()
    try:
        deadline = time.monotonic() + 20
        while crasher.restarts < 2 and time.monotonic() < deadline:
            supervisor.check()
            time.sleep(0.1)
        assert crasher.restarts >= 2
        assert crasher.last_exit == 3
        assert crasher.events[0] == "crasher exited with code 3; restart #1 in 2s"
        assert crasher.events[1] == "crasher exited with code 3; restart #2 in 4s"  # exponential backoff
        assert counter.read_text().count("x") >= 2
        assert sleeper.restarts == 0 and sleeper.state == "running"
    finally:
        codes = supervisor.stop(timeout_s=10)
    assert codes["sleeper"] == -15  # stopped by SIGTERM
    assert sleeper.state == "stopped"


def test_a_child_ignoring_sigterm_is_killed_after_the_deadline(tmp_path: Path) -> None:
    stubborn = _child(
        "stubborn",
        "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
        "print('ready', flush=True); time.sleep(60)",
        tmp_path,
    )
    supervisor = Supervisor([stubborn])
    supervisor.start()
    deadline = time.monotonic() + 10
    while "ready" not in stubborn.log_path.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    codes = supervisor.stop(timeout_s=1)
    assert codes["stubborn"] == -9
