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
    def events(self, query: EventQuery) -> list[dict]:
        where, params = query.where()
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
            ORDER BY e.date, e.event_id
        """, params)

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
