"""``newswire broker`` stops its Tansu child on SIGTERM as on Ctrl-C (issue 20: the child stayed
bound to the port)."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

import pytest

from tests.integration.conftest import wait_until

pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_sigterm_stops_the_broker_child_and_frees_its_port() -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "services", "broker", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until(lambda: _listening(port), timeout_s=60, what="the broker listening")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        deadline = time.monotonic() + 10
        while _listening(port) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _listening(port), "the Tansu child still holds the port"
    finally:
        if proc.poll() is None:
            proc.kill()
