"""Legacy: one span of time measured against another, pillar by pillar."""

from __future__ import annotations

import pandas as pd

from bilateral.analysis.indices import PILLARS, filter_pillar

SHARE_CHANGE = 0.05      # five points of the pillar's share of events
GOLDSTEIN_CHANGE = 1.5   # points of mean Goldstein score


def filter_span(events: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp | None
                ) -> pd.DataFrame:
    """Events whose date falls in [start, end] (end None: open)."""
    inside = events["date"] >= start
    if end is not None and pd.notna(end):
        inside &= events["date"] <= end
    return events[inside]


def profile(events: pd.DataFrame) -> dict:
    """Counts, cooperation and conflict of a set of events."""
    return {"events": len(events),
            "goldstein_mean": float(events["goldstein"].mean()) if len(events) else None,
            "conflict_share": float(events["quad_class"].isin([3, 4]).mean())
            if len(events) else None}


def compare_pillars(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Per pillar: share of events and mean Goldstein before and after, and whether the pillar
    continued, changed (share or tone moved) or reversed (tone changed sign)."""
    rows = []
    for pillar in PILLARS:
        b, a = filter_pillar(before, pillar), filter_pillar(after, pillar)
        share_b = len(b) / len(before) if len(before) else 0.0
        share_a = len(a) / len(after) if len(after) else 0.0
        mean_b = float(b["goldstein"].mean()) if len(b) else None
        mean_a = float(a["goldstein"].mean()) if len(a) else None
        if mean_b is not None and mean_a is not None and (mean_b > 0) != (mean_a > 0):
            verdict = "reversed"
        elif abs(share_a - share_b) >= SHARE_CHANGE or (
                mean_b is not None and mean_a is not None
                and abs(mean_a - mean_b) >= GOLDSTEIN_CHANGE):
            verdict = "changed"
        else:
            verdict = "continued"
        rows.append({"pillar": pillar, "events_before": len(b), "events_after": len(a),
                     "share_before": share_b, "share_after": share_a,
                     "goldstein_before": mean_b, "goldstein_after": mean_a, "verdict": verdict})
    return pd.DataFrame(rows)


def busiest(events: pd.DataFrame, freq: str = "decade") -> tuple[str, int] | None:
    """The decade (or year) with most events, as ('1990s', n)."""
    if not len(events):
        return None
    years = events["date"].dt.year
    keys = (years // 10 * 10).astype(str) + "s" if freq == "decade" else years.astype(str)
    counts = keys.value_counts()
    top = counts[counts == counts.max()].sort_index().index[0]
    return str(top), int(counts.max())


def extreme_years(index: pd.DataFrame, min_events: int = 3) -> tuple[dict, dict] | None:
    """The most and least cooperative years among years with enough events."""
    usable = index[index["events"] >= min_events]
    if usable.empty:
        return None
    best = usable.loc[usable["goldstein_mean"].idxmax()]
    worst = usable.loc[usable["goldstein_mean"].idxmin()]
    return best.to_dict(), worst.to_dict()
