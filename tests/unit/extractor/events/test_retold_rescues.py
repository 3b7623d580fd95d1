"""Rules of batch 22: a rescue named again with its own day, and people seized from their homes.

Every sentence here is our own wording of a general pattern, not a sentence of a labelled set.
"""

from __future__ import annotations

from datetime import date

from tests.unit.extractor.events.records import Reader

READ = Reader(date(2025, 4, 10))  # a Thursday


def test_the_rescue_told_again_with_its_day_and_place_dates_and_places_the_release() -> None:
    (event,) = READ.events(
        "Soldiers rescued 14 hostages held by bandits in Katsina State, the army said on Thursday. The "
        "rescue took place on Tuesday in a forest near Jibia."
    )
    assert event.subtype == "release"
    assert str(event.time.start) == "2025-04-08"
    assert "Jibia" in {s.name for s in event.sites}


def test_people_seized_from_their_homes_were_abducted() -> None:
    (event,) = READ.events("Twelve farmers were seized from their homes in Gusau on 3 April, residents said.")
    assert event.subtype == "abduction"
