"""The energy pillar as a network: routes, capacities over time and what-if flows.

Segments are directed edges carrying one commodity; parallel segments between the same two nodes
(a line and its expansion loop) add up. Capacity from one place to another is the maximum flow
from every node located in the first to every node located in the second, so it measures the
lines, not the fields behind them or the demand beyond them. Capacity is not flow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import networkx as nx
import pandas as pd

from bilateral.errors import InputError
from bilateral.kb.names import normalise
from bilateral.model.units import NETWORK_UNITS, Factors, convert, factor_table

SOURCE, SINK = "__source__", "__sink__"
ANYWHERE = "any"


@dataclass(frozen=True)
class Network:
    """Nodes and segments, each segment's capacity also in its commodity's network unit."""

    nodes: pd.DataFrame      # id, name, kind, country, region, lat, lon, source_ids
    segments: pd.DataFrame   # the table plus `capacity_net`
    factors: Factors
    names: dict[str, str] = field(default_factory=dict)  # infrastructure id -> name


@dataclass(frozen=True)
class Without:
    """What a what-if removes: a country (its nodes and every segment through it) or lines."""

    label: str
    segments: frozenset[str]
    nodes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Flow:
    value: float
    cut: list[str]            # segment ids of the minimum cut
    cut_edges: list[tuple[str, str]]


def create_network(nodes: pd.DataFrame, segments: pd.DataFrame, conversions: pd.DataFrame,
                   names: dict[str, str] | None = None) -> Network:
    """The network with every capacity converted to its network unit by a cited factor."""
    factors = factor_table(conversions.to_dict("records"))
    segments = segments.copy()
    segments["capacity_net"] = [
        convert(float(s.capacity), s.commodity, s.capacity_unit, NETWORK_UNITS[s.commodity],
                factors) for s in segments.itertuples()]
    return Network(nodes.reset_index(drop=True), segments.reset_index(drop=True), factors,
                   names or {})


def check_commodity(commodity: str) -> str:
    if commodity not in NETWORK_UNITS:
        raise InputError(f"--commodity: {commodity!r} is not one of {', '.join(NETWORK_UNITS)}")
    return commodity


def filter_open(segments: pd.DataFrame, on: date) -> pd.DataFrame:
    """Segments open on a day: opened on or before it, closed after it (or not at all)."""
    day = pd.Timestamp(on)
    closed = segments["closed"]
    return segments[(segments["opened"] <= day) & (closed.isna() | (closed > day))]


def create_graph(network: Network, commodity: str, on: date,
                 without: Without | None = None) -> nx.DiGraph:
    """The network of one commodity on one day; parallel segments merge into one edge."""
    segments = filter_open(network.segments, on)
    segments = segments[segments["commodity"] == check_commodity(commodity)]
    dropped = without or Without("", frozenset())
    graph = nx.DiGraph()
    for node in network.nodes.itertuples():
        if node.id not in dropped.nodes and node.kind != "waypoint":  # waypoints only draw
            graph.add_node(node.id, name=node.name, country=node.country)
    for s in segments.itertuples():
        if s.id in dropped.segments or not {s.from_node, s.to_node} <= set(graph):
            continue
        data = graph.get_edge_data(s.from_node, s.to_node, {"capacity": 0.0, "segments": []})
        graph.add_edge(s.from_node, s.to_node, capacity=data["capacity"] + s.capacity_net,
                       segments=[*data["segments"], s.id])
    return graph


def max_flow(graph: nx.DiGraph, sources: set[str], sinks: set[str]) -> Flow:
    """Maximum flow and one minimum cut from a set of nodes to another, through a
    super-source and super-sink whose edges have no capacity limit."""
    sources, sinks = sources & set(graph), (sinks - sources) & set(graph)
    if not sources or not sinks:
        return Flow(0.0, [], [])
    g = graph.copy()
    g.add_edges_from((SOURCE, n) for n in sources)
    g.add_edges_from((n, SINK) for n in sinks)
    value, (reachable, _) = nx.minimum_cut(g, SOURCE, SINK)
    edges = sorted((u, v) for u, v in graph.edges if u in reachable and v not in reachable)
    cut = sorted(s for u, v in edges for s in graph.edges[u, v]["segments"])
    return Flow(float(value), cut, edges)


def place_nodes(network: Network, place: str) -> set[str]:
    """A node id, or every node in a country (ISO3) or market region (EU)."""
    nodes = network.nodes
    key = place.strip()
    found = set(nodes.loc[(nodes["id"] == key) | (nodes["country"] == key.upper()) |
                          (nodes["region"].fillna("") == key.upper()), "id"])
    if not found:
        countries = sorted(set(nodes["country"]) | set(nodes["region"].dropna()))
        raise InputError(f"{place!r} is no node, country or region of the energy network; "
                         f"use one of {', '.join(countries)} or a node id")
    return found


def _ends(network: Network, origin: str, destination: str) -> tuple[set[str], set[str]]:
    sources = place_nodes(network, origin)
    if destination == ANYWHERE:
        return sources, set(network.nodes["id"]) - sources
    return sources, place_nodes(network, destination) - sources


def resolve_without(network: Network, name: str, state_names: dict[str, str] | None = None
                    ) -> Without:
    """A country code or name, a segment id, or an infrastructure id or (start of a) name."""
    segments = network.segments
    key, code = normalise(name), name.strip().upper()
    countries = {c for cs in segments["countries"] for c in cs} | set(network.nodes["country"])
    by_name = {normalise(n): c for c, n in (state_names or {}).items() if c in countries}
    code = by_name.get(key, code)
    if code in countries:
        return Without(code, frozenset(segments.loc[[code in cs for cs in segments["countries"]],
                                                    "id"]),
                       frozenset(network.nodes.loc[network.nodes["country"] == code, "id"]))
    lines = {normalise(i): i for i in segments["infrastructure_id"]}
    lines.update({normalise(n): i for i, n in network.names.items() if i in set(lines.values())})
    ids = {normalise(s): s for s in segments["id"]}
    if key in ids:
        return Without(ids[key], frozenset({ids[key]}))
    hits = {lines[k] for k in lines if k == key} or {lines[k] for k in lines if k.startswith(key)}
    if len(hits) == 1:
        line = hits.pop()
        return Without(network.names.get(line, line),
                       frozenset(segments.loc[segments["infrastructure_id"] == line, "id"]))
    choices = sorted(countries) + sorted(set(lines.values())) + sorted(ids.values())
    what = "could mean several lines" if hits else "is no country, line or segment"
    raise InputError(f"--without: {name!r} {what}; use one of {', '.join(choices)}")


def _in_unit(network: Network, value: float, commodity: str, unit: str | None) -> float:
    return convert(value, commodity, NETWORK_UNITS[commodity], unit or NETWORK_UNITS[commodity],
                   network.factors)


def routes(network: Network, origin: str, destination: str = ANYWHERE, commodity: str = "gas",
           on: date | None = None, unit: str | None = None) -> pd.DataFrame:
    """Every simple path from the origin to the destination (stopping at the first node of the
    destination), with its lines, transit countries and bottleneck capacity."""
    on = on or date.today()
    graph = create_graph(network, commodity, on)
    sources, sinks = _ends(network, origin, destination)
    names = network.nodes.set_index("id")
    rows = []
    for start in sorted(sources & set(graph)):
        inner = graph.subgraph(set(graph) - (sources - {start}))
        for path in _paths(inner, start, sinks):
            edges = [graph.edges[u, v] for u, v in zip(path, path[1:], strict=False)]
            seg_ids = [s for e in edges for s in e["segments"]]
            rows.append({
                "commodity": commodity, "on": on,
                "route": " → ".join(names.loc[n, "name"] for n in path),
                "lines": _unique(network.names.get(i, i) for i in _lines(network, seg_ids)),
                "segments": seg_ids,
                "transit": _transit(network, seg_ids, names.loc[start, "country"],
                                    names.loc[path[-1], "country"]),
                "capacity": _in_unit(network, min(e["capacity"] for e in edges), commodity, unit),
                "unit": unit or NETWORK_UNITS[commodity]})
    columns = ["commodity", "on", "route", "lines", "segments", "transit", "capacity", "unit"]
    return pd.DataFrame(rows, columns=columns)


def _paths(graph: nx.DiGraph, start: str, sinks: set[str]):
    for sink in sorted(sinks & set(graph)):
        for path in nx.all_simple_paths(graph, start, sink):
            if not set(path[1:-1]) & sinks:
                yield path


def _lines(network: Network, segment_ids: list[str]) -> list[str]:
    by_id = network.segments.set_index("id")["infrastructure_id"]
    return [by_id[s] for s in segment_ids]


def _unique(values) -> list:
    return list(dict.fromkeys(values))


def _transit(network: Network, segment_ids: list[str], origin: str, end: str) -> list[str]:
    by_id = network.segments.set_index("id")["countries"]
    crossed = _unique(c for s in segment_ids for c in by_id[s])
    return [c for c in crossed if c not in {origin, end}]


def capacity(network: Network, origin: str, destination: str = ANYWHERE,
             commodity: str = "gas", on: date | None = None, via: str = "RUS",
             unit: str | None = None) -> dict:
    """Maximum flow from origin to destination on a day, and how much of it depends on one
    country: the capacity lost when that country is taken out of the network."""
    on = on or date.today()
    sources, sinks = _ends(network, origin, destination)
    full = max_flow(create_graph(network, commodity, on), sources, sinks)
    try:
        without = resolve_without(network, via)
    except InputError:  # a country the network never enters carries nothing
        if not (len(via) == 3 and via.isalpha() and via.isupper()):
            raise
        without = Without(via, frozenset())
    rest = max_flow(create_graph(network, commodity, on, without), sources - without.nodes,
                    sinks - without.nodes)
    dependent = full.value - rest.value
    return {"commodity": commodity, "on": on, "from": origin, "to": destination,
            "capacity": _in_unit(network, full.value, commodity, unit),
            "via": via, "via_capacity": _in_unit(network, dependent, commodity, unit),
            "via_share": dependent / full.value if full.value else None,
            "unit": unit or NETWORK_UNITS[commodity], "cut": full.cut}


def years_of(network: Network, commodity: str, last: int) -> range:
    """From the first year any segment of the commodity opened to `last`."""
    opened = network.segments.loc[network.segments["commodity"] == commodity, "opened"]
    return range(opened.min().year, last + 1) if len(opened) else range(0)


def capacity_by_year(network: Network, origin: str, destination: str = ANYWHERE,
                     commodity: str = "gas", last: int | None = None, via: str = "RUS",
                     unit: str | None = None) -> pd.DataFrame:
    """Capacity on 31 December of every year, with the share that depends on `via`."""
    rows = [capacity(network, origin, destination, commodity, date(year, 12, 31), via, unit)
            for year in years_of(network, commodity, last or date.today().year)]
    while rows and not rows[0]["capacity"]:  # years before the first route opened say nothing
        rows.pop(0)
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame.insert(0, "year", [r["on"].year for r in rows])
    return frame


def capacity_by_line(network: Network, origin: str, destination: str = ANYWHERE,
                     commodity: str = "gas", last: int | None = None, via: str = "RUS"
                     ) -> pd.DataFrame:
    """For a chart: per year-end and route, the route's bottleneck capacity and whether it runs
    through `via`. Routes can share a bottleneck, so their sum may exceed the maximum flow."""
    countries = network.segments.set_index("id")["countries"]
    rows = []
    for year in years_of(network, commodity, last or date.today().year):
        found = routes(network, origin, destination, commodity, date(year, 12, 31))
        for r in found.itertuples():
            rows.append({"year": year, "route": " → ".join(_short(n) for n in r.lines),
                         "capacity": r.capacity, "unit": r.unit,
                         "via": any(via in countries[s] for s in r.segments)})
    return pd.DataFrame(rows, columns=["year", "route", "capacity", "unit", "via"])


def _short(name: str) -> str:
    """'South Caucasus Pipeline (Baku–Tbilisi–Erzurum) incl. …' -> 'South Caucasus Pipeline'."""
    return name.split(" (")[0]


def whatif(network: Network, without: Without, origin: str, destination: str = ANYWHERE,
           commodities: tuple[str, ...] = tuple(NETWORK_UNITS), on: date | None = None,
           unit: str | None = None) -> pd.DataFrame:
    """Per commodity: maximum flow and minimum cut with and without a country or a line."""
    on = on or date.today()
    sources, sinks = _ends(network, origin, destination)
    rows = []
    for commodity in commodities:
        full = max_flow(create_graph(network, commodity, on), sources, sinks)
        rest = max_flow(create_graph(network, commodity, on, without), sources - without.nodes,
                        sinks - without.nodes)
        rows.append({"commodity": commodity, "on": on, "from": origin, "to": destination,
                     "without": without.label,
                     "capacity": _in_unit(network, full.value, commodity, unit),
                     "capacity_without": _in_unit(network, rest.value, commodity, unit),
                     "lost_share": 1 - rest.value / full.value if full.value else None,
                     "unit": unit or NETWORK_UNITS[commodity],
                     "cut": full.cut, "cut_without": rest.cut})
    return pd.DataFrame(rows)


def hhi(shares) -> float:
    """Herfindahl–Hirschman index of shares that sum to one: 1 is a single route."""
    return float(sum(s * s for s in shares))


def diversification(network: Network, origin: str, commodity: str = "gas",
                    last: int | None = None) -> pd.DataFrame:
    """Per year-end: how concentrated the capacity leaving the origin is, by line and by the
    foreign countries each line runs through (a line's capacity counts once per country)."""
    sources = place_nodes(network, origin)
    countries = set(network.nodes.loc[network.nodes["id"].isin(sources), "country"])
    rows = []
    for year in years_of(network, commodity, last or date.today().year):
        open_ = filter_open(network.segments, date(year, 12, 31))
        exits = open_[(open_["commodity"] == commodity) & open_["from_node"].isin(sources)
                      & ~open_["to_node"].isin(sources)]
        total = exits["capacity_net"].sum()
        if not total:
            continue
        by_line = exits.groupby("infrastructure_id")["capacity_net"].sum() / total
        end_country = network.nodes.set_index("id")["country"]
        through: dict[str, float] = {}
        for s in exits.itertuples():
            for c in _unique([*s.countries, end_country[s.to_node]]):
                if c not in countries:
                    through[c] = through.get(c, 0.0) + s.capacity_net
        weight = sum(through.values())
        rows.append({"year": year, "commodity": commodity, "exit_capacity": total,
                     "unit": NETWORK_UNITS[commodity], "lines": len(by_line),
                     "line_hhi": hhi(by_line), "transit_countries": sorted(through),
                     "transit_hhi": hhi(v / weight for v in through.values())})
    return pd.DataFrame(rows)


def network_on(network: Network, on: date, commodity: str | None = None) -> dict:
    """The network open on a day as plain nodes and edges (for a map or an explorer)."""
    segments = filter_open(network.segments, on)
    if commodity:
        segments = segments[segments["commodity"] == check_commodity(commodity)]
    used = set(segments["from_node"]) | set(segments["to_node"])
    nodes = [{"id": n.id, "name": n.name, "kind": n.kind, "country": n.country,
              "region": _value(n.region), "lat": _value(n.lat), "lon": _value(n.lon),
              "source_ids": list(n.source_ids)}
             for n in network.nodes[network.nodes["id"].isin(used)].itertuples()]
    edges = [{"id": s.id, "from": s.from_node, "to": s.to_node, "commodity": s.commodity,
              "line": s.infrastructure_id, "name": network.names.get(s.infrastructure_id),
              "capacity": float(s.capacity), "unit": s.capacity_unit,
              "capacity_net": float(s.capacity_net), "net_unit": NETWORK_UNITS[s.commodity],
              "countries": list(s.countries), "opened": s.opened.date().isoformat(),
              "closed": None if pd.isna(s.closed) else s.closed.date().isoformat(),
              "source_ids": list(s.source_ids)} for s in segments.itertuples()]
    return {"on": on.isoformat(), "nodes": nodes, "edges": edges}


def _value(cell):
    return None if pd.isna(cell) else cell
