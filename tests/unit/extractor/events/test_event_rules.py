"""The assembly rules one by one: sentences, triggers, record kinds, merging, sites, actors, counts."""

from __future__ import annotations

import re
from datetime import date

import pytest

from schemas.events import EventMention
from services.extractor.events.assemble import EventExtractor, extract_events
from services.extractor.events.countries import countries_in
from services.extractor.events.lexicon import default_lexicon
from services.extractor.events.segments import sentences

PUBLISHED = date(2024, 4, 10)


def events(text: str, published: date = PUBLISHED, title: str | None = None) -> list[EventMention]:
    mentions = extract_events(text, article_id="a", url="u", published_at=published, title=title)
    for mention in mentions:  # the span invariant holds for every record built here
        assert all(text[s.start : s.end] == s.text for s in mention.spans())
    return mentions


def only(text: str, published: date = PUBLISHED, title: str | None = None) -> EventMention:
    (mention,) = [m for m in events(text, published, title) if m.record_kind == "event"]
    return mention


def first_action(sentence: str) -> str | None:
    found = [
        subtype
        for subtype, mode in EventExtractor().actions(sentence)
        if mode in ("asserted", "reported", "hedged")
    ]
    return found[0] if found else None


def test_sentences_do_not_end_at_times_titles_or_initials() -> None:
    text = (
        "Police raided it from 5.30-9 a.m. local time. Gen. Smith and J. Doe said so. It ended at 9 a.m. Then"
    )
    parts = [text[s:e] for s, e in sentences(text)]
    assert parts == [
        "Police raided it from 5.30-9 a.m. local time.",
        "Gen. Smith and J. Doe said so.",
        "It ended at 9 a.m.",
        "Then",
    ]


@pytest.mark.parametrize(
    ("sentence", "subtype"),
    [
        ("Police arrested two men on Monday.", "arrest"),
        ("Three suspects were held overnight.", "arrest"),
        ("Five men were picked up in dawn raids.", "arrest"),
        ("The cell was dismantled last week.", "cell_dismantled"),
        ("Agents seized weapons and ammunition.", "seizure"),
        ("He was extradited to Spain.", "extradition_deportation"),
        ("He was convicted of financing terrorism.", "conviction_sentence"),
        ("A gunman opened fire on worshippers.", "attack"),
        ("A car bomb exploded near the market.", "attack"),
        ("The bombing killed nine.", "attack"),
        ("Two men were caught at the border.", "arrest"),
        ("Police captured two suspects in the town.", "arrest"),  # a town after the people captured
        ("A bomb exploded near the gas station, killing two people.", "attack"),  # gas, not a gas explosion
        ("Two men were caught on the border with explosives.", "arrest"),
        # paraphrases of the same actions
        ("Officers rolled up a jihadist network in the port.", "cell_dismantled"),
        ("A sweep by the Guardia Civil netted six suspects.", "arrest"),
        ("Two brothers were pulled off a bus near the frontier.", "arrest"),
        ("He was stopped at the border and placed in custody.", "arrest"),
        ("The court remanded the three men in custody.", "other"),
        ("Gunmen abducted 40 passengers from a bus.", "abduction"),
        ("The kidnapped aid workers were freed on Friday.", "release"),
        ("Magistrates sentenced him to nine years in prison.", "conviction_sentence"),
        ("He was flown to Rabat and handed over to the Moroccan authorities.", "extradition_deportation"),
    ],
)
def test_triggers_name_the_subtype(sentence: str, subtype: str) -> None:
    assert first_action(sentence) == subtype


def test_trigger_patterns_are_lower_case_so_the_fast_gate_sees_every_trigger() -> None:
    lexicon = default_lexicon()
    for rule in lexicon.rules:  # the gate runs the patterns case-sensitively on lower-cased text
        literal = re.sub(r"\\[A-Za-z]|\(\?<?[!=:]", "", rule.pattern.pattern)
        assert literal == literal.lower(), rule.pattern.pattern
    assert lexicon.has_trigger_word("POLICE ARRESTED TWO MEN IN MADRID.".lower())
    assert not lexicon.has_trigger_word("the minister visited madrid.")


@pytest.mark.parametrize(
    "sentence",
    [
        "It could create a political opening for the convicted terrorists and their sympathizers.",
        "The law stipulates a prison sentence for anyone found guilty of inciting terrorism.",
        "The minister praised the police.",
        "The law has worked well to prevent further attacks.",
        # everyday meanings of the same words, away from any police or violence context
        "We spent the day shooting video and editing it.",
        "The widespread adoption of ML has resulted in an explosion of data.",
        "All user interactions are captured automatically.",
        "Employees are caught in between.",
        "Others are professionally charged with evaluating it.",
        "Assets could be seized if your debts are not paid.",
        "Eating too much salt raises your risk of a heart attack.",
        "Ping Identity has signed an agreement to acquire Keyless.",
        "The team dismantled the old billing system.",
        "The photographer captured images of the crowd.",
        # trigger words used for something else than an action that took place
        "The talks were held behind closed doors in Geneva.",
        "Seized weapons are shown to the press at police headquarters.",
        "A dawn raid is usually the visible end of months of monitoring.",
        "He has not been charged.",
        "No other person has been arrested so far.",
        "The suspects will be brought before an investigating judge.",
        "They planned to attack a police station.",
        "Returning fighters are arrested according to the law.",
    ],
)
def test_generic_negated_future_and_other_senses_are_not_actions(sentence: str) -> None:
    assert first_action(sentence) is None


def test_counts_over_a_period_are_aggregates_and_old_dates_background() -> None:
    mentions = events(
        "He said that eight jihadist cells were dismantled between January and May this year. "
        "Twenty-seven cells have been dismantled in Morocco since 2013. "
        "The strategy dates from the events of May 16, 2003, when a group attacked sites in Casablanca "
        "with suicide bombs.",
        date(2015, 8, 27),
    )
    assert [(m.record_kind, m.subtype) for m in mentions] == [
        ("aggregate", "cell_dismantled"),
        ("aggregate", "cell_dismantled"),
        ("background", "attack"),
    ]
    assert [(q.kind, q.value) for q in mentions[0].quantities] == [("cells", 8)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 80 suspects were detained last year on terrorism charges.",
        "Police detained three more men on Friday, taking to nine the number held this week.",
        "Dozens of cells have been broken up over the past decade.",
        "The Interior Ministry recorded 78 arrests over the year, compared with 46 in 2022.",
    ],
)
def test_totals_over_a_period_are_never_events(sentence: str) -> None:
    kinds = [m.record_kind for m in events(sentence, date(2024, 1, 10))]
    assert "aggregate" in kinds
    if "Friday" not in sentence:
        assert "event" not in kinds


def test_an_event_and_a_running_total_in_one_sentence_are_two_records() -> None:
    text = (
        "Italy expelled two Tunisian nationals on Thursday, the ministry said, taking to 31 the number "
        "of such removals since January."
    )
    event, aggregate = events(text, date(2019, 6, 14))
    assert (event.record_kind, aggregate.record_kind) == ("event", "aggregate")
    assert "taking to 31" not in " ".join(e.text for e in event.evidence)
    assert [(q.kind, q.value) for q in event.quantities] == [("other", 2)]


def test_a_stock_figure_without_an_action_is_a_statistic_not_an_event() -> None:
    text = "According to official figures, there are 1,631 Moroccan fighters in Syria and Iraq."
    (record,) = events(text)
    assert record.record_kind == "statistic"
    assert record.event_type == "MOBILIZE" and record.subtype == "other"
    assert [(q.kind, q.value, q.span and q.span.text) for q in record.quantities] == [
        ("other", 1631, "1,631")
    ]
    assert [(s.country, s.precision, s.role) for s in record.sites] == [
        ("SYR", "country", "operating_area"),
        ("IRQ", "country", "operating_area"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "More than 1,500 fighters were killed in the battle for the city.",  # casualties, not a stock
        "The company has 1,200 employees in Spain and Morocco.",  # not combatants
        "Three militants crossed the border near Ceuta on foot.",  # people doing something
        "The group was founded in 2014 by fighters from Mali.",  # a year is not a count
    ],
)
def test_counts_that_are_not_stock_figures_give_no_statistic(sentence: str) -> None:
    assert [m.record_kind for m in events(sentence) if m.record_kind == "statistic"] == []


def test_an_arrest_of_many_militants_stays_an_event_not_a_statistic() -> None:
    record = only("Police arrested 71 militants in Madrid on Monday.")
    assert record.record_kind == "event" and record.subtype == "arrest"


@pytest.mark.parametrize(
    ("sentence", "factuality"),
    [
        ("Police arrested two men in Madrid on Monday.", "asserted"),
        ("Police arrested two men in Madrid on Monday, the ministry said.", "reported"),
        ("Two men were reportedly arrested in Madrid on Monday.", "hedged"),
    ],
)
def test_factuality_from_cues(sentence: str, factuality: str) -> None:
    assert only(sentence).factuality == factuality


@pytest.mark.parametrize(
    "sentence",
    [
        "Two men will be extradited to Spain.",
        "Police denied that anyone had been detained in Madrid.",
        "Had the plan gone ahead, the cell could have struck the port.",
    ],
)
def test_future_negated_and_hypothetical_actions_make_no_record(sentence: str) -> None:
    assert [m for m in events(sentence) if m.record_kind == "event"] == []


def test_a_lede_and_its_details_are_one_mention_with_per_site_counts() -> None:
    text = (
        "On Sunday Spanish and Moroccan authorities arrested 10 suspects with links to the Islamic State. "
        "The minister said the network recruited women. "
        "Four of the arrests took place in Spain, while the remaining six detentions were in Casablanca.\n\n"
        "The women arrested in Spain were both Moroccans.\n\n"
        "According to the mayor of Xeraco in Valencia, where police operations lasted from 5.30-9 a.m. "
        "local time Sunday, one of those detained is a girl."
    )
    mention = only(text, date(2015, 10, 7))
    assert {(s.name, s.country, s.count) for s in mention.sites} == {
        ("Xeraco", "ESP", 4),
        ("Casablanca", "MAR", 6),
    }
    assert [(q.kind, q.value) for q in mention.quantities] == [("arrested", 10)]
    assert (mention.time.start, mention.time.precision) == (date(2015, 10, 4), "day")
    assert {a.country for a in mention.actors} == {"MAR", "ESP"} and mention.joint_operation
    assert [t.affiliation for t in mention.targets if t.role == "group"] == ["Islamic State"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police arrested three men on Monday. Two were held in Oujda and the third in Girona.",
            {("Oujda", 2), ("Girona", 1)},
        ),
        (
            "Six suspects were detained in a joint operation on Tuesday: five in Tangier, the sixth in "
            "Bilbao.",
            {("Tangier", 5), ("Bilbao", 1)},
        ),
        (
            "Police arrested seven people on Friday. Three of the detentions were in Melilla and four in "
            "Nador.",
            {("Melilla", 3), ("Nador", 4)},
        ),
    ],
)
def test_counts_are_bound_to_their_own_places(text: str, expected: set[tuple[str, int]]) -> None:
    mention = only(text, date(2024, 3, 9))
    assert {(s.name, s.count) for s in mention.sites} == expected


def test_one_place_carries_the_whole_count_and_a_country_is_not_a_site_beside_its_town() -> None:
    mention = only(
        "Spanish police arrested four men in Spain on Monday, all of them in the town of Badalona."
    )
    assert [(s.name, s.count) for s in mention.sites] == [("Badalona", 4)]


def test_birthplaces_a_groups_area_and_the_outlets_city_are_not_sites() -> None:
    text = (
        "MADRID, March 3 (Wire) - Police arrested a man born in Tetouan in the town of Vic on Monday, "
        "accused of recruiting for the Islamic State in the Sahel, the interior ministry told reporters "
        "in Madrid."
    )
    mention = only(text, date(2024, 3, 6))
    assert [s.name for s in mention.sites] == ["Vic"]


def test_operations_in_different_months_stay_apart() -> None:
    text = (
        "Moroccan authorities dismantled cells in Tetouan and Al Hoceima in March 2023. "
        "In October 2023, Moroccan authorities dismantled cells in Tangier and Inezgane."
    )
    mentions = events(text)
    assert [m.time.start for m in mentions] == [date(2023, 3, 1), date(2023, 10, 1)]
    assert [[s.name for s in m.sites] for m in mentions] == [
        ["Tétouan", "Al Hoceïma"],
        ["Tangier", "Inezgane"],
    ]


def test_new_people_at_a_new_place_are_another_operation() -> None:
    text = (
        "Police arrested two people in Melilla on Tuesday. Separately, officers detained a 41-year-old "
        "man in Aviles, and a third man was arrested in Itsasondo."
    )
    assert len([m for m in events(text) if m.record_kind == "event"]) >= 2


def test_a_name_that_only_locates_another_is_not_a_site() -> None:
    mention = only(
        "In November, four Moroccans and members of the Islamic State in Somalia were arrested in "
        "Almskad, a mountainous region within the separatist Puntland area."
    )
    (site,) = mention.sites
    assert (site.name, site.country, site.geonameid, site.count) == ("Almskad", "SOM", None, 4)
    assert [(q.kind, q.value) for q in mention.quantities] == [("arrested", 4)]


def test_an_unknown_name_takes_the_country_named_in_its_sentence() -> None:
    ofin = only(
        "Two senior members of the Islamic State in Somalia, one Moroccan and one Syrian, "
        "were arrested in Ofin."
    )
    assert [(s.name, s.country, s.lat) for s in ofin.sites] == [("Ofin", "SOM", None)]
    shata = only(
        "In January 2023, a joint Moroccan-Spanish operation dismantled cells in Shata and Almaeria, where "
        "individuals recruited fighters for Mali."
    )
    assert "Almería" in [s.name for s in shata.sites]  # fuzzy, in a place slot
    assert {a.name for a in shata.actors} == {"Moroccan authorities", "Spanish authorities"}


def test_destinations_and_group_names_are_not_event_sites() -> None:
    mention = only(
        "In February 2024, a Moroccan citizen was arrested in Sale for planning travel to the Sahel region "
        "to join the Islamic State in the Sahel."
    )
    assert [(s.name, s.role) for s in mention.sites] == [("Salé", "event_site")]
    assert [(q.kind, q.value) for q in mention.quantities] == [("arrested", 1)]


def test_a_removal_happens_at_both_ends_of_its_flight() -> None:
    text = (
        "ROME, 14 March 2018 - A Moroccan citizen was expelled today for reasons of State security. "
        "He was put on a flight that departed from the Fiumicino air border bound for Casablanca."
    )
    mention = only(text, date(2018, 3, 14))
    assert mention.subtype == "extradition_deportation"
    assert {s.name for s in mention.sites} == {"Fiumicino", "Casablanca"}
    assert [(q.kind, q.value) for q in mention.quantities] == [("other", 1)]
    assert (mention.time.start, mention.time.precision) == (date(2018, 3, 14), "day")


def test_fuzzy_names_only_where_a_place_is_expected() -> None:
    mention = only(
        "On September 27th, France launched strikes against a camp in the Syrian city of Deir Ezzor "
        "in Belgium's absence. Almost two weeks later, aircraft based in the UAE provided support.",
        date(2015, 10, 7),
    )
    assert [s.name for s in mention.sites] == ["Deir ez-Zor"]


def test_anaphoric_authorities_take_the_agency_named_last() -> None:
    text = (
        "In October 2023, Moroccan authorities dismantled cells in Tangier, joining the Islamic State. "
        "The authorities dismantled support cells in Casablanca in January 2024."
    )
    second = events(text)[1]
    assert {a.country for a in second.actors} == {"MAR"}
    assert [t.affiliation for t in second.targets if t.role == "group"] == [
        "Islamic State"
    ]  # named just before


def test_the_agency_named_sentences_later_is_the_actor_of_a_passive_arrest() -> None:
    text = (
        "Eleven people were arrested on Tuesday in simultaneous raids in Melilla and Nador.\n\n"
        "Phones and computers were seized during the searches.\n\n"
        "The operation was announced by Morocco's Central Bureau of Judicial Investigations, which said it "
        "had been conducted jointly with the Spanish National Police."
    )
    mention = only(text, date(2022, 10, 5))
    assert {a.country for a in mention.actors} == {"MAR", "ESP"} and mention.joint_operation


def test_an_attacks_actor_is_the_group_that_carried_it_out_in_the_country_it_struck() -> None:
    mention = only(
        "Fighters of Boko Haram stormed the town of Monguno on Friday, killing 12 soldiers.",
        date(2021, 6, 14),
    )
    assert [(a.name, a.country, a.sector) for a in mention.actors] == [("Boko Haram", "NGA", "REB")]
    assert [(q.kind, q.value) for q in mention.quantities] == [("killed", 12)]


def test_casualties_of_an_attack() -> None:
    mention = only("On Friday a group attacked a hotel in Sousse, killing about three dozen people.")
    assert [(q.kind, q.value, q.approx) for q in mention.quantities] == [("killed", 36, True)]


def test_victims_named_one_by_one_are_counted() -> None:
    mention = only(
        "A 40-year-old man killed his wife and his neighbour with a knife on Monday and wounded a passer-by "
        "in Lyon, before police arrested him at the scene.",
        date(2020, 2, 5),
    )
    assert {(q.kind, q.value) for q in mention.quantities} == {("killed", 2), ("injured", 1)}
    assert mention.subtype == "attack"  # the arrest at the scene is part of the attack


def test_country_names_and_nationality_words() -> None:
    text = "a joint Moroccan-Spanish operation with the U.S. in Syria; one Syrian"
    assert countries_in(text) == {"MAR", "ESP", "USA", "SYR"}
    assert countries_in(text, names_only=True) == {"USA", "SYR"}


def test_a_planned_or_possible_attack_is_not_an_attack() -> None:
    assert (
        events("Rami explained that these lone wolves might seek to carry out attacks on Moroccan soil.")
        == []
    )


def test_the_bombing_refers_back_to_the_strike_already_reported() -> None:
    text = (
        "On September 27th, France launched strikes against a camp in the Syrian city of Deir Ezzor. "
        "Almost two weeks later, a weekly suggested that Moroccan jets had provided support in the bombing."
    )
    mention = only(text, date(2015, 10, 7))
    assert (mention.subtype, mention.time.start) == ("airstrike", date(2015, 9, 27))
    assert len(mention.evidence) == 2


def test_people_and_institutions_are_not_places() -> None:
    text = (
        "Hayden noted that the suspects, Dzhokhar and his brother, met at the White House before "
        "George W. Bush spoke; police arrested two men in Boston on Monday."
    )
    assert [s.name for s in only(text).sites] == ["Boston"]


def test_an_attack_has_no_arrest_counts_but_its_casualties() -> None:
    mention = only("On Friday a bomb exploded in Lyon: 13 people were injured and 7 militants killed.")
    assert [s.name for s in mention.sites] == ["Lyon"]
    assert {(q.kind, q.value) for q in mention.quantities} == {("injured", 13), ("killed", 7)}


@pytest.mark.parametrize(
    "sentence",
    [
        "He faces the death penalty if he is convicted.",
        "Ninety six people were detained in hospital after the fire.",
    ],
)
def test_conditions_and_hospital_stays_are_not_events(sentence: str) -> None:
    assert events(sentence) == []


def test_vague_mass_arrests_are_aggregates() -> None:
    (mention,) = events("Thousands have been arrested by the security forces, and many allege mistreatment.")
    assert mention.record_kind == "aggregate"


def test_an_arrest_named_by_its_noun_continues_the_story() -> None:
    text = (
        "Police arrested a man in Boston on Monday after the attack. "
        "A magistrate ordered him held until trial, following his arrest."
    )
    arrests = [m for m in events(text) if m.subtype == "arrest"]
    assert len(arrests) == 1 and len(arrests[0].evidence) == 2


def test_a_court_step_is_its_own_record() -> None:
    text = (
        "Police arrested two men in Lille on Monday. On Wednesday an investigating judge charged both with "
        "terrorist conspiracy and remanded them in custody."
    )
    assert sorted(m.subtype or "" for m in events(text, date(2019, 5, 10))) == [
        "arrest",
        "charge_indict",
        "other",
    ]


def test_a_dateline_is_not_a_site_and_a_cells_composition_is_its_size() -> None:
    text = (
        "Rabat - The BCIJ dismantled on Tuesday a terrorist cell composed of four extremists operating "
        "in the cities of Tangier, Fnideq and Meknes."
    )
    mention = only(text)
    assert [(s.name, s.resolution) for s in mention.sites] == [
        ("Tangier", "exact"),
        ("Fnidek", "alternate"),  # a transliteration GeoNames lists as an alternate name
        ("Meknes", "exact"),
    ]
    assert [(q.kind, q.value) for q in mention.quantities] == [("cell_members", 4)]


def test_a_cell_broken_up_with_arrests_is_a_dismantled_cell() -> None:
    text = (
        "Police arrested four men in Fez on Monday. Investigators said the cell had been recruiting "
        "fighters online."
    )
    assert only(text).subtype == "cell_dismantled"
    assert only(
        "Police arrested four men in Fez on Monday.", title="Four-man IS cell taken apart"
    ).subtype == ("cell_dismantled")


def test_planning_an_attack_is_not_an_attack() -> None:
    assert (
        events("The suspects were planning to carry out terrorist attacks targeting vital facilities.") == []
    )


def test_a_town_abroad_in_a_place_slot_is_taken_by_its_own_name() -> None:
    mention = only(
        "French troops killed seven JNIM militants in an air strike near Gao on Sunday, the army said."
    )
    assert [(s.name, s.country) for s in mention.sites] == [("Gao", "MLI")]
    assert mention.subtype == "airstrike" and [(q.kind, q.value) for q in mention.quantities] == [
        ("killed", 7)
    ]


def test_relative_dates_resolve_against_the_dateline_and_the_section() -> None:
    text = (
        "RABAT, Sept 11 (Wire) - Five suspects picked up in dawn raids a day earlier were remanded.\n\n"
        "Press release of Friday 17 June 2016\n\n"
        "Police today searched the homes of three suspects in Liege."
    )
    first, second = [m for m in events(text, date(2020, 9, 12)) if m.subtype in ("arrest", "raid_search")]
    assert first.time.start == date(2020, 9, 10)
    assert second.time.start == date(2016, 6, 17)


@pytest.mark.parametrize(
    ("text", "subtype", "quantities"),
    [
        (
            "The National Court judge sent both men to prison pending trial on Friday.",
            "other",
            {("other", 2)},
        ),
        (
            "A judge charged four of the six men detained last weekend with terrorist conspiracy.",
            "charge_indict",
            {("other", 4)},
        ),
        (
            "A court in Sale handed down a total of 96 years in prison to the nine defendants on Tuesday.",
            "conviction_sentence",
            {("other", 9)},
        ),
        (
            "The repatriation, on Friday 12 April, of six Moroccan women from camps in Syria was announced.",
            "extradition_deportation",
            {("other", 6)},
        ),
        (
            "The 38-year-old gunman killed three fans and wounded a fourth before fleeing.",
            "attack",
            {("killed", 3), ("injured", 1)},
        ),
        (
            "Police struck at dawn, arresting seven people in a pre-dawn operation in Tetouan.",
            "arrest",
            {("arrested", 7)},
        ),
    ],
)
def test_court_steps_removals_and_casualties_in_other_words(
    text: str, subtype: str, quantities: set[tuple[str, int]]
) -> None:
    mention = only(text, date(2024, 5, 15))
    assert mention.subtype == subtype
    assert {(q.kind, q.value) for q in mention.quantities} == quantities


def test_a_region_apart_from_its_towns_only_locates_them() -> None:
    mention = only(
        "Spanish police have smashed a jihadist cell in Catalonia, arresting six men in Badalona and "
        "Terrassa "
        "on Tuesday, the Interior Ministry said.",
        date(2024, 2, 8),
    )
    assert mention.subtype == "cell_dismantled"
    assert [s.name for s in mention.sites] == ["Badalona", "Terrassa"]


def test_the_security_services_of_both_countries_are_two_actors() -> None:
    mention = only(
        "Four suspected Islamic State members were arrested on Monday in Tetouan and Ceuta. The operation "
        "was carried out by the security services of both countries.",
        date(2024, 2, 8),
    )
    assert {a.country for a in mention.actors} == {"MAR", "ESP"}


def test_a_sweep_counts_people_not_provinces() -> None:
    mention = only("A sweep by the Guardia Civil across three provinces netted eleven suspects on Wednesday.")
    assert [(q.kind, q.value) for q in mention.quantities] == [("arrested", 11)]
    assert {a.country for a in mention.actors} == {"ESP"}


def test_people_described_by_an_earlier_action_are_the_subject_of_the_main_one() -> None:
    release, abduction = events(
        "Twelve aid workers kidnapped in December were released on Friday in northern Mali, their employer "
        "said.",
        date(2024, 2, 8),
    )
    assert (release.subtype, release.record_kind) == ("release", "event")
    assert [(q.kind, q.value) for q in release.quantities] == [("other", 12)]
    assert (abduction.subtype, abduction.time.start) == ("abduction", date(2023, 12, 1))


def test_a_birthplace_does_not_take_the_arrests_date() -> None:
    mention = only(
        "Police in Brussels arrested a 24-year-old man born in Casablanca on Wednesday. The suspect, who "
        "grew up "
        "in Molenbeek, was planning an attack, prosecutors said.",
        date(2024, 2, 8),
    )
    assert [s.name for s in mention.sites] == ["Brussels"]
    assert mention.time.start == date(2024, 2, 7)


@pytest.mark.parametrize(
    "text",
    [
        "Security officials from ten countries met in Rabat on Tuesday for a conference on "
        "counter-terrorism.",
        "The army retook towns the group used to hold near the border.",
        "Organised crime is said to flourish, and kidnappings and shootings are commonplace.",
    ],
)
def test_profiles_conferences_and_generic_statements_make_no_event(text: str) -> None:
    assert [m for m in events(text) if m.record_kind == "event"] == []


def test_counts_before_a_respectively_list_still_go_to_their_place() -> None:
    mention = only(
        "Police in Morocco broke up a four-member cell on Monday. Two suspects were detained in Fez, while "
        "the "
        "other two were picked up in Meknes and Ifrane respectively.",
        date(2024, 2, 8),
    )
    assert [(s.name, s.count) for s in mention.sites] == [("Fes", 2), ("Meknes", 1), ("Ifrane", 1)]
    assert ("arrested", 4) in [(q.kind, q.value) for q in mention.quantities]


def test_one_person_taken_right_after_a_search_is_that_places_count() -> None:
    mention = only(
        "Guardia Civil officers searched a house in Lleida on Tuesday and detained a 40-year-old man, one of "
        "three people held in Lleida and Tarragona in the operation. The two others were arrested in "
        "Tarragona.",
        date(2024, 2, 8),
    )
    assert [(s.name, s.count) for s in mention.sites] == [("Lleida", 1), ("Tarragona", 2)]


def test_a_court_sits_where_it_is_named_and_counts_those_it_orders_held() -> None:
    (remand,) = [
        m
        for m in events(
            "Two men were arrested in Bilbao on Monday. On Wednesday a Madrid Court judge ordered both held "
            "in custody.",
            date(2024, 2, 8),
        )
        if m.subtype == "other"
    ]
    assert [s.name for s in remand.sites] == ["Madrid"]
    assert [(q.kind, q.value) for q in remand.quantities] == [("other", 2)]
    assert {a.country for a in remand.actors} == {"ESP"}


def test_a_place_naming_a_court_is_no_site_of_an_arrest() -> None:
    mention = only("Officers arrested a man outside the Rabat Court of Appeal on Friday.", date(2024, 2, 8))
    assert mention.subtype == "arrest"
    assert [s.name for s in mention.sites] == []


def test_a_dated_reference_back_joins_the_record_it_names() -> None:
    found = events(
        "The court jailed three members of a cell dismantled in Nador in January. Police had announced the "
        "dismantling of the cell on 12 January.",
        date(2024, 6, 8),
    )
    assert [m.subtype for m in found if m.subtype == "cell_dismantled"] == ["cell_dismantled"]


def test_an_unknown_village_is_a_town_and_takes_the_death_toll() -> None:
    mention = only(
        "Gunmen killed 12 people in the village of Dargol-Koira in Niger's Tillaberi region on Sunday.",
        date(2024, 2, 8),
    )
    assert [(s.name, s.precision, s.count) for s in mention.sites] == [("Dargol-Koira", "city", 12)]


def test_taken_into_custody_somewhere_is_where_the_arrest_was_made() -> None:
    mention = only(
        "Police broke up a cell on Monday: two men were taken into custody in Melilla and one was arrested "
        "in Nador.",
        date(2024, 2, 8),
    )
    assert [(s.name, s.count) for s in mention.sites] == [("Melilla", 2), ("Nador", 1)]


def test_where_a_person_used_to_work_is_no_site_and_a_ferry_gives_the_route() -> None:
    mention = only(
        "France deported an Algerian preacher on Thursday. The man, who had taught at a school in Lyon, was "
        "put on a ferry from Marseille to Algiers.",
        date(2024, 2, 8),
    )
    assert mention.subtype == "extradition_deportation"
    assert [s.name for s in mention.sites] == ["Marseille", "Algiers"]


def test_an_old_action_beside_recent_news_is_background_but_a_chronology_keeps_its_events() -> None:
    news = events(
        "Police arrested three men in Bilbao on Tuesday. It is the second cell broken up in the city; in "
        "May 2021 officers arrested two members of another group.",
        date(2024, 2, 8),
    )
    assert [(m.record_kind, m.time.start) for m in news] == [
        ("event", date(2024, 2, 6)),
        ("background", date(2021, 5, 1)),
    ]
    review = events(
        "In March 2022 police dismantled a cell in Fez. In October 2022 they dismantled another cell in "
        "Oujda. "
        "On Monday they arrested a man in Rabat.",
        date(2024, 2, 8),
    )
    assert [m.record_kind for m in review] == ["event", "event", "event"]


def test_a_part_among_the_whole_is_not_the_count_and_the_rest_give_no_total() -> None:
    mention = only(
        "Two brothers were among the six people arrested on Sunday in an operation against a jihadist "
        "network. The other suspects were held in Almeria.",
        date(2024, 2, 8),
    )
    assert [(q.kind, q.value) for q in mention.quantities] == [("arrested", 6)]
    assert [(s.name, s.count) for s in mention.sites] == [("Almería", None)]


def test_storming_a_place_while_killing_is_how_the_attack_was_done() -> None:
    (mention,) = events(
        "Militants killed seven policemen and wounded at least four when they stormed a police station in "
        "the town of Mubi on Friday.",
        date(2024, 2, 8),
    )
    assert mention.subtype == "attack"
    assert [(q.kind, q.value) for q in mention.quantities] == [("killed", 7), ("injured", 4)]
    assert [(s.name, s.count) for s in mention.sites] == [("Mubi", 7)]


def test_a_judge_named_with_the_town_sits_there_for_each_step_and_counts_one_defendant() -> None:
    charge, remand = [
        m
        for m in events(
            "The suspect was brought before an investigating judge in Lyon, who today charged him with "
            "terrorist conspiracy and ordered him held in pre-trial detention.",
            date(2024, 2, 8),
        )
        if m.record_kind == "event"
    ]
    assert (charge.subtype, remand.subtype) == ("charge_indict", "other")
    for mention in (charge, remand):
        assert [s.name for s in mention.sites] == ["Lyon"]
        assert [(q.kind, q.value) for q in mention.quantities] == [("other", 1)]


def test_the_members_of_a_cell_rounded_up_are_its_arrests() -> None:
    mention = only(
        "Gendarmes dismantled a three-member cell in Sfax on Sunday. The suspects were rounded up at dawn.",
        date(2024, 2, 8),
    )
    assert sorted((q.kind, q.value) for q in mention.quantities) == [("arrested", 3), ("cell_members", 3)]
    assert [(s.name, s.count) for s in mention.sites] == [("Sfax", 3)]


def test_a_town_of_another_country_than_the_suspects_is_found_and_one_person_counted() -> None:
    mention = only(
        "An Algerian woman was stopped at the port of Almeria on Sunday and placed in custody.",
        date(2024, 2, 8),
    )
    assert [(s.name, s.country, s.count) for s in mention.sites] == [("Almería", "ESP", 1)]
    assert [(q.kind, q.value) for q in mention.quantities] == [("arrested", 1)]
    assert {a.country for a in mention.actors} == {"ESP"}


def test_the_state_that_removes_is_the_subject_not_the_destination() -> None:
    mention = only("France expelled three Algerians to Oran on Tuesday, officials said.", date(2024, 2, 8))
    assert mention.subtype == "extradition_deportation"
    assert {a.country for a in mention.actors} == {"FRA"}
    assert [(q.kind, q.value) for q in mention.quantities] == [("other", 3)]


def test_with_no_country_named_known_towns_let_their_neighbours_in() -> None:
    mention = only(
        "Nine policemen were killed in Maiduguri and four in Konduga when gunmen attacked checkpoints on "
        "Saturday.",
        date(2024, 2, 8),
    )
    assert [(s.name, s.country, s.count) for s in mention.sites] == [
        ("Maiduguri", "NGA", 9),
        ("Konduga", "NGA", 4),
    ]
    assert [(q.kind, q.value) for q in mention.quantities] == [("killed", 13)]


def test_people_abducted_at_a_place_are_no_site_count() -> None:
    mention = only("Bandits abducted 40 villagers in Kaura Namoda on Monday.", date(2024, 2, 8))
    assert mention.subtype == "abduction"
    assert [(s.name, s.count) for s in mention.sites] == [("Kaura Namoda", None)]
    assert [(q.kind, q.value) for q in mention.quantities] == [("other", 40)]


def test_a_prison_term_is_no_count_and_a_pronoun_subject_is_one_person() -> None:
    old, new = events(
        "The man had been jailed for seven years in 2012 for financing fighters. He was detained again on "
        "Monday in Oujda.",
        date(2024, 2, 8),
    )
    assert (old.record_kind, old.subtype) == ("background", "conviction_sentence")
    assert new.record_kind == "event"
    assert [(q.kind, q.value) for q in new.quantities] == [("arrested", 1)]


def test_teenagers_are_people_and_a_cells_members_said_to_be_arrested_are_its_arrests() -> None:
    teens = only("Police detained three teenagers in Vienna on Sunday.", date(2024, 2, 8))
    assert [(q.kind, q.value) for q in teens.quantities] == [("arrested", 3)]
    cell = only(
        "Police dismantled a five-member cell in Safi. The ministry said the suspects were arrested on "
        "Thursday.",
        date(2024, 2, 9),
    )
    assert sorted((q.kind, q.value) for q in cell.quantities) == [("arrested", 5), ("cell_members", 5)]


def test_an_agencys_record_of_work_is_an_aggregate_and_things_seized_earlier_make_no_event() -> None:
    (record,) = events(
        "Tunisia's National Guard, created in 1956, has broken up more than 40 cells and detained over 900 "
        "suspects.",
        date(2024, 2, 8),
    )
    assert record.record_kind == "aggregate"
    assert events("Explosives seized in the raids were shown to reporters at the ministry in Tunis.") == []


def test_a_dated_event_told_after_a_running_total_is_its_own_record() -> None:
    total, news = events(
        "Police have arrested 31 suspected jihadists so far this year, officials said, after three more were "
        "detained in Antwerp on Tuesday.",
        date(2024, 2, 8),
    )
    assert (total.record_kind, [(q.kind, q.value) for q in total.quantities]) == (
        "aggregate",
        [("arrested", 31)],
    )
    assert news.record_kind == "event"
    assert [(s.name, s.count) for s in news.sites] == [("Antwerp", 3)]
    assert news.time.start == date(2024, 2, 6)


def test_authorities_of_listed_countries_are_one_actor_each() -> None:
    mention = only(
        "Police in France, Spain and Portugal arrested seven suspects on Wednesday in a joint operation.",
        date(2024, 2, 8),
    )
    assert {a.country for a in mention.actors} == {"FRA", "ESP", "PRT"}


def test_hideouts_destroyed_are_a_search_and_another_unit_is_another_operation() -> None:
    arrest, search = events(
        "Army units arrested two supporters of terrorist groups in Jijel on Monday. Another unit found and "
        "destroyed four hideouts in Bouira.",
        date(2024, 2, 8),
    )
    assert (arrest.subtype, [s.name for s in arrest.sites]) == ("arrest", ["Jijel"])
    assert (search.subtype, [s.name for s in search.sites]) == ("raid_search", ["Bouira"])
    assert [(q.kind, q.value) for q in search.quantities] == [("other", 4)]


def test_a_number_with_a_thousands_comma_stays_in_its_clause() -> None:
    (mention,) = events("Attacks have killed more than 2,100 people in Mali since January.", date(2024, 6, 8))
    assert mention.record_kind == "aggregate"


def test_searching_the_suspects_home_elsewhere_is_the_same_operation() -> None:
    (mention,) = [
        m
        for m in events(
            "Police arrested a man in Lyon on Tuesday. He is suspected of planning an attack. Officers then "
            "searched his flat and that of his brother in Grenoble.",
            date(2024, 2, 8),
        )
        if m.record_kind == "event"
    ]
    assert [s.name for s in mention.sites] == ["Lyon", "Grenoble"]


def test_a_statement_released_is_no_release_and_a_relative_taken_is_one_person() -> None:
    (mention,) = events(
        "Police broke up a cell in Fez and Sefrou, according to a statement from the interior ministry "
        "released on Friday. Two men were arrested in Fez, while their cousin was taken into custody in "
        "Sefrou.",
        date(2024, 2, 10),
    )
    assert mention.subtype == "cell_dismantled"
    assert [(s.name, s.count) for s in mention.sites] == [("Fes", 2), ("Sefrou", 1)]
    assert ("arrested", 3) in [(q.kind, q.value) for q in mention.quantities]


def test_most_of_a_total_counted_before_is_part_of_an_aggregate() -> None:
    found = events(
        "Of the 200 people detained between 2015 and 2020, a third were foreigners. Most were arrested in "
        "Brussels and Antwerp.",
        date(2024, 2, 8),
    )
    assert [m.record_kind for m in found] == ["aggregate", "aggregate"]
