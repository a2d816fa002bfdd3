"""What the explorer shows, read once from the knowledge base and kept in memory.

The explorer holds no analysis of its own: it asks the store, the `Dyad` API, the chart
module and the checker, and keeps their results so that pages answer in milliseconds.
"""

from __future__ import annotations

import threading
from datetime import date
from functools import cached_property
from pathlib import Path

import pandas as pd

from bilateral.analysis import energy
from bilateral.analysis.series import NoiseGuards, dyad_series
from bilateral.api import DYADS, Dyad
from bilateral.backends import connect, events_table
from bilateral.claims.check import Checker
from bilateral.errors import InputError, NotFoundError
from bilateral.kb.compile import ensure_built
from bilateral.kb.frames import load_frames
from bilateral.kb.store import EventQuery, Store, summarise
from bilateral.reporting import charts
from bilateral.reporting.charts import PILLAR_COLOURS

PILLARS = tuple(PILLAR_COLOURS)


class Explorer:
    """One knowledge base, opened read-only, with a Store per serving thread."""

    def __init__(self, db: Path | str | None = None, package: Path | str | None = None,
                 dyad: str = "AZE-RUS", events_store: Path | str | None = None):
        self.db_path = ensure_built(package, db)
        self.events_store = Path(events_store) if events_store else None
        self._series_lock = threading.Lock()
        self._store = Store(self.db_path)
        self._local = threading.local()
        self._checker_lock = threading.Lock()
        self.dyad = Dyad(load_frames(self._store), DYADS[dyad]["states"])
        self.dyad_name = dyad

    def close(self) -> None:
        self._store.close()

    def warm(self) -> None:
        """Read and render what every visitor needs, so the first one does not wait."""
        _ = (self.summary, self.eras, self.era_summary, self.network, self.chart_svgs,
             self._event_rows, self.timeline_items, self.milestones, self.dyad.energy)
        if self.events_store is not None:
            _ = self.datasets  # fails now, not at the first visit, if the store is empty

    @property
    def store(self) -> Store:
        """The calling thread's Store (DuckDB connections are not shared across threads)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = self._store.for_thread()
        return store

    # -- the dyad ----------------------------------------------------------------------
    @cached_property
    def summary(self) -> dict:
        return summarise(self._store.for_thread())

    @cached_property
    def eras(self) -> list[dict]:
        eras = self.dyad.eras()
        return _records(eras[["era", "leader_a", "leader_a_id", "leader_b", "leader_b_id",
                              "start", "end", "days"]])

    @cached_property
    def era_summary(self) -> list[dict]:
        return _records(self.dyad.era_summary())

    def index(self, by: str = "year", pillar: str | None = None) -> list[dict]:
        return _records(self.dyad.index(by, pillar))

    @cached_property
    def network(self) -> list[dict]:
        return _records(self.dyad.network())

    @cached_property
    def chart_svgs(self) -> dict[str, str]:
        """The overview's and the network page's charts, rendered offline once."""
        return {name: charts.to_svg(self.dyad.chart(name))
                for name in ("index", "pillar-mix", "network")}

    @cached_property
    def era_band(self) -> list[dict]:
        """Eras as shares of the whole span, for a band drawn with plain HTML."""
        eras = self.dyad.eras()
        first, last = eras["start"].min(), eras["end"].max()
        span = (last - first).days + 1
        return [{**row, "left": 100 * (pd.Timestamp(row["start"]) - first).days / span,
                 "width": max(100 * row["days"] / span, 0.15)} for row in self.eras]

    # -- events ------------------------------------------------------------------------
    @cached_property
    def _event_rows(self) -> dict[str, dict]:
        return {e["id"]: e for e in self._store.for_thread().events(EventQuery())}

    def events(self, query: EventQuery, limit: int | None = None, offset: int = 0,
               order: str = "date") -> tuple[int, list[dict]]:
        """The matching events' count and one page of them: the database filters and orders,
        the rows (with actors and source URLs) come from memory."""
        store = self.store
        ids = store.event_ids(query, limit, offset, order)
        return store.count_events(query), [self._event_rows[i] for i in ids]

    @cached_property
    def milestones(self) -> list[dict]:
        return self._store.for_thread().events(EventQuery(importance=1))

    def event(self, event_id: str) -> dict:
        row = self._event_rows.get(event_id)
        if row is None:
            return self.store.event(event_id)  # raises NotFoundError with the id
        return self.store.event_details(row)

    def entity_events(self, entity_id: str) -> list[dict]:
        ids = self.store.event_ids(EventQuery(actor_ids=(entity_id,)))
        return [self._event_rows[i] for i in ids]

    @cached_property
    def timeline_items(self) -> list[dict]:
        """Every curated event as a vis-timeline item: grouped by its first pillar, sized by
        importance, with its other pillars kept for filtering."""
        items = []
        for e in self._event_rows.values():
            pillars = list(e["pillars"] or [])
            items.append({"id": e["id"], "content": e["title"], "start": _iso(e["date"]),
                          "end": _iso(e["date_end"]), "group": pillars[0] if pillars else None,
                          "pillars": pillars, "importance": e["importance"],
                          "className": f"pillar-{pillars[0] if pillars else 'none'} "
                                       f"importance-{e['importance']}",
                          "summary": e["summary"], "kind": e["kind"]})
        return items

    # -- the energy network ------------------------------------------------------------
    @cached_property
    def as_of(self) -> date:
        return self.dyad.as_of.date()

    def energy_network(self, on: date, commodity: str | None = None) -> dict:
        return energy.network_on(self.dyad.energy, on, commodity)

    def open_segments(self, on: date) -> set[str]:
        return set(energy.filter_open(self.dyad.energy.segments, on)["id"])

    def whatif(self, without: str, on: date, origin: str = "AZE",
               destination: str = energy.ANYWHERE) -> dict:
        """The energy library's what-if, per commodity, with the segments it removes."""
        network = self.dyad.energy
        try:
            removed = energy.resolve_without(network, without, self.dyad.state_names())
            frame = energy.whatif(network, removed, origin, destination, on=on)
        except InputError as exc:  # a name that names nothing in the network
            raise NotFoundError(str(exc).removeprefix("--without: ")) from None
        label = dict(self.whatif_choices).get(removed.label, removed.label)
        return {"without": removed.label, "label": label, "on": on.isoformat(), "from": origin,
                "to": destination, "removed_segments": sorted(removed.segments),
                "results": _records(frame)}

    @cached_property
    def whatif_choices(self) -> list[tuple[str, str]]:
        """What the map's what-if can take out: the countries routes cross, then the lines."""
        network = self.dyad.energy
        names = {r["iso3"]: r["name"] for r in self._store.for_thread().rows(
            "SELECT iso3, name FROM countries")} | self.dyad.state_names()
        countries = sorted({c for cs in network.segments["countries"] for c in cs})
        lines = sorted(set(network.segments["infrastructure_id"]),
                       key=lambda i: network.names.get(i, i))
        return ([(c, names.get(c, c)) for c in countries]
                + [(i, network.names.get(i, i)) for i in lines])

    # -- imported event data --------------------------------------------------------------
    @cached_property
    def _event_data(self):
        """The imported events as an Ibis table on an embedded DuckDB (checked at start-up)."""
        if self.events_store is None:
            raise NotFoundError("no event store: start the explorer with --store DIR "
                                "(a folder written by `bilateral import`)")
        backend = connect("duckdb")
        return backend, events_table(backend, self.events_store)

    @cached_property
    def datasets(self) -> list[str]:
        backend, events = self._event_data
        return sorted(backend.execute(events.select("dataset").distinct())["dataset"])

    def series(self, by: str = "month", directed: bool = False, dataset: str | None = None,
               guards: NoiseGuards | None = None) -> list[dict]:
        """The dyad series over the imported events, as `bilateral series` computes it."""
        backend, events = self._event_data
        if dataset:
            if dataset not in self.datasets:
                raise NotFoundError(f"no dataset {dataset!r} in the event store; it holds "
                                    f"{', '.join(self.datasets)}")
            events = events.filter(events.dataset == dataset)
        a, b = self.dyad.states
        with self._series_lock:  # one DuckDB connection, one query at a time
            return _records(dyad_series(backend, events, a, b, by, directed,
                                        guards or NoiseGuards()))

    def series_chart(self, rows: list[dict], title: str) -> str:
        frame = pd.DataFrame(rows)
        frame["period"] = pd.to_datetime(frame["period"])
        return charts.to_svg(charts.event_series(frame, title))

    # -- the check page ----------------------------------------------------------------
    @cached_property
    def checker(self) -> Checker:
        return Checker(self._store.for_thread())

    def check(self, text: str, doc_date: date | None = None) -> dict:
        with self._checker_lock:  # the checker's lexicon caches are not thread-safe
            return self.checker.check(text, doc_date)


def _iso(value) -> str | None:
    return value.isoformat() if value is not None and not pd.isna(value) else None


def _records(df: pd.DataFrame) -> list[dict]:
    """DataFrame rows as JSON-ready dicts: dates as ISO strings, missing values as None."""
    out = []
    for row in df.to_dict("records"):
        clean = {}
        for key, value in row.items():
            if isinstance(value, pd.Timestamp):
                value = value.date().isoformat()
            elif not isinstance(value, list | tuple | dict) and pd.isna(value):
                value = None
            elif hasattr(value, "item"):
                value = value.item()
            clean[key] = value
        out.append(clean)
    return out
