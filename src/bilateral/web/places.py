"""Route geometry for the map: each energy network segment as a line from its start through
the waypoints its route names to its end, wherever all those points have sourced
coordinates. Other segments are left out; the map page lists every route in a table."""

from __future__ import annotations

from bilateral.kb.store import Store


def route_lines(store: Store, infrastructure_id: str | None = None,
                open_ids: set[str] | None = None, removed: set[str] | frozenset = frozenset(),
                cut: set[str] | frozenset = frozenset()) -> list[dict]:
    """Lines to draw; with `open_ids`, only those segments (the network on a day). `removed`
    and `cut` mark segments a what-if takes out and those of its minimum cut."""
    lines, largest = [], {}
    for s in store.energy_segments(infrastructure_id):
        if open_ids is not None and s["id"] not in open_ids:
            continue
        points = [{"name": s["from_name"], "lat": s["from_lat"], "lon": s["from_lon"]},
                  *(s["via"] or []),
                  {"name": s["to_name"], "lat": s["to_lat"], "lon": s["to_lon"]}]
        if any(p["lat"] is None or p["lon"] is None for p in points):
            continue
        largest[s["capacity_unit"]] = max(largest.get(s["capacity_unit"], 0), s["capacity"] or 0)
        capacity = (f"{s['capacity']:,.10g} {s['capacity_unit']}" if s["capacity"] is not None
                    else "capacity not recorded")
        opened = (str(s["opened"].year) if s["date_precision"] == "year" else
                  s["opened"].isoformat()) if s["opened"] else "opening not recorded"
        lines.append({
            "id": s["id"], "infrastructure_id": s["infrastructure_id"], "name": s["name"],
            "commodity": s["commodity"], "capacity": s["capacity"],
            "capacity_unit": s["capacity_unit"],
            "label": f"{s['name']}: {s['from_name']} → {s['to_name']}, {capacity}, "
                     f"opened {opened}" + (f", closed {s['closed']}" if s["closed"] else ""),
            "removed": s["id"] in removed, "cut": s["id"] in cut,
            "coordinates": [[p["lon"], p["lat"]] for p in points],
            # the map labels a place by its name without the explanation in brackets
            "places": [{**p, "short": p["name"].split(" (")[0]} for p in points],
        })
    for line in lines:  # width on the map: capacity relative to the largest in the same unit
        line["capacity_share"] = (line["capacity"] or 0) / (largest[line["capacity_unit"]] or 1)
    return lines
