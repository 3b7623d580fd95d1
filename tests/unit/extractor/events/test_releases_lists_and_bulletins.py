"""Rules for running totals joined by "and", people described by a participle, releases of the
people taken before, weekdays that name a gathering, lists of counts "respectively", captures in a
fight, provinces that locate a town, and weekly bulletins.

Every sentence here is our own wording of a general pattern, not a sentence of a labelled set.
"""

from __future__ import annotations

from datetime import date

from tests.unit.extractor.events.records import Reader, of_subtype, quantity

READ = Reader(date(2024, 7, 22))  # a Monday


def test_a_running_total_joined_by_and_is_its_own_clause() -> None:
    found = READ.records(
        "Spanish police dismantled a cell in Ceuta on Thursday, arresting two more suspects and bringing to "
        "seven the number held this month."
    )
    assert [m.record_kind for m in found] == ["event", "aggregate"]
    assert quantity(found[0], "arrested") == 2


def test_one_person_described_before_a_passive_arrest_is_counted() -> None:
    (event,) = READ.events(
        "A Tunisian man suspected of recruiting for the Islamic State was stopped at the border near Irun on "
        "Tuesday and placed in custody."
    )
    assert quantity(event, "arrested") == 1
    assert [(s.name, s.count) for s in event.sites] == [("Irun", 1)]


def test_the_arrest_of_one_person_counts_one() -> None:
    (event,) = READ.events("The ministry announced the arrest of a 30-year-old man in Oujda on Monday.")
    assert quantity(event, "arrested") == 1


def test_victims_regaining_their_freedom_is_a_release() -> None:
    found = READ.events(
        "The victims regained their freedom on Friday after two weeks in captivity, police said."
    )
    assert [m.subtype for m in found] == ["release"]
    assert str(found[0].time.start) == "2024-07-19"


def test_taking_people_into_the_bush_is_an_abduction() -> None:
    (event,) = READ.events(
        "Bandits stormed a village near Gusau on Tuesday, killing two farmers and taking the others into the "
        "bush."
    )
    assert event.subtype == "abduction"
    assert quantity(event, "killed") == 2


def test_a_weekday_naming_a_gathering_is_no_date() -> None:
    (event,) = READ.events(
        "Gunmen attacked the mosque during a Friday prayer on July 5, killing three worshippers."
    )
    assert str(event.time.start) == "2024-07-05"


def test_the_time_and_count_after_a_participle_describing_people_are_its_own() -> None:
    found = READ.events(
        "Thirty passengers abducted on a highway in Kaduna State last month have regained their freedom, "
        "police said on Monday."
    )
    release, abduction = of_subtype(found, "release"), of_subtype(found, "abduction")
    assert release.time.precision == "day"
    assert abduction.time.precision == "month"
    assert quantity(abduction, "other") == 30


def test_the_time_in_a_relative_clause_is_its_verbs_and_a_release_frees_the_people_taken() -> None:
    found = READ.events(
        "Gunmen who abducted 12 traders near Gusau on 3 May have freed them, the governor said on Friday."
    )
    release, abduction = of_subtype(found, "release"), of_subtype(found, "abduction")
    assert str(abduction.time.start) == "2024-05-03"
    assert str(release.time.start) == "2024-07-19"
    assert quantity(release, "other") == 12


def test_counts_respectively_go_to_the_towns_of_an_appositive_list() -> None:
    (event,) = READ.events(
        "Militants attacked two posts in Lower Shabelle on Sunday, at Dhaanaane and Sabiid, killing five and "
        "three soldiers respectively."
    )
    assert {(s.name, s.country, s.count) for s in event.sites} == {
        ("Dhaanaane", "SOM", 5),
        ("Sabiid", "SOM", 3),
    }
    assert quantity(event, "killed") == 8


def test_a_capture_in_the_same_fight_as_a_killing_is_part_of_it() -> None:
    found = READ.events(
        "Soldiers killed three militants and captured two others near Gao on Monday, the army said."
    )
    assert [(m.subtype, quantity(m, "killed")) for m in found] == [("other", 3)]


def test_a_province_after_a_town_only_locates_it() -> None:
    (event,) = READ.events("Troops killed two terrorists near Collo, in the province of Skikda, on Friday.")
    assert [s.name for s in event.sites] == ["Collo"]


def test_a_count_across_the_country_in_the_past_week_is_a_total() -> None:
    found = READ.records(
        "Some 20 suspects had been arrested across the country in the past week, the bulletin said."
    )
    assert found and all(m.record_kind == "aggregate" for m in found)
