"""Soak: many pages through the whole pipeline, every process's memory sampled, every URL accounted for.

    make bench-soak      # or: python bench/soak.py [--pages 100000] [--hosts 16] [--every 10]

A local site (``bench/local_site.py``) serves the Scrapinghub and WCXB benchmark pages under
``--pages`` new URLs on ``--hosts`` loopback hosts (the 974 distinct pages again and again, so
the extractor's near-duplicate index and the linker see syndicated copies, as a real feed list
has); ``newswire run`` (fetcher, extractor, linker, sink, supervised) reads the sitemaps into
Parquet on the embedded broker, politeness off. Every ``--every`` seconds the harness records the
resident memory of each process (by role: the supervisor, each service, the extractor's pool
worker, the broker) against the pages done (rows in ``articles`` + ``deadletter``).

At the end it checks what a user must be able to rely on:
- nothing lost: every URL's article is in ``articles`` or has a dead letter;
- nothing twice: each URL once over both tables, and no table holds a key twice (article_id,
  mention_id, (event_id, version));
- memory flat after warm-up: per process, the slope of RSS against pages done over the samples
  after the first ``--warm-up`` share of the pages, in MB per 10,000 pages.
The broker is reported apart: the embedded broker keeps every topic in memory by design (a real
deployment's Kafka keeps them on disk under a retention), so it grows with what was written.
"""

from __future__ import annotations

import argparse
import base64
import csv
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import psutil
import pyarrow.dataset as ds

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from commands import NEWSWIRE, PYTHON, saved_pages  # noqa: E402
from local_site import sitemap_url  # noqa: E402
from local_site import url as site_url  # noqa: E402

from services.cli.progress import count_parquet_rows  # noqa: E402
from services.common.broker import EmbeddedBroker, free_port  # noqa: E402
from services.common.pages import article_id_of  # noqa: E402

DISTINCT_PAGES = 974  # the benchmark pages there are (Scrapinghub 181 + WCXB dev 793)


def role(process: psutil.Process, roles: dict[int, str]) -> str:
    """A process's role: ``python -m services NAME`` is NAME, the supervisor is ``run``, any
    other process is its parent's role's worker (the extractor's pool)."""
    if process.pid in roles:
        return roles[process.pid]
    try:
        argv = process.cmdline()
        parent = process.parent()
    except psutil.Error:
        return "gone"
    if "services" in argv and argv.index("services") + 1 < len(argv):
        name = argv[argv.index("services") + 1]
    elif any(a.endswith("newswire") for a in argv[:2]) and "run" in argv:
        name = "run"
    else:
        name = f"{role(parent, roles)} worker" if parent is not None else "other"
    roles[process.pid] = name
    return name


class Sampler(threading.Thread):
    """Every ``every_s``: pages done and the RSS of each role (a role's processes summed)."""

    def __init__(self, root: int, broker: int, out: Path, every_s: float) -> None:
        super().__init__(daemon=True)
        self.root, self.broker, self.out, self.every_s = root, broker, out, every_s
        self.samples: list[tuple[float, int, dict[str, float]]] = []
        self.stopping = threading.Event()
        self._rows: dict[Path, int] = {}

    def done(self) -> int:
        return sum(
            count_parquet_rows(self.out / t, self._rows)
            for t in ("articles", "deadletter")
            if (self.out / t).is_dir()
        )

    def run(self) -> None:
        roles: dict[int, str] = {self.broker: "broker"}
        started = time.monotonic()
        while not self.stopping.is_set():
            sizes: Counter[str] = Counter()
            try:
                root = psutil.Process(self.root)
                tree = [root, *root.children(recursive=True), psutil.Process(self.broker)]
            except psutil.Error:
                break
            for process in tree:
                try:
                    sizes[role(process, roles)] += process.memory_info().rss / 2**20
                except psutil.Error:
                    continue
            self.samples.append((time.monotonic() - started, self.done(), dict(sizes)))
            self.stopping.wait(self.every_s)


def slope_per_10k(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of RSS (MB) against pages done, per 10,000 pages."""
    if len(points) < 3 or len({x for x, _ in points}) < 2:
        return float("nan")
    return statistics.linear_regression([x for x, _ in points], [y for _, y in points]).slope * 10_000


def column(out: Path, table: str, names: list[str]) -> list[dict[str, object]]:
    if not (out / table).is_dir():
        return []
    dataset = ds.dataset(out / table, format="parquet", partitioning="hive")
    return dataset.to_table(columns=names).to_pylist()


def dead_letter_article(row: dict[str, object]) -> str | None:
    """The article a dead letter stands for: the key of a ``pages`` record (the article id), or
    the URL a fetch failed on."""
    key = row.get("source_key_b64")
    if row.get("source_topic") == "pages" and isinstance(key, str):
        return base64.b64decode(key).decode()
    subject = row.get("subject")
    return article_id_of(subject) if isinstance(subject, str) and "://" in subject else None


def account(out: Path, urls: list[str]) -> list[str]:
    """The oracle: lost and doubled URLs, and keys held twice by a table."""
    expected = {article_id_of(u) for u in urls}
    articles = [str(r["article_id"]) for r in column(out, "articles", ["article_id"])]
    letters = column(out, "deadletter", ["source_topic", "source_key_b64", "subject"])
    seen = Counter(articles) + Counter(a for r in letters if (a := dead_letter_article(r)))
    problems = []
    lost = expected - set(seen)
    doubled = [a for a, n in seen.items() if n > 1 and a in expected]
    strangers = set(seen) - expected
    problems += [f"{len(lost)} URLs lost (neither an article nor a dead letter)"] if lost else []
    problems += [f"{len(doubled)} URLs accounted for more than once"] if doubled else []
    problems += [f"{len(strangers)} rows for URLs never served"] if strangers else []
    for table, keys in {
        "articles": ["article_id"],
        "events": ["mention_id"],
        "event_clusters": ["event_id", "version"],
    }.items():
        rows = [tuple(r.values()) for r in column(out, table, keys)]
        twice = sum(n - 1 for n in Counter(rows).values() if n > 1)
        if twice:
            problems.append(f"{table}: {twice} rows held twice")
    print(
        f"\naccounted for: {len(expected):,} URLs, {len(articles):,} articles, "
        f"{len(letters):,} dead letters, "
        f"{len(column(out, 'events', ['mention_id'])):,} event rows, "
        f"{len(column(out, 'event_clusters', ['event_id'])):,} cluster versions"
    )
    return problems


def report(samples: list[tuple[float, int, dict[str, float]]], pages: int, warm_up: float) -> None:
    roles = sorted({r for _, _, sizes in samples for r in sizes})
    warm = [s for s in samples if s[1] >= warm_up * pages]
    print(f"\n### soak: {pages:,} pages, {len(samples)} samples, warm after {warm_up:.0%} of the pages\n")
    print(
        "| process | RSS MB at warm-up | RSS MB at the end | peak | slope after warm-up, MB per 10k pages |"
    )
    print("|---|---|---|---|---|")
    for name in roles:
        points = [(done, sizes[name]) for _, done, sizes in warm if name in sizes]
        peak = max((sizes.get(name, 0.0) for _, _, sizes in samples), default=0.0)
        if not points:
            continue
        print(
            f"| {name} | {points[0][1]:.0f} | {points[-1][1]:.0f} | {peak:.0f} "
            f"| {slope_per_10k(points):+.1f} |"
        )
    if samples:
        seconds = samples[-1][0]
        print(
            f"\n{samples[-1][1]:,} pages in {seconds / 60:.1f} min ({samples[-1][1] / seconds:.1f} pages/s)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--hosts", type=int, default=16)
    parser.add_argument("--every", type=float, default=10.0, help="seconds between two samples")
    parser.add_argument("--warm-up", type=float, default=0.1, help="share of the pages before the slope")
    parser.add_argument("--max-hours", type=float, default=4.0, help="give up after this long")
    parser.add_argument("--keep", type=Path, default=None, help="write the samples CSV and logs here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newswire-soak-") as tmp, EmbeddedBroker() as broker:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        saved_pages(folder, min(args.pages, DISTINCT_PAGES))
        port = free_port("127.0.0.2")
        site = subprocess.Popen(
            [
                PYTHON,
                str(ROOT / "bench" / "local_site.py"),
                str(folder),
                str(args.hosts),
                str(port),
                str(args.pages),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        out = Path(tmp) / "out"
        urls = [site_url(n % args.hosts, port, n) for n in range(args.pages)]
        feeds = [arg for i in range(args.hosts) for arg in ("--feed", sitemap_url(i, port))]
        env = {
            **os.environ,
            "NEWSWIRE_FETCHER__ALLOW_PRIVATE_NETWORKS": "true",
            "NEWSWIRE_FETCHER__HOST_RATE_PER_S": "0",
            "NEWSWIRE_SINK__OUT_DIR": str(out),
            # the embedded broker keeps topics in memory: uncompressed, 100,000 pages do not fit
            "NEWSWIRE_KAFKA__COMPRESSION": "zstd",
        }
        logs = args.keep or Path(tmp)
        logs.mkdir(parents=True, exist_ok=True)
        assert site.stdout is not None and site.stdout.readline().strip() == "ready"
        with open(logs / "run.log", "wb") as log:
            pipeline = subprocess.Popen(
                [NEWSWIRE, "run", "--bootstrap", broker.bootstrap, *feeds], env=env, stdout=log, stderr=log
            )
        assert broker.pid is not None
        sampler = Sampler(pipeline.pid, broker.pid, out, args.every)
        sampler.start()
        deadline = time.monotonic() + args.max_hours * 3600
        try:
            while sampler.done() < args.pages and time.monotonic() < deadline and pipeline.poll() is None:
                time.sleep(args.every)
                if sampler.samples:
                    at, done, sizes = sampler.samples[-1]
                    print(
                        f"{at / 60:6.1f} min {done:>8,} pages  "
                        + "  ".join(f"{k} {v:.0f}" for k, v in sorted(sizes.items())),
                        flush=True,
                    )
        finally:
            sampler.stopping.set()
            sampler.join()
            pipeline.send_signal(signal.SIGTERM)
            pipeline.wait(timeout=300)
            site.terminate()
            site.wait()
        if args.keep:
            with open(args.keep / "samples.csv", "w", newline="") as f:
                writer = csv.writer(f)
                roles = sorted({r for _, _, sizes in sampler.samples for r in sizes})
                writer.writerow(["seconds", "pages_done", *roles])
                for at, done, sizes in sampler.samples:
                    writer.writerow([f"{at:.1f}", done, *(f"{sizes.get(r, 0):.1f}" for r in roles)])
        report(sampler.samples, args.pages, args.warm_up)
        problems = account(out, urls)
        print("\n" + ("\n".join(problems) if problems else "nothing lost, nothing twice"))
        if problems or sampler.done() < args.pages:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
