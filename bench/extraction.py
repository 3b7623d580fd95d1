"""Extraction benchmark: newswire's extractor vs trafilatura's defaults, side by side, in one run.

    make bench-extraction      # or: python bench/extraction.py [--data-root DIR] [--limit N]

Datasets and the scorer come from ../shared/bench-data/extraction (not copied into the project):
the Scrapinghub article-extraction benchmark and WCXB's development-split article pages, scored
with the benchmark's published metric (4-token shingles, macro-averaged). Throughput is the
extraction call alone on HTML already decoded to str, single process, as the scorer's own runs,
after the worker warm-up the service runs once per process (loading the date parser's languages).
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import resource
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATASETS = {"scrapinghub-aeb": None, "wcxb-dev-articles": "article"}  # name -> page-type filter


def load_scorer(data_root: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_extraction", data_root / "eval_extraction.py")
    assert spec and spec.loader, f"no eval_extraction.py under {data_root}"
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_extraction"] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


def extractors(variants: list[str]) -> dict[str, Callable[[str, str], str]]:
    import trafilatura

    from services.extractor.extract import extract

    def newswire(html: str, url: str) -> str:
        result = extract(html, url or None)
        return result.text if result else ""

    out: dict[str, Callable[[str, str], str]] = {
        "trafilatura-default": lambda html, url: trafilatura.extract(html) or "",
        "newswire": newswire,
    }
    configs: dict[str, dict[str, Any]] = {
        "traf-nocomments": {"include_comments": False},
        "traf-precision": {"include_comments": False, "favor_precision": True},
        "traf-recall": {"include_comments": False, "favor_recall": True},
    }

    def configured(kwargs: dict[str, Any]) -> Callable[[str, str], str]:
        return lambda html, url: trafilatura.extract(html, **kwargs) or ""

    for name in variants:
        out[name] = configured(configs[name])
    return out


def run(data_root: Path, limit: int | None, variants: list[str]) -> list[dict[str, Any]]:
    from services.extractor.work import warm_worker

    scorer = load_scorer(data_root)
    # what every extraction worker does before its first page (the date parser's languages), so the
    # figures are a running worker's, as trafilatura's are a warm process's
    warm_worker(events=False)
    rows = []
    for dataset, page_type in DATASETS.items():
        _, docs, _ = scorer.load_dataset(data_root / dataset, page_type)
        docs = docs[:limit] if limit else docs
        htmls = [scorer.read_html(d.html_path) for d in docs]
        fns = extractors(variants)
        for fn in fns.values():
            fn(htmls[0], docs[0].url)  # untimed warm-up
        preds: dict[str, dict[str, str]] = {name: {} for name in fns}
        elapsed = dict.fromkeys(fns, 0.0)
        names = list(fns)
        # Page by page, every extractor in turn (the first one rotating): on a shared machine the
        # load drifts over a run, and the extractors being compared must meet the same drift.
        for index, (doc, html) in enumerate(zip(docs, htmls, strict=True)):
            for name in names[index % len(names) :] + names[: index % len(names)]:
                started = time.perf_counter()
                try:
                    text = fns[name](html, doc.url)
                except Exception:
                    text = ""
                elapsed[name] += time.perf_counter() - started
                preds[name][doc.doc_id] = text
        for name in names:
            scores = scorer.score_outputs(docs, preds[name], n_boot=0)
            rows.append(
                {
                    "dataset": dataset,
                    "extractor": name,
                    "n": len(docs),
                    "p": scores["shingle"]["precision"],
                    "r": scores["shingle"]["recall"],
                    "f1": scores["shingle"]["f1"],
                    "leak": scores["leak_brief_adj"],
                    "leak_all": scores["leak_all_adj"],
                    "wo_leak": scores.get("without_leak_pages"),
                    "docs_s": len(docs) / elapsed[name],
                }
            )
            print(_row(rows[-1]), flush=True)
    return rows


def _row(r: dict[str, Any]) -> str:
    wo = f"{r['wo_leak']:.3f}" if r["wo_leak"] is not None else "  -  "
    return (
        f"| {r['dataset']} | {r['extractor']} | {r['n']} | {r['p']:.3f} | {r['r']:.3f} | {r['f1']:.3f} | "
        f"{r['leak']:.3f} | {r['leak_all']:.3f} | {wo} | {r['docs_s']:.1f} |"
    )


HEADER = (
    "| dataset | extractor | docs | P | R | F1 | chrome leak (brief) | chrome leak (all) | "
    "WCXB 'without' leak | docs/s |\n|---|---|---|---|---|---|---|---|---|---|"
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data-root", type=Path, default=ROOT.parent / "shared" / "bench-data" / "extraction"
    )
    parser.add_argument("--limit", type=int, help="first N documents of each dataset (quick look)")
    parser.add_argument(
        "--variants", default="", help="extra trafilatura configs: traf-nocomments,traf-precision,..."
    )
    args = parser.parse_args()
    machine = f"{platform.machine()} ({platform.processor() or 'cpu'})"
    print(f"{date.today()} on {machine}, Python {platform.python_version()}")
    print(HEADER)
    run(args.data_root, args.limit, [v for v in args.variants.split(",") if v])
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"peak RSS of this process (all extractors, pages held in memory): {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
