"""``newswire eval --gold FILE``: event extraction and linking scored on hand annotations.

``--split FILE --part NAME`` scores only the articles of one part of a fixed split (a JSON object
mapping part names to article ids, such as ``bench/dev_split.json``): the part rules are written
from, and the part that is only ever scored.
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from schemas.events import EventMention
from services.demo.pages import load_articles, render_article
from services.extractor.events.assemble import EventExtractor
from services.extractor.events.evaluate import ERROR_CLASSES, Scores, norm_text, score_article
from services.extractor.extract import extract
from services.linker.evaluate import b_cubed, pairwise
from services.linker.linker import Linker


def mentions_of(
    article: dict[str, Any], pages: Path | None, samples: dict[str, Any], extractor: EventExtractor
) -> list[EventMention]:
    """The records ``extractor`` makes of one gold article: its page under ``pages``, or (the seed
    gold, ``pages`` None) the bundled sample site's rendering of it from ``samples``."""
    if pages is not None:
        html = (pages / (article.get("page") or article["file"])).read_text(
            encoding="utf-8", errors="replace"
        )
    else:  # the seed gold: the bundled sample site carries these articles
        html = render_article(samples[article["id"]], "http://127.0.0.1:8000")
    extraction = extract(html, None)
    if extraction is None:
        return []
    metadata = extraction.metadata
    return extractor.extract(
        extraction.text,
        article_id=article["id"],
        url="",
        published_at=metadata.published,
        title=metadata.title,
    )


def select(gold: dict[str, Any], split: Path | None, part: str | None) -> list[dict[str, Any]]:
    articles: list[dict[str, Any]] = gold["articles"]
    if split is None or part is None:
        return articles
    parts = json.loads(split.read_text(encoding="utf-8"))
    if part not in parts or not isinstance(parts[part], list):
        names = ", ".join(k for k, v in parts.items() if isinstance(v, list))
        raise SystemExit(f"{split}: no part {part!r} (parts: {names})")
    wanted = set(parts[part])
    return [a for a in articles if a["id"] in wanted]


def evaluate(
    gold_path: Path, pages: Path | None, split: Path | None = None, part: str | None = None
) -> Scores:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    articles = select(gold, split, part)
    samples = {a.id: a for a in load_articles()}
    extractor = EventExtractor()
    scores = Scores()
    by_article = {article["id"]: mentions_of(article, pages, samples, extractor) for article in articles}
    for article in articles:
        score_article(article, by_article[article["id"]], scores)
    scores.linking = _linking(articles, by_article, scores)
    return scores


def _linking(
    articles: list[dict[str, Any]], by_article: dict[str, list[EventMention]], scores: Scores
) -> dict[str, float]:
    """Link every article's mentions in publication order, then compare the gold events' clusters."""
    linker = Linker()
    event_of: dict[str, str] = {}
    ordered = sorted(articles, key=lambda a: (a.get("published_at") or "", a["id"]))
    for article in ordered:
        for mention in by_article[article["id"]]:
            if (assignment := linker.link(mention, article.get("outlet", article["id"]))) is not None:
                event_of[mention.mention_id] = assignment.cluster.event_id
    gold_clusters: dict[str, str] = {}
    predicted: dict[str, str] = {}
    for article in ordered:
        for event in article["events"]:
            if "cluster" not in event or event.get("optional") or event["record_kind"] != "event":
                continue
            anchor = norm_text(event["anchor"])
            hit = next(
                (
                    m
                    for m in by_article[article["id"]]
                    if anchor in norm_text(" ".join(e.text for e in m.evidence))
                ),
                None,
            )
            gold_clusters[event["id"]] = event["cluster"]
            predicted[event["id"]] = (
                event_of.get(hit.mention_id, f"unlinked:{event['id']}") if hit else f"missed:{event['id']}"
            )
    if not gold_clusters:
        return {}
    for a, b in combinations(sorted(gold_clusters), 2):
        same_gold, same_predicted = gold_clusters[a] == gold_clusters[b], predicted[a] == predicted[b]
        if same_gold and not same_predicted:
            scores.add("linking_split", f"{a} + {b}", f"one event ({gold_clusters[a]}) in two clusters")
        elif same_predicted and not same_gold:
            scores.add("linking_merged", f"{a} + {b}", f"{gold_clusters[a]} and {gold_clusters[b]} linked")
    pairs, cubed = pairwise(gold_clusters, predicted), b_cubed(gold_clusters, predicted)
    return {
        "linking_events": len(gold_clusters),
        "linking_gold_pairs": pairs["pairs_gold"],
        "linking_predicted_pairs": pairs["pairs_predicted"],
        "linking_pairwise_precision": round(pairs["precision"], 3),
        "linking_pairwise_recall": round(pairs["recall"], 3),
        "linking_pairwise_f1": round(pairs["f1"], 3),
        "linking_bcubed_precision": round(cubed["precision"], 3),
        "linking_bcubed_recall": round(cubed["recall"], 3),
        "linking_bcubed_f1": round(cubed["f1"], 3),
    }


def eval_command(
    gold_path: Path,
    pages: Path | None,
    console: Console,
    *,
    verbose: bool = False,
    split: Path | None = None,
    part: str | None = None,
) -> int:
    scores = evaluate(gold_path, pages, split, part)
    summary = scores.summary()
    title = f"event extraction on {gold_path.name}" + (
        f" ({part} part of {split.name})" if split and part else ""
    )
    table = Table(title=title)
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in summary.items():
        table.add_row(name, str(value))
    console.print(table)
    errors = Table(title="errors by class")
    errors.add_column("class")
    errors.add_column("count", justify="right")
    errors.add_column("what it means")
    for name, count in scores.error_counts().items():
        errors.add_row(name, str(count), ERROR_CLASSES[name])
    console.print(errors)
    if verbose:
        for problem in scores.problems:
            console.print(f"- {problem}", markup=False, highlight=False)
    console.print(json.dumps({**summary, "errors": scores.error_counts()}), markup=False, highlight=False)
    return 0
