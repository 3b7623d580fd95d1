"""Rules for counts told many ways: "in and around", "the rest", counts "respectively" in a clause
of their own, a colon before per-village counts, "the other two", a separate clash in a "while"
clause, and a man and his brother in two towns.

Every sentence here is our own wording of a general pattern, not a sentence of a labelled set.
"""

from __future__ import annotations

from datetime import date

from tests.unit.extractor.events.records import Reader, quantity, site_counts

READ = Reader(date(2024, 5, 22))  # a Wednesday


def test_a_count_in_and_around_a_city_is_the_areas_and_the_city_itself_has_its_own() -> None:
    (event,) = READ.events(
        "Police arrested 11 people in and around Lyon on Tuesday, seven of them in the city itself and the "
        "rest in Villeurbanne and Vienne."
    )
    assert site_counts(event) == {"Lyon": 7, "Villeurbanne": None, "Vienne": None}
    assert quantity(event, "arrested") == 11


def test_counts_respectively_in_their_own_clause_go_to_the_places_before_them() -> None:
    (event,) = READ.events(
        "A total of 9 suspects were detained on Tuesday in raids in the provinces of Valencia and Alicante, "
        "six and three respectively, in an operation against a financing network."
    )
    assert site_counts(event) == {"Valencia": 6, "Alicante": 3}
    assert quantity(event, "arrested") == 9


def test_per_village_counts_after_a_colon_and_an_unknown_village_where_people_died() -> None:
    (event,) = READ.events(
        "Gunmen killed at least 17 people in attacks on two villages in western Niger on Sunday, officials "
        "said: 12 died in Bangare and five in Tera."
    )
    assert site_counts(event) == {"Bangare": 12, "Téra": 5}


def test_the_other_two_after_a_count_are_two() -> None:
    (event,) = READ.events(
        "Police detained six people on Tuesday. Four of the arrests were made in Liege, the other two in "
        "Namur."
    )
    assert site_counts(event) == {"Liège": 4, "Namur": 2}


def test_a_separate_clash_told_in_a_while_clause_is_not_part_of_the_record() -> None:
    (strike,) = [
        m
        for m in READ.events(
            "Some 25 militants were killed in air strikes on hideouts near Kidal on Monday, the Malian army "
            "said, while two civilians died in a separate clash near Gao."
        )
        if m.subtype == "airstrike"
    ]
    assert quantity(strike, "killed") == 25
    assert "Gao" not in site_counts(strike)


def test_a_man_and_his_brother_in_two_towns_are_two_people_one_in_each() -> None:
    (event,) = READ.events("Police arrested a man in Malaga and his brother in Granada on Friday.")
    assert quantity(event, "arrested") == 2
    assert site_counts(event) == {"Málaga": 1, "Granada": 1}
