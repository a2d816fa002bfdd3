"""Read-only queries over a compiled knowledge-base database; results are plain dicts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from bilateral.errors import AmbiguousNameError, InputError, NotFoundError
from bilateral.kb.names import normalise


class Store:
    """A read-only connection to a database built by `build_database`."""

    def __init__(self, path: Path):
        if not Path(path).exists():
            raise NotFoundError(f"{path}: no database here; run `bilateral build` first")
        self.path = Path(path)
        self.con = duckdb.connect(str(path), read_only=True)

    def close(self) -> None:
        self.con.close()

    def for_thread(self) -> Store:
        """A Store on its own cursor of the same database, for use in another thread (one
        DuckDB connection must not run queries from two threads at once)."""
        twin = object.__new__(Store)
        twin.path, twin.con = self.path, self.con.cursor()
        return twin

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def rows(self, sql: str, params: list | None = None) -> list[dict]:
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def meta(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self.rows("SELECT key, value FROM meta")}

    # -- names -------------------------------------------------------------------------
    def resolve(self, name: str) -> str:
        """The id of the entity a name or alias denotes; errors name the candidates.

        A proper name beats a metonym: "Moscow" is the city, not the Russian state.
        """
        if self.rows("SELECT 1 AS hit FROM entities WHERE id = ?", [name]):
            return name  # an id: no need to read every name and alias
        wanted = normalise(name)
        if not wanted:
            raise InputError("an empty name resolves to nothing")
        candidates = self.rows(
            "SELECT id, name, 'name' AS kind FROM entities "
            "UNION ALL SELECT entity_id, alias, kind FROM aliases")
        if any(c["id"] == name for c in candidates):
            return name
        for allowed in ({"name", "official", "short", "transliteration", "native", "historical"},
                        {"metonym"}):
            hits = sorted({c["id"] for c in candidates
                           if c["kind"] in allowed and normalise(c["name"]) == wanted})
            if len(hits) == 1:
                return hits[0]
            if hits:
                raise AmbiguousNameError(f"{name!r} could mean {', '.join(hits)}", hits)
        surname = sorted({c["id"] for c in candidates if c["kind"] == "name"
                          and " " in c["name"] and normalise(c["name"]).split()[-1] == wanted})
        if len(surname) == 1:
            return surname[0]
        if surname:
            raise AmbiguousNameError(f"{name!r} could mean {', '.join(surname)}", surname)
        close = _close_matches(wanted, {normalise(c["name"]): c["id"] for c in candidates})
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise NotFoundError(f"no entity is called {name!r}{hint}")

    def entity(self, name: str) -> dict:
        """An entity with its aliases and terms in office."""
        entity_id = self.resolve(name)
        row = self.rows("SELECT id, name, kind, country, wikidata, iso3, cameo, cow, exists_from, "
                        "exists_until, description FROM entities WHERE id = ?", [entity_id])[0]
        row["aliases"] = [r["alias"] for r in self.rows(
            "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY language, alias", [entity_id])]
        row["terms"] = self.rows(
            "SELECT o.title AS office, upper(o.state_id) AS country, t.start, t.\"end\", t.acting "
            "FROM terms t JOIN offices o ON o.id = t.office_id WHERE t.person_id = ? "
            "ORDER BY t.start, o.title", [entity_id])
        return row

    # -- events ------------------------------------------------------------------------
    def events(self, query: EventQuery, limit: int | None = None, offset: int = 0,
               order: str = "date") -> list[dict]:
        """Events matching `query`, ordered by one of `EVENT_ORDERS` ('-' prefix: descending)."""
        where, order_sql, params = _selection(query, limit, offset, order)
        return self.rows(f"""
            SELECT e.event_id AS id, e.date, e.date_end, e.date_precision, e.title, e.summary,
                   e.kind, e.cameo_code AS cameo, e.goldstein, e.quad_class, e.plover,
                   e.pillars, e.importance,
                   (SELECT list({{'id': a.entity_id, 'name': n.name, 'role': a.role}}
                                ORDER BY a.role, a.entity_id)
                      FROM event_actors a JOIN entities n ON n.id = a.entity_id
                     WHERE a.event_id = e.event_id) AS actors,
                   (SELECT list(s.url ORDER BY s.url) FROM citations c
                      JOIN sources s ON s.id = c.source_id
                     WHERE c.record_table = 'events' AND c.record_id = e.event_id) AS source_urls
            FROM events e
            WHERE e.dataset = 'kb' {where}
            ORDER BY {order_sql}
        """, params)

    def event_ids(self, query: EventQuery, limit: int | None = None, offset: int = 0,
                  order: str = "date") -> list[str]:
        """Only the ids of `events(...)`: cheap enough to run per request when the rows
        themselves are already at hand."""
        where, order_sql, params = _selection(query, limit, offset, order)
        return [r["id"] for r in self.rows(
            f"SELECT e.event_id AS id FROM events e WHERE e.dataset = 'kb' {where} "
            f"ORDER BY {order_sql}", params)]

    def count_events(self, query: EventQuery) -> int:
        where, params = query.where()
        return self.rows(f"SELECT count(*) AS n FROM events e WHERE e.dataset = 'kb' {where}",
                         params)[0]["n"]

    def event(self, event_id: str) -> dict:
        """One curated event with its actors, pillars, linked records and cited sources."""
        found = self.rows("SELECT id FROM kb_events WHERE id = ?", [event_id])
        if not found:
            raise NotFoundError(f"no event with id {event_id!r}")
        return self.event_details(self.events(EventQuery(event_ids=(event_id,)))[0])

    def event_details(self, row: dict) -> dict:
        """An event row (as `events` gives it) with its agreements, infrastructure and the
        sources it cites."""
        event_id = row["id"]
        row = dict(row)
        extra = self.rows("SELECT agreement_ids, infrastructure_ids FROM kb_events WHERE id = ?",
                          [event_id])[0]
        row["agreements"] = self._titles("agreements", extra["agreement_ids"] or [])
        row["infrastructure"] = self._titles("infrastructure", extra["infrastructure_ids"] or [])
        row["sources"] = self.cited_sources("events", event_id)
        return row

    # -- other records -------------------------------------------------------------------
    def entities(self, kind: str | None = None, search: str | None = None) -> list[dict]:
        clauses, params = [], []
        if kind:
            clauses.append("kind = ?")
            params.append(kind)
        if search:
            clauses.append("(contains(lower(name), lower(?)) OR id IN (SELECT entity_id FROM "
                           "aliases WHERE contains(lower(alias), lower(?))))")
            params += [search, search]
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        return self.rows(f"""
            SELECT id, name, kind, coalesce(iso3, country) AS country, exists_from, exists_until,
                   (SELECT count(*) FROM event_actors a WHERE a.entity_id = entities.id) AS events
            FROM entities {where} ORDER BY name, id""", params)

    def agreements(self) -> list[dict]:
        return self.rows("SELECT id, title, date, date_precision, kind, scope, pillars "
                         "FROM agreements ORDER BY date, id")

    def agreement(self, agreement_id: str) -> dict:
        """An agreement with its parties, the events that refer to it and its sources."""
        rows = self.rows("SELECT * FROM agreements WHERE id = ?", [agreement_id])
        if not rows:
            raise NotFoundError(f"no agreement with id {agreement_id!r}")
        row = rows[0]
        row.pop("source_ids", None)
        row["place"] = self._titles("entities", [row["place_id"]])[0] if row["place_id"] else None
        row["parties"] = self.rows(
            "SELECT p.entity_id AS id, e.name, p.role FROM agreement_parties p "
            "JOIN entities e ON e.id = p.entity_id WHERE p.agreement_id = ? "
            "ORDER BY p.role, e.name", [agreement_id])
        row["events"] = self.rows(
            "SELECT id, date, date_precision, title FROM kb_events "
            "WHERE list_contains(agreement_ids, ?) ORDER BY date, id", [agreement_id])
        # what followed: the next year's events with at least two of its parties
        row["followed"] = self.rows("""
            SELECT e.id, e.date, e.date_precision, e.title FROM kb_events e
            WHERE e.date > ? AND e.date <= ? + INTERVAL 1 YEAR
              AND NOT list_contains(coalesce(e.agreement_ids, []), ?)
              AND (SELECT count(DISTINCT a.entity_id) FROM event_actors a
                   JOIN agreement_parties p ON p.entity_id = a.entity_id
                   WHERE a.event_id = e.id AND p.agreement_id = ? AND p.role = 'party') >= 2
            ORDER BY e.date, e.id LIMIT 12""",
            [row["date"], row["date"], agreement_id, agreement_id])
        row["sources"] = self.cited_sources("agreements", agreement_id)
        return row

    def infrastructure(self) -> list[dict]:
        return self.rows("SELECT i.id, coalesce(e.name, i.id) AS name, i.commodity, i.capacity, "
                         "i.capacity_unit, i.route, i.length_km, i.opened, i.closed "
                         "FROM infrastructure i LEFT JOIN entities e ON e.id = i.id "
                         "ORDER BY i.opened NULLS LAST, i.id")

    def infrastructure_item(self, item_id: str) -> dict:
        """A pipeline, railway or site with its owners, operator, events and sources."""
        rows = self.rows("SELECT i.*, coalesce(e.name, i.id) AS name FROM infrastructure i "
                         "LEFT JOIN entities e ON e.id = i.id WHERE i.id = ?", [item_id])
        if not rows:
            raise NotFoundError(f"no infrastructure with id {item_id!r}")
        row = rows[0]
        row.pop("source_ids", None)
        row["operator"] = (self._titles("entities", [row["operator_id"]])[0]
                           if row["operator_id"] else None)
        row["owners"] = self.rows(
            "SELECT o.owner_id AS id, e.name, o.stake_pct, o.as_of FROM infrastructure_owners o "
            "JOIN entities e ON e.id = o.owner_id WHERE o.infrastructure_id = ? "
            "ORDER BY o.stake_pct DESC NULLS LAST, e.name", [item_id])
        row["events"] = self.rows(
            "SELECT id, date, date_precision, title FROM kb_events "
            "WHERE list_contains(infrastructure_ids, ?) ORDER BY date, id", [item_id])
        row["sources"] = self.cited_sources("infrastructure", item_id)
        return row

    def source(self, source_id: str) -> dict:
        """A source with every record that cites it."""
        rows = self.rows("SELECT * FROM sources WHERE id = ?", [source_id])
        if not rows:
            raise NotFoundError(f"no source with id {source_id!r}")
        row = rows[0]
        row["cited_by"] = self.rows("""
            SELECT c.record_table AS "table", c.record_id AS id,
                   coalesce(e.title, g.title, n.name, i.name, c.record_id) AS title
            FROM citations c
            LEFT JOIN kb_events e ON c.record_table = 'events' AND e.id = c.record_id
            LEFT JOIN agreements g ON c.record_table = 'agreements' AND g.id = c.record_id
            LEFT JOIN entities n ON c.record_table = 'entities' AND n.id = c.record_id
            LEFT JOIN entities i ON c.record_table = 'infrastructure' AND i.id = c.record_id
            WHERE c.source_id = ? ORDER BY c.record_table, c.record_id""", [source_id])
        return row

    def energy_segments(self, infrastructure_id: str | None = None) -> list[dict]:
        """Energy network segments with their end points' names and coordinates (empty for a
        database built before the energy tables existed)."""
        if not self.rows("SELECT count(*) AS n FROM information_schema.tables "
                         "WHERE table_name = 'energy_segments'")[0]["n"]:
            return []
        where, params = "", []
        if infrastructure_id:
            where, params = "WHERE s.infrastructure_id = ?", [infrastructure_id]
        return self.rows(f"""
            SELECT s.id, s.infrastructure_id, coalesce(i.name, s.infrastructure_id) AS name,
                   s.commodity, s.capacity, s.capacity_unit, s.opened, s.date_precision,
                   s.closed, (SELECT list({{'name': w.name, 'lat': w.lat, 'lon': w.lon}}
                                ORDER BY list_position(s.via, w.id))
                      FROM energy_nodes w WHERE list_contains(s.via, w.id)) AS via,
                   a.name AS from_name, a.lat AS from_lat, a.lon AS from_lon,
                   b.name AS to_name, b.lat AS to_lat, b.lon AS to_lon
            FROM energy_segments s
            JOIN energy_nodes a ON a.id = s.from_node JOIN energy_nodes b ON b.id = s.to_node
            LEFT JOIN entities i ON i.id = s.infrastructure_id
            {where} ORDER BY s.infrastructure_id, s.id""", params)

    def cited_sources(self, table: str, record_id: str) -> list[dict]:
        return self.rows("SELECT s.id, s.url, s.title, s.publisher, s.published FROM citations c "
                         "JOIN sources s ON s.id = c.source_id "
                         "WHERE c.record_table = ? AND c.record_id = ? ORDER BY s.id",
                         [table, record_id])

    def _titles(self, table: str, ids: list[str]) -> list[dict]:
        # infrastructure records are named by the entity of the same id
        table, label = {"agreements": ("agreements", "title"),
                        "infrastructure": ("entities", "name"),
                        "entities": ("entities", "name")}[table]
        if not ids:
            return []
        found = {r["id"]: r["label"] for r in self.rows(
            f'SELECT id, {label} AS label FROM "{table}" WHERE list_contains(?, id)', [ids])}
        return [{"id": i, "title": found.get(i, i)} for i in ids]

    # -- offices -----------------------------------------------------------------------
    def offices(self, country: str | None = None, on: date | None = None) -> list[dict]:
        where, params = [], []
        if country:
            where.append("upper(o.state_id) = ?")
            params.append(country.upper())
        if on:
            where.append("t.start <= ? AND (t.\"end\" IS NULL OR t.\"end\" >= ?)")
            params += [on, on]
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        return self.rows(f"""
            SELECT upper(o.state_id) AS country, o.title AS office, o.kind AS office_kind,
                   p.name AS person, p.id AS person_id, t.start, t."end", t.acting
            FROM terms t JOIN offices o ON o.id = t.office_id JOIN entities p ON p.id = t.person_id
            {clause}
            ORDER BY country, o.kind, o.title, t.start
        """, params)

    # -- stats -------------------------------------------------------------------------
    def stats(self) -> dict[str, list[dict]]:
        tables = ["sources", "entities", "aliases", "offices", "terms", "kb_events",
                  "event_actors", "agreements", "agreement_parties", "infrastructure",
                  "infrastructure_owners"]
        return {
            "tables": [{"table": "events" if t == "kb_events" else t,
                        "rows": self.con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]}
                       for t in tables],
            "pillars": self.rows("SELECT pillar, count(*) AS events FROM event_pillars "
                                 "GROUP BY pillar ORDER BY events DESC, pillar"),
            "decades": self.rows("SELECT (year(date) // 10 * 10)::VARCHAR || 's' AS decade, "
                                 "count(*) AS events FROM events WHERE dataset = 'kb' "
                                 "GROUP BY decade ORDER BY decade"),
        }


PERIODS = {"year": "year(date)::VARCHAR",
           "decade": "(year(date) // 10 * 10)::VARCHAR || 's'"}


def coverage(store: Store, by: str = "decade") -> dict:
    """Events per pillar per period, and how far the essay's items are mapped to records."""
    if by not in PERIODS:
        raise InputError(f"--by must be one of {', '.join(PERIODS)}")
    grid = store.rows(f"""
        SELECT {PERIODS[by]} AS period,
               count(*) FILTER (WHERE list_contains(pillars, 'energy')) AS energy,
               count(*) FILTER (WHERE list_contains(pillars, 'security')) AS security,
               count(*) FILTER (WHERE list_contains(pillars, 'economy')) AS economy,
               count(*) FILTER (WHERE list_contains(pillars, 'political')) AS political,
               count(*) AS events
        FROM events WHERE dataset = 'kb' GROUP BY period ORDER BY period""")
    has_map = store.rows("SELECT count(*) AS n FROM information_schema.tables "
                         "WHERE table_name = 'essay_items'")[0]["n"]
    essay = store.rows("SELECT kind, assessment, count(*) AS items FROM essay_items "
                       "GROUP BY ALL ORDER BY kind, assessment") if has_map else []
    unmapped = store.rows("SELECT id, item FROM essay_items WHERE len(records) = 0 "
                          "ORDER BY id") if has_map else []
    return {"by": by, "pillars": grid, "essay": essay, "essay_unmapped": unmapped}


@dataclass
class EventQuery:
    """Filters for `Store.events`; every value is passed as a parameter, never spliced."""

    actor_ids: tuple[str, ...] = ()
    event_ids: tuple[str, ...] = ()
    pillar: str | None = None
    kind: str | None = None
    since: date | None = None
    until: date | None = None
    search: str | None = None
    importance: int | None = None

    def where(self) -> tuple[str, list]:
        clauses, params = [], []
        for actor in self.actor_ids:
            clauses.append("EXISTS (SELECT 1 FROM event_actors a "
                           "WHERE a.event_id = e.event_id AND a.entity_id = ?)")
            params.append(actor)
        if self.event_ids:
            clauses.append("list_contains(?, e.event_id)")
            params.append(list(self.event_ids))
        if self.pillar:
            clauses.append("list_contains(e.pillars, ?)")
            params.append(self.pillar)
        if self.kind:
            clauses.append("e.kind = ?")
            params.append(self.kind)
        if self.since:
            clauses.append("coalesce(e.date_end, e.date) >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("e.date <= ?")
            params.append(self.until)
        if self.search:
            clauses.append("(contains(lower(e.title), lower(?)) OR "
                           "contains(lower(e.summary), lower(?)))")
            params += [self.search, self.search]
        if self.importance:
            clauses.append("e.importance <= ?")
            params.append(self.importance)
        return "".join(" AND " + c for c in clauses), params


# Orders a caller may ask for; the SQL is chosen from this table, never built from input.
EVENT_ORDERS = {"date": "e.date, e.event_id", "title": "e.title, e.event_id",
                "importance": "e.importance, e.date, e.event_id",
                "kind": "e.kind, e.date, e.event_id"}


def _selection(query: EventQuery, limit: int | None, offset: int,
               order: str) -> tuple[str, str, list]:
    """The WHERE clause, the ORDER BY clause with its page, and their parameters."""
    where, params = query.where()
    order_sql = _event_order(order)
    if limit is not None:
        order_sql += " LIMIT ? OFFSET ?"
        params = [*params, limit, offset]
    return where, order_sql, params


def _event_order(order: str) -> str:
    key = order.removeprefix("-")
    if key not in EVENT_ORDERS:
        raise InputError(f"cannot sort events by {order!r}; use one of "
                         f"{', '.join(EVENT_ORDERS)} (prefix '-' for descending)")
    if order.startswith("-"):
        return ", ".join(f"{c} DESC" for c in EVENT_ORDERS[key].split(", "))
    return EVENT_ORDERS[key]


def _close_matches(wanted: str, names: dict[str, str]) -> list[str]:
    import difflib

    keys = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.75)
    return sorted({names[k] for k in keys})


def summarise(store: Store) -> dict:
    """The dyad at a glance: period, counts, pillars, milestones and who holds office now."""
    span = store.rows("SELECT min(date) AS first, max(coalesce(date_end, date)) AS last, "
                      "count(*) AS events FROM events WHERE dataset = 'kb'")[0]
    stats = store.stats()
    counts = {t["table"]: t["rows"] for t in stats["tables"]}
    today = store.rows("SELECT max(coalesce(\"end\", start)) AS d FROM terms")[0]["d"]
    holders = store.offices(on=max(today, date.today()) if today else date.today())
    milestones = store.events(EventQuery(importance=1))
    return {
        "title": store.meta().get("package_title", ""),
        "first_event": span["first"], "last_event": span["last"],
        "counts": {k: counts[k] for k in ("events", "agreements", "infrastructure", "terms",
                                          "entities", "sources")},
        "pillars": stats["pillars"],
        "decades": stats["decades"],
        "office_holders": [{k: h[k] for k in ("country", "office", "person", "start", "acting")}
                           for h in holders],
        "milestones": [{"date": m["date"], "title": m["title"], "pillars": m["pillars"]}
                       for m in milestones],
    }
