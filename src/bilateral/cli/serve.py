"""`bilateral serve`: the web explorer over the knowledge base."""

from __future__ import annotations

import gc
import ipaddress
import sys
from pathlib import Path
from typing import Annotated

import typer

from bilateral.cli import app
from bilateral.cli.common import DbOption, PackageOption
from bilateral.errors import InputError


@app.command()
def serve(
    host: Annotated[str, typer.Option(
        help="Address to listen on. The default serves this machine only; 0.0.0.0 exposes "
             "the explorer to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port (0 picks a free one).")]
        = 8000,
    package: PackageOption = None, db: DbOption = None,
    store: Annotated[Path | None, typer.Option(
        help="An event store written by `bilateral import`: adds the event-data page and "
             "/api/series.")] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn's log level.")] = "warning",
    cache: Annotated[bool, typer.Option(help=(
        "Keep answers to repeated GET requests in memory (the data cannot change while the "
        "server runs); --no-cache is for measuring."))] = True,
) -> None:
    """Start the web explorer: overview, timeline, events, records, map, network, the claim
    checker and the JSON API (documented at /docs). Read-only; stop it with Ctrl+C."""
    import socket

    import uvicorn

    from bilateral.web import Explorer, create_app

    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    explorer = Explorer(db=db, package=package, events_store=store)
    explorer.warm()  # read and render once, before the first visitor
    # what start-up loaded lives as long as the server: keep the garbage collector from
    # walking it again and again (full collections showed up as latency spikes)
    gc.collect()
    gc.freeze()
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        raise InputError(f"--port {port}: cannot listen on {host}:{port} ({exc.strerror}); "
                         "choose another port or stop what is using it") from None
    sock.listen(2048)  # connections made as soon as the address is printed wait, not fail
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    print(f"bilateral explorer: http://{shown}:{bound}/  (API docs at /docs; Ctrl+C stops)",
          flush=True)
    if not loopback:
        print(f"warning: listening on {host}, reachable from other machines", file=sys.stderr)
    config = uvicorn.Config(create_app(explorer, cache=cache), log_level=log_level,
                            access_log=False)
    uvicorn.Server(config).run(sockets=[sock])
