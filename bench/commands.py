"""Whole-process benchmarks of the commands users run, each beside a baseline in the same run.

    make bench-commands      # or: python bench/commands.py extract [--pages 1,1000] [--runs 3]

``extract``: ``newswire extract`` over a folder of saved pages against a plain loop of
``trafilatura.extract`` over the same files (the loop reads each file and extracts it; nothing
else), events off and on, with one worker and with the default (one per CPU), at 1 page (start-up)
and at 1,000 (steady state). The pages are the Scrapinghub and WCXB benchmark pages of
../shared/bench-data/extraction, decompressed into a temporary folder (cycled to the count asked,
under new names); they are never copied into the project.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import itertools
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from local_site import sitemap_url  # noqa: E402
from local_site import url as site_url  # noqa: E402
from processes import Variant, alternate, measure, table  # noqa: E402

from services.cli.progress import count_parquet_rows  # noqa: E402
from services.common.broker import EmbeddedBroker, free_port  # noqa: E402
from services.common.kafka import reader_consumer  # noqa: E402
from services.common.partitions import partitions_of  # noqa: E402
from services.common.settings import KafkaSettings  # noqa: E402
from services.common.topics import TopicNames  # noqa: E402

EXTRACTION_DATA = ROOT.parent / "shared" / "bench-data" / "extraction"
PYTHON = sys.executable
NEWSWIRE = str(Path(sys.executable).with_name("newswire"))
TRAFILATURA_LOOP = (
    "import sys, pathlib, trafilatura\n"
    "for name in sys.argv[1:]:\n"
    "    trafilatura.extract(pathlib.Path(name).read_bytes().decode('utf-8', 'replace'))\n"
)


def saved_pages(folder: Path, count: int) -> list[Path]:
    sources = sorted((EXTRACTION_DATA / "scrapinghub-aeb" / "html").glob("*.html.gz")) + sorted(
        (EXTRACTION_DATA / "wcxb-dev-articles" / "dev" / "html").glob("*.html.gz")
    )
    if not sources:
        raise SystemExit(f"no benchmark pages under {EXTRACTION_DATA}")
    paths = []
    for i, source in zip(range(count), itertools.cycle(sources), strict=False):
        path = folder / f"{i:05d}.html"
        path.write_bytes(gzip.decompress(source.read_bytes()))
        paths.append(path)
    return paths


def bench_extract(sizes: list[int], runs: int) -> None:
    events_off = {"NEWSWIRE_EXTRACTOR__EVENTS": "false"}
    with tempfile.TemporaryDirectory(prefix="newswire-bench-") as tmp:
        pages = saved_pages(Path(tmp), max(sizes))
        for size in sizes:
            files = [str(p) for p in pages[:size]]
            baseline = Variant(
                "trafilatura.extract loop (one process)", [PYTHON, "-c", TRAFILATURA_LOOP, *files]
            )
            variants = [
                baseline,
                Variant(
                    "newswire extract --workers 1, events off",
                    [NEWSWIRE, "extract", "--workers", "1", *files],
                    events_off,
                ),
                Variant(
                    "newswire extract --workers 1, events on", [NEWSWIRE, "extract", "--workers", "1", *files]
                ),
                Variant(
                    "newswire extract (2 workers), events off", [NEWSWIRE, "extract", *files], events_off
                ),
                Variant("newswire extract (2 workers), events on", [NEWSWIRE, "extract", *files]),
            ]
            alternate(variants, runs)
            print(f"\n### newswire extract, {size} page(s), median of {runs} alternating runs\n")
            print(table(variants, items=size, baseline=baseline))
    print(f"\n({platform.processor() or platform.machine()}, {platform.python_version()})")


def _topic_total(bootstrap: str, topics: list[str]) -> int:
    """Records on ``topics`` (the sum of their partitions' end offsets)."""

    async def read() -> int:
        kafka = KafkaSettings(bootstrap=bootstrap)
        consumer = reader_consumer(kafka)
        await consumer.start()
        try:
            tps = await partitions_of(consumer, topics)
            return sum((await consumer.end_offsets(tps)).values())
        finally:
            await consumer.stop()

    return asyncio.run(read())


def bench_extractor_service(count: int, runs: int) -> None:
    """The extractor service on a ``pages`` topic filled beforehand (one and two processes),
    against ``bench/loops.py extract``: the same pages, the same work, one plain loop."""
    with tempfile.TemporaryDirectory(prefix="newswire-bench-") as tmp, EmbeddedBroker() as broker:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        pages = saved_pages(folder, count)
        url_map = Path(tmp) / "urls.json"
        url_map.write_text(
            json.dumps({p.name: f"https://bench{i % 50}.example.org/story/{i}" for i, p in enumerate(pages)})
        )
        env = {"NEWSWIRE_KAFKA__BOOTSTRAP": broker.bootstrap}
        baseline = Variant(
            "one loop: extract_page + build_article + encode",
            [PYTHON, str(ROOT / "bench" / "loops.py"), "extract", str(folder), str(url_map)],
        )
        one = Variant("newswire extractor, 1 process", [NEWSWIRE, "extractor"], env)
        two = Variant("newswire extractor, 2 processes (one group)", [NEWSWIRE, "extractor"], env)
        for run in range(runs):
            baseline.runs.append(measure(baseline.argv))
            for copies, variant in ((1, one), (2, two)):
                prefix = f"bench{run}x{copies}-"
                names = TopicNames.from_settings(
                    KafkaSettings(bootstrap=broker.bootstrap, topic_prefix=prefix)
                )
                ingest = [NEWSWIRE, "ingest", "html", str(folder), "--url-map", str(url_map)]
                subprocess.run(
                    [*ingest, "--topic-prefix", prefix, "--bootstrap", broker.bootstrap],
                    check=True,
                    capture_output=True,
                )
                outputs = [names.articles, names.deadletter]

                def complete(outputs: list[str] = outputs) -> bool:
                    return _topic_total(broker.bootstrap, outputs) >= count

                result = measure(
                    variant.argv,
                    env={**variant.env, "NEWSWIRE_KAFKA__TOPIC_PREFIX": prefix},
                    copies=copies,
                    done=complete,
                )
                if result.returncode != 0:
                    raise SystemExit(f"{variant.name} stopped before its output was complete")
                variant.runs.append(result)
        print(f"\n### extractor service on a pre-filled pages topic, {count} pages, median of {runs} runs\n")
        print(table([baseline, one, two], items=count, baseline=baseline))


def _rows(out: Path, tables: list[str]) -> int:
    return sum(count_parquet_rows(out / table) for table in tables if (out / table).is_dir())


def _pipeline_settings(out: Path) -> dict[str, str]:
    """Politeness off (loopback hosts: no per-host delay) and the private network allowed; the
    rest as a user runs it."""
    return {
        "NEWSWIRE_FETCHER__ALLOW_PRIVATE_NETWORKS": "true",
        "NEWSWIRE_FETCHER__HOST_RATE_PER_S": "0",
        "NEWSWIRE_SINK__OUT_DIR": str(out),
    }


# Runs of minutes: RSS sampled four times a second is enough for their peaks, and sampling ten
# processes every 0.05 s took about 14 % of a core from the pipeline it measured.
PIPELINE_SAMPLE_S = 0.25


def bench_pipeline(count: int, hosts: int, runs: int) -> None:
    """``newswire run`` (fetcher, extractor, linker, sink on a broker) over a local site's
    sitemaps, against ``bench/loops.py pipeline``: the same URLs fetched, extracted, linked and
    written to Parquet by one process."""
    with tempfile.TemporaryDirectory(prefix="newswire-bench-") as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        saved_pages(folder, count)
        port = free_port("127.0.0.2")
        site = subprocess.Popen(
            [PYTHON, str(ROOT / "bench" / "local_site.py"), str(folder), str(hosts), str(port), str(count)],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert site.stdout is not None and site.stdout.readline().strip() == "ready"
            urls = Path(tmp) / "urls.txt"
            urls.write_text("\n".join(site_url(n % hosts, port, n) for n in range(count)))
            feeds = [arg for i in range(hosts) for arg in ("--feed", sitemap_url(i, port))]
            baseline = Variant("bare loop: fetch, extract, events, link, Parquet", [])
            pipeline = Variant("newswire run: 4 services + the broker", [])
            for run in range(runs):
                out = Path(tmp) / f"loop-{run}"
                baseline.runs.append(
                    measure(
                        [PYTHON, str(ROOT / "bench" / "loops.py"), "pipeline", str(urls), str(out)],
                        sample_every_s=PIPELINE_SAMPLE_S,
                    )
                )
                out = Path(tmp) / f"run-{run}"
                with EmbeddedBroker() as broker:

                    def complete(out: Path = out) -> bool:
                        return _rows(out, ["articles", "deadletter"]) >= count

                    argv = [NEWSWIRE, "run", "--bootstrap", broker.bootstrap, *feeds]
                    also = [broker.pid] if broker.pid else []
                    result = measure(
                        argv,
                        env=_pipeline_settings(out),
                        done=complete,
                        check_every_s=1.0,
                        also=also,
                        sample_every_s=PIPELINE_SAMPLE_S,
                    )
                if result.returncode != 0:
                    raise SystemExit("newswire run stopped before every URL was in articles or deadletter")
                pipeline.runs.append(result)
            print(f"\n### whole pipeline, {count} pages on {hosts} loopback hosts, median of {runs} runs\n")
            print(table([baseline, pipeline], items=count, baseline=baseline))
        finally:
            site.terminate()
            site.wait()


def _first_seen(out: Path, seen: dict[str, float]) -> None:
    """Record when each article row is first visible in the committed Parquet files."""
    for path in (out / "articles").glob("*/*.parquet"):
        try:
            rows = pq.read_table(path, columns=["article_id", "fetched_at"]).to_pylist()
        except OSError:
            continue  # being replaced; read next time
        for row in rows:
            if row["article_id"] not in seen:
                seen[row["article_id"]] = time.time() - row["fetched_at"].timestamp()


def bench_latency(count: int, every_s: float) -> None:
    """Page fetched -> row in Parquet at low load: ``count`` URLs queued one every ``every_s``
    (``newswire fetch``) into an idle ``newswire run``; a row's latency is when it is first seen
    in a committed file (polled every 0.1 s) minus its ``fetched_at``."""
    with tempfile.TemporaryDirectory(prefix="newswire-bench-") as tmp, EmbeddedBroker() as broker:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        saved_pages(folder, count + 1)
        port = free_port("127.0.0.2")
        site = subprocess.Popen(
            [PYTHON, str(ROOT / "bench" / "local_site.py"), str(folder), "1", str(port), "1"],
            stdout=subprocess.PIPE,
            text=True,
        )
        out = Path(tmp) / "out"
        env = {**os.environ, **_pipeline_settings(out)}
        argv = [NEWSWIRE, "run", "--bootstrap", broker.bootstrap, "--feed", sitemap_url(0, port)]
        pipeline = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seen: dict[str, float] = {}
        try:
            assert site.stdout is not None and site.stdout.readline().strip() == "ready"
            while not seen:  # the sitemap's one story: the pipeline is up
                _first_seen(out, seen)
                time.sleep(0.5)
            warm = set(seen)
            for n in range(1, count + 1):
                fetch = [NEWSWIRE, "fetch", "--bootstrap", broker.bootstrap, site_url(0, port, n)]
                subprocess.run(fetch, check=True, capture_output=True, env=env)
                deadline = time.time() + every_s
                while time.time() < deadline:
                    _first_seen(out, seen)
                    time.sleep(0.1)
            deadline = time.time() + 30
            while len(seen) < count + 1 and time.time() < deadline:
                _first_seen(out, seen)
                time.sleep(0.1)
        finally:
            pipeline.send_signal(signal.SIGTERM)
            pipeline.wait(timeout=120)
            site.terminate()
            site.wait()
        latencies = sorted(v for k, v in seen.items() if k not in warm)
        if len(latencies) < count // 2:  # a page without an article is a dead letter, not a row
            raise SystemExit(f"only {len(latencies)} of {count} pages reached Parquet")
        p50, p95 = statistics.median(latencies), latencies[int(0.95 * (len(latencies) - 1))]
        print(f"\n### latency, page fetched -> row in Parquet, {count} pages one every {every_s} s\n")
        print(
            f"{len(latencies)} articles: p50 {p50:.2f} s, p95 {p95:.2f} s, max {latencies[-1]:.2f} s "
            "(the sink's idle flush as configured)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="bench", required=True)
    extract = sub.add_parser("extract", help="newswire extract against a trafilatura loop")
    extract.add_argument("--pages", default="1,1000", help="comma-separated folder sizes")
    extract.add_argument("--runs", type=int, default=3)
    service = sub.add_parser("extractor", help="the extractor service against the same work in one loop")
    service.add_argument("--pages", type=int, default=1000)
    service.add_argument("--runs", type=int, default=3)
    pipeline = sub.add_parser("pipeline", help="newswire run against a bare loop doing the same")
    pipeline.add_argument("--pages", type=int, default=3000)
    pipeline.add_argument("--hosts", type=int, default=8)
    pipeline.add_argument("--runs", type=int, default=3)
    latency = sub.add_parser("latency", help="page fetched -> row in Parquet at low load")
    latency.add_argument("--pages", type=int, default=20)
    latency.add_argument("--every", type=float, default=3.0, help="seconds between two URLs")
    args = parser.parse_args()
    if args.bench == "extract":
        bench_extract([int(n) for n in args.pages.split(",")], args.runs)
    elif args.bench == "extractor":
        bench_extractor_service(args.pages, args.runs)
    elif args.bench == "pipeline":
        bench_pipeline(args.pages, args.hosts, args.runs)
    elif args.bench == "latency":
        bench_latency(args.pages, args.every)


if __name__ == "__main__":
    main()
