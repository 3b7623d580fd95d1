"""Measuring commands as whole processes: wall time, CPU time and the peak RSS of every process.

A run starts a command, samples its process tree (psutil) until it exits, and keeps, for each
process, the highest resident set seen; the report gives the parent's, the largest child's and
the highest sum at one moment (what the machine had to hold). CPU time is the tree's user +
system time (children included once they are waited for). The machine is shared, so the
harness alternates variants run by run and reports medians, never a single pass.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import psutil

SAMPLE_EVERY_S = 0.05


@dataclass
class Run:
    wall_s: float
    cpu_s: float
    parent_peak_mb: float
    child_peak_mb: float  # the largest single child (a worker process)
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


def measure(argv: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """One run of ``argv``, its output thrown away."""
    started = time.perf_counter()
    before = os.times()
    child = subprocess.Popen(
        list(argv),
        env={**os.environ, **(env or {})},
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    root = psutil.Process(child.pid)
    peaks: dict[int, float] = {}
    total_peak = 0.0
    while child.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        sizes = {p.pid: _rss(p) for p in tree}
        for pid, size in sizes.items():
            peaks[pid] = max(peaks.get(pid, 0.0), size)
        total_peak = max(total_peak, sum(sizes.values()))
        time.sleep(SAMPLE_EVERY_S)
    returncode = child.wait()
    after = os.times()
    wall = time.perf_counter() - started
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    parent_peak = peaks.pop(child.pid, 0.0)
    return Run(
        wall_s=wall,
        cpu_s=cpu,
        parent_peak_mb=parent_peak,
        child_peak_mb=max(peaks.values(), default=0.0),
        total_peak_mb=total_peak,
        returncode=returncode,
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
