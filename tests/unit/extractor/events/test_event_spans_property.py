"""Property: whatever the text, every span of every record is a slice of that text.

Texts are built from the fragments the resolvers react to (triggers, places, numbers, dates,
agencies, groups, abbreviations) mixed with arbitrary Unicode and whitespace, so the rules run on
inputs nobody wrote by hand, including offsets next to accents, curly quotes and line breaks.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.extractor.events.assemble import extract_events

FRAGMENTS = [
    "On Sunday Spanish and Moroccan authorities arrested 10 suspects",
    "the BCIJ dismantled a three-member ISIS cell operating in Almería and Chtouka Aït Baha",
    "Four of the arrests took place in Spain, while the remaining six detentions were in Casablanca",
    "a Moroccan citizen was arrested in Salé",
    "were arrested in Almskad, a mountainous region within the separatist Puntland area",
    "In January 2023",
    "Three months later",
    "between 800 and 1000 fighters",
    "about three dozen people",
    "at 5.30-9 a.m. local time",
    "Gen. J. Doe said",
    "\u201cthe defendants\u201d",
    "the Islamic State in the Sahel",
    "cells in Shata and Almaeria",
    "since 2013",
    "Xeraco in Valencia",
    "The authorities dismantled",
    "killing 12",
    "France launched strikes against Deir Ezzor",
    "on 19 and 20 September",
]
separators = st.sampled_from([" ", ". ", ", ", "\n\n", ".\n", "; ", " \u00a0", "! ", "\u2019s "])
noise = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=30)
pieces = st.lists(st.one_of(st.sampled_from(FRAGMENTS), noise), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=pieces, seps=st.lists(separators, min_size=12, max_size=12), day=st.dates(date(1990, 1, 1)))
def test_every_span_is_a_slice_of_the_text(parts: list[str], seps: list[str], day: date) -> None:
    text = "".join(part + sep for part, sep in zip(parts, seps, strict=False))
    for mention in extract_events(text, article_id="a", url="u", published_at=day):
        for span in mention.spans():
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text
        if mention.time.start and mention.time.end:
            assert mention.time.start <= mention.time.end
