"""Options shared by every command, defined once, and the one output contract."""

from __future__ import annotations

import csv
import math
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from bilateral.errors import InputError
from bilateral.jsontext import to_json  # noqa: F401  (re-exported for the commands)
from bilateral.kb.compile import ensure_built
from bilateral.kb.store import Store
from bilateral.model.dates import interval, parse_partial


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


FormatOption = Annotated[Format, typer.Option(
    "--format", "-f", help="table for people; json or csv for scripts.")]
PackageOption = Annotated[Path | None, typer.Option(
    "--package", envvar="BILATERAL_PACKAGE",
    help="Knowledge-base package directory (default: the built-in Azerbaijan–Russia package).")]
DbOption = Annotated[Path | None, typer.Option(
    "--db", envvar="BILATERAL_DB",
    help="DuckDB database file (default: bilateral.duckdb in your user data directory).")]


def open_store(package: Path | None, db: Path | None) -> Store:
    """The store for a package, building the database first when it is missing or stale."""
    def note(path: Path) -> None:
        print(f"Building the knowledge base into {path} …", file=sys.stderr)
    return Store(ensure_built(package, db, on_build=note))


def parse_day(text: str | None, option: str, last: bool = False) -> date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; `last` picks the period's last day (for --until)."""
    if text is None:
        return None
    try:
        first, precision = parse_partial(text)
    except ValueError as exc:
        raise InputError(f"{option}: {text!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)") \
            from exc
    return interval(first, precision)[1] if last else first


def cell(value: Any) -> str:
    """One value as table or CSV text: lists joined by ';', actors as id:role."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return "" if math.isnan(value) else f"{value:.4g}"
    if isinstance(value, list):
        return ";".join(f"{v['id']}:{v['role']}" if isinstance(v, dict) else cell(v)
                        for v in value)
    return str(value)


def emit(rows: list[dict], fmt: Format, columns: list[str] | None = None,
         title: str | None = None) -> None:
    """Print rows as a table, a JSON list or CSV; columns choose and order table/CSV output."""
    columns = columns or (list(rows[0]) if rows else [])
    if fmt is Format.json:
        print(to_json(rows))
    elif fmt is Format.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([cell(r.get(c)) for c in columns] for r in rows)
    else:
        table = Table(title=title, show_lines=False, header_style="bold")
        for c in columns:
            table.add_column(c)
        for r in rows:
            table.add_row(*(cell(r.get(c)) for c in columns))
        Console().print(table)


def report_problems(report, fmt: Format, summary: str) -> None:
    """A validation-style report in the one contract: problems on stdout as
    `path:row:column: slug: message` (or JSON/CSV), a summary on stderr, exit 1 on errors."""
    if fmt is Format.json:
        print(to_json(report.to_dict()))
    elif fmt is Format.csv:
        emit([p.to_dict() for p in report.sorted()], fmt,
             ["path", "row", "column", "field", "slug", "severity", "message"])
    else:
        for problem in report.sorted():
            print(problem)
        warnings = len(report.problems) - len(report.errors)
        print(f"{summary}: {len(report.errors)} errors, {warnings} warnings", file=sys.stderr)
    raise typer.Exit(int(not report.valid))
