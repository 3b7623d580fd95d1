"""Sink benchmark: newswire's sink vs a plain pyarrow write of the same records, from the same topic.

    make bench-sink            # or: python scripts/bench_sink.py [--records N]

Both read the `articles` topic of an embedded broker from the start. The sink runs as the real
child process (`python -m services sink`: decode and validate each record, buffer per partition,
write temp file, fsync, rename, fsync directory, commit); the baseline consumes the same records
with a plain aiokafka consumer, `json.loads` them and writes one zstd Parquet file with pyarrow.
Printed: rows/s and MB/s (of record bytes) for both, the sink's peak RSS, and its file sizes
after the run, after a quiet trickle written by idle flushes, and after compaction.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer  # noqa: E402

from schemas import encode  # noqa: E402
from services.common.broker import EmbeddedBroker  # noqa: E402
from services.common.kafka import ensure_topics  # noqa: E402
from services.common.settings import Settings, settings_to_env  # noqa: E402
from services.common.topics import TopicNames  # noqa: E402
from services.sink.compaction import compact_table  # noqa: E402
from services.sink.storage import LocalStorage  # noqa: E402
from tests.factories import article  # noqa: E402


async def produce(bootstrap: str, topic: str, values: list[tuple[bytes, bytes]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=20)
    await producer.start()
    try:
        for start in range(0, len(values), 1000):
            sent = [await producer.send(topic, v, key=k) for k, v in values[start : start + 1000]]
            await asyncio.gather(*sent)
    finally:
        await producer.stop()


async def plain_write(bootstrap: str, topic: str, n: int, out: Path) -> float:
    """Consume ``n`` records, json.loads them, one pyarrow write: the baseline."""
    started = time.perf_counter()
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False
    )
    await consumer.start()
    rows = []
    try:
        while len(rows) < n:
            batches = await consumer.getmany(timeout_ms=1000, max_records=5000)
            for records in batches.values():
                rows.extend(json.loads(r.value) for r in records)
    finally:
        await consumer.stop()
    for row in rows:  # the map column as JSON text, as the sink stores it
        row["extractor_options"] = json.dumps(row["extractor_options"], sort_keys=True)
    table = pa.Table.from_pylist(rows)  # types inferred: no validation, dates left as text
    pq.write_table(table, out / "plain.parquet", compression="zstd")
    return time.perf_counter() - started


def peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        line = next(line for line in f if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def count_rows(table_dir: Path) -> int:
    return sum(pq.read_metadata(p).num_rows for p in table_dir.glob("*/*.parquet"))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=20_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-sink-"))
    with EmbeddedBroker() as broker:
        settings = Settings(
            kafka={"bootstrap": broker.bootstrap, "topic_prefix": "bench.", "partitions": 4},
            sink={"out_dir": work / "out", "tables": ["articles"], "idle_flush_s": 0.2},
        )
        topics = TopicNames.from_settings(settings.kafka)
        asyncio.run(ensure_topics(settings.kafka, topics.all()))
        values = [(f"{i:032x}".encode(), encode(article(i))) for i in range(args.records)]
        megabytes = sum(len(v) for _, v in values) / 2**20
        asyncio.run(produce(broker.bootstrap, topics.articles, values))

        baseline_s = asyncio.run(plain_write(broker.bootstrap, topics.articles, args.records, work))

        env = {**os.environ, **settings_to_env(settings)}
        started = time.perf_counter()
        sink = subprocess.Popen(
            [sys.executable, "-m", "services", "sink"], env=env, stderr=subprocess.DEVNULL
        )
        table_dir = work / "out" / "articles"
        while (first_rows := count_rows(table_dir)) == 0:  # process start and group join (~3 s here)
            time.sleep(0.05)
        first_at = time.perf_counter()
        while count_rows(table_dir) < args.records:
            time.sleep(0.05)
        sink_s = time.perf_counter() - started
        steady_s = (time.perf_counter() - first_at) / (1 - first_rows / args.records)
        rss = peak_rss_mb(sink.pid)
        sizes = file_sizes_kib(table_dir)

        # A quiet feed: small bursts, each written by the idle flush, then compaction.
        trickle = [
            (f"{i:032x}".encode(), encode(article(i))) for i in range(args.records, args.records + 300)
        ]
        for start in range(0, len(trickle), 10):
            asyncio.run(produce(broker.bootstrap, topics.articles, trickle[start : start + 10]))
            time.sleep(1.0)  # > idle_flush_s
        while count_rows(table_dir) < args.records + len(trickle):
            time.sleep(0.05)
        sink.terminate()
        sink.wait(timeout=30)
        idle_sizes = file_sizes_kib(table_dir)
        started = time.perf_counter()
        report = compact_table(LocalStorage(work / "out"), "articles", before="9999-12-31")
        compact_s = time.perf_counter() - started
        compacted_sizes = file_sizes_kib(table_dir)
        assert count_rows(table_dir) == args.records + len(trickle)

    n = args.records
    print(f"{n} article records, {megabytes:.1f} MB of JSON, 4 partitions")
    print("| writer | seconds | rows/s | MB/s |\n|---|---|---|---|")
    for name, seconds in (
        ("plain aiokafka + pyarrow (baseline)", baseline_s),
        ("newswire sink, from process start", sink_s),
        ("newswire sink, steady state (after its first file)", steady_s),
    ):
        print(f"| {name} | {seconds:.2f} | {n / seconds:,.0f} | {megabytes / seconds:.1f} |")
    print(f"steady-state sink vs baseline: {baseline_s / steady_s:.0%}; sink peak RSS {rss:.0f} MB")
    print("\n| files | count | KiB min | median | max |\n|---|---|---|---|---|")
    for name, found in (
        (f"after the {n}-record run", sizes),
        ("+ 300 records in 30 idle-flushed bursts", idle_sizes),
        ("after `newswire compact articles`", compacted_sizes),
    ):
        median = statistics.median(found)
        print(f"| {name} | {len(found)} | {found[0]:.0f} | {median:.0f} | {found[-1]:.0f} |")
    print(
        f"compaction: {report.files_in} files ({report.bytes_in / 2**20:.1f} MiB) -> {report.files_out} "
        f"in {compact_s:.2f} s; each partition's newest batch is left as it is"
    )


def file_sizes_kib(table_dir: Path) -> list[float]:
    return sorted(p.stat().st_size / 1024 for p in table_dir.glob("*/*.parquet"))


if __name__ == "__main__":
    main()
