"""Indices over time: counts, Goldstein-weighted intensity, conflict share, quad-class mix.

Written against the shared event schema (date, goldstein, quad_class, and optionally pillars),
so the same functions run on curated events and on imported machine-coded events.
"""

from __future__ import annotations

import pandas as pd

FREQUENCIES = {"year": "YS", "quarter": "QS", "month": "MS"}
PILLARS = ("energy", "security", "economy", "political")
INDEX_COLUMNS = ["period", "events", "goldstein_sum", "goldstein_mean", "conflict_share",
                 "verbal_cooperation", "material_cooperation", "verbal_conflict",
                 "material_conflict"]


def filter_pillar(events: pd.DataFrame, pillar: str | None) -> pd.DataFrame:
    """Events that belong to a pillar (all events when pillar is None)."""
    if pillar is None:
        return events
    if pillar not in PILLARS:
        raise ValueError(f"pillar must be one of {', '.join(PILLARS)}")
    return events[events["pillars"].map(lambda ps: pillar in list(ps))]


def add_period(events: pd.DataFrame, by: str = "year") -> pd.DataFrame:
    """Each event gains the first day of its year, quarter or month; rows are unchanged."""
    if by not in FREQUENCIES:
        raise ValueError(f"by must be one of {', '.join(FREQUENCIES)}")
    out = events.copy()
    out["period"] = out["date"].dt.to_period(FREQUENCIES[by][0]).dt.start_time
    return out


def create_index(events: pd.DataFrame, by: str = "year", pillar: str | None = None,
                 start: pd.Timestamp | None = None, end: pd.Timestamp | None = None
                 ) -> pd.DataFrame:
    """One row per period, empty periods included (zero events, no mean)."""
    chosen = add_period(filter_pillar(events, pillar), by)
    quads = pd.get_dummies(chosen["quad_class"].astype("Int64")).reindex(
        columns=[1, 2, 3, 4], fill_value=False).astype(int)
    quads.columns = INDEX_COLUMNS[5:]
    grouped = pd.concat([chosen[["period", "goldstein", "quad_class"]], quads], axis=1) \
        .groupby("period")
    index = pd.DataFrame({
        "events": grouped.size(),
        "goldstein_sum": grouped["goldstein"].sum(),
        "goldstein_mean": grouped["goldstein"].mean(),
        "conflict_share": grouped["quad_class"].apply(lambda q: float(q.isin([3, 4]).mean())),
        **{c: grouped[c].sum() for c in INDEX_COLUMNS[5:]},
    })
    first = start if start is not None else (events["date"].min() if len(events) else None)
    last = end if end is not None else (events["date"].max() if len(events) else None)
    if first is None:
        return pd.DataFrame(columns=INDEX_COLUMNS)
    periods = pd.date_range(pd.Timestamp(first).to_period(FREQUENCIES[by][0]).start_time,
                            pd.Timestamp(last), freq=FREQUENCIES[by], name="period")
    index = index.reindex(periods)
    counts = ["events", "goldstein_sum", *INDEX_COLUMNS[5:]]
    index[counts] = index[counts].fillna(0)
    index = index.reset_index()
    index["events"] = index["events"].astype("int64")
    for c in INDEX_COLUMNS[5:]:
        index[c] = index[c].astype("int64")
    return index[INDEX_COLUMNS]


def create_pillar_index(events: pd.DataFrame, by: str = "year") -> pd.DataFrame:
    """The index for every pillar, stacked with a `pillar` column (for faceted charts)."""
    start, end = events["date"].min(), events["date"].max()
    frames = [create_index(events, by, p, start, end).assign(pillar=p) for p in PILLARS]
    return pd.concat(frames, ignore_index=True)
