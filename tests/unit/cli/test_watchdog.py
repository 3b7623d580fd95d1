"""Liveness: a service with input waiting and no commit for the window is stalled and restarted."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

from services.cli.ops.offsets import PartitionOffsets
from services.cli.supervisor import Child, Supervisor
from services.cli.watchdog import StallGuard, Watchdog, waiting


def offsets(committed: int | None, end: int) -> list[PartitionOffsets]:
    return [PartitionOffsets("g", "pages", 0, committed, end)]


def test_input_waiting_with_no_commit_for_the_window_is_a_stall() -> None:
    dog = Watchdog(stall_after_s=30)
    assert not dog.observe("extractor", offsets(10, 50), 0)
    assert not dog.observe("extractor", offsets(10, 60), 29)  # the input grows, nothing is committed
    assert dog.observe("extractor", offsets(10, 60), 30)


def test_a_commit_or_an_empty_input_is_progress() -> None:
    dog = Watchdog(stall_after_s=30)
    dog.observe("sink", offsets(10, 50), 0)
    assert not dog.observe("sink", offsets(11, 50), 40)  # it moved: a new window starts
    assert not dog.observe("sink", offsets(11, 50), 69)
    assert dog.observe("sink", offsets(11, 50), 70)
    idle = Watchdog(stall_after_s=30)
    idle.observe("linker", offsets(50, 50), 0)
    assert not idle.observe("linker", offsets(50, 50), 1000)  # nothing to do is not a stall


def test_a_group_that_never_committed_counts_its_whole_input_as_waiting() -> None:
    assert waiting(offsets(None, 7)) == 7
    dog = Watchdog(stall_after_s=5)
    dog.observe("fetcher", offsets(None, 7), 0)
    assert dog.observe("fetcher", offsets(None, 7), 5)


def test_the_guard_kills_a_stalled_service_and_the_supervisor_restarts_it(tmp_path: Path) -> None:
    frozen = Child(
        name="extractor",
        argv=[sys.executable, "-c", "import time; time.sleep(60)"],
        env=dict(os.environ),
        log_path=tmp_path / "extractor.log",
    )
    supervisor = Supervisor([frozen])
    supervisor.start()
    first_pid = frozen.proc.pid if frozen.proc else None

    async def stuck() -> dict[str, list[PartitionOffsets]]:
        return {"extractor": offsets(3, 40)}

    guard = StallGuard(supervisor, Watchdog(stall_after_s=10), stuck)
    try:
        assert asyncio.run(guard.tick(0)) == []
        assert asyncio.run(guard.tick(10)) == ["extractor"]
        assert asyncio.run(guard.tick(15)) == []  # a fresh window after the restart
        deadline = time.monotonic() + 20
        while (frozen.proc is None or frozen.proc.pid == first_pid) and time.monotonic() < deadline:
            supervisor.check()
            time.sleep(0.1)
        assert frozen.proc is not None and frozen.proc.pid != first_pid and frozen.state == "running"
        assert frozen.events[0].startswith("extractor killed for a restart: 37 records waiting")
    finally:
        supervisor.stop(timeout_s=5)


def test_a_failed_sample_restarts_nothing(tmp_path: Path) -> None:
    async def broker_away() -> dict[str, list[PartitionOffsets]]:
        raise ConnectionError("broker away")

    guard = StallGuard(Supervisor([]), Watchdog(stall_after_s=0.1), broker_away)
    assert asyncio.run(guard.tick(100)) == []
