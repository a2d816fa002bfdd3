"""The web of relations: who acts with whom around the dyad, how often, how cooperatively."""

from __future__ import annotations

from itertools import combinations

import networkx as nx
import pandas as pd

ACTING_ROLES = ("source", "target", "participant")


def create_network(actors: pd.DataFrame, events: pd.DataFrame,
                   kinds: tuple[str, ...] = ("state", "person", "organisation", "company")
                   ) -> nx.Graph:
    """Actors are nodes; two actors of one event share an edge weighted by how many events they
    share, with the mean Goldstein score of those events as `cooperation`."""
    tone = events.set_index("event_id")["goldstein"].to_dict()
    acting = actors[actors["role"].isin(ACTING_ROLES) & actors["kind"].isin(kinds)]
    graph = nx.Graph()
    for row in acting.drop_duplicates("entity_id").itertuples():
        graph.add_node(row.entity_id, name=row.name, kind=row.kind, country=row.country or "")
    for event_id, group in acting.groupby("event_id"):
        for a, b in combinations(sorted(set(group["entity_id"])), 2):
            data = graph.get_edge_data(a, b, {"weight": 0, "goldstein_total": 0.0})
            graph.add_edge(a, b, weight=data["weight"] + 1,
                           goldstein_total=data["goldstein_total"] + float(tone.get(event_id, 0)))
    for _, _, data in graph.edges(data=True):
        data["cooperation"] = data["goldstein_total"] / data["weight"]
    return graph


def centrality(graph: nx.Graph) -> pd.DataFrame:
    """Per actor: events shared (weighted degree), degree, betweenness and eigenvector
    centrality, most central first."""
    if graph.number_of_nodes() == 0:
        return pd.DataFrame(columns=["id", "name", "kind", "strength", "degree", "betweenness",
                                     "eigenvector"])
    betweenness = nx.betweenness_centrality(graph)
    try:
        eigen = nx.eigenvector_centrality(graph, weight="weight", max_iter=2000)
    except nx.PowerIterationFailedConvergence:
        eigen = dict.fromkeys(graph, float("nan"))
    rows = [{"id": n, "name": d["name"], "kind": d["kind"],
             "strength": int(graph.degree(n, weight="weight")), "degree": graph.degree(n),
             "betweenness": betweenness[n], "eigenvector": eigen[n]}
            for n, d in graph.nodes(data=True)]
    return pd.DataFrame(rows).sort_values(["strength", "id"], ascending=[False, True],
                                          ignore_index=True)


def edges(graph: nx.Graph) -> pd.DataFrame:
    rows = [{"source": a, "target": b, "weight": d["weight"], "cooperation": d["cooperation"]}
            for a, b, d in graph.edges(data=True)]
    return pd.DataFrame(rows, columns=["source", "target", "weight", "cooperation"]) \
        .sort_values(["weight", "source", "target"], ascending=[False, True, True],
                     ignore_index=True)


def write_graphml(graph: nx.Graph, path) -> None:
    """GraphML for Gephi, with node names, kinds and the edge weights and cooperation."""
    nx.write_graphml(graph, path)
