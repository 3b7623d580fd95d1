"""Rules for unknown settlements named before their kind, shells that land, an ambush that is how
troops killed, what a rescue recovers, and court participles inside a removal's object.

Every sentence here is our own wording of a general pattern, not a sentence of a labelled set.
"""

from __future__ import annotations

from datetime import date

from tests.unit.extractor.events.records import Reader, quantity

READ = Reader(date(2024, 6, 17))  # a Monday


def test_an_unknown_name_before_village_is_a_place_located_by_its_state() -> None:
    (event,) = READ.events(
        "Gunmen killed nine farmers in Dan Kade village, Zamfara State, on Sunday, officials said."
    )
    assert [(s.name, s.country, s.count) for s in event.sites] == [("Dan Kade", "NGA", 9)]


def test_mortar_shells_that_landed_near_a_place_are_an_attack() -> None:
    (event,) = READ.events(
        "Several mortar shells fired by al-Shabaab fighters landed near the port of Kismayo on Sunday "
        "evening, wounding three people, police said."
    )
    assert event.subtype == "attack"
    assert quantity(event, "injured") == 3


def test_an_ambush_by_troops_who_neutralised_fighters_is_part_of_their_action() -> None:
    found = READ.events(
        "Troops on Friday neutralised nine terrorists in an ambush near Bama, Borno State, the army said."
    )
    assert [(m.subtype, quantity(m, "killed")) for m in found] == [("other", 9)]


def test_what_a_rescue_recovered_is_part_of_the_rescue() -> None:
    found = READ.events(
        "Soldiers rescued five kidnapped farmers near Bama on Friday and recovered two rifles, the army said."
    )
    assert [m.subtype for m in found] == ["release"]


def test_a_court_participle_describing_the_people_removed_takes_only_its_charge() -> None:
    found = READ.events(
        "France deported 15 Algerian men convicted of terrorism offences to Algiers on Friday, the ministry "
        "said."
    )
    (removal,) = [m for m in found if m.subtype == "extradition_deportation"]
    assert "Algiers" in {s.name for s in removal.sites}
    assert str(removal.time.start) == "2024-06-14"
    assert [m.subtype for m in found] == ["extradition_deportation"]
