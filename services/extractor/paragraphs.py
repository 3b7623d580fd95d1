"""Paragraphs of prose inside the article's container that trafilatura dropped between kept lines.

trafilatura drops some of an article's own paragraphs: a template's expandable sections, a
paragraph wrapped in a widget-like ``div``, text its link-density or class heuristics misread.
A paragraph is put back when it stands in the article's container (see container.py) between
the first and the last kept line, reads as prose (a full sentence at the end, little link text,
200+ characters), is not a caption, a form, a footer, a dialog or hidden, and its text is not
already in the output. Short blocks, lists and everything outside the container stay out:
measured, trafilatura's drops there are mostly right.
"""

from __future__ import annotations

from lxml.etree import _Element

from services.extractor.blocks import BLOCK_TAGS, PageBlocks, line_key
from services.extractor.cleanup import SENTENCE_END, link_chars
from services.extractor.container import Located

MIN_PARAGRAPH_CHARS = 200
MAX_LINK_SHARE = 0.2  # of the paragraph's characters
# Where a paragraph is not the article's running text, whatever it says.
EXCLUDED_ANCESTORS = frozenset({"figure", "figcaption", "footer", "nav", "form", "dialog", "button", "label"})
# Whether a candidate's text is already in the output is checked on a slice of this many characters.
PRESENT_PROBE_CHARS = 40


def restore_dropped_paragraphs(located: Located, blocks: PageBlocks) -> tuple[list[str], int]:
    """The located lines with the dropped paragraphs put back in page order, and how many were."""
    inside = [
        index
        for index, flag in zip(located.block_indexes, located.inside, strict=True)
        if flag and index is not None
    ]
    if not inside:
        return located.lines, 0
    kept = {index for index in located.block_indexes if index is not None}
    # the container's subtree is contiguous in page order: every block between two of its lines is in it
    candidates = [
        index
        for index in range(min(inside) + 1, max(inside))
        if index not in kept and _reads_as_paragraph(blocks, index)
    ]
    if not candidates:
        return located.lines, 0
    keys = {line_key(line) for line in located.lines}
    flat = " ".join(" ".join(located.lines).split())
    found = [index for index in candidates if _is_dropped_paragraph(blocks, index, keys, flat)]
    if not found:
        return located.lines, 0
    lines: list[str] = []
    pending = iter(found)
    next_index = next(pending, None)
    for line, index in zip(located.lines, located.block_indexes, strict=True):
        while next_index is not None and index is not None and next_index < index:
            lines.append(blocks.texts[next_index])
            next_index = next(pending, None)
        lines.append(line)
    return lines, len(found)


def _reads_as_paragraph(blocks: PageBlocks, index: int) -> bool:
    """The cheap tests first: a <p> long enough that ends a sentence."""
    text = blocks.texts[index]
    return (
        blocks.elements[index].tag == "p"
        and len(text) >= MIN_PARAGRAPH_CHARS
        and bool(SENTENCE_END.search(text))
    )


def _is_dropped_paragraph(blocks: PageBlocks, index: int, keys: set[str], flat: str) -> bool:
    element, text = blocks.elements[index], blocks.texts[index]
    if blocks.key(index) in keys or _already_present(text, flat):
        return False
    if any(True for _ in element.iterdescendants("p", "li")):
        return False  # a block holding others: trafilatura's verdict on them stands
    if link_chars(element) > MAX_LINK_SHARE * len(text):
        return False
    return not any(_excluded(ancestor) for ancestor in element.iterancestors())


def _already_present(text: str, flat: str) -> bool:
    """Whether the paragraph is in the output under other line breaks (trafilatura split or trimmed it)."""
    middle = len(text) // 2
    half = PRESENT_PROBE_CHARS // 2
    return text[middle - half : middle + half] in flat or text[-PRESENT_PROBE_CHARS:] in flat


def _excluded(ancestor: _Element) -> bool:
    """A text block above it (the paragraph is part of a bigger one), or a non-article region."""
    return (
        ancestor.tag in BLOCK_TAGS
        or ancestor.tag in EXCLUDED_ANCESTORS
        or ancestor.get("hidden") is not None
        or ancestor.get("aria-hidden") == "true"
        or ancestor.get("role") in ("dialog", "tooltip")
    )
