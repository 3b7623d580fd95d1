"""Offset-preserving resolvers for event records: counts and time expressions (issue 5, in progress)."""

from __future__ import annotations

from datetime import date

import pytest

from services.extractor.events.numbers import find_numbers, word_value
from services.extractor.events.timex import find_times


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("authorities arrested 10 suspects with links", [(10, None, None, False, "10", "suspects")]),
        ("Composed of three elements operating in Spain", [(3, None, None, False, "three", "elements")]),
        ("the five-member terror cell", [(5, None, None, False, "five-member", "member")]),
        ("there are 1,631 Moroccan fighters in Syria", [(1631, None, None, False, "1,631", "fighters")]),
        ("between 800 and 1000 for the French", [(None, 800, 1000, False, "between 800 and 1000", "for")]),
        ("and 1200-1400 for Moroccans", [(None, 1200, 1400, False, "1200-1400", "moroccans")]),
        ("killing about three dozen people", [(36, None, None, True, "about three dozen", "people")]),
        ("twenty-seven jihadist cells", [(27, None, None, False, "twenty-seven", "cells")]),
        ("a dozen suspects", [(12, None, None, False, "a dozen", "suspects")]),
        ("eight jihadist cells were dismantled", [(8, None, None, False, "eight", "cells")]),
    ],
)
def test_counts_with_their_spans_and_units(text: str, expected: list[tuple[object, ...]]) -> None:
    found = find_numbers(text)
    assert [(n.value, n.min, n.max, n.approx, n.text, n.unit) for n in found] == expected
    assert all(text[n.start : n.end] == n.text for n in found)


@pytest.mark.parametrize(
    "text",
    [
        "In February 2024, a Moroccan citizen was arrested",  # a year, not a count
        "the May 16, 2003 attacks",
        "on 19 and 20 September",  # days of the month
        "On September 27th the strikes began",
        "operations lasted from 5.30-9 a.m. local time [0330-0700 GMT]",  # clock times
        "since 2013, and in the years 2014-2016",
    ],
)
def test_years_days_and_clock_times_are_not_counts(text: str) -> None:
    assert find_numbers(text) == []


def test_word_values() -> None:
    assert [word_value(w) for w in ("three", "Twenty-Seven", "1,631", "a dozen", "two dozen", "banana")] == [
        3,
        27,
        1631,
        12,
        24,
        None,
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a weekday is the most recent one on or before publication (pub 2023-01-27 is a Friday)
        (
            "succeeded, on Wednesday, in a joint operation",
            date(2023, 1, 27),
            ("on Wednesday", "2023-01-25", "2023-01-25", "day", "publication_date"),
        ),
        (
            "arrests on Wednesday",
            date(2015, 10, 7),
            ("on Wednesday", "2015-10-07", "2015-10-07", "day", "publication_date"),
        ),
        (
            "last Wednesday",
            date(2015, 10, 7),
            ("last Wednesday", "2015-09-30", "2015-09-30", "day", "publication_date"),
        ),
        (
            "On Sunday police arrested",
            date(2015, 10, 7),
            ("On Sunday", "2015-10-04", "2015-10-04", "day", "publication_date"),
        ),
        (
            "last July the minister said",
            date(2015, 9, 3),
            ("last July", "2015-07-01", "2015-07-31", "month", "publication_date"),
        ),
        (
            "In November, four were arrested",
            date(2024, 4, 10),
            ("In November", "2023-11-01", "2023-11-30", "month", "publication_date"),
        ),
        (
            "In January 2023, a joint operation",
            date(2024, 4, 10),
            ("January 2023", "2023-01-01", "2023-01-31", "month", "explicit"),
        ),
        (
            "since early 2023, a string of arrests",
            date(2024, 4, 10),
            ("early 2023", "2023-01-01", "2023-04-30", "part_of_year", "explicit"),
        ),
        (
            "sealed in Tangier on 19 and 20 September",
            date(2015, 10, 7),
            ("19 and 20 September", "2015-09-19", "2015-09-20", "day", "publication_date"),
        ),
        (
            "By the end of September, Spain had",
            date(2015, 10, 7),
            ("By the end of September", "2015-01-01", "2015-09-30", "part_of_year", "publication_date"),
        ),
        (
            "Back in September the BCIJ displayed",
            date(2015, 10, 7),
            ("Back in September", "2015-09-01", "2015-09-30", "month", "publication_date"),
        ),
        (
            "dismantled between January and May this year",
            date(2015, 8, 27),
            (
                "between January and May this year",
                "2015-01-01",
                "2015-05-31",
                "part_of_year",
                "publication_date",
            ),
        ),
        (
            "the events of May 16, 2003, when",
            date(2015, 8, 27),
            ("May 16, 2003", "2003-05-16", "2003-05-16", "day", "explicit"),
        ),
        (
            "On September 27th, France launched",
            date(2015, 10, 7),
            ("September 27th", "2015-09-27", "2015-09-27", "day", "publication_date"),
        ),
    ],
)
def test_time_expressions_resolve_against_the_publication_date(
    text: str, published: date, expected: tuple[str, str, str, str, str]
) -> None:
    (found,) = find_times(text, published)
    assert (found.text, str(found.start), str(found.end), found.precision, found.anchor) == expected
    assert text[found.span_start : found.span_end] == found.text


def test_anaphoric_shifts_are_anchored_on_the_previous_event() -> None:
    text = "In November, four Moroccans were arrested in Almskad. Three months later, two more were arrested."
    first, second = find_times(text, date(2024, 4, 10))
    assert (str(second.start), str(second.end), second.precision, second.anchor) == (
        "2024-02-01",
        "2024-02-29",
        "month",
        "previous_event",
    )
    assert second.text == "Three months later" and first.end is not None


def test_may_the_verb_and_impossible_dates_are_not_times() -> None:
    assert find_times("He may come back. It may be that 31 February was chosen.", date(2020, 5, 1)) == []
    assert find_times("Three months later nothing happened.", date(2020, 5, 1)) == []  # nothing to anchor on


def test_agencies_and_groups_are_normalised_with_country_and_sector() -> None:
    from services.extractor.events.actors import find_actors

    text = (
        "Morocco's Central Bureau of Judicial Investigation (BCIJ), with the Spanish General Information "
        "Commission, dismantled a cell loyal to Daesh (the Islamic State group); "
        "al-shebab and AQIM were not involved."
    )
    found = [(a.text, a.name, a.country, a.sector) for a in find_actors(text)]
    assert found == [
        (
            "Central Bureau of Judicial Investigation",
            "Central Bureau of Judicial Investigations",
            "MAR",
            "COP",
        ),
        ("BCIJ", "Central Bureau of Judicial Investigations", "MAR", "COP"),
        ("Spanish General Information Commission", "Spanish General Information Commission", "ESP", "COP"),
        ("Daesh", "Islamic State", None, None),
        ("Islamic State group", "Islamic State", None, None),
        ("al-shebab", "al-Shabaab", "SOM", None),  # a group that fights in one country carries it
        ("AQIM", "AQIM", None, None),
    ]
    assert all(text[a.start : a.end] == a.text for a in find_actors(text))


def test_generic_authorities_get_their_country_and_short_acronyms_need_capitals() -> None:
    from services.extractor.events.actors import find_actors

    joint = find_actors("On Sunday Spanish and Moroccan authorities arrested 10 suspects.")
    assert sorted((a.name, a.country) for a in joint) == [
        ("Moroccan authorities", "MAR"),
        ("Spanish authorities", "ESP"),
    ]
    assert find_actors("This is what it is, and it is over.") == []  # "is" is not IS
    assert [a.name for a in find_actors("loyal to IS in Syria")] == ["Islamic State"]
    # an acronym is a whole word: not inside a longer one or a hyphenated name; its spellings agree
    found = find_actors("Backed by GSG-9 and GSG 9, fighters of IS-Somalia, ISIS and IS. THE DGSI SAID")
    assert [(a.text, a.name) for a in found] == [
        ("GSG-9", "GSG 9"),
        ("GSG 9", "GSG 9"),
        ("ISIS", "Islamic State"),
        ("IS", "Islamic State"),
        ("DGSI", "General Directorate for Internal Security"),
    ]
