"""The Python API for notebooks: `d = bilateral.load()` gives DataFrames and Altair charts."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import altair as alt
import networkx as nx
import pandas as pd

from bilateral.analysis import energy as energy_
from bilateral.analysis import eras as eras_
from bilateral.analysis import indices, milestones, network
from bilateral.errors import InputError
from bilateral.kb.compile import ensure_built
from bilateral.kb.frames import Frames, load_frames
from bilateral.kb.store import Store
from bilateral.reporting import charts

# The built-in dyads: their two states and the leader pair a report focuses on by default.
DYADS = {"AZE-RUS": {"states": ("AZE", "RUS"), "leaders": ("heydar-aliyev", "vladimir-putin")}}


class Dyad:
    """Two states and the records about them, as DataFrames with analyses one call away."""

    def __init__(self, frames: Frames, states: tuple[str, str] = ("AZE", "RUS")):
        self.frames = frames
        self.states = states

    @property
    def events(self) -> pd.DataFrame:
        return self.frames.events

    @property
    def as_of(self) -> pd.Timestamp:
        """The knowledge base's cut-off: its latest event or term date. Open eras run to it,
        so results do not drift with the calendar."""
        t = self.frames.terms
        dates = [self.events["date"].max(), self.events["date_end"].max(), t["start"].max(),
                 t["end"].max()]
        return max(d for d in dates if pd.notna(d))

    def eras(self, include_acting: bool = True) -> pd.DataFrame:
        """Leader pairs (heads of state) with the first and last day of each overlap."""
        return eras_.create_eras(self.frames.terms, self.states, include_acting=include_acting,
                                 today=self.as_of)

    def era_summary(self, include_acting: bool = True) -> pd.DataFrame:
        return eras_.summarise_eras(self.events, self.eras(include_acting),
                                    self.frames.agreements)

    def index(self, by: str = "year", pillar: str | None = None) -> pd.DataFrame:
        return indices.create_index(self.events, by, pillar)

    def milestones(self, top: int | None = None, pillar: str | None = None) -> pd.DataFrame:
        return milestones.rank_milestones(self.events, top, pillar)

    def turning_points(self, by: str = "year") -> pd.DataFrame:
        return milestones.find_turning_points(self.index(by))

    @cached_property
    def graph(self) -> nx.Graph:
        return network.create_network(self.frames.actors, self.events)

    def network(self) -> pd.DataFrame:
        """Actors with their centrality in the web of relations."""
        return network.centrality(self.graph)

    @cached_property
    def energy(self) -> energy_.Network:
        """The energy-route network: nodes, segments, capacities in network units."""
        f = self.frames
        names = f.entities.set_index("id")["name"].to_dict()
        return energy_.create_network(f.energy_nodes, f.energy_segments, f.conversions, names)

    def energy_by_route(self) -> pd.DataFrame:
        """Year-end export capacity of the first state per route and commodity."""
        frames = [energy_.capacity_by_line(self.energy, self.states[0], energy_.ANYWHERE, c,
                                           self.as_of.year, self.states[1]).assign(commodity=c)
                  for c in sorted(set(self.energy.segments["commodity"]))]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    def state_names(self) -> dict[str, str]:
        """ISO3 code -> name of every state entity, so --without can take 'Russia'."""
        states = self.frames.entities
        states = states[(states["kind"] == "state") & states["iso3"].notna()]
        return dict(zip(states["iso3"], states["name"], strict=True))

    def chart(self, name: str, **options) -> alt.TopLevelMixin:
        """'timeline', 'index', 'pillar-mix', 'network', 'energy' or a pillar name."""
        if name == "timeline":
            return charts.timeline(self.events)
        if name == "index":
            return charts.cooperation_index(self.index(options.get("by", "year")), self.eras())
        if name == "pillar-mix":
            return charts.pillar_mix(self.era_summary())
        if name == "energy":
            return charts.energy_capacity(self.energy_by_route())
        if name == "network":
            return charts.network(self.graph, options.get("top", 30))
        if name in indices.PILLARS:
            return charts.pillar_over_time(indices.create_pillar_index(self.events), name)
        raise InputError(f"no chart called {name!r}: use timeline, index, pillar-mix, network, "
                         f"energy, or a pillar ({', '.join(indices.PILLARS)})")


def load(dyad: str = "AZE-RUS", package: Path | str | None = None,
         db: Path | str | None = None) -> Dyad:
    """The built-in dyad (building its database on first use), or another package."""
    if dyad.upper() not in DYADS:
        raise InputError(f"unknown dyad {dyad!r}; known: {', '.join(DYADS)}")
    with Store(ensure_built(package, db)) as store:
        frames = load_frames(store)
    return Dyad(frames, DYADS[dyad.upper()]["states"])
