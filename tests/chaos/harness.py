"""The chaos suite's harness: a corpus on loopback hosts, the four services under a supervisor, and
the oracle that decides whether a run lost or doubled anything.

One run: ``Corpus`` serves N article pages over H "hosts" (127.0.0.2, 127.0.0.3, ...); a feeder
queues their URLs on the urls topic in waves, so that faults land mid-stream; ``Pipeline`` runs
fetcher, extractor, linker and sink as child processes under the same supervisor ``newswire run``
uses (a dead child is restarted with backoff); a scenario injects its faults; ``Oracle`` then
waits for the run to settle and measures it (the checks of B8 in the reliability notes):

- conservation: every URL ends in exactly one terminal record, an ``articles`` row or a dead letter;
- contiguity: per table and topic partition, the files' offset ranges run from 0 to the topic's
  end with no gap and no overlap;
- commit safety: sampled every 0.2 s during the run, no committed offset of the sink's group is
  ever ahead of the files on disk;
- logical duplicates: per table, rows beyond one per identity (article id + text hash +
  extractor, mention id, event id + version) must be 0;
- liveness: the time from the last fault to a settled pipeline, which must stay under a bound.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import random
import signal
import sys
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from rich.console import Console

from services.cli.feeds import fetch_command
from services.cli.supervisor import Child, Supervisor, service_child
from services.cli.watchdog import StallGuard, Watchdog, sample
from services.common.errors import BrokerUnavailable
from services.common.settings import Settings, settings_to_env
from services.common.topics import TopicNames, app_id
from services.sink.tables import TABLES
from tests.httpserver import TestServer, page
from tests.oracle import end_offsets, file_ranges, parquet_rows

SERVICES = ("fetcher", "extractor", "linker", "sink")
TABLE_TOPICS = {
    "articles": "articles",
    "events": "events",
    "event_clusters": "event_clusters",
    "deadletter": "deadletter",
}
CITIES = (
    "Tangier",
    "Tetouan",
    "Nador",
    "Fez",
    "Madrid",
    "Barcelona",
    "Ceuta",
    "Melilla",
    "Valencia",
    "Bilbao",
)


def scale() -> tuple[int, int]:
    """(pages, hosts) of a run: ``CHAOS_PAGES`` and ``CHAOS_HOSTS``, the full scale by default."""
    return int(os.environ.get("CHAOS_PAGES", "200")), int(os.environ.get("CHAOS_HOSTS", "10"))


def article_html(n: int) -> str:
    city = CITIES[n % len(CITIES)]
    count = 2 + n % 5
    paragraphs = [
        f"Police arrested {count} men in {city} on Monday on suspicion of belonging to a jihadist cell "
        f"that recruited fighters online, the interior ministry said in a statement numbered {n}.",
        f"Officers searched {count + 1} homes in the city and seized phones, a laptop and documents. "
        "The suspects will appear before a judge in the coming days, according to the statement.",
        f"Neighbours described the street as quiet. Case file doc-{n} is the reference the ministry gave "
        "for the operation, which it said had been prepared over several months with foreign partners.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Arrests in {city}, case {n}"
        f"</title><meta property='article:published_time' content='2024-03-{1 + n % 28:02d}T10:00:00Z'>"
        f"</head><body><header><nav><a href='/'>Home</a></nav></header><main><article><h1>Arrests in "
        f"{city}, case {n}</h1>{body}</article></main><footer>Corpus host</footer></body></html>"
    )


class Corpus:
    """N article pages over H loopback hosts, each with an allow-all robots.txt."""

    def __init__(self, pages: int, hosts: int) -> None:
        self.servers = [TestServer(f"127.0.0.{2 + h}") for h in range(hosts)]
        self.urls: list[str] = []
        for server in self.servers:
            server.routes["/robots.txt"] = page(
                "User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"}
            )
        for n in range(pages):
            server = self.servers[n % hosts]
            path = f"/doc/{n}"
            server.routes[path] = page(article_html(n))
            self.urls.append(server.url(path))

    def __enter__(self) -> Corpus:
        for server in self.servers:
            server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        for server in self.servers:
            server.stop()


class Feeder(threading.Thread):
    """Queues the corpus's URLs on the urls topic in ``waves`` over ``spread_s`` seconds."""

    def __init__(self, settings: Settings, urls: list[str], waves: int = 8, spread_s: float = 16.0) -> None:
        super().__init__(daemon=True)
        self.settings, self.urls, self.waves, self.spread_s = settings, urls, waves, spread_s
        self.queued = 0

    def run(self) -> None:
        size = -(-len(self.urls) // self.waves)
        for start in range(0, len(self.urls), size):
            batch = self.urls[start : start + size]
            for _ in range(60):  # as a user would: while the broker is down, `newswire fetch` again
                try:
                    fetch_command(self.settings, Console(file=io.StringIO()), batch, force=False)
                    break
                except BrokerUnavailable:
                    time.sleep(1.0)
            self.queued += len(batch)
            time.sleep(self.spread_s / self.waves)


class Pipeline:
    """The four services as child processes under ``newswire run``'s supervisor, checked every 0.2 s."""

    def __init__(self, settings: Settings, log_dir: Path, sink_argv: list[str] | None = None) -> None:
        self.settings = settings
        self.env = settings_to_env(settings)
        self.log_dir = log_dir
        children = [service_child(name, self.env, log_dir) for name in SERVICES]
        if sink_argv is not None:  # the sink under a test wrapper (a slow or a full disk)
            sink = next(c for c in children if c.name == "sink")
            sink.argv = [sys.executable, *sink_argv]
        self.supervisor = Supervisor(children)
        # the liveness guard of `newswire run`, on the chaos settings' short window
        self.guard = StallGuard(
            self.supervisor, Watchdog(settings.supervisor.stall_after_s), lambda: sample(settings.kafka)
        )
        self.stall_restarts: list[str] = []
        self.extra: list[Child] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        next_sample = time.monotonic() + self.settings.supervisor.watch_interval_s
        while not self._stop.is_set():
            self.supervisor.check()
            if time.monotonic() >= next_sample:
                self.stall_restarts += asyncio.run(self.guard.tick(time.monotonic()))
                next_sample = time.monotonic() + self.settings.supervisor.watch_interval_s
            time.sleep(0.2)

    def start(self) -> None:
        self.supervisor.start()
        self._thread.start()

    def child(self, name: str) -> Child:
        return next(c for c in self.supervisor.children if c.name == name)

    def signal(self, name: str, sig: signal.Signals) -> bool:
        """Send ``sig`` to a running service; False when it is between restarts."""
        proc = self.child(name).proc
        if proc is None or proc.poll() is not None:
            return False
        proc.send_signal(sig)
        return True

    def add_worker(self, name: str) -> Child:
        """One more worker of a service in its consumer group (a rebalance)."""
        worker = service_child(name, self.env, self.log_dir / f"extra-{len(self.extra)}")
        extra = Supervisor([worker])
        extra.start()
        self.extra.append(worker)
        return worker

    def logs(self) -> str:
        return "\n".join(
            f"--- {p.relative_to(self.log_dir)}\n{p.read_text(errors='replace')[-2500:]}"
            for p in sorted(self.log_dir.rglob("*.log"))
        )

    def stop(self) -> dict[str, int | None]:
        self._stop.set()
        self._thread.join(timeout=5)
        for worker in self.extra:
            if worker.proc is not None and worker.proc.poll() is None:
                worker.proc.send_signal(signal.SIGTERM)
                worker.proc.wait(timeout=30)
        return self.supervisor.stop(timeout_s=30)


class CommitSampler(threading.Thread):
    """Samples the sink group's committed offsets, then the files' durable ends, every 0.2 s, and
    records any committed offset ahead of the files (a commit before its data is durable)."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(daemon=True)
        self.settings = settings
        self.topics = TopicNames.from_settings(settings.kafka)
        self.samples = 0
        self.violations: list[str] = []
        self.halt = threading.Event()

    def run(self) -> None:
        asyncio.run(self._run())

    async def _run(self) -> None:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.settings.kafka.bootstrap,
            group_id=app_id(self.settings.kafka, "sink"),
            enable_auto_commit=False,
        )
        await consumer.start()
        try:
            await consumer.topics()
            watched = {table: getattr(self.topics, attr) for table, attr in TABLE_TOPICS.items()}
            partitions = {t: sorted(consumer.partitions_for_topic(t) or set()) for t in watched.values()}
            while not self.halt.is_set():
                for table, topic in watched.items():
                    committed = {}
                    for p in partitions[topic]:
                        try:
                            committed[p] = await consumer.committed(TopicPartition(topic, p))
                        except Exception:
                            committed[p] = None
                    durable = {
                        p: r[-1][1] + 1
                        for (t, p), r in file_ranges(self.settings.sink.out_dir / table).items()
                        if t == topic
                    }
                    for p, offset in committed.items():
                        if offset is not None and offset > durable.get(p, 0):
                            self.violations.append(
                                f"{topic}[{p}]: committed {offset} > durable {durable.get(p, 0)}"
                            )
                self.samples += 1
                await asyncio.sleep(0.2)
        finally:
            await consumer.stop()


@dataclass
class Outcome:
    """One scenario's line of the report."""

    scenario: str
    faults: list[str]
    inputs: int
    terminal: int
    articles: int
    dead_letters: int
    lost: int
    duplicated: dict[str, int]
    gaps: list[str]
    commit_samples: int
    commits_ahead: int
    recover_s: float
    seed: int
    extra: dict[str, Any] = field(default_factory=dict)

    def write(self) -> None:
        path = Path(os.environ.get("CHAOS_REPORT", "chaos-output/report.jsonl"))
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(asdict(self)) + "\n")


class Oracle:
    """Waits for a run to settle, then measures loss, duplication, gaps and recovery time."""

    def __init__(self, settings: Settings, urls: list[str]) -> None:
        self.settings = settings
        self.urls = urls
        self.topics = TopicNames.from_settings(settings.kafka)
        self.out = settings.sink.out_dir

    def _terminal(self) -> tuple[Counter[str], int, int]:
        """How many terminal records each input URL has, and the articles and dead-letter counts."""
        ends: Counter[str] = Counter()
        articles = (
            parquet_rows(self.out / "articles", columns=["url"]) if (self.out / "articles").exists() else []
        )
        letters = (
            parquet_rows(self.out / "deadletter", columns=["subject", "stage"])
            if (self.out / "deadletter").exists()
            else []
        )
        wanted = set(self.urls)
        for row in articles:
            if row["url"] in wanted:
                ends[row["url"]] += 1
        for row in letters:
            if row["subject"] in wanted:
                ends[row["subject"]] += 1
        return ends, len(articles), len(letters)

    def _ends(self, topic: str, ranges: dict[tuple[str, int], list[tuple[int, int]]]) -> dict[int, int]:
        """Each partition's end offset. Tansu's S3 engine answers ListOffsets with a stale end
        (measured: 100 records acked and read back, end reported 78), so where the files reach
        past the reported end, the end is read from the records themselves."""
        bootstrap = self.settings.kafka.bootstrap
        assert bootstrap
        ends = end_offsets(bootstrap, topic)
        if any(r and r[-1][1] + 1 > ends.get(p, 0) for (t, p), r in ranges.items() if t == topic):
            for partition, offset, _, _ in asyncio.run(_read_to_the_end(bootstrap, topic)):
                ends[partition] = max(ends.get(partition, 0), offset + 1)
        return ends

    def _gaps(self) -> list[str]:
        """Per table and topic partition, where the files' ranges do not run 0..end exactly once."""
        problems: list[str] = []
        for table, attr in TABLE_TOPICS.items():
            topic = getattr(self.topics, attr)
            ranges = file_ranges(self.out / table) if (self.out / table).exists() else {}
            for partition, end in self._ends(topic, ranges).items():
                expected = 0
                for start, stop in sorted(ranges.get((topic, partition), [])):
                    if start != expected:
                        problems.append(f"{table} {topic}[{partition}]: {start} after {expected - 1}")
                    expected = stop + 1
                if expected != end:
                    problems.append(f"{table} {topic}[{partition}]: files end at {expected}, topic at {end}")
        return problems

    def settled(self) -> bool:
        ends, _, _ = self._terminal()
        return len(ends) == len(self.urls) and not self._gaps()

    def duplicates(self) -> dict[str, int]:
        """Rows beyond one per identity, per table (the dead-letter table has no identity: 0)."""
        out: dict[str, int] = {}
        for table, spec in TABLES.items():
            if not spec.identity_columns or not (self.out / table).exists():
                out[table] = 0
                continue
            rows = parquet_rows(self.out / table, columns=list(spec.identity_columns))
            identities = Counter(tuple(row[c] for c in spec.identity_columns) for row in rows)
            out[table] = sum(n - 1 for n in identities.values())
        return out

    def measure(
        self,
        scenario: str,
        faults: list[str],
        last_fault_at: float,
        sampler: CommitSampler,
        seed: int,
        *,
        settle_timeout_s: float,
    ) -> Outcome:
        deadline = time.monotonic() + settle_timeout_s
        while time.monotonic() < deadline and not self.settled():
            time.sleep(0.5)
        recover_s = round(time.monotonic() - last_fault_at, 1)
        ends, articles, letters = self._terminal()
        return Outcome(
            scenario=scenario,
            faults=faults,
            inputs=len(self.urls),
            terminal=sum(1 for u in self.urls if ends[u] >= 1),
            articles=articles,
            dead_letters=letters,
            lost=sum(1 for u in self.urls if ends[u] == 0),
            duplicated={"urls": sum(1 for u in self.urls if ends[u] > 1), **self.duplicates()},
            gaps=self._gaps(),
            commit_samples=sampler.samples,
            commits_ahead=len(sampler.violations),
            recover_s=recover_s,
            seed=seed,
            extra={
                "rows": {
                    t: len(parquet_rows(self.out / t, columns=["src_offset"]))
                    if (self.out / t).exists()
                    else 0
                    for t in TABLE_TOPICS
                }
            },
        )


async def _read_to_the_end(bootstrap: str, topic: str) -> list[tuple[int, int, bytes | None, bytes | None]]:
    """Every record of ``topic``, read until the partitions have been quiet for two polls."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        await consumer.topics()
        tps = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or set())]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        out: list[tuple[int, int, bytes | None, bytes | None]] = []
        quiet = 0
        while quiet < 2:
            batches = await asyncio.wait_for(consumer.getmany(timeout_ms=1000), 30)
            quiet = 0 if batches else quiet + 1
            out.extend(
                (r.partition, r.offset, r.key, r.value) for records in batches.values() for r in records
            )
        return out
    finally:
        await consumer.stop()


def chaos_settings(make_settings: Any, **sections: Any) -> Settings:
    """Settings for a chaos run: short sessions so a dead member is noticed in seconds, small sink
    files so kills land between writes, no politeness delay (loopback hosts), and a liveness
    window short enough for a stalled service to be restarted within the run."""
    base: dict[str, Any] = {
        "kafka": {"session_timeout_s": 6.0, "rebalance_timeout_s": 6.0, "heartbeat_interval_s": 1.0},
        "sink": {"max_records": 25, "idle_flush_s": 0.3},
        "fetcher": {
            "allow_private_networks": True,
            "host_rate_per_s": 0,
            "retry_backoff_s": 0.2,
            "url_deadline_s": 30.0,  # so that the short stall window below composes
            "robots_error_ttl_s": 10.0,
        },
        "supervisor": {"stall_after_s": 45.0, "watch_interval_s": 3.0},
    }
    for name, values in sections.items():
        base[name] = {**base.get(name, {}), **values}
    return make_settings(**base)


def seeded(name: str) -> tuple[int, random.Random]:
    seed = int(os.environ.get("CHAOS_SEED", "20261203")) + sum(map(ord, name))
    return seed, random.Random(seed)


__all__ = [
    "CommitSampler",
    "Corpus",
    "Feeder",
    "Oracle",
    "Outcome",
    "Pipeline",
    "chaos_settings",
    "scale",
    "seeded",
]
