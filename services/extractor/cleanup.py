"""Site-agnostic trimming of the chrome that trafilatura still keeps at the edges of an article.

Measured on the extraction benchmarks, most extra text sits in the first two and
last three blocks of trafilatura's output: the page's own headline repeated,
"Related"/"Popular" link lists, newsletter and follow-us prompts, a trailing
"Comments" heading. Each rule below looks only at those edge blocks, at the
block's structure (heading, list, share of link text) and at the page title,
never at a site's name or template, and is applied from the outside in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from difflib import SequenceMatcher

from lxml.etree import _Element, tostring

HEAD_WINDOW = 2  # blocks examined at the start
TAIL_WINDOW = 3  # and at the end
HEADLINE_SEARCH_LINES = 10  # how far down the page's headline is looked for (chrome above it)
PROSE_MIN_WORDS = 20  # a sentence-ending block this long above the headline is article text

_WORD = re.compile(r"\w+", re.UNICODE)
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
# Calls to action and section labels that are never article prose. Matched on
# short edge blocks only, so a body sentence that mentions a newsletter survives.
EDGE_BOILERPLATE = re.compile(
    r"""(
        \b(subscribe|subscription|newsletters?|sign[ -]up|log[ -]?in|register)\b
      | \bfollow\ (us|me|her|him|them)\b | ^follow\b | ^source:\ | ^explore\ further\b
      | \b(enjoyed|liked)\ this\ (article|story|post)\b
      | ^share\b | \bshare\ (this|it|on|via)\b
      | ^(\d+\ )?comments?\b | \bleave\ a\ (reply|comment)\b | \btell\ us\ what\ you\ think\b
      | \ball\ rights\ reserved\b | ^copyright\b | \u00a9 | \u24d2
      | ^advertisement\b | ^sponsored\b | ^(trending|popular|latest|recommended|editor'?s\ picks?)(\ now)?$
      | \b(read|see)\ (more|also)\b
      | \b(related|recommended|popular|trending|latest)\ (posts?|stories|articles|news|videos?|reads?)\b
      | \byou\ (may|might)\ also\ like\b | \bmost\ (read|popular|viewed)\b | \bmore\ (from|on)\b
      | \bclick\ here\b | \bdownload\ (our|the)\ app\b
      | ^(filed\ under|tags?|tagged(\ with)?|categories|topics):
      | \b\d+\ min(ute)?s?\ read\b  # reading time, as a bare label or followed by a figure:
      | ^((estimated\ )?reading\ time|tempo\ de\ leitura|temps\ de\ lecture|lesezeit|tiempo\ de\ lectura)
        \b[:\s]*(\d|$)
    )""",
    re.IGNORECASE | re.VERBOSE,
)


# Page elements that become trafilatura's text blocks: how rules find a kept block on the page.
TEXT_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "dd")


@dataclass(frozen=True)
class Removal:
    rule: str
    text: str


def element_text(block: _Element) -> str:
    """An element's text with its whitespace collapsed: how every rule compares texts."""
    return " ".join("".join(block.itertext()).split())


def link_chars(element: _Element) -> int:
    """Characters of the element's text that are link text."""
    return sum(len(element_text(anchor)) for anchor in element.iter("a"))


def _has_text(block: _Element) -> bool:
    if block.text and not block.text.isspace():  # most blocks: no walk of the subtree needed
        return True
    return any(not piece.isspace() for piece in block.itertext() if piece)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def anchor_texts(tree: _Element) -> set[str]:
    """Normalised texts of the page's links, read before extraction strips the markup."""
    texts = (tostring(anchor, method="text", encoding=str, with_tail=False) for anchor in tree.iter("a"))
    return {n for text in texts if len(n := _norm(text)) >= 8}


def _link_share(block: _Element, text: str, anchors: set[str]) -> float:
    """Share of the block's text that is the text of some link on the page.

    A list item that opens with a link's text counts whole: "Other headline. Its one-line deck"
    is how related-story rails render once the markup is gone.
    """
    if block.tag != "list":
        return 1.0 if _norm(text) in anchors else 0.0
    items = list(block.iter("item"))
    # pieces joined with a space: a headline and its deck are sibling elements with no space between
    linked = sum(
        len(element_text(i)) for i in items if _leads_with_link(_norm(" ".join(i.itertext())), anchors)
    )
    return linked / max(1, sum(len(element_text(i)) for i in items))


def _leads_with_link(norm: str, anchors: set[str]) -> bool:
    if norm in anchors:
        return True
    words = norm.split()
    # the leading link must be a headline's worth of the item, not a linked name opening a sentence
    shortest = max(4, len(words) // 4)
    prefix = " ".join(words[:shortest])
    for word in words[shortest : shortest + 40]:  # a headline is shorter than 40 more words
        if prefix in anchors:
            return True
        prefix += " " + word
    return False


def is_title_repeat(text: str, titles: list[str]) -> bool:
    """The page's headline repeated as a first block (the title is metadata, not body)."""
    if word_count(text) < 3 or word_count(text) > 40:
        return False
    block_norm = _norm(text)
    for title in titles:
        title_norm = _norm(title)
        if block_norm in title_norm:  # <title> often adds " | Site name"
            return True
        matcher = SequenceMatcher(None, block_norm, title_norm)
        # the quick ratios are upper bounds of ratio(): most blocks are rejected without the full match
        if matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85:
            return True
    return False


_TIME_OR_STAMP = re.compile(
    # a clock time: "12:21", "12.21 pm" (a dot needs am/pm: "$39.99" is a price)
    r"\b(\d{1,2}:\d{2}\s*(am|pm|[A-Z]{2,4}\b)?|(?<![$\u20ac\u00a3])\d{1,2}\.\d{2}\s*([ap]\.?m\b\.?)"
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}"
    r"|(first\ )?(published|updated|posted|last\ modified)\b|\d+\ (hours?|minutes?)\ ago)",
    re.IGNORECASE,
)
_MONTH_DATE = re.compile(
    r"\b((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b",
    re.IGNORECASE,
)
_URL_IN_TEXT = re.compile(
    r"(https?://|www\.)\S+|\b\w+\.(com|org|net)/\S+|^\S+@\S+\.\w+$",  # a URL, or a lone e-mail address
    re.IGNORECASE,
)
# Who else worked on the story, as wires and papers print it at the end: "(Reporting by ...; editing
# by ...)", "Additional reporting by ...", "Contributing: ...", "... contributed to this report."
_CREDIT = re.compile(
    r"^\(?(additional\ )?(reporting|writing|editing)\ by\b|^contributing:|\bcontributed\ (to\ )?(this\ )?"
    r"(report(ing)?|story|article)\b|^with\ (\w+\ ){0,3}wires\.?$",
    re.IGNORECASE | re.VERBOSE,
)


def is_byline_or_dateline(text: str, authors: list[str]) -> bool:
    """A short opening line saying only who wrote it or when: "By A. Writer", "Nov. 19, 2019 / 12:21"."""
    if word_count(text) > 12:
        return False
    norm = _norm(text)
    if norm.startswith("by ") or any(_norm(a) and _norm(a) in norm for a in authors):
        return True
    # a time or "Updated ..." stamp, or a line that is little more than a date
    return bool(_TIME_OR_STAMP.search(text)) or (word_count(text) <= 5 and bool(_MONTH_DATE.search(text)))


def is_link_line(text: str) -> bool:
    """A short line pointing elsewhere: "More AP NBA: https://...", "Listen: http://po.st/..."."""
    return word_count(text) <= 25 and bool(_URL_IN_TEXT.search(text))


def is_link_block(block: _Element, text: str, anchors: set[str]) -> bool:
    """Mostly link text: a list of other stories, a tag cloud, a "more from" rail."""
    return (block.tag == "list" or word_count(text) <= 30) and _link_share(block, text, anchors) >= 0.6


_STAMP = re.compile(
    r"^\W*(first\ )?(published|updated|posted|last\ (modified|updated))\b", re.IGNORECASE | re.VERBOSE
)


def is_separator(text: str) -> bool:
    """A rule drawn with characters ("___", "* * *"): nothing to read."""
    return not _LETTER_OR_DIGIT.search(text)


def is_credit_line(text: str) -> bool:
    return word_count(text) <= 40 and bool(_CREDIT.search(text))


def is_stamp(text: str) -> bool:
    """A closing "Updated at 1:23 p.m." or "First published: ...": when, not what."""
    return word_count(text) <= 12 and bool(_STAMP.search(text))


def is_edge_boilerplate(text: str, title_words: AbstractSet[str] = frozenset()) -> bool:
    """A short call to action or section label; a match made only of words the headline uses
    ("The best clothing subscription boxes", "How I built my newsletter") is the page's subject."""
    if word_count(text) > 25:
        return False
    return any(not _is_subject(match.group(0), title_words) for match in EDGE_BOILERPLATE.finditer(text))


def _is_subject(matched: str, title_words: AbstractSet[str]) -> bool:
    words = _words_of(matched)
    return bool(words) and words <= title_words  # "©" has no words: never the subject


def _words_of(text: str) -> set[str]:
    """Lower-cased words with a plural -s taken off: "Newsletters" and "newsletter" are one word."""
    return {word.lower().removesuffix("s") for word in _WORD.findall(text)}


_SENTENCE_END = re.compile(r"[.!?\"\u201d)]$")
# A line that ends a sentence: a stop, possibly inside a closing quote or parenthesis.
SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019)]?$")


def headline_below_chrome(texts: list[str], titles: list[str]) -> int | None:
    """Index of the line that is exactly the page's headline, when only chrome sits above it.

    An article starts at its headline: above it, recall mode sometimes keeps a photo gallery, a
    byline, a kicker or a "Back to gallery" link. The match is exact (a section heading that only
    resembles the title is not the headline), and a paragraph of prose above it, such as the
    introduction of a listicle, means the text above is the article's.
    """
    headlines = {norm for title in titles if word_count(norm := _norm(title)) >= 4}
    for index, text in enumerate(texts[:HEADLINE_SEARCH_LINES]):
        if index == 0 or _norm(text) not in headlines:
            continue
        above = texts[:index]
        prose = [t for t in above if word_count(t) >= PROSE_MIN_WORDS and _SENTENCE_END.search(t)]
        if any(texts.count(t) == 1 for t in prose):  # a repeated caption is not the article's text
            return None
        return index if len(texts) - index > 2 else None
    return None


def trim_edges(
    body: _Element, titles: list[str], anchors: set[str], authors: list[str] | None = None
) -> list[Removal]:
    """Remove edge blocks that are chrome; return what was removed and by which rule."""
    removed: list[Removal] = []
    title_words = set().union(*(_words_of(title) for title in titles))
    current = [b for b in body if _has_text(b)]  # kept in step with the body as blocks are dropped

    def drop(block: _Element, rule: str, text: str) -> None:
        removed.append(Removal(rule, text))
        body.remove(block)
        current.remove(block)

    head_rules: list[tuple[str, Callable[[_Element, str], bool]]] = [
        ("title_repeat", lambda b, t: is_title_repeat(t, titles)),
        ("byline_dateline", lambda b, t: is_byline_or_dateline(t, authors or [])),
        ("separator", lambda b, t: is_separator(t)),
        ("edge_link_block", lambda b, t: is_link_block(b, t, anchors)),
        ("edge_boilerplate", lambda b, t: is_edge_boilerplate(t, title_words)),
        ("edge_link_line", lambda b, t: is_link_line(t)),
    ]
    for _ in range(HEAD_WINDOW):
        if len(current) < 3:  # never trim a short body down to nothing
            break
        text = element_text(current[0])
        rule = next((name for name, match in head_rules if match(current[0], text)), None)
        if rule is None:
            break
        drop(current[0], rule, text)

    tail_rules: list[tuple[str, Callable[[_Element, str], bool]]] = [
        ("trailing_heading", lambda b, t: b.tag == "head"),  # a heading with nothing after it
        ("separator", lambda b, t: is_separator(t)),
        ("credit_line", lambda b, t: is_credit_line(t)),
        ("stamp", lambda b, t: is_stamp(t)),
        ("edge_link_block", lambda b, t: is_link_block(b, t, anchors)),
        ("edge_boilerplate", lambda b, t: is_edge_boilerplate(t, title_words)),
        ("edge_link_line", lambda b, t: is_link_line(t)),
    ]
    for _ in range(TAIL_WINDOW):
        if len(current) < 3:
            break
        text = element_text(current[-1])
        rule = next((name for name, match in tail_rules if match(current[-1], text)), None)
        if rule is None:
            break
        drop(current[-1], rule, text)
    # Within the edge windows, chrome also sits next to a real paragraph ("Copyright ..." above
    # a photo credit, a teaser list above the author's note): drop it there too.
    for window, rules in (
        (slice(0, HEAD_WINDOW), head_rules[2:]),
        (slice(-TAIL_WINDOW, None), tail_rules[1:]),
    ):
        for block in current[window]:
            text = element_text(block)
            rule = next((name for name, match in rules if match(block, text)), None)
            if rule is not None and len(current) > 3:
                drop(block, rule, text)
    return removed
