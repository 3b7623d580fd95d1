"""Train the record gate (services/extractor/events/gate.py) on the read labelled sets.

    make train-gate        # or: python scripts/train_record_gate.py [--out PATH]

Training rows are the records the rules alone make (the gate off) on every labelled set we read
and write rules from: the tune part of the development corpus (``bench/dev_split.json``), the
team-written stories (``bench/handwritten``, one group per batch) and the seed articles. A record
is positive when it is the record the scorer matches to a required gold event, negative when it
matches a gold aggregate, statistic or background record or no gold record at all; a record that
matches only optional gold records is left out. The check part of the development corpus is never
read here.

The threshold is chosen by leave-one-group-out cross-validation (each batch, the tune part and the
seeds held out in turn): the highest of 0.1 ... 0.5 that stays MARGIN below the lowest probability
any held-out true event got. A false event kept costs less than a true event lost: the gate is a
second opinion, not a second extractor, and text further from the training sets than a held-out
batch scores lower (a test sentence of our own, "In June, two men were arrested in Leeds" beside
news of the day, gets 0.36 where the lowest held-out true event got 0.44).

Needs scikit-learn (``pip install -e '.[train]'``); the extractor does not.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402

from schemas.events import EventMention  # noqa: E402
from services.cli.evaluate import mentions_of, select  # noqa: E402
from services.demo.pages import load_articles  # noqa: E402
from services.extractor.events.assemble import EventExtractor  # noqa: E402
from services.extractor.events.evaluate import norm_text  # noqa: E402
from services.extractor.events.gate import MODEL_PATH, RecordGate, gate_text  # noqa: E402

SHARED = ROOT.parent / "shared" / "gold"
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5)
C = 1.0  # inverse regularisation; 0.3 / 1 / 3 / 10 compared by the same cross-validation
MARGIN = 0.1


@dataclass(frozen=True)
class Row:
    group: str
    text: str
    label: int  # 1: the article's news (a required gold event)
    rules_event: bool  # the rules made it an event (the only records the gate may demote)


def rows_of(gold_path: Path, pages: Path | None, parts: dict[str, list[str]] | None) -> list[Row]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    samples = {a.id: a for a in load_articles()}
    extractor = EventExtractor(gate=RecordGate.disabled())
    groups = parts or {"seeds": [a["id"] for a in gold["articles"]]}
    out: list[Row] = []
    for group, ids in groups.items():
        wanted = set(ids)
        for article in (a for a in gold["articles"] if a["id"] in wanted):
            mentions = mentions_of(article, pages, samples, extractor)
            out += _labelled(group, article, mentions)
    return out


def _labelled(group: str, article: dict[str, Any], mentions: list[EventMention]) -> list[Row]:
    evidence = [(norm_text(" ".join(s.text for s in m.evidence)), m) for m in mentions]
    label: dict[str, int] = {}
    optional: set[str] = set()
    for gold in article["events"]:
        anchor = norm_text(gold["anchor"])
        hit = next((m for text, m in evidence if anchor in text), None)  # the scorer's match
        if hit is None:
            continue
        if gold.get("optional"):
            optional.add(hit.mention_id)
            continue
        news = int(gold["record_kind"] == "event")
        label[hit.mention_id] = max(label.get(hit.mention_id, 0), news)
    rows = []
    for m in mentions:
        if m.record_kind == "statistic" or (m.mention_id not in label and m.mention_id in optional):
            continue
        rows.append(Row(group, gate_text(m), label.get(m.mention_id, 0), m.record_kind == "event"))
    return rows


def _model() -> Any:
    return make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
        LogisticRegression(C=C, max_iter=2000, class_weight="balanced"),
    )


def cross_validate(rows: list[Row]) -> tuple[dict[float, dict[str, int]], float]:
    """For each threshold: held-out true events the gate would demote, false events it would catch;
    and the lowest probability of a held-out true event."""
    held_out: dict[int, float] = {}
    for group in sorted({r.group for r in rows}):
        train = [r for r in rows if r.group != group]
        test = [i for i, r in enumerate(rows) if r.group == group]
        model = _model().fit([r.text for r in train], [r.label for r in train])
        for i, p in zip(test, model.predict_proba([rows[i].text for i in test])[:, 1], strict=True):
            held_out[i] = float(p)
    table = {}
    for t in THRESHOLDS:
        demoted = [r for i, r in enumerate(rows) if r.rules_event and held_out[i] < t]
        table[t] = {
            "true_events_demoted": sum(r.label for r in demoted),
            "false_events_demoted": sum(1 - r.label for r in demoted),
            "false_events": sum(1 - r.label for r in rows if r.rules_event),
            "true_events": sum(r.label for r in rows if r.rules_event),
        }
    lowest = min(held_out[i] for i, r in enumerate(rows) if r.rules_event and r.label)
    return table, lowest


def _short(x: float) -> float:
    """Seven significant digits: the probabilities move by under 1e-6, the file halves."""
    return float(f"{x:.7g}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=SHARED / "dev-corpus")
    parser.add_argument("--split", type=Path, default=ROOT / "bench" / "dev_split.json")
    parser.add_argument("--stories", type=Path, default=ROOT / "bench" / "handwritten")
    parser.add_argument("--seeds", type=Path, default=SHARED / "seed-events.json")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()

    tune = {"tune": json.loads(args.split.read_text(encoding="utf-8"))["tune"]}
    checked = {a["id"] for a in select(json.loads((args.dev / "gold.json").read_text()), args.split, "check")}
    if checked & set(tune["tune"]):
        raise SystemExit(f"{args.split}: the check part overlaps the tune part")
    batches = {
        name: ids
        for name, ids in json.loads((args.stories / "split.json").read_text(encoding="utf-8")).items()
        if isinstance(ids, list)
    }
    rows = rows_of(args.dev / "gold.json", args.dev, tune)
    rows += rows_of(args.stories / "gold.json", args.stories, batches)
    rows += rows_of(args.seeds, None, None)

    table, lowest = cross_validate(rows)
    safe = [t for t in THRESHOLDS if t <= lowest - MARGIN]
    threshold = max(safe) if safe else 0.0
    print(f"lowest held-out true event: {lowest:.3f}")
    for t, row in table.items():
        print(f"threshold {t}: {row}" + ("  <- chosen" if t == threshold else ""))

    model = _model().fit([r.text for r in rows], [r.label for r in rows])
    vectorizer, regression = model.steps[0][1], model.steps[1][1]
    coef = regression.coef_[0]
    vocabulary = sorted(vectorizer.vocabulary_.items())
    features = {term: [_short(vectorizer.idf_[i]), _short(coef[i])] for term, i in vocabulary}
    samples = [r.text for r in rows[:: max(1, len(rows) // 12)]]
    checks = [[text, float(p)] for text, p in zip(samples, model.predict_proba(samples)[:, 1], strict=True)]
    document = {
        "about": "The model of services/extractor/events/gate.py, by scripts/train_record_gate.py.",
        "rows": len(rows),
        "positives": sum(r.label for r in rows),
        "groups": len({r.group for r in rows}),
        "C": C,
        "cross_validation": {str(t): row for t, row in table.items()},
        "lowest_true_event": _short(lowest),
        "margin": MARGIN,
        "threshold": threshold,
        "intercept": _short(regression.intercept_[0]),
        "checks": checks,
        "features": features,
    }
    written = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(written + "\n", encoding="utf-8")
    print(
        f"{len(rows)} rows ({document['positives']} positive, {document['groups']} groups), "
        f"{len(features)} features, threshold {threshold} -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
