"""Prose paragraphs of the article's container that trafilatura dropped are put back, and only those."""

from __future__ import annotations

from trafilatura.utils import load_html

from services.extractor.blocks import read_blocks
from services.extractor.container import locate
from services.extractor.extract import extract
from services.extractor.paragraphs import MIN_PARAGRAPH_CHARS, restore_dropped_paragraphs

SENTENCE = (
    "The investigators said the cell had recruited fighters for the Islamic State in the Sahel "
    "through encrypted messaging applications over a period of two years."
)
KEPT = [f"Paragraph {n}. {SENTENCE}" for n in range(1, 6)]
DROPPED = (
    "Officers seized phones, forged documents and propaganda material during searches in three "
    "towns, and the suspects were handed to the National Court, which will decide whether they "
    "remain in custody while the investigation continues."
)


def restored(dropped_markup: str, *, kept: list[str] = KEPT, after: int = 2) -> list[str]:
    """The text after putting back paragraphs, when ``dropped_markup`` sits after kept line ``after``."""
    body = "".join(f"<p>{line}</p>" for line in kept[:after]) + dropped_markup
    body += "".join(f"<p>{line}</p>" for line in kept[after:])
    tree = load_html(f"<html><body><article>{body}</article><footer><p>Contact</p></footer></body></html>")
    assert tree is not None
    blocks = read_blocks(tree)
    located = locate("\n".join(kept), blocks)
    assert located is not None
    lines, count = restore_dropped_paragraphs(located, blocks)
    assert count == len(lines) - len(kept)
    return lines


def test_a_prose_paragraph_trafilatura_dropped_between_kept_ones_is_put_back_in_page_order() -> None:
    assert len(DROPPED) >= MIN_PARAGRAPH_CHARS
    lines = restored(f"<div class='widget'><p>{DROPPED}</p></div>")
    assert lines == [*KEPT[:2], DROPPED, *KEPT[2:]]


def test_a_paragraph_already_in_the_text_under_other_line_breaks_is_not_repeated() -> None:
    first, second = DROPPED[:90], DROPPED[90:]
    kept = [*KEPT[:2], first, second, *KEPT[2:]]
    body = "".join(f"<p>{line}</p>" for line in KEPT[:2]) + f"<p>{DROPPED}</p>"
    body += "".join(f"<p>{line}</p>" for line in KEPT[2:])
    tree = load_html(f"<html><body><article>{body}</article></body></html>")
    assert tree is not None
    blocks = read_blocks(tree)
    located = locate("\n".join(kept), blocks)
    assert located is not None
    assert restore_dropped_paragraphs(located, blocks) == (kept, 0)


def test_captions_forms_dialogs_and_hidden_text_stay_out() -> None:
    for markup in (
        f"<figure><img src='x.jpg'><figcaption><p>{DROPPED}</p></figcaption></figure>",
        f"<figure><p>{DROPPED}</p></figure>",
        f"<form><p>{DROPPED}</p></form>",
        f"<div role='dialog'><p>{DROPPED}</p></div>",
        f"<div aria-hidden='true'><p>{DROPPED}</p></div>",
        f"<div hidden><p>{DROPPED}</p></div>",
        f"<blockquote><p>{DROPPED}</p></blockquote>",  # part of a bigger block trafilatura handles whole
    ):
        assert restored(markup) == KEPT, markup


def test_short_unfinished_or_linked_paragraphs_stay_out() -> None:
    short = DROPPED[:150].rsplit(" ", 1)[0] + "."
    unfinished = DROPPED.rstrip(".") + " and"
    linked = f"<a href='/other'>{DROPPED[:60]}</a>{DROPPED[60:]}"
    for markup in (f"<p>{short}</p>", f"<p>{unfinished}</p>", f"<p>{linked}</p>"):
        assert restored(markup) == KEPT, markup
    # a link of a few words in a long paragraph is ordinary prose
    assert restored(f"<p><a href='/court'>National Court</a> {DROPPED}</p>") == [
        *KEPT[:2],
        f"National Court {DROPPED}",
        *KEPT[2:],
    ]


def test_paragraphs_before_the_first_or_after_the_last_kept_line_stay_out() -> None:
    # the edges of the text are where chrome sits: only gaps between kept lines are filled
    assert restored(f"<p>{DROPPED}</p>", after=0) == KEPT
    assert restored(f"<p>{DROPPED}</p>", after=len(KEPT)) == KEPT


def test_extract_puts_back_a_paragraph_trafilatura_drops_from_a_widget_wrapper() -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in KEPT[:3])
    paragraphs += f"<div class='widget'><p>{DROPPED}</p></div>"
    paragraphs += "".join(f"<p>{line}</p>" for line in KEPT[3:])
    extraction = extract(
        f"<html><body><article>{paragraphs}</article></body></html>", "https://example.org/a"
    )
    assert extraction is not None
    assert extraction.text.splitlines() == [*KEPT[:3], DROPPED, *KEPT[3:]]
    assert extraction.restored_paragraphs == 1
