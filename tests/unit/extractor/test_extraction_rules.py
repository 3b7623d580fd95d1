"""Each post-filter rule removes its chrome AND keeps look-alike body text; date sources; near-duplicates."""

from __future__ import annotations

from datetime import date

import pytest
from lxml import etree
from trafilatura.utils import load_html

from services.extractor import extract as extract_module
from services.extractor.cleanup import headline_below_chrome, trim_edges
from services.extractor.extract import extract
from services.extractor.metadata import read_metadata
from services.extractor.neardup import MAX_DISTANCE, NearDuplicateIndex, hamming, simhash

PARA = (
    "Moroccan security services dismantled a cell of four suspects in the north of the country on Tuesday, "
    "the interior ministry said in a statement, adding that the investigation continues under the prosecutor."
)


def page(*blocks: str, title: str = "Police dismantle a cell in northern Morocco", head: str = "") -> str:
    body = "".join(blocks)
    return (
        f'<html lang="en"><head><title>{title} | Daily Example</title>{head}</head>'
        f"<body><nav><a href='/'>Home</a></nav><article>{body}</article>"
        "<footer><a href='/about'>About us and our editorial team</a></footer></body></html>"
    )


def paras(n: int, prefix: str = "") -> list[str]:
    return [f"<p>{prefix}Paragraph {i}. {PARA}</p>" for i in range(n)]


def text_of(html: str) -> str:
    result = extract(html, "https://news.example.org/2024/04/10/story")
    assert result is not None
    return result.text


def test_title_repeat_is_removed_but_a_first_paragraph_mentioning_it_is_kept() -> None:
    html = page("<h1>Police dismantle a cell in northern Morocco</h1>", *paras(4))
    text = text_of(html)
    assert not text.startswith("Police dismantle a cell")
    assert text.startswith("Paragraph 0.")
    kept = page(
        "<p>Police dismantle a cell in northern Morocco, officials said on Tuesday, after "
        "a months-long investigation across three regions of the kingdom, the ministry added.</p>",
        *paras(3),
    )
    assert "Police dismantle a cell in northern Morocco, officials said" in text_of(kept)


def test_trailing_heading_is_removed_but_a_heading_followed_by_text_is_kept() -> None:
    text = text_of(page(*paras(4), "<h2>Comments</h2>"))
    assert "Comments" not in text and "Paragraph 3." in text
    kept = text_of(page(*paras(2), "<h2>What happens next</h2>", *paras(2, "Later. ")))
    assert "What happens next" in text_of(page(*paras(2), "<h2>What happens next</h2>", *paras(2, "Later. ")))
    assert "Later. Paragraph 1." in kept  # the last paragraph survives


def _body(*blocks: tuple[str, list[str]]) -> etree._Element:
    body = etree.Element("body")
    for tag, texts in blocks:
        element = etree.SubElement(body, tag)
        if tag == "list":
            for text in texts:
                etree.SubElement(element, "item").text = text
        else:
            element.text = texts[0]
    return body


def test_edge_link_lists_are_removed_but_lists_of_plain_facts_are_kept() -> None:
    # trafilatura drops most link lists itself; this one survived it, as on some real templates
    headlines = [f"Other story number {i} about something else" for i in range(4)]
    facts = [f"Suspect {i} was born in Tetouan and is aged {30 + i}" for i in range(4)]
    anchors = {" ".join(h.lower().split()) for h in headlines}
    body = _body(*[("p", [f"Paragraph {i}. {PARA}"]) for i in range(4)], ("list", facts), ("list", headlines))
    removed = trim_edges(body, [], anchors)
    assert [r.rule for r in removed] == ["edge_link_block"]
    assert [child.tag for child in body] == ["p", "p", "p", "p", "list"]  # the facts stay


def _teaser_list(items: list[tuple[str, str]]) -> etree._Element:
    """A list as trafilatura renders a rail: each item a headline element followed by its deck."""
    rail = etree.Element("list")
    for headline, deck in items:
        item = etree.SubElement(rail, "item")
        etree.SubElement(item, "hi").text = headline
        etree.SubElement(item, "hi").text = deck
    return rail


def test_a_trailing_list_of_linked_headlines_with_decks_is_removed() -> None:
    rail = [
        (f"Other story number {i} about the league", f"A one-line summary of story {i} for readers")
        for i in range(3)
    ]
    anchors = {" ".join(h.lower().split()) for h, _ in rail}  # only the headlines are links
    body = _body(*[("p", [f"Paragraph {i}. {PARA}"]) for i in range(4)])
    body.append(_teaser_list(rail))
    assert [r.rule for r in trim_edges(body, [], anchors)] == ["edge_link_block"]
    assert [child.tag for child in body] == ["p", "p", "p", "p"]


def test_a_trailing_list_whose_items_only_mention_a_link_is_kept() -> None:
    # one linked word inside each item's sentence is a citation, not a rail of other stories
    items = [(f"Suspect {i}", f"was born in Tetouan and is aged {30 + i}, the court heard") for i in range(3)]
    anchors = {f"suspect {i}" for i in range(3)}
    body = _body(*[("p", [f"Paragraph {i}. {PARA}"]) for i in range(4)])
    body.append(_teaser_list(items))
    assert trim_edges(body, [], anchors) == []


@pytest.mark.parametrize(
    "chrome",
    [
        "Sign up for our newsletter to get the latest news",
        "Follow us on Twitter and Facebook",
        "Copyright © 2024 Daily Example. All rights reserved.",
        "© Daily Example 2024",  # a match with no words in it is never the headline's subject
        "Read more: Five things about the Sahel",
        "Trending",
    ],
)
def test_edge_boilerplate_is_removed(chrome: str) -> None:
    text = text_of(page(*paras(4), f"<p>{chrome}</p>"))
    assert chrome.split()[0] not in text.split("\n")[-1]
    assert "Paragraph 3." in text


def test_edge_lines_about_the_headline_subject_are_kept_and_calls_to_action_are_not() -> None:
    blocks = (*paras(4), "<p>Our newsletter is published once a month.</p>")
    about_newsletters = text_of(page(*blocks, title="How our newsletter covers the Sahel"))
    assert "Our newsletter is published once a month." in about_newsletters
    # the headline's subject does not excuse a line with another call to action in it
    blocks = (*paras(4), "<p>Newsletter: subscribe and follow us.</p>")
    assert "subscribe" not in text_of(page(*blocks, title="How our newsletter covers the Sahel"))
    # the same line under another headline is a call to action
    assert "published once a month" not in text_of(
        page(*paras(4), "<p>Our newsletter is published once a month.</p>")
    )


def test_edge_boilerplate_words_inside_long_body_text_are_kept() -> None:
    long_para = (
        "<p>The suspects used a newsletter and encrypted messaging to recruit followers, and investigators "
        "said they would follow up on every contact found on the phones seized in the raids last week.</p>"
    )
    text = text_of(page(*paras(3), long_para))
    assert "used a newsletter and encrypted messaging" in text


@pytest.mark.parametrize(
    ("chrome", "rule"),
    [
        ("(Reporting by A. Writer and B. Writer; editing by C. Editor)", "credit_line"),
        ("Additional reporting by A. Writer in Rabat", "credit_line"),
        ("Contributing: A. Writer", "credit_line"),
        ("A. Writer contributed to this report.", "credit_line"),
        ("With Post wires", "credit_line"),
        ("___", "separator"),
        ("* * *", "separator"),
        ("Updated at 1:23 p.m.", "stamp"),
        ("First Published: Tuesday, November 19, 2019 08:38 AM", "stamp"),
        ("Filed under: Security |", "edge_boilerplate"),
        ("Tags: Morocco, Spain, terrorism", "edge_boilerplate"),
        ("writer@news.example.org", "edge_link_line"),
    ],
)
def test_closing_credits_stamps_rules_and_tags_are_removed(chrome: str, rule: str) -> None:
    body = _body(*[("p", [f"Paragraph {i}. {PARA}"]) for i in range(4)], ("p", [chrome]))
    removed = trim_edges(body, [], set())
    assert [(r.rule, r.text) for r in removed] == [(rule, chrome)]
    assert len(body) == 4


@pytest.mark.parametrize(
    "body_text",
    [
        "The reporting by local media was confirmed on Friday by the interior ministry in Rabat.",
        "Investigators said the suspects had contributed money to the network for two years.",
        "The shares closed at 3.25 euros, 2.5 per cent higher.",
        "Police published the names of the four suspects on Thursday evening, a rare step.",
        "The tags found on the bags led investigators to a flat in Tetouan.",
    ],
)
def test_closing_sentences_that_look_like_credits_or_stamps_are_kept(body_text: str) -> None:
    body = _body(*[("p", [f"Paragraph {i}. {PARA}"]) for i in range(4)], ("p", [body_text]))
    assert trim_edges(body, [], set()) == []


@pytest.mark.parametrize("chrome", ["5 min read", "Tempo de leitura: 2 minutos", "Estimated reading time: 4"])
def test_reading_time_lines_at_the_top_are_removed(chrome: str) -> None:
    body = _body(("p", [chrome]), *[("p", [f"Paragraph {i}. {PARA}"]) for i in range(4)])
    assert [r.text for r in trim_edges(body, [], set())] == [chrome]


def test_a_first_paragraph_about_reading_time_is_kept() -> None:
    first = "Reading time for children fell by a third during the year, the ministry's survey found."
    body = _body(("p", [first]), *[("p", [f"Paragraph {i}. {PARA}"]) for i in range(4)])
    assert trim_edges(body, [], set()) == []


class _ModeSpy:
    """Stands in for one trafilatura call per mode, returning real extractions of given pages."""

    def __init__(self, recall_page: str, balanced_page: str) -> None:
        self.pages = {True: recall_page, False: balanced_page}
        self.calls: list[bool] = []
        self.real = extract_module._trafilatura

    def __call__(self, tree: object, url: str | None, *, favor_recall: bool) -> object:
        self.calls.append(favor_recall)
        return self.real(load_html(self.pages[favor_recall]), url, favor_recall=True)


def test_balanced_mode_is_used_when_recall_mode_keeps_a_small_part_of_the_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    full = page(*paras(12))
    spy = _ModeSpy(recall_page=page(*paras(1)), balanced_page=full)
    monkeypatch.setattr(extract_module, "_trafilatura", spy)
    result = extract(full, "https://news.example.org/2024/04/10/story")
    assert result is not None
    assert spy.calls == [True, False]
    assert result.focus == "balanced"
    assert "Paragraph 11." in result.text


@pytest.mark.parametrize(("kept", "passes"), [(5, [True, False]), (10, [True])])
def test_balanced_mode_is_tried_when_recall_mode_keeps_a_small_part_of_its_container(
    monkeypatch: pytest.MonkeyPatch, kept: int, passes: list[bool]
) -> None:
    # 5 of 12 paragraphs is over a fifth of the page's prose, but under 70% of the article's own
    full = page(*paras(12))
    spy = _ModeSpy(recall_page=page(*paras(kept)), balanced_page=full)
    monkeypatch.setattr(extract_module, "_trafilatura", spy)
    result = extract(full, "https://news.example.org/2024/04/10/story")
    assert result is not None
    assert spy.calls == passes
    assert result.focus == ("balanced" if len(passes) == 2 else "recall")
    assert ("Paragraph 11." in result.text) == (len(passes) == 2)


def test_recall_mode_text_is_kept_when_it_covers_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    full = page(*paras(12))
    spy = _ModeSpy(recall_page=full, balanced_page=full)
    monkeypatch.setattr(extract_module, "_trafilatura", spy)
    result = extract(full, "https://news.example.org/2024/04/10/story")
    assert result is not None
    assert spy.calls == [True]  # the second pass costs a parse and an extraction: only when needed
    assert result.focus == "recall"


def test_recall_mode_text_is_kept_when_balanced_mode_finds_little_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    full = page(*paras(12))
    spy = _ModeSpy(recall_page=page(*paras(2)), balanced_page=page(*paras(2), "<p>Short extra line.</p>"))
    monkeypatch.setattr(extract_module, "_trafilatura", spy)
    result = extract(full, "https://news.example.org/2024/04/10/story")
    assert result is not None
    assert spy.calls == [True, False]
    assert result.focus == "recall"
    assert "Short extra line" not in result.text


def test_short_bodies_are_never_trimmed_to_nothing() -> None:
    text = text_of(page("<h1>Police dismantle a cell in northern Morocco</h1>", paras(1)[0]))
    assert "Paragraph 0." in text


@pytest.mark.parametrize(
    ("head", "body", "url", "expected", "source"),
    [
        (
            '<meta property="article:published_time" content="2023-01-27T09:30:00+00:00">',
            "",
            None,
            date(2023, 1, 27),
            "html_meta",
        ),
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@graph": [{"@type": "NewsArticle", "datePublished": "2015-10-07T08:00:00Z"}]}</script>',
            "",
            None,
            date(2015, 10, 7),
            "json_ld",
        ),
        (
            "",
            '<time datetime="2017-07-19T14:02:00+00:00" class="published">19 July</time>',
            None,
            date(2017, 7, 19),
            "html_meta",
        ),
        ("", "", "https://news.example.org/2024/04/10/report-links-cells", date(2024, 4, 10), "url"),
        ("", "<p>Published on 27 August 2015 by the desk.</p>", None, date(2015, 8, 27), "text"),
        (
            "",
            "<p>Posted on 1 March 2024</p><footer>\u00a9 2023 Daily Example</footer>",
            None,
            date(2024, 3, 1),
            "text",
        ),
        ("", "", None, None, None),
        # htmldate's fallbacks: a copyright year or a year and month is not a publication day
        ("", "<footer>Copyright \u00a9 2023 Daily Example</footer>", None, None, None),
        ("", "<p>The cell was formed in March 2024.</p>", None, None, None),
    ],
    ids=[
        "meta",
        "json-ld",
        "time",
        "url",
        "text-only",
        "text-first-of-month",
        "none",
        "copyright-year",
        "month",
    ],
)
def test_publication_date_and_its_source(
    head: str, body: str, url: str | None, expected: date | None, source: str | None
) -> None:
    html = f"<html><head><title>t</title>{head}</head><body>{body}<p>{PARA}</p></body></html>"
    meta = read_metadata(load_html(html), url, html=html, today=date(2026, 11, 22))
    assert (meta.published, meta.published_source) == (expected, source)


def test_future_and_implausible_dates_are_ignored() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2099-01-01"></head><body></body></html>'
    )
    assert read_metadata(load_html(html), None, html=html, today=date(2026, 11, 22)).published is None


def test_metadata_fields() -> None:
    html = (
        '<html lang="fr-FR"><head><title>T | Site</title><meta property="og:title" content="The headline">'
        '<link rel="canonical" href="https://site.example/a">'
        '<meta property="og:image" content="https://site.example/i.jpg">'
        '<meta property="article:section" content="Africa">'
        '<meta name="keywords" content="terrorism, Morocco">'
        '<meta property="article:modified_time" content="2023-02-01T10:00:00Z">'
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"author": [{"name": "A. Writer"}, {"name": "B. Writer"}], '
        '"publisher": {"name": "Site News"}}</script></head><body></body></html>'
    )
    meta = read_metadata(load_html(html), None, html=html)
    assert meta.title == "The headline" and meta.language == "fr"
    assert meta.authors == ["A. Writer", "B. Writer"] and meta.sitename == "Site News"
    assert meta.canonical_url == "https://site.example/a" and meta.image_url == "https://site.example/i.jpg"
    assert meta.tags == ["terrorism", "Morocco"] and meta.categories == ["Africa"]
    assert (meta.modified, meta.modified_source) == (date(2023, 2, 1), "html_meta")


STORY = " ".join(
    f"Sentence {i}: the joint operation by Moroccan and Spanish police led to arrests in Almeria and Chtouka."
    for i in range(30)
)


def test_a_syndicated_copy_with_other_header_and_footer_is_a_near_duplicate() -> None:
    original = simhash(STORY)
    copy = simhash("By Wire Staff. Updated 10:32. " + STORY + " Follow us for more. Share this story.")
    assert hamming(original, copy) <= MAX_DISTANCE
    index = NearDuplicateIndex()
    index.add("first", original)
    match = index.find(copy, exclude="second")
    assert match is not None and match.article_id == "first"


def test_two_different_articles_on_the_same_event_are_not_duplicates() -> None:
    other = " ".join(
        f"Point {i}: officials in Rabat described the cell's recruitment for the Islamic State in the Sahel."
        for i in range(30)
    )
    index = NearDuplicateIndex()
    index.add("first", simhash(STORY))
    assert index.find(simhash(other), exclude="second") is None
    assert index.find(simhash(STORY), exclude="first") is None  # an article is never its own duplicate


def test_index_is_bounded() -> None:
    index = NearDuplicateIndex(capacity=3)
    for i in range(5):
        index.add(f"a{i}", simhash(f"{STORY} unique tail {i} " * 3))
    assert len(index) == 3


def test_bylines_and_datelines_opening_the_body_are_removed_but_a_dated_lede_is_kept() -> None:
    body = _body(
        ("p", ["November 19, 2019 / 12:21 AM / Updated 14 hours ago"]),
        *[("p", [f"Paragraph {i}. {PARA}"]) for i in range(4)],
    )
    removed = trim_edges(body, [], set(), ["Patrick Shanley"])
    assert [r.rule for r in removed] == ["byline_dateline"]
    lede = _body(
        ("p", [f"On November 19, 2019 at 12:21 the police arrested five men. {PARA}"]),
        *[("p", [f"Paragraph {i}. {PARA}"]) for i in range(4)],
    )
    assert trim_edges(lede, [], set(), []) == []  # a long first paragraph with a date is prose
    by = _body(("p", ["By Patrick Shanley"]), *[("p", [f"Paragraph {i}. {PARA}"]) for i in range(4)])
    assert [r.rule for r in trim_edges(by, [], set(), ["Patrick Shanley"])] == ["byline_dateline"]
    for short_first_line in ("Controller in Crystal for $39.99", "Updated 12.21 pm"):
        first = _body(("p", [short_first_line]), *[("p", [f"Paragraph {i}. {PARA}"]) for i in range(4)])
        removed_rules = [r.rule for r in trim_edges(first, [], set(), [])]
        assert removed_rules == ([] if "$" in short_first_line else ["byline_dateline"])  # a price is no time


def test_chrome_next_to_a_last_paragraph_is_removed_and_the_last_paragraph_kept() -> None:
    body = _body(
        *[("p", [f"Paragraph {i}. {PARA}"]) for i in range(4)],
        ("p", ["Copyright 2019 Dow Jones & Company, Inc. All Rights Reserved."]),
        ("p", ["The trial continues this week in Hong Kong, where the three defendants deny every charge."]),
    )
    removed = trim_edges(body, [], set(), [])
    assert [r.rule for r in removed] == ["edge_boilerplate"]
    assert "The trial continues" in "".join(body[-1].itertext())  # the real last paragraph stays


def test_short_link_lines_at_the_edges_are_removed_but_a_paragraph_citing_a_url_is_kept() -> None:
    body = _body(
        *[("p", [f"Paragraph {i}. {PARA}"]) for i in range(4)],
        ("p", ["More AP NBA: https://apnews.com/NBA and https://twitter.com/AP_Sports"]),
    )
    assert [r.rule for r in trim_edges(body, [], set(), [])] == ["edge_link_line"]
    cited = _body(
        *[("p", [f"Paragraph {i}. {PARA}"]) for i in range(4)],
        (
            "p",
            [
                "The report, published by the institute at https://example.org/report, lists each arrest "
                "made in Morocco and Spain since early 2023 and the courts that tried the suspects."
            ],
        ),
    )
    assert trim_edges(cited, [], set(), []) == []


HEADLINE = "Police dismantle a cell in northern Morocco"
CAPTION = (
    "Police officers stand guard outside the house in Tetouan where the four suspects were arrested "
    "on Tuesday morning, Nov. 20, 2019."
)


def test_chrome_above_an_exact_headline_is_removed_with_it() -> None:
    lines = ["A. Writer, National Security Writer", "Updated", CAPTION, "Image", CAPTION, HEADLINE]
    lines += [f"Paragraph {i}. {PARA}" for i in range(3)]
    assert headline_below_chrome(lines, [HEADLINE, f"{HEADLINE} - Daily Example"]) == 5
    text = text_of(page(*[f"<p>{line}</p>" for line in lines[:5]], f"<h2>{HEADLINE}</h2>", *paras(3)))
    assert text.startswith("Paragraph 0.")


def test_an_introduction_above_a_heading_equal_to_the_title_is_kept() -> None:
    intro = (
        "Choosing which security reforms matter most can feel overwhelming, so we compared the "
        "measures taken in Morocco and Spain over the last ten years."
    )
    lines = [intro, HEADLINE, *(f"Paragraph {i}. {PARA}" for i in range(3))]
    assert headline_below_chrome(lines, [HEADLINE]) is None


def test_a_heading_that_only_resembles_the_title_is_not_the_headline() -> None:
    lines = ["Updated", "Police dismantle a cell", *(f"Paragraph {i}. {PARA}" for i in range(3))]
    assert headline_below_chrome(lines, [HEADLINE]) is None
    assert headline_below_chrome(["Updated", HEADLINE, "Paragraph 0."], [HEADLINE]) is None  # too little left


def test_the_headline_without_the_site_name_is_a_title_variant() -> None:
    html = f"<html><head><title>{HEADLINE} | Daily Example</title></head><body><p>{PARA}</p></body></html>"
    meta = read_metadata(load_html(html), None, html=html)
    assert meta.title == f"{HEADLINE} | Daily Example"  # the title itself is left as the page gives it
    assert HEADLINE in meta.title_variants
