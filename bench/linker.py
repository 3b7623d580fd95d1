"""The linker at scale: mentions linked per second, memory and state rebuild as the state grows.

    make bench-linker      # or: python bench/linker.py [--events 1000000] [--horizon-days 180]

The mentions are made from the real event records of the development corpus (extracted from
../shared/gold/dev-corpus/articles at the start of the run): each synthetic event copies one
record's evidence, actors, targets and counts, and gets its own day (four years of news, read in
publication order), its own city (drawn from the gazetteer's towns of 60 countries) and its own
article. A third of the mentions are second or third reports of a recent event (another outlet,
the same day and town, the count off by one at times): the merges a real stream has.

Reported at 10,000 / 100,000 / 1,000,000 events in state: the rate of linking over the last
stretch, the process's RSS, and the state rebuild of that moment (every cluster's latest version
encoded as on ``event-clusters``, then decoded and restored into a new linker, as a restart
without a state file does; reading the topic off the broker comes on top, measured in
``docs/benchmarks.md``).

With ``--state-file`` the records go to a ``StateFile`` (``linker.state_dir``), checkpointed every
``CHECKPOINT_EVERY`` mentions inside the timed linking (the worker checkpoints every 5 s, a few
thousand mentions at these rates), and each row adds the restart from the checkpoint: the file
opened by a new linker, its offsets checked and every profile adopted, the time a restarted
``newswire linker`` spends before it reads the topic's tail.
"""

from __future__ import annotations

import argparse
import gc
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from schemas import EventCluster, EventMention, decode, encode  # noqa: E402
from services.common.settings import KafkaSettings  # noqa: E402
from services.common.topics import TopicNames  # noqa: E402
from services.extractor.events.assemble import extract_events  # noqa: E402
from services.extractor.events.places import gazetteer  # noqa: E402
from services.linker.linker import Linker  # noqa: E402
from services.linker.state import ClusterStore, RecordStore  # noqa: E402
from services.linker.state_file import StateFile  # noqa: E402

DEV_ARTICLES = ROOT.parent / "shared" / "gold" / "dev-corpus" / "articles"
FIRST_DAY = date(2023, 1, 1)
DAYS = 4 * 365
COUNTRIES = 60
REREPORT_SHARE = 1 / 3
CHECKPOINT_EVERY = 5_000  # mentions between two checkpoints of the state file
# The checkpoint is written for the default deployment's event-clusters topic, every partition at
# offset 0 (nothing read from it yet), so that ``bench/linker_restart.py`` can start ``newswire
# linker`` on a new broker over the file kept with --keep-state.
TOPIC = TopicNames.from_settings(KafkaSettings()).event_clusters
ENDS = dict.fromkeys(range(KafkaSettings().partitions), 0)


def templates() -> list[EventMention]:
    out = []
    for path in sorted(DEV_ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        url = f"https://example.org/{path.stem}"
        mentions = extract_events(text, article_id=path.stem, url=url, published_at=date(2024, 1, 1))
        out += [m for m in mentions if m.record_kind == "event"]
    if not out:
        raise SystemExit(f"no event records in {DEV_ARTICLES}")
    return out


def towns() -> list[tuple[str, str, float, float]]:
    """(name, country, lat, lon) of towns in the COUNTRIES countries with the most of them."""
    rows = gazetteer().rows
    by_country: dict[str, list[tuple[str, str, float, float]]] = {}
    for row in rows:
        name, country, _, _, lat, lon, precision = row[0], row[1], row[2], row[3], row[4], row[5], row[6]
        if precision == "city" and country and lat is not None and lon is not None:
            by_country.setdefault(country, []).append((name, country, lat, lon))
    biggest = sorted(by_country, key=lambda c: -len(by_country[c]))[:COUNTRIES]
    return [town for c in biggest for town in by_country[c][:400]]


def stream(count: int, seed: int = 7) -> Iterator[EventMention]:
    """``count`` mentions in publication order (a day's mentions together)."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible sample, not a secret
    bases = templates()
    places = towns()
    per_day = count / DAYS
    recent: list[EventMention] = []
    made = 0
    for day_index in range(DAYS):
        day = FIRST_DAY + timedelta(days=day_index)
        todays = int(per_day * (day_index + 1)) - int(per_day * day_index)
        for _ in range(todays):
            made += 1
            if recent and rng.random() < REREPORT_SHARE:
                original = recent[rng.randrange(len(recent))]
                quantities = [
                    q.model_copy(update={"value": q.value + rng.choice((0, 0, 1))}) if q.value else q
                    for q in original.quantities
                ]
                yield original.model_copy(
                    update={
                        "mention_id": f"m{made}",
                        "article_id": f"{made:032x}",
                        "url": f"https://outlet{rng.randrange(400)}.example.org/{made}",
                        "published_at": day,
                        "quantities": quantities,
                    }
                )
                continue
            base = bases[rng.randrange(len(bases))]
            name, country, lat, lon = places[rng.randrange(len(places))]
            when = day - timedelta(days=rng.choice((0, 1, 1, 2)))
            site = {"text": name, "name": name, "country": country, "lat": lat, "lon": lon}
            site["precision"] = "city"
            mention = base.model_copy(
                update={
                    "mention_id": f"m{made}",
                    "article_id": f"{made:032x}",
                    "url": f"https://outlet{rng.randrange(400)}.example.org/{made}",
                    "published_at": day,
                    "time": base.time.model_copy(update={"start": when, "end": when, "precision": "day"}),
                    "sites": [base.sites[0].model_copy(update=site)] if base.sites else [],
                    "actors": [a.model_copy(update={"country": country}) for a in base.actors],
                }
            )
            recent = [*recent[-199:], mention]
            yield mention


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def rebuild(linker: Linker, records: RecordStore) -> tuple[float, float]:
    """Seconds to decode and restore every cluster's latest version into a new linker whose
    records go to ``records``, and events restored per second."""
    values = [encode(c) for c in linker.clusters()]
    started = time.process_time()
    restored = Linker(records=records)
    for value in values:
        restored.restore(decode(EventCluster, value))
    total = time.process_time() - started
    return total, len(values) / total


def restart(path: Path) -> tuple[float, float, int]:
    """Seconds (wall) to open a checkpointed state file and adopt its profiles into a new linker,
    as a restart does; the events per second, and how many."""
    started = time.perf_counter()
    state = StateFile(path, TOPIC)
    restored = Linker(records=state)
    if state.positions(ENDS) is None:
        raise SystemExit(f"{path}: no usable checkpoint")
    for profile in state.profiles():
        restored.adopt(profile)
    total = time.perf_counter() - started
    count = len(restored)
    state.close()
    return total, count / total, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="events in state at the end")
    parser.add_argument("--horizon-days", type=int, default=None, help="the linker's horizon (default: none)")
    parser.add_argument(
        "--state-file",
        action="store_true",
        help="keep the records in a checkpointed StateFile, and time the restart from it",
    )
    parser.add_argument(
        "--keep-state", type=Path, default=None, help="with --state-file: copy the final state file here"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newswire-linker-") as tmp:
        folder = Path(tmp)

        def store(name: str) -> RecordStore:
            return StateFile(folder / f"{name}.sqlite", TOPIC) if args.state_file else ClusterStore()

        state = run(args.events, args.horizon_days, store)
        if args.keep_state is not None and isinstance(state, StateFile):
            state.close()  # the last connection's close folds the WAL into the file
            shutil.copyfile(state.path, args.keep_state)


def run(events: int, horizon_days: int | None, store: Callable[[str], RecordStore]) -> RecordStore:
    """Link until ``events`` are in state, printing a row at each checkpoint; the linker's store."""
    checkpoints = [n for n in (10_000, 100_000, 1_000_000) if n <= events] or [events]
    # enough mentions to reach the last checkpoint: measured, about 0.45 events per mention (the
    # re-reports, and the new reports that meet an event by chance: same template, town and week)
    mentions = int(events * 2.4)
    records = store("state")
    state = records if isinstance(records, StateFile) else None
    linker = Linker(horizon_days=horizon_days, records=records)
    header = "| events in state | mentions linked | mentions/s (CPU) | RSS MB | rebuild s | events/s |"
    if state is not None:
        header += " restart from the state file s | events/s |"
    print(header)
    print("|---" * (header.count("|") - 1) + "|")
    stretch_cpu, stretch_linked = 0.0, 0
    linked = 0
    for linked, mention in enumerate(stream(mentions), start=1):
        outlet = mention.url.split("/")[2]
        started = time.process_time()  # the linking alone, not the making of the mention
        linker.link(mention, outlet)
        if state is not None and linked % CHECKPOINT_EVERY == 0:
            state.checkpoint(linker.profile, ENDS)
        stretch_cpu += time.process_time() - started
        stretch_linked += 1
        # without a horizon the state grows to each checkpoint; with one it stays bounded, and the
        # checkpoints count the mentions linked instead
        reached = len(linker) if horizon_days is None else linked
        if (checkpoints and reached >= checkpoints[0]) or linked == mentions:
            rate = stretch_linked / stretch_cpu
            gc.collect()
            memory = rss_mb()
            seconds, per_second = rebuild(linker, store(f"rebuilt-{linked}"))
            row = [f"{len(linker):,}", f"{linked:,}", f"{rate:,.0f}", f"{memory:,.0f}", f"{seconds:.1f}"]
            row.append(f"{per_second:,.0f}")
            if state is not None:
                state.checkpoint(linker.profile, ENDS)
                restart_s, restart_rate, restarted = restart(state.path)
                if restarted != len(linker):
                    raise SystemExit(f"restart adopted {restarted} events, the linker holds {len(linker)}")
                row += [f"{restart_s:.1f}", f"{restart_rate:,.0f}"]
            print("| " + " | ".join(row) + " |", flush=True)
            checkpoints = checkpoints[1:]
            stretch_cpu, stretch_linked = 0.0, 0
            if not checkpoints:
                break
    return records


if __name__ == "__main__":
    main()
