"""Integration fixtures: one real broker per session, the sample site, services as child processes."""

from __future__ import annotations

import asyncio
import itertools
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from services.cli.supervisor import Child, Supervisor, service_child
from services.common.broker import EmbeddedBroker
from services.common.settings import Settings, settings_to_env
from services.demo.server import SampleSite
from tests.integration.s3_server import ACCESS_KEY, SECRET_KEY, MotoS3Server

pytestmark = pytest.mark.integration

_prefixes = itertools.count()


@pytest.fixture(scope="session")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedBroker]:
    log_path = tmp_path_factory.mktemp("broker") / "broker.log"
    with EmbeddedBroker(log_path=log_path) as running:
        yield running


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MotoS3Server]:
    with MotoS3Server(tmp_path_factory.mktemp("s3") / "moto.log") as running:
        yield running


@pytest.fixture
def s3_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """The standard AWS variables, read by pyarrow here and inherited by service children."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


@pytest.fixture
def sample_site() -> Iterator[SampleSite]:
    with SampleSite() as site:
        yield site


@pytest.fixture
def make_settings(broker: EmbeddedBroker, tmp_path: Path) -> Callable[..., Settings]:
    """Settings on the session broker with a topic prefix of the test's own, so tests never share topics."""
    prefix = f"t{next(_prefixes)}-{int(time.time() * 1000) % 10**8}."

    def _make(**sections: Any) -> Settings:
        base: dict[str, Any] = {
            "kafka": {"bootstrap": broker.bootstrap, "topic_prefix": prefix, "partitions": 2},
            "sink": {"out_dir": tmp_path / "out", "idle_flush_s": 0.5},
            # Test servers live on 127.0.0.x: only tests and the demo turn this on.
            "fetcher": {"allow_private_networks": True},
        }
        for name, values in sections.items():  # a section's dict is merged, a top-level value set
            base[name] = {**base.get(name, {}), **values} if isinstance(values, dict) else values
        return Settings(**base)

    return _make


class Services:
    """Start and stop newswire services as real child processes (python -m services NAME)."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.supervisors: list[Supervisor] = []

    def start(self, settings: Settings, *names: str) -> Supervisor:
        env = settings_to_env(settings)
        supervisor = Supervisor([service_child(n, env, self.log_dir) for n in names])
        supervisor.start()
        self.supervisors.append(supervisor)
        return supervisor

    def child(self, supervisor: Supervisor, name: str) -> Child:
        return next(c for c in supervisor.children if c.name == name)

    def logs(self) -> str:
        return "\n".join(
            f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in self.log_dir.glob("*.log")
        )

    def stop_all(self) -> None:
        for supervisor in self.supervisors:
            supervisor.stop(timeout_s=20)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    running = Services(tmp_path / "logs")
    yield running
    running.stop_all()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def scrape_metrics(port: int) -> dict[str, float]:
    """A service's /metrics on loopback, as {'name{labels}': value}."""
    text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            out[name] = float(value)
    return out


def wait_until(
    predicate: Callable[[], bool], *, timeout_s: float, what: str, on_fail: Callable[[], str] = str
) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except FileNotFoundError:
            # a predicate reading a live table listed a file the sink then removed (a restarted
            # sink's recovery drops its predecessor's uncommitted files): not yet, look again
            pass
        time.sleep(0.25)
    raise AssertionError(f"timed out after {timeout_s}s waiting for {what}\n{on_fail()}")


def run(coro: Any) -> Any:
    return asyncio.run(coro)
