"""Text from other ``<article>`` elements than the one that carries the page's headline.

In HTML an ``<article>`` is a self-contained composition. Pages that show a post followed by
"you may also like" cards often mark up each card as an ``<article>`` of its own, and
trafilatura, reading the column they share, keeps the cards' excerpts after the post. When
exactly one of the page's ``<article>`` elements carries its headline, the kept blocks come
from it and from others that are neither inside it nor around it, and it gives more of the
kept text than any other, the blocks of the others are removed. The size test keeps a page
whose headline sits in a small header ``<article>`` and whose body is another one.
"""

from __future__ import annotations

from lxml.etree import _Element

from services.extractor.cleanup import TEXT_BLOCK_TAGS, Removal, element_text, is_title_repeat

_HEADINGS = ("h1", "h2", "h3")


def _block_key(block: _Element) -> str:
    first_item = block.find("item") if block.tag == "list" else None
    return element_text(first_item if first_item is not None else block)


def _owners(page: _Element, body: _Element) -> dict[_Element, _Element]:
    """Each kept block whose text is a page element's text -> the innermost <article> holding it.

    Blocks with no such element (text trafilatura assembled from several) have no owner and stay.
    """
    by_text = {key: block for block in body if len(key := _block_key(block)) > 20}
    owners: dict[_Element, _Element] = {}
    for element in page.iter(*TEXT_BLOCK_TAGS):  # a list block is matched by its first item
        block = by_text.get(element_text(element))
        if block is not None and (article := next(element.iterancestors("article"), None)) is not None:
            owners.setdefault(block, article)  # the first occurrence in the page, as trafilatura reads it
    return owners


def headline_article_index(page: _Element, titles: list[str]) -> int | None:
    """Position, among a page's two or more <article> elements, of the one whose heading is the page's
    title, if exactly one is. Read from the page before trafilatura prunes it; a second parse of the
    same HTML has the same articles in the same order."""
    articles = list(page.iter("article"))
    if len(articles) < 2:
        return None
    titled = [
        index
        for index, article in enumerate(articles)
        if any(is_title_repeat(element_text(h), titles) for h in article.iter(*_HEADINGS))
    ]
    return titled[0] if len(titled) == 1 else None


def drop_other_articles(page: _Element, body: _Element, headline_index: int) -> list[Removal]:
    """Remove from ``body`` the blocks of ``<article>`` elements other than the headline's one."""
    main = list(page.iter("article"))[headline_index]
    owners = _owners(page, body)
    kept_chars: dict[_Element, int] = {}
    for block, article in owners.items():
        kept_chars[article] = kept_chars.get(article, 0) + len(element_text(block))
    others = [article for article in kept_chars if article is not main]
    if main not in kept_chars or not others:
        return []
    if any(main in other.iterancestors() or other in main.iterancestors() for other in others):
        return []  # nested in the headline's article: its comments or sections, not other compositions
    if kept_chars[main] <= max(kept_chars[other] for other in others):
        return []
    removed = []
    for block, article in owners.items():
        if article is not main:
            removed.append(Removal("other_article", element_text(block)))
            body.remove(block)
    return removed
