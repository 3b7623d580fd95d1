"""Breadcrumb trails ("Home > Departments > Building Department") that trafilatura keeps as lines.

A trail is marked up as one: its class, id or ARIA label says "breadcrumb", or it is a
schema.org ``BreadcrumbList``. Its items come out of trafilatura as short lines or list items,
which no text rule can tell from a short heading ("Building Department"). The page's markup can:
a line is dropped when it matches a block inside a trail and no block outside one. The trails are
found before extraction, because trafilatura deletes ``<nav>`` elements from the tree it is given.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml.etree import XPath, _Element

from services.extractor.blocks import BLOCK_TAGS, PageBlocks, line_key
from services.extractor.cleanup import Removal, link_chars

# A trail is a handful of links: an element marked "breadcrumb" with more text than this is a
# wrapper (a theme's "breadcrumb-and-content" column), not a trail.
MAX_TRAIL_CHARS = 400

# The attributes are searched from the attribute axis, in the spellings themes use: three to five
# times faster than lower-casing every element's attributes with translate(), on every page.
_SAYS_BREADCRUMB = "contains(., 'readcrumb') or contains(., 'readCrumb') or contains(., 'READCRUMB')"
_TRAILS = XPath(
    f"//@class[{_SAYS_BREADCRUMB}]/.. | //@id[{_SAYS_BREADCRUMB}]/.. | //@aria-label[{_SAYS_BREADCRUMB}]/.."
    " | //@itemtype[contains(., 'BreadcrumbList')]/.."
)
_MARKERS = ("readcrumb", "readCrumb", "READCRUMB")  # "BreadcrumbList" holds the first
_NEVER_TRAILS = ("html", "body", "main", "article")  # a theme's class on the page's own wrappers


@dataclass(frozen=True)
class Breadcrumbs:
    """Keys (see blocks.line_key) of the page's blocks inside breadcrumb trails and outside them."""

    inside: frozenset[str]
    outside: frozenset[str]

    def is_crumb(self, line: str) -> bool:
        key = line_key(line.strip())
        return key in self.inside and key not in self.outside


_NO_TRAILS = Breadcrumbs(frozenset(), frozenset())


def read_breadcrumbs(html: str, blocks: PageBlocks) -> Breadcrumbs:
    """The trails of the page ``blocks`` were read from; call before trafilatura prunes it."""
    if not _marked_in_some_tag(html):
        return _NO_TRAILS
    in_trails: set[_Element] = set()
    for trail in _TRAILS(blocks.root):
        if not isinstance(trail, _Element) or trail.tag in _NEVER_TRAILS:
            continue
        if len(" ".join(trail.xpath("string()").split())) > MAX_TRAIL_CHARS:
            continue
        in_trails.update(trail.iter(*BLOCK_TAGS))
    if not in_trails:
        return _NO_TRAILS
    in_trail = [element in in_trails for element in blocks.elements]
    inside = {blocks.key(index) for index, crumb in enumerate(in_trail) if crumb} - {""}
    # a block outside every trail with a crumb's text keeps it, unless that block is all link (a
    # menu's "Home"): "Building Department" as the page's heading is no crumb
    outside = {
        key
        for index, crumb in enumerate(in_trail)
        if not crumb
        and (key := blocks.key(index)) in inside
        and link_chars(blocks.elements[index]) < len(blocks.texts[index])
    }
    return Breadcrumbs(frozenset(inside), frozenset(outside))


def _marked_in_some_tag(html: str) -> bool:
    """Whether "breadcrumb" appears inside some tag of the raw HTML: a search of the string is a
    fraction of the tree search, and most pages that say it at all say it only in a script or a
    style sheet (JSON-LD's BreadcrumbList, ``.breadcrumb {...}``)."""
    for marker in _MARKERS:
        start = html.find(marker)
        while start != -1:
            if html.rfind("<", 0, start) > html.rfind(">", 0, start):  # after a tag's "<", before its ">"
                return True
            start = html.find(marker, start + 1)
    return False


def drop_breadcrumbs(text: str, crumbs: Breadcrumbs) -> tuple[str, list[Removal]]:
    """The text without its breadcrumb lines, and what was removed."""
    if not crumbs.inside:
        return text, []
    kept: list[str] = []
    removed: list[Removal] = []
    for line in text.splitlines():
        if line.strip() and crumbs.is_crumb(line):
            removed.append(Removal("breadcrumb", line.strip()))
        else:
            kept.append(line)
    return ("\n".join(kept), removed) if removed else (text, [])
