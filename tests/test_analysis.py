"""Analyses on small hand-computed fixtures; every add_* keeps the row count."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.analysis.eras import add_era, create_eras, summarise_eras
from bilateral.analysis.indices import add_period, create_index, filter_pillar
from bilateral.analysis.legacy import compare_pillars
from bilateral.analysis.milestones import find_turning_points, rank_milestones
from bilateral.analysis.network import centrality, create_network

T = pd.Timestamp


def term(state, person, start, end=None, acting=False, kind="head-of-state"):
    return {"state": state, "office_kind": kind, "person_id": person, "person": person.upper(),
            "start": T(start), "end": T(end) if end else pd.NaT, "acting": acting}


TERMS = pd.DataFrame([
    term("AAA", "a1", "2000-01-01", "2000-12-31"),
    term("AAA", "a2", "2001-01-01"),
    term("BBB", "b1", "1999-06-01", "2000-06-30"),
    term("BBB", "b2", "2000-07-01", "2000-07-31", acting=True),
    term("BBB", "b3", "2000-08-01"),
    term("BBB", "deputy", "2000-09-10", "2000-09-11", acting=True),  # stands in for b3
    term("BBB", "pm", "1990-01-01", kind="head-of-government"),
])


def event(i, date, goldstein, quad, pillars=("political",), importance=2, kind="meeting"):
    return {"event_id": f"e{i}", "date": T(date), "goldstein": goldstein, "quad_class": quad,
            "pillars": list(pillars), "importance": importance, "kind": kind,
            "title": f"event {i}", "date_precision": "day"}


EVENTS = pd.DataFrame([
    event(1, "2000-03-01", 4.0, 1, ("energy",), 1),
    event(2, "2000-07-15", -5.0, 4, ("security",), 2, "conflict"),
    event(3, "2000-10-01", 2.0, 2, ("energy", "economy"), 3, "visit"),
    event(4, "2002-02-02", -2.0, 3, ("political",), 1, "statement"),
    event(5, "2002-05-05", 6.0, 2, ("energy",), 2),
])


def test_eras_from_terms_with_acting_terms():
    eras = create_eras(TERMS, ("AAA", "BBB"), today=T("2001-12-31"))
    assert eras[["leader_a_id", "leader_b_id"]].values.tolist() == [
        ["a1", "b1"], ["a1", "b2"], ["a1", "b3"], ["a2", "b3"]]
    assert eras["start"].tolist() == [T("2000-01-01"), T("2000-07-01"), T("2000-08-01"),
                                      T("2001-01-01")]
    assert eras["end"].tolist()[:3] == [T("2000-06-30"), T("2000-07-31"), T("2000-12-31")]
    assert pd.isna(eras["end"].iloc[3])
    assert eras["days"].tolist() == [182, 31, 153, 365]
    assert eras["era"].iloc[0] == "A1 × B1 (2000)"


def test_eras_without_acting_terms_skip_the_interim():
    eras = create_eras(TERMS, ("AAA", "BBB"), include_acting=False, today=T("2001-12-31"))
    assert eras[["leader_a_id", "leader_b_id"]].values.tolist() == [
        ["a1", "b1"], ["a1", "b3"], ["a2", "b3"]]


def test_handover_day_goes_to_the_incoming_leader():
    terms = pd.DataFrame([term("AAA", "a1", "2000-01-01", "2000-06-30"),
                          term("AAA", "a2", "2000-06-30", acting=True),
                          term("BBB", "b1", "2000-01-01")])
    eras = create_eras(terms, ("AAA", "BBB"), today=T("2000-12-31"))
    assert eras["end"].iloc[0] == T("2000-06-29") and eras["start"].iloc[1] == T("2000-06-30")


def test_era_summary_counts_by_hand():
    eras = create_eras(TERMS, ("AAA", "BBB"), today=T("2002-12-31"))
    agreements = pd.DataFrame({"date": [T("2000-03-01"), T("2002-01-01")]})
    s = summarise_eras(EVENTS, eras, agreements).set_index("era")
    first = s.loc["A1 × B1 (2000)"]
    assert (first["events"], first["meetings_visits"], first["agreements"]) == (1, 1, 1)
    last = s.loc["A2 × B3 (2001–)"]
    assert (last["events"], last["goldstein_sum"], last["goldstein_mean"]) == (2, 4.0, 2.0)
    assert last["conflict_share"] == 0.5 and last["pillar_energy"] == 1


def test_index_by_year_by_hand():
    index = create_index(EVENTS, "year")
    assert index["period"].tolist() == [T("2000-01-01"), T("2001-01-01"), T("2002-01-01")]
    assert index["events"].tolist() == [3, 0, 2]
    assert index["goldstein_sum"].tolist() == [1.0, 0.0, 4.0]
    assert index["goldstein_mean"].iloc[0] == pytest.approx(1 / 3)
    assert pd.isna(index["goldstein_mean"].iloc[1])
    assert index["conflict_share"].iloc[0] == pytest.approx(1 / 3)
    assert index[["verbal_cooperation", "material_cooperation", "verbal_conflict",
                  "material_conflict"]].iloc[2].tolist() == [0, 1, 1, 0]


def test_index_by_pillar_and_quarter():
    energy = create_index(EVENTS, "quarter", "energy")
    assert energy["events"].sum() == 3
    assert energy.loc[energy["period"] == T("2000-10-01"), "goldstein_sum"].item() == 2.0
    with pytest.raises(ValueError):
        create_index(EVENTS, "week")


def test_filter_pillar_subsets():
    assert filter_pillar(EVENTS, "energy")["event_id"].tolist() == ["e1", "e3", "e5"]
    assert len(filter_pillar(EVENTS, None)) == len(EVENTS)


dates = st.dates(min_value=pd.Timestamp("1990-01-01").date(),
                 max_value=pd.Timestamp("2030-12-31").date())


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(dates, st.floats(-10, 10), st.integers(1, 4)), max_size=40),
       st.sampled_from(["year", "quarter", "month"]))
def test_add_functions_keep_the_row_count(rows, by):
    events = pd.DataFrame([event(i, d, g, q) for i, (d, g, q) in enumerate(rows)],
                          columns=list(EVENTS.columns))
    events["date"] = pd.to_datetime(events["date"])
    eras = create_eras(TERMS, ("AAA", "BBB"), today=T("2030-12-31"))
    assert len(add_era(events, eras)) == len(events)
    assert len(add_period(events, by)) == len(events)
    if len(events):
        assert create_index(events, by)["events"].sum() == len(events)


def test_turning_points_by_hand():
    index = pd.DataFrame({"period": pd.date_range("2000", periods=5, freq="YS"),
                          "events": [5, 5, 1, 5, 5],
                          "goldstein_mean": [3.0, 2.5, -9.0, -1.0, 2.5]})
    points = find_turning_points(index, shift=2.0)
    assert points[["period", "kind"]].values.tolist() == [
        [T("2003-01-01"), "sign-change"], [T("2004-01-01"), "sign-change"]]
    assert points["before"].tolist() == [2.5, -1.0]  # the thin year 2002 is skipped


def test_milestones_rank_by_importance_then_weight():
    ranked = rank_milestones(EVENTS)
    assert ranked["event_id"].tolist() == ["e1", "e4", "e5", "e2", "e3"]
    assert rank_milestones(EVENTS, top=2, pillar="energy")["event_id"].tolist() == ["e1", "e5"]


def test_compare_pillars_verdicts():
    before = EVENTS[EVENTS["date"] < T("2001-01-01")]
    after = EVENTS[EVENTS["date"] >= T("2001-01-01")]
    verdicts = compare_pillars(before, after).set_index("pillar")["verdict"].to_dict()
    # energy: 2/3 of events (mean 3.0) -> 1/2 (mean 6.0): share moved 17 points
    # political: 0 -> 1/2 of events; security: 1/3 -> 0
    assert verdicts == {"energy": "changed", "security": "changed", "economy": "changed",
                        "political": "changed"}
    flipped = compare_pillars(EVENTS.iloc[[0]], EVENTS.iloc[[0]].assign(goldstein=-1.0))
    assert flipped.set_index("pillar").loc["energy", "verdict"] == "reversed"


def test_network_weights_and_cooperation():
    actors = pd.DataFrame([
        {"event_id": "e1", "entity_id": "x", "role": "source", "name": "X", "kind": "state",
         "country": "AAA"},
        {"event_id": "e1", "entity_id": "y", "role": "target", "name": "Y", "kind": "state",
         "country": "BBB"},
        {"event_id": "e2", "entity_id": "x", "role": "source", "name": "X", "kind": "state",
         "country": "AAA"},
        {"event_id": "e2", "entity_id": "y", "role": "participant", "name": "Y",
         "kind": "state", "country": "BBB"},
        {"event_id": "e2", "entity_id": "z", "role": "participant", "name": "Z",
         "kind": "person", "country": "BBB"},
        {"event_id": "e2", "entity_id": "town", "role": "location", "name": "T",
         "kind": "place", "country": "BBB"},
    ])
    graph = create_network(actors, EVENTS)
    assert sorted(graph.nodes) == ["x", "y", "z"]
    assert graph["x"]["y"]["weight"] == 2
    assert graph["x"]["y"]["cooperation"] == pytest.approx((4.0 - 5.0) / 2)
    table = centrality(graph).set_index("id")
    assert table.loc["x", "strength"] == 3 and table.loc["z", "degree"] == 2
