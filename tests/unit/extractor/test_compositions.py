"""Blocks from other <article> elements than the headline's one: removed, except when they are not
separate compositions (nested comments) or the headline's article is the smaller part."""

from __future__ import annotations

from lxml import etree
from trafilatura.utils import load_html

from services.extractor.compositions import drop_other_articles, headline_article_index

TITLE = "Police dismantle a cell in northern Morocco"
SENTENCE = "The interior ministry said the four suspects had pledged allegiance to the Islamic State group."


def paragraphs(label: str, n: int) -> str:
    return "".join(f"<p>{label} {i}. {SENTENCE}</p>" for i in range(n))


def body_of(*labels_and_counts: tuple[str, int]) -> etree._Element:
    """trafilatura's body, holding the given paragraphs in order."""
    body = etree.Element("body")
    for label, n in labels_and_counts:
        for i in range(n):
            etree.SubElement(body, "p").text = f"{label} {i}. {SENTENCE}"
    return body


def page(inner: str) -> etree._Element:
    tree = load_html(f"<html><body><main>{inner}</main></body></html>")
    assert tree is not None
    return tree


def headline(tree: etree._Element) -> int:
    index = headline_article_index(tree, [TITLE])
    assert index is not None
    return index


def labels(body: etree._Element) -> list[str]:
    return [str(block.text).split(".")[0] for block in body]


def test_cards_marked_up_as_articles_after_the_post_are_removed() -> None:
    tree = page(
        f"<article><h1>{TITLE}</h1>{paragraphs('Post', 4)}</article>"
        "<section><h2>You may also like</h2>"
        + "".join(f"<article>{paragraphs(f'Card{k}', 1)}</article>" for k in range(3))
        + "</section>"
    )
    body = body_of(("Post", 4), ("Card0", 1), ("Card1", 1), ("Card2", 1))
    removed = drop_other_articles(tree, body, headline(tree))
    assert [r.rule for r in removed] == ["other_article"] * 3
    assert labels(body) == ["Post 0", "Post 1", "Post 2", "Post 3"]


def test_a_body_article_larger_than_the_headline_article_is_kept() -> None:
    tree = page(
        f"<article><h1>{TITLE}</h1>{paragraphs('Deck', 1)}</article>"
        f"<article>{paragraphs('Body', 5)}</article>"
    )
    body = body_of(("Deck", 1), ("Body", 5))
    assert drop_other_articles(tree, body, headline(tree)) == []
    assert len(body) == 6


def test_comments_nested_in_the_post_article_are_left_to_the_other_rules() -> None:
    comments = "".join(f"<article>{paragraphs(f'Comment{k}', 1)}</article>" for k in range(2))
    tree = page(f"<article><h1>{TITLE}</h1>{paragraphs('Post', 4)}{comments}</article>")
    body = body_of(("Post", 4), ("Comment0", 1), ("Comment1", 1))
    assert drop_other_articles(tree, body, headline(tree)) == []


def test_the_rule_applies_only_when_exactly_one_of_several_articles_carries_the_headline() -> None:
    other = f"<article>{paragraphs('B', 1)}</article>"
    untitled = page(f"<article><h2>Another headline</h2>{paragraphs('A', 3)}</article>{other}")
    twice = page(
        f"<article><h1>{TITLE}</h1></article><article><h2>{TITLE}</h2>{paragraphs('A', 3)}</article>"
    )
    alone = page(f"<article><h1>{TITLE}</h1>{paragraphs('A', 3)}</article>")
    assert [headline_article_index(t, [TITLE]) for t in (untitled, twice, alone)] == [None, None, None]
    assert headline_article_index(page(f"{other}<article><h1>{TITLE}</h1></article>"), [TITLE]) == 1
