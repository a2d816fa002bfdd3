"""The compiled knowledge base as pandas DataFrames: the analysis layer's input."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from bilateral.kb.store import Store


@dataclass(frozen=True)
class Frames:
    """One DataFrame per table the analyses read; dates are pandas Timestamps."""

    events: pd.DataFrame        # the shared event schema, curated events only
    actors: pd.DataFrame        # event_id, entity_id, role, name, kind, country
    terms: pd.DataFrame         # person_id, person, office_id, office_kind, state, start, end
    agreements: pd.DataFrame    # id, title, date, kind, scope, pillars, parties (list)
    entities: pd.DataFrame
    sources: pd.DataFrame       # id, url, title, publisher, published, kind
    citations: pd.DataFrame     # record_table, record_id, source_id
    infrastructure: pd.DataFrame
    owners: pd.DataFrame
    energy_nodes: pd.DataFrame
    energy_segments: pd.DataFrame   # countries and source_ids as lists; opened/closed Timestamps
    conversions: pd.DataFrame


def _frame(store: Store, sql: str, dates: tuple[str, ...] = ()) -> pd.DataFrame:
    df = store.con.execute(sql).df()
    for column in dates:
        df[column] = pd.to_datetime(df[column])
    return df


def load_frames(store: Store) -> Frames:
    return Frames(
        events=_frame(store, "SELECT * FROM events WHERE dataset = 'kb' ORDER BY date, event_id",
                      ("date", "date_end")),
        actors=_frame(store, """
            SELECT a.event_id, a.entity_id, a.role, e.name, e.kind,
                   coalesce(e.iso3, e.country) AS country
            FROM event_actors a JOIN entities e ON e.id = a.entity_id
            ORDER BY a.event_id, a.role, a.entity_id"""),
        terms=_frame(store, """
            SELECT t.id, t.person_id, p.name AS person, t.office_id, o.kind AS office_kind,
                   o.title AS office, upper(o.state_id) AS state, t.start, t."end", t.acting,
                   t.date_precision
            FROM terms t JOIN offices o ON o.id = t.office_id JOIN entities p ON p.id = t.person_id
            ORDER BY t.start, t.id""", ("start", "end")),
        agreements=_frame(store, """
            SELECT g.id, g.title, g.date, g.date_precision, g.kind, g.scope, g.pillars,
                   (SELECT list(DISTINCT ap.entity_id ORDER BY ap.entity_id)
                      FROM agreement_parties ap
                     WHERE ap.agreement_id = g.id AND ap.role = 'party') AS parties
            FROM agreements g ORDER BY g.date, g.id""", ("date",)),
        entities=_frame(store, "SELECT * FROM entities ORDER BY id",
                        ("exists_from", "exists_until")),
        sources=_frame(store, "SELECT id, url, title, publisher, published, kind, language "
                              "FROM sources ORDER BY id"),
        citations=_frame(store, "SELECT * FROM citations ORDER BY record_table, record_id, "
                                "source_id"),
        infrastructure=_frame(store, "SELECT i.*, e.name FROM infrastructure i "
                                     "JOIN entities e ON e.id = i.id ORDER BY i.id",
                              ("opened", "closed")),
        owners=_frame(store, "SELECT * FROM infrastructure_owners "
                             "ORDER BY infrastructure_id, owner_id"),
        energy_nodes=_frame(store, "SELECT * FROM energy_nodes ORDER BY id"),
        energy_segments=_frame(store, "SELECT * FROM energy_segments ORDER BY id",
                               ("opened", "closed")),
        conversions=_frame(store, "SELECT * FROM unit_conversions ORDER BY id"),
    )
