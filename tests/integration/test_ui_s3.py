"""newswire ui over tables in an S3 bucket (moto's server on loopback), as with NEWSWIRE_SINK__S3_URL."""

from __future__ import annotations

import uuid

import pytest

from services.common.settings import SinkSettings
from services.sink.storage import open_storage
from services.ui import queries
from services.ui.filters import Filters
from services.ui.store import TableStore
from tests.integration.s3_server import MotoS3Server
from tests.ui.corpus import dead_letter, generated_tables, write_tables

pytestmark = pytest.mark.integration


def test_the_views_read_a_bucket(s3_server: MotoS3Server, s3_credentials: None) -> None:
    bucket = f"newswire-ui-{uuid.uuid4().hex[:8]}"
    s3_server.create_bucket(bucket)
    storage = open_storage(SinkSettings(s3_url=f"s3://{bucket}/tables", s3_endpoint=s3_server.endpoint))
    write_tables(storage, {**generated_tables(40), "deadletter": [dead_letter(1)]})
    snapshot = TableStore(storage).current()
    table = queries.event_table(snapshot, Filters(), limit=10, offset=0, sort="date")
    assert table["total"] == 40
    detail = queries.event_detail(snapshot, table["rows"][0]["id"])
    assert detail is not None and len(detail["articles"]) == 1
    span = detail["mentions"][0]["evidence"][0]
    assert detail["articles"][0]["text"][span["start"] : span["end"]] == span["text"]
    assert queries.pipeline(snapshot)["deadletters"][0]["n"] == 1
