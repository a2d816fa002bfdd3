"""The event store: Parquet partitioned by dataset and year, rejects beside it, a run log.

    STORE/events/dataset=gdelt/year=2015/part-<run>.parquet
    STORE/mentions/dataset=gdelt-mentions/year=2015/part-<run>.parquet
    STORE/rejects/dataset=gdelt/rejects-<run>.parquet
    STORE/runs.jsonl

New files are written under STORE/.tmp-<run>/ and renamed into place one whole file at a time,
so an interrupted run never leaves a half-written partition visible.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path

import duckdb


class EventStore:
    def __init__(self, root: Path | str):
        self.root = Path(root)

    def table_dir(self, table: str, dataset: str) -> Path:
        return self.root / table / f"dataset={dataset}"

    def files(self, table: str = "events", dataset: str | None = None) -> list[Path]:
        base = self.table_dir(table, dataset) if dataset else self.root / table
        return sorted(base.glob("**/*.parquet")) if base.exists() else []

    def known_ids(self, con: duckdb.DuckDBPyConnection, table: str, dataset: str,
                  id_column: str) -> None:
        """Load the ids already stored for a dataset into the temp table `known_ids`."""
        files = [str(p) for p in self.files(table, dataset)]
        if files:
            con.execute(f"CREATE OR REPLACE TEMP TABLE known_ids AS SELECT DISTINCT {id_column} "
                        "AS id FROM read_parquet(?, hive_partitioning=false)", [files])
        else:
            con.execute("CREATE OR REPLACE TEMP TABLE known_ids (id VARCHAR)")

    def new_run(self) -> str:
        return uuid.uuid4().hex[:12]

    def publish(self, staging: Path, table: str, dataset: str) -> list[Path]:
        """Move finished files from a staging folder (year=YYYY/*.parquet) into the store."""
        published = []
        for path in sorted(staging.glob("**/*.parquet")):
            target = self.table_dir(table, dataset) / path.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
            published.append(target)
        return published

    def staging(self, run: str) -> Path:
        path = self.root / f".tmp-{run}"
        path.mkdir(parents=True, exist_ok=True)
        return path

    def discard(self, run: str) -> None:
        shutil.rmtree(self.root / f".tmp-{run}", ignore_errors=True)

    def log(self, record: dict) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / "runs.jsonl", "a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, sort_keys=True) + "\n")
