"""Event records benchmark: accuracy on every labelled set, WikiEvents, throughput and memory, in one run.

    make bench-events      # or: python bench/events.py [--runs N]

1. ``newswire eval`` on the seed gold, on both parts of the development corpus's fixed split
   (``bench/dev_split.json``: the tune part rules are written from, the check part only ever
   scored) and on the team-written stories of ``bench/handwritten``: the record measures side by
   side, then the errors by class of each dev part.
2. WikiEvents (../shared/bench-data/events/wikievents; MIT annotations, text for evaluation only,
   never copied here), dev and test: sentence-level detection of arrests and attacks against a
   keyword baseline, and the Place / Detainee / Target arguments (``bench/wikievents_args.py``).
3. Throughput of event extraction alone on the clean text of the 28 development articles, in CPU
   seconds (the machine is shared: wall time would measure the neighbours), median of ``--runs``
   passes, beside trafilatura's default extraction of the same pages in the same run.
4. Memory: the peak RSS of one extractor worker process (the service's pebble pool, spawn start
   method, every model loaded by its initializer) after it has extracted every development page
   with events.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SHARED = ROOT.parent / "shared"
DEV = SHARED / "gold" / "dev-corpus"
SPLIT = ROOT / "bench" / "dev_split.json"
HANDWRITTEN = ROOT / "bench" / "handwritten"

KEYWORDS = {  # the keyword floor: the obvious words for each class
    "arrest": re.compile(r"\b(?:arrest\w*|detain\w*)\b", re.I),
    "attack": re.compile(r"\b(?:attack\w*|bomb\w*|explo\w*)\b", re.I),
}
GOLD_PREFIX = {"arrest": "Justice.ArrestJailDetain", "attack": "Conflict.Attack"}
SUBTYPE_CLASS = {"arrest": "arrest", "cell_dismantled": "arrest", "attack": "attack", "airstrike": "attack"}
MEASURES = (
    "gold_events",
    "precision",
    "recall",
    "f1",
    "non_events_as_events",
    "non_events",
    "accuracy_subtype",
    "accuracy_sites",
    "accuracy_site_counts",
    "accuracy_quantities",
    "accuracy_time",
    "accuracy_actor_countries",
    "accuracy_affiliation",
    "accuracy_fully_correct",
    "linking_pairwise_f1",
)


# ---- 1. labelled sets -------------------------------------------------------------------------------


def labelled_sets() -> None:
    from services.cli.evaluate import evaluate

    stories = len(json.loads((HANDWRITTEN / "gold.json").read_text(encoding="utf-8"))["articles"])
    sets: dict[str, Callable[[], Any]] = {
        "seeds (5, tuned)": lambda: evaluate(SHARED / "gold" / "seed-events.json", None),
        "dev tune (19, read)": lambda: evaluate(DEV / "gold.json", DEV, SPLIT, "tune"),
        "dev check (9, scored only)": lambda: evaluate(DEV / "gold.json", DEV, SPLIT, "check"),
        f"handwritten ({stories}, read)": lambda: evaluate(HANDWRITTEN / "gold.json", HANDWRITTEN),
    }
    scores = {name: run() for name, run in sets.items()}
    summaries = {name: {**s.summary(), "errors": s.error_counts()} for name, s in scores.items()}
    print("\nEvent records on the labelled sets (newswire eval)")
    print("| measure | " + " | ".join(summaries) + " |")
    print("|---|" + "---|" * len(summaries))
    for measure in MEASURES:
        print(f"| {measure} | " + " | ".join(_cell(s.get(measure)) for s in summaries.values()) + " |")
    for name in ("dev tune (19, read)", "dev check (9, scored only)"):
        errors = summaries[name].get("errors", {})
        print(f"\nerrors by class, {name}: " + ", ".join(f"{k} {v}" for k, v in errors.items()))


def _cell(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


# ---- 2. WikiEvents ----------------------------------------------------------------------------------


def wikievents(data: Path) -> list[list[tuple[str, set[str]]]]:
    """Documents as lists of (sentence, gold classes)."""
    out = []
    for split in ("dev", "test"):
        for line in (data / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            labels: list[set[str]] = [set() for _ in doc["sentences"]]
            for mention in doc["event_mentions"]:
                for cls, prefix in GOLD_PREFIX.items():
                    if mention["event_type"].startswith(prefix):
                        labels[mention["trigger"]["sent_idx"]].add(cls)
            out.append(
                [(sentence[1], label) for sentence, label in zip(doc["sentences"], labels, strict=True)]
            )
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def detection_table(documents: list[list[tuple[str, set[str]]]]) -> None:
    from services.extractor.events.assemble import EventExtractor

    extractor = EventExtractor()
    systems: dict[str, Callable[[str], set[str]]] = {
        "keyword baseline": lambda s: {c for c, p in KEYWORDS.items() if p.search(s)},
        "newswire triggers": lambda s: {SUBTYPE_CLASS[t] for t in extractor.detect(s) if t in SUBTYPE_CLASS},
    }
    sentences = [pair for doc in documents for pair in doc]
    positives = {c: sum(c in gold for _, gold in sentences) for c in KEYWORDS}
    print(f"\nWikiEvents dev+test: {len(documents)} docs, {len(sentences)} sentences, positives {positives}")
    print("| system | class | P | R | F1 |\n|---|---|---|---|---|")
    for name, system in systems.items():
        predicted = [system(text) for text, _ in sentences]
        totals = [0, 0, 0]
        for cls in [*KEYWORDS, "arrest+attack"]:
            if cls == "arrest+attack":
                tp, fp, fn = totals
            else:
                pairs = list(zip(predicted, sentences, strict=True))
                tp = sum(cls in p and cls in g for p, (_, g) in pairs)
                fp = sum(cls in p and cls not in g for p, (_, g) in pairs)
                fn = sum(cls not in p and cls in g for p, (_, g) in pairs)
                totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
            p, r, f = prf(tp, fp, fn)
            print(f"| {name} | {cls} | {p:.3f} | {r:.3f} | {f:.3f} |")


# ---- 3. throughput ----------------------------------------------------------------------------------


def throughput(runs: int) -> None:
    import trafilatura

    from services.extractor.events.assemble import EventExtractor
    from services.extractor.extract import extract

    pages = [p.read_text(encoding="utf-8") for p in sorted((DEV / "pages").glob("*.html"))]
    extractions = [x for x in (extract(html, None) for html in pages) if x is not None]
    extractor = EventExtractor()
    extractor.places  # noqa: B018 - the gazetteer loads once, before timing

    def events_pass() -> None:
        for x in extractions:
            extractor.extract(
                x.text, article_id="a", url="", published_at=x.metadata.published, title=x.metadata.title
            )

    def trafilatura_pass() -> None:
        for html in pages:
            trafilatura.extract(html)

    timed: dict[str, list[float]] = {"events": [], "trafilatura": []}
    events_pass()
    trafilatura_pass()  # warm-up of both
    for _ in range(runs):  # alternating, so a noisy neighbour hits both alike
        for name, work in (("events", events_pass), ("trafilatura", trafilatura_pass)):
            started = time.process_time()
            work()
            timed[name].append(time.process_time() - started)
    n = len(extractions)
    print(f"\nThroughput on the {n} development articles, CPU time, median of {runs} alternating passes")
    print("| work | articles per CPU-second | passes (s) |\n|---|---|---|")
    for name, label in (
        ("events", "event extraction alone (clean text in)"),
        ("trafilatura", "trafilatura default (HTML in)"),
    ):
        median = statistics.median(timed[name])
        print(f"| {label} | {n / median:.1f} | {', '.join(f'{t:.3f}' for t in timed[name])} |")


# ---- 4. memory --------------------------------------------------------------------------------------


def worker_memory() -> None:
    import asyncio

    from services.extractor.pool import ExtractionPool
    from services.extractor.work import EventContext

    pages = [p.read_text(encoding="utf-8") for p in sorted((DEV / "pages").glob("*.html"))]

    async def run() -> int:
        pool = ExtractionPool(workers=1, timeout_s=60.0, events=True)
        mentions = 0
        try:
            for k, html in enumerate(pages):
                x = await pool.extract(
                    html, None, EventContext(article_id=f"p{k}", url="", crawl_date=date.today())
                )
                mentions += len(x.events) if x is not None else 0
        finally:
            pool.close()
        return mentions

    mentions = asyncio.run(run())
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"\nExtractor worker: {len(pages)} pages with events ({mentions} mentions), "
        f"peak RSS of the worker process {peak:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-root", type=Path, default=SHARED / "bench-data" / "events" / "wikievents")
    parser.add_argument("--runs", type=int, default=5, help="timed passes per throughput figure")
    args = parser.parse_args()
    print(f"{date.today()} on {platform.machine()}, Python {platform.python_version()}")
    labelled_sets()
    detection_table(wikievents(args.data_root))
    from wikievents_args import report  # bench/wikievents_args.py

    report(args.data_root)
    throughput(args.runs)
    worker_memory()


if __name__ == "__main__":
    main()
