"""Lines at the end of the text that stand outside the article's container on the page.

An article's paragraphs share a container (``<article>``, ``div.entry-content``); what trafilatura
keeps after them from elsewhere on the page is a related-posts list, an author box, a newsletter
prompt, a legal notice. The container is found from the text itself: the innermost element that
holds most of the kept text. Trailing lines whose blocks sit outside it are dropped, back to the
last line inside it. Lines that cannot be matched with a block (trafilatura joined or reworded
them) never decide anything: they go only with outside lines around them.
"""

from __future__ import annotations

from collections import Counter

from lxml.etree import _Element

from services.extractor.blocks import PageBlocks
from services.extractor.cleanup import Removal

# The container holds at least this share of the text matched with the page; a smaller share
# means the text was gathered from several places and there is no one container to trust.
CONTAINER_MIN_SHARE = 0.75
MIN_MATCHED_SHARE = 0.5  # of the text's characters matched with page blocks, or the rule stays out
MAX_DROPPED_SHARE = 0.5  # of the text's characters: more than that and the container is the odd one
MIN_LINES = 4  # a text this short is left alone


def drop_trailing_outside_container(text: str, blocks: PageBlocks) -> tuple[str, list[Removal]]:
    """Drop the trailing lines that stand outside the container of most of the text."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < MIN_LINES:
        return text, []
    chains = [_ancestors(blocks, line) for line in lines]
    container = _container(lines, chains)
    if container is None:
        return text, []
    cut = len(lines)
    outside = False
    while cut > 0:
        chain = chains[cut - 1]
        if chain is not None and container in chain:
            break
        outside = outside or chain is not None
        cut -= 1
    total = sum(len(line) for line in lines)
    if not outside or cut == 0 or sum(len(line) for line in lines[cut:]) > MAX_DROPPED_SHARE * total:
        return text, []
    removed = [Removal("outside_container", line.strip()) for line in lines[cut:]]
    return "\n".join(lines[:cut]), removed


def _ancestors(blocks: PageBlocks, line: str) -> set[_Element] | None:
    """The ancestors of the block the line came from; None when no block matches or it was pruned."""
    index = blocks.index_of_line(line)
    if index is None:
        return None
    chain = list(blocks.elements[index].iterancestors())
    # trafilatura prunes some subtrees of the page it is given: a detached block has lost its place
    if not chain or chain[-1] is not blocks.root:
        return None
    return set(chain)


def _container(lines: list[str], chains: list[set[_Element] | None]) -> _Element | None:
    """The innermost element holding CONTAINER_MIN_SHARE of the matched text, when enough matched."""
    weights: Counter[_Element] = Counter()
    matched = 0
    for line, chain in zip(lines, chains, strict=True):
        if chain is None:
            continue
        matched += len(line)
        for ancestor in chain:
            weights[ancestor] += len(line)
    if matched < MIN_MATCHED_SHARE * sum(len(line) for line in lines):
        return None
    holding = [element for element, weight in weights.items() if weight >= CONTAINER_MIN_SHARE * matched]
    # above half of the text, the candidates are one line of ancestors: the innermost is the deepest
    return max(holding, key=lambda element: sum(1 for _ in element.iterancestors()))
