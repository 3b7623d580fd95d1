"""How fast ``newswire ui`` answers over a large output: the served process, measured from outside.

    make bench-ui        # or: python bench/ui.py [--events 100000] [--runs 30] [--root DIR]

Writes ``--events`` generated events (each with its article and mention, one or two sites) with
the sink's writer (``tests/ui/corpus.py``), starts ``newswire ui`` on them as a user does, and times
each API request of the map and the event table (and the timeline) ``--runs`` times over HTTP:
p50 and p95 per request, the start-up (tables read into the snapshot), the server's peak RSS. The
baseline in the same run is the same selection asked of DuckDB over the Parquet files directly, as
``newswire query`` would (the latest version of each event, then the filter), without the UI's
snapshot.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from services.sink.queries import LATEST_CLUSTERS_SQL
from tests.ui.corpus import generated_tables, write_tables

REQUESTS = {
    "map, no filter": "/api/map",
    "map, subtype + country": "/api/map?subtype=arrest&country=MAR",
    "event table, first page": "/api/events?limit=100",
    "event table, text filter": "/api/events?q=tangier&limit=100",
    "event table, page 500": "/api/events?limit=100&offset=50000",
    "timeline, weeks": "/api/timeline?bucket=week",
}
BASELINE = {
    "map, subtype + country": "SELECT event_id, UNNEST(sites) FROM ({latest}) "
    "WHERE subtype = 'arrest' AND list_contains(countries, 'MAR')",
    "event table, first page": "SELECT * FROM ({latest}) ORDER BY time.start DESC LIMIT 100",
}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def build(root: Path, events: int) -> None:
    chunk = 25_000  # generated and written in parts, as a sink writes batches
    for start in range(0, events, chunk):
        write_tables(root, generated_tables(min(chunk, events - start), seed=start), first_offset=start)


def serve(root: Path) -> tuple[subprocess.Popen[str], str, float]:
    started = time.monotonic()
    env = {**os.environ, "NEWSWIRE_UI__PORT": "0"}
    process = subprocess.Popen(
        [sys.executable, "-m", "services.cli.main", "ui", "--out", str(root)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if found := re.search(r"(http://127\.0\.0\.1:\d+/)", line):
            threading.Thread(target=process.stdout.read, daemon=True).start()  # drain the rest
            return process, found.group(1), time.monotonic() - started
    raise RuntimeError("newswire ui did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--root", type=Path, help="reuse (or keep) the tables here")
    args = parser.parse_args()
    root = args.root or Path(tempfile.mkdtemp(prefix="newswire-bench-ui-"))
    if not (root / "event_clusters").exists():
        t0 = time.monotonic()
        build(root, args.events)
        print(f"wrote {args.events:,} events in {time.monotonic() - t0:.0f} s under {root}")
    process, url, startup = serve(root)
    peak = 0.0
    try:
        server = psutil.Process(process.pid)
        with httpx.Client(base_url=url, timeout=60) as client:
            total = client.get("/api/events?limit=1").json()["total"]
            print(f"newswire ui: {total:,} events, ready in {startup:.1f} s")
            print("| request | p50 ms | p95 ms | baseline (DuckDB over the files) p50 / p95 ms |")
            print("|---|---|---|---|")
            con = duckdb.connect()
            latest = LATEST_CLUSTERS_SQL.format(root=root)
            for name, path in REQUESTS.items():
                client.get(path).raise_for_status()  # warm
                times = []
                for _ in range(args.runs):
                    t = time.perf_counter()
                    client.get(path).raise_for_status()
                    times.append((time.perf_counter() - t) * 1000)
                    peak = max(peak, server.memory_info().rss / 2**20)
                base = ""
                if name in BASELINE:
                    sql = BASELINE[name].format(latest=latest)
                    base_times = []
                    for _ in range(max(3, args.runs // 5)):
                        t = time.perf_counter()
                        con.execute(sql).fetchall()
                        base_times.append((time.perf_counter() - t) * 1000)
                    base = f"{statistics.median(base_times):.0f} / {percentile(base_times, 0.95):.0f}"
                print(f"| {name} | {statistics.median(times):.0f} | {percentile(times, 0.95):.0f} | {base} |")
        print(f"peak RSS of newswire ui: {peak:.0f} MB")
    finally:
        process.terminate()
        process.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
