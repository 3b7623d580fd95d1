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
