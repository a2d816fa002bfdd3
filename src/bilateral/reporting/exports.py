"""Exports in the formats other tools read: CSV, Parquet, JSON, GraphML, TimelineJS."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from bilateral.analysis.network import write_graphml
from bilateral.api import Dyad
from bilateral.errors import InputError

TABLE_FORMATS = ("csv", "parquet", "json")
FORMATS = (*TABLE_FORMATS, "graphml", "timelinejs")


def tables(dyad: Dyad) -> dict[str, pd.DataFrame]:
    """The records and the main analyses, one DataFrame each."""
    f = dyad.frames
    return {"events": f.events, "event_actors": f.actors, "terms": f.terms,
            "agreements": f.agreements, "entities": f.entities, "sources": f.sources,
            "citations": f.citations, "infrastructure": f.infrastructure,
            "infrastructure_owners": f.owners, "eras": dyad.era_summary(),
            "index_by_year": dyad.index("year"), "centrality": dyad.network()}


def _is_list(value) -> bool:
    return isinstance(value, list | tuple | np.ndarray)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists as ';'-joined text for CSV; everything else as it is."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object and out[column].map(_is_list).any():
            out[column] = out[column].map(
                lambda v: ";".join(map(str, list(v))) if _is_list(v) else v)
    return out


def _jsonable(frame: pd.DataFrame) -> list[dict]:
    return json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))


def timelinejs(dyad: Dyad) -> dict:
    """A TimelineJS 3 document: one slide per event, grouped by first pillar, eras as bands."""
    def stamp(ts, precision="day"):
        ts = pd.Timestamp(ts)
        out = {"year": str(ts.year)}
        if precision in ("day", "month"):
            out["month"] = str(ts.month)
        if precision == "day":
            out["day"] = str(ts.day)
        return out
    events = []
    for e in dyad.events.itertuples():
        slide = {"unique_id": e.event_id, "start_date": stamp(e.date, e.date_precision),
                 "text": {"headline": e.title, "text": e.summary},
                 "group": list(e.pillars)[0] if len(e.pillars) else "",
                 "background": {}, "media": {"url": e.evidence_url or "", "caption": ""}}
        if pd.notna(e.date_end):
            slide["end_date"] = stamp(e.date_end, e.date_precision)
        events.append(slide)
    eras = [{"start_date": stamp(r.start), "end_date": stamp(r.end if pd.notna(r.end)
                                                             else dyad.events["date"].max()),
             "text": {"headline": r.era}} for r in dyad.eras().itertuples()]
    return {"title": {"text": {"headline": " – ".join(dyad.states),
                               "text": "Events of the relationship, from bilateral"}},
            "events": events, "eras": eras}


def export(dyad: Dyad, fmt: str, out: Path) -> list[Path]:
    """Write the export; table formats write one file per table into the `out` folder."""
    out = Path(out)
    if fmt in TABLE_FORMATS:
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, frame in tables(dyad).items():
            path = out / f"{name}.{fmt}"
            if fmt == "csv":
                _plain(frame).to_csv(path, index=False)
            elif fmt == "parquet":
                frame.to_parquet(path, index=False)
            else:
                path.write_text(json.dumps(_jsonable(frame), ensure_ascii=False, indent=1),
                                encoding="utf-8")
            written.append(path)
        return written
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        write_graphml(dyad.graph, out)
    elif fmt == "timelinejs":
        out.write_text(json.dumps(timelinejs(dyad), ensure_ascii=False, indent=1),
                       encoding="utf-8")
    else:
        raise InputError(f"--format must be one of {', '.join(FORMATS)}")
    return [out]
