"""Build services/demo/site/articles.json from ../shared/seeds and ../shared/gold/seed-events.json.

The seed texts are page dumps: the article plus the chrome their CMS printed
around it. This script separates the two, so the demo site's templates can put
realistic chrome back around each article in HTML. The output is committed: the
demo must work without ../shared. Run: python scripts/build_sample_site.py [SHARED_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "services" / "demo" / "site" / "articles.json"

# Per seed: the CMS template to render with, the lines that are page furniture
# rather than article (title, byline, breadcrumbs, dates), and lines to render as headings.
LAYOUT = {
    "seed-000": {
        "template": "newspaper",
        "slug": "islamic-state-seeks-to-rebuild-itself-in-the-sahel",
        "section": "Politics",
        "drop": ["HomePoliticsThe Islamic State seeks to rebuild itself in the Sahel"],
        "byline": "MoroccoLatestNews",
        "headings": [],
        "sitename": "Morocco Latest News",
    },
    "seed-001": {
        "template": "blogger",
        "slug": "2015/10/winning-war-against-isis.html",
        "section": "Security",
        "drop": ["Wednesday, October 07, 2015"],
        "byline": "Morocco on the Move",
        "headings": ["Moroccan fighter jets may be assisting the French"],
        "captions": ["BCIJ Director Abdelhak Khiame"],
        "sitename": "Morocco on the Move",
    },
    "seed-002": {
        "template": "wordpress",
        "slug": "morocco-spain-dismantle-islamic-state-recruitment-cell-oped",
        "section": "Opinion",
        "drop": [],
        "byline": "Said Temsamani",
        "headings": [],
        "sitename": "Eurasia Opinion Review",
    },
    "seed-003": {
        "template": "mwn",
        "slug": "2017/07/as-isis-weakens-morocco-faces-threat-of-returning-fighters",
        "section": "Africa",
        "drop": [
            "Home > Global Affairs > Africa > As ISIS Weakens, Morocco Faces Threat of Returning Fighters",
            "By Saad Eddine Lamzouwaq",
        ],
        "byline": "Saad Eddine Lamzouwaq",
        "headings": ["A Troubling Scenario", "ISIS: Not Dead Yet"],
        "sitename": "Morocco World Report",
    },
    "seed-004": {
        "template": "wix",
        "slug": "post/us-report-links-morocco-dismantling-terror-cells-to-jihadist-recruitment-in-mali",
        "section": "World",
        "drop": [],
        "byline": "North Africa Post Desk",
        "headings": [],
        "sitename": "North Africa Post",
    },
}


def _blocks(text: str, chrome: list[str], layout: dict) -> tuple[str, list[dict[str, str]]]:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    kept = [
        ln
        for ln in lines
        if ln not in layout["drop"] and not any(ln == c or ln.startswith(c) for c in chrome)
    ]
    title, body = kept[0], kept[1:]
    if layout["template"] == "blogger":  # the blog's first line after the date header is the title
        title = body.pop(0) if title.startswith("Wednesday") else title
    blocks = []
    for ln in body:
        kind = "h2" if ln in layout["headings"] else "caption" if ln in layout.get("captions", []) else "p"
        blocks.append({"kind": kind, "text": ln})
    return title, blocks


def main(shared: Path) -> None:
    gold = json.loads((shared / "gold" / "seed-events.json").read_text(encoding="utf-8"))
    articles = []
    for entry in gold["articles"]:
        layout = LAYOUT[entry["id"]]
        text = (shared / "seeds" / entry["file"]).read_text(encoding="utf-8")
        title, blocks = _blocks(text, entry["chrome"], layout)
        articles.append(
            {
                "id": entry["id"],
                "slug": layout["slug"],
                "template": layout["template"],
                "section": layout["section"],
                "sitename": layout["sitename"],
                "title": title,
                "byline": layout["byline"],
                "published_at": entry["published_at"],
                "blocks": blocks,
                "chrome": entry["chrome"],
                "must_keep": entry["must_keep"],
            }
        )
    OUT.write_text(
        json.dumps(
            {"source": "../shared/seeds + ../shared/gold/seed-events.json", "articles": articles},
            indent=1,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {OUT} ({len(articles)} articles)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared")
