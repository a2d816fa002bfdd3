"""Download GDELT 2.0 event exports listed in the master file list: resumable, checked
against each file's MD5, with bounded concurrency, then imported."""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bilateral.errors import BilateralError

DEFAULT_BASE_URL = "http://data.gdeltproject.org/gdeltv2/"
CHUNK = 1 << 16


@dataclass(frozen=True)
class Listed:
    size: int
    md5: str
    url: str

    @property
    def name(self) -> str:
        return self.url.rsplit("/", 1)[-1]

    @property
    def day(self) -> date | None:
        stamp = self.name.split(".", 1)[0]
        try:
            return date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))
        except ValueError:
            return None


@dataclass
class Fetched:
    file: Path
    listed: Listed
    ok: bool
    reason: str = ""
    resumed_from: int = 0


def _open(url: str, start: int = 0, timeout: float = 60):
    request = urllib.request.Request(url, headers={"Range": f"bytes={start}-"} if start else {})
    return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - http(s) only


def read_master(base_url: str) -> list[Listed]:
    """The master file list: one 'size md5 url' line per file."""
    url = base_url.rstrip("/") + "/masterfilelist.txt"
    try:
        with _open(url) as response:
            text = response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError) as exc:
        raise BilateralError(f"cannot read the GDELT master file list at {url}: {exc}") from exc
    listed = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0].isdigit():
            listed.append(Listed(int(parts[0]), parts[1].lower(), parts[2]))
    return listed


def select_exports(listed: list[Listed], since: date, until: date) -> list[Listed]:
    """Event exports (not mentions or GKG) whose timestamp falls in [since, until]."""
    return [f for f in listed if f.name.endswith(".export.CSV.zip")
            and f.day is not None and since <= f.day <= until]


def _md5(path: Path) -> str:
    digest = hashlib.md5()  # noqa: S324 - GDELT publishes MD5 checksums
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def download(item: Listed, folder: Path, base_url: str | None = None) -> Fetched:
    """Fetch one file into `folder`, resuming a partial `.part` file; verify its MD5."""
    folder.mkdir(parents=True, exist_ok=True)
    final, part = folder / item.name, folder / (item.name + ".part")
    if final.exists() and _md5(final) == item.md5:
        return Fetched(final, item, True, "already downloaded")
    url = item.url if base_url is None else base_url.rstrip("/") + "/" + item.name
    start = part.stat().st_size if part.exists() else 0
    try:
        with _open(url, start) as response:
            if start and response.status != 206:  # the server ignored Range: start again
                start = 0
            with open(part, "ab" if start else "wb") as fh:
                while chunk := response.read(CHUNK):
                    fh.write(chunk)
    except (urllib.error.URLError, OSError) as exc:
        return Fetched(part, item, False, f"download failed: {exc}", start)
    if _md5(part) != item.md5:
        part.unlink()
        return Fetched(final, item, False, "MD5 does not match the master file list", start)
    part.replace(final)
    return Fetched(final, item, True, "", start)


def fetch_gdelt(since: date, until: date, folder: Path, base_url: str = DEFAULT_BASE_URL,
                workers: int = 4, on_file: Callable[[Fetched], None] | None = None
                ) -> list[Fetched]:
    """Download every export between two days; at most `workers` downloads at once."""
    wanted = select_exports(read_master(base_url), since, until)
    local_base = None if base_url == DEFAULT_BASE_URL else base_url
    results: list[Fetched] = []
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for fetched in pool.map(lambda item: download(item, folder, local_base), wanted):
            results.append(fetched)
            if on_file:
                on_file(fetched)
    return results
