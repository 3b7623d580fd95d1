"""Rules for an action numbered in a series, totals over a part of the year, actions someone spoke
of, towns inside a region, phrases after a subordinate comma, districts, landmarks, removals
without a named sender, and actions set beside each other by their time.

Every sentence here is our own wording of a general pattern, not a sentence of a labelled set.
"""

from __future__ import annotations

from datetime import date

from tests.unit.extractor.events.records import Reader, quantity

READ = Reader(date(2024, 3, 8))


def test_an_action_numbered_in_a_series_over_a_period_is_a_running_total() -> None:
    found = READ.records(
        "Police arrested a 31-year-old man in Murcia on Tuesday. It was the fourth terrorism arrest in "
        "the region this month."
    )
    assert [m.record_kind for m in found] == ["event", "aggregate"]
    (event,) = [m for m in found if m.record_kind == "event"]
    assert [s.name for s in event.sites] == ["Murcia"]


def test_deaths_over_the_first_half_of_a_year_are_a_total() -> None:
    found = READ.records("Over 500 people were killed in attacks in Mali in the first half of the year.")
    assert found and all(m.record_kind == "aggregate" for m in found)


def test_deaths_over_the_past_year_are_a_total() -> None:
    found = READ.records("At least 60 soldiers were killed in ambushes in the region in the past year.")
    assert found and all(m.record_kind == "aggregate" for m in found)


def test_an_attack_someone_praised_is_a_reference_not_a_report() -> None:
    found = READ.records(
        "A man was arrested in Essen on Monday for praising the knife attack in Solingen on social media."
    )
    assert [(m.record_kind, m.subtype) for m in found] == [("event", "arrest"), ("background", "attack")]


def test_a_region_around_the_towns_of_the_operation_is_its_area_and_its_count_the_total() -> None:
    (event,) = READ.events(
        "Police detained five people in a sweep across Andalusia on Tuesday. Three of them were held in "
        "Cordoba, the others in Jaen and Granada, officers said."
    )
    assert {s.name: s.count for s in event.sites} == {"Córdoba": 3, "Jaén": None, "Granada": None}
    assert quantity(event, "arrested") == 5


def test_places_before_a_subordinate_comma_belong_to_the_verb_before_them() -> None:
    (event,) = READ.events(
        "They had been arrested on Monday by officers of the General Directorate for Internal Security "
        "(DGSI), two in Lyon and one in Grenoble, as part of an inquiry opened in June."
    )
    assert {s.name: s.count for s in event.sites} == {"Lyon": 2, "Grenoble": 1}
    assert quantity(event, "arrested") == 3


def test_beheading_people_kills_them_and_a_district_word_is_not_part_of_the_name() -> None:
    (event,) = READ.events(
        "In Mozambique, insurgents beheaded five villagers in Mueda district on Sunday, local officials said."
    )
    assert quantity(event, "killed") == 5
    assert {s.name: s.count for s in event.sites} == {"Mueda": 5}


def test_a_district_is_part_of_the_province_the_record_names() -> None:
    # the gazetteer's Ezzouhour is a town near Sousse: a district's name is often a town's elsewhere
    (event,) = READ.events(
        "The National Guard dismantled a three-member cell in the governorate of Sidi Bouzid on Friday, "
        "the ministry said. The suspects were rounded up in a raid on the Ezzouhour district."
    )
    assert {s.name: s.count for s in event.sites} == {"Sidi Bouzid": 3}


def test_the_day_an_action_took_place_wins_over_the_day_it_was_made_public() -> None:
    (event,) = READ.events(
        "A man was arrested in Malaga in an operation that the Interior Ministry made public on Thursday. "
        "The arrest took place on Monday, 4 March, police said."
    )
    assert str(event.time.start) == "2024-03-04"


def test_people_removed_to_their_country_do_not_make_it_the_sender() -> None:
    (event,) = READ.events(
        "MADRID, March 8 (Iberwire) - Two Algerian men were deported to Algiers on Friday on the orders of "
        "the Interior Minister."
    )
    assert event.subtype == "extradition_deportation"
    assert {a.country for a in event.actors} == {"ESP"}


def test_people_placed_together_under_arrest_warrant_are_counted() -> None:
    found = READ.events("An investigating judge in Liege placed all three under arrest warrant on Saturday.")
    (step,) = [m for m in found if m.record_kind == "event"]
    assert quantity(step, "other") == 3


def test_an_action_on_the_same_day_as_another_is_its_own_record() -> None:
    found = Reader(date(2024, 3, 6)).events(
        "Gunmen kidnapped two engineers at a gold mine near Kayes in western Mali on Monday. It came on the "
        "same day as attacks by JNIM on army posts in Nioro and Kayes."
    )
    assert sorted(m.subtype for m in found) == ["abduction", "attack"]
    (attack,) = [m for m in found if m.subtype == "attack"]
    assert "Nioro" in {s.name for s in attack.sites}


def test_attackers_killed_by_troops_are_not_the_attacks_dead() -> None:
    found = Reader(date(2024, 3, 6)).events(
        "Jihadists attacked army posts in Nioro and Kayes on Monday. The army said it had killed more than "
        "40 of the assailants."
    )
    (attack,) = [m for m in found if m.subtype == "attack"]
    assert quantity(attack, "killed") is None


def test_the_outlet_of_an_undated_dateline_is_no_place() -> None:
    (event,) = Reader(date(2024, 3, 5)).events(
        "NIAMEY (Sahel Daily) - Gunmen attacked a village near Ouallam on Sunday, killing 14 people."
    )
    assert {s.name for s in event.sites} == {"Ouallam"}


def test_a_military_post_at_an_unknown_place_is_the_site() -> None:
    (event,) = Reader(date(2024, 3, 5)).events(
        "Militants attacked an army post at Tabarey in western Niger's Tillaberi region on Friday, killing "
        "ten soldiers."
    )
    assert [(s.name, s.country, s.count) for s in event.sites] == [("Tabarey", "NER", 10)]


def test_a_misspelling_match_abroad_gives_way_to_the_landmark() -> None:
    (event,) = Reader(date(2024, 3, 6)).events(
        "Armed men abducted two Indian engineers at Diboli, near Kayes in western Mali, on Monday, India's "
        "embassy said."
    )
    (site,) = event.sites
    assert (site.name, site.country, site.resolution) == ("Diboli", "MLI", "contained")
