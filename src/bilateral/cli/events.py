"""`bilateral import`, `bilateral fetch` and `bilateral series`: machine-coded event data."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from bilateral.cli import app
from bilateral.cli.common import Format, FormatOption, emit, to_json
from bilateral.errors import BilateralError
from bilateral.events.importer import ImportResult, import_files


class Dataset(StrEnum):
    gdelt = "gdelt"
    gdelt1 = "gdelt1"
    gdelt_mentions = "gdelt-mentions"
    icews = "icews"
    polecat = "polecat"


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
