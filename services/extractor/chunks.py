"""Articles split into sibling chunks: the paragraphs trafilatura stops short of.

Some templates cut an article into several containers of the same kind with ad slots
between them (``<div class="article__body">…</div><aside>ad</aside><div class="article__body">…``).
trafilatura keeps the container it scored best and drops the others. When its text covers
less than half of the page's paragraph text, the containers that share the kept one's tag
and class, sit close to it in the tree and come after it are read as the article's
continuation, if they look like prose: a substantial amount of paragraph text, few links,
and no linked headings (cards of other stories have those). Readability's sibling merging
rests on the same observation.
"""

from __future__ import annotations

from lxml.etree import Element, _Element

from services.extractor.cleanup import element_text, link_chars

MIN_CHUNK_CHARS = 500  # paragraph text of a continuation container
MAX_LINK_SHARE = 0.2  # of a continuation container's text
MAX_ANCESTOR_LEVELS = 3  # the kept container and a continuation share an ancestor this close


def _kept_container(page: _Element, body: _Element) -> tuple[_Element | None, str | None]:
    """The page element whose <p> children gave most of trafilatura's blocks, and the last such text."""
    kept = {text for block in body if len(text := element_text(block)) > 30}
    counts: dict[_Element, int] = {}
    last: dict[_Element, str] = {}
    for paragraph in page.iter("p"):
        text = element_text(paragraph)
        parent = paragraph.getparent()
        if text in kept and parent is not None:
            counts[parent] = counts.get(parent, 0) + 1
            last[parent] = text
    if not counts:
        return None, None
    container = max(counts, key=lambda element: counts[element])
    return container, last[container]


def _prose_paragraphs(element: _Element) -> list[str]:
    """The paragraphs of ``element`` if it reads as a piece of article, else []."""
    if any(heading.find(".//a") is not None for heading in element.iter("h1", "h2", "h3", "h4", "h5", "h6")):
        return []
    paragraphs = [text for p in element.iter("p") if (text := element_text(p))]
    if sum(len(text) for text in paragraphs) < MIN_CHUNK_CHARS:
        return []
    return paragraphs if link_chars(element) <= MAX_LINK_SHARE * max(1, len(element_text(element))) else []


def continuation_paragraphs(page: _Element, body: _Element) -> tuple[str | None, list[str]]:
    """Paragraphs of the containers continuing the one trafilatura kept, and the text they follow."""
    container, last_text = _kept_container(page, body)
    css_class = container.get("class") if container is not None else None
    if container is None or not css_class:
        return None, []
    near = list(container.iterancestors())[:MAX_ANCESTOR_LEVELS]
    already_kept = {element_text(block) for block in body}
    paragraphs: list[str] = []
    after = False
    for candidate in page.iter(str(container.tag)):
        if candidate is container:
            after = True
            continue
        if not after or candidate.get("class") != css_class or container in candidate.iterancestors():
            continue
        if not any(ancestor in near for ancestor in candidate.iterancestors()):
            continue
        paragraphs.extend(text for text in _prose_paragraphs(candidate) if text not in already_kept)
    return last_text, paragraphs


def append_continuations(page: _Element, body: _Element) -> int:
    """Insert the continuation paragraphs into trafilatura's ``body`` after its last block from the
    kept container; return how many were added."""
    last_text, paragraphs = continuation_paragraphs(page, body)
    if not paragraphs:
        return 0
    blocks = list(body)
    anchor = next(
        (b for b in reversed(blocks) if element_text(b) == last_text), blocks[-1] if blocks else None
    )
    position = blocks.index(anchor) + 1 if anchor is not None else 0
    for offset, text in enumerate(paragraphs):
        paragraph = Element("p")
        paragraph.text = text
        body.insert(position + offset, paragraph)
    return len(paragraphs)
