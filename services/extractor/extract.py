"""The extraction function itself: pure, picklable, run in a worker process.

trafilatura is always handed a decoded ``str``: given bytes, it would sniff
compression magic numbers and decompress without bound (style notes A4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.metadata import version
from typing import Any

import trafilatura
from trafilatura.settings import Document

# Reader comments are kept by trafilatura's default; never by ours.
EXTRACTION_OPTIONS: dict[str, bool | int | str] = {
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "deduplicate": False,
    "favor_precision": False,
    "favor_recall": False,
}

# Lines that are page chrome whatever the template: widgets trafilatura keeps
# when a theme puts them inside the article container. Matched on whole lines only,
# so body sentences that merely mention the words are kept.
_CHROME_LINE = re.compile(
    r"""^(
        (top|bottom)\ of\ page
      | print\ friendly(\ and\ pdf)?
      | no\ comments:?
      | \d+\ comments?:?
      | leave\ a\ (reply|comment)
      | please\ enter\ your\ (comment|name\ here|email\ address\ here)!?
      | your\ email\ address\ will\ not\ be\ published\.?(\ required\ fields\ are\ marked\ \*)?
      | required\ fields\ are\ marked\ \*
      | this\ site\ uses\ akismet\ to\ reduce\ spam\..*
      | social\ media\ sharing
      | share(\ this(\ article|\ post)?)?(\ on\ (facebook|twitter|x|whatsapp|linkedin))?:?
      | you\ are\ here:?
      | home\s*(>|\u00bb|\u203a|/)\s*.*  # breadcrumbs: "Home > Section" and its variants
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def extractor_name() -> str:
    return f"trafilatura/{version('trafilatura')}"


@dataclass
class Extraction:
    """What the worker sends back: plain data, cheap to pickle."""

    text: str
    title: str | None
    authors: list[str]
    date: str | None
    sitename: str | None
    language: str | None
    description: str | None
    removed_lines: list[str] = field(default_factory=list)


def strip_chrome_lines(text: str) -> tuple[str, list[str]]:
    """Drop whole lines that are CMS chrome; return the text and what was removed."""
    kept: list[str] = []
    removed: list[str] = []
    for line in text.splitlines():
        (removed if _CHROME_LINE.match(line.strip()) else kept).append(line)
    return "\n".join(kept).strip(), removed


_HTML_LANG = re.compile(r"""<html[^>]*?\slang\s*=\s*["']?([A-Za-z]{2,3})""", re.IGNORECASE)


def extract(html: str, url: str | None) -> Extraction | None:
    """Run trafilatura on ``html``; ``None`` when it finds no main text."""
    options: dict[str, Any] = dict(EXTRACTION_OPTIONS)
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, as_dict=False, **options)
    if not isinstance(doc, Document) or not doc.text:
        return None
    text, removed = strip_chrome_lines(doc.text)
    # trafilatura detects the language only with an optional package; the page's
    # own declaration is the next best source.
    declared = _HTML_LANG.search(html[:4096])
    author = doc.author or ""
    return Extraction(
        text=text,
        title=doc.title,
        authors=[a.strip() for a in author.split(";") if a.strip()],
        date=doc.date,
        sitename=doc.sitename,
        language=doc.language or (declared.group(1).lower() if declared else None),
        description=doc.description,
        removed_lines=removed,
    )
