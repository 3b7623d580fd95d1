"""The extraction function itself: pure, picklable, run in a worker process.

trafilatura is always handed a decoded ``str``: given bytes, it would sniff
compression magic numbers and decompress without bound (style notes A4).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib.metadata import version
from typing import Any

import trafilatura
from trafilatura.settings import Document
from trafilatura.xml import xmltotxt

from schemas.events import EventMention
from services.extractor.blocks import PageBlocks, read_blocks
from services.extractor.breadcrumbs import drop_breadcrumbs, read_breadcrumbs
from services.extractor.chunks import append_continuations
from services.extractor.cleanup import Removal, anchor_texts, headline_below_chrome, trim_edges
from services.extractor.compositions import drop_other_articles, headline_article_index
from services.extractor.container import drop_trailing_outside_container, locate
from services.extractor.headings import heading_contexts, restore_headings
from services.extractor.lines import strip_chrome_lines
from services.extractor.metadata import PageMetadata, canonical_link, read_metadata
from services.extractor.paragraphs import restore_dropped_paragraphs
from services.extractor.parsing import parse_page

# Reader comments are kept by trafilatura's default; never by ours.
EXTRACTION_OPTIONS: dict[str, bool | int | str] = {
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,  # with links kept, trafilatura also keeps more link-heavy chrome
    "deduplicate": False,
    "favor_precision": False,
    "favor_recall": True,
    # When recall mode keeps less than this share of the page's paragraph text, or less than the
    # second share of the paragraph text of its own container (the article's, see container.py),
    # the page is extracted again in trafilatura's balanced mode, and the balanced text is used if
    # it is at least this much longer. Recall mode skips trafilatura's comparison with its
    # fallback algorithms, and on some templates it then settles on one small block of the article.
    "fallback_below_paragraph_percent": 20,
    "fallback_below_container_paragraph_percent": 70,
    "fallback_min_gain_percent": 150,
    # When the kept text is still less than this share of the page's paragraph text, containers
    # continuing the kept one (same tag and class, close by, after it) are added: see chunks.py.
    "continuation_below_paragraph_percent": 50,
}
_TRAFILATURA_KEYS = (
    "include_comments",
    "include_tables",
    "include_images",
    "include_links",
    "deduplicate",
    "favor_precision",
)


@cache  # reading a distribution's metadata parses files: once per process, not per article
def extractor_name() -> str:
    return f"trafilatura/{version('trafilatura')}"


@dataclass
class Extraction:
    """What the worker sends back: plain data, cheap to pickle."""

    text: str
    metadata: PageMetadata
    removed: list[str] = field(default_factory=list)  # "rule: text" of everything newswire trimmed
    focus: str = "recall"  # the trafilatura mode whose text was kept: "recall" or "balanced"
    continued: int = 0  # paragraphs added from containers continuing the kept one (chunks.py)
    restored_headings: int = 0  # section headings put back between kept paragraphs (headings.py)
    restored_paragraphs: int = 0  # the container's paragraphs put back (paragraphs.py)
    page_url: str | None = None  # the page's own link, when asked to read it (url_from_page)
    simhash: int | None = None  # the text's fingerprint, filled by the worker (neardup.simhash)
    events: list[EventMention] = field(default_factory=list)  # filled by the worker when asked

    # Convenience views used by the record builder and the CLI.
    @property
    def title(self) -> str | None:
        return self.metadata.title


def extract(
    html: str, url: str | None, *, today: date | None = None, url_from_page: bool = False
) -> Extraction | None:
    """Run trafilatura on ``html`` plus newswire's repairs and trimming; ``None`` when there is no main text.

    ``url_from_page``: the page's own canonical link (or og:url), when it has one, stands for
    ``url`` and is returned as ``page_url`` (a saved file names itself this way; reading it here
    saves the caller a parse of its own).

    The page is parsed once for the common case: what is read from the page itself comes first,
    because trafilatura's extraction prunes the tree it is given. A second parse happens only for
    the rules that need the page as it was (fallback, continuation, other compositions).
    """
    tree = parse_page(html)
    if tree is None:
        return None
    page_url = canonical_link(tree) if url_from_page else None
    url = page_url or url
    metadata = read_metadata(tree, url, html=html, today=today)
    anchors = anchor_texts(tree)
    blocks = read_blocks(tree)
    paragraph_chars = blocks.paragraph_chars()
    headline_index = headline_article_index(tree, metadata.title_variants)
    headings = heading_contexts(blocks)
    crumbs = read_breadcrumbs(html, blocks)
    doc, focus = _main_text(tree, html, url, blocks, paragraph_chars)
    if doc is None:
        return None
    removals, continued = _repair_structure(html, doc, paragraph_chars, headline_index)
    removals += trim_edges(doc.body, metadata.title_variants, anchors, metadata.authors)
    # trafilatura's text is the same serialisation of the same body, unless blocks were added or removed
    text = xmltotxt(doc.body, False) if removals or continued else (doc.text or "")
    text, restored = restore_headings(text, headings)
    text, line_removals = strip_chrome_lines(text)
    # on the text once the chrome lines are gone: a gallery's controls no longer hide the headline
    text, headline_removals = _drop_chrome_above_headline(text, metadata.title_variants)
    # after it: a trail above the headline goes with the rest of that chrome, headline included
    text, crumb_removals = drop_breadcrumbs(text, crumbs)
    text, outside_removals, restored_paragraphs = _place_on_page(text, blocks)
    removed = [
        f"{r.rule}: {r.text}"
        for r in (*removals, *line_removals, *headline_removals, *crumb_removals, *outside_removals)
    ]
    return Extraction(
        text=text,
        metadata=metadata,
        removed=removed,
        focus=focus,
        continued=continued,
        restored_headings=restored,
        restored_paragraphs=restored_paragraphs,
        page_url=page_url,
    )


def _main_text(
    tree: Any, html: str, url: str | None, blocks: PageBlocks, paragraph_chars: int
) -> tuple[Document | None, str]:
    """trafilatura's recall mode, or its balanced mode when recall mode kept a small part of the
    page or of the article's container."""
    doc = _trafilatura(tree, url, favor_recall=True)
    gain = int(EXTRACTION_OPTIONS["fallback_min_gain_percent"]) / 100
    if _kept_little(doc, blocks, paragraph_chars):
        balanced = _trafilatura(parse_page(html), url, favor_recall=False)  # the first tree is pruned
        if balanced is not None and _chars(balanced) >= gain * _chars(doc):
            return balanced, "balanced"
    return doc, "recall"


def _kept_little(doc: Document | None, blocks: PageBlocks, paragraph_chars: int) -> bool:
    """Whether recall mode kept a small share of the page's prose or of its container's."""
    page_share = int(EXTRACTION_OPTIONS["fallback_below_paragraph_percent"]) / 100
    if _chars(doc) < page_share * paragraph_chars:
        return True
    container_share = int(EXTRACTION_OPTIONS["fallback_below_container_paragraph_percent"]) / 100
    if doc is None or _chars(doc) >= container_share * paragraph_chars:
        return False  # the container's paragraphs are some of the page's: no need to place the text
    located = locate(doc.text or "", blocks)
    return located is not None and _chars(doc) < container_share * blocks.paragraph_chars(located.container)


def _repair_structure(
    html: str, doc: Document, paragraph_chars: int, headline_index: int | None
) -> tuple[list[Removal], int]:
    """Blocks of other <article> elements out, continuation containers in; both read the page again."""
    share = int(EXTRACTION_OPTIONS["continuation_below_paragraph_percent"]) / 100
    needs_continuation = _chars(doc) < share * paragraph_chars
    if not needs_continuation and headline_index is None:
        return [], 0
    page = parse_page(html)  # the page as it was: trafilatura has pruned the first tree
    removals = drop_other_articles(page, doc.body, headline_index) if headline_index is not None else []
    continued = append_continuations(page, doc.body) if needs_continuation else 0
    return removals, continued


def _place_on_page(text: str, blocks: PageBlocks) -> tuple[str, list[Removal], int]:
    """The rules that place the text's lines in the article's container: trailing lines outside it
    dropped, paragraphs trafilatura dropped inside it put back."""
    located = locate(text, blocks)
    if located is None:
        return text, [], 0
    located, removals = drop_trailing_outside_container(located)
    lines, restored = restore_dropped_paragraphs(located, blocks)
    if not removals and not restored:
        return text, [], 0
    return "\n".join(lines), removals, restored


def _drop_chrome_above_headline(text: str, titles: list[str]) -> tuple[str, list[Removal]]:
    lines = [line for line in text.splitlines() if line.strip()]
    headline = headline_below_chrome(lines, titles)
    if headline is None:
        return text, []
    removed = [Removal("above_headline", line.strip()) for line in lines[:headline]]
    removed.append(Removal("title_repeat", lines[headline].strip()))
    return "\n".join(lines[headline + 1 :]), removed


def _trafilatura(tree: Any, url: str | None, *, favor_recall: bool) -> Document | None:
    options: dict[str, Any] = {key: EXTRACTION_OPTIONS[key] for key in _TRAFILATURA_KEYS}
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=False, as_dict=False, favor_recall=favor_recall, **options
    )
    if not isinstance(doc, Document) or doc.body is None or not doc.text:
        return None
    return doc


def _chars(doc: Document | None) -> int:
    return len(doc.text or "") if doc is not None else 0
