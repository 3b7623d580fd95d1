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
import gzip
import itertools
import platform
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from processes import Variant, alternate, table  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="bench", required=True)
    extract = sub.add_parser("extract", help="newswire extract against a trafilatura loop")
    extract.add_argument("--pages", default="1,1000", help="comma-separated folder sizes")
    extract.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.bench == "extract":
        bench_extract([int(n) for n in args.pages.split(",")], args.runs)


if __name__ == "__main__":
    main()
