"""`bilateral check` and `bilateral eval claims`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from bilateral.claims.check import Checker
from bilateral.claims.evaluate import LABELS, evaluate, read_claims
from bilateral.claims.text import main_text
from bilateral.cli import app
from bilateral.cli.common import (
    DbOption,
    Format,
    PackageOption,
    cell,
    emit,
    open_store,
    parse_day,
    to_json,
)
from bilateral.errors import NotFoundError


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    md = "md"
    html = "html"


@app.command()
def check(
    file: Annotated[str, typer.Argument(help="A .txt, .md or .html file, or - for stdin.")],
    date: Annotated[str | None, typer.Option(
        "--date", help="The document's date (YYYY[-MM[-DD]]), an anchor for 'today'.")] = None,
    package: PackageOption = None, db: DbOption = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f")] = CheckFormat.table,
) -> None:
    """Check every claim in a text against the knowledge base: supported, contradicted,
    anachronistic, not in the knowledge base, or not checkable, with the reason, a correction
    where the record has one, and the evidence with its sources."""
    if file == "-":
        text = sys.stdin.read()
    else:
        path = Path(file)
        if not path.exists():
            raise NotFoundError(f"{file}: no such file")
        text = main_text(path.read_text(encoding="utf-8", errors="replace"), path.suffix)
    with open_store(package, db) as store:
        result = Checker(store).check(text, parse_day(date, "--date"))
    if fmt is CheckFormat.json:
        print(to_json(result))
    elif fmt is CheckFormat.html:
        from bilateral.reporting.check_html import render_check

        print(render_check(text, result))
    elif fmt is CheckFormat.md:
        for c in result["claims"]:
            if c["verdict"] != "not_checkable":
                print(f"- **{c['verdict']}** ({c['reason']}): {c['sentence']}")
                for e in c["evidence"][:1]:
                    print(f"  - {e['title']} ({e['date']}) {' '.join(e['source_urls'][:1])}")
    else:
        emit([{"verdict": c["verdict"], "reason": c["reason"], "sentence": c["sentence"][:90],
               "evidence": cell(c["evidence"][0]["id"]) if c["evidence"] else ""}
              for c in result["claims"] if c["verdict"] != "not_checkable"], Format.table)
        print(result["summary"], file=sys.stderr)


eval_app = typer.Typer(help="Evaluate bilateral against labelled data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("claims")
def eval_claims(
    file: Annotated[Path, typer.Argument(
        help="JSON Lines: {id, claim, label[, as_of]} per line; as_of anchors 'now'.")],
    package: PackageOption = None, db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Check each labelled claim and print the confusion matrix, accuracy, macro-F1 and the
    false-accusation rate (true or unsettled claims called false)."""
    if not file.exists():
        raise NotFoundError(f"{file}: no such file")
    claims = read_claims(file)
    with open_store(package, db) as store:
        result = evaluate(Checker(store), claims)
    if fmt == "json":
        print(to_json(result))
        return
    emit([{"gold \\ predicted": g, **result["confusion"][g]} for g in LABELS], Format.table,
         title="Confusion matrix")
    print(f"accuracy {result['accuracy']:.3f}  macro-F1 {result['macro_f1']:.3f}  "
          f"false-accusation rate {result['false_accusation_rate']:.3f}  "
          f"({result['claims']} claims)")
