"""Leader-pair eras computed from terms in office, and what happened in each."""

from __future__ import annotations

import pandas as pd

ERA_COLUMNS = ["era", "leader_a", "leader_a_id", "leader_b", "leader_b_id", "start", "end", "days"]


def _holders(terms: pd.DataFrame, state: str, office_kind: str, include_acting: bool,
             today: pd.Timestamp) -> list[tuple[pd.Timestamp, pd.Timestamp, str, str, bool]]:
    """Half-open [start, last day + 1) spans of who held the office; an ongoing term runs
    through `today`."""
    rows = terms[(terms["state"] == state) & (terms["office_kind"] == office_kind)]
    if not include_acting:
        rows = rows[~rows["acting"]]
    return [(r.start, (r.end if pd.notna(r.end) else today) + pd.Timedelta(days=1),
             r.person_id, r.person, bool(r.acting)) for r in rows.itertuples()]


def _holder_on(spans, day: pd.Timestamp):
    """The substantive holder on a day; an acting holder only when no substantive one is in
    office (a deputy standing in for a sitting president does not start a new era). On a
    handover day, when one term ends and the next begins, the incoming holder counts."""
    current = [s for s in spans if s[0] <= day < s[1]]
    if any(s[0] == day for s in current):  # a handover: the outgoing holder steps aside
        current = [s for s in current if s[1] - pd.Timedelta(days=1) != day or s[0] == day]
    substantive = [s for s in current if not s[4]]
    chosen = max(substantive or current, key=lambda s: s[0], default=None)
    return (chosen[2], chosen[3]) if chosen else (None, None)


def create_eras(terms: pd.DataFrame, states: tuple[str, str] = ("AZE", "RUS"),
                office_kind: str = "head-of-state", include_acting: bool = True,
                today: pd.Timestamp | None = None) -> pd.DataFrame:
    """One row per leader pair: the first and last day both held office together.

    `terms` has columns state, office_kind, person_id, person, start, end, acting.
    """
    today = pd.Timestamp(today or pd.Timestamp.today().normalize())
    spans = {s: _holders(terms, s, office_kind, include_acting, today) for s in states}
    cuts = sorted({d for s in states for span in spans[s] for d in span[:2]})
    eras: list[dict] = []
    for start, stop in zip(cuts, cuts[1:], strict=False):
        (a_id, a), (b_id, b) = (_holder_on(spans[s], start) for s in states)
        if a_id is None or b_id is None:
            continue
        last = eras[-1] if eras else None
        if last and (last["leader_a_id"], last["leader_b_id"]) == (a_id, b_id) \
                and last["_stop"] == start:
            last["_stop"] = stop
            continue
        eras.append({"leader_a": a, "leader_a_id": a_id, "leader_b": b, "leader_b_id": b_id,
                     "start": start, "_stop": stop})
    frame = pd.DataFrame(eras, columns=["leader_a", "leader_a_id", "leader_b", "leader_b_id",
                                        "start", "_stop"])
    frame["end"] = frame.pop("_stop") - pd.Timedelta(days=1)
    frame["end"] = frame["end"].where(frame["end"] < today, pd.NaT)
    frame["days"] = ((frame["end"].fillna(today) - frame["start"]).dt.days + 1).astype("int64")
    labels = [_label(r, by_day=False) for r in frame.itertuples()]
    frame["era"] = [_label(r, by_day=labels.count(label) > 1)
                    for r, label in zip(frame.itertuples(), labels, strict=True)]
    return frame[ERA_COLUMNS].reset_index(drop=True)


def _label(era, by_day: bool) -> str:
    """'Heydar Aliyev × Vladimir Putin (1999–2003)', with days when years would repeat a label."""
    fmt = "%Y-%m-%d" if by_day else "%Y"
    start = era.start.strftime(fmt)
    until = era.end.strftime(fmt) if pd.notna(era.end) else ""
    span = start if until == start else f"{start}–{until}"
    return f"{era.leader_a} × {era.leader_b} ({span})"


def add_era(events: pd.DataFrame, eras: pd.DataFrame) -> pd.DataFrame:
    """Each event gains the era it fell in (None outside every era); rows are unchanged."""
    out = events.copy()
    out["era"] = None
    for era in eras.itertuples():
        end = era.end if pd.notna(era.end) else pd.Timestamp.max
        inside = (out["date"] >= era.start) & (out["date"] <= end)
        out.loc[inside, "era"] = era.era
    return out


def summarise_eras(events: pd.DataFrame, eras: pd.DataFrame,
                   agreements: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per era: events, meetings and visits, agreements signed, events per pillar and the
    net cooperation (Goldstein sum and mean, share of conflictual events)."""
    tagged = add_era(events, eras)
    rows = []
    for era in eras.itertuples():
        inside = tagged[tagged["era"] == era.era]
        end = era.end if pd.notna(era.end) else pd.Timestamp.max
        signed = 0
        if agreements is not None:
            signed = int(((agreements["date"] >= era.start) & (agreements["date"] <= end)).sum())
        pillars = inside["pillars"].explode().value_counts()
        rows.append({
            "era": era.era, "start": era.start, "end": era.end, "days": era.days,
            "events": len(inside),
            "meetings_visits": int(inside["kind"].isin(["meeting", "visit"]).sum()),
            "agreements": signed,
            **{f"pillar_{p}": int(pillars.get(p, 0))
               for p in ("energy", "security", "economy", "political")},
            "goldstein_sum": float(inside["goldstein"].sum()),
            "goldstein_mean": float(inside["goldstein"].mean()) if len(inside) else None,
            "conflict_share": float(inside["quad_class"].isin([3, 4]).mean())
            if len(inside) else None,
            "events_per_year": len(inside) / (era.days / 365.25),
        })
    return pd.DataFrame(rows)
