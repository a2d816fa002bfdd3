"""Altair charts of the analyses, and their offline rendering to SVG."""

from __future__ import annotations

import altair as alt
import networkx as nx
import pandas as pd

PILLAR_COLOURS = {"energy": "#d95f02", "security": "#7570b3", "economy": "#1b9e77",
                  "political": "#e7298a"}
PILLAR_SCALE = alt.Scale(domain=list(PILLAR_COLOURS), range=list(PILLAR_COLOURS.values()))
WIDTH = 640


def timeline(events: pd.DataFrame) -> alt.Chart:
    """Every event on a time axis, one row per pillar; bigger marks for milestones."""
    data = events[["event_id", "date", "title", "importance", "pillars"]].explode("pillars") \
        .rename(columns={"pillars": "pillar"})
    data["weight"] = 4 - data["importance"].astype(int)
    return alt.Chart(data, title="Events by pillar (size: importance)").mark_circle(
        opacity=0.7).encode(
        x=alt.X("date:T", title=None),
        y=alt.Y("pillar:N", title=None, sort=list(PILLAR_COLOURS)),
        color=alt.Color("pillar:N", scale=PILLAR_SCALE, legend=None),
        size=alt.Size("weight:Q", scale=alt.Scale(domain=[1, 3], range=[20, 220]),
                      legend=alt.Legend(title="importance", values=[3, 2, 1],
                                        labelExpr="4 - datum.value")),
        tooltip=["date:T", "title:N", "pillar:N", "importance:Q"],
    ).properties(width=WIDTH, height=160)


def cooperation_index(index: pd.DataFrame, eras: pd.DataFrame) -> alt.LayerChart:
    """Mean Goldstein score per period, with leader-pair eras as shaded bands."""
    end = index["period"].max() + pd.offsets.YearEnd(0)
    bands = eras.assign(end=eras["end"].fillna(end), start=eras["start"].clip(
        lower=index["period"].min()))
    bands = bands[bands["end"] >= bands["start"]]
    rect = alt.Chart(bands).mark_rect(opacity=0.12).encode(
        x="start:T", x2="end:T", color=alt.Color("leader_b:N", title="Russian leader"),
        tooltip=["era:N", "start:T", "end:T"])
    line = alt.Chart(index).mark_line(point=True, color="#333").encode(
        x=alt.X("period:T", title=None),
        y=alt.Y("goldstein_mean:Q", title="mean Goldstein score"),
        tooltip=["period:T", "events:Q", "goldstein_mean:Q", "conflict_share:Q"])
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(strokeDash=[4, 4]).encode(y="y:Q")
    return alt.layer(rect, zero, line, title="Cooperation index with leader-pair eras") \
        .properties(width=WIDTH, height=220)


def pillar_mix(era_summary: pd.DataFrame) -> alt.Chart:
    """The share of each pillar in each era's events."""
    columns = [f"pillar_{p}" for p in PILLAR_COLOURS]
    data = era_summary[["era", "start", *columns]].melt(
        id_vars=["era", "start"], value_vars=columns, var_name="pillar", value_name="tags")
    data["pillar"] = data["pillar"].str.removeprefix("pillar_")
    order = era_summary.sort_values("start")["era"].tolist()
    return alt.Chart(data, title="Pillar mix per era").mark_bar().encode(
        y=alt.Y("era:N", sort=order, title=None),
        x=alt.X("tags:Q", stack="normalize", title="share of pillar tags"),
        color=alt.Color("pillar:N", scale=PILLAR_SCALE),
        tooltip=["era:N", "pillar:N", "tags:Q"],
    ).properties(width=WIDTH - 200, height=alt.Step(22))


def pillar_over_time(pillar_index: pd.DataFrame, pillar: str) -> alt.Chart:
    """One pillar's events per year (bars) and mean Goldstein score (line)."""
    data = pillar_index[pillar_index["pillar"] == pillar]
    base = alt.Chart(data).encode(x=alt.X("period:T", title=None))
    bars = base.mark_bar(color=PILLAR_COLOURS[pillar], opacity=0.6).encode(
        y=alt.Y("events:Q", title="events"))
    line = base.mark_line(color="#333", point=True).encode(
        y=alt.Y("goldstein_mean:Q", title="mean Goldstein"))
    return alt.layer(bars, line, title=f"{pillar.capitalize()}: events and cooperation per year") \
        .resolve_scale(y="independent").properties(width=WIDTH, height=160)


def event_series(series: pd.DataFrame, title: str) -> alt.LayerChart:
    """A dyad series from machine-coded events: events per period (bars, one colour per
    direction) and the mean Goldstein score (line)."""
    base = alt.Chart(series).encode(x=alt.X("period:T", title=None))
    bars = base.mark_bar(opacity=0.6).encode(
        y=alt.Y("events:Q", title="events"), color=alt.Color("direction:N", title=None),
        tooltip=["period:T", "direction:N", "events:Q", "rate:Q", "goldstein_mean:Q",
                 "top_codes:N"])
    line = base.mark_line(color="#333", point=True).encode(
        y=alt.Y("mean(goldstein_mean):Q", title="mean Goldstein"))
    return alt.layer(bars, line, title=title).resolve_scale(y="independent") \
        .properties(width=WIDTH, height=200)


def network(graph: nx.Graph, top: int = 30) -> alt.LayerChart:
    """The most connected actors, placed by a seeded spring layout; size is events shared."""
    strength = dict(graph.degree(weight="weight"))
    keep = sorted(strength, key=lambda n: (-strength[n], n))[:top]
    sub = graph.subgraph(keep)
    pos = nx.spring_layout(sub, seed=7, weight="weight")
    nodes = pd.DataFrame([{"id": n, "name": sub.nodes[n]["name"], "kind": sub.nodes[n]["kind"],
                           "x": float(pos[n][0]), "y": float(pos[n][1]),
                           "strength": strength[n]} for n in keep])
    links = pd.DataFrame([{"x": float(pos[a][0]), "y": float(pos[a][1]),
                           "x2": float(pos[b][0]), "y2": float(pos[b][1]),
                           "weight": d["weight"]} for a, b, d in sub.edges(data=True)])
    axis = {"axis": None}
    rules = alt.Chart(links).mark_rule(color="#999").encode(
        x=alt.X("x:Q", **axis), y=alt.Y("y:Q", **axis), x2="x2:Q", y2="y2:Q",
        opacity=alt.Opacity("weight:Q", scale=alt.Scale(range=[0.1, 0.8]), legend=None))
    points = alt.Chart(nodes).mark_circle().encode(
        x=alt.X("x:Q", **axis), y=alt.Y("y:Q", **axis),
        size=alt.Size("strength:Q", scale=alt.Scale(range=[30, 900]), legend=None),
        color=alt.Color("kind:N"), tooltip=["name:N", "kind:N", "strength:Q"])
    labels = points.mark_text(dy=-10, fontSize=9).encode(text="name:N", size=alt.value(9))
    return alt.layer(rules, points, labels, title=f"The {top} most connected actors") \
        .properties(width=WIDTH, height=420)


def energy_capacity(by_route: pd.DataFrame) -> alt.FacetChart:
    """Year-end export capacity per route, stacked, one panel per commodity and unit."""
    data = by_route.assign(panel=by_route["commodity"] + " (" + by_route["unit"] + ")")
    return alt.Chart(data).mark_bar().encode(
        x=alt.X("year:O", title=None),
        y=alt.Y("capacity:Q", title="capacity"),
        color=alt.Color("route:N", title="route"),
        tooltip=["year:O", "route:N", "capacity:Q", "unit:N", "via:N"],
    ).properties(width=WIDTH - 160, height=140).facet(
        row=alt.Row("panel:N", title=None)).resolve_scale(y="independent").properties(
        title="Export capacity by route")


def to_svg(chart: alt.TopLevelMixin) -> str:
    """Render a chart to SVG offline (vl-convert ships its own Vega engine)."""
    import vl_convert

    return vl_convert.vegalite_to_svg(chart.to_json())
