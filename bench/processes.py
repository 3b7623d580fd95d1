"""Measuring commands as whole processes: wall time, CPU time and the peak RSS of every process.

A run starts a command, samples its process tree (psutil) until it exits, and keeps, for each
process, the highest resident set seen; the report gives the parent's, the largest child's and
the highest sum at one moment (what the machine had to hold). CPU time is the tree's user +
system time (children included once they are waited for). The machine is shared, so the
harness alternates variants run by run and reports medians, never a single pass.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import psutil

SAMPLE_EVERY_S = 0.05


@dataclass
class Run:
    wall_s: float
    cpu_s: float
    parent_peak_mb: float  # the largest of the started processes
    child_peak_mb: float  # the largest single child of theirs (a worker process)
    total_peak_mb: float  # the whole tree at its largest moment
    returncode: int


@dataclass
class Variant:
    name: str
    argv: Sequence[str]
    env: dict[str, str] = field(default_factory=dict)
    runs: list[Run] = field(default_factory=list)

    def median(self, attribute: str) -> float:
        return statistics.median(getattr(r, attribute) for r in self.runs)


def _rss(process: psutil.Process) -> float:
    try:
        return process.memory_info().rss / 2**20
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return 0.0


def measure(
    argv: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    copies: int = 1,
    done: Callable[[], bool] | None = None,
    check_every_s: float = 0.5,
    also: Sequence[int] = (),
    sample_every_s: float = SAMPLE_EVERY_S,
) -> Run:
    """One run of ``argv`` (``copies`` processes of it started together), output thrown away.

    Without ``done`` the run ends when the processes exit. A service never exits by itself: with
    ``done`` (checked every ``check_every_s``) the wall time is taken when it first holds, then
    the processes get SIGTERM and are waited for. ``also``: processes started elsewhere that
    serve the run (a broker): their CPU time and memory count with the run's. ``sample_every_s``:
    between two samples of the process tree's RSS (each walks /proc for every process's children:
    for a tree of ten processes at 0.05 s, about a seventh of a core, taken from what is measured)."""
    started = time.perf_counter()
    before = os.times()
    helpers = [psutil.Process(pid) for pid in also]
    helpers_cpu = sum(sum(p.cpu_times()[:2]) for p in helpers)
    children = [
        subprocess.Popen(
            list(argv),
            env={**os.environ, **(env or {})},
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(copies)
    ]
    roots = {child.pid: psutil.Process(child.pid) for child in children}
    peaks: dict[int, float] = {}
    total_peak = 0.0
    finished_at: float | None = None
    next_check = started + check_every_s
    while any(child.poll() is None for child in children):
        tree = list(helpers)
        for root in roots.values():
            try:
                tree += [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                continue
        sizes = {p.pid: _rss(p) for p in tree}
        for pid, size in sizes.items():
            peaks[pid] = max(peaks.get(pid, 0.0), size)
        total_peak = max(total_peak, sum(sizes.values()))
        if done is not None and time.perf_counter() >= next_check:
            next_check = time.perf_counter() + check_every_s
            if done():
                finished_at = time.perf_counter()
                for child in children:
                    child.send_signal(signal.SIGTERM)
                break
        time.sleep(sample_every_s)
    returncodes = [child.wait(timeout=120) for child in children]
    after = os.times()
    wall = (finished_at or time.perf_counter()) - started
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    cpu += sum(sum(p.cpu_times()[:2]) for p in helpers) - helpers_cpu
    parent_peak = max((peaks.pop(pid, 0.0) for pid in roots), default=0.0)
    return Run(
        wall_s=wall,
        cpu_s=cpu,
        parent_peak_mb=parent_peak,
        child_peak_mb=max(peaks.values(), default=0.0),
        total_peak_mb=total_peak,
        # a service stopped once done exits as it may; one that ended before being done failed
        returncode=max(returncodes) if done is None else (0 if finished_at else max(returncodes) or 1),
    )


def alternate(variants: list[Variant], runs: int, *, cwd: Path | None = None) -> None:
    """``runs`` rounds, each running every variant once, in turn (the noise of the machine then
    falls on all of them alike)."""
    for _ in range(runs):
        for variant in variants:
            run = measure(variant.argv, env=variant.env, cwd=cwd)
            if run.returncode != 0:
                raise SystemExit(
                    f"{variant.name} failed with exit code {run.returncode}: {list(variant.argv)}"
                )
            variant.runs.append(run)


def table(variants: list[Variant], *, items: int, baseline: Variant, unit: str = "pages") -> str:
    """A markdown table of the medians; the ratio is the baseline's median wall time over the
    variant's (above 1: faster than the baseline)."""
    header = f"| variant | {unit} | wall s (median) | {unit}/s | x baseline | CPU s | peak RSS MB: "
    lines = [header + "parent / largest child / all |", "|---|---|---|---|---|---|---|"]
    base = baseline.median("wall_s")
    for v in variants:
        wall = v.median("wall_s")
        peaks = " / ".join(f"{v.median(a):.0f}" for a in ("parent_peak_mb", "child_peak_mb", "total_peak_mb"))
        lines.append(
            f"| {v.name} | {items} | {wall:.2f} | {items / wall:.1f} | {base / wall:.2f} "
            f"| {v.median('cpu_s'):.2f} | {peaks} |"
        )
    return "\n".join(lines)
