"""The page's text blocks, read once before extraction: what the rules that look back at the page share.

trafilatura returns plain text blocks with no link to where they stood on the page. Rules that need
that link (a heading between two kept paragraphs, a kept line outside the article's container)
match the text's lines with the page's blocks on their first characters. The blocks' texts are read
once, in C (``tostring(method="text")``), for all of them: the paragraph count, the headings and
the container rule all use the same pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml.etree import _Element, tostring

from services.extractor.cleanup import TEXT_BLOCK_TAGS

# Table cells and terms count as blocks too: a heading can follow them, a kept line can be one.
BLOCK_TAGS = (*TEXT_BLOCK_TAGS, "td", "th", "dt")
# Lines and blocks are matched on their first characters: enough to tell paragraphs apart, and a
# line trafilatura shortened (a link or footnote marker dropped at its end) still matches.
KEY_CHARS = 80


@dataclass
class PageBlocks:
    """The text blocks of a page in document order, with their whitespace-collapsed texts."""

    root: _Element
    elements: list[_Element]
    texts: list[str]
    _by_key: dict[str, int] | None = field(default=None, repr=False)

    def key(self, index: int) -> str:
        return self.texts[index][:KEY_CHARS]

    def index_of_line(self, line: str) -> int | None:
        """The first block whose text begins as ``line`` does, or None."""
        if self._by_key is None:
            self._by_key = {}
            for index, text in enumerate(self.texts):
                self._by_key.setdefault(text[:KEY_CHARS], index)
            self._by_key.pop("", None)
        return self._by_key.get(line_key(line))

    def paragraph_chars(self, within: _Element | None = None) -> int:
        """Characters of text in the page's <p> elements (or those inside ``within``): how much of
        the page (or of one part of it) is prose."""
        return sum(
            len(text)
            for element, text in zip(self.elements, self.texts, strict=True)
            if element.tag == "p" and (within is None or within in element.iterancestors())
        )


def read_blocks(tree: _Element) -> PageBlocks:
    """The page's blocks; call before trafilatura, which prunes parts of the tree it is given."""
    elements = list(tree.iter(*BLOCK_TAGS))
    texts = [" ".join(tostring(e, method="text", encoding=str, with_tail=False).split()) for e in elements]
    return PageBlocks(tree, elements, texts)


def line_key(line: str) -> str:
    """A text line as a block key: whitespace collapsed, a list item's marker removed."""
    return " ".join(line.split()).removeprefix("- ")[:KEY_CHARS]
