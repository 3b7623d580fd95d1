"""Rules for distributive counts, references back, ideas that are not actions and unknown places.

Every sentence here is our own wording of a general pattern, not a sentence of a labelled set.
"""

from __future__ import annotations

from datetime import date

from schemas.events import EventMention
from services.extractor.events.assemble import EventExtractor, extract_events


def records(text: str, published: date = date(2024, 4, 10)) -> list[EventMention]:
    return extract_events(text, article_id="a", url="u", published_at=published)


def only_event(text: str, published: date = date(2024, 4, 10)) -> EventMention:
    (event,) = [m for m in records(text, published) if m.record_kind == "event"]
    return event


def site_counts(event: EventMention) -> dict[str, int | None]:
    return {s.name: s.count for s in event.sites}


def quantity(event: EventMention, kind: str) -> int | None:
    return next((q.value for q in event.quantities if q.kind == kind), None)


def test_one_each_in_gives_the_places_after_it_one_person_each_and_the_sum_is_the_total() -> None:
    event = only_event(
        "Officers detained three men in Valencia and one each in Murcia and Cartagena on Monday."
    )
    assert site_counts(event) == {"Valencia": 3, "Murcia": 1, "Cartagena": 1}
    assert quantity(event, "arrested") == 5


def test_one_in_each_city_gives_every_listed_place_one_person() -> None:
    event = only_event(
        "Police detained four men on Monday in Lyon, Grenoble, Nice and Toulon, one in each city."
    )
    assert site_counts(event) == {"Lyon": 1, "Grenoble": 1, "Nice": 1, "Toulon": 1}
    assert quantity(event, "arrested") == 4


def test_a_next_sentence_that_distributes_the_people_counts_the_places_before_it() -> None:
    event = only_event(
        "Two women were arrested on Tuesday in Vigo and Lugo by the Guardia Civil. "
        "One woman was held in each town, a spokesman said."
    )
    assert site_counts(event) == {"Vigo": 1, "Lugo": 1}


def test_a_definite_subject_with_an_aside_continues_the_lede_and_its_region_is_no_site() -> None:
    event = only_event(
        "Police in Andalusia have arrested two men suspected of recruiting for the Islamic State. "
        "The suspects, a 30-year-old baker and a 19-year-old student, were detained on Monday in Seville "
        "and Malaga, one in each city."
    )
    assert site_counts(event) == {"Sevilla": 1, "Málaga": 1}  # the gazetteer's names
    assert quantity(event, "arrested") == 2


def test_what_an_operation_led_to_happened_and_the_places_of_the_wider_operation_are_sites() -> None:
    event = only_event(
        "Two men were held in Oran on Monday, as part of an operation that also led to arrests in Tlemcen."
    )
    assert event.factuality in ("asserted", "reported")
    assert site_counts(event) == {"Oran": 2, "Tlemcen": None}


def test_an_attack_discussed_or_considered_is_an_idea_not_an_attack() -> None:
    extractor = EventExtractor()
    assert "attack" not in extractor.detect("The men had discussed attacking a stadium with knives.")
    assert "abduction" not in extractor.detect("She considered kidnapping a diplomat for ransom.")


def test_the_people_a_passive_verb_frees_may_stand_far_before_it() -> None:
    event = only_event(
        "Twenty farm workers seized from a plantation near Maiduguri, in Nigeria's Borno state, "
        "have been freed, officials said on Tuesday.",
        published=date(2024, 4, 10),
    )
    assert event.subtype == "release"
    assert event.record_kind == "event"  # "in Nigeria's Borno state" is no count across Nigeria


def test_an_aircraft_that_struck_is_an_airstrike_and_a_day_told_later_narrows_the_weekend() -> None:
    event = only_event(
        "Malian drones struck a militant base near Douentza at the weekend, the army said on Tuesday. "
        "The strike, carried out on Sunday, killed 12 fighters.",
        published=date(2024, 4, 9),
    )
    assert event.subtype == "airstrike"
    assert event.time is not None
    assert (event.time.start, event.time.end) == (date(2024, 4, 7), date(2024, 4, 7))


def test_a_court_that_sentences_one_man_has_one_defendant() -> None:
    event = only_event(
        "A court in Rabat on Monday sentenced a 30-year-old man to six years in prison for terrorism."
    )
    assert event.subtype == "conviction_sentence"
    assert quantity(event, "other") == 1


def test_a_date_inside_a_relative_clause_is_the_clauses_action() -> None:
    found = records(
        "The woman, who was detained by police in Toulouse in March 2022, admitted during the hearing "
        "that she had sent money to the group."
    )
    assert [m.record_kind for m in found if m.subtype == "arrest"] == ["background"]


def test_a_country_naming_whose_drones_is_no_site_and_an_unknown_village_takes_the_dateline_country() -> None:
    event = only_event(
        "BAMAKO - United States drones struck militants near Wadabirri on Friday, killing four, "
        "officials said."
    )
    assert [(s.name, s.country) for s in event.sites] == [("Wadabirri", "MLI")]


def test_a_foreign_citys_alternate_name_is_not_taken_for_a_village_of_the_storys_country() -> None:
    event = only_event(
        "BAMAKO - Soldiers killed 15 militants near Boni in central Mali on Sunday, the army said."
    )
    assert all(s.country == "MLI" for s in event.sites)


def test_a_fourth_in_counts_one_after_counts_before_it() -> None:
    event = only_event("Police detained two men in Granada, one in Jaen and a fourth in Ceuta on Friday.")
    assert site_counts(event) == {"Granada": 2, "Jaén": 1, "Ceuta": 1}
    assert quantity(event, "arrested") == 4


def test_the_number_of_people_detained_rising_is_a_total_not_part_of_the_operation() -> None:
    found = records(
        "Police arrested two men in Girona on Monday. "
        "With these arrests, the number of people detained for terrorism this year rises to 40."
    )
    (event,) = [m for m in found if m.record_kind == "event"]
    assert "rises to 40" not in " ".join(e.text for e in event.evidence)
    assert any(m.record_kind == "aggregate" for m in found)


def test_people_abducted_after_a_lede_of_killings_are_part_of_the_attack() -> None:
    killed = only_event("Gunmen killed 12 villagers in Bakori on Friday. Several women were abducted.")
    assert killed.subtype == "attack"
    raided = only_event("Gunmen raided a school in Bakori on Friday. Forty pupils were abducted.")
    assert raided.subtype == "abduction"


def test_a_gapped_count_names_an_unknown_place() -> None:
    event = only_event(
        "Gunmen killed 13 people in Nigeria's Zamfara state on Sunday. "
        "Nine were killed in Gidan Kare and four in Dan Marke, police said."
    )
    assert site_counts(event) == {"Gidan Kare": 9, "Dan Marke": 4}


def test_when_the_news_is_a_charge_an_arrest_months_before_is_its_past() -> None:
    found = records(
        "Prosecutors have charged a 25-year-old man with planning an attack. "
        "He was arrested in Cologne in early March.",
        published=date(2024, 6, 20),
    )
    assert {m.subtype: m.record_kind for m in found} == {"charge_indict": "event", "arrest": "background"}


def test_a_digest_of_arrests_weeks_apart_reports_each_of_them() -> None:
    found = records(
        "Police arrested two men in Lyon on 2 May. On 20 June, officers detained a woman in Lille.",
        published=date(2024, 6, 21),
    )
    assert [m.record_kind for m in found if m.subtype == "arrest"] == ["event", "event"]


def test_the_others_counted_apart_are_people() -> None:
    found = records(
        "Two suspects were held in Sousse on Wednesday. "
        "The five others were arrested on Monday in Tunis and Sfax."
    )
    tunis = next(m for m in found if any(s.name == "Tunis" for s in m.sites))
    assert quantity(tunis, "arrested") == 5


def test_where_a_plan_was_aimed_is_no_site() -> None:
    event = only_event("Prosecutors charged a man on Tuesday over a plan to attack a concert in Vienna.")
    assert event.sites == []


def test_a_place_after_the_ages_of_the_people_is_the_arrests() -> None:
    event = only_event("Police arrested two brothers aged 19 and 23 in Oujda on Monday.")
    assert site_counts(event) == {"Oujda": 2}


def test_what_happened_months_before_the_news_is_background() -> None:
    found = records(
        "Police arrested a man in Nador on Thursday. "
        "The arrest comes two months after three men were detained in Oujda."
    )
    kinds = {m.record_kind: [s.name for s in m.sites] for m in found}
    assert kinds == {"event": ["Nador"], "background": ["Oujda"]}


def test_one_person_held_by_a_passive_verb_is_counted_at_the_place_right_after_it() -> None:
    event = only_event(
        "A 30-year-old man was arrested in Oujda on Monday in a raid that also targeted homes in Berkane."
    )
    assert site_counts(event)["Oujda"] == 1


def test_the_dead_counted_apart_in_one_list_are_added() -> None:
    event = only_event(
        "Gunmen killed 7 police officers and at least 9 villagers in an attack on Kaya on Monday."
    )
    assert quantity(event, "killed") == 16


def test_one_person_described_by_an_aside_then_arrested_is_one_arrest() -> None:
    found = records(
        "A judge on Thursday ordered a woman held pending trial. "
        "The woman, a French national of Algerian origin, had been arrested on Monday in Lille."
    )
    arrest = next(m for m in found if m.subtype == "arrest")
    assert quantity(arrest, "arrested") == 1


def test_prosecutors_who_have_charged_several_people_report_one_step_not_a_total() -> None:
    found = records("Prosecutors have charged three men with supplying weapons to be hidden in Europe.")
    assert [(m.record_kind, m.subtype) for m in found] == [("event", "charge_indict")]


def test_what_a_plans_means_were_for_is_no_attack() -> None:
    found = records(
        "Two men were charged with terrorism offences on Friday over a plan to buy rifles "
        "for attacks on synagogues."
    )
    assert [m.subtype for m in found if m.record_kind == "event"] == ["charge_indict"]


def test_a_court_step_happens_where_the_court_sits() -> None:
    event = only_event(
        "A Tunis appeals court on Friday upheld the convictions of 11 people over the 2015 attack on a "
        "seaside hotel near Sousse, sentencing four of them to life in prison and the others to terms of "
        "between one and 12 years, the prosecution said."
    )
    assert [s.name for s in event.sites] == ["Tunis"]


def test_an_agency_of_no_stated_country_is_of_the_country_the_story_was_filed_from() -> None:
    event = only_event(
        "BRUSSELS - The federal prosecutor's office has charged two men with preparing an attack. "
        "Both had lived in France, and French police had questioned them in France in May."
    )
    assert {a.country for a in event.actors} == {"BEL"}
