"""The linker's compact state: profiles, digests and the two record stores."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from schemas.events import EventTime
from services.linker import linker as linker_module
from services.linker.linker import Linker
from services.linker.state import ClusterStore, digest, holds
from services.linker.state_file import StateFile
from tests.unit.linker.test_linking import ALMERIA, CORPUS, FEZ, _day, _link_corpus, _mention, _reported


def test_a_digest_is_found_only_where_one_starts() -> None:
    a, b = digest("mention-a"), digest("mention-b")
    assert holds(a + b, a) and holds(a + b, b)
    assert not holds(a + b, (a + b)[4:12])  # the bytes are there, straddling two digests
    assert not holds(b"", a)


@pytest.mark.parametrize("spilled", [False, True])
def test_a_record_store_keeps_the_latest_version_of_each_event(tmp_path: Path, spilled: bool) -> None:
    linker = Linker()
    first = linker.link(_mention("m1", _day(date(2023, 5, 2)), [ALMERIA]), "a.example")
    second = linker.link(_mention("m2", _day(date(2023, 5, 2)), [ALMERIA]), "b.example")
    other = linker.link(_mention("m3", _day(date(2023, 6, 9)), [FEZ]), "c.example")
    assert first and second and other and not second.created
    store = StateFile(tmp_path / "state.sqlite", "clusters") if spilled else ClusterStore()
    for assignment in (first, other, second):  # the second version replaces the first
        store.put(assignment.cluster)
    assert len(store) == 2
    assert store.get(first.cluster.event_id) == second.cluster
    assert sorted(c.event_id for c in store) == sorted([first.cluster.event_id, other.cluster.event_id])
    store.discard(other.cluster.event_id)
    store.discard(other.cluster.event_id)  # twice: nothing more goes
    assert len(store) == 1
    with pytest.raises(KeyError):
        store.get(other.cluster.event_id)


def test_records_kept_in_a_file_give_the_same_events_as_records_in_memory(tmp_path: Path) -> None:
    articles = json.loads(CORPUS.read_text(encoding="utf-8"))["articles"]
    in_memory = Linker()
    spilled = Linker(records=StateFile(tmp_path / "state.sqlite", "clusters"))
    assert _link_corpus(articles, spilled) == _link_corpus(articles, in_memory)
    assert sorted(c.model_dump_json() for c in spilled.clusters()) == sorted(
        c.model_dump_json() for c in in_memory.clusters()
    )


def test_an_event_let_go_leaves_every_block_it_was_filed_under() -> None:
    linker = Linker(horizon_days=30, forget_every=1)
    undated = _reported("m1", date(2023, 5, 2), [ALMERIA], date(2023, 5, 3))
    linker.link(undated.model_copy(update={"time": EventTime()}), "a.example")
    # a second report dates it: the event is filed under its month now, and was under "undated"
    dated = linker.link(_reported("m2", date(2023, 5, 2), [ALMERIA], date(2023, 5, 3)), "b.example")
    assert dated is not None and not dated.created and dated.cluster.time.start == date(2023, 5, 2)
    for i in range(3):  # news of a later month moves the clock past the horizon
        linker.link(_reported(f"n{i}", date(2023, 9, 1), [FEZ], date(2023, 9, 1)), f"c{i}.example")
    assert len(linker) == 1  # only the September event is left
    september_alone = Linker()
    september_alone.link(_reported("n0", date(2023, 9, 1), [FEZ], date(2023, 9, 1)), "c0.example")
    assert linker.blocking_entries == september_alone.blocking_entries


def test_the_undated_look_up_of_a_country_holds_only_its_most_recent_events(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(linker_module, "RECENT_PER_COUNTRY", 2)
    linker = Linker()
    months = [date(2023, m, 10) for m in (1, 3, 5, 7, 9)]  # five months: five events
    for i, day in enumerate(months):
        linker.link(_reported(f"m{i}", day, [ALMERIA], day), f"o{i}.example")
    assert len(linker) == 5
    # one entry per month, and the country's undated look-up keeps the two latest, not five
    assert linker.blocking_entries == 5 + 2
    again = linker.link(_reported("m9", months[-1], [ALMERIA], months[-1]), "later.example")
    assert again is not None and not again.created  # a second report of an event in the block
    assert linker.blocking_entries == 5 + 2  # is not filed twice
