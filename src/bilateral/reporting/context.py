"""The report as plain data: sections of cited sentences, tables and chart names.

Every sentence carries the bibliography numbers of the records it rests on; renderers turn the
context into HTML or Markdown and draw the named charts.
"""

from __future__ import annotations

import pandas as pd

from bilateral.analysis import energy, legacy
from bilateral.analysis.indices import PILLARS, create_index, filter_pillar
from bilateral.api import Dyad
from bilateral.reporting.citations import Citations

STATE_NAMES = {"AZE": "Azerbaijan", "RUS": "Russia"}


def day(ts, precision: str = "day") -> str:
    """'9 January 2001', 'January 2001' or '2001' by precision."""
    ts = pd.Timestamp(ts)
    if precision == "year":
        return str(ts.year)
    if precision == "month":
        return ts.strftime("%B %Y")
    return f"{ts.day} {ts.strftime('%B %Y')}"


def num(x: float, digits: int = 1) -> str:
    return f"{x:.{digits}f}".replace("-", "−")


def count(n: int, noun: str, plural: str | None = None) -> str:
    """'1 agreement', '2 agreements'."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def years(start: pd.Timestamp, end) -> str:
    """'1993–2003', '1992', '2003–' for an open span."""
    if pd.isna(end):
        return f"{start.year}–"
    return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"


class Builder:
    """Writes the report's sentences; every one goes through `say` and so gets citations."""

    def __init__(self, dyad: Dyad):
        self.d = dyad
        self.f = dyad.frames
        self.cite = Citations(self.f.citations, self.f.sources)
        self.ranked = dyad.milestones()

    def say(self, text: str, *records: tuple[str, str]) -> dict:
        return {"text": text, "cites": self.cite(*records)}

    def top_event(self, events: pd.DataFrame) -> pd.Series:
        ranked = self.ranked[self.ranked["event_id"].isin(events["event_id"])]
        return ranked.iloc[0]

    def event_phrase(self, event: pd.Series) -> str:
        return f"{event['title']} ({day(event['date'], event['date_precision'])})"


def build_context(dyad: Dyad, leaders: tuple[str, str], check: dict | None = None,
                  check_name: str = "the text") -> dict:
    """The whole report for a dyad and the leader pair it focuses on (entity ids); with a
    checker result, a section on what the record supports in that text."""
    b = Builder(dyad)
    a_name, b_name = (STATE_NAMES.get(s, s) for s in dyad.states)
    sections = [_context(b, leaders, a_name, b_name), _pillars(b), _milestones(b),
                _legacy(b, leaders)]
    if check is not None:
        section = _checked(b, check, check_name)
        if section:
            sections.append(section)
    events = dyad.events
    return {
        "title": f"{a_name} and {b_name}: the relationship on the record",
        "dyad": list(dyad.states),
        "leaders": list(leaders),
        "period": {"first": events["date"].min().date().isoformat(),
                   "last": events["date"].max().date().isoformat(),
                   "as_of": dyad.as_of.date().isoformat()},
        "sections": sections,
        "bibliography": b.cite.bibliography(),
    }


def _paragraph(*sentences: dict) -> dict:
    return {"type": "paragraph", "sentences": list(sentences)}


def _chart(name: str, caption: str) -> dict:
    return {"type": "chart", "name": name, "caption": caption}


def _focus(b: Builder, leaders: tuple[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The eras (with and without acting terms) in which the focus pair held office together."""
    def pick(eras: pd.DataFrame) -> pd.DataFrame:
        return eras[(eras["leader_a_id"] == leaders[0]) & (eras["leader_b_id"] == leaders[1])]
    return pick(b.d.eras(True)), pick(b.d.eras(False))


def _terms_of(b: Builder, person: str) -> pd.DataFrame:
    t = b.f.terms
    return t[(t["person_id"] == person) & (t["office_kind"] == "head-of-state")]


def _context(b: Builder, leaders, a_name: str, b_name: str) -> dict:
    ev = b.d.events
    first, last = ev.iloc[0], ev.iloc[-1]
    span = (f"{day(first['date'], first['date_precision'])} to "
            f"{day(last['date'], last['date_precision'])}")
    blocks = [_paragraph(b.say(
        f"This report covers the relationship between {a_name} and {b_name} from {span}, "
        f"as recorded in {len(ev)} sourced events, {len(b.f.agreements)} agreements and "
        f"{len(b.f.terms)} terms in office; the first recorded event is "
        f"{b.event_phrase(first)} and the latest {b.event_phrase(last)}.",
        ("events", first["event_id"]), ("events", last["event_id"])))]
    heads = []
    for state, name in zip(b.d.states, (a_name, b_name), strict=True):
        terms = b.f.terms[(b.f.terms["state"] == state) & (b.f.terms["office_kind"] ==
                                                            "head-of-state") & ~b.f.terms["acting"]]
        listed = ", ".join(f"{t.person} ({years(t.start, t.end)})" for t in terms.itertuples())
        heads.append(b.say(f"{name}'s heads of state with full terms were {listed}.",
                           *[("terms", i) for i in terms["id"]]))
    blocks.append(_paragraph(*heads))
    blocks.append(_paragraph(*_focus_sentences(b, leaders)))
    blocks.append({"type": "list", "caption": "The leader-pair eras",
                   "items": _era_sentences(b)})
    blocks.append(_chart("index", "Mean Goldstein score per year (−10 conflict to +10 "
                                  "cooperation), with the leader-pair eras shaded."))
    blocks.append(_era_table(b))
    return {"id": "context", "title": "Context: the states, the leaders and their eras",
            "blocks": blocks}


def _focus_sentences(b: Builder, leaders) -> list[dict]:
    with_acting, without = _focus(b, leaders)
    names = [b.f.entities.set_index("id").loc[p, "name"] for p in leaders]
    records = [("terms", i) for p in leaders for i in _terms_of(b, p)["id"]]
    if with_acting.empty:
        return [b.say(f"{names[0]} and {names[1]} never held office at the same time.", *records)]
    start, end = with_acting["start"].min(), with_acting["end"].max()
    text = (f"{names[0]} and {names[1]} were heads of state together from {day(start)} to "
            f"{day(end)} ({int(with_acting['days'].sum())} days)")
    if not without.empty and without["start"].min() != start:
        text += (f"; counting only full terms, from {day(without['start'].min())} "
                 f"({int(without['days'].sum())} days)")
    return [b.say(text + ".", *records)]


def _era_sentences(b: Builder) -> list[dict]:
    summary = b.d.era_summary()
    tagged = b.d.eras()
    out = []
    for era, row in zip(tagged.itertuples(), summary.itertuples(), strict=True):
        inside = legacy.filter_span(b.d.events, era.start, era.end)
        if row.events == 0:
            continue
        top = b.top_event(inside)
        until = (f"the end of the records on {day(b.d.as_of)}" if pd.isna(era.end)
                 else day(era.end))
        out.append(b.say(
            f"{era.era}: from {day(era.start)} to {until}, {count(row.events, 'event')} "
            f"({count(row.meetings_visits, 'meeting or visit', 'meetings and visits')}) and "
            f"{count(row.agreements, 'agreement')}, with a "
            f"mean Goldstein score of {num(row.goldstein_mean)}; its highest-ranked event was "
            f"{b.event_phrase(top)}.", ("events", top["event_id"])))
    return out


def _era_table(b: Builder) -> dict:
    s = b.d.era_summary()
    s = s[s["events"] > 0]
    rows = [[r.era, r.days, r.events, r.meetings_visits, r.agreements, num(r.goldstein_mean),
             f"{r.conflict_share:.0%}"] for r in s.itertuples()]
    return {"type": "table", "caption": "Leader-pair eras of the heads of state. Acting terms "
                                        "count only when no full-term holder was in office; a "
                                        "handover day counts for the incoming leader.",
            "columns": ["era", "days", "events", "meetings & visits", "agreements",
                        "mean Goldstein", "conflictual"], "rows": rows}


def _pillars(b: Builder) -> dict:
    ev = b.d.events
    overall = ev["goldstein"].mean()
    blocks = []
    for pillar in PILLARS:
        chosen = filter_pillar(ev, pillar)
        if chosen.empty:
            continue
        top = b.top_event(chosen)
        decade, count = legacy.busiest(chosen)
        blocks.append({"type": "heading", "text": pillar.capitalize()})
        blocks.append(_chart(pillar, f"{pillar.capitalize()} events per year and their mean "
                                     "Goldstein score."))
        sentences = [b.say(
            f"The {pillar} pillar holds {len(chosen)} of the {len(ev)} events "
            f"({len(chosen) / len(ev):.0%}), with the most in the {decade} ({count}); "
            f"its highest-ranked event is {b.event_phrase(top)}.", ("events", top["event_id"]))]
        extremes = legacy.extreme_years(create_index(chosen, "year"))
        if extremes:
            best, worst = extremes
            bt = b.top_event(chosen[chosen["date"].dt.year == best["period"].year])
            wt = b.top_event(chosen[chosen["date"].dt.year == worst["period"].year])
            sentences.append(b.say(
                f"Its mean Goldstein score is {num(chosen['goldstein'].mean())} against "
                f"{num(overall)} for all events; the most cooperative year was "
                f"{best['period'].year} ({num(best['goldstein_mean'])}, led by "
                f"{b.event_phrase(bt)}) and the least {worst['period'].year} "
                f"({num(worst['goldstein_mean'])}, led by {b.event_phrase(wt)}).",
                ("events", bt["event_id"]), ("events", wt["event_id"])))
        blocks.append(_paragraph(*sentences))
        key = b.ranked[b.ranked["event_id"].isin(chosen["event_id"])].head(5)
        blocks.append({"type": "list", "caption": "Key events", "items": [
            b.say(f"{day(e.date, e.date_precision)}: {e.title}.", ("events", e.event_id))
            for e in key.itertuples()]})
        if pillar == "energy":
            blocks += _energy_network_blocks(b)
    return {"id": "pillars", "title": "The four pillars", "blocks": blocks}


def amount(value: float, unit: str) -> str:
    """'33.4 bcm/y', '1,211,000 b/d'."""
    return f"{value:,.0f} {unit}" if value >= 1000 else f"{value:,.1f} {unit}"


def _energy_network_blocks(b: Builder) -> list[dict]:
    """Export capacity over time by route, the share depending on the other state, and the
    what-if without it, each sentence citing the segments it rests on."""
    net, (origin, other) = b.d.energy, b.d.states
    if net.segments.empty:
        return []
    on, names = b.d.as_of.date(), {**STATE_NAMES}
    sentences = []
    for commodity in sorted(set(net.segments["commodity"])):
        years = energy.capacity_by_year(net, origin, energy.ANYWHERE, commodity, on.year, other)
        if years.empty:
            continue
        first, last = years.iloc[0], years.iloc[-1]
        cited = _segments_on(net, commodity, on)
        sentences.append(b.say(
            f"{names.get(origin, origin)}'s {commodity} export capacity (the maximum flow its "
            f"lines allow, not what they carried) was {amount(first['capacity'], first['unit'])}"
            f" at the end of {first['year']} and {amount(last['capacity'], last['unit'])} at "
            f"the end of {last['year']}; {last['via_share']:.0%} of it depended on "
            f"{names.get(other, other)} (the capacity lost without it).",
            *[("energy_segments", s) for s in cited]))
    eu = set(net.nodes["region"].dropna())
    if "EU" in eu and (net.segments["commodity"] == "gas").any():
        to_eu = energy.capacity(net, origin, "EU", "gas", on, other)
        if to_eu["capacity"]:
            since = energy.capacity_by_year(net, origin, "EU", "gas", on.year, other).iloc[0]
            sentences.append(b.say(
                f"Gas export capacity to the EU has been {amount(to_eu['capacity'], 'bcm/y')} "
                f"since {since['year']}, {to_eu['via_share']:.0%} of it through "
                f"{names.get(other, other)}; the bottleneck is "
                f"{_line_names(net, to_eu['cut'])}.",
                *[("energy_segments", s) for s in to_eu["cut"]]))
    without = energy.resolve_without(net, other)
    what = energy.whatif(net, without, origin, energy.ANYWHERE, on=on)
    what = what[what["capacity"] > 0]
    if sentences and not what.empty:
        parts = [f"{r.commodity} from {amount(r.capacity, r.unit)} to "
                 f"{amount(r.capacity_without, r.unit)}" for r in what.itertuples()]
        lost = sorted({s for r in what.itertuples() for s in set(r.cut) - set(r.cut_without)})
        sentences.append(b.say(
            f"What if {names.get(other, other)} were taken out of the network on {day(on)}: "
            f"the export capacity would fall, for {' and '.join(parts)}"
            + (f", losing {_line_names(net, lost)}." if lost else "."),
            *[("energy_segments", s) for s in lost or _segments_on(net, None, on)[:1]]))
    if not sentences:
        return []
    return [_chart("energy", "Export capacity at each year's end by route (each route at its "
                             "bottleneck), per commodity; capacity is not flow."),
            _paragraph(*sentences)]


def _segments_on(net, commodity: str | None, on) -> list[str]:
    open_ = energy.filter_open(net.segments, on)
    if commodity:
        open_ = open_[open_["commodity"] == commodity]
    return sorted(open_["id"])


def _line_names(net, segment_ids: list[str]) -> str:
    lines = net.segments.set_index("id").loc[segment_ids, "infrastructure_id"]
    names = [net.names.get(i, i).split(" (")[0] for i in dict.fromkeys(lines)]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]


def _milestones(b: Builder) -> dict:
    ranked = b.ranked[b.ranked["importance"] == 1]
    turning = b.d.turning_points()
    blocks = [_chart("timeline", "Every event by pillar; larger marks are more important."),
              _paragraph(b.say(
                  f"{len(ranked)} events are milestones; they are ranked below by importance, "
                  f"then by weight (the absolute Goldstein score), led by "
                  f"{b.event_phrase(ranked.iloc[0])}.", ("events", ranked.iloc[0]["event_id"]))),
              {"type": "list", "caption": "Milestones, ranked", "ordered": True, "items": [
                  b.say(f"{day(e.date, e.date_precision)}: {e.title}. {e.summary}",
                        ("events", e.event_id)) for e in ranked.itertuples()]}]
    points = []
    for t in turning.itertuples():
        year = b.d.events[b.d.events["date"].dt.year == t.period.year]
        top = b.top_event(year)
        move = "rose" if t.change > 0 else "fell"
        sign = ", changing sign" if t.kind == "sign-change" else ""
        points.append(b.say(
            f"In {t.period.year} the yearly mean Goldstein score {move} from {num(t.before)} "
            f"to {num(t.after)}{sign}; that year's highest-ranked event was "
            f"{b.event_phrase(top)}.", ("events", top["event_id"])))
    if points:
        blocks.append({"type": "list", "caption": "Turning points of the cooperation index",
                       "items": points})
    return {"id": "milestones", "title": "Milestones", "blocks": blocks}


def _legacy(b: Builder, leaders) -> dict:
    with_acting, _ = _focus(b, leaders)
    names = [b.f.entities.set_index("id").loc[p, "name"] for p in leaders]
    blocks: list[dict] = []
    if with_acting.empty:
        return {"id": "legacy", "title": "Legacy", "blocks": [_paragraph(b.say(
            f"{names[0]} and {names[1]} never held office together, so there is no era to "
            "measure a legacy from.", *[("terms", i) for p in leaders
                                        for i in _terms_of(b, p)["id"]]))]}
    start, end = with_acting["start"].min(), with_acting["end"].max()
    before = legacy.filter_span(b.d.events, start, end)
    after = legacy.filter_span(b.d.events, end + pd.Timedelta(days=1), None)
    p1, p2 = legacy.profile(before), legacy.profile(after)
    years1 = (end - start).days / 365.25
    years2 = (b.d.events["date"].max() - end).days / 365.25
    if before.empty or after.empty:
        return {"id": "legacy", "title": "Legacy", "blocks": [_paragraph(b.say(
            f"The records hold too few events around {names[0]} and {names[1]}'s years in "
            "office to measure what came after.", *[("terms", i) for p in leaders
                                                    for i in _terms_of(b, p)["id"]]))]}
    t1, t2 = b.top_event(before), b.top_event(after)
    blocks.append(_paragraph(b.say(
        f"While {names[0]} and {names[1]} were in office together ({start.year}–{end.year}) "
        f"the records hold {p1['events']} events ({p1['events'] / years1:.1f} a year), a mean "
        f"Goldstein score of {num(p1['goldstein_mean'])} and {p1['conflict_share']:.0%} "
        f"conflictual events, led by {b.event_phrase(t1)}.", ("events", t1["event_id"])),
        b.say(
        f"In the {years2:.0f} years since, the records hold {p2['events']} events "
        f"({p2['events'] / years2:.1f} a year), a mean of {num(p2['goldstein_mean'])} and "
        f"{p2['conflict_share']:.0%} conflictual events, led by {b.event_phrase(t2)}.",
        ("events", t2["event_id"]))))
    comparison = legacy.compare_pillars(before, after)
    items = []
    for row in comparison.itertuples():
        if not row.events_before or not row.events_after:
            continue
        e1 = b.top_event(filter_pillar(before, row.pillar))
        e2 = b.top_event(filter_pillar(after, row.pillar))
        items.append(b.say(
            f"{row.pillar.capitalize()} {row.verdict}: its share of events went from "
            f"{row.share_before:.0%} to {row.share_after:.0%} and its mean Goldstein score from "
            f"{num(row.goldstein_before)} to {num(row.goldstein_after)}, from "
            f"{b.event_phrase(e1)} to {b.event_phrase(e2)}.",
            ("events", e1["event_id"]), ("events", e2["event_id"])))
    blocks.append({"type": "list", "caption": "What continued, what changed, what reversed",
                   "items": items})
    blocks.append(_chart("pillar-mix", "Share of each pillar in each leader-pair era."))
    blocks += _network_blocks(b)
    return {"id": "legacy", "title": f"Legacy of the {names[0]}–{names[1]} years",
            "blocks": blocks}


def _network_blocks(b: Builder) -> list[dict]:
    central = b.d.network()
    states = {s.lower() for s in b.d.states}
    edges = [e for e in _strongest_edges(b) if not {e[0], e[1]} & states]
    if central.empty or not edges:
        return []
    a, c, weight = edges[0]
    shared = set(b.f.actors.loc[b.f.actors["entity_id"] == a, "event_id"]) & \
        set(b.f.actors.loc[b.f.actors["entity_id"] == c, "event_id"])
    top = b.top_event(b.d.events[b.d.events["event_id"].isin(shared)])
    names = b.f.entities.set_index("id")["name"]
    leaders = ", ".join(central["name"].head(5))
    return [_chart("network", "The actors around the dyad; size is the number of events "
                              "shared with others."),
            _paragraph(b.say(
                f"In the web of relations the most connected actors are {leaders}; the "
                f"strongest tie beyond the two states is {names[a]} with {names[c]}, who share "
                f"{weight} events, such as {b.event_phrase(top)}.", ("events", top["event_id"])))]


def _strongest_edges(b: Builder) -> list[tuple[str, str, int]]:
    g = b.d.graph
    return sorted(((x, y, d["weight"]) for x, y, d in g.edges(data=True)),
                  key=lambda e: (-e[2], e[0], e[1]))


_CITABLE = {"event": "events", "term": "terms", "infrastructure": "infrastructure",
            "agreement": "agreements", "membership": "memberships"}
_SAYS = {"supported": "supported", "contradicted": "contradicted by the record",
         "anachronistic": "anachronistic"}


def _checked(b: Builder, check: dict, name: str) -> dict | None:
    """What the record supports and does not support in a checked text."""
    items = []
    for claim in check["claims"]:
        records = [(_CITABLE[e["kind"]], e["id"]) for e in claim["evidence"][:2]
                   if e["kind"] in _CITABLE]
        if claim["verdict"] not in _SAYS or not records:
            continue
        text = claim["sentence"] if len(claim["sentence"]) < 220 else \
            claim["sentence"][:217] + "…"
        items.append(b.say(f"{_SAYS[claim['verdict']].capitalize()}: “{text}” — "
                           f"{claim['message']}", *records))
    if not items:
        return None
    counts = check["summary"]
    lead = b.say(
        f"Of the {counts['sentences']} sentences of {name}, {counts['supported']} are "
        f"supported by the record, {counts['contradicted']} contradicted, "
        f"{counts['anachronistic']} anachronistic, "
        + (f"{counts['mixed']} partly supported, " if counts.get("mixed") else "")
        + f"{counts['not_in_kb']} not settled by the "
        f"knowledge base and {counts['not_checkable']} not checkable (opinion or too vague); "
        "the findings with evidence follow.", *[(r["kind"], r["id"]) for r in [
            {"kind": _CITABLE[e["kind"]], "id": e["id"]} for c in check["claims"]
            for e in c["evidence"][:1] if c["verdict"] in _SAYS and e["kind"] in _CITABLE][:1]])
    return {"id": "check", "title": f"Checking {name}",
            "blocks": [_paragraph(lead), {"type": "list", "caption": "Findings",
                                          "items": items}]}
