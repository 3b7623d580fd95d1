"""Section headings that trafilatura dropped between paragraphs it kept.

When trafilatura finds no article container it recovers the page's loose text blocks
("wild text"): paragraphs, lists, quotes and tables, but never headings, so a guide's
"What is a mesh network?" disappears while the paragraphs under it stay. A heading is put
back when the block right after it on the page was kept and one of the few blocks before it
was kept too: it then sits inside the article, not above or below it. Linked headings
(cards of other stories) and headings that read as chrome ("Related posts") stay out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml.etree import _Element

from services.extractor.blocks import KEY_CHARS, PageBlocks, line_key
from services.extractor.cleanup import EDGE_BOILERPLATE, link_chars

HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")  # an <h1> is the page's headline, kept out of the text
MAX_HEADING_CHARS = 200
# Blocks the page may hold between the last kept one and the heading (an image caption, an ad
# label); a heading further from the kept text belongs to something trafilatura left out.
MAX_GAP_BLOCKS = 3
MAX_LINK_SHARE = 0.5  # of a heading's text: above it the heading is a link to another page


@dataclass(frozen=True)
class HeadingContext:
    """A heading of the page as parsed, with the keys (first characters) of the blocks around it."""

    text: str
    next_key: str  # the first block after it, as a block key
    previous_keys: tuple[str, ...]  # the blocks before it, nearest first, up to MAX_GAP_BLOCKS + 1


def heading_contexts(blocks: PageBlocks) -> list[HeadingContext]:
    """The page's candidate headings, from its blocks as read before extraction."""
    contexts: list[HeadingContext] = []
    for index, heading in enumerate(blocks.elements):
        if heading.tag not in HEADING_TAGS:
            continue
        text = blocks.texts[index]
        if not text or len(text) > MAX_HEADING_CHARS or _is_linked(heading, text):
            continue
        key = text[:KEY_CHARS]
        next_key = next(_keys(blocks, range(index + 1, len(blocks.elements)), skip=key), None)
        if next_key is None:
            continue
        previous = tuple(_keys(blocks, range(index - 1, -1, -1), skip=key, limit=MAX_GAP_BLOCKS + 1))
        contexts.append(HeadingContext(text, next_key, previous))
    return contexts


def restore_headings(text: str, contexts: list[HeadingContext]) -> tuple[str, int]:
    """Put back the headings that sit between kept blocks; the text and how many were put back."""
    lines = text.splitlines()
    kept = {line_key(line) for line in lines}
    before: dict[str, list[str]] = {}
    for context in contexts:
        if context.text[:KEY_CHARS] in kept or context.next_key not in kept:
            continue
        if EDGE_BOILERPLATE.search(context.text):
            continue
        if not any(previous in kept for previous in context.previous_keys):
            continue
        headings = before.setdefault(context.next_key, [])
        if context.text not in headings:
            headings.append(context.text)
    if not before:
        return text, 0
    restored: list[str] = []
    count = 0
    for line in lines:
        for heading in before.pop(line_key(line), []):  # before the first line with that text only
            restored.append(heading)
            count += 1
        restored.append(line)
    return "\n".join(restored), count


def _keys(blocks: PageBlocks, order: range, *, skip: str, limit: int = 1) -> Iterator[str]:
    """Up to ``limit`` non-empty block keys taken in ``order``, except ``skip`` (the heading's own)."""
    found = 0
    for index in order:
        if found == limit:
            return
        key = blocks.key(index)
        if key and key != skip:
            found += 1
            yield key


def _is_linked(heading: _Element, text: str) -> bool:
    return link_chars(heading) >= MAX_LINK_SHARE * len(text)
