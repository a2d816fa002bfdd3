"""Pass 2: meaning. Sources, dates, codes, terms and references checked across tables.

Cells that pass 1 already rejected (bad dates, bad enums) are skipped here, not reported twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from urllib.parse import urlsplit

from bilateral.kb.names import normalise
from bilateral.kb.package import Package
from bilateral.model import codebooks
from bilateral.model.dates import interval, parse_partial, precision_fits
from bilateral.model.units import NETWORK_UNITS, convertible, factor_table
from bilateral.problems import Problem

Row = tuple[int, dict[str, str]]
Check = Callable[["Context"], Iterator[Problem]]
CHECKS: list[Check] = []

_SOURCED = {"events": "unsourced-event", "terms": "unsourced-term",
            "agreements": "unsourced-agreement", "infrastructure": "unsourced-infrastructure",
            "infrastructure_owners": "unsourced-stake", "memberships": "unsourced-membership",
            "energy_nodes": "unsourced-energy-node", "energy_segments": "unsourced-segment",
            "unit_conversions": "unsourced-conversion"}
SOURCED_TABLES = (*_SOURCED, "entities")
_DATE_RANGES = {"events": ("date", "date_end"), "terms": ("start", "end"),
                "entities": ("exists_from", "exists_until"), "agreements": ("date", "in_force"),
                "infrastructure": ("opened", "closed"), "aliases": ("valid_from", "valid_until"),
                "memberships": ("start", "end"), "energy_segments": ("opened", "closed")}
_LIST_REFERENCES = [("events", "agreement_ids", "agreements"),
                    ("events", "infrastructure_ids", "infrastructure"),
                    ("energy_segments", "via", "energy_nodes")]


def check(fn: Check) -> Check:
    CHECKS.append(fn)
    return fn


def day(value: str | None) -> date | None:
    """A cell as a date, or None when empty or unparseable (pass 1 reports those)."""
    try:
        return date.fromisoformat(value.strip()) if value and value.strip() else None
    except ValueError:
        return None


def split(value: str | None) -> list[str]:
    return [v for v in (value or "").split(";") if v]


class Context:
    """The package plus lookups shared by the checks."""

    def __init__(self, package: Package):
        self.package = package
        self.ids = {name: {cells.get("id", "") for _, cells in package.records(name)}
                    for name in package.tables}
        self.entities = {cells.get("id"): cells for _, cells in package.records("entities")}

    def rows(self, table: str) -> list[Row]:
        return self.package.records(table)

    def problem(self, table: str, line: int, field: str, slug: str, message: str) -> Problem:
        t = self.package.tables[table]
        return Problem(self.package.display_path(t), line, t.column(field), slug, message, field)


@check
def sources_cited(ctx: Context) -> Iterator[Problem]:
    known = ctx.ids.get("sources", set())
    for table, slug in _SOURCED.items():
        if table not in ctx.package.tables:
            continue
        for line, cells in ctx.rows(table):
            ids = split(cells.get("source_ids"))
            if not ids:
                yield ctx.problem(table, line, "source_ids", slug, f"{table} row cites no source")
            for sid in ids:
                if sid not in known:
                    yield ctx.problem(table, line, "source_ids", "unknown-source",
                                      f"source {sid!r} is not in sources.csv")


@check
def urls_well_formed(ctx: Context) -> Iterator[Problem]:
    for line, cells in ctx.rows("sources"):
        url = cells.get("url", "")
        parts = urlsplit(url)
        spaced = any(c.isspace() for c in url)
        if parts.scheme not in {"http", "https"} or not parts.netloc or spaced:
            yield ctx.problem("sources", line, "url", "bad-url",
                              f"{url!r} is not a well-formed http(s) URL")
        published = cells.get("published", "")
        if published:
            try:
                parse_partial(published)
            except ValueError:
                yield ctx.problem("sources", line, "published", "bad-date",
                                  f"published: {published!r} is not a real date")


@check
def unused_sources(ctx: Context) -> Iterator[Problem]:
    used = {sid for table in SOURCED_TABLES for _, cells in ctx.rows(table)
            for sid in split(cells.get("source_ids"))}
    for line, cells in ctx.rows("sources"):
        if cells.get("id") and cells["id"] not in used:
            yield ctx.problem("sources", line, "id", "unused-source",
                              f"source {cells['id']!r} is cited by no record")


@check
def duplicate_urls(ctx: Context) -> Iterator[Problem]:
    first: dict[str, tuple[str, int]] = {}
    for line, cells in ctx.rows("sources"):
        url = cells.get("url", "").strip()
        if url in first:
            yield ctx.problem("sources", line, "url", "duplicate-url",
                              f"{url} is also source {first[url][0]!r} (line {first[url][1]})")
        elif url:
            first[url] = (cells.get("id", ""), line)


@check
def ends_after_starts(ctx: Context) -> Iterator[Problem]:
    for table, (start_field, end_field) in _DATE_RANGES.items():
        for line, cells in ctx.rows(table) if table in ctx.package.tables else []:
            start, end = day(cells.get(start_field)), day(cells.get(end_field))
            if start and end and end < start:
                yield ctx.problem(table, line, end_field, "end-before-start",
                                  f"{end_field} {end} is before {start_field} {start}")


@check
def precision_consistent(ctx: Context) -> Iterator[Problem]:
    for table, fields in (("events", ("date", "date_end")), ("agreements", ("date",)),
                          ("terms", ("start", "end")), ("memberships", ("start", "end")),
                          ("energy_segments", ("opened",))):
        for line, cells in ctx.rows(table):
            for field in fields:
                precision = cells.get("date_precision", "")
                if field == "end" and cells.get("end_precision"):
                    precision = cells["end_precision"]
                if precision not in {"day", "month", "year"}:
                    continue
                value = day(cells.get(field))
                if value and not precision_fits(value, precision):
                    unit = "month" if precision == "month" else "year"
                    yield ctx.problem(table, line, field, "date-precision-mismatch",
                                      f"{field} {value} is more exact than precision {precision!r}"
                                      f" (write the 1st of the {unit})")


@check
def cameo_codes_known(ctx: Context) -> Iterator[Problem]:
    codes = codebooks.cameo_codes()
    for line, cells in ctx.rows("events"):
        code = cells.get("cameo", "").strip()
        if not code:
            continue
        entry = codes.get(code)
        if entry is None:
            yield ctx.problem("events", line, "cameo", "unknown-cameo-code",
                              f"{code!r} is not a CAMEO event code")
            continue
        reason = cells.get("override_reason", "").strip()
        goldstein, quad = cells.get("goldstein", "").strip(), cells.get("quad_class", "").strip()
        if not goldstein and entry.goldstein is None:
            yield ctx.problem("events", line, "goldstein", "missing-goldstein",
                              f"CAMEO {code} has no codebook Goldstein score; give one")
        if goldstein and not reason and _differs(goldstein, entry.goldstein):
            yield ctx.problem("events", line, "goldstein", "unexplained-override",
                              f"goldstein {goldstein} differs from the codebook's "
                              f"{entry.goldstein} for CAMEO {code}; say why in override_reason")
        if quad and not reason and quad != str(entry.quad_class):
            yield ctx.problem("events", line, "quad_class", "unexplained-override",
                              f"quad_class {quad} differs from the codebook's {entry.quad_class} "
                              f"for CAMEO {code}; say why in override_reason")


def _differs(cell: str, value: float | None) -> bool:
    try:
        return value is None or float(cell) != value
    except ValueError:
        return False


@check
def list_references_exist(ctx: Context) -> Iterator[Problem]:
    for table, field, target in _LIST_REFERENCES:
        known = ctx.ids.get(target, set())
        for line, cells in ctx.rows(table):
            for ref in split(cells.get(field)):
                if ref not in known:
                    yield ctx.problem(table, line, field, "dangling-reference",
                                      f"{field}: {ref!r} is not in {target}.csv")


@check
def mapped_records_exist(ctx: Context) -> Iterator[Problem]:
    """Essay items point at records as table:id."""
    for line, cells in ctx.rows("essay_items"):
        for ref in split(cells.get("records")):
            table, _, record_id = ref.partition(":")
            if record_id not in ctx.ids.get(table, set()):
                yield ctx.problem("essay_items", line, "records", "dangling-reference",
                                  f"records: {ref!r} is not a record ({table}.csv has no "
                                  f"id {record_id!r})")


@check
def events_have_actors(ctx: Context) -> Iterator[Problem]:
    with_actors = {cells.get("event_id") for _, cells in ctx.rows("event_actors")}
    for line, cells in ctx.rows("events"):
        if cells.get("id") and cells["id"] not in with_actors:
            yield ctx.problem("events", line, "id", "event-without-actors",
                              f"event {cells['id']!r} has no row in event_actors.csv")


@check
def actors_within_lifetime(ctx: Context) -> Iterator[Problem]:
    """A person or body can only act (source, participant) while it exists."""
    dates = {cells.get("id"): day(cells.get("date")) for _, cells in ctx.rows("events")}
    for line, cells in ctx.rows("event_actors"):
        if cells.get("role") not in {"source", "participant"}:
            continue
        when, entity = dates.get(cells.get("event_id")), ctx.entities.get(cells.get("entity_id"))
        if not when or not entity:
            continue
        born, ended = day(entity.get("exists_from")), day(entity.get("exists_until"))
        if (born and when < born) or (ended and when > ended):
            yield ctx.problem("event_actors", line, "entity_id", "actor-outside-lifetime",
                              f"{entity.get('id')} did not exist on {when} "
                              f"({born or '?'} to {ended or 'today'})")
    yield from _terms_within_lifetime(ctx)


def _terms_within_lifetime(ctx: Context) -> Iterator[Problem]:
    for line, cells in ctx.rows("terms"):
        person = ctx.entities.get(cells.get("person_id"))
        start = day(cells.get("start"))
        if not person or not start:
            continue
        born, died = day(person.get("exists_from")), day(person.get("exists_until"))
        end = day(cells.get("end"))
        if (born and start < born) or (died and end and end > died):
            yield ctx.problem("terms", line, "start", "actor-outside-lifetime",
                              f"{person.get('id')} held office outside their lifetime")


@check
def entity_kinds_fit(ctx: Context) -> Iterator[Problem]:
    expected = [("terms", "person_id", {"person"}), ("offices", "state_id", {"state"}),
                ("infrastructure", "id", {"infrastructure"})]
    for table, field, kinds in expected:
        for line, cells in ctx.rows(table):
            entity = ctx.entities.get(cells.get(field))
            if entity and entity.get("kind") not in kinds:
                yield ctx.problem(table, line, field, "wrong-entity-kind",
                                  f"{field} {cells.get(field)!r} is a {entity.get('kind')}, "
                                  f"not a {' or '.join(sorted(kinds))}")
    for line, cells in ctx.rows("event_actors"):
        entity = ctx.entities.get(cells.get("entity_id"))
        if cells.get("role") == "location" and entity and \
                entity.get("kind") not in {"place", "state", "infrastructure"}:
            yield ctx.problem("event_actors", line, "entity_id", "wrong-entity-kind",
                              f"location {entity.get('id')!r} is a {entity.get('kind')}, "
                              "not a place, state or infrastructure")


@check
def country_codes_known(ctx: Context) -> Iterator[Problem]:
    known = codebooks.countries()
    for table, field in (("entities", "country"), ("entities", "iso3"),
                         ("energy_nodes", "country"), ("energy_segments", "countries")):
        for line, cells in ctx.rows(table):
            for code in split(cells.get(field, "").strip()):
                if code.isupper() and len(code) == 3 and code not in known:
                    yield ctx.problem(table, line, field, "unknown-country-code",
                                      f"{field}: {code!r} is not an ISO 3166 alpha-3 code")


@check
def segment_units_convert(ctx: Context) -> Iterator[Problem]:
    """Flows add up only in one unit per commodity, so every capacity must convert into it."""
    factors = factor_table(cells for _, cells in ctx.rows("unit_conversions")
                           if _positive(cells.get("factor")))
    for line, cells in ctx.rows("energy_segments"):
        commodity, unit = cells.get("commodity", ""), cells.get("capacity_unit", "")
        target = NETWORK_UNITS.get(commodity)
        if target and unit and not convertible(commodity, unit, target, factors):
            yield ctx.problem("energy_segments", line, "capacity_unit", "unknown-unit",
                              f"capacity_unit: no row of unit_conversions.csv converts "
                              f"{commodity} {unit} to {target}")


def _positive(cell: str | None) -> bool:
    try:
        return float(cell or "") > 0
    except ValueError:
        return False


@check
def terms_do_not_overlap(ctx: Context) -> Iterator[Problem]:
    """Only certain overlaps count: a month-precise term may start late and end early."""
    by_office: dict[str, list[tuple[date, date, int, dict]]] = defaultdict(list)
    for line, cells in ctx.rows("terms"):
        start, precision = day(cells.get("start")), cells.get("date_precision") or "day"
        if start and precision in {"day", "month"}:
            latest_start = interval(start, precision)[1]
            end = day(cells.get("end"))
            earliest_end = interval(end, precision)[0] if end else date.max
            by_office[cells.get("office_id", "")].append((latest_start, earliest_end, line, cells))
    for office, terms in by_office.items():
        terms.sort(key=lambda t: (t[0], t[2]))
        for i, (start, _end, line, cells) in enumerate(terms):
            for other_start, other_end, other_line, other in terms[:i]:
                if other_end <= start:  # a handover day belongs to both
                    continue
                if other.get("person_id") == cells.get("person_id"):
                    yield ctx.problem("terms", line, "start", "overlapping-terms",
                                      f"{cells.get('person_id')} already held {office} from "
                                      f"{other_start} (line {other_line})")
                elif cells.get("acting") != "true" and other.get("acting") != "true":
                    yield ctx.problem("terms", line, "start", "office-held-twice",
                                      f"{office} is also held by {other.get('person_id')} "
                                      f"until {other.get('end') or 'today'} (line {other_line})")


@check
def aliases_unambiguous(ctx: Context) -> Iterator[Problem]:
    first: dict[str, tuple[str, int]] = {}
    for line, cells in ctx.rows("entities"):
        first.setdefault(normalise(cells.get("name", "")), (cells.get("id", ""), line))
    for line, cells in ctx.rows("aliases"):
        key, owner = normalise(cells.get("alias", "")), cells.get("entity_id", "")
        seen = first.setdefault(key, (owner, line))
        if seen[0] != owner and cells.get("kind") != "metonym":
            yield ctx.problem("aliases", line, "alias", "ambiguous-alias",
                              f"{cells.get('alias')!r} also names {seen[0]}")


def check_meaning(package: Package) -> Iterator[Problem]:
    ctx = Context(package)
    for fn in CHECKS:
        yield from fn(ctx)
