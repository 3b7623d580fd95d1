"""``newswire eval --gold FILE``: event extraction scored on hand annotations."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from services.demo.pages import load_articles, render_article
from services.extractor.events.assemble import extract_events
from services.extractor.events.evaluate import Scores, score_article
from services.extractor.extract import extract


def evaluate(gold_path: Path, pages: Path | None) -> Scores:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    samples = {a.id: a for a in load_articles()}
    scores = Scores()
    for article in gold["articles"]:
        if pages is not None:
            html = (pages / article.get("page", article["file"])).read_text(
                encoding="utf-8", errors="replace"
            )
        else:  # the seed gold: the bundled sample site carries these articles
            html = render_article(samples[article["id"]], "http://127.0.0.1:8000")
        extraction = extract(html, None)
        if extraction is None:
            score_article(article, [], scores)
            continue
        published = extraction.metadata.published
        mentions = extract_events(extraction.text, article_id=article["id"], url="", published_at=published)
        score_article(article, mentions, scores)
    return scores


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
