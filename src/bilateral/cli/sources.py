"""`bilateral sources`: the bibliography and its audit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bilateral.cli import app
from bilateral.cli.common import Format, FormatOption, emit, report_problems
from bilateral.kb.package import open_package
from bilateral.kb.sources import check_sources, source_usage


@app.command()
def sources(
    path: Annotated[Path | None, typer.Argument(
        help="Package directory (default: the built-in package).")] = None,
    check: Annotated[bool, typer.Option(
        "--check", help="Audit instead of list: records without sources, sources cited by "
                        "nothing, unknown ids and malformed addresses. Offline: fetches nothing.")]
    = False,
    fmt: FormatOption = Format.table,
) -> None:
    """List the sources with how often they are cited, or audit them with --check.

    With --check, problems print as `path:row:column: slug: message`; exit 1 when any is an
    error (a record without a source, an unknown source id, a malformed address).
    """
    package = open_package(path)
    if not check:
        rows = source_usage(package)
        emit(rows, fmt, ["id", "kind", "publisher", "published", "cited_by", "url"]
             if fmt is Format.table else None)
        return
    report = check_sources(package)
    report_problems(report, fmt, f"{report.stats['sources']} sources, "
                                 f"{report.stats['cited']} cited")
