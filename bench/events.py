"""Event extraction benchmark: detection on WikiEvents, the seed gold, throughput and memory, in one run.

    make bench-events      # or: python bench/events.py [--data-root DIR] [--seconds S]

1. WikiEvents (dev + test, ../shared/bench-data/events/wikievents; MIT annotations, text for internal
   evaluation only, never copied here): sentence-level detection of arrests (Justice.ArrestJailDetain)
   and attacks (Conflict.Attack.*), newswire's trigger layer against a keyword baseline in the same run.
   A sentence is positive for a class when it holds a gold trigger of that class.
2. ``newswire eval`` on ../shared/gold/seed-events.json (the development set).
3. Throughput on the five sample articles repeated, single process: event extraction alone, newswire's
   article extraction alone, and both (the streaming worker's work), plus trafilatura's defaults.
4. Memory: RSS before and after the gazetteer loads, and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import resource
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KEYWORDS = {  # the keyword floor: the obvious words for each class
    "arrest": re.compile(r"\b(?:arrest\w*|detain\w*)\b", re.I),
    "attack": re.compile(r"\b(?:attack\w*|bomb\w*|explo\w*)\b", re.I),
}
GOLD_PREFIX = {"arrest": "Justice.ArrestJailDetain", "attack": "Conflict.Attack"}
SUBTYPE_CLASS = {"arrest": "arrest", "cell_dismantled": "arrest", "attack": "attack", "airstrike": "attack"}


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        line = next(line for line in f if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


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


def _classes(subtypes: set[str]) -> set[str]:
    return {SUBTYPE_CLASS[s] for s in subtypes if s in SUBTYPE_CLASS}


def detection_table(documents: list[list[tuple[str, set[str]]]]) -> None:
    from services.extractor.events.triggers import detect

    def per_sentence(detector: Callable[[str], set[str]]) -> Callable[[list[str]], list[set[str]]]:
        return lambda doc: [detector(s) for s in doc]

    systems: dict[str, Callable[[list[str]], list[set[str]]]] = {
        "keyword baseline": per_sentence(lambda s: {c for c, p in KEYWORDS.items() if p.search(s)}),
        "newswire triggers": per_sentence(lambda s: _classes(detect(s))),
    }
    sentences = [pair for doc in documents for pair in doc]
    positives = {c: sum(c in gold for _, gold in sentences) for c in KEYWORDS}
    print(f"\nWikiEvents dev+test: {len(documents)} docs, {len(sentences)} sentences, positives {positives}")
    print("| system | class | P | R | F1 |\n|---|---|---|---|---|")
    for name, system in systems.items():
        predicted = [p for doc in documents for p in system([text for text, _ in doc])]
        totals = [0, 0, 0]
        for cls in [*KEYWORDS, "arrest+attack"]:
            if cls == "arrest+attack":
                tp, fp, fn = totals
            else:
                tp = sum(cls in p and cls in g for p, (_, g) in zip(predicted, sentences, strict=True))
                fp = sum(cls in p and cls not in g for p, (_, g) in zip(predicted, sentences, strict=True))
                fn = sum(cls not in p and cls in g for p, (_, g) in zip(predicted, sentences, strict=True))
                totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
            p, r, f = prf(tp, fp, fn)
            print(f"| {name} | {cls} | {p:.3f} | {r:.3f} | {f:.3f} |")


def rate(fn: Callable[[], object], items: int, seconds: float) -> float:
    fn()  # warm-up
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        fn()
        done += items
    return done / (time.perf_counter() - started)


def gazetteer_memory() -> str:
    from services.extractor.events.places import gazetteer

    before = rss_mb()
    started = time.perf_counter()
    gazetteer()
    load_s = time.perf_counter() - started
    after = rss_mb()
    return (
        f"gazetteer: loaded in {load_s:.2f} s, RSS {before:.0f} -> {after:.0f} MB (+{after - before:.0f} MB)"
    )


def throughput(seconds: float, gazetteer_line: str) -> None:
    import trafilatura

    from services.demo.pages import load_articles, render_article
    from services.extractor.events.assemble import extract_events
    from services.extractor.extract import extract

    pages = [render_article(a, "http://127.0.0.1:8000") for a in load_articles()]
    extractions = [extract(html, None) for html in pages]
    texts = [(x.text, x.metadata.published) for x in extractions if x is not None]

    def events_only() -> None:
        for text, published in texts:
            extract_events(text, article_id="a", url="u", published_at=published)

    def articles_only() -> None:
        for html in pages:
            extract(html, None)

    def articles_and_events() -> None:
        for html in pages:
            x = extract(html, None)
            if x is not None:
                extract_events(x.text, article_id="a", url="u", published_at=x.metadata.published)

    def trafilatura_default() -> None:
        for html in pages:
            trafilatura.extract(html)

    figures = {
        "event extraction alone (clean text in)": rate(events_only, len(texts), seconds),
        "trafilatura default (HTML in)": rate(trafilatura_default, len(pages), seconds),
        "newswire article extraction (HTML in)": rate(articles_only, len(pages), seconds),
        "newswire articles + events (HTML in)": rate(articles_and_events, len(pages), seconds),
    }
    print(f"\nThroughput, one process, the {len(pages)} sample articles repeated for {seconds:.0f} s each")
    print("| work | articles/s |\n|---|---|")
    for name, value in figures.items():
        print(f"| {name} | {value:.1f} |")
    whole = figures["newswire articles + events (HTML in)"]
    vs_default = whole / figures["trafilatura default (HTML in)"]
    vs_articles = whole / figures["newswire article extraction (HTML in)"]
    print(
        f"\nwhole extractor vs trafilatura default: {vs_default:.0%}; "
        f"vs article extraction: {vs_articles:.0%}"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{gazetteer_line}; peak RSS of this process {peak:.0f} MB")


def real_pages(extraction_root: Path, limit: int) -> None:
    """The same comparison on real article pages (WCXB's development split), whose sizes are typical."""
    import trafilatura

    sys.path.insert(0, str(Path(__file__).parent))
    from extraction import load_scorer  # bench/extraction.py: the benchmark's own loader

    from services.extractor.events.assemble import extract_events
    from services.extractor.extract import extract

    scorer = load_scorer(extraction_root)
    _, docs, _ = scorer.load_dataset(extraction_root / "wcxb-dev-articles", "article")
    pages = [scorer.read_html(d.html_path) for d in docs[:limit]]
    started = time.perf_counter()
    for html in pages:
        trafilatura.extract(html)
    default_s = time.perf_counter() - started
    started = time.perf_counter()
    extractions = [extract(html, None) for html in pages]
    articles_s = time.perf_counter() - started
    started = time.perf_counter()
    mentions = 0
    for x in extractions:
        if x is not None:
            mentions += len(
                extract_events(x.text, article_id="a", url="u", published_at=x.metadata.published)
            )
    events_s = time.perf_counter() - started
    n = len(pages)
    print(f"\nReal pages: the first {n} WCXB article pages (general web, mostly not news), one pass each")
    print("| work | articles/s |\n|---|---|")
    print(f"| trafilatura default | {n / default_s:.1f} |")
    print(f"| newswire article extraction | {n / articles_s:.1f} |")
    print(f"| event extraction alone | {n / events_s:.1f} |")
    print(f"| newswire articles + events | {n / (articles_s + events_s):.1f} |")
    print(
        f"whole extractor vs trafilatura default: {default_s / (articles_s + events_s):.0%}; "
        f"event mentions emitted on these pages: {mentions}"
    )


def seed_eval(gold: Path) -> None:
    from services.cli.evaluate import evaluate

    print(f"\nnewswire eval --gold {gold.name}")
    print(json.dumps(evaluate(gold, None).summary()))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    shared = ROOT.parent / "shared"
    parser.add_argument("--data-root", type=Path, default=shared / "bench-data" / "events" / "wikievents")
    parser.add_argument("--gold", type=Path, default=shared / "gold" / "seed-events.json")
    parser.add_argument("--seconds", type=float, default=10.0, help="per throughput figure")
    parser.add_argument("--extraction-root", type=Path, default=shared / "bench-data" / "extraction")
    parser.add_argument("--real-pages", type=int, default=300, help="WCXB pages for the real-page figures")
    args = parser.parse_args()
    print(f"{date.today()} on {platform.machine()}, Python {platform.python_version()}")
    gazetteer_line = gazetteer_memory()  # first, so nothing else has loaded it
    detection_table(wikievents(args.data_root))
    seed_eval(args.gold)
    throughput(args.seconds, gazetteer_line)
    real_pages(args.extraction_root, args.real_pages)


if __name__ == "__main__":
    main()
