"""The linker's state file: checkpoints that a restart loads instead of reading the whole topic."""

from __future__ import annotations

import json
import pickle
import random
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from schemas import EventMention
from services.extractor.events.assemble import extract_events
from services.linker.linker import Linker
from services.linker.state import EventProfile, profile_bytes, profile_from_bytes
from services.linker.state_file import StateFile
from tests.unit.linker.test_linking import ALMERIA, CORPUS, FEZ, _day, _mention, _reported

TOPIC = "p.event-clusters"


def _corpus_mentions() -> list[EventMention]:
    out = []
    for article in json.loads(CORPUS.read_text(encoding="utf-8"))["articles"]:
        out += extract_events(
            article["text"],
            article_id=article["id"],
            url=f"https://{article['outlet']}/{article['id']}",
            published_at=date.fromisoformat(article["published_at"]),
        )
    return [m for m in out if m.record_kind == "event"]


def _link(linker: Linker, mentions: list[EventMention]) -> list[tuple[str, int]]:
    out = []
    for mention in mentions:
        assignment = linker.link(mention, mention.url.split("/")[2])
        assert assignment is not None
        out.append((assignment.cluster.event_id, assignment.cluster.version))
    return out


def _profiles(linker: Linker) -> dict[str, EventProfile]:
    return {c.event_id: linker.profile(c.event_id) for c in linker.clusters()}


def _restored(
    path: Path, ends: dict[int, int], **linker: Any
) -> tuple[Linker, StateFile, dict[int, int] | None]:
    state = StateFile(path, TOPIC)
    positions = state.positions(ends)
    restored = Linker(records=state, **linker)
    if positions is not None:
        for profile in state.profiles():
            restored.adopt(profile)
    return restored, state, positions


def test_a_profile_survives_its_encoding_with_its_words_shared() -> None:
    linker = Linker()
    _link(linker, _corpus_mentions())
    profiles = _profiles(linker)
    assert len(profiles) > 5
    for profile in profiles.values():
        again = profile_from_bytes(profile_bytes(profile))
        assert again == profile
        # one copy of each word per process, as the live state keeps them
        assert all(w is sys.intern(w) for w in again.words + again.keys + again.actor_names)


def test_bytes_that_are_not_a_profile_are_refused_not_trusted() -> None:
    valid = profile_bytes(next(iter(_profiles(_linked_few()).values())))
    rng = random.Random(11)
    hostile = [
        b"",
        pickle.dumps(date(2024, 1, 1)),  # a class: the loader builds none
        pickle.dumps(("a", "b")),  # plain, but not a profile
        pickle.dumps((99, *range(14))),  # another format number
        *(valid[:cut] for cut in range(0, len(valid), max(1, len(valid) // 40))),  # truncated
        *(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300))) for _ in range(200)),
    ]
    for value in hostile:
        with pytest.raises(ValueError, match="not a linker profile"):
            profile_from_bytes(value)


def _linked_few() -> Linker:
    linker = Linker()
    linker.link(_mention("m1", _day(date(2023, 5, 2)), [ALMERIA], arrested=3), "a.example")
    linker.link(_mention("m2", _day(date(2023, 6, 9)), [FEZ]), "b.example")
    return linker


def _checkpointed_few(path: Path, positions: dict[int, int]) -> tuple[StateFile, Linker]:
    """A state file holding two events, checkpointed at ``positions``, and their linker."""
    state = StateFile(path, TOPIC)
    linker = _linked_few()
    for cluster in linker.clusters():
        state.put(cluster)
    state.checkpoint(linker.profile, positions)
    return state, linker


def test_a_restart_from_a_checkpoint_links_as_if_it_had_never_stopped(tmp_path: Path) -> None:
    mentions = _corpus_mentions()
    half = len(mentions) // 2
    never_stopped = Linker()
    expected = _link(never_stopped, mentions)

    path = tmp_path / "state.sqlite"
    state = StateFile(path, TOPIC)
    first = Linker(records=state)
    before = _link(first, mentions[:half])
    state.checkpoint(first.profile, {0: 7, 1: 3})
    at_checkpoint = _profiles(first)
    state.close()

    restored, state, positions = _restored(path, {0: 7, 1: 9})
    assert positions == {0: 7, 1: 3}
    assert len(restored) == len(state) == len({event_id for event_id, _ in before})
    assert _profiles(restored) == at_checkpoint
    assert before + _link(restored, mentions[half:]) == expected
    assert sorted(c.model_dump_json() for c in restored.clusters()) == sorted(
        c.model_dump_json() for c in never_stopped.clusters()
    )


def test_what_was_not_checkpointed_is_rolled_back(tmp_path: Path) -> None:
    mentions = _corpus_mentions()
    path = tmp_path / "state.sqlite"
    state = StateFile(path, TOPIC)
    linker = Linker(records=state)
    _link(linker, mentions[:4])
    state.checkpoint(linker.profile, {0: 4})
    at_checkpoint = sorted(c.model_dump_json() for c in linker.clusters())
    _link(linker, mentions[4:])  # versions never acknowledged, then the process dies
    assert len(state) > len(at_checkpoint)
    state.close()

    restored, state, positions = _restored(path, {0: 4})
    assert positions == {0: 4}
    assert sorted(c.model_dump_json() for c in restored.clusters()) == at_checkpoint


def test_an_event_let_go_leaves_the_file_at_the_next_checkpoint(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    state = StateFile(path, TOPIC)
    linker = Linker(horizon_days=30, forget_every=1, records=state)
    linker.link(_reported("m1", date(2023, 5, 2), [ALMERIA], date(2023, 5, 3)), "a.example")
    for i in range(3):  # a later month moves the clock past the horizon: May's event goes
        linker.link(_reported(f"n{i}", date(2023, 9, 1), [FEZ], date(2023, 9, 1)), f"c{i}.example")
    state.checkpoint(linker.profile, {0: 4})
    kept = [c.event_id for c in linker.clusters()]
    state.close()
    restored, _, _ = _restored(path, {0: 4}, horizon_days=30)
    assert [c.event_id for c in restored.clusters()] == kept
    assert len(kept) == 1


@pytest.mark.parametrize(
    ("topic", "ends", "why"),
    [
        ("other.event-clusters", {0: 7}, "another topic"),
        (TOPIC, {0: 7, 1: 0}, "another partition count"),
        (TOPIC, {0: 6}, "offsets past the end: the topic was created again"),
    ],
)
def test_a_checkpoint_of_another_topic_is_emptied_not_used(
    tmp_path: Path, topic: str, ends: dict[int, int], why: str
) -> None:
    path = tmp_path / "state.sqlite"
    state, _ = _checkpointed_few(path, {0: 7})
    state.close()

    reopened = StateFile(path, topic)
    assert reopened.positions(ends) is None, why
    assert len(reopened) == 0 and list(reopened) == []
    reopened.close()
    assert StateFile(path, TOPIC).positions({0: 7}) is None  # emptied, not set aside


def test_a_file_that_is_not_a_state_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    path.write_bytes(b"not an sqlite file at all" * 100)
    state = StateFile(path, TOPIC)
    assert len(state) == 0 and state.positions({0: 0}) is None
    state.close()
    with sqlite3.connect(path) as db:  # and what is there now is one
        assert db.execute("SELECT count(*) FROM records").fetchone() == (0,)


def test_an_event_discarded_alone_is_still_a_change_to_checkpoint(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    state, linker = _checkpointed_few(path, {0: 2})
    assert state.pending == 0
    gone = next(iter(linker.clusters())).event_id
    state.discard(gone)  # a restart's forget_old: no put, only a removal
    assert state.pending == 1
    state.checkpoint(linker.profile, {0: 2})
    state.close()
    again = StateFile(path, TOPIC)
    assert again.positions({0: 2}) == {0: 2}
    assert len(again) == 1 and gone not in {c.event_id for c in again}


def test_a_file_of_an_older_format_is_replaced_with_its_tables(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    with sqlite3.connect(path) as db:  # format 1 kept records and profiles in one table
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)", [("format", "1"), ("topic", TOPIC), ("partitions", "1")]
        )
        db.execute("CREATE TABLE events (event_id TEXT PRIMARY KEY, record BLOB, profile BLOB)")
        db.execute("INSERT INTO events VALUES ('ev-1', ?, ?)", (b"x" * 10_000, b"y"))
    db.close()
    state = StateFile(path, TOPIC)
    assert state.positions({0: 0}) is None
    state.close()
    with sqlite3.connect(path) as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    db.close()
    assert tables == {"meta", "positions", "records", "profiles"}


def test_a_state_file_damaged_past_its_header_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    state, _ = _checkpointed_few(path, {0: 2})
    state.close()  # the last connection's close copies the WAL into the file
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 2 * page
    data[page:] = bytes(random.Random(7).randrange(256) for _ in range(len(data) - page))
    path.write_bytes(bytes(data))  # the header and schema page intact, every other page garbage
    replaced = StateFile(path, TOPIC)
    assert len(replaced) == 0 and replaced.positions({0: 2}) is None
    replaced.close()


def test_a_damaged_table_the_open_does_not_read_is_found_before_it_is_used(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    state, _ = _checkpointed_few(path, {0: 2})
    state.close()
    with sqlite3.connect(path) as db:
        (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'profiles'").fetchone()
        page = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page : root * page] = b"\xff" * page  # only the profiles' page
    path.write_bytes(bytes(data))
    damaged = StateFile(path, TOPIC)
    assert len(damaged) == 2  # the records are readable
    assert damaged.positions({0: 2}) is None  # but the checkpoint is not used
    assert len(damaged) == 0
    damaged.close()
