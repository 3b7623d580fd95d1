"""The UI's JSON API over tables the sink's writer wrote: what each view returns, what the filters
do, and that no filter value, however hostile, gets past validation into a query."""

from __future__ import annotations

import csv
import io
import time
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.common.settings import UISettings
from services.ui import UIRefused, check_binding
from services.ui.server import events_csv
from tests.ui.conftest import GENERATED_EVENTS, Served, serve
from tests.ui.corpus import generated_tables, write_tables


def get(ui: Served, path: str, **params: Any) -> Any:
    response = ui.client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def map_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [dict(zip(data["columns"], row, strict=True)) for row in data["rows"]]


def test_the_map_shows_every_site_with_coordinates_of_the_demo_events(demo_ui: Served) -> None:
    sites = map_rows(get(demo_ui, "/api/map"))
    events = get(demo_ui, "/api/events", limit=500)["rows"]
    assert {s["id"] for s in sites} <= {e["id"] for e in events}
    names = {s["name"] for s in sites}
    assert {"Casablanca", "Tangier"} <= names
    assert all(-90 <= s["lat"] <= 90 and -180 <= s["lon"] <= 180 for s in sites)
    # a site the extractor counted keeps its count (Casablanca: six of the ten arrests of 2015-10-04)
    assert any(s["name"] == "Casablanca" and s["count"] == 6 for s in sites)


def test_filters_narrow_every_view_alike(demo_ui: Served) -> None:
    everything = get(demo_ui, "/api/events", limit=500)
    arrests = get(demo_ui, "/api/events", subtype="arrest", limit=500)
    assert 0 < arrests["total"] < everything["total"]
    assert {r["subtype"] for r in arrests["rows"]} == {"arrest"}
    line = get(demo_ui, "/api/timeline", subtype="arrest", bucket="day")
    assert sum(n for _, _, n in line["rows"]) + line["undated"] == arrests["total"]
    assert {r["subtype"] for r in map_rows(get(demo_ui, "/api/map", subtype="arrest"))} == {"arrest"}
    shared = get(demo_ui, "/api/events", min_sources=2)["rows"]
    assert shared and all(r["n_sources"] >= 2 for r in shared)
    spain = get(demo_ui, "/api/events", country="ESP", limit=500)["rows"]
    assert spain and all("ESP" in r["countries"] for r in spain)
    dated = get(demo_ui, "/api/events", start="2023-01-01", end="2023-12-31", limit=500)["rows"]
    assert dated and all(r["day_end"] >= "2023-01-01" and r["day_start"] <= "2023-12-31" for r in dated)


def test_text_filters_match_words_of_the_evidence_and_take_like_wildcards_literally(demo_ui: Served) -> None:
    found = get(demo_ui, "/api/events", q="Xeraco")["rows"]
    assert len(found) == 1 and "Xeraco" in found[0]["sites"]
    assert get(demo_ui, "/api/events", q="%")["total"] == 0  # no evidence holds a percent sign
    assert get(demo_ui, "/api/events", actor="bureau of judicial")["total"] >= 1
    assert get(demo_ui, "/api/events", group="islamic state")["total"] >= 1


def test_other_record_kinds_are_their_own_selection(demo_ui: Served) -> None:
    aggregates = get(demo_ui, "/api/events", kind="aggregate", limit=500)["rows"]
    assert aggregates and {r["record_kind"] for r in aggregates} == {"aggregate"}
    every = get(demo_ui, "/api/events", kind="all", limit=500)["total"]
    events = get(demo_ui, "/api/events", limit=500)["total"]
    assert every > events


def test_the_event_page_pins_each_evidence_span_to_its_article_text(demo_ui: Served) -> None:
    shared = get(demo_ui, "/api/events", min_sources=2)["rows"][0]
    detail = get(demo_ui, f"/api/event/{shared['id']}")
    assert len(detail["articles"]) == shared["n_sources"] == 2
    assert len(detail["event"]["merge_evidence"]) == 2
    texts = {a["article_id"]: a["text"] for a in detail["articles"]}
    spans = [(m["article_id"], s) for m in detail["mentions"] for s in m["evidence"]]
    assert spans
    for article_id, span in spans:
        assert texts[article_id][span["start"] : span["end"]] == span["text"]


def test_a_lone_mention_of_another_kind_has_a_page_too(demo_ui: Served) -> None:
    aggregate = get(demo_ui, "/api/events", kind="aggregate")["rows"][0]
    detail = get(demo_ui, f"/api/event/{aggregate['id']}")
    assert detail["event"]["standalone"] is True
    assert [m["mention_id"] for m in detail["mentions"]] == [aggregate["id"]]


def test_the_article_page_lists_its_records_with_the_events_they_were_linked_to(demo_ui: Served) -> None:
    shared = get(demo_ui, "/api/events", min_sources=2)["rows"][0]
    article_id = get(demo_ui, f"/api/event/{shared['id']}")["articles"][0]["article_id"]
    detail = get(demo_ui, f"/api/article/{article_id}")
    assert detail["article"]["text"]
    assert shared["id"] in {m["linked_event_id"] for m in detail["mentions"]}


def test_unknown_ids_are_404s(demo_ui: Served) -> None:
    assert demo_ui.client.get("/api/event/ev-nope").status_code == 404
    assert demo_ui.client.get("/api/article/' OR 1=1 --").status_code == 404
    assert demo_ui.client.get("/api/event/" + "x" * 500).status_code == 400


def test_the_pipeline_view_counts_dead_letters_by_stage_and_reason(demo_ui: Served) -> None:
    data = get(demo_ui, "/api/pipeline")
    counts = {(d["stage"], d["reason"]): d["n"] for d in data["deadletters"]}
    assert counts == {("fetcher", "http_404"): 4, ("fetcher", "timeout"): 1}
    assert sum(1 for x in data["examples"] if x["reason"] == "http_404") == 3  # the latest three
    assert sum(n for _, n in data["rows_per_day"]["articles"]) == 5
    feeds = get(demo_ui, "/api/feeds")
    assert feeds["connected"] is False and "broker" in feeds["error"]


def test_exports_carry_the_selection(demo_ui: Served) -> None:
    selection = get(demo_ui, "/api/events", subtype="cell_dismantled", limit=500)
    response = demo_ui.client.get("/api/export.csv", params={"subtype": "cell_dismantled"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == selection["total"] and {r["subtype"] for r in rows} == {"cell_dismantled"}
    geo = get(demo_ui, "/api/export.geojson", subtype="cell_dismantled")
    sites = get(demo_ui, "/api/map", subtype="cell_dismantled")
    assert len(geo["features"]) == sites["total"]
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_a_csv_cell_a_spreadsheet_would_run_as_a_formula_is_quoted() -> None:
    row = {
        "id": "e1", "record_kind": "event", "subtype": "arrest", "event_type": "COERCE",
        "day_start": None, "day_end": None, "n_sources": 1, "countries": [], "actors": ["=HYPERLINK(1)"],
        "groups": [], "sites": [{"name": "@SUM(A1)", "count": None}], "summary": "+1 arrested",
    }  # fmt: skip
    parsed = next(csv.DictReader(io.StringIO(events_csv([row]))))
    assert parsed["actors"] == "'=HYPERLINK(1)" and parsed["sites"] == "'@SUM(A1)"
    assert parsed["summary"] == "'+1 arrested"


HOSTILE = [
    ("subtype", "arrest' OR '1'='1"),
    ("country", "MAR'; DROP TABLE ui_events; --"),
    ("country", "mar"),
    ("start", "2024-13-45"),
    ("end", "yesterday"),
    ("start", "2024-05-01&end=2024-01-01"),
    ("min_sources", "1 OR 1=1"),
    ("min_sources", "-3"),
    ("min_sources", "99999999999999999999999"),
    ("kind", "event UNION SELECT * FROM articles"),
    ("q", "x" * 201),
    ("actor", "a" * 5_000),
    ("limit", "1e9"),
    ("offset", "-1"),
    ("bucket", "year"),
    ("sort", "id; DROP TABLE ui_events"),
    ("evil", "1"),
]


# the views that read each parameter that is not a filter (filters: every view)
READ_BY = {"limit": ("map", "events"), "offset": ("events",), "bucket": ("timeline",), "sort": ("events",)}


@pytest.mark.parametrize(("name", "value"), HOSTILE)
def test_a_hostile_filter_is_a_400_with_a_message(demo_ui: Served, name: str, value: str) -> None:
    for view in READ_BY.get(name, ("map", "timeline", "events", "export.csv", "export.geojson")):
        response = demo_ui.client.get(f"/api/{view}", params={name: value})
        assert response.status_code == 400, (view, response.text)
        assert response.json()["error"]


def test_a_request_line_longer_than_the_server_reads_is_a_400(demo_ui: Served) -> None:
    assert demo_ui.client.get("/api/events", params={"q": "a" * 10_000}).status_code == 400


def test_sql_in_a_text_filter_is_only_text(demo_ui: Served) -> None:
    for value in ("' OR 1=1 --", "'); DROP TABLE ui_events; --", "\\' UNION SELECT 1 --"):
        assert get(demo_ui, "/api/events", q=value)["total"] == 0
    assert get(demo_ui, "/api/events")["total"] > 0  # the table is still there


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(["q", "actor", "group", "country", "subtype", "start", "min_sources", "kind"]),
    value=st.text(min_size=1, max_size=300),
)
def test_no_generated_filter_value_makes_a_server_error(demo_ui: Served, name: str, value: str) -> None:
    response = demo_ui.client.get("/api/events", params={name: value})
    assert response.status_code in (200, 400), response.text
    if response.status_code == 400:
        assert response.json()["error"]


def test_ten_thousand_events_are_counted_whole_and_the_map_is_capped(generated_ui: Served) -> None:
    assert get(generated_ui, "/api/events", limit=1)["total"] == GENERATED_EVENTS
    line = get(generated_ui, "/api/timeline", bucket="week")
    assert sum(n for _, _, n in line["rows"]) == GENERATED_EVENTS
    sites = get(generated_ui, "/api/map")
    assert sites["shown"] == 5_000 < sites["total"]
    assert get(generated_ui, "/api/map", limit=10)["shown"] == 10
    page = get(generated_ui, "/api/events", limit=100, offset=9_950)
    assert len(page["rows"]) == 50


def test_new_files_in_the_tables_show_without_a_restart(live_ui: Served) -> None:
    before = get(live_ui, "/api/status")["loaded_at"]
    total = get(live_ui, "/api/events")["total"]
    write_tables(live_ui.root, generated_tables(3, seed=99), first_offset=1_000)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if get(live_ui, "/api/events")["total"] == total + 3:
            break
        time.sleep(0.3)
    assert get(live_ui, "/api/events")["total"] == total + 3
    assert get(live_ui, "/api/status")["loaded_at"] > before


def test_an_address_off_loopback_needs_a_token() -> None:
    with pytest.raises(UIRefused):
        check_binding(UISettings(host="0.0.0.0"))
    check_binding(UISettings(host="0.0.0.0", token="t" * 24))
    check_binding(UISettings(host="127.0.0.1"))


def test_the_token_is_required_once_set_and_then_carried_by_a_cookie(demo_root: Any) -> None:
    token = "s3cret-token-of-24-chars"
    for ui in serve(demo_root, token=token):
        assert ui.client.get("/api/status").status_code == 401
        assert ui.client.get("/api/status", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert ui.client.get("/api/status", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        first = httpx.get(f"{ui.url.split('?')[0]}?token={token}")
        assert first.status_code == 200 and first.cookies.get("newswire_ui_token") == token
        assert httpx.get(ui.url.split("?")[0] + "api/status", cookies=dict(first.cookies)).status_code == 200


def test_on_loopback_only_loopback_host_names_are_answered(demo_ui: Served) -> None:
    # a page on another site that rebinds its name to 127.0.0.1 sends its own name as Host
    response = demo_ui.client.get("/api/status", headers={"Host": "attacker.example"})
    assert response.status_code == 421
    assert demo_ui.client.get("/api/status", headers={"Host": "localhost"}).status_code == 200


def test_pages_forbid_outside_scripts_and_framing(demo_ui: Served) -> None:
    response = demo_ui.client.get("/event/anything")
    assert response.status_code == 200 and "<main" in response.text
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_an_output_with_no_files_yet_answers_every_view(tmp_path: Any) -> None:
    for ui in serve(tmp_path):
        for path in ("/api/map", "/api/timeline", "/api/events", "/api/pipeline", "/api/facets"):
            assert ui.client.get(path).status_code == 200, path
        assert get(ui, "/api/events")["total"] == 0
