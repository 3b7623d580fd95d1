"""Section headings trafilatura dropped are put back between kept paragraphs, and only there."""

from __future__ import annotations

import pytest
from trafilatura.utils import load_html

from services.extractor.blocks import read_blocks
from services.extractor.headings import MAX_GAP_BLOCKS, heading_contexts, restore_headings

SENTENCE = (
    "The investigators said the cell had recruited fighters for the Islamic State in the Sahel "
    "through encrypted messaging applications over a period of two years."
)


def restored(body: str, kept: list[str]) -> list[str]:
    """The text lines after restoring headings of ``body`` into trafilatura's ``kept`` lines."""
    tree = load_html(f"<html><body><h1>How the cell was found</h1>{body}</body></html>")
    assert tree is not None
    text, count = restore_headings("\n".join(kept), heading_contexts(read_blocks(tree)))
    lines = text.splitlines()
    assert count == len(lines) - len(kept)
    return lines


def section(n: int, heading: str | None = None) -> str:
    title = heading if heading is not None else f"What the police found in part {n}"
    return f"<h2>{title}</h2><p>Part {n}. {SENTENCE}</p><p>More {n}. {SENTENCE}</p>"


def kept(*parts: int) -> list[str]:
    return [line for n in parts for line in (f"Part {n}. {SENTENCE}", f"More {n}. {SENTENCE}")]


def test_a_heading_between_kept_paragraphs_is_put_back_before_its_section() -> None:
    lines = restored(section(1) + section(2) + section(3), kept(1, 2, 3))
    assert lines == [
        *kept(1),
        "What the police found in part 2",
        *kept(2),
        "What the police found in part 3",
        *kept(3),
    ]


def test_the_heading_above_the_first_kept_paragraph_is_left_to_the_edge_rules() -> None:
    # nothing before it was kept: it may be the page's kicker or another story's heading
    lines = restored(section(1) + section(2), kept(1, 2))
    assert "What the police found in part 1" not in lines


def test_a_heading_already_in_the_text_is_not_repeated() -> None:
    lines = restored(section(1) + section(2), [*kept(1), "What the police found in part 2", *kept(2)])
    assert lines.count("What the police found in part 2") == 1


def test_a_list_item_counts_as_a_kept_block() -> None:
    body = f"<ul><li>Item. {SENTENCE}</li></ul>" + section(2)
    lines = restored(body, [f"- Item. {SENTENCE}", *kept(2)])
    assert lines[1] == "What the police found in part 2"


def test_a_heading_over_a_section_trafilatura_left_out_stays_out() -> None:
    # the comments under it were dropped, so it heads nothing in the article
    body = section(1) + f"<h3>Reader discussion</h3><p>Great article. {SENTENCE}</p>" + section(2)
    lines = restored(body, kept(1, 2))
    assert "Reader discussion" not in lines


def test_a_linked_heading_is_another_story_and_stays_out() -> None:
    body = section(1) + section(2, '<a href="/other">Police arrest two more suspects in Ceuta</a>')
    lines = restored(body, kept(1, 2))
    assert "Police arrest two more suspects in Ceuta" not in lines
    assert len(lines) == 4


@pytest.mark.parametrize("label", ["Related stories", "Trending"])
def test_a_chrome_heading_between_kept_paragraphs_stays_out(label: str) -> None:
    # a widget's label whose links were dropped: the next paragraph continues the article
    lines = restored(section(1) + section(2, label), kept(1, 2))
    assert label not in lines


def test_a_heading_far_below_the_last_kept_block_stays_out() -> None:
    # a run of dropped blocks (a product grid, a gallery) separates it from the kept text
    dropped = "".join(f"<p>Card {i}</p>" for i in range(MAX_GAP_BLOCKS + 1))
    lines = restored(section(1) + dropped + section(2), kept(1, 2))
    assert "What the police found in part 2" not in lines
    near = "".join(f"<p>Card {i}</p>" for i in range(MAX_GAP_BLOCKS))
    assert "What the police found in part 2" in restored(section(1) + near + section(2), kept(1, 2))
