"""Breadcrumb trails are dropped by their markup; headings and body text with the same words are kept."""

from __future__ import annotations

import pytest
from trafilatura.utils import load_html

from services.extractor import extract as extract_module
from services.extractor.blocks import read_blocks
from services.extractor.breadcrumbs import (
    MAX_TRAIL_CHARS,
    _marked_in_some_tag,
    drop_breadcrumbs,
    read_breadcrumbs,
)
from services.extractor.extract import extract

SENTENCE = (
    "The investigators said the cell had recruited fighters for the Islamic State in the Sahel "
    "through encrypted messaging applications over a period of two years."
)
ARTICLE = "".join(f"<p>Paragraph {n}. {SENTENCE}</p>" for n in range(1, 4))
TEXT_LINES = [
    "- Home",
    "- Security",
    "- Counter-terrorism",
    "Cell dismantled in Tetouan",
    "Paragraph 1. " + SENTENCE,
]


def trail(marker: str, items: tuple[str, ...] = ("Home", "Security", "Counter-terrorism")) -> str:
    links = "".join(f"<li><a href='/{item.lower()}'>{item}</a></li>" for item in items)
    return f"<ol {marker}>{links}</ol>"


def dropped(page_body: str, lines: list[str]) -> tuple[list[str], list[str]]:
    html = f"<html><body>{page_body}</body></html>"
    tree = load_html(html)
    assert tree is not None
    text, removals = drop_breadcrumbs("\n".join(lines), read_breadcrumbs(html, read_blocks(tree)))
    assert all(r.rule == "breadcrumb" for r in removals)
    return text.splitlines(), [r.text for r in removals]


@pytest.mark.parametrize(
    "marker",
    [
        "class='breadcrumb'",
        "class='c-BreadCrumbs semanticList'",
        "id='breadcrumbs'",
        "id='BREADCRUMB-TRAIL'",
        "aria-label='Breadcrumb'",
        "itemscope itemtype='https://schema.org/BreadcrumbList'",
    ],
)
def test_a_marked_trail_is_dropped(marker: str) -> None:
    page = f"<nav>{trail(marker)}</nav><article><h1>Cell dismantled in Tetouan</h1>{ARTICLE}</article>"
    kept, removed = dropped(page, TEXT_LINES)
    assert removed == ["- Home", "- Security", "- Counter-terrorism"]
    assert kept == TEXT_LINES[3:]


def test_a_heading_with_the_words_of_the_last_crumb_is_kept() -> None:
    page = (
        f"{trail('class=breadcrumb', ('Home', 'Building Department'))}"
        f"<article><h1>Building Department</h1>{ARTICLE}</article>"
    )
    kept, removed = dropped(page, ["- Home", "Building Department", "Paragraph 1. " + SENTENCE])
    assert removed == ["- Home"]
    assert kept == ["Building Department", "Paragraph 1. " + SENTENCE]


def test_a_menu_link_with_a_crumb_words_does_not_keep_the_crumb() -> None:
    menu = "<ul class='menu'><li><a href='/'>Home</a></li></ul>"
    page = f"{menu}{trail('class=breadcrumb')}<article>{ARTICLE}</article>"
    _, removed = dropped(page, TEXT_LINES)
    assert "- Home" in removed


def test_an_unmarked_list_and_a_long_marked_wrapper_are_not_trails() -> None:
    assert dropped(f"{trail('class=path')}<article>{ARTICLE}</article>", TEXT_LINES)[1] == []
    # a theme's "breadcrumb-and-content" column holds the article: far more text than a trail
    wrapper = f"<div class='breadcrumb-and-content'>{trail('')}<article>{ARTICLE}</article></div>"
    assert len(ARTICLE) > MAX_TRAIL_CHARS
    assert dropped(wrapper, TEXT_LINES)[1] == []
    # nor is the page's own article when its theme class mentions breadcrumbs, however short
    short = f"<article class='has-breadcrumb'><h2>Security</h2><p>Paragraph 1. {SENTENCE}</p></article>"
    assert dropped(short, ["Security", "Paragraph 1. " + SENTENCE])[1] == []


def test_extract_drops_the_trail_lines_trafilatura_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    kept_trail = "".join(f"<p>{item}</p>" for item in ("Home", "Security", "Counter-terrorism"))
    extracted_from = load_html(f"<html><body><div id='content'>{kept_trail}{ARTICLE}</div></body></html>")
    real = extract_module._trafilatura
    # trafilatura keeps a trail only on some templates: here it is made to, and the page says what it is
    monkeypatch.setattr(
        extract_module,
        "_trafilatura",
        lambda tree, url, *, favor_recall: real(extracted_from, url, favor_recall=True),
    )
    page = (
        "<html><head><title>Cell dismantled in Tetouan</title></head><body>"
        f"<nav aria-label='Breadcrumb'>{trail('')}</nav><div id='content'>{ARTICLE}</div></body></html>"
    )
    extraction = extract(page, "https://news.example.org/security/cell")
    assert extraction is not None
    assert extraction.text.splitlines()[0].startswith("Paragraph 1.")
    assert "breadcrumb: Counter-terrorism" in extraction.removed


def test_the_tree_is_searched_only_when_a_tag_says_breadcrumb() -> None:
    json_ld = '<script type="application/ld+json">{"@type": "BreadcrumbList"}</script>'
    style = "<style>.breadcrumb > li { display: inline }</style>"
    assert not _marked_in_some_tag(f"<html><head>{json_ld}{style}</head><body>{ARTICLE}</body></html>")
    for marker in (
        "class='site-breadcrumb'",
        "id='BreadCrumbs'",
        "itemtype='https://schema.org/BreadcrumbList'",
    ):
        assert _marked_in_some_tag(f"<html><head>{style}</head><body><ol {marker}></ol></body></html>")
