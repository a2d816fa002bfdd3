"""The JSON API under /api/: the same records and analyses as the CLI, for scripts and for the
explorer's own pages. Every filter is a validated parameter; no SQL is built from input."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, BeforeValidator, Field, StringConstraints

from bilateral.analysis.series import UNITS, NoiseGuards
from bilateral.jsontext import to_json
from bilateral.kb.store import EVENT_ORDERS, EventQuery
from bilateral.model.enums import EntityKind, EventKind, Pillar
from bilateral.web.explorer import Explorer
from bilateral.web.places import route_lines

router = APIRouter(prefix="/api", tags=["api"])


def _iso_day(value):
    """Days only as YYYY-MM-DD: pydantic would otherwise read '0' as 1970-01-01."""
    if isinstance(value, dt.date) or (isinstance(value, str)
                                      and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        return value
    raise ValueError("a day must be written YYYY-MM-DD")


Day = Annotated[dt.date, BeforeValidator(_iso_day)]
# a name must hold at least one letter or digit to name anything
NAMES = r"[^\W_]"
Name = Annotated[str, Path(pattern=NAMES, max_length=200)]
ActorName = Annotated[str, StringConstraints(pattern=NAMES, max_length=200)]

SORTS = tuple(EVENT_ORDERS) + tuple(f"-{k}" for k in EVENT_ORDERS)
MAX_TEXT = 200_000  # characters the checker accepts in one request


class ErrorDetail(BaseModel):
    status: int
    code: str = Field(description="A stable, machine-readable name for the error.")
    message: str = Field(description="What went wrong and what to do about it.")
    details: list[Any] = Field(default_factory=list)


class ErrorBody(BaseModel):
    error: ErrorDetail


ERRORS = {status: {"model": ErrorBody} for status in (404, 413, 422)}
BODY_ERRORS = {status: {"model": ErrorBody} for status in (400, 404, 413, 422)}


class Actor(BaseModel):
    id: str
    name: str
    role: str


class Event(BaseModel):
    id: str
    date: dt.date
    date_end: dt.date | None = None
    date_precision: str
    title: str
    summary: str | None = None
    kind: str
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    plover: str | None = None
    pillars: list[str]
    importance: int
    actors: list[Actor]
    source_urls: list[str]


class EventPage(BaseModel):
    total: int = Field(description="Events matching the filters, before paging.")
    limit: int
    offset: int
    events: list[Event]


class CheckRequest(BaseModel):
    text: str = Field(max_length=MAX_TEXT, description="The text to check.")
    date: Day | None = Field(
        None, description="The document's date, an anchor for 'today' and 'two years later'.")


class EventFilters:
    """The event filters shared by the JSON and CSV endpoints (and the events page)."""

    def __init__(
        self,
        actor: Annotated[list[ActorName], Query(description=(
            "An actor's name or id, in any spelling; repeat for events with all of them."))] = (),
        pillar: Pillar | None = None,
        kind: EventKind | None = None,
        since: Annotated[Day | None, Query(
            description="Events still going on or after this day.")] = None,
        until: Annotated[Day | None, Query(
            description="Events starting on or before this day.")] = None,
        search: Annotated[str | None, Query(max_length=200,
                                            description="Words in the title or summary.")] = None,
        importance: Annotated[int | None, Query(ge=1, le=3, description=(
            "1 = milestones only, 2 = also major events, 3 = everything."))] = None,
    ):
        self.actor, self.pillar, self.kind = list(actor), pillar, kind
        self.since, self.until, self.search, self.importance = since, until, search, importance

    def query(self, explorer: Explorer) -> EventQuery:
        store = explorer.store
        return EventQuery(actor_ids=tuple(store.resolve(a) for a in self.actor),
                          pillar=self.pillar.value if self.pillar else None,
                          kind=self.kind.value if self.kind else None,
                          since=self.since, until=self.until, search=self.search or None,
                          importance=self.importance)


def explorer_of(request: Request) -> Explorer:
    return request.app.state.explorer


def json_response(value: Any) -> Response:
    """JSON through the CLI's encoder, so dates and numbers look the same everywhere."""
    return Response(to_json(value, indent=None), media_type="application/json")


@router.get("/summary", summary="The dyad at a glance")
def summary(request: Request) -> Response:
    return json_response(explorer_of(request).summary)


@router.get("/events", response_model=EventPage, responses=ERRORS,
            summary="Events, filtered, sorted and paged")
def events(request: Request, filters: Annotated[EventFilters, Depends()],
           limit: Annotated[int, Query(ge=1, le=1000)] = 50,
           offset: Annotated[int, Query(ge=0)] = 0,
           sort: Literal[SORTS] = "date") -> Response:
    explorer = explorer_of(request)
    total, rows = explorer.events(filters.query(explorer), limit, offset, sort)
    return json_response({"total": total, "limit": limit, "offset": offset, "events": rows})


@router.get("/events.csv", responses=ERRORS, response_class=Response,
            summary="The same selection as CSV, every matching event")
def events_csv(request: Request, filters: Annotated[EventFilters, Depends()],
               sort: Literal[SORTS] = "date") -> Response:
    explorer = explorer_of(request)
    _, rows = explorer.events(filters.query(explorer), None, 0, sort)
    out = io.StringIO()
    columns = ["id", "date", "date_end", "date_precision", "title", "kind", "pillars",
               "importance", "cameo", "goldstein", "actors", "summary", "source_urls"]
    writer = csv.DictWriter(out, columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "pillars": ";".join(row["pillars"] or []),
                         "actors": ";".join(a["id"] for a in row["actors"] or []),
                         "source_urls": " ".join(row["source_urls"] or [])})
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="events.csv"'})


@router.get("/events/{event_id}", responses=ERRORS, summary="One event with its sources")
def event(request: Request, event_id: str) -> Response:
    return json_response(explorer_of(request).event(event_id))


@router.get("/entities", summary="People, states, organisations, places and infrastructure")
def entities(request: Request, kind: EntityKind | None = None,
             search: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    rows = explorer_of(request).store.entities(kind.value if kind else None, search)
    return json_response({"total": len(rows), "entities": rows})


@router.get("/entities/{entity_id}", responses=ERRORS,
            summary="An entity with its aliases, terms in office and events")
def entity(request: Request, entity_id: Name) -> Response:
    explorer = explorer_of(request)
    row = explorer.store.entity(entity_id)
    row["events"] = explorer.entity_events(row["id"])
    return json_response(row)


@router.get("/agreements", summary="Treaties, declarations and contracts")
def agreements(request: Request) -> Response:
    rows = explorer_of(request).store.agreements()
    return json_response({"total": len(rows), "agreements": rows})


@router.get("/agreements/{agreement_id}", responses=ERRORS,
            summary="An agreement with its parties, what followed, and its sources")
def agreement(request: Request, agreement_id: str) -> Response:
    return json_response(explorer_of(request).store.agreement(agreement_id))


@router.get("/infrastructure", summary="Pipelines, railways, corridors and sites")
def infrastructure(request: Request) -> Response:
    rows = explorer_of(request).store.infrastructure()
    return json_response({"total": len(rows), "infrastructure": rows})


@router.get("/infrastructure/{item_id}", responses=ERRORS,
            summary="A pipeline or site with route, capacity, owners and sources")
def infrastructure_item(request: Request, item_id: str) -> Response:
    return json_response(explorer_of(request).store.infrastructure_item(item_id))


@router.get("/sources/{source_id}", responses=ERRORS,
            summary="A source with every record that cites it")
def source(request: Request, source_id: str) -> Response:
    return json_response(explorer_of(request).store.source(source_id))


@router.get("/eras", summary="Leader pairs (heads of state) and their overlaps")
def eras(request: Request) -> Response:
    explorer = explorer_of(request)
    return json_response({"eras": explorer.eras, "summary": explorer.era_summary})


@router.get("/index", responses=ERRORS, summary="The cooperation index over time")
def index(request: Request, by: Literal["year", "quarter", "month"] = "year",
          pillar: Pillar | None = None) -> Response:
    rows = explorer_of(request).index(by, pillar.value if pillar else None)
    return json_response({"by": by, "pillar": pillar, "index": rows})


@router.get("/network", summary="Actors around the dyad with their centrality")
def network(request: Request) -> Response:
    return json_response({"actors": explorer_of(request).network})


@router.get("/map", summary="Energy routes as lines between sourced points")
def map_lines(request: Request, on: Day | None = None) -> Response:
    explorer = explorer_of(request)
    opened = explorer.open_segments(on) if on else None
    return json_response({"on": on, "lines": route_lines(explorer.store, open_ids=opened)})


@router.get("/energy/network", responses=ERRORS,
            summary="The energy network open on a day: nodes and segments with capacities")
def energy_network(request: Request, on: Day | None = None,
                   commodity: Literal["gas", "oil"] | None = None) -> Response:
    explorer = explorer_of(request)
    return json_response(explorer.energy_network(on or explorer.as_of, commodity))


@router.get("/energy/whatif", responses=ERRORS,
            summary="Export capacity with and without a country or a line (max flow, min cut)")
def energy_whatif(request: Request,
                  without: Annotated[str, Query(max_length=200, description=(
                      'A country (RUS or "Russia"), a line or a segment id.'))],
                  on: Day | None = None,
                  origin: Annotated[str, Query(alias="from", max_length=50)] = "AZE",
                  destination: Annotated[str, Query(alias="to", max_length=50)] = "any"
                  ) -> Response:
    explorer = explorer_of(request)
    return json_response(explorer.whatif(without, on or explorer.as_of, origin, destination))


class SeriesFilters:
    """The dyad series' options, as `bilateral series` takes them."""

    def __init__(
        self,
        by: Literal[tuple(UNITS)] = "month",
        directed: bool = Query(False, description="Split A->B from B->A."),
        dataset: Annotated[str | None, Query(max_length=40, pattern=r"^[a-z0-9-]+$",
                                             description="Only this dataset.")] = None,
        root_only: bool = Query(False, description="GDELT root events only."),
        min_sources: Annotated[int, Query(ge=0, le=1000,
                                          description="At least this many sources.")] = 0,
        collapse: bool = Query(False, description=(
            "One event per date, actors, code and place.")),
    ):
        self.by, self.directed, self.dataset = by, directed, dataset
        self.guards = NoiseGuards(root_only, min_sources, collapse)

    def run(self, explorer: Explorer) -> list[dict]:
        return explorer.series(self.by, self.directed, self.dataset, self.guards)


@router.get("/series", responses=ERRORS,
            summary="The dyad's series from imported event data (needs --store)")
def series(request: Request, filters: Annotated[SeriesFilters, Depends()]) -> Response:
    return json_response({"by": filters.by, "series": filters.run(explorer_of(request))})


@router.get("/timeline", summary="Every event as a timeline item")
def timeline(request: Request) -> Response:
    return json_response({"items": explorer_of(request).timeline_items})


@router.post("/check", responses=BODY_ERRORS, summary="Check every claim in a text")
def check(request: Request, body: Annotated[CheckRequest, Body()]) -> Response:
    return json_response(explorer_of(request).check(body.text, body.date))
