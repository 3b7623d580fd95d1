"""Rules for look-alike actions told for comparison, people counted by a bare number or an age,
round-ups labelled by country, intervals between two actions, datelines without a date, "the same
day", capitals named by an adjective, facilities named after a small town, and whose authorities
act.

Every sentence here is our own wording of a general pattern, not a sentence of a labelled set.
"""

from __future__ import annotations

from datetime import date

from tests.unit.extractor.events.records import Reader, quantity

READ = Reader(date(2024, 7, 22))  # a Monday


def test_an_action_on_similar_charges_is_a_look_alike_told_for_context() -> None:
    found = READ.records(
        "Police in Bilbao arrested a man on Friday. In May, two men were arrested in Bilbao on similar "
        "charges."
    )
    assert [(m.record_kind, str(m.time.start)) for m in found] == [
        ("event", "2024-07-19"),
        ("background", "2024-05-01"),
    ]


def test_the_arrest_on_a_day_of_one_person_counts_one() -> None:
    (event,) = READ.events("The arrest on Monday of a 17-year-old boy in Fez was announced by the police.")
    assert quantity(event, "arrested") == 1


def test_an_age_alone_stands_for_the_person_charged() -> None:
    (event,) = READ.events("A 19-year-old was charged in Brussels on Friday with terrorist offences.")
    assert event.subtype == "charge_indict"
    assert quantity(event, "other") == 1


def test_a_count_opening_its_sentence_before_its_verb_counts_people() -> None:
    found = READ.events(
        "Police detained four men in Ghent on Thursday. Three were released after questioning."
    )
    release = next(m for m in found if m.subtype == "release")
    assert quantity(release, "other") == 3


def test_paragraphs_labelled_by_country_are_separate_stories() -> None:
    found = READ.events(
        "Spain: Police in Malaga arrested a Moroccan man on Tuesday.\n\n"
        "Italy: A Tunisian was arrested in Bari on Wednesday."
    )
    assert [(m.sites[0].name, m.actors[0].country, quantity(m, "arrested")) for m in found] == [
        ("Málaga", "ESP", 1),
        ("Bari", "ITA", 1),
    ]


def test_an_interval_after_an_earlier_action_dates_it_from_the_later_one() -> None:
    found = READ.events(
        "A man was charged in Paris on Friday with terrorist conspiracy, three days after he was detained by "
        "DGSI officers in Nantes."
    )
    arrest = next(m for m in found if m.subtype == "arrest")
    assert str(arrest.time.start) == "2024-07-16"


def test_the_city_of_an_undated_dateline_gives_an_unknown_village_its_country() -> None:
    (event,) = READ.events(
        "NIAMEY (Sahel Daily) - Gunmen killed nine civilians at the market in Bangoutara on Friday."
    )
    assert [(s.name, s.country, s.count) for s in event.sites] == [("Bangoutara", "NER", 9)]


def test_the_same_day_is_the_day_of_the_action_before_not_of_the_report() -> None:
    found = READ.events(
        "Gunmen killed seven villagers in Ouallam on Saturday, officials said on Monday. In a separate "
        "attack the same day, militants killed four soldiers near Tera. The army said it had killed 20 "
        "militants in air strikes in the area on Sunday."
    )
    attacks = [m for m in found if m.subtype == "attack"]
    assert [str(m.time.start) for m in attacks] == ["2024-07-20", "2024-07-20"]


def test_a_capital_named_by_an_adjective_is_that_capital() -> None:
    (regional,) = READ.events("Officers arrested two men in the Andalusian capital on Wednesday.")
    (national,) = READ.events("Police detained a man in the Moroccan capital on Friday.")
    assert [(s.name, s.count) for s in regional.sites] == [("Sevilla", 2)]
    assert [s.name for s in national.sites] == ["Rabat"]


def test_a_facility_named_after_a_small_town_is_not_that_town() -> None:
    (event,) = READ.events("A man was arrested outside the Duomo metro station in Milan on Friday.")
    assert [s.name for s in event.sites] == ["Milan"]


def test_a_nationality_standing_for_a_person_takes_the_participles_time_and_count() -> None:
    (event,) = READ.events(
        "The 22-year-old Moroccan detained by police officers in the Catalan capital on 14 July had filmed "
        "the station for weeks, investigators said."
    )
    assert str(event.time.start) == "2024-07-14"
    assert quantity(event, "arrested") == 1
    assert [s.name for s in event.sites] == ["Barcelona"]


def test_a_judge_is_of_the_country_named_or_the_storys_towns_not_of_the_defendants_nationality() -> None:
    found = READ.events(
        "Police in Turin arrested a 30-year-old Egyptian on Thursday. A judge on Saturday ordered the "
        "Egyptian held in prison pending trial."
    )
    remand = next(m for m in found if m.subtype == "other")
    assert {a.country for a in remand.actors} == {"ITA"}


def test_an_action_dated_to_the_day_and_called_similar_is_news_of_its_own() -> None:
    found = READ.records("On Monday, police arrested two men in Valencia in a similar operation.")
    assert [m.record_kind for m in found] == ["event"]
