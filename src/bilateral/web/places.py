"""Route geometry for the map: energy network segments as straight lines between their end
points, wherever both ends have sourced coordinates. Segments without them are left out, and
the map page lists every route in a table either way."""

from __future__ import annotations

from bilateral.kb.store import Store


def route_lines(store: Store, infrastructure_id: str | None = None) -> list[dict]:
    segments = [s for s in store.energy_segments(infrastructure_id)
                if None not in (s["from_lat"], s["from_lon"], s["to_lat"], s["to_lon"])]
    largest: dict[str, float] = {}
    for s in segments:
        largest[s["capacity_unit"]] = max(largest.get(s["capacity_unit"], 0), s["capacity"] or 0)
    lines = []
    for s in segments:
        capacity = (f"{s['capacity']:,g} {s['capacity_unit']}" if s["capacity"] is not None
                    else "capacity not recorded")
        opened = s["opened"].isoformat() if s["opened"] else "opening not recorded"
        lines.append({
            "id": s["id"], "infrastructure_id": s["infrastructure_id"],
            "commodity": s["commodity"],
            "label": f"{s['name']}: {s['from_name']} → {s['to_name']}, {capacity}, "
                     f"opened {opened}" + (f", closed {s['closed']}" if s["closed"] else ""),
            # line width: capacity relative to the largest in the same unit
            "capacity_share": (s["capacity"] or 0) / (largest[s["capacity_unit"]] or 1),
            "coordinates": [[s["from_lon"], s["from_lat"]], [s["to_lon"], s["to_lat"]]],
            "places": [{"name": s["from_name"], "lon": s["from_lon"], "lat": s["from_lat"]},
                       {"name": s["to_name"], "lon": s["to_lon"], "lat": s["to_lat"]}],
        })
    return lines
