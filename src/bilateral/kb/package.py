"""Read a knowledge-base data package: its descriptor and its tables, with CSV line numbers."""

from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

from bilateral.errors import PackageError

DESCRIPTOR = "datapackage.json"


def default_package() -> Path:
    """The built-in Azerbaijan–Russia package shipped inside the installed library."""
    return Path(str(resources.files("bilateral") / "data" / "knowledge-base"))


@dataclass
class Table:
    """One CSV table: its schema fields and its rows, each with the line it starts on."""

    name: str
    path: Path
    schema: dict
    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    error: str | None = None

    @cached_property
    def fields(self) -> dict[str, dict]:
        return {f["name"]: f for f in self.schema.get("fields", [])}

    def column(self, name: str) -> int:
        """1-based column number of a field in the file (schema position if the header lacks it)."""
        if name in self.header:
            return self.header.index(name) + 1
        names = list(self.fields)
        return names.index(name) + 1 if name in names else 0

    def line_of_row(self, row_number: int) -> int:
        """The CSV line of frictionless's row number (the header is row 1)."""
        index = row_number - 2
        if 0 <= index < len(self.rows):
            return self.rows[index][0]
        return row_number


def read_table(name: str, path: Path, schema: dict) -> Table:
    table = Table(name=name, path=path, schema=schema)
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            table.header = next(reader, [])
            line = reader.line_num + 1
            for cells in reader:
                table.rows.append((line, dict(zip(table.header, cells, strict=False))))
                line = reader.line_num + 1
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        table.error = str(exc)
    return table


@dataclass
class Package:
    """A knowledge-base package on disk."""

    root: Path
    descriptor: dict
    tables: dict[str, Table]

    def display_path(self, table: Table) -> str:
        """How problems name a table's file: relative to the working directory when possible."""
        relative = os.path.relpath(table.path)
        return str(table.path) if relative.startswith("..") else relative

    def records(self, name: str):
        """Rows of a table as (line, cells) pairs; empty if the table is missing."""
        table = self.tables.get(name)
        return table.rows if table else []

    def fingerprint(self) -> str:
        """A hash of the descriptor and every table file: same content, same fingerprint."""
        digest = hashlib.sha256(json.dumps(self.descriptor, sort_keys=True).encode())
        for name in sorted(self.tables):
            path = self.tables[name].path
            digest.update(name.encode())
            digest.update(path.read_bytes() if path.exists() else b"<missing>")
        return digest.hexdigest()


def open_package(path: Path | str | None = None) -> Package:
    """Open a package directory (or its datapackage.json); the built-in one by default."""
    root = Path(path) if path is not None else default_package()
    if root.is_file():
        root = root.parent
    descriptor_path = root / DESCRIPTOR
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PackageError(f"{descriptor_path}: no data package here") from exc
    except (OSError, json.JSONDecodeError) as exc:
        raise PackageError(f"{descriptor_path}: cannot read the descriptor: {exc}") from exc
    tables = {}
    for resource in descriptor.get("resources", []):
        name, rel = resource.get("name"), resource.get("path")
        if not isinstance(name, str) or not isinstance(rel, str):
            raise PackageError(f"{descriptor_path}: every resource needs a name and a path")
        tables[name] = read_table(name, root / rel, resource.get("schema", {}))
    return Package(root=root, descriptor=descriptor, tables=tables)
