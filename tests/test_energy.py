"""The energy network: flows and cuts on hand-computed networks, time, units, the CLI."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date

import pandas as pd
import pytest

from bilateral.analysis import energy
from bilateral.errors import InputError
from bilateral.model.units import convert, factor_table

from conftest import MINI

DAY = date(2020, 6, 1)


def node(id_: str, country: str, region: str | None = None) -> dict:
    return {"id": id_, "name": id_.upper(), "kind": "junction", "country": country,
            "region": region, "lat": None, "lon": None, "source_ids": ["s"]}


def seg(id_: str, a: str, b: str, cap: float, unit: str = "bcm/y", commodity: str = "gas",
        countries: tuple[str, ...] = ("AAA",), opened: str = "2000-01-01",
        closed: str | None = None, line: str | None = None) -> dict:
    return {"id": id_, "infrastructure_id": line or id_, "from_node": a, "to_node": b,
            "commodity": commodity, "mode": "pipeline", "capacity": cap, "capacity_unit": unit,
            "countries": list(countries), "opened": pd.Timestamp(opened),
            "closed": pd.Timestamp(closed) if closed else pd.NaT, "source_ids": ["s"]}


CONVERSIONS = pd.DataFrame([{"id": "c", "commodity": "oil", "from_unit": "Mt/y",
                             "to_unit": "b/d", "factor": 20050.0, "source_ids": ["s"]}])


def network(segments: list[dict], nodes: list[dict]) -> energy.Network:
    return energy.create_network(pd.DataFrame(nodes), pd.DataFrame(segments), CONVERSIONS)


# Two parallel paths, 10 and 5, meet at j and share a bottleneck j -> dst.
NODES = [node("src", "AAA"), node("m1", "DDD"), node("m2", "CCC"), node("j", "DDD"),
         node("dst", "BBB", "EU")]


def parallel(neck: float) -> energy.Network:
    return network([seg("p1", "src", "m1", 10), seg("p2", "src", "m2", 5, countries=("CCC",)),
                    seg("q1", "m1", "j", 11), seg("q2", "m2", "j", 5, countries=("CCC",)),
                    seg("neck", "j", "dst", neck, countries=("AAA", "BBB"))], NODES)


def test_shared_bottleneck_caps_the_flow_and_is_the_cut():
    graph = energy.create_graph(parallel(12), "gas", DAY)
    flow = energy.max_flow(graph, {"src"}, {"dst"})
    assert flow.value == 12
    assert flow.cut == ["neck"] and flow.cut_edges == [("j", "dst")]


def test_a_wide_bottleneck_moves_the_cut_to_the_narrowest_lines():
    net = network([seg("p1", "src", "m1", 10), seg("p2", "src", "m2", 5),
                   seg("q1", "m1", "j", 11), seg("q2", "m2", "j", 6),
                   seg("neck", "j", "dst", 20)], NODES)
    flow = energy.max_flow(energy.create_graph(net, "gas", DAY), {"src"}, {"dst"})
    assert flow.value == 15
    assert flow.cut == ["p1", "p2"]


def test_parallel_segments_between_two_nodes_add_up():
    net = network([seg("old", "src", "dst", 7.4), seg("loop", "src", "dst", 16)], NODES)
    graph = energy.create_graph(net, "gas", DAY)
    assert graph.edges["src", "dst"]["capacity"] == pytest.approx(23.4)
    assert energy.max_flow(graph, {"src"}, {"dst"}).cut == ["loop", "old"]


def test_time_filter_keeps_only_what_was_open():
    net = network([seg("a", "src", "dst", 5, opened="2000-01-01", closed="2020-01-01"),
                   seg("b", "src", "dst", 3, opened="2020-01-01"),
                   seg("c", "src", "dst", 9, opened="2021-03-01")], NODES)
    assert list(energy.filter_open(net.segments, date(2019, 12, 31))["id"]) == ["a"]
    assert list(energy.filter_open(net.segments, date(2020, 1, 1))["id"]) == ["b"]
    assert energy.capacity(net, "AAA", "BBB", "gas", date(2021, 2, 28))["capacity"] == 3
    assert energy.capacity(net, "AAA", "BBB", "gas", date(2021, 3, 1))["capacity"] == 12
    years = energy.capacity_by_year(net, "AAA", "EU", "gas", 2021)
    assert list(zip(years["year"], years["capacity"], strict=True))[-3:] == \
        [(2019, 5), (2020, 3), (2021, 12)]


def test_without_a_country_drops_its_segments_and_nodes():
    net = parallel(12)
    without = energy.resolve_without(net, "CCC")
    assert without.segments == {"p2", "q2"} and without.nodes == {"m2"}
    result = energy.whatif(net, without, "src", "dst", ("gas",), DAY).iloc[0]
    assert (result["capacity"], result["capacity_without"]) == (12, 10)
    assert result["lost_share"] == pytest.approx(1 / 6)
    assert result["cut"] == ["neck"] and result["cut_without"] == ["p1"]
    share = energy.capacity(net, "AAA", "BBB", "gas", DAY, via="CCC")
    assert share["via_capacity"] == 2 and share["via_share"] == pytest.approx(2 / 12)


def test_routes_list_transit_countries_between_the_ends():
    found = energy.routes(parallel(12), "AAA", "EU", "gas", DAY)
    assert sorted(map(tuple, found["segments"])) == [("p1", "q1", "neck"), ("p2", "q2", "neck")]
    by_path = {tuple(r.segments): r for r in found.itertuples()}
    assert by_path[("p2", "q2", "neck")].transit == ["CCC"]
    assert by_path[("p2", "q2", "neck")].capacity == 5
    assert by_path[("p1", "q1", "neck")].transit == []


def test_units_convert_both_ways_through_the_cited_factor():
    factors = factor_table(CONVERSIONS.to_dict("records"))
    assert convert(5, "oil", "Mt/y", "b/d", factors) == 100250
    assert convert(convert(5, "oil", "Mt/y", "b/d", factors), "oil", "b/d", "Mt/y",
                   factors) == pytest.approx(5)
    with pytest.raises(InputError, match="no cited factor converts oil t/y to b/d"):
        convert(1, "oil", "t/y", "b/d", factors)
    net = network([seg("mt", "src", "dst", 2, unit="Mt/y", commodity="oil")], NODES)
    assert net.segments.loc[0, "capacity_net"] == 40100
    assert energy.capacity(net, "AAA", "BBB", "oil", DAY, unit="Mt/y")["capacity"] == \
        pytest.approx(2)


def test_hhi_by_hand():
    assert energy.hhi([0.5, 0.3, 0.2]) == pytest.approx(0.38)
    assert energy.hhi([1.0]) == 1


def test_diversification_by_line_and_transit_country():
    net = network([seg("x", "src", "dst", 6, countries=("AAA", "BBB")),
                   seg("y", "src", "m2", 2, countries=("AAA", "CCC")),
                   seg("z", "src", "dst", 2, countries=("AAA", "CCC", "BBB"), line="x")],
                  NODES[:1] + NODES[2:])
    row = energy.diversification(net, "AAA", "gas", 2000).iloc[-1]
    assert row["lines"] == 2 and row["line_hhi"] == pytest.approx(0.8 ** 2 + 0.2 ** 2)
    # BBB carries 8 (x, z), CCC 4 (y, z): shares 2/3 and 1/3
    assert row["transit_countries"] == ["BBB", "CCC"]
    assert row["transit_hhi"] == pytest.approx(5 / 9)


def test_unknown_names_list_the_choices():
    with pytest.raises(InputError) as error:
        energy.resolve_without(parallel(12), "Atlantis")
    assert "AAA, BBB, CCC, DDD" in str(error.value) and "neck" in str(error.value)
    with pytest.raises(InputError, match="no node, country or region"):
        energy.place_nodes(parallel(12), "XYZ")
    with pytest.raises(InputError, match="not one of gas, oil"):
        energy.check_commodity("coal")


# -- the built-in network, through the CLI ------------------------------------------------


@pytest.fixture(scope="module")
def bilateral(tmp_path_factory):
    """The CLI on the built-in package, sharing one database across this module's tests."""
    env = {**os.environ, "BILATERAL_DB": str(tmp_path_factory.mktemp("db") / "kb.duckdb"),
           "COLUMNS": "200", "NO_COLOR": "1"}
    env.pop("BILATERAL_PACKAGE", None)

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "bilateral", "energy", *args],
                              capture_output=True, text=True, env=env, timeout=120)
    return run


def test_builtin_gas_to_the_eu_never_transits_russia(bilateral):
    result = bilateral("capacity", "--from", "AZE", "--to", "EU", "--commodity", "gas",
                       "--by", "year", "--until", "2024", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["year"], r["capacity"], r["via_share"]) for r in rows] == \
        [(y, 10, 0) for y in range(2020, 2025)]
    assert rows[0]["cut"] == ["tap"] and rows[0]["unit"] == "bcm/y"


def test_builtin_whatif_without_baku_novorossiysk_as_csv(bilateral):
    result = bilateral("whatif", "--without", "Baku–Novorossiysk", "--on", "2015",
                       "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    oil = next(r for r in rows if r["commodity"] == "oil")
    assert (oil["capacity"], oil["capacity_without"]) == ("1211000", "1106000")
    assert oil["cut"] == "baku-novorossiysk;baku-supsa;btc"
    gas = next(r for r in rows if r["commodity"] == "gas")
    assert gas["capacity"] == gas["capacity_without"] == "17.4"


def test_builtin_unknown_without_is_a_usage_error(bilateral):
    result = bilateral("whatif", "--without", "Atlantis")
    assert result.returncode == 2
    assert result.stderr.startswith("Error: --without: 'Atlantis' is no country, line or "
                                    "segment; use one of ALB, AZE")


def test_network_json_on_a_day_has_only_open_segments(bilateral):
    result = bilateral("network", "--on", "2019-06-30", "--commodity", "gas")
    doc = json.loads(result.stdout)
    assert {e["id"] for e in doc["edges"]} == {"scp", "scpx", "tanap-east", "mozdok-south",
                                               "mozdok-north"}
    assert all(e["source_ids"] for e in doc["edges"])


def test_mini_package_routes(tmp_path):
    env = {**os.environ, "BILATERAL_DB": str(tmp_path / "mini.duckdb")}
    result = subprocess.run([sys.executable, "-m", "bilateral", "energy", "routes",
                             "--package", str(MINI), "--commodity", "oil", "--on", "2010",
                             "--format", "json"], capture_output=True, text=True, env=env,
                            timeout=120)
    routes = json.loads(result.stdout)
    assert [(r["segments"], r["transit"], r["capacity"]) for r in routes] == \
        [(["btc"], ["GEO"], 1000000), (["baku-novorossiysk"], [], 105000)]
