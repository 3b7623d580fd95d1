"""The chaos suite: the whole pipeline under faults, measured by one oracle (``make chaos``).

Each scenario runs fetcher, extractor, linker and sink over the corpus while its faults are
injected at seeded random moments (``CHAOS_SEED``), then asserts what the oracle measured: no URL
lost, none with two terminal records, no logical duplicate in any table, no gap or overlap in any
table's offset ranges, no commit ever ahead of the files, and recovery within a bound. Each
scenario also appends its line to the report (``CHAOS_REPORT``) that ``make chaos`` prints.
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from services.common.broker import EmbeddedBroker
from services.common.kafka import ensure_topics
from services.common.topics import TopicNames
from tests.chaos.harness import (
    SERVICES,
    CommitSampler,
    Corpus,
    Feeder,
    Oracle,
    Outcome,
    Pipeline,
    chaos_settings,
    scale,
    seeded,
)
from tests.chaos.proxy import ChaosProxy
from tests.integration.conftest import free_port
from tests.integration.s3_server import ACCESS_KEY, SECRET_KEY, MotoS3Server

pytestmark = [pytest.mark.chaos, pytest.mark.timeout(600)]

SETTLE_S = 300.0  # the liveness bound: a run must settle this long after its last fault
SESSION_S = 6.0  # the chaos settings' session timeout: a paused member is evicted after it

Inject = Callable[[Pipeline, Any, list[str]], None]


def run_scenario(
    name: str,
    make_settings: Any,
    tmp_path: Path,
    inject: Inject,
    *,
    sink_argv: list[str] | None = None,
    **sections: Any,
) -> Outcome:
    pages, hosts = scale()
    seed, rng = seeded(name)
    settings = chaos_settings(make_settings, **sections)
    asyncio.run(ensure_topics(settings.kafka, TopicNames.from_settings(settings.kafka).all()))
    faults: list[str] = []
    with Corpus(pages, hosts) as corpus:
        pipeline = Pipeline(settings, tmp_path / "logs", sink_argv=sink_argv)
        sampler = CommitSampler(settings)
        feeder = Feeder(settings, corpus.urls)
        pipeline.start()
        sampler.start()
        feeder.start()
        try:
            inject(pipeline, rng, faults)
            last_fault_at = time.monotonic()
            feeder.join(timeout=120)
            outcome = Oracle(settings, corpus.urls).measure(
                name, faults, last_fault_at, sampler, seed, settle_timeout_s=SETTLE_S
            )
        finally:
            sampler.halt.set()
            sampler.join(timeout=10)
            codes = pipeline.stop()
    outcome.extra["exit_codes"] = codes
    outcome.extra["restarts"] = {c.name: c.restarts for c in pipeline.supervisor.children}
    outcome.extra["stalled_and_restarted"] = pipeline.stall_restarts
    outcome.write()
    (tmp_path / "pipeline.log").write_text(pipeline.logs())
    assert outcome.extra["rows"]["events"] > 0 and outcome.extra["rows"]["event_clusters"] > 0
    problems = (
        outcome.lost
        or any(outcome.duplicated.values())
        or outcome.gaps
        or outcome.commits_ahead
        or outcome.recover_s >= SETTLE_S
    )
    assert not problems, f"{outcome}\n{pipeline.logs()}"
    assert outcome.commit_samples > 20  # the commit invariant was watched throughout
    assert all(code == 0 for code in codes.values()), (codes, pipeline.logs())  # a clean final stop
    return outcome


def _at(rng: Any, low: float, high: float) -> None:
    time.sleep(rng.uniform(low, high))


def kill_each(pipeline: Pipeline, rng: Any, faults: list[str]) -> None:
    """Six SIGKILLs: every service once, then two more chosen at random, at random moments."""
    victims = [*SERVICES, *rng.sample(SERVICES, 2)]
    rng.shuffle(victims)
    for name in victims:
        _at(rng, 1.5, 4.0)
        if pipeline.signal(name, signal.SIGKILL):
            faults.append(f"SIGKILL {name}")


def term_each(pipeline: Pipeline, rng: Any, faults: list[str]) -> None:
    """SIGTERM of every service once, mid-stream: each stops cleanly and is started again."""
    for name in rng.sample(SERVICES, len(SERVICES)):
        _at(rng, 1.5, 4.0)
        if pipeline.signal(name, signal.SIGTERM):
            faults.append(f"SIGTERM {name}")


def stop_past_session(pipeline: Pipeline, rng: Any, faults: list[str]) -> None:
    """SIGSTOP of every service in turn, past the session timeout, then SIGCONT: each is evicted
    from its group while frozen and must neither write what it no longer owns nor stall."""
    for name in rng.sample(SERVICES, len(SERVICES)):
        _at(rng, 1.0, 3.0)
        if pipeline.signal(name, signal.SIGSTOP):
            time.sleep(SESSION_S + 3)
            pipeline.signal(name, signal.SIGCONT)
            faults.append(f"SIGSTOP {name} {SESSION_S + 3:.0f}s")


def rebalance_storm(pipeline: Pipeline, rng: Any, faults: list[str]) -> None:
    """Second sink and extractor workers join and leave three times: six rebalances per group."""
    for _ in range(3):
        for name in ("sink", "extractor"):
            _at(rng, 0.5, 1.5)
            worker = pipeline.add_worker(name)
            faults.append(f"join {name}")
            _at(rng, 2.0, 4.0)
            if worker.proc is not None and worker.proc.poll() is None:
                worker.proc.send_signal(rng.choice([signal.SIGTERM, signal.SIGKILL]))
                worker.proc.wait(timeout=30)
                faults.append(f"leave {name}")


def test_sigkill_of_every_service_at_random_moments(make_settings: Any, tmp_path: Path) -> None:
    run_scenario("sigkill", make_settings, tmp_path, kill_each)


def test_sigterm_of_every_service_mid_stream(make_settings: Any, tmp_path: Path) -> None:
    run_scenario("sigterm", make_settings, tmp_path, term_each)


def test_sigstop_past_the_session_timeout(make_settings: Any, tmp_path: Path) -> None:
    run_scenario("sigstop", make_settings, tmp_path, stop_past_session)


def test_rebalance_storm(make_settings: Any, tmp_path: Path) -> None:
    run_scenario("rebalance-storm", make_settings, tmp_path, rebalance_storm)


def test_full_disk_under_the_sink(
    make_settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sink's disk fills (every write fails with EFBIG) for 8 s, then frees."""
    full = tmp_path / "disk-full"
    monkeypatch.setenv("CHAOS_DISK_FULL", str(full))

    def disk(pipeline: Pipeline, rng: Any, faults: list[str]) -> None:
        _at(rng, 1.5, 3.0)
        full.touch()
        pipeline.signal("sink", signal.SIGKILL)  # restarted by the supervisor on the full disk
        faults.append("disk full 8s (RLIMIT_FSIZE)")
        time.sleep(8)
        full.unlink()
        pipeline.signal("sink", signal.SIGKILL)  # and again on a free one
        faults.append("disk freed")

    run_scenario("disk-full", make_settings, tmp_path, disk, sink_argv=["-m", "tests.chaos.disk"])


def test_slow_disk_under_the_sink(
    make_settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHAOS_DISK_SLOW_S", "0.2")

    def slow(pipeline: Pipeline, rng: Any, faults: list[str]) -> None:
        faults.append("every sink write and fsync 0.2 s late")
        _at(rng, 2.0, 4.0)
        if pipeline.signal("sink", signal.SIGKILL):  # a kill while a slow write is in flight
            faults.append("SIGKILL sink")

    run_scenario("disk-slow", make_settings, tmp_path, slow, sink_argv=["-m", "tests.chaos.disk"])


def test_broker_sigkill_and_restart_on_s3_storage(
    make_settings: Any, tmp_path: Path, s3_server: MotoS3Server
) -> None:
    """The broker dies mid-stream and comes back on the same port with its data (Tansu's S3 engine
    on a local S3 server): the services reconnect, or exit and are restarted, and nothing is lost."""
    bucket = f"tansu-{tmp_path.name[-20:].lower().replace('_', '-')}"
    s3_server.create_bucket(bucket)
    aws = {
        "AWS_ENDPOINT": s3_server.endpoint,
        "AWS_ALLOW_HTTP": "true",
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_REGION": "us-east-1",
    }
    broker = EmbeddedBroker(log_path=tmp_path / "broker.log", storage=f"s3://{bucket}/", env=aws)
    with broker:

        def crash(pipeline: Pipeline, rng: Any, faults: list[str]) -> None:
            _at(rng, 3.0, 6.0)
            broker.kill()
            faults.append("SIGKILL broker")
            time.sleep(3)
            broker.start()
            faults.append("broker restarted (same port, same S3 data)")

        run_scenario("broker-restart", make_settings, tmp_path, crash, kafka={"bootstrap": broker.bootstrap})


def test_network_stall_resets_and_delay_between_services_and_broker(
    make_settings: Any, tmp_path: Path
) -> None:
    """Every connection to the broker goes through a proxy that stalls for longer than the session
    timeout, then resets every connection for a few seconds, then delays every chunk."""
    port = free_port()
    with ChaosProxy("127.0.0.1", port) as proxy:
        broker = EmbeddedBroker(port=port, log_path=tmp_path / "broker.log", advertised=proxy.address)
        with broker:

            def network(pipeline: Pipeline, rng: Any, faults: list[str]) -> None:
                _at(rng, 2.0, 4.0)
                proxy.set("stall")
                time.sleep(SESSION_S + 4)
                faults.append(f"stall {SESSION_S + 4:.0f}s")
                proxy.set("reset")
                time.sleep(4)
                faults.append(f"reset storm 4s ({proxy.resets} connections)")
                proxy.set("delay", 0.2)
                time.sleep(5)
                faults.append("0.2 s per chunk for 5s")
                proxy.set("pass")

            run_scenario("network", make_settings, tmp_path, network, kafka={"bootstrap": proxy.address})
