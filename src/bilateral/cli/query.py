"""Query commands: summary, stats, events, entity, offices."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from bilateral.cli import app
from bilateral.cli.common import (
    DbOption,
    Format,
    FormatOption,
    PackageOption,
    cell,
    emit,
    open_store,
    parse_day,
    to_json,
)
from bilateral.kb.store import EventQuery, coverage, summarise
from bilateral.model.enums import EventKind, Pillar


@app.command()
def summary(package: PackageOption = None, db: DbOption = None,
            fmt: FormatOption = Format.table) -> None:
    """The dyad at a glance: period, counts, pillars, milestones, who holds office now."""
    with open_store(package, db) as store:
        result = summarise(store)
    if fmt is not Format.table:
        print(to_json(result))
        return
    console = Console(highlight=False)
    counts = ", ".join(f"{v} {k}" for k, v in result["counts"].items())
    console.print(f"[bold]{result['title']}[/bold]")
    console.print(f"Events from {cell(result['first_event'])} to {cell(result['last_event'])}: "
                  f"{counts}.")
    console.print("By pillar: " + ", ".join(f"{p['pillar']} {p['events']}"
                                            for p in result["pillars"]))
    console.print("By decade: " + ", ".join(f"{d['decade']} {d['events']}"
                                            for d in result["decades"]))
    emit(result["office_holders"], Format.table, title="In office now")
    emit(result["milestones"], Format.table, ["date", "title", "pillars"], title="Milestones")


@app.command()
def stats(
    coverage_: Annotated[bool, typer.Option(
        "--coverage", help="Events per pillar per period, and the essay map's status.")] = False,
    by: Annotated[str, typer.Option(help="Period for --coverage: decade or year.")] = "decade",
    package: PackageOption = None, db: DbOption = None, fmt: FormatOption = Format.table,
) -> None:
    """Row counts per table, events per pillar and per decade (or --coverage)."""
    with open_store(package, db) as store:
        result = coverage(store, by) if coverage_ else store.stats()
    if coverage_ and fmt is not Format.json:
        emit(result["pillars"], fmt, title=f"Events per pillar per {by}")
        if fmt is Format.table:
            emit(result["essay"], fmt, title="Essay items by assessment")
        return
    if fmt is Format.json:
        print(to_json(result))
        return
    for name, rows in result.items():
        emit(rows, fmt, title=name if fmt is Format.table else None)


@app.command()
def events(
    actor: Annotated[list[str] | None, typer.Option(
        help="Only events with this actor (any name or alias); repeat for all of several.")]
    = None,
    pillar: Annotated[Pillar | None, typer.Option(help="Only events of this pillar.")] = None,
    kind: Annotated[EventKind | None, typer.Option(help="Only events of this kind.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date on (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY[-MM[-DD]]).")] = None,
    search: Annotated[str | None, typer.Option(help="Text in the title or summary.")] = None,
    importance: Annotated[int | None, typer.Option(
        min=1, max=3, help="At most this importance: 1 milestones, 2 adds significant events.")]
    = None,
    package: PackageOption = None, db: DbOption = None, fmt: FormatOption = Format.table,
) -> None:
    """List curated events, oldest first, with their actors and source addresses."""
    with open_store(package, db) as store:
        query = EventQuery(
            actor_ids=tuple(store.resolve(a) for a in actor or []),
            pillar=pillar.value if pillar else None, kind=kind.value if kind else None,
            since=parse_day(since, "--since"), until=parse_day(until, "--until", last=True),
            search=search, importance=importance)
        rows = store.events(query)
    emit(rows, fmt, ["id", "date", "title", "kind", "pillars", "importance"]
         if fmt is Format.table else None)


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="Any name, spelling or alias, e.g. 'Гейдар Алиев'.")],
    package: PackageOption = None, db: DbOption = None, fmt: FormatOption = Format.table,
) -> None:
    """Resolve a name to its entity and show its aliases and terms in office."""
    with open_store(package, db) as store:
        result = store.entity(name)
    if fmt is Format.json:
        print(to_json(result))
        return
    facts = {k: v for k, v in result.items() if k not in {"terms", "aliases"} and v is not None}
    facts["aliases"] = result["aliases"]
    emit([{"field": k, "value": cell(v)} for k, v in facts.items()], fmt, title=result["name"])
    if result["terms"]:
        emit(result["terms"], fmt, title="Terms in office")


@app.command()
def offices(
    country: Annotated[str | None, typer.Option(help="ISO 3166 alpha-3 code, e.g. AZE.")] = None,
    on: Annotated[str | None, typer.Option(help="Only who held office on this day.")] = None,
    package: PackageOption = None, db: DbOption = None, fmt: FormatOption = Format.table,
) -> None:
    """Who held which office, when (acting terms marked)."""
    with open_store(package, db) as store:
        rows = store.offices(country, parse_day(on, "--on"))
    emit(rows, fmt, ["country", "office", "person", "start", "end", "acting"]
         if fmt is not Format.json else None)
