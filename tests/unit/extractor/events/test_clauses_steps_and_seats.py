"""Rules for clauses that tell another action, court steps that follow one another, the forces that
free captives, places given by a distance, and totals over a recent period.

Every sentence here is our own wording of a general pattern, not a sentence of a labelled set.
"""

from __future__ import annotations

from datetime import date

from schemas.events import EventMention
from services.extractor.events.assemble import extract_events


def records(text: str, published: date = date(2024, 5, 20)) -> list[EventMention]:
    return extract_events(text, article_id="a", url="u", published_at=published)


def events(text: str, published: date = date(2024, 5, 20)) -> list[EventMention]:
    return [m for m in records(text, published) if m.record_kind == "event"]


def quantity(event: EventMention, kind: str) -> int | None:
    return next((q.value for q in event.quantities if q.kind == kind), None)


def of_subtype(found: list[EventMention], subtype: str) -> EventMention:
    (event,) = [m for m in found if m.subtype == subtype]
    return event


def test_a_clause_with_other_people_as_its_subject_is_another_action() -> None:
    found = events(
        "Dutch police detained a 30-year-old man in Rotterdam on Tuesday, and three other Iraqis "
        "linked to him were deported to Baghdad."
    )
    arrest, removal = of_subtype(found, "arrest"), of_subtype(found, "extradition_deportation")
    assert quantity(arrest, "arrested") == 1
    assert [s.name for s in arrest.sites] == ["Rotterdam"]
    assert quantity(removal, "other") == 3


def test_an_arrest_told_in_a_time_clause_of_a_charge_is_an_earlier_step_with_its_own_place() -> None:
    found = events(
        "A 24-year-old woman was charged in Brussels on Friday with terrorist offences, three days "
        "after she was detained at her flat in Liege."
    )
    charge, arrest = of_subtype(found, "charge_indict"), of_subtype(found, "arrest")
    assert [s.name for s in charge.sites] == ["Brussels"]
    assert quantity(charge, "other") == 1
    assert [s.name for s in arrest.sites] == ["Liège"]
    assert quantity(arrest, "arrested") == 1


def test_an_interval_clause_splits_two_actions_of_one_family() -> None:
    found = events(
        "The army said drones killed 30 insurgents near Menaka on Thursday, two days after gunmen "
        "attacked a convoy in the area and killed nine soldiers.",
        date(2024, 5, 18),
    )
    strike, attack = of_subtype(found, "airstrike"), of_subtype(found, "attack")
    assert quantity(strike, "killed") == 30
    assert quantity(attack, "killed") == 9
    assert strike.time.start == date(2024, 5, 16)
    assert attack.time.start != date(2024, 5, 16)  # not the strike's day


def test_aircraft_that_support_troops_are_not_the_subject_of_the_killing() -> None:
    (event,) = events("Troops backed by aircraft killed 20 militants near Tillaberi on Sunday.")
    assert event.subtype != "airstrike"


def test_a_place_owned_by_a_plans_target_is_no_site() -> None:
    (event,) = events(
        "A man was charged with terrorism offences on Monday for planning an attack on Vienna's main "
        "railway station."
    )
    assert "Vienna" not in [s.name for s in event.sites]
    assert quantity(event, "other") == 1


def test_a_pronoun_object_of_an_arrest_verb_is_one_person() -> None:
    (event,) = events("Austrian police detained him on Wednesday in Graz after a month of surveillance.")
    assert quantity(event, "arrested") == 1


def test_an_undated_court_step_after_a_charge_takes_the_hearings_date_and_court() -> None:
    found = events(
        "A teenager was charged in Paris on Friday with terrorist conspiracy. Officers had arrested him "
        "in Lille on Tuesday. A judge then ordered him held in custody."
    )
    remand = next(m for m in found if "remand" in m.modes)
    assert remand.time.start == date(2024, 5, 17)
    assert [s.name for s in remand.sites] == ["Paris"]


def test_a_court_with_one_seat_sits_there_when_no_place_is_named() -> None:
    (event,) = events(
        "Spain's National Court on Thursday sentenced a man to 10 years in prison for financing a "
        "jihadist group."
    )
    assert [s.name for s in event.sites] == ["Madrid"]


def test_forces_named_as_the_subject_of_a_rescue_are_its_actor() -> None:
    (event,) = events("Cameroonian soldiers rescued 12 hostages on Sunday near Mora.")
    assert event.subtype == "release"
    assert {a.country for a in event.actors} == {"CMR"}


def test_whoever_lets_people_go_after_questioning_is_not_named_as_a_rescuer() -> None:
    found = records(
        "Police arrested five men in Hamburg on Monday. Two of the men were released by police after "
        "questioning on Tuesday."
    )
    release = next(m for m in found if m.subtype == "release")
    assert release.actors == []


def test_a_place_given_by_a_distance_locates_an_action_that_names_no_other() -> None:
    (event,) = events("Gunmen seized 14 farmers about 30 km north of Maiduguri on Monday.")
    assert event.subtype == "abduction"
    assert [s.name for s in event.sites] == ["Maiduguri"]
    assert quantity(event, "other") == 14


def test_a_town_named_beside_a_distance_stays_the_site() -> None:
    (event,) = events("Gunmen abducted 14 farmers in Konduga, 30 km south-east of Maiduguri, on Monday.")
    assert [s.name for s in event.sites] == ["Konduga"]


def test_a_count_over_the_past_years_is_an_aggregate_not_a_generic_remark() -> None:
    found = records(
        "Italian courts have convicted more than 40 people of terrorism offences in the past three years."
    )
    assert [(m.record_kind, m.subtype) for m in found] == [("aggregate", "conviction_sentence")]


def test_people_removed_as_a_threat_are_removals_but_people_removed_from_a_building_are_not() -> None:
    found = records("France has removed 30 foreigners considered a threat to security since January.")
    assert [(m.record_kind, m.subtype) for m in found] == [("aggregate", "extradition_deportation")]
    assert records("Firefighters removed 20 people from the building after the alarm on Monday.") == []


def test_a_killing_verb_does_not_reach_past_a_when_clause_for_its_victims() -> None:
    (event,) = events("Twelve soldiers were killed on Monday when militants attacked a base near Kidal.")
    assert event.subtype == "attack"
    assert quantity(event, "killed") == 12


def test_one_more_person_listed_after_a_count_of_the_dead_is_added_to_it() -> None:
    (event,) = events("Eight police officers and a driver were killed in an ambush near Diffa on Monday.")
    assert quantity(event, "killed") == 9


def test_an_attacks_one_site_holds_all_its_dead_not_the_wounded_nearest_the_place() -> None:
    (event,) = events("A bomb killed six people and wounded 11 others at a market in Maiduguri on Friday.")
    assert {s.name: s.count for s in event.sites} == {"Maiduguri": 6}


def test_the_action_a_period_starts_with_is_background_not_a_total() -> None:
    found = records(
        "Gunmen killed four guards at a bank in Mogadishu on Sunday. It was the worst attack in the city "
        "since January 2023, when fighters killed 15 people at a hotel.",
        date(2024, 6, 10),
    )
    hotel = next(m for m in found if quantity(m, "killed") == 15)
    assert hotel.record_kind == "background"


def test_a_roundups_place_labels_are_the_sites_of_their_paragraphs() -> None:
    found = events(
        "Valencia: Police arrested a man on Monday for spreading jihadist propaganda.\n\n"
        "Ceuta: The Guardia Civil detained two men on Tuesday on suspicion of recruiting for a "
        "terrorist group."
    )
    assert [[s.name for s in m.sites] for m in found] == [["Valencia"], ["Ceuta"]]


def test_one_place_with_a_colon_before_a_story_is_its_dateline() -> None:
    (event,) = events("LISBON: Police arrested two men suspected of jihadist propaganda in Porto on Monday.")
    assert [s.name for s in event.sites] == ["Porto"]


def test_the_group_that_claims_an_attack_is_its_perpetrator_not_the_movement_it_is_linked_to() -> None:
    (event,) = events(
        "Gunmen linked to al-Qaeda attacked a police post near Gao on Sunday, killing five officers. "
        "JNIM claimed the attack on Monday."
    )
    assert [a.name for a in event.actors] == ["JNIM"]


def test_arrests_that_name_no_place_after_an_attack_were_made_where_it_happened() -> None:
    found = events(
        "A car bomb killed eight people in Mogadishu on Monday. Police said three suspects had been arrested."
    )
    arrest = of_subtype(found, "arrest")
    assert {s.name: s.count for s in arrest.sites} == {"Mogadishu": 3}


def test_a_seizure_in_the_sentence_of_a_fight_belongs_to_the_fight() -> None:
    found = events("Soldiers killed four militants and seized two rifles near Diffa on Monday.")
    assert len(found) == 1
    assert "seize" in found[0].modes


def test_a_denial_of_reports_negates_every_action_of_the_reported_clause() -> None:
    found = records(
        "The police denied reports that officers had detained 40 men in raids on a market last week."
    )
    assert [m for m in found if m.record_kind == "event"] == []


def test_a_separate_operation_is_its_own_record_with_its_own_place_however_long_the_phrase() -> None:
    found = events(
        "Soldiers arrested three suspects near Bechar on Monday, the ministry said. In a separate operation "
        "in the Tamanrasset border region, border guards arrested nine smugglers."
    )
    assert [([s.name for s in m.sites], quantity(m, "arrested")) for m in found] == [
        (["Béchar"], 3),
        (["Tamanrasset"], 9),
    ]


def test_one_person_named_by_a_role_is_one_arrest() -> None:
    (event,) = events("Police arrested a suspected Boko Haram commander in Konduga on Friday.")
    assert quantity(event, "arrested") == 1


def test_one_person_listed_before_a_count_of_the_dead_is_added_to_it() -> None:
    (event,) = events(
        "A drone strike killed a senior commander and three of his guards near Jilib on Monday."
    )
    assert quantity(event, "killed") == 4


def test_the_main_clause_after_an_aside_about_an_earlier_arrest_still_tells_the_removal() -> None:
    found = records(
        "Spain expelled a Moroccan preacher on Monday, the ministry said. The man, who had been arrested "
        "in Malaga in May, was escorted to the port of Almeria and put on a ferry to Nador."
    )
    removal = next(m for m in found if m.subtype == "extradition_deportation")
    assert {"Almería", "Nador"} <= {s.name for s in removal.sites}


def test_where_a_person_is_wanted_is_no_site_of_his_handover() -> None:
    (event,) = events(
        "Spanish police on Friday handed over to Moroccan authorities a man wanted in Morocco for terrorism."
    )
    assert "Morocco" not in {s.name for s in event.sites}


def test_an_earlier_attack_an_attack_came_days_after_is_not_part_of_it() -> None:
    found = events(
        "Gunmen killed nine villagers in Dori on Sunday. The attack came days after gunmen killed 20 "
        "people at a market in Kaya.",
        date(2024, 5, 21),
    )
    assert [[s.name for s in m.sites] for m in found] == [["Dori"]]


def test_a_court_step_with_nobody_named_is_by_the_courts_of_the_storys_country() -> None:
    found = events(
        "PARIS - Police arrested two men in Lyon on Monday. Both were charged on Friday with terrorist "
        "conspiracy.",
    )
    charge = of_subtype(found, "charge_indict")
    assert {a.country for a in charge.actors} == {"FRA"}


def test_coordinated_court_steps_share_their_subjects_count() -> None:
    found = events(
        "Police arrested five men in Liege on Monday. Four of them were charged on Friday with terrorist "
        "offences and placed in pre-trial detention."
    )
    remand = next(m for m in found if "remand" in m.modes)
    assert quantity(remand, "other") == 4


def test_an_ordinal_suspect_is_one_more_of_the_operation_just_told() -> None:
    (event,) = events(
        "Police detained three men in Ghent on Monday on suspicion of terrorism. A fourth suspect was "
        "arrested in Bruges, prosecutors said."
    )
    assert {s.name: s.count for s in event.sites} == {"Gent": 3, "Bruges": 1}
    assert quantity(event, "arrested") == 4


def test_a_citys_named_districts_are_parts_of_the_city_that_holds_the_count() -> None:
    (event,) = events(
        "Belgian police detained three men in the Brussels districts of Anderlecht and Molenbeek on Tuesday "
        "on suspicion of terrorism."
    )
    assert {s.name: s.count for s in event.sites} == {"Brussels": 3}


def test_a_groups_affiliate_in_a_region_names_no_place() -> None:
    (event,) = events("Two aid workers held by an al-Qaeda affiliate in the Sahel were freed on Friday.")
    assert event.sites == []


def test_a_country_that_owns_the_speaking_ministry_is_no_site() -> None:
    (event,) = events(
        "Two aid workers held hostage by jihadists were freed on Saturday, Italy's foreign ministry said."
    )
    assert event.sites == []


def test_the_attackers_arrest_before_police_overpowered_him_is_the_attacks_end() -> None:
    (event,) = events(
        "A man stabbed three people at a station in Hamburg on Friday, killing a woman, before police "
        "overpowered and arrested him."
    )
    assert event.subtype == "attack"
    assert (quantity(event, "killed"), quantity(event, "injured")) == (1, 2)


def test_a_counted_killing_outweighs_an_uncounted_abduction_but_not_a_counted_one() -> None:
    (attack,) = events("Jihadists killed nine herders and abducted several children near Djibo on Monday.")
    assert attack.subtype == "attack"
    (abduction,) = events("Gunmen abducted 30 pupils and killed a guard at a school in Kuriga on Monday.")
    assert abduction.subtype == "abduction"


def test_the_killing_of_a_person_long_ago_is_background_not_a_total() -> None:
    found = records(
        "A court on Thursday sentenced three men to life in prison over the killing of a police officer "
        "by jihadists in 2019."
    )
    assert sorted(m.record_kind for m in found) == ["background", "event"]


def test_a_reports_shares_and_tallies_are_aggregates() -> None:
    found = records(
        "Jihadists carried out 7 of the 20 attacks recorded in Europe last year. Germany reported 40 "
        "arrests and Austria 12."
    )
    assert [m for m in found if m.record_kind == "event"] == []


def test_a_sentence_with_its_term_far_from_the_verb_is_still_a_sentence() -> None:
    (event,) = events(
        "A court on Monday sentenced the founder of a cell dismantled in Fez in 2021 to 15 years in prison."
    )
    assert event.subtype == "conviction_sentence"


def test_respectively_after_places_gives_the_people_named_before_one_place_each() -> None:
    found = events(
        "Two men were charged in Paris on Friday with terrorist conspiracy. They had been arrested on "
        "Monday in Lille and Metz respectively."
    )
    arrest = of_subtype(found, "arrest")
    assert {s.name: s.count for s in arrest.sites} == {"Lille": 1, "Metz": 1}
    assert quantity(arrest, "arrested") == 2


def test_the_third_of_a_count_is_one_at_its_place_and_no_more_than_the_count() -> None:
    (event,) = events(
        "Police arrested three people in Oslo and Bergen on Monday on suspicion of terrorism. Two of them "
        "were detained in Oslo. The third was arrested in Bergen."
    )
    assert {s.name: s.count for s in event.sites} == {"Oslo": 2, "Bergen": 1}
    assert quantity(event, "arrested") == 3


def test_a_vehicle_striking_a_roadside_bomb_is_an_attack_that_killed_its_passengers() -> None:
    (event,) = events(
        "Three Malian army soldiers were killed when their truck struck a roadside bomb near Gao on Friday."
    )
    assert event.subtype == "attack"
    assert quantity(event, "killed") == 3


def test_the_group_the_police_blamed_is_the_perpetrator_of_its_own_country() -> None:
    (event,) = events(
        "Two police officers were killed when gunmen attacked a patrol in Garissa on Monday. Police blamed "
        "al-Shabaab for the attack."
    )
    assert [(a.name, a.country) for a in event.actors] == [("al-Shabaab", "SOM")]


def test_a_search_of_the_site_after_a_strike_is_the_strikes_aftermath() -> None:
    found = events(
        "A drone strike killed four militants near Kidal on Sunday, the army said. Soldiers later searched "
        "the site and seized rifles."
    )
    assert [m.subtype for m in found] == ["airstrike"]


def test_one_in_each_of_the_other_places_leaves_the_counted_place_its_count() -> None:
    (event,) = events(
        "Police detained six people in the provinces of Malaga, Cadiz, Seville and Huelva on Monday on "
        "suspicion of recruiting for a jihadist group. Three of the suspects were held in Malaga province "
        "and one in each of the other three."
    )
    assert {s.name: s.count for s in event.sites} == {"Málaga": 3, "Cadiz": 1, "Sevilla": 1, "Huelva": 1}


def test_part_of_the_people_met_before_held_somewhere_is_no_generic_remark() -> None:
    (event,) = events(
        "The Guardia Civil detained five people in the provinces of Barcelona and Girona on Thursday. Two of "
        "the suspects were held in Barcelona."
    )
    assert {s.name: s.count for s in event.sites}["Barcelona"] == 2


def test_a_count_in_the_same_period_as_a_total_before_it_is_a_total() -> None:
    found = records(
        "Police dismantled two jihadist cells in Fez on 3 January. In the same period, officers arrested 30 "
        "people across the country."
    )
    assert [m.record_kind for m in found] == ["event", "aggregate"]
