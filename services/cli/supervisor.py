"""Running the four services as supervised child processes.

A child that dies is reported and restarted with exponential backoff; on stop,
children get SIGTERM upstream first (fetcher, extractor, linker, then sink) so the sink
can flush what the others produced, and SIGKILL only past a deadline.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass
class Child:
    name: str
    argv: list[str]
    env: dict[str, str]
    log_path: Path
    proc: subprocess.Popen[bytes] | None = None
    restarts: int = 0
    last_exit: int | None = None
    next_start_at: float = 0.0
    started_at: float = 0.0
    events: list[str] = field(default_factory=list)

    @property
    def state(self) -> str:
        if self.proc is not None and self.proc.poll() is None:
            return "running"
        return "restarting" if self.next_start_at else "stopped"


class Supervisor:
    MAX_BACKOFF_S = 30.0

    def __init__(self, children: list[Child]) -> None:
        self.children = children
        self.stopping = False

    def start(self) -> None:
        for child in self.children:
            self._spawn(child)

    def _spawn(self, child: Child) -> None:
        child.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(child.log_path, "ab") as log_file:
            child.proc = subprocess.Popen(
                child.argv, env=child.env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
            )
        child.started_at = time.monotonic()
        child.next_start_at = 0.0

    def check(self) -> None:
        """Notice dead children and restart them when their backoff has passed."""
        now = time.monotonic()
        for child in self.children:
            if child.proc is not None and (code := child.proc.poll()) is not None:
                child.proc = None
                child.last_exit = code
                if self.stopping:
                    continue
                # Back off only when the child keeps dying quickly.
                quick = now - child.started_at < 60
                child.restarts += 1
                delay = min(2.0 ** min(child.restarts, 5), self.MAX_BACKOFF_S) if quick else 1.0
                child.next_start_at = now + delay
                message = f"{child.name} exited with code {code}; restart #{child.restarts} in {delay:.0f}s"
                child.events.append(message)
                log.warning(message)
            elif (
                child.proc is None
                and child.next_start_at
                and now >= child.next_start_at
                and not self.stopping
            ):
                self._spawn(child)

    def kill(self, name: str, reason: str) -> bool:
        """SIGKILL a child that is alive but not working (see ``services.cli.watchdog``); the next
        :meth:`check` restarts it. A stalled process may not answer SIGTERM, and what it had not
        committed is redone by its successor (every stage is at-least-once, the tables dedup)."""
        child = next(c for c in self.children if c.name == name)
        if child.proc is None or child.proc.poll() is not None:
            return False
        message = f"{name} killed for a restart: {reason}"
        child.events.append(message)
        log.warning(message)
        os.killpg(child.proc.pid, signal.SIGKILL)
        return True

    def stop(self, timeout_s: float = 30.0) -> dict[str, int | None]:
        """SIGTERM each child in order and wait for it; SIGKILL past ``timeout_s``. Returns exit codes."""
        self.stopping = True
        codes: dict[str, int | None] = {}
        for child in self.children:
            proc = child.proc
            if proc is None:
                codes[child.name] = child.last_exit
                continue
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
            try:
                codes[child.name] = proc.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                log.error("%s did not stop within %.0fs; killing it", child.name, timeout_s)
                os.killpg(proc.pid, signal.SIGKILL)
                codes[child.name] = proc.wait()
            child.proc = None
            child.last_exit = codes[child.name]
        return codes


def service_child(name: str, env: dict[str, str], log_dir: Path) -> Child:
    """A child running ``python -m services <name>`` with ``env`` on top of ours."""
    return Child(
        name=name,
        argv=[sys.executable, "-m", "services", name],
        env={**os.environ, **env},
        log_path=log_dir / f"{name}.log",
    )
