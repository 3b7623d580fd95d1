"""Articles split into sibling chunks: continuation containers are added, look-alikes are not."""

from __future__ import annotations

from lxml import etree
from trafilatura.utils import load_html

from services.extractor.chunks import MIN_CHUNK_CHARS, append_continuations

SENTENCE = (
    "The investigators said the cell had recruited fighters for the Islamic State in the Sahel "
    "through encrypted messaging applications over a period of two years."
)


def chunk(label: str, n: int = 4, css: str = "article__body") -> str:
    return f'<div class="{css}">' + "".join(f"<p>{label} {i}. {SENTENCE}</p>" for i in range(n)) + "</div>"


def kept_body(label: str, n: int = 4) -> etree._Element:
    """trafilatura's output when it kept only the first chunk."""
    body = etree.Element("body")
    for i in range(n):
        etree.SubElement(body, "p").text = f"{label} {i}. {SENTENCE}"
    return body


def page(*parts: str) -> etree._Element:
    html = f"<html><body><main><article><h1>Title</h1>{''.join(parts)}</article></main></body></html>"
    tree = load_html(html)
    assert tree is not None
    return tree


def texts(body: etree._Element) -> list[str]:
    return [" ".join("".join(b.itertext()).split()) for b in body]


def test_chunks_after_the_kept_one_are_added_in_order_after_its_last_paragraph() -> None:
    ad = '<aside class="ad-slot"><p>Advertisement</p></aside>'
    tree = page(
        '<div class="grid">', chunk("First"), "</div>", ad, '<div class="grid">', chunk("Second"), "</div>"
    )
    body = kept_body("First")
    etree.SubElement(body, "p").text = "Share this article"  # a trailing block of the kept text
    assert append_continuations(tree, body) == 4
    assert texts(body)[3:9] == [
        f"First 3. {SENTENCE}",
        *(f"Second {i}. {SENTENCE}" for i in range(4)),
        "Share this article",
    ]


def test_cards_of_other_stories_with_the_same_class_are_not_added() -> None:
    card = (
        '<div class="article__body"><h3><a href="/other">Another story about the league</a></h3>'
        + "".join(f"<p>Card {i}. {SENTENCE}</p>" for i in range(4))
        + "</div>"
    )
    body = kept_body("First")
    assert append_continuations(page(chunk("First"), card), body) == 0
    assert len(body) == 4


def test_small_link_heavy_distant_or_earlier_containers_are_not_added() -> None:
    small = chunk("Small", n=1)
    assert len(SENTENCE) + 12 < MIN_CHUNK_CHARS
    links = (
        '<div class="article__body">'
        + "".join(f'<p><a href="/s{i}">{SENTENCE}</a></p>' for i in range(4))
        + "</div>"
    )
    distant = f"<footer><div><div><div><section>{chunk('Far')}</section></div></div></div></footer>"
    tree = load_html(
        "<html><body><main><div><div><article>"
        f"{chunk('Earlier')}{chunk('First')}{small}{links}"
        f"</article></div></div></main>{distant}</body></html>"
    )
    assert tree is not None
    body = kept_body("First")
    assert append_continuations(tree, body) == 0


def test_a_container_without_a_class_is_never_extended() -> None:
    tree = page(chunk("First", css=""), chunk("Second", css=""))
    assert append_continuations(tree, kept_body("First")) == 0


def test_paragraphs_trafilatura_already_kept_are_not_added_twice() -> None:
    tree = page(
        '<div class="grid">', chunk("First"), "</div>", '<div class="grid">', chunk("Second"), "</div>"
    )
    body = kept_body("First")
    etree.SubElement(body, "p").text = f"Second 0. {SENTENCE}"  # trafilatura kept one of them already
    assert append_continuations(tree, body) == 3
    assert texts(body).count(f"Second 0. {SENTENCE}") == 1
