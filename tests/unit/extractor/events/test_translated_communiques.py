"""Rules for the phrasing of translated communiqués and agency copy: "proceeded to the arrest",
"decreed his entry into provisional prison", "executed a custody order against", "a takfiri
element", "has had ... arrested", weekly bulletins, searches then people "deprived of their
liberty", a court's number, and a country owning an agency.

Every sentence here is our own wording of a general pattern, not a sentence of a labelled set.
"""

from __future__ import annotations

from datetime import date

from tests.unit.extractor.events.records import Reader, quantity

READ = Reader(date(2024, 10, 10))  # a Thursday


def test_proceeding_to_the_arrest_in_a_town_of_a_man_is_one_arrest_there() -> None:
    (event,) = READ.events(
        "Agents of the National Police, together with Morocco's DGST, have proceeded to the arrest in Malaga "
        "of a man of Algerian nationality, aged 41."
    )
    assert event.subtype == "arrest"
    assert [(s.name, s.count) for s in event.sites] == [("Málaga", 1)]
    assert quantity(event, "arrested") == 1


def test_a_judge_decreeing_entry_into_provisional_prison_remands_one_person() -> None:
    found = READ.events(
        "The detainee was brought before Central Court of Instruction number 3 of the National Court, which "
        "decreed his entry into provisional prison."
    )
    (remand,) = [m for m in found if "remand" in m.modes]
    assert quantity(remand, "other") == 1


def test_executing_a_custody_order_against_a_person_is_an_arrest_not_a_comparison() -> None:
    (event,) = READ.events(
        "The Digos of Genoa yesterday executed a precautionary custody order against a 19-year-old resident "
        "in the city."
    )
    assert (event.record_kind, event.subtype) == ("event", "arrest")
    assert str(event.time.start) == "2024-10-09"


def test_a_bulletins_week_across_the_national_territory_is_a_total_and_its_dated_arrest_an_event() -> None:
    found = READ.records(
        "Army detachments arrested nine support elements of terrorist groups during operations carried out "
        "from 1 to 7 October across the national territory, the bulletin said. A detachment arrested a "
        "terrorist in Adrar on 5 October."
    )
    assert [m.record_kind for m in found] == ["aggregate", "event"]
    assert quantity(found[1], "arrested") == 1


def test_a_day_between_the_verb_and_one_element_still_counts_one() -> None:
    (event,) = READ.events(
        "National Guard units in Kairouan arrested on Monday a takfiri element wanted by the courts."
    )
    assert quantity(event, "arrested") == 1


def test_a_prosecutor_who_had_a_national_arrested_had_one_person_arrested() -> None:
    (event,) = READ.events(
        "The Federal Prosecutor General has had the Iraqi national Karim B. arrested in Hamburg on 8 October."
    )
    assert quantity(event, "arrested") == 1
    assert [(s.name, s.count) for s in event.sites] == [("Hamburg", 1)]


def test_searches_then_people_deprived_of_their_liberty_are_one_arrest_with_the_searches_day_and_place() -> (
    None
):
    found = READ.events(
        "On Monday 7 October, four house searches were carried out in the judicial district of Namur. Two "
        "persons were deprived of their liberty. The second person was released after questioning."
    )
    arrest = next(m for m in found if m.subtype == "arrest")
    assert [(s.name, s.count) for s in arrest.sites] == [("Namur", 2)]
    assert str(arrest.time.start) == "2024-10-07"
    release = next(m for m in found if m.subtype == "release")
    assert quantity(release, "other") == 1


def test_a_man_aged_so_many_placed_under_formal_investigation_is_one_defendant() -> None:
    (event,) = READ.events(
        "A man aged 31 was placed under formal investigation on Sunday for terrorist conspiracy."
    )
    assert event.subtype == "charge_indict"
    assert quantity(event, "other") == 1
