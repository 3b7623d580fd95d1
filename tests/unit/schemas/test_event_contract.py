"""The EventMention contract (issue 5): fixed field names, span invariant, JSON round trip."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pydantic import ValidationError

from schemas import DecodeError, EventMention, Span, decode, encode
from schemas.events import Actor, EventTime, Quantity, Site, Target
from services.extractor.events.numbers import find_numbers
from services.extractor.events.timex import find_times

TEXT = (
    "the Central Bureau of Judicial Investigations (BCIJ) succeeded, on Wednesday, in a joint "
    "security operation with the Spanish General Information Commission, to dismantle a terrorist "
    "cell loyal to the ISIS organization. Composed of three elements operating in Spain and "
    "Morocco, the cell worked in Almeria and Chtouka Ait Baha."
)


def span(fragment: str) -> Span:
    start = TEXT.index(fragment)
    return Span(start=start, end=start + len(fragment), text=fragment)


def mention() -> EventMention:
    (count,) = find_numbers(TEXT)
    (when,) = find_times(TEXT, date(2023, 1, 27))
    return EventMention(
        mention_id="m1",
        article_id="a" * 32,
        url="https://example.org/a",
        published_at=date(2023, 1, 27),
        record_kind="event",
        event_type="COERCE",
        modes=["arrest"],
        contexts=["terrorism"],
        subtype="cell_dismantled",
        joint_operation=True,
        actors=[
            Actor(
                text="BCIJ",
                name="Central Bureau of Judicial Investigations",
                country="MAR",
                sector="COP",
                span=span("BCIJ"),
            )
        ],
        targets=[
            Target(
                text="terrorist cell", kind="cell", affiliation="Islamic State", span=span("terrorist cell")
            )
        ],
        sites=[
            Site(
                text="Almeria",
                name="Almería",
                country="ESP",
                lat=36.84,
                lon=-2.46,
                precision="city",
                span=span("Almeria"),
            ),
            Site(
                text="Chtouka Ait Baha",
                name="Chtouka Aït Baha",
                country="MAR",
                precision="admin2",
                span=span("Chtouka Ait Baha"),
            ),
        ],
        quantities=[
            Quantity(
                kind="cell_members",
                value=count.value,
                span=Span(start=count.start, end=count.end, text=count.text),
            )
        ],
        time=EventTime(
            text=when.text, start=when.start, end=when.end, precision=when.precision, anchor=when.anchor
        ),
        evidence=[span("to dismantle a terrorist cell loyal to the ISIS organization")],
        confidence=0.9,
        extractor_version="test",
    )


def test_every_span_points_at_its_text() -> None:
    record = mention()
    assert len(record.spans()) == 6
    for s in record.spans():
        assert TEXT[s.start : s.end] == s.text
    assert decode(EventMention, encode(record)) == record


def test_the_contract_keeps_its_field_names() -> None:
    fields = set(json.loads(encode(mention())))
    assert fields == {
        "schema_version",
        "mention_id",
        "article_id",
        "url",
        "published_at",
        "record_kind",
        "event_type",
        "modes",
        "contexts",
        "subtype",
        "factuality",
        "joint_operation",
        "actors",
        "targets",
        "sites",
        "quantities",
        "time",
        "evidence",
        "confidence",
        "event_id",
        "extractor_version",
        "ontology_version",
    }


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [(5, 3, ""), (0, 4, "BCI"), (0, 2, "BCIJ")],
)
def test_spans_that_do_not_fit_their_text_are_rejected(start: int, end: int, text: str) -> None:
    with pytest.raises(ValidationError):
        Span(start=start, end=end, text=text)


def test_bad_records_fail_to_decode() -> None:
    data = json.loads(encode(mention()))
    for field, value in (
        ("record_kind", "rumour"),
        ("subtype", "picnic"),
        ("confidence", 1.5),
        ("evidence", []),
    ):
        broken = {**data, field: value}
        with pytest.raises(DecodeError):
            decode(EventMention, json.dumps(broken).encode())
    with pytest.raises(ValidationError):
        Site(text="x", name="x", country="MA", precision="city")  # alpha-3 only


def test_counts_and_offsets_past_int64_do_not_validate() -> None:
    # issue 20: "arrested 99999999999999999999 suspects" validated, then overflowed the int64 column
    with pytest.raises(ValidationError):
        Quantity(kind="arrested", value=2**63)
    with pytest.raises(ValidationError):
        Span(start=0, end=2**63, text="")
    assert Quantity(kind="arrested", value=2**63 - 1).value == 2**63 - 1


def test_an_absurd_count_in_the_text_is_no_count_and_the_record_still_validates() -> None:
    from services.extractor.events.assemble import extract_events

    found = extract_events(
        "Police arrested 99999999999999999999 suspects in Rabat on Monday, the ministry said.",
        article_id="a",
        url="u",
        published_at=date(2024, 5, 20),
    )
    assert found and all(q.value is None or q.value <= 10**10 for m in found for q in m.quantities)
    assert [decode(EventMention, encode(m)) for m in found] == found
    assert find_numbers("arrested 99999999999999999999 suspects") == []
