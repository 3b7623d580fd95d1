"""A valid record that no column can hold is refused per record, before it can fail a batch."""

from __future__ import annotations

import pytest

from services.sink.batches import UnwritableRecord, add_record
from services.sink.buffer import PartitionBuffer
from services.sink.tables import TABLES
from tests.factories import event_mention


def test_a_count_past_int64_is_unwritable_and_leaves_the_buffer_without_a_row() -> None:
    mention = event_mention(1)
    assert mention.quantities
    huge_count = mention.quantities[0].model_copy(update={"value": 99999999999999999999})
    huge = mention.model_copy(update={"quantities": [huge_count, *mention.quantities[1:]]})
    buffer = PartitionBuffer("t.events", 0)
    with pytest.raises(UnwritableRecord, match="quantities"):
        add_record(buffer, TABLES["events"], huge, 0)
    assert dict(buffer.rows_by_date) == {}
    add_record(buffer, TABLES["events"], mention, 1)  # an ordinary one still goes in
    assert sum(len(rows) for rows in buffer.rows_by_date.values()) == 1
