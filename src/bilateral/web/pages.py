"""The explorer's HTML pages: rendered on the server so that every view reads without
JavaScript and has a URL to share; small vendored scripts add the interactive parts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from bilateral.claims.check import VERDICTS
from bilateral.claims.text import main_text
from bilateral.errors import InputError
from bilateral.kb.store import EVENT_ORDERS
from bilateral.model.enums import EntityKind
from bilateral.reporting.check_html import highlight
from bilateral.web.api import MAX_TEXT, SORTS, EventFilters, SeriesFilters, explorer_of
from bilateral.web.explorer import PILLARS
from bilateral.web.places import route_lines

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.autoescape = True  # every template is HTML, whatever its file name ends with
templates.env.filters["tojson_attr"] = lambda v: json.dumps(v, default=str)
PAGE_SIZE = 50
NAV = [("/", "Overview"), ("/timeline", "Timeline"), ("/events", "Events"),
       ("/entities", "Entities"), ("/infrastructure", "Infrastructure"), ("/map", "Map"),
       ("/network", "Network"), ("/check", "Check a text"), ("/docs", "API")]


def nav_for(request: Request) -> list[tuple[str, str]]:
    """The menu; imported event data gets its page only when there is a store."""
    if explorer_of(request).events_store is None:
        return NAV
    return [*NAV[:-2], ("/series", "Event data"), *NAV[-2:]]


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    return templates.TemplateResponse(
        request, name, {"nav": nav_for(request), "path": request.url.path, "pillars": PILLARS,
                        **context},
        status_code=status)


def error_page(request: Request, status: int, message: str) -> str:
    template = templates.get_template("error.html.j2")
    return template.render(request=request, nav=nav_for(request), path=request.url.path,
                           status=status, message=message, pillars=PILLARS)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request):
    x = explorer_of(request)
    return render(request, "overview.html.j2", summary=x.summary, eras=x.era_band,
                  milestones=x.milestones,
                  era_summary=x.era_summary, index_svg=Markup(x.chart_svgs["index"]),
                  mix_svg=Markup(x.chart_svgs["pillar-mix"]))


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request):
    x = explorer_of(request)
    return render(request, "timeline.html.j2", items=x.timeline_items)


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, filters: Annotated[EventFilters, Depends()],
           page: Annotated[int, Query(ge=1, le=10_000)] = 1,
           sort: Literal[SORTS] = "date"):
    x = explorer_of(request)
    total, rows = x.events(filters.query(x), PAGE_SIZE, (page - 1) * PAGE_SIZE, sort)
    params = {k: v for k, v in request.query_params.multi_items() if k not in ("page", "sort")}
    selection = urlencode([(k, v) for k, v in request.query_params.multi_items()
                           if k != "page"])
    pages = max(1, -(-total // PAGE_SIZE))

    def link(**change) -> str:
        merged = {**dict(params), "sort": sort, "page": page, **change}
        items = [(k, v) for k, v in request.query_params.multi_items() if k == "actor"]
        items += [(k, v) for k, v in merged.items() if k != "actor" and v not in (None, "")]
        return "/events?" + urlencode(items)

    return render(request, "events.html.j2", filters=filters, total=total, rows=rows, page=page,
                  pages=pages, sort=sort, orders=list(EVENT_ORDERS), link=link,
                  selection=selection, kinds=sorted({r["kind"] for r in x.timeline_items}))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str):
    return render(request, "event.html.j2", e=explorer_of(request).event(event_id))


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, kind: EntityKind | None = None,
             search: Annotated[str | None, Query(max_length=200)] = None):
    rows = explorer_of(request).store.entities(kind.value if kind else None, search)
    return render(request, "entities.html.j2", rows=rows, kind=kind, search=search or "",
                  kinds=[k.value for k in EntityKind])


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str):
    x = explorer_of(request)
    row = x.store.entity(entity_id)
    return render(request, "entity.html.j2", e=row, events=x.entity_events(row["id"]))


@router.get("/agreements", response_class=HTMLResponse)
def agreements(request: Request):
    return render(request, "agreements.html.j2", rows=explorer_of(request).store.agreements())


@router.get("/agreements/{agreement_id}", response_class=HTMLResponse)
def agreement(request: Request, agreement_id: str):
    return render(request, "agreement.html.j2",
                  a=explorer_of(request).store.agreement(agreement_id))


@router.get("/infrastructure", response_class=HTMLResponse)
def infrastructure(request: Request):
    return render(request, "infrastructure_list.html.j2",
                  rows=explorer_of(request).store.infrastructure())


@router.get("/infrastructure/{item_id}", response_class=HTMLResponse)
def infrastructure_item(request: Request, item_id: str):
    store = explorer_of(request).store
    item = store.infrastructure_item(item_id)
    return render(request, "infrastructure.html.j2", i=item, lines=route_lines(store, item_id))


@router.get("/sources/{source_id}", response_class=HTMLResponse)
def source(request: Request, source_id: str):
    return render(request, "source.html.j2", s=explorer_of(request).store.source(source_id))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, on: dt.date | None = None,
             without: Annotated[str | None, Query(max_length=200)] = None):
    """The routes open on a day; with `without`, the what-if: what is lost and where the
    bottleneck (minimum cut) lies with and without it."""
    x = explorer_of(request)
    day = on or x.as_of
    whatif = x.whatif(without, day) if without else None
    removed = set(whatif["removed_segments"]) if whatif else set()
    cut = {c for r in whatif["results"] for c in r["cut_without"]} if whatif else set()
    lines = route_lines(x.store, open_ids=x.open_segments(day), removed=removed, cut=cut)
    return render(request, "map.html.j2", rows=x.store.infrastructure(), lines=lines, on=day,
                  without=without or "", whatif=whatif, choices=x.whatif_choices,
                  as_of=x.as_of)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request):
    x = explorer_of(request)
    return render(request, "network.html.j2", svg=Markup(x.chart_svgs["network"]),
                  rows=x.network[:40])


@router.get("/series", response_class=HTMLResponse)
def series(request: Request, filters: Annotated[SeriesFilters, Depends()]):
    x = explorer_of(request)
    rows = filters.run(x)
    a, b = x.dyad.states
    title = f"{a}–{b} events per {filters.by} from imported data"
    svg = Markup(x.series_chart(rows, title)) if rows else None
    return render(request, "series.html.j2", rows=rows, svg=svg, f=filters, datasets=x.datasets,
                  query=request.url.query)


@router.get("/check", response_class=HTMLResponse)
def check_form(request: Request):
    return render(request, "check.html.j2", text="", doc_date="", result=None)


@router.post("/check", response_class=HTMLResponse)
async def check_text(request: Request,
                     text: Annotated[str, Form(max_length=MAX_TEXT)] = "",
                     doc_date: Annotated[str, Form(alias="date", max_length=10)] = "",
                     file: UploadFile | None = None):
    if file is not None and file.filename:
        raw = (await file.read(MAX_TEXT * 4 + 1)).decode("utf-8", errors="replace")
        text = main_text(raw, Path(file.filename).suffix or ".txt")
    if not text.strip():
        raise InputError("paste a text or choose a file to check")
    anchor = _day(doc_date) if doc_date else None
    result = explorer_of(request).check(text, anchor)
    checked = [(n, c) for n, c in enumerate(result["claims"], 1)
               if c["verdict"] != "not_checkable"]
    return render(request, "check.html.j2", text=text, doc_date=doc_date, result=result,
                  verdicts=VERDICTS,
                  marked=Markup(highlight(text, result, inline_style=False)), checked=checked)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request):
    return render(request, "docs.html.j2")


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"date: {text!r} is not a day in the form YYYY-MM-DD") from None
