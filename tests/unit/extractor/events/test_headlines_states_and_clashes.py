"""Rules for a headline that extraction left on the first line, states named like countries, local
government areas, militants killed in a clash with state forces, and one more person of a fight.

Every sentence here is our own wording of a general pattern, not a sentence of a labelled set.
"""

from __future__ import annotations

from datetime import date

from tests.unit.extractor.events.records import Reader

READ = Reader(date(2024, 9, 13))  # a Friday


def test_a_village_of_a_local_area_of_a_state_named_like_a_country_is_in_the_states_country() -> None:
    (event,) = READ.events(
        "Bandits attacked the village of Gidan Waya in Mariga local government area of Niger State on "
        "Monday, killing three herders."
    )
    assert [(s.name, s.country, s.count) for s in event.sites] == [("Gidan Waya", "NGA", 3)]


def test_a_headline_on_the_first_line_is_a_heading_and_the_dateline_after_it_is_read() -> None:
    (event,) = READ.events(
        "Two militants killed near Kasserine TUNIS, Sept 13 - National Guard units killed two militants "
        "near Kasserine on Thursday.",
        title="Two militants killed near Kasserine",
    )
    assert [s.name for s in event.sites] == ["Kasserine"]
    assert str(event.time.start) == "2024-09-12"


def test_militants_killed_in_a_clash_with_soldiers_is_a_military_action() -> None:
    (event,) = READ.events(
        "Three jihadists were killed in a clash with soldiers near Gao on Friday, the army said."
    )
    assert (event.subtype, event.event_type) == ("other", "ASSAULT")
    assert "military" in event.modes


def test_one_more_person_arrested_after_a_fight_is_part_of_it() -> None:
    found = READ.events(
        "Soldiers killed two militants near Gao on Friday. A third was arrested, the army said."
    )
    assert [m.subtype for m in found] == ["other"]
