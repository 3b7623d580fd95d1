"""Trailing lines from outside the article's container are dropped; the article's own lines never are."""

from __future__ import annotations

from trafilatura.utils import load_html

from services.extractor.blocks import read_blocks
from services.extractor.container import drop_trailing_outside_container, locate
from services.extractor.extract import extract

SENTENCE = (
    "The investigators said the cell had recruited fighters for the Islamic State in the Sahel "
    "through encrypted messaging applications over a period of two years."
)
ARTICLE = [f"Paragraph {n}. {SENTENCE}" for n in range(1, 6)]
RELATED = ["Police arrest two in Melilla", "Spain raises its terror alert level", "Court jails recruiter"]


def paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def dropped(page_body: str, lines: list[str]) -> tuple[list[str], list[str]]:
    """What is kept and what is removed when ``lines`` are the text extracted from the page."""
    tree = load_html(f"<html><body>{page_body}</body></html>")
    assert tree is not None
    located = locate("\n".join(lines), read_blocks(tree))
    if located is None:  # a short text, or no one container: nothing to decide
        return lines, []
    located, removals = drop_trailing_outside_container(located)
    assert all(r.rule == "outside_container" for r in removals)
    return located.lines, [r.text for r in removals]


def test_a_related_list_after_the_article_container_is_dropped() -> None:
    items = "".join(f"<li>{r}</li>" for r in RELATED)
    page = f"<article>{paragraphs(ARTICLE)}</article><aside><ul>{items}</ul></aside>"
    kept, removed = dropped(page, ARTICLE + [f"- {r}" for r in RELATED])
    assert kept == ARTICLE
    assert removed == [f"- {r}" for r in RELATED]


def test_an_author_box_in_a_sibling_section_is_dropped() -> None:
    bio = "Jane Doe covers security for the paper. She previously reported from Rabat and Madrid."
    page = f"<main><div>{paragraphs(ARTICLE)}</div><section class='bio'><p>{bio}</p></section></main>"
    kept, removed = dropped(page, [*ARTICLE, bio])
    assert kept == ARTICLE and removed == [bio]


def test_the_last_paragraphs_inside_the_container_are_kept_even_in_a_nested_box() -> None:
    closing = "The trial is expected to open in Madrid next spring, the court said."
    page = f"<article>{paragraphs(ARTICLE)}<div class='box'><div><p>{closing}</p></div></div></article>"
    kept, removed = dropped(page, [*ARTICLE, closing])
    assert kept == [*ARTICLE, closing] and removed == []


def test_text_gathered_from_several_containers_is_left_alone() -> None:
    # no element holds three quarters of the text: there is no one container to trust
    first, second = ARTICLE[:3], ARTICLE[3:]
    page = f"<div class='a'>{paragraphs(first)}</div><div class='b'>{paragraphs(second)}</div>"
    kept, removed = dropped(page, ARTICLE)
    assert kept == ARTICLE and removed == []


def test_never_drops_half_of_the_text() -> None:
    other = f"Other story. {SENTENCE}"
    page = f"<article>{paragraphs(ARTICLE)}</article><aside><p>{other}</p></aside>"
    rows = [f"| Row {n} | {SENTENCE} |" for n in range(1, 6)]  # unmatched lines after the outside one
    kept, removed = dropped(page, [*ARTICLE, other, *rows[:2]])
    assert kept == ARTICLE and removed == [other, *rows[:2]]  # 3 of 8 lines
    kept, removed = dropped(page, [*ARTICLE, other, *rows])
    assert removed == []  # 6 of 11 lines: more than half the text would go


def test_unmatched_lines_go_only_with_outside_lines_around_them() -> None:
    page = f"<article>{paragraphs(ARTICLE)}</article><aside><p>{RELATED[0]}</p><p>{RELATED[1]}</p></aside>"
    table_row = "| Rabat | 3 arrests |"  # trafilatura's table rows match no page block
    kept, removed = dropped(page, [*ARTICLE, RELATED[0], table_row, RELATED[1]])
    assert kept == ARTICLE and removed == [RELATED[0], table_row, RELATED[1]]
    # on their own after the article's last line, unmatched lines decide nothing and stay
    kept, removed = dropped(page, [*ARTICLE, table_row])
    assert kept == [*ARTICLE, table_row] and removed == []


def test_a_short_text_is_left_alone() -> None:
    page = f"<article>{paragraphs(ARTICLE[:2])}</article><aside><p>{RELATED[0]}</p></aside>"
    kept, removed = dropped(page, [*ARTICLE[:2], RELATED[0]])
    assert removed == [] and len(kept) == 3


def test_page_blocks_match_lines_on_their_first_characters_and_count_paragraph_text() -> None:
    tree = load_html(
        "<html><body><ul><li>A  list\n item</li></ul><p>First <b>bold</b> words.</p>"
        f"<p>{SENTENCE}</p><p>{SENTENCE}</p></body></html>"
    )
    assert tree is not None
    blocks = read_blocks(tree)
    assert blocks.index_of_line("- A list item") == 0  # list marker and whitespace do not matter
    assert blocks.index_of_line("First bold words.") == 1
    assert blocks.index_of_line(SENTENCE[:100] + " and more") == 2  # the first of equal blocks
    assert blocks.index_of_line("Not on the page") is None
    assert blocks.paragraph_chars() == len("First bold words.") + 2 * len(SENTENCE)


def test_extract_drops_an_author_box_trafilatura_keeps_after_the_article() -> None:
    bio = "Jane Doe covers security for the newspaper. She previously reported from Rabat and Madrid."
    body = "".join(f"<p>{line}</p>" for line in ARTICLE)
    author_box = f"<section><h3>About the author</h3><p>{bio}</p></section>"
    page = f"<html><body><div><section>{body}</section>{author_box}</div></body></html>"
    extraction = extract(page, "https://example.org/a")
    assert extraction is not None
    assert extraction.text.splitlines() == ARTICLE
    assert extraction.removed == ["outside_container: About the author", f"outside_container: {bio}"]
