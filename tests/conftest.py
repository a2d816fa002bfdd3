"""Shared fixtures: the frozen mini package, editable copies of it, the CLI as a subprocess."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
MINI = HERE / "fixtures" / "kb-mini"
GOLDEN = HERE / "golden"
REPO = HERE.parent


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="Rewrite golden files from the current output instead of comparing.")


@pytest.fixture
def golden(request):
    """Compare text with tests/golden/NAME, or rewrite it under --update-goldens."""
    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if request.config.getoption("--update-goldens"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"missing golden {path}; run pytest --update-goldens"
        assert text == path.read_text(encoding="utf-8")
    return check


class EditablePackage:
    """A copy of the mini package with helpers to break it one cell at a time."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, table: str) -> Path:
        return self.root / f"{table}.csv"

    def read(self, table: str) -> tuple[list[str], list[dict]]:
        with open(self.path(table), encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            return list(reader.fieldnames or []), list(reader)

    def write(self, table: str, header: list[str], rows: list[dict]) -> None:
        with open(self.path(table), "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    def set(self, table: str, index: int, field: str, value: str) -> tuple[int, int]:
        """Set one cell; returns its (line, column) in the file."""
        header, rows = self.read(table)
        rows[index][field] = value
        self.write(table, header, rows)
        return index + 2, header.index(field) + 1

    def append(self, table: str, row: dict) -> int:
        """Append a row (missing fields empty); returns its line."""
        header, rows = self.read(table)
        rows.append({h: row.get(h, "") for h in header})
        self.write(table, header, rows)
        return len(rows) + 1

    def delete(self, table: str, keep) -> None:
        header, rows = self.read(table)
        self.write(table, header, [r for r in rows if keep(r)])

    def row(self, table: str, index: int) -> dict:
        return self.read(table)[1][index]

    def column(self, table: str, field: str) -> int:
        return self.read(table)[0].index(field) + 1


@pytest.fixture
def package(tmp_path) -> EditablePackage:
    root = tmp_path / "kb"
    shutil.copytree(MINI, root)
    return EditablePackage(root)


@pytest.fixture
def cli(tmp_path):
    """Run `python -m bilateral ...` in a subprocess with its own database; returns the result."""
    env = {**os.environ, "BILATERAL_DB": str(tmp_path / "test.duckdb"), "COLUMNS": "120",
           "NO_COLOR": "1", "TERM": "dumb"}
    env.pop("BILATERAL_PACKAGE", None)

    def run(*args: str, input: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "bilateral", *args], capture_output=True,
                              text=True, env=env, cwd=tmp_path, input=input, timeout=120)
    return run


def load_json(text: str):
    return json.loads(text)


class ExplorerServer:
    """`bilateral serve` as a real process on a free loopback port."""

    def __init__(self, db: Path, *args: str):
        env = {**os.environ, "BILATERAL_DB": str(db), "PYTHONUNBUFFERED": "1"}
        env.pop("BILATERAL_PACKAGE", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bilateral", "serve", "--port", "0", *args], env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if "http://" not in line:
            self.process.kill()
            raise RuntimeError(f"the explorer did not start: {line}{self.process.stderr.read()}")
        self.url = line.split()[2].rstrip("/")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="session")
def explorer(tmp_path_factory) -> str:
    """The explorer over the built-in knowledge base; yields its base URL."""
    server = ExplorerServer(tmp_path_factory.mktemp("explorer") / "kb.duckdb")
    yield server.url
    server.stop()
