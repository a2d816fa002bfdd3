"""`bilateral report` and `bilateral export`."""

from __future__ import annotations

import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from bilateral.api import DYADS, Dyad
from bilateral.claims.check import Checker
from bilateral.claims.text import read_document
from bilateral.cli import app
from bilateral.cli.common import DbOption, Format, PackageOption, open_store, to_json
from bilateral.errors import InputError
from bilateral.kb.frames import load_frames
from bilateral.reporting import exports
from bilateral.reporting.context import build_context
from bilateral.reporting.render import write_report

DyadOption = Annotated[str, typer.Option(help="The pair of states, e.g. AZE-RUS.")]


def _dyad(dyad: str, package: Path | None, db: Path | None,
          leaders: str | None = None) -> tuple[Dyad, tuple[str, str]]:
    key = dyad.upper()
    if key not in DYADS:
        raise InputError(f"--dyad: unknown dyad {dyad!r}; known: {', '.join(DYADS)}")
    with open_store(package, db) as store:
        if leaders:
            names = [n.strip() for n in leaders.split(",") if n.strip()]
            if len(names) != 2:
                raise InputError("--leaders takes two names separated by a comma")
            pair = (store.resolve(names[0]), store.resolve(names[1]))
        else:
            pair = DYADS[key]["leaders"]
        frames = load_frames(store)
    return Dyad(frames, DYADS[key]["states"]), pair


@app.command()
def report(
    out: Annotated[Path, typer.Option(help="Where to write: a .html (self-contained) or .md "
                                           "file.")],
    dyad: DyadOption = "AZE-RUS",
    leaders: Annotated[str | None, typer.Option(
        help='The leader pair to focus on, e.g. "Heydar Aliyev,Vladimir Putin".')] = None,
    check: Annotated[Path | None, typer.Option(
        help="A text (.txt, .md, .html) to check claim by claim: adds a section on what the "
             "record supports and contradicts in it.")] = None,
    package: PackageOption = None, db: DbOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="How to report what was "
                                        "written: table (a line) or json.")] = Format.table,
) -> None:
    """Write the evidence-based report: context and eras, the four pillars, milestones,
    legacy, and the numbered sources every sentence cites."""
    started = time.perf_counter()
    checked = None
    if check is not None:
        if not check.exists():
            raise InputError(f"--check: {check}: no such file")
        with open_store(package, db) as store:
            checked = Checker(store).check(read_document(check))
    the_dyad, pair = _dyad(dyad, package, db, leaders)
    context = build_context(the_dyad, pair, checked, check.name if check else "the text")
    written = write_report(the_dyad, context, out)
    seconds = time.perf_counter() - started
    sentences = [s for sec in context["sections"] for b in sec["blocks"]
                 for s in b.get("sentences", []) + b.get("items", [])]
    summary = {"path": str(out), "files": [str(p) for p in written],
               "sections": [s["title"] for s in context["sections"]],
               "sentences": len(sentences), "sources": len(context["bibliography"]),
               "charts": sum(b["type"] == "chart" for s in context["sections"]
                             for b in s["blocks"]), "seconds": round(seconds, 2)}
    if fmt is Format.json:
        print(to_json(summary))
    else:
        print(f"Report written to {out} ({summary['sentences']} cited sentences, "
              f"{summary['sources']} sources, {summary['charts']} charts, {seconds:.1f} s)")


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    json = "json"
    graphml = "graphml"
    timelinejs = "timelinejs"


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help=(
        "csv, parquet or json: every table and analysis into the --out folder; graphml: the "
        "actor network for Gephi; timelinejs: the events as TimelineJS JSON."))],
    out: Annotated[Path, typer.Option(help="Folder (csv, parquet, json) or file (graphml, "
                                           "timelinejs).")],
    dyad: DyadOption = "AZE-RUS", package: PackageOption = None, db: DbOption = None,
) -> None:
    """Export the records and analyses in formats other tools read."""
    the_dyad, _ = _dyad(dyad, package, db)
    for path in exports.export(the_dyad, fmt.value, out):
        print(path)
