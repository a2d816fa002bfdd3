"""Pass 1: structure. The package against its Table Schemas, checked by frictionless."""

from __future__ import annotations

import re
from collections.abc import Iterator

import frictionless

from bilateral.kb.package import Package, Table
from bilateral.problems import Problem

_LABEL_ERRORS = {"missing-label", "extra-label", "incorrect-label", "duplicate-label",
                 "blank-label", "blank-header", "header-error", "label-error"}
_ROW_ERRORS = {"missing-cell", "extra-cell", "blank-row"}
_CONSTRAINT_SLUGS = {"enum": "not-in-enum", "pattern": "bad-format", "minimum": "out-of-range",
                     "maximum": "out-of-range", "minLength": "bad-format",
                     "maxLength": "bad-format", "unique": "duplicate-id"}
_SOURCED_TABLES = {"events": "unsourced-event", "terms": "unsourced-term",
                   "agreements": "unsourced-agreement",
                   "infrastructure": "unsourced-infrastructure",
                   "infrastructure_owners": "unsourced-stake",
                   "memberships": "unsourced-membership",
                   "energy_nodes": "unsourced-energy-node",
                   "energy_segments": "unsourced-segment",
                   "unit_conversions": "unsourced-conversion"}


def check_structure(package: Package) -> Iterator[Problem]:
    """Yield a Problem for every schema violation in every table of the package."""
    for table in package.tables.values():
        if table.error or not table.path.exists():
            reason = table.error or "file not found"
            yield Problem(package.display_path(table), 1, 1, "missing-table",
                          f"table {table.name!r} cannot be read: {reason}")
    try:
        report = frictionless.validate(str(package.root / "datapackage.json"))
    except Exception as exc:  # frictionless raises its own errors for broken descriptors
        yield Problem(str(package.root / "datapackage.json"), 1, 1, "bad-package", str(exc))
        return
    for task in report.tasks:
        table = package.tables.get(task.name)
        for error in task.errors:
            if table is None:
                yield Problem(str(package.root / "datapackage.json"), 1, 1, "bad-package",
                              error.message)
            elif table.path.exists() and not table.error:
                yield _to_problem(package, table, error)
    for error in report.errors:
        yield Problem(str(package.root / "datapackage.json"), 1, 1, "bad-package", error.message)


def _to_problem(package: Package, table: Table, error) -> Problem:
    path = package.display_path(table)
    kind = error.type
    row_number = getattr(error, "row_number", None)
    row = table.line_of_row(row_number) if row_number else 1
    field = getattr(error, "field_name", None) or _first(getattr(error, "field_names", None))
    if kind in {"primary-key", "unique-error"} and not field:
        field = _first(table.schema.get("primaryKey"))
    column = table.column(field) if field else (getattr(error, "field_number", None) or 1)
    cell = getattr(error, "cell", "")
    slug, message = _classify(table, error, field, cell)
    return Problem(path, row, column, slug, message, field or "")


def _classify(table: Table, error, field: str | None, cell: str) -> tuple[str, str]:
    kind = error.type
    if kind == "type-error":
        ftype = table.fields.get(field, {}).get("type", "")
        slug = "bad-date" if ftype in {"date", "datetime"} else "bad-value"
        return slug, f"{field}: {cell!r} is not a valid {ftype}"
    if kind == "constraint-error":
        constraint = re.match(r'constraint "(\w+)"', error.note or "")
        name = constraint.group(1) if constraint else ""
        if name == "required":
            if field == "source_ids" and table.name in _SOURCED_TABLES:
                return _SOURCED_TABLES[table.name], f"{table.name} row cites no source"
            return "missing-value", f"{field} is required"
        detail = table.fields.get(field, {}).get("constraints", {}).get(name)
        return _CONSTRAINT_SLUGS.get(name, "bad-value"), \
            f"{field}: {cell!r} breaks {name} {detail!r}"
    if kind in {"primary-key", "unique-error"}:
        return "duplicate-id", f"duplicate key ({error.note})"
    if kind == "foreign-key":
        values = ", ".join(repr(c) for c in error.field_cells or [])
        return "dangling-reference", (f"{field}: {values} is not an id in "
                                      f"{error.reference_name or table.name}.csv")
    if kind in _ROW_ERRORS:
        return "bad-row", error.message
    if kind in _LABEL_ERRORS:
        return "bad-header", error.message
    return "bad-package", error.message


def _first(values) -> str | None:
    return values[0] if values else None
