"""No input stops a stage: generated hostile inputs at each stage's per-record work.

For every generated input there is exactly one outcome: the extractor's work gives an article
(with records that encode) or nothing, never an exception; the linker links a mention or
declines it; the sink buffers a row that its Parquet schema takes, or refuses it as unwritable
(a dead letter); and an unexpected exception inside a handler becomes a dead letter with reason
``internal_error`` and the exception's class, after which the handler takes the next record.
"""

from __future__ import annotations

import asyncio
from datetime import date
from types import SimpleNamespace
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from schemas import DeadLetter, EventMention, decode, encode
from schemas.events import INT64_MAX, Quantity
from services.common.settings import Settings
from services.extractor.work import EventContext, extract_page
from services.linker.linker import Linker
from services.linker.worker import LinkerWorker
from services.sink.batches import UnwritableRecord, add_record
from services.sink.buffer import PartitionBuffer
from services.sink.tables import TABLES
from tests.factories import article, event_mention

EXAMPLES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# HTML fragments that have broken parsers: unclosed and deeply nested tags, control bytes,
# comments and CDATA, entities, scripts, bidi marks, NULs.
HTML_PARTS = [
    "<div>" * 300,
    "</p></div></body>",
    "<p>Police arrested 12 men in Tangier on Monday.</p>",
    "<article><h1>Cell dismantled</h1><p>The BCIJ dismantled a cell in Fez, the ministry said.</p>",
    "<!-- <p> -->",
    "<![CDATA[<p>x</p>]]>",
    "&#0;&#xD800;&amp;&nbsp;&#99999999;",
    "<script>document.write('<p>')</script>",
    "\x00\x01\x1b\x7f",
    "\u202e\u200f\ufeff",
    "<table>" + "<tr><td>1</td></tr>" * 50,
    "<meta charset='undefined'><meta property='article:published_time' content='99999-99-99'>",
]
html_docs = st.lists(
    st.one_of(st.sampled_from(HTML_PARTS), st.text(max_size=40)), min_size=1, max_size=15
).map("".join)


@EXAMPLES
@given(html=html_docs, crawled=st.dates(date(1900, 1, 1), date(2200, 1, 1)))
def test_the_extractors_work_on_any_page_is_an_article_or_nothing(html: str, crawled: date) -> None:
    extraction = extract_page(
        html, "http://127.0.0.1/a", EventContext("a" * 32, "http://127.0.0.1/a", crawled)
    )
    if extraction is not None:
        for mention in extraction.events:
            assert decode(EventMention, encode(mention)) == mention


def _mutated(base: EventMention, data: st.DataObject) -> EventMention:
    """A mention with hostile values the contract still allows."""
    count = data.draw(st.integers(0, INT64_MAX))
    site = base.sites[0].model_copy(
        update={
            "lat": data.draw(st.floats(-90, 90)),
            "lon": data.draw(st.floats(-180, 180)),
            "name": data.draw(st.text(max_size=50)),
            "count": data.draw(st.one_of(st.none(), st.integers(0, INT64_MAX))),
        }
    )
    start = data.draw(st.one_of(st.none(), st.dates(date(1, 1, 1), date(9999, 12, 31))))
    end = data.draw(st.one_of(st.none(), st.dates(date(1, 1, 1), date(9999, 12, 31))))
    mutated = base.model_copy(
        update={
            "mention_id": data.draw(st.text(min_size=1, max_size=40)),
            "url": data.draw(
                st.sampled_from(["http://a/", "", "not a url", "http://[::1]:0/x", "http://é.example/"])
            ),
            "sites": data.draw(st.sampled_from([[], [site], [site, site]])),
            "quantities": [Quantity(kind="arrested", value=count)],
            "time": base.time.model_copy(update={"start": start, "end": end}),
            "actors": data.draw(st.sampled_from([[], base.actors])),
        }
    )
    try:  # model_copy does not validate: keep what the contract (and so the topic) can carry
        return EventMention.model_validate(mutated.model_dump())
    except ValidationError:
        assume(False)
        raise


@EXAMPLES
@given(data=st.data())
def test_the_linker_links_or_declines_any_valid_mention(data: st.DataObject) -> None:
    linker = Linker()
    for i in range(3):
        mention = _mutated(event_mention(i), data)
        assignment = linker.link(mention, data.draw(st.text(max_size=20)))
        if assignment is not None:
            assert decode(type(assignment.cluster), encode(assignment.cluster)) == assignment.cluster


@EXAMPLES
@given(data=st.data())
def test_the_sink_buffers_a_row_its_schema_takes_or_refuses_the_record(data: st.DataObject) -> None:
    record: Any = data.draw(
        st.sampled_from(["articles", "events"]).map(
            lambda t: (
                t,
                article(data.draw(st.integers(0, 10**6)))
                if t == "articles"
                else _mutated(event_mention(0), data),
            )
        )
    )
    table, parsed = record
    spec = TABLES[table]
    buffer = PartitionBuffer(f"x.{table}", 0)
    try:
        add_record(buffer, spec, parsed, 0)
    except UnwritableRecord:
        return
    for rows in buffer.rows_by_date.values():
        pa.Table.from_pylist(rows, schema=spec.schema)  # what validates also writes


class _Producer:
    def __init__(self) -> None:
        self.sent: list[tuple[str, bytes]] = []

    async def send(self, topic: str, value: bytes, key: bytes | None = None) -> SimpleNamespace:
        self.sent.append((topic, value))
        return SimpleNamespace(partition=0, offset=len(self.sent) - 1)  # where the broker wrote it


class _Record:
    def __init__(self, value: bytes, offset: int) -> None:
        self.topic, self.partition, self.offset, self.key, self.value = "x.events", 0, offset, b"k", value


def test_an_unexpected_exception_in_the_linker_is_a_dead_letter_and_the_next_record_is_linked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    worker = LinkerWorker(Settings(kafka={"topic_prefix": "x."}))
    producer = _Producer()
    real_link = worker.linker.link
    calls = {"n": 0}

    def flaky(mention: EventMention, outlet: str) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:
            raise ZeroDivisionError("a bug met by an input nobody foresaw")
        return real_link(mention, outlet)

    monkeypatch.setattr(worker.linker, "link", flaky)
    asyncio.run(worker._handle(_Record(encode(event_mention(1)), 7), producer))  # type: ignore[arg-type]
    asyncio.run(worker._handle(_Record(encode(event_mention(2)), 8), producer))  # type: ignore[arg-type]
    (letter_topic, letter_value), (cluster_topic, _) = producer.sent
    letter = decode(DeadLetter, letter_value)
    assert letter_topic == "x.deadletter" and cluster_topic == "x.event-clusters"
    assert (letter.reason, letter.error_class, letter.source_offset) == (
        "internal_error",
        "ZeroDivisionError",
        7,
    )
