"""The explorer's JSON API and pages over HTTP, against a real server process."""

from __future__ import annotations

import csv
import io
import socket
from urllib.parse import urlparse

import httpx
import pytest

ERROR_KEYS = {"status", "code", "message", "details"}
SECURITY_HEADERS = {"content-security-policy", "x-content-type-options", "x-frame-options",
                    "referrer-policy"}


@pytest.fixture(scope="module")
def http(explorer):
    with httpx.Client(base_url=explorer, timeout=30) as client:
        yield client


def assert_error(response: httpx.Response, status: int, code: str) -> dict:
    """The one error shape every API error has."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status and body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


def test_binds_loopback_only(explorer):
    host = urlparse(explorer).hostname
    assert host == "127.0.0.1"
    port = urlparse(explorer).port
    other = [a for a in socket.gethostbyname_ex(socket.gethostname())[2]
             if not a.startswith("127.")]
    for address in other[:1]:
        with pytest.raises(OSError), socket.create_connection((address, port), timeout=2):
            pass


def test_events_filters_and_paging(http):
    everything = http.get("/api/events", params={"limit": 1000}).json()
    assert everything["total"] == len(everything["events"]) > 300
    energy = http.get("/api/events", params={"pillar": "energy", "limit": 1000}).json()
    assert 0 < energy["total"] < everything["total"]
    assert all("energy" in e["pillars"] for e in energy["events"])
    putin = http.get("/api/events", params={"actor": "Владимир Путин", "limit": 1000}).json()
    assert putin["total"] > 10
    assert all(any(a["id"] == "vladimir-putin" for a in e["actors"]) for e in putin["events"])
    window = http.get("/api/events", params={"since": "2001-01-01", "until": "2001-12-31",
                                             "limit": 1000}).json()
    assert window["total"] > 0 and all(e["date"].startswith("2001") for e in window["events"])
    milestones = http.get("/api/events", params={"importance": 1, "limit": 1000}).json()
    assert {e["importance"] for e in milestones["events"]} == {1}
    first = http.get("/api/events", params={"limit": 5, "offset": 0}).json()["events"]
    second = http.get("/api/events", params={"limit": 5, "offset": 5}).json()["events"]
    assert [e["id"] for e in first + second] == [e["id"] for e in everything["events"][:10]]
    newest = http.get("/api/events", params={"sort": "-date", "limit": 20}).json()["events"]
    assert [e["date"] for e in newest] == sorted((e["date"] for e in newest), reverse=True)
    found = http.get("/api/events", params={"search": "Gabala", "limit": 1000}).json()
    assert found["total"] > 0
    assert all("gabala" in (e["title"] + (e["summary"] or "")).lower()
               for e in found["events"])


def test_events_csv_is_the_whole_selection(http):
    response = http.get("/api/events.csv", params={"pillar": "security"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    total = http.get("/api/events", params={"pillar": "security"}).json()["total"]
    assert len(rows) == total
    assert all("security" in r["pillars"].split(";") for r in rows)


def test_records_and_their_sources(http):
    event_id = http.get("/api/events", params={"importance": 1}).json()["events"][0]["id"]
    event = http.get(f"/api/events/{event_id}").json()
    assert event["id"] == event_id and event["sources"]
    assert all(s["url"].startswith("http") for s in event["sources"])
    aliyev = http.get("/api/entities/Heidar Aliyev").json()
    assert aliyev["id"] == "heydar-aliyev"
    assert any(t["office"] == "President of Azerbaijan" for t in aliyev["terms"])
    assert any(e["kind"] in ("meeting", "visit") for e in aliyev["events"])
    people = http.get("/api/entities", params={"kind": "person"}).json()
    assert people["total"] > 20 and {e["kind"] for e in people["entities"]} == {"person"}
    agreements = http.get("/api/agreements").json()["agreements"]
    agreement = http.get(f"/api/agreements/{agreements[0]['id']}").json()
    assert agreement["parties"] and agreement["sources"]
    treaty = next(a for a in agreements if a["date"].startswith("1997-07"))
    followed = http.get(f"/api/agreements/{treaty['id']}").json()["followed"]
    assert followed and all("1997-07" < e["date"] <= "1998-07-03" for e in followed)
    btc = http.get("/api/infrastructure/btc-pipeline").json()
    assert btc["commodity"] == "oil" and btc["owners"] and btc["sources"]
    assert sum(o["stake_pct"] or 0 for o in btc["owners"]) == pytest.approx(100, abs=0.5)
    source = http.get(f"/api/sources/{btc['sources'][0]['id']}").json()
    assert {"table": "infrastructure", "id": "btc-pipeline"} in [
        {"table": r["table"], "id": r["id"]} for r in source["cited_by"]]


def test_analyses(http):
    eras = http.get("/api/eras").json()
    assert any(e["leader_a_id"] == "heydar-aliyev" and e["leader_b_id"] == "vladimir-putin"
               for e in eras["eras"])
    yearly = http.get("/api/index").json()["index"]
    quarterly = http.get("/api/index", params={"by": "quarter"}).json()["index"]
    assert len(quarterly) > len(yearly) > 30
    assert sum(r["events"] for r in yearly) == sum(r["events"] for r in quarterly)
    security = http.get("/api/index", params={"pillar": "security"}).json()["index"]
    assert sum(r["events"] for r in security) < sum(r["events"] for r in yearly)
    network = http.get("/api/network").json()["actors"]
    assert {network[0]["id"], network[1]["id"]} == {"aze", "rus"}
    items = http.get("/api/timeline").json()["items"]
    assert len(items) == http.get("/api/events").json()["total"]


def test_energy_network_and_whatif(http):
    before = http.get("/api/energy/network", params={"on": "1998-01-01"}).json()
    assert [e["id"] for e in before["edges"]] == ["baku-novorossiysk", "mozdok-south"]
    later = http.get("/api/energy/network", params={"on": "2021-01-01"}).json()
    assert {"btc", "tap", "tanap-west"} <= {e["id"] for e in later["edges"]}
    assert all(n["kind"] != "waypoint" for n in later["nodes"])
    whatif = http.get("/api/energy/whatif", params={"without": "Russia",
                                                    "on": "2021-01-01"}).json()
    assert whatif["label"] == "Russia" and "baku-novorossiysk" in whatif["removed_segments"]
    oil = next(r for r in whatif["results"] if r["commodity"] == "oil")
    assert oil["capacity_without"] < oil["capacity"]
    assert "baku-novorossiysk" in oil["cut"] and "baku-novorossiysk" not in oil["cut_without"]
    wrong = assert_error(http.get("/api/energy/whatif", params={"without": "Atlantis"}), 404,
                         "not_found")
    assert "RUS" in wrong["message"]  # the error lists what may be taken out
    lines = http.get("/api/map", params={"on": "2021-01-01"}).json()["lines"]
    btc = next(line for line in lines if line["id"] == "btc")
    assert [p["name"] for p in btc["places"]][1] == "Tbilisi"  # drawn through its route
    assert all(len(line["coordinates"]) >= 2 for line in lines)


def test_check_round_trip(http):
    text = ("Heydar Aliyev became President of Azerbaijan in 1993. "
            "Vladimir Putin visited Baku in January 2001. "
            "Heydar Aliyev met Vladimir Putin in 2010.")
    result = http.post("/api/check", json={"text": text}).json()
    verdicts = [c["verdict"] for c in result["claims"]]
    assert verdicts[0] == "supported" and verdicts[1] == "supported"
    assert verdicts[2] == "anachronistic"  # Aliyev died in 2003
    assert result["summary"]["sentences"] == 3
    assert result["claims"][1]["evidence"][0]["source_urls"]


def test_error_shape_for_every_failure(http):
    assert_error(http.get("/api/events/no-such-event"), 404, "not_found")
    assert_error(http.get("/api/no-such-route"), 404, "not_found")
    assert_error(http.get("/api/entities/Nobody Atall"), 404, "not_found")
    bad = assert_error(http.get("/api/events", params={"limit": 0}), 422, "validation_error")
    assert bad["details"][0]["field"] == "query.limit"
    assert_error(http.get("/api/events", params={"pillar": "culture"}), 422, "validation_error")
    assert_error(http.get("/api/events", params={"since": "1993-13-01"}), 422,
                 "validation_error")
    assert_error(http.get("/api/events", params={"sort": "date; DROP TABLE events"}), 422,
                 "validation_error")
    assert_error(http.get("/api/events", params={"actor": "Aliyev"}), 422, "ambiguous_name")
    assert_error(http.post("/api/check", json={"txt": "x"}), 422, "validation_error")
    refused = http.post("/api/events")
    assert_error(refused, 405, "method_not_allowed")
    assert refused.headers["allow"] == "GET"
    assert_error(http.get("/api/events", params={"until": "0"}), 422, "validation_error")
    assert_error(http.get("/api/events", params={"actor": ""}), 422, "validation_error")
    assert_error(http.get("/api/events", params={"actor": ">"}), 422, "validation_error")
    assert_error(http.post("/api/check", json={"text": "x", "date": 0}), 422,
                 "validation_error")
    assert_error(http.get("/api/entities/%3E"), 422, "validation_error")
    broken = http.post("/api/check", content=b"{not json",
                       headers={"content-type": "application/json"})
    assert "JSON decode error" in assert_error(broken, 422, "validation_error")["message"]
    garbled = http.post("/api/check", content=b"\xff\xfe\xfd",
                        headers={"content-type": "application/json"})
    assert assert_error(garbled, 400, "bad_request")["message"] == \
        "the request body is not valid JSON"


def test_huge_bodies_are_refused_not_read(http):
    huge = "Putin visited Baku. " * 60_000  # 1.2 MB
    assert_error(http.post("/api/check", json={"text": huge}), 413, "payload_too_large")

    def chunks():
        for _ in range(120):
            yield b"x" * 10_000

    chunked = http.post("/api/check", content=chunks(),
                        headers={"content-type": "application/json"})
    assert_error(chunked, 413, "payload_too_large")
    too_long = "a" * 200_001  # under the byte limit, over the checker's text limit
    assert_error(http.post("/api/check", json={"text": too_long}), 422, "validation_error")


@pytest.mark.parametrize("path", ["/", "/events", "/api/events", "/static/app.css",
                                  "/api/nothing", "/nothing"])
def test_security_headers_everywhere(http, path):
    response = http.get(path)
    assert set(response.headers) >= SECURITY_HEADERS
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-eval" not in csp


PAGES = {
    "/": ["Leader eras", "Cooperation index", "Heydar Aliyev"],
    "/timeline": ["Timeline", "All 3"],
    "/events": ["events", "download this selection"],
    "/events?pillar=energy&sort=-date": ["energy"],
    "/entities": ["Entities"],
    "/entities/vladimir-putin": ["President of Russia", "Meetings and visits"],
    "/agreements": ["Agreements"],
    "/infrastructure": ["Baku–Tbilisi–Ceyhan"],
    "/infrastructure/btc-pipeline": ["Owners", "BP"],
    "/map": ["Energy routes", "Lines drawn on the map"],
    "/map?without=RUS&on=2021-01-01": ["What if Russia were gone", "taken out"],
    "/network": ["most connected"],
    "/check": ["Check a text"],
    "/docs": ["openapi.json"],
}


@pytest.mark.parametrize("path", list(PAGES))
def test_pages_read_without_javascript(http, path):
    response = http.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    for text in PAGES[path]:
        assert text in response.text
    assert "<script>" not in response.text  # no inline scripts: the CSP would block them


def test_events_page_filters_server_side(http):
    everything = http.get("/events").text
    energy = http.get("/events", params={"pillar": "energy"}).text
    count = lambda page: int(page.split('id="count"')[1].split("<strong>")[1].split("<")[0])  # noqa: E731
    assert count(energy) < count(everything)
    assert count(energy) == http.get("/api/events", params={"pillar": "energy"}).json()["total"]


def test_events_form_without_javascript_sends_empty_fields(http):
    """A plain form submit sends every field; empty ones mean no filter, not an error."""
    page = http.get("/events?search=&pillar=energy&kind=&actor=&since=&until=&importance="
                    "&sort=date")
    assert page.status_code == 200
    assert "energy" in page.text
    strict = http.get("/api/events?importance=")
    assert strict.status_code == 422  # the API keeps its parameters strict


def test_pages_escape_what_users_type(http):
    attack = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    page = http.get("/events", params={"search": attack}).text
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)" in page
    checked = http.post("/check", data={"text": attack + " Putin visited Baku in 2001."}).text
    assert "<script>alert(1)" not in checked and "<img src=x" not in checked


def test_page_errors_are_pages(http):
    response = http.get("/events/no-such-event")
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    assert "no event with id" in response.text
    assert http.post("/check", data={"text": ""}).status_code == 422


def test_check_page_posts_text_and_files(http):
    page = http.post("/check", data={"text": "Vladimir Putin visited Baku in January 2001."})
    assert page.status_code == 200 and '<mark class="supported"' in page.text
    upload = http.post("/check", files={"file": ("a.md", b"# Title\n\nHeydar Aliyev met "
                                                       b"Vladimir Putin in 2010.\n")})
    assert '<mark class="anachronistic"' in upload.text


def test_openapi_documents_the_error_shape(http):
    schema = http.get("/openapi.json").json()
    assert "ErrorBody" in schema["components"]["schemas"]
    responses = schema["paths"]["/api/events"]["get"]["responses"]
    assert {"200", "404", "422"} <= set(responses)
    for path in ["/api/events", "/api/entities", "/api/eras", "/api/index", "/api/check"]:
        assert path in schema["paths"]
