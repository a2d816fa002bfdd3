"""Load benchmark for the web explorer: 50 concurrent clients for 30 s on loopback, with wrk.

    python bench/explorer_load.py [--connections 50] [--duration 30] [--no-cache-run]

Starts `bilateral serve` on a free port (as a user would), then drives two URL mixes, pages
and API, each with its many filters and record ids. Every client sends its next request as
soon as the last is answered, so this is the server at saturation, not at a polite pace.
Prints requests per second, p50/p95/p99 latency and errors per mix, and each mix's p95 as a
ratio of a static file's p95 measured the same way in the same run (the baseline: what the
server costs when it does no work of its own). Each mix is first walked once by a single
client, so the response cache is warm, as on a server that has been up a while. With
--no-cache-run it repeats everything with the cache off, which is what a stream of
never-repeated URLs would meet.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

TARGET_P95_MS = 50.0
LUA = """
local paths = {paths}
local n = 0
local think = {think}
-- a random pause around `think` ms, so that clients do not all fire in the same instant
if think > 0 then
  delay = function() return math.random(math.floor(think / 2), math.floor(think * 3 / 2)) end
end
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], {{["Accept-Encoding"] = "gzip"}})
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %f %d %d %f %f %f\\n", summary.requests,
    summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""


def start_server(db: Path, cache: bool) -> tuple[subprocess.Popen, str]:
    args = [sys.executable, "-m", "bilateral", "serve", "--port", "0"]
    if not cache:
        args.append("--no-cache")
    env = {**os.environ, "BILATERAL_DB": str(db), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    if "http://" not in line:
        raise SystemExit(f"the explorer did not start: {line}")
    return process, line.split()[2].rstrip("/")


def mixes(base: str) -> dict[str, list[str]]:
    """URL mixes drawn from the live API, so every id exists."""
    def get(path: str):
        with urllib.request.urlopen(base + path) as response:
            return json.load(response)

    events = [e["id"] for e in get("/api/events?limit=1000")["events"]]
    people = [e["id"] for e in get("/api/entities?kind=person")["entities"]][:40]
    agreements = [a["id"] for a in get("/api/agreements")["agreements"]]
    pipes = [i["id"] for i in get("/api/infrastructure")["infrastructure"]]
    sources = [s["id"] for e in events[:40] for s in get(f"/api/events/{e}")["sources"]][:40]
    filters = [f"pillar={p}" for p in ("energy", "security", "economy", "political")] + [
        "importance=1", "actor=vladimir-putin", "actor=heydar-aliyev", "search=gas",
        "since=2001-01-01&until=2003-12-31", "kind=visit", "sort=-date", "sort=title"]
    pages = ["/", "/timeline", "/map", "/network", "/check", "/agreements", "/infrastructure",
             "/entities"]
    pages += [f"/events?{f}&page={n}" for f in filters for n in (1, 2)]
    pages += [f"/events/{e}" for e in events] + [f"/entities/{p}" for p in people]
    pages += [f"/agreements/{a}" for a in agreements] + [f"/infrastructure/{i}" for i in pipes]
    pages += [f"/sources/{s}" for s in sources]
    api = ["/api/summary", "/api/eras", "/api/index", "/api/index?by=quarter",
           "/api/index?pillar=energy", "/api/network", "/api/timeline", "/api/agreements",
           "/api/entities", "/api/infrastructure"]
    api += [f"/api/events?{f}&limit=50&offset={n}" for f in filters for n in (0, 50)]
    api += [f"/api/events/{e}" for e in events] + [f"/api/entities/{p}" for p in people]
    api += [f"/api/agreements/{a}" for a in agreements] + [f"/api/sources/{s}" for s in sources]
    return {"static (baseline)": ["/static/app.css"], "pages": pages, "api": api}


def warm(base: str, paths: list[str]) -> None:
    """One request per URL, asking for gzip as wrk does (the cache keeps one copy per
    encoding)."""
    for path in paths:
        request = urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            response.read()


def drive(base: str, paths: list[str], connections: int, duration: int, think: int = 0) -> dict:
    """wrk's figures for one URL mix; `think` ms of pause between a client's requests."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(LUA.format(paths="{" + ", ".join(json.dumps(p) for p in paths) + "}",
                            think=think))
    out = subprocess.run(["wrk", f"-t{min(2, connections)}", f"-c{connections}",
                          f"-d{duration}s", "--timeout", "10s", "-s", fh.name, base],
                         capture_output=True, text=True, check=True)
    os.unlink(fh.name)
    line = next(x for x in out.stdout.splitlines() if x.startswith("RESULT"))
    requests, seconds, socket_errors, bad_status, p50, p95, p99 = line.split()[1:]
    return {"requests": int(requests), "rps": int(requests) / float(seconds),
            "errors": int(socket_errors) + int(bad_status), "p50": float(p50),
            "p95": float(p95), "p99": float(p99)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--duration", type=int, default=30, help="seconds per mix")
    parser.add_argument("--no-cache-run", action="store_true",
                        help="repeat with the response cache off")
    parser.add_argument("--think", type=int, default=0, metavar="MS",
                        help="pause between a client's requests (0: none, saturation)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("needs wrk (Debian: apt-get install wrk)")
    work = Path(tempfile.mkdtemp(prefix="bilateral-load-"))
    for cache in (True, False) if args.no_cache_run else (True,):
        process, base = start_server(work / "kb.duckdb", cache)
        try:
            urls = mixes(base)
            pace = f", {args.think} ms between requests" if args.think else ", no pause"
            print(f"\n{'cache on' if cache else 'cache off'}: {args.connections} clients"
                  f"{pace}, {args.duration} s per mix, {base}")
            print(f"{'mix':<18}{'urls':>6}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
                  f"{'p99 ms':>9}{'errors':>8}{'p95/base':>10}  target")
            baseline = None
            for name, paths in urls.items():
                if cache:  # one request per URL first: measure the cache warm, as it runs
                    warm(base, paths)
                r = drive(base, paths, args.connections, args.duration, args.think)
                baseline = baseline or r["p95"]
                verdict = "ok" if r["p95"] < TARGET_P95_MS else "MISSED"
                print(f"{name:<18}{len(paths):>6}{r['rps']:>9.0f}{r['p50']:>9.1f}"
                      f"{r['p95']:>9.1f}{r['p99']:>9.1f}{r['errors']:>8}"
                      f"{r['p95'] / baseline:>10.2f}  p95 < {TARGET_P95_MS:.0f} ms {verdict}")
        finally:
            process.terminate()
            process.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
