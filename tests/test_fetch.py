"""Downloading GDELT exports from a real HTTP server on 127.0.0.1 serving fixture files."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
import zipfile
from datetime import date

import pytest

from bilateral.events.fetch import download, fetch_gdelt, read_master

from conftest import HERE, REPO

SHARED = REPO.parent / "shared" / "data" / "gdelt-spark-gdelt"
pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="samples live in ../shared")


@pytest.fixture
def server(tmp_path):
    """A mirror with two good exports, one with a wrong MD5, and a mentions file."""
    root = tmp_path / "mirror"
    root.mkdir()
    lines = []
    for stamp, source, md5_ok in [("20150218230000", "events.csv", True),
                                  ("20200318104500", "eventsT.csv", True),
                                  ("20200319000000", "events.csv", False)]:
        archive = root / f"{stamp}.export.CSV.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            z.write(SHARED / source, f"{stamp}.export.CSV")
        digest = hashlib.md5(archive.read_bytes()).hexdigest() if md5_ok else "0" * 32
        lines.append(f"{archive.stat().st_size} {digest} http://example.invalid/{archive.name}")
    lines.append("123 abc http://example.invalid/20150218230000.mentions.CSV.zip")
    (root / "masterfilelist.txt").write_text("\n".join(lines) + "\n")
    port_file = tmp_path / "port"
    proc = subprocess.Popen([sys.executable, str(HERE / "servers" / "range_server.py"),
                             str(root), str(port_file)])
    try:
        for _ in range(100):
            if port_file.exists():
                break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port_file.read_text()}/", root
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_master_list_and_selection(server):
    base, _ = server
    listed = read_master(base)
    assert len(listed) == 4 and listed[0].day == date(2015, 2, 18)


def test_fetch_checks_md5_and_imports(server, tmp_path):
    base, _ = server
    got = fetch_gdelt(date(2015, 1, 1), date(2020, 12, 31), tmp_path / "dl", base, workers=2)
    assert sorted((f.listed.name, f.ok) for f in got) == [
        ("20150218230000.export.CSV.zip", True), ("20200318104500.export.CSV.zip", True),
        ("20200319000000.export.CSV.zip", False)]
    bad = next(f for f in got if not f.ok)
    assert "MD5" in bad.reason and not (tmp_path / "dl" / bad.listed.name).exists()


def test_partial_download_resumes(server, tmp_path):
    base, root = server
    item = next(i for i in read_master(base) if i.name.startswith("20150218"))
    folder = tmp_path / "dl"
    folder.mkdir()
    full = (root / item.name).read_bytes()
    (folder / (item.name + ".part")).write_bytes(full[:1000])
    fetched = download(item, folder, base)
    assert fetched.ok and fetched.resumed_from == 1000
    assert (folder / item.name).read_bytes() == full


def test_fetch_cli_downloads_and_imports(server, cli, tmp_path):
    base, _ = server
    result = cli("fetch", "gdelt", "--since", "2015-02-18", "--until", "2015-02-18", "--store",
                 str(tmp_path / "store"), "--base-url", base, "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert len(out["downloaded"]) == 1 and out["imports"][0]["rows_stored"] == 100
    failing = cli("fetch", "gdelt", "--since", "2020-03-19", "--until", "2020-03-19",
                  "--store", str(tmp_path / "store"), "--base-url", base)
    assert failing.returncode == 1 and "MD5" in failing.stderr
