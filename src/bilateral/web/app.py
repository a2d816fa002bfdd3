"""The explorer's ASGI application: routes, static files, error shape and security headers."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from bilateral.errors import AmbiguousNameError, BilateralError, NotFoundError
from bilateral.web import api, pages
from bilateral.web.cache import ResponseCache
from bilateral.web.explorer import Explorer
from bilateral.web.security import BodyLimit, DropEmptyFormFields, SecurityHeaders, error_body

STATIC = Path(__file__).parent / "static"
CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
         413: "payload_too_large", 422: "validation_error", 500: "internal_error"}
log = logging.getLogger("bilateral.web")


def create_app(explorer: Explorer, cache: bool = True) -> FastAPI:
    """The app over one explorer; `cache=False` answers every request afresh (for measuring)."""
    app = FastAPI(
        title="bilateral explorer",
        summary="The relationship between two states and their leaders, with a source for "
                "every record.",
        version="0.1.0",
        docs_url=None, redoc_url=None,  # /docs is served from vendored assets by `pages`
    )
    app.state.explorer = explorer
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # the last added runs first: headers go on every response, the 413 included
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.add_middleware(DropEmptyFormFields)
    if cache:
        app.add_middleware(ResponseCache)
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        if exc.status_code == 400 and "parsing the body" in message:
            message = "the request body is not valid JSON"
        response = _error(request, exc.status_code, code, message)
        response.headers.update(exc.headers or {})  # e.g. Allow on 405
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [{"field": ".".join(str(p) for p in e["loc"]), "problem": e["msg"]}
                   for e in exc.errors()]
        first = details[0] if details else {"field": "request", "problem": "invalid"}
        return _error(request, 422, "validation_error",
                      f"{first['field']}: {first['problem']}", details)

    @app.exception_handler(AmbiguousNameError)
    async def ambiguous(request: Request, exc: AmbiguousNameError) -> Response:
        return _error(request, 422, "ambiguous_name", str(exc), exc.candidates)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return _error(request, 404, "not_found", str(exc))

    @app.exception_handler(BilateralError)
    async def bad_input(request: Request, exc: BilateralError) -> Response:
        return _error(request, 422, "invalid_parameter", str(exc))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path)
        return _error(request, 500, "internal_error", "the server failed to answer; see its log")

    return app


def _error(request: Request, status: int, code: str, message: str,
           details: list | None = None) -> Response:
    """API paths get the JSON error shape; pages get the same message as a page."""
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return Response(error_body(status, code, message, details), status_code=status,
                        media_type="application/json")
    return HTMLResponse(pages.error_page(request, status, message), status_code=status)
