"""Rules for earlier look-alike actions told as context, handovers to another country, captives
seized by armed men, admissions, statistics periods, denied links, mediating states, one more
defendant at a hearing, and one captive described before the verb.

Every sentence here is our own wording of a general pattern, not a sentence of a labelled set.
"""

from __future__ import annotations

from datetime import date

from tests.unit.extractor.events.records import Reader, quantity

READ = Reader(date(2024, 7, 22))  # a Monday


def test_a_handover_to_another_country_is_a_removal() -> None:
    (event,) = READ.events(
        "Belgian police handed over to France on Monday a 29-year-old man wanted for terrorism."
    )
    assert event.subtype == "extradition_deportation"
    assert quantity(event, "other") == 1
    assert {a.country for a in event.actors} == {"BEL"}


def test_a_person_seized_by_armed_men_is_abducted() -> None:
    (event,) = READ.events("A French engineer was seized by armed men outside a hotel in Agadez on Friday.")
    assert event.subtype == "abduction"


def test_the_day_a_force_admitted_something_is_not_the_day_of_the_action() -> None:
    (event,) = READ.events(
        "A military drone strike aimed at bandits killed at least 30 villagers attending a wedding in the "
        "village of Gidan Bako, Sokoto State, on Saturday night, the army admitted on Monday."
    )
    assert str(event.time.start) == "2024-07-20"


def test_a_count_over_the_twelve_months_to_a_month_is_a_total() -> None:
    found = READ.records(
        "In the 12 months to March, 180 people were arrested for terrorism offences in Britain."
    )
    assert found and all(m.record_kind == "aggregate" for m in found)


def test_an_action_dated_by_an_earlier_month_beside_news_of_the_day_is_context() -> None:
    found = READ.records(
        "Police arrested a man in Leeds on Thursday. In March, two men were arrested in Leeds."
    )
    assert [m.record_kind for m in found] == ["event", "background"]


def test_last_months_action_beside_news_of_the_day_is_still_news() -> None:
    found = READ.records(
        "Police arrested a man in Leeds on 18 July. In June, two men were arrested in Leeds."
    )
    assert [m.record_kind for m in found] == ["event", "event"]


def test_a_denied_link_to_an_action_still_reports_that_action() -> None:
    found = READ.records(
        "Police arrested a man in Leeds on Thursday; officers said the arrest was not linked to the "
        "arrest of a woman in Bradford in April."
    )
    assert [(m.record_kind, [s.name for s in m.sites]) for m in found] == [
        ("event", ["Leeds"]),
        ("background", ["Bradford"]),
    ]


def test_a_state_that_mediated_is_no_place_and_one_captive_described_before_the_verb_is_freed() -> None:
    found = READ.records(
        "A British nurse kidnapped in Kano in March was released on Saturday after talks mediated by Qatar, "
        "officials said."
    )
    release = next(m for m in found if m.subtype == "release")
    assert release.record_kind == "event"
    assert release.sites == []
    assert quantity(release, "other") == 1
    assert [m.record_kind for m in found if m.subtype == "abduction"] == ["background"]


def test_one_more_defendant_sentenced_at_the_same_hearing_is_counted() -> None:
    (event,) = READ.events(
        "A court in Rabat sentenced two men to ten years in prison on Wednesday. A third defendant was "
        "sentenced in absentia to 15 years."
    )
    assert quantity(event, "other") == 3
