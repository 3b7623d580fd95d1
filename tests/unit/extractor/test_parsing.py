"""Content after a premature ``</html>`` is part of the page, as in a browser; nothing else moves."""

from __future__ import annotations

import pytest
from lxml import etree
from trafilatura.utils import load_html

from services.extractor.extract import extract
from services.extractor.parsing import parse_page

SENTENCE = (
    "The investigators said the cell had recruited fighters for the Islamic State in the Sahel "
    "through encrypted messaging applications over a period of two years."
)
ARTICLE = "".join(f"<p>Paragraph {n}. {SENTENCE}</p>" for n in range(1, 7))
HEAD = "<head><title>Cell dismantled</title></head>"
# A template that closes the document after its header, then prints the article and the footer.
CLOSED_EARLY = (
    f"<html>{HEAD}<body><header><a href='/'>Home</a></header></body></html>"
    f"<div class='post'><h1>Cell dismantled</h1>{ARTICLE}</div><footer><p>Contact us</p></footer>"
    "</body></html>"
)


def body_texts(html: str) -> list[str]:
    tree = parse_page(html)
    assert tree is not None
    body = tree.find("body")
    assert body is not None
    return [" ".join(e.text_content().split()) for e in body]


def test_content_after_a_premature_closing_html_tag_is_moved_to_the_end_of_the_body() -> None:
    texts = body_texts(CLOSED_EARLY)
    assert texts[0] == "Home"
    assert texts[1].startswith("Cell dismantled") and "Paragraph 6." in texts[1]
    assert texts[2] == "Contact us"
    tree = parse_page(CLOSED_EARLY)
    assert tree is not None
    # nothing is left beside the root for a walk of the tree to miss
    assert all(len(stray) == 0 for stray in tree.itersiblings() if isinstance(stray.tag, str))


def test_a_second_document_after_the_first_gives_its_body_and_not_its_head() -> None:
    second = "<html><head><title>Other</title></head><body><p>Second.</p></body></html>"
    html = f"<html>{HEAD}<body><p>First.</p></body></html>{second}"
    tree = parse_page(html)
    assert tree is not None
    titles = [t.text for t in tree.iter("title")]
    assert titles == ["Cell dismantled"]
    assert "Second." in " ".join(tree.find("body").text_content().split())


def test_a_well_formed_page_is_parsed_as_it_is() -> None:
    html = f"<html>{HEAD}<body><article>{ARTICLE}</article></body></html>"
    tree = parse_page(html)
    assert tree is not None
    assert etree.tostring(tree) == etree.tostring(etree.HTML(html))


def test_the_article_after_a_premature_closing_tag_is_extracted() -> None:
    extraction = extract(CLOSED_EARLY, "https://example.org/news/cell-dismantled")
    assert extraction is not None
    assert "Paragraph 1." in extraction.text and "Paragraph 6." in extraction.text
    assert "Contact us" not in extraction.text


@pytest.mark.parametrize(
    "html",
    [
        f"<!DOCTYPE html><html>{HEAD}<body><p>Détenus à Tétouan, «cellule» — 5 €</p></body></html>",
        f'<?xml version="1.0" encoding="iso-8859-1"?><html>{HEAD}<body><p>Melilla</p></body></html>',
        "<html/>\n<head></head><body><p>A self-closing html tag on the first line</p></body>",
        f"<html>{HEAD}<body><p>A control character \x0b in the text</p></body></html>",
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/x.dtd">'
        f"\n<html>{HEAD}<body><p>An XHTML doctype</p></body></html>",
        f"<!doctype html>\n<html>{HEAD}<body><p>A plain doctype, then a newline</p></body></html>",
        f"<html>{HEAD}<body><p>A noncharacter \ufffe and a NUL \x00 in the text</p></body></html>",
        "just some text, not a page",
        "",
    ],
)
def test_the_tree_is_the_one_trafilatura_builds(html: str) -> None:
    expected = load_html(html)
    parsed = parse_page(html)
    if expected is None:
        assert parsed is None
    else:
        assert parsed is not None
        assert etree.tostring(parsed, encoding=str) == etree.tostring(expected, encoding=str)
