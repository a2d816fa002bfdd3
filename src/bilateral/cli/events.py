"""`bilateral import`, `bilateral fetch` and `bilateral series`: machine-coded event data."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from bilateral.backends import ENGINES
from bilateral.cli import app
from bilateral.cli.common import Format, FormatOption, emit, to_json
from bilateral.errors import BilateralError
from bilateral.events.importer import ImportResult, import_files
from bilateral.events.readers import FORMATS

# Choices come from the library's own tables, so a new reader or engine shows up here.
Dataset = StrEnum("Dataset", {name: name for name in FORMATS})


StoreOption = Annotated[Path, typer.Option(
    "--store", envvar="BILATERAL_STORE", help="Event store directory (Parquet by dataset and "
                                              "year).")]


def _reconciliation(r: ImportResult) -> str:
    return (f"{r.file}: read {r.rows_read} = stored {r.rows_stored} + duplicate "
            f"{r.rows_duplicate} + rejected {r.rows_rejected}"
            + (f" (rejects: {r.rejects_path})" if r.rejects_path else ""))


@app.command("import")
def import_(
    dataset: Annotated[Dataset, typer.Argument(help="Which layout the files have.")],
    files: Annotated[list[Path], typer.Argument(help="Files to import; .zip archives are read "
                                                     "member by member.")],
    store: StoreOption,
    fmt: FormatOption = Format.table,
) -> None:
    """Import event files into the store, normalised to the shared event schema.

    Nothing is lost: unreadable rows go to the rejects table with file, line, raw text and
    reason, and every file reconciles (read = stored + duplicate + rejected). Importing the
    same file twice adds nothing. Exit 0 when the run completed (rejects or not), 1 when it
    could not (a missing file, a file of another format), 2 for usage errors.
    """
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        raise BilateralError(f"no such file: {', '.join(missing)}")
    results: list[ImportResult] = []
    quiet = fmt is not Format.table or not sys.stderr.isatty()
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/"
                  "{task.total} files"), TimeElapsedColumn(), disable=quiet,
                  transient=True) as progress:
        task = progress.add_task(f"Importing {dataset.value}", total=len(files))

        def done(result: ImportResult) -> None:
            results.append(result)
            progress.update(task, advance=1)
            if fmt is Format.table:
                print(_reconciliation(result))
        import_files(dataset.value, files, store, on_file=done)
    if fmt is Format.json:
        print(to_json([r.to_dict() for r in results]))
    elif fmt is Format.csv:
        emit([r.to_dict() for r in results], fmt, ["dataset", "file", "rows_read", "rows_stored",
                                                  "rows_duplicate", "rows_rejected",
                                                  "rejects_path", "seconds"])
    else:
        total = {k: sum(getattr(r, k) for r in results) for k in
                 ("rows_read", "rows_stored", "rows_duplicate", "rows_rejected")}
        print(f"total: read {total['rows_read']} = stored {total['rows_stored']} + duplicate "
              f"{total['rows_duplicate']} + rejected {total['rows_rejected']}")


Engine = StrEnum("Engine", {name: name for name in ENGINES})


class Unit(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


@app.command()
def series(
    a: Annotated[str, typer.Argument(help="First state, ISO 3166 alpha-3 (e.g. AZE).")],
    b: Annotated[str, typer.Argument(help="Second state (e.g. RUS).")],
    store: StoreOption,
    by: Annotated[Unit, typer.Option(help="Period length.")] = Unit.month,
    directed: Annotated[bool, typer.Option(
        help="Split A->B from B->A instead of counting the dyad as one.")] = False,
    engine: Annotated[Engine, typer.Option(help="duckdb (embedded) or spark (local mode, or "
                                                "BILATERAL_SPARK_MASTER).")] = Engine.duckdb,
    dataset: Annotated[str | None, typer.Option(help="Only this dataset (gdelt, icews, ...).")]
    = None,
    root_only: Annotated[bool, typer.Option(help="Noise guard: GDELT root events only.")]
    = False,
    min_sources: Annotated[int, typer.Option(help="Noise guard: at least this many sources.")]
    = 0,
    collapse: Annotated[bool, typer.Option(help="Noise guard: one event per date, actors, "
                                                "code and place.")] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """The dyad's event series from imported data: counts, quad-class shares, Goldstein sum and
    mean, top event codes, and the rate against all events of each period."""
    from bilateral.analysis.series import NoiseGuards, dyad_series
    from bilateral.backends import connect, events_table

    backend = connect(engine.value)
    events = events_table(backend, store)
    if dataset:
        events = events.filter(events.dataset == dataset)
    frame = dyad_series(backend, events, a.upper(), b.upper(), by.value, directed,
                        NoiseGuards(root_only, min_sources, collapse))
    rows = frame.to_dict(orient="records")
    if fmt is Format.table:
        emit(rows, fmt, ["period", "direction", "events", "rate", "goldstein_mean",
                         "top_codes"],
             title=f"{a.upper()}–{b.upper()} by {by.value} ({engine.value})")
    else:
        emit(rows, fmt)


@app.command()
def fetch(
    source: Annotated[str, typer.Argument(help="What to fetch: gdelt (GDELT 2.0 exports).")],
    since: Annotated[str, typer.Option(help="First day, YYYY-MM-DD.")],
    until: Annotated[str, typer.Option(help="Last day, YYYY-MM-DD.")],
    store: StoreOption,
    base_url: Annotated[str, typer.Option(help="Where the master file list and files are.")]
    = "http://data.gdeltproject.org/gdeltv2/",
    workers: Annotated[int, typer.Option(min=1, max=16, help="Downloads at once.")] = 4,
    fmt: FormatOption = Format.table,
) -> None:
    """Download GDELT 2.0 event exports between two days (resuming partial files, checking
    each MD5 against the master list), then import them into the store."""
    from bilateral.cli.common import parse_day
    from bilateral.events.fetch import fetch_gdelt

    if source != "gdelt":
        raise typer.BadParameter("only gdelt can be fetched", param_hint="SOURCE")
    first, last = parse_day(since, "--since"), parse_day(until, "--until", last=True)
    folder = store / "downloads" / "gdelt"
    quiet = fmt is not Format.table or not sys.stderr.isatty()
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}"
                  " files"), TimeElapsedColumn(), disable=quiet, transient=True) as progress:
        task = progress.add_task("Downloading GDELT exports", total=None)
        fetched = fetch_gdelt(first, last, folder, base_url, workers,
                              on_file=lambda f: progress.update(task, advance=1))
    good = [f.file for f in fetched if f.ok]
    failed = [f for f in fetched if not f.ok]
    results = import_files("gdelt", good, store) if good else []
    if fmt is Format.json:
        print(to_json({"downloaded": [str(p) for p in good],
                       "failed": [{"file": f.listed.name, "reason": f.reason} for f in failed],
                       "imports": [r.to_dict() for r in results]}))
    else:
        for f in failed:
            print(f"{f.listed.name}: {f.reason}", file=sys.stderr)
        for r in results:
            print(_reconciliation(r))
        print(f"{len(good)} files downloaded, {len(failed)} failed")
    if failed:
        raise typer.Exit(1)
