"""The explorer over an imported event store (`bilateral serve --store`): the dyad series
page and endpoint, checked by hand against the synthetic ICEWS and POLECAT fixtures."""

from __future__ import annotations

import httpx
import pytest

from bilateral.events.importer import import_files

from conftest import HERE, ExplorerServer

EVENTS = HERE / "fixtures" / "events"


@pytest.fixture(scope="module")
def http(tmp_path_factory):
    root = tmp_path_factory.mktemp("explorer-store")
    import_files("icews", [EVENTS / "icews-synthetic.tab"], root / "store")
    import_files("polecat", [EVENTS / "polecat-synthetic-2023.tsv"], root / "store")
    server = ExplorerServer(root / "kb.duckdb", "--store", str(root / "store"))
    with httpx.Client(base_url=server.url, timeout=60) as client:
        yield client
    server.stop()


def test_series_by_hand(http):
    rows = http.get("/api/series", params={"by": "month", "directed": "true"}).json()["series"]
    june = {r["direction"]: r for r in rows if r["period"] == "2018-06-01"}
    # ICEWS fixture, June 2018: RUS->AZE 042, 111, 042 ; AZE->RUS 043, 057 ; 7 events in all
    assert june["RUS->AZE"]["events"] == 3 and june["AZE->RUS"]["events"] == 2
    assert june["RUS->AZE"]["all_events"] == 7
    assert june["RUS->AZE"]["rate"] == pytest.approx(3 / 7)
    assert june["RUS->AZE"]["top_codes"] == "042:2 111:1"


def test_series_filters(http):
    everything = http.get("/api/series", params={"by": "year"}).json()["series"]
    icews = http.get("/api/series", params={"by": "year", "dataset": "icews"}).json()["series"]
    assert sum(r["events"] for r in icews) < sum(r["events"] for r in everything)
    missing = http.get("/api/series", params={"dataset": "gdelt"})
    assert missing.status_code == 404
    assert "icews, polecat" in missing.json()["error"]["message"]


def test_series_page_has_its_chart_and_menu_entry(http):
    page = http.get("/series", params={"by": "year", "directed": "true"})
    assert page.status_code == 200
    assert "<svg" in page.text and "AZE-&gt;RUS" in page.text  # escaped in the table
    assert 'href="/series"' in http.get("/").text


def test_without_a_store_the_series_says_how_to_get_one(explorer):
    response = httpx.get(f"{explorer}/api/series")
    assert response.status_code == 404
    assert "--store" in response.json()["error"]["message"]
    assert 'href="/series"' not in httpx.get(f"{explorer}/").text
