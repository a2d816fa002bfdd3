"""`bilateral energy`: the energy-route network — routes, capacity, what-ifs, diversification."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from bilateral.analysis import energy
from bilateral.api import Dyad
from bilateral.cli import app
from bilateral.cli.common import (
    DbOption,
    Format,
    FormatOption,
    PackageOption,
    emit,
    open_store,
    parse_day,
    to_json,
)
from bilateral.kb.frames import load_frames
from bilateral.model.units import NETWORK_UNITS

energy_app = typer.Typer(
    help="The energy pillar as a network of pipelines with capacities: routes, export "
         "capacity over time, what-if flows without a country or a line, diversification.",
    no_args_is_help=True, rich_markup_mode=None)
app.add_typer(energy_app, name="energy")


class By(StrEnum):
    year = "year"


FromOption = Annotated[str, typer.Option(
    "--from", help="Where the commodity starts: a country code (AZE) or a node id.")]
ToOption = Annotated[str, typer.Option(
    "--to", help="Where it goes: a country code, a market region (EU), a node id, or 'any' "
                 "for every node outside --from.")]
CommodityOption = Annotated[str, typer.Option(help="gas or oil.")]
OnOption = Annotated[str | None, typer.Option(
    help="The day (YYYY, YYYY-MM or YYYY-MM-DD; default: the knowledge base's cut-off).")]
UntilOption = Annotated[int | None, typer.Option(
    help="Last year (default: the year of the knowledge base's cut-off).")]
UnitOption = Annotated[str | None, typer.Option(
    help="Report capacities in this unit (e.g. Mt/y for oil) through the cited factors; "
         "default: gas bcm/y, oil b/d.")]


def _load(package: Path | None, db: Path | None) -> Dyad:
    with open_store(package, db) as store:
        return Dyad(load_frames(store))


def _on(dyad: Dyad, on: str | None) -> date:
    return parse_day(on, "--on", last=True) if on else dyad.as_of.date()


def _whole(rows: list[dict]) -> list[dict]:
    """Whole-number capacities as integers, so tables and CSV print 1211000, not 1.211e+06."""
    return [{k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in r.items()}
            for r in rows]


def _commodities(commodity: str | None) -> tuple[str, ...]:
    return (energy.check_commodity(commodity),) if commodity else tuple(NETWORK_UNITS)


@energy_app.command()
def routes(origin: FromOption = "AZE", destination: ToOption = energy.ANYWHERE,
           commodity: Annotated[str | None, typer.Option(help="gas or oil (default: both).")]
           = None, on: OnOption = None, unit: UnitOption = None,
           package: PackageOption = None, db: DbOption = None,
           fmt: FormatOption = Format.table) -> None:
    """The routes from a place to a market open on a day, with their lines, transit countries
    (crossed between the two ends) and bottleneck capacity."""
    dyad = _load(package, db)
    day = _on(dyad, on)
    frames = [energy.routes(dyad.energy, origin, destination, c, day, unit)
              for c in _commodities(commodity)]
    rows = [r for f in frames for r in f.to_dict("records")]
    columns = ["commodity", "route", "lines", "transit", "capacity", "unit", "segments"]
    emit(_whole(rows), fmt, columns if fmt is not Format.json else None,
         title=f"Routes on {day}")


@energy_app.command()
def capacity(origin: FromOption = "AZE", destination: ToOption = energy.ANYWHERE,
             commodity: CommodityOption = "gas",
             by: Annotated[By, typer.Option(help="One row per year, on 31 December.")] = By.year,
             via: Annotated[str, typer.Option(
                 help="The country (or line) whose share to report: the capacity lost "
                      "without it.")] = "RUS",
             until: UntilOption = None, unit: UnitOption = None,
             package: PackageOption = None, db: DbOption = None,
             fmt: FormatOption = Format.table) -> None:
    """Export capacity (maximum flow) over time, and the share of it that depends on a
    transit country, by default Russia."""
    dyad = _load(package, db)
    energy.check_commodity(commodity)
    frame = energy.capacity_by_year(dyad.energy, origin, destination, commodity,
                                    until or dyad.as_of.year, via, unit)
    emit(_whole(frame.to_dict("records")), fmt,
         ["year", "commodity", "from", "to", "capacity", "unit", "via", "via_capacity",
          "via_share", "cut"] if fmt is not Format.json else None,
         title=f"{commodity} capacity from {origin} to {destination} by {by.value}")


@energy_app.command()
def whatif(without: Annotated[str, typer.Option(
               help='A country (RUS, "Russia"), a line ("Baku–Novorossiysk", tanap) or a '
                    "segment id to take out of the network.")],
           origin: FromOption = "AZE", destination: ToOption = energy.ANYWHERE,
           commodity: Annotated[str | None, typer.Option(help="gas or oil (default: both).")]
           = None, on: OnOption = None, unit: UnitOption = None,
           package: PackageOption = None, db: DbOption = None,
           fmt: FormatOption = Format.table) -> None:
    """Maximum flow and minimum cut per commodity on a day, with and without a country or a
    line."""
    dyad = _load(package, db)
    removed = energy.resolve_without(dyad.energy, without, dyad.state_names())
    frame = energy.whatif(dyad.energy, removed, origin, destination, _commodities(commodity),
                          _on(dyad, on), unit)
    emit(_whole(frame.to_dict("records")), fmt,
         ["commodity", "on", "without", "capacity", "capacity_without", "lost_share", "unit",
          "cut", "cut_without"] if fmt is not Format.json else None,
         title=f"What if {removed.label} is gone")


@energy_app.command()
def diversification(origin: FromOption = "AZE", commodity: CommodityOption = "gas",
                    until: UntilOption = None, package: PackageOption = None,
                    db: DbOption = None, fmt: FormatOption = Format.table) -> None:
    """How concentrated the capacity leaving a country is, per year: the Herfindahl–Hirschman
    index (0 to 1; 1 is a single route) by line and by transit country."""
    dyad = _load(package, db)
    energy.check_commodity(commodity)
    frame = energy.diversification(dyad.energy, origin, commodity, until or dyad.as_of.year)
    emit(_whole(frame.to_dict("records")), fmt, None,
         title=f"Diversification of {commodity} exports")


@energy_app.command()
def network(on: OnOption = None,
            commodity: Annotated[str | None, typer.Option(help="gas or oil (default: both).")]
            = None, package: PackageOption = None, db: DbOption = None) -> None:
    """The network open on a day as JSON nodes and edges, with capacities and sources."""
    dyad = _load(package, db)
    if commodity:
        energy.check_commodity(commodity)
    print(to_json(energy.network_on(dyad.energy, _on(dyad, on), commodity)))
