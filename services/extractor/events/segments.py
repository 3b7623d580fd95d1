"""Sentences, paragraphs and sections of clean article text, with character offsets.

Sections matter for event records because digests and press-release pages put several unrelated
stories on one page: "GERMANY. Officers of the BKA arrested ...", "Press release of Friday 17 June
2016 - ...". A section heading can name a country (the stories below it happen there unless they
say otherwise) and a date (a "today" below it is that day, not the day the page was published).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.extractor.events.countries import countries_in

_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)|\n")
_NO_BREAK_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Prof|No|vs|Jr|Sr|Mt|Ft|Jan|Feb|Aug|Sept|Oct|Nov|Dec)"
    r"|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])\.$"
)
# "GERMANY. Officers of ...", "UNITED KINGDOM. Salih Khater ...": a digest's section label.
_CAPS_LABEL = re.compile(r"[A-Z][A-Z'\u2019&-]+(?:\s+[A-Z][A-Z'\u2019&-]+)*\.\s")
# "Germany: Police in Duisburg ...": a round-up's label, when two or more paragraphs open with one
_COLON_LABEL = re.compile(r"[A-Z][\w\u00c0-\u024f'.-]*(?:\s[A-Z][\w\u00c0-\u024f'.-]*){0,2}:\s")
# A paragraph this short and without a sentence end is a heading ("Press release of ... - Searches").
HEADING_MAX_CHARS = 140


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    section: int


@dataclass(frozen=True, slots=True)
class Section:
    """A run of paragraphs under one heading (the whole text when it has none)."""

    index: int
    start: int
    end: int
    heading: tuple[int, int] | None  # the heading's characters, if the section has one


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the whitespace at its edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (whitespace-trimmed). A period before a lower-case word or a digit ("5.30-9 a.m.
    local time"), after a title or an initial ("Gen. Smith", "J. Doe") does not end a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group(0) != "\n":
            after = text[end : end + 3].lstrip()[:1]
            if after and (after.islower() or after.isdigit()):
                continue
            abbreviation = _NO_BREAK_BEFORE.search(text[max(start, match.start() - 12) : match.start() + 1])
            opens_quote = bool(after) and after in '"\u201c'
            if (
                abbreviation
                and not opens_quote
                and text[match.start() - 3 : match.start()] not in ("a.m", "p.m")
            ):
                continue  # "Gen. Smith", "J. Doe" (but "at 9 a.m. Then ..." ends a sentence)
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    start, end = trim(text, start, end)
    if start < end:
        spans.append((start, end))


def paragraphs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start, end = trim(text, offset, offset + len(line))
        if start < end:
            out.append((start, end))
        offset += len(line) + 1
    return out


def is_heading(text: str, start: int, end: int) -> bool:
    """A heading paragraph: short, no sentence end, not a quote or a list item of prose."""
    body = text[start:end]
    return len(body) <= HEADING_MAX_CHARS and body[-1:] not in ".!?\"'\u201d:;," and body[:1].isupper()


def caps_label(text: str, start: int) -> re.Match[str] | None:
    """A digest label at the start of a paragraph ("GERMANY. "), if there is one."""
    return _CAPS_LABEL.match(text, start)


@dataclass(frozen=True)
class Layout:
    """Sentences of a text with the paragraph and section each belongs to."""

    sentences: list[Sentence]
    sections: list[Section]


def layout(text: str, *, headline_end: int | None = None) -> Layout:
    """``headline_end``: the text opens with the headline on the line of the first paragraph."""
    paras = paragraphs(text)
    if headline_end is not None and paras and paras[0][0] == 0 and paras[0][1] > headline_end + 1:
        paras[0:1] = [(0, headline_end), trim(text, headline_end, paras[0][1])]
    section_starts: list[tuple[int, tuple[int, int] | None]] = []  # (paragraph index, heading span)
    # a round-up's labels name countries ("Germany:", "France:"), not speakers ("Reporter:", "Smith:")
    colon_labels = {
        i: m
        for i, (start, _) in enumerate(paras)
        if (m := _COLON_LABEL.match(text, start)) and countries_in(m.group(0), names_only=True)
    }
    if len(colon_labels) < 2:
        colon_labels = {}
    for i, (start, end) in enumerate(paras):
        label = caps_label(text, start) or colon_labels.get(i)
        if label is not None and len(label.group(0).strip()) >= 3:
            section_starts.append((i, (start, label.end() - 1)))
        elif is_heading(text, start, end) and i + 1 < len(paras):
            section_starts.append((i, (start, end)))
    if not section_starts or section_starts[0][0] != 0:
        section_starts.insert(0, (0, None))
    sections: list[Section] = []
    for k, (first, heading) in enumerate(section_starts):
        last = section_starts[k + 1][0] - 1 if k + 1 < len(section_starts) else len(paras) - 1
        if not paras:
            break
        sections.append(Section(k, paras[first][0], paras[max(first, last)][1], heading))
    out: list[Sentence] = []
    for p, (pstart, pend) in enumerate(paras):
        section = next((s.index for s in reversed(sections) if s.start <= pstart), 0)
        for start, end in sentences(text[pstart:pend]):
            out.append(Sentence(pstart + start, pstart + end, p, section))
    return Layout(out, sections)
