"""Headers every response carries, and the request-size limit that turns a huge paste into
413 rather than a hang. Both are plain ASGI middleware so they wrap every route alike."""

from __future__ import annotations

import json

# Scripts only from this server; inline styles are allowed because the offline-rendered SVG
# charts and the vendored timeline set style attributes.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
MAX_BODY = 1_000_000  # bytes: the longest text the checker page accepts, with room to spare


def error_body(status: int, code: str, message: str, details: list | None = None) -> bytes:
    """The one JSON shape every API error has."""
    return json.dumps({"error": {"status": status, "code": code, "message": message,
                                 "details": details or []}}).encode()


class SecurityHeaders:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in HEADERS if k not in present]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuse bodies over `limit` bytes with 413: by Content-Length up front, or, for a chunked
    upload, by reading at most `limit` bytes before the app sees any of them."""

    def __init__(self, app, limit: int = MAX_BODY):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit():
            if int(declared) > self.limit:
                return await self._refuse(send)
            return await self.app(scope, receive, send)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                return await self._refuse(send)
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, send):
        body = error_body(413, "payload_too_large",
                          f"the request body is larger than {self.limit:,} bytes")
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class DropEmptyFormFields:
    """A page's filter form sends every field, empty or not (`?pillar=&since=`); for pages an
    empty field means "no filter", so it is dropped before validation. The API keeps its
    strict parameters."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if (scope["type"] == "http" and scope["method"] == "GET"
                and not scope["path"].startswith("/api/") and scope.get("query_string")):
            pairs = [p for p in scope["query_string"].split(b"&")
                     if p and not p.endswith(b"=")]
            scope = {**scope, "query_string": b"&".join(pairs)}
        await self.app(scope, receive, send)
