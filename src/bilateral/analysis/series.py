"""The dyad time series over machine-coded events, written once in Ibis so the same
expression runs on DuckDB and on Spark."""

from __future__ import annotations

from dataclasses import dataclass

import ibis
import pandas as pd

UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y"}
QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict",
         4: "material_conflict"}


@dataclass(frozen=True)
class NoiseGuards:
    """Filters against the known noise of machine-coded data."""

    root_only: bool = False          # GDELT: only the root event of each sentence
    min_sources: int = 0             # at least this many distinct sources
    collapse: bool = False           # one event per (date, actors, code, place)


def filter_noise(t: ibis.Table, guards: NoiseGuards) -> ibis.Table:
    if guards.root_only:
        t = t.filter(t.is_root.fill_null(True))
    if guards.min_sources:
        t = t.filter(t.num_sources.fill_null(0) >= guards.min_sources)
    if guards.collapse:
        keys = ["date", "source_country", "target_country", "source_actor", "target_actor",
                "cameo_code", "place"]
        t = t.group_by(keys).aggregate(goldstein=t.goldstein.max(),
                                       quad_class=t.quad_class.min())
    return t


def _periods(t: ibis.Table, by: str) -> ibis.Table:
    if by not in UNITS:
        raise ValueError(f"by must be one of {', '.join(UNITS)}")
    return t.mutate(period=t.date.truncate(UNITS[by]))


def _dyad(t: ibis.Table, a: str, b: str, directed: bool) -> ibis.Table:
    forward = (t.source_country == a) & (t.target_country == b)
    backward = (t.source_country == b) & (t.target_country == a)
    dyad = t.filter(forward | backward)
    direction = (ibis.cases((forward, f"{a}->{b}"), else_=f"{b}->{a}") if directed
                 else ibis.literal(f"{a}-{b}"))
    return dyad.mutate(direction=direction)


def series_expr(events: ibis.Table, a: str, b: str, by: str = "month",
                directed: bool = False, guards: NoiseGuards = NoiseGuards()) -> ibis.Table:
    """Per period (and direction): counts, quad-class shares, Goldstein sum and mean, and the
    rate against all events of the period."""
    guarded = filter_noise(events, guards)
    # count per day first (a few thousand groups), then per period: far cheaper than
    # truncating every row's date
    daily = guarded.group_by("date").aggregate(n=guarded.count())
    daily = _periods(daily, by)
    totals = daily.group_by("period").aggregate(all_events=daily.n.sum())
    dyad = _dyad(_periods(guarded, by), a, b, directed)
    quads = {name: (dyad.quad_class == q).sum() for q, name in QUADS.items()}
    counts = dyad.group_by(["period", "direction"]).aggregate(
        events=dyad.count(), goldstein_sum=dyad.goldstein.sum(),
        goldstein_mean=dyad.goldstein.mean(), **quads)
    joined = counts.join(totals, "period")
    return joined.mutate(
        rate=joined.events / joined.all_events,
        **{f"{name}_share": joined[name] / joined.events for name in QUADS.values()},
    ).order_by(["period", "direction"])


def top_codes_expr(events: ibis.Table, a: str, b: str, by: str, directed: bool,
                   guards: NoiseGuards, top: int = 3) -> ibis.Table:
    base = _dyad(_periods(filter_noise(events, guards), by), a, b, directed)
    counted = base.group_by(["period", "direction", "cameo_code"]).aggregate(n=base.count())
    rank = ibis.row_number().over(group_by=["period", "direction"],
                                  order_by=[ibis.desc("n"), "cameo_code"])
    return counted.mutate(rank=rank).filter(lambda t: t["rank"] < top)


def dyad_series(backend, events: ibis.Table, a: str, b: str, by: str = "month",
                directed: bool = False, guards: NoiseGuards = NoiseGuards(),
                top: int = 3) -> pd.DataFrame:
    """Execute the series on a backend; top event codes are joined on as 'code:n' text."""
    frame = backend.execute(series_expr(events, a, b, by, directed, guards))
    codes = backend.execute(top_codes_expr(events, a, b, by, directed, guards, top))
    codes = codes.sort_values(["period", "direction", "rank"])
    text = (codes.assign(item=codes["cameo_code"].fillna("?") + ":" + codes["n"].astype(str))
            .groupby(["period", "direction"])["item"].agg(" ".join).rename("top_codes"))
    frame = frame.merge(text.reset_index(), on=["period", "direction"], how="left")
    frame["period"] = pd.to_datetime(frame["period"]).dt.date
    ints = ["events", "all_events", *QUADS.values()]
    frame[ints] = frame[ints].astype("int64")
    return frame.sort_values(["period", "direction"], ignore_index=True)
