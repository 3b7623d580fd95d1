"""The article's container on the page, and the trailing lines that stand outside it.

An article's paragraphs share a container (``<article>``, ``div.entry-content``); what trafilatura
keeps after them from elsewhere on the page is a related-posts list, an author box, a newsletter
prompt, a legal notice. The container is found from the text itself: each line is matched with
the page block it came from, and the container is the innermost element holding most of the
matched text. Trailing lines whose blocks sit outside it are dropped, back to the last line
inside it. Lines that match no block (trafilatura joined or reworded them) never decide
anything: they go only with outside lines around them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lxml.etree import _Element

from services.extractor.blocks import PageBlocks
from services.extractor.cleanup import Removal

# The container holds at least this share of the text matched with the page; a smaller share
# means the text was gathered from several places and there is no one container to trust.
CONTAINER_MIN_SHARE = 0.75
MIN_MATCHED_SHARE = 0.5  # of the text's characters matched with page blocks, or no container
MAX_DROPPED_SHARE = 0.5  # of the text's characters: more than that and the container is the odd one
MIN_LINES = 4  # a text this short is left alone


@dataclass(frozen=True)
class Located:
    """The text's lines placed on the page: the block each came from and the article's container."""

    container: _Element
    lines: list[str]
    block_indexes: list[int | None]  # into PageBlocks; None when the line matches no block
    inside: list[bool | None]  # whether the line's block is in the container; None when unmatched

    def prefix(self, count: int) -> Located:
        return Located(self.container, self.lines[:count], self.block_indexes[:count], self.inside[:count])


def locate(text: str, blocks: PageBlocks) -> Located | None:
    """Place the text's lines on the page; None when the text is short or has no one container."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < MIN_LINES:
        return None
    placed = [_placed_block(blocks, line) for line in lines]
    indexes = [None if place is None else place[0] for place in placed]
    chains = [None if place is None else place[1] for place in placed]
    container = _container(lines, chains)
    if container is None:
        return None
    inside = [None if chain is None else container in chain for chain in chains]
    return Located(container, lines, indexes, inside)


def drop_trailing_outside_container(located: Located) -> tuple[Located, list[Removal]]:
    """Drop the trailing lines that stand outside the container of most of the text."""
    lines = located.lines
    cut = len(lines)
    outside = False
    while cut > 0 and not located.inside[cut - 1]:
        outside = outside or located.inside[cut - 1] is False
        cut -= 1
    total = sum(len(line) for line in lines)
    if not outside or cut == 0 or sum(len(line) for line in lines[cut:]) > MAX_DROPPED_SHARE * total:
        return located, []
    removed = [Removal("outside_container", line.strip()) for line in lines[cut:]]
    return located.prefix(cut), removed


def _placed_block(blocks: PageBlocks, line: str) -> tuple[int, list[_Element]] | None:
    """The block the line came from and its ancestors; None when no block matches or it was pruned."""
    index = blocks.index_of_line(line)
    if index is None:
        return None
    chain = list(blocks.elements[index].iterancestors())
    # trafilatura prunes some subtrees of the page it is given: a detached block has lost its place
    return (index, chain) if chain and chain[-1] is blocks.root else None


def _container(lines: list[str], chains: list[list[_Element] | None]) -> _Element | None:
    """The innermost element holding CONTAINER_MIN_SHARE of the matched text, when enough matched."""
    # summed by parent first: an article's paragraphs share a few parents, so each chain is walked once
    by_parent: dict[_Element, int] = {}
    chain_of: dict[_Element, list[_Element]] = {}
    for line, chain in zip(lines, chains, strict=True):
        if chain is not None:
            by_parent[chain[0]] = by_parent.get(chain[0], 0) + len(line)
            chain_of[chain[0]] = chain
    weights: Counter[_Element] = Counter()
    for parent, weight in by_parent.items():
        for ancestor in chain_of[parent]:
            weights[ancestor] += weight
    matched = sum(by_parent.values())
    if matched < MIN_MATCHED_SHARE * sum(len(line) for line in lines):
        return None
    holding = [element for element, weight in weights.items() if weight >= CONTAINER_MIN_SHARE * matched]
    # above half of the text, the candidates are one line of ancestors: the innermost is the deepest
    return max(holding, key=lambda element: sum(1 for _ in element.iterancestors()))
