"""Milestones ranked by importance and weight, and turning points of the cooperation index."""

from __future__ import annotations

import pandas as pd


def rank_milestones(events: pd.DataFrame, top: int | None = None,
                    pillar: str | None = None) -> pd.DataFrame:
    """Events ordered by importance (1 first), then by weight |Goldstein|, then date."""
    from bilateral.analysis.indices import filter_pillar

    ranked = filter_pillar(events, pillar).assign(
        weight=lambda d: d["goldstein"].abs()).sort_values(
        ["importance", "weight", "date"], ascending=[True, False, True], kind="stable")
    ranked = ranked.assign(rank=range(1, len(ranked) + 1))
    return ranked.head(top) if top else ranked


def find_turning_points(index: pd.DataFrame, column: str = "goldstein_mean",
                        min_events: int = 3, shift: float = 2.0) -> pd.DataFrame:
    """Periods where the index changes sign, or moves by more than `shift` points from the
    previous period that had at least `min_events` events (thin periods are skipped)."""
    usable = index[index["events"] >= min_events].reset_index(drop=True)
    rows = []
    for before, after in zip(usable.itertuples(), usable.iloc[1:].itertuples(), strict=False):
        a, b = getattr(before, column), getattr(after, column)
        if pd.isna(a) or pd.isna(b):
            continue
        if (a > 0) != (b > 0):
            kind = "sign-change"
        elif abs(b - a) >= shift:
            kind = "level-shift"
        else:
            continue
        rows.append({"period": after.period, "previous": before.period, "kind": kind,
                     "before": float(a), "after": float(b), "change": float(b - a)})
    return pd.DataFrame(rows, columns=["period", "previous", "kind", "before", "after", "change"])
