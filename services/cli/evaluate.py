"""``newswire eval --gold FILE``: event extraction and linking scored on hand annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from schemas.events import EventMention
from services.demo.pages import load_articles, render_article
from services.extractor.events.assemble import extract_events
from services.extractor.events.evaluate import Scores, norm_text, score_article
from services.extractor.extract import extract
from services.extractor.linking.evaluate import b_cubed, pairwise
from services.extractor.linking.linker import Linker


def _mentions(article: dict[str, Any], pages: Path | None, samples: dict[str, Any]) -> list[EventMention]:
    if pages is not None:
        html = (pages / article.get("page", article["file"])).read_text(encoding="utf-8", errors="replace")
    else:  # the seed gold: the bundled sample site carries these articles
        html = render_article(samples[article["id"]], "http://127.0.0.1:8000")
    extraction = extract(html, None)
    if extraction is None:
        return []
    published = extraction.metadata.published
    return extract_events(extraction.text, article_id=article["id"], url="", published_at=published)


def evaluate(gold_path: Path, pages: Path | None) -> Scores:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    samples = {a.id: a for a in load_articles()}
    scores = Scores()
    by_article = {article["id"]: _mentions(article, pages, samples) for article in gold["articles"]}
    for article in gold["articles"]:
        score_article(article, by_article[article["id"]], scores)
    scores.linking = _linking(gold["articles"], by_article)
    return scores


def _linking(articles: list[dict[str, Any]], by_article: dict[str, list[EventMention]]) -> dict[str, float]:
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


def eval_command(gold_path: Path, pages: Path | None, console: Console, *, verbose: bool = False) -> int:
    scores = evaluate(gold_path, pages)
    summary = scores.summary()
    table = Table(title=f"event extraction on {gold_path.name}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in summary.items():
        table.add_row(name, str(value))
    console.print(table)
    if verbose:
        for problem in scores.problems:
            console.print(f"- {problem}", markup=False, highlight=False)
    console.print(json.dumps(summary), markup=False, highlight=False)
    return 0
