"""A response cache for GET requests. The explorer serves a read-only database, so a page or
an API answer for one URL never changes while the server runs: the second request for it is
answered from memory without touching the database, the templates or the encoder."""

from __future__ import annotations

import threading
from collections import OrderedDict


class ResponseCache:
    """Keeps whole 200 responses, keyed by path, query and whether the client takes gzip,
    up to `max_bytes` in all, dropping the least recently used first."""

    def __init__(self, app, max_bytes: int = 64_000_000, max_entry: int = 2_000_000):
        self.app = app
        self.max_bytes, self.max_entry = max_bytes, max_entry
        self.entries: OrderedDict[tuple, tuple[list, bytes]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()
        self.hits = self.misses = 0

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers", []))
        key = (scope["path"], scope.get("query_string", b""),
               b"gzip" in headers.get(b"accept-encoding", b""))
        with self.lock:
            hit = self.entries.get(key)
            if hit:
                self.entries.move_to_end(key)
                self.hits += 1
        if hit:
            response_headers, body = hit
            await send({"type": "http.response.start", "status": 200,
                        "headers": response_headers})
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        start: dict = {}
        chunks: list[bytes] = []

        async def recording_send(message):
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body"):
                    self._store(key, start, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, recording_send)

    def _store(self, key: tuple, start: dict, body: bytes) -> None:
        if start.get("status") != 200 or len(body) > self.max_entry:
            return
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = (list(start.get("headers", [])), body)
            self.size += len(body)
            while self.size > self.max_bytes and self.entries:
                _, (_, dropped) = self.entries.popitem(last=False)
                self.size -= len(dropped)
