"""`bilateral validate` and `bilateral build`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bilateral.cli import app
from bilateral.cli.common import DbOption, Format, FormatOption, emit, report_problems, to_json
from bilateral.kb.compile import build_database, default_db_path
from bilateral.kb.validate import validate_package


@app.command()
def validate(
    path: Annotated[Path | None, typer.Argument(
        help="Package directory or datapackage.json (default: the built-in package).")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Check a knowledge-base package: structure against its Table Schemas, then meaning.

    Every problem is printed as `path:row:column: slug: message` (row is the CSV line).
    Exit 0 when the package is valid (warnings allowed), 1 when it has errors.
    """
    report = validate_package(path)
    rows = sum(report.stats.values())
    verdict = "valid" if report.valid else "invalid"
    report_problems(report, fmt, f"{verdict} package, {rows} rows in {len(report.stats)} tables")


@app.command()
def build(
    path: Annotated[Path | None, typer.Argument(
        help="Package directory (default: the built-in package).")] = None,
    db: DbOption = None,
    force: Annotated[bool, typer.Option(help="Rebuild even if the database is up to date.")]
    = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Compile the package into an embedded DuckDB database (atomically: temp file + rename).

    Building the same package twice changes nothing: the database records the package's
    fingerprint and is rebuilt only when the package changed (or with --force).
    """
    result = build_database(path, db or default_db_path(), force=force)
    if fmt is Format.json:
        print(to_json({"path": str(result.path), "built": result.built,
                       "fingerprint": result.fingerprint, "tables": result.counts}))
        return
    state = "built" if result.built else "up to date"
    print(f"{result.path}: {state} ({result.counts.get('kb_events', 0)} events, "
          f"{result.counts.get('terms', 0)} terms, {result.counts.get('sources', 0)} sources)")
    if fmt is Format.csv:
        emit([{"table": k, "rows": v} for k, v in result.counts.items()], fmt)
