"""Import event files into the store: nothing lost, nothing twice, nothing half-written.

For every file: rows read = rows stored + rows duplicate + rows rejected. A rejected row keeps
its file, line, raw text and the reason; duplicates are rows whose id is already stored (or
repeated within the run), which makes re-importing a file a no-op.
"""

from __future__ import annotations

import os
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb

from bilateral.errors import FormatError
from bilateral.events.readers import MENTION_COLUMNS, Reader, lit, reader_for
from bilateral.events.store import EventStore
from bilateral.model.codebooks import codebook_dir
from bilateral.model.event_schema import EVENT_COLUMNS

MEMORY_LIMIT = os.environ.get("BILATERAL_MEMORY_LIMIT", "1GB")


@dataclass
class ImportResult:
    dataset: str
    file: str
    rows_read: int = 0
    rows_stored: int = 0
    rows_duplicate: int = 0
    rows_rejected: int = 0
    rejects_path: str | None = None
    files_written: list[str] = field(default_factory=list)
    seconds: float = 0.0
    run: str = ""

    @property
    def reconciles(self) -> bool:
        return self.rows_read == self.rows_stored + self.rows_duplicate + self.rows_rejected

    def to_dict(self) -> dict:
        return {**asdict(self), "reconciles": self.reconciles}


def _maps() -> dict[str, str]:
    """The code tables as SQL MAP literals (a lookup per row costs far less than a join)."""
    root = codebook_dir()
    con = duckdb.connect()
    try:
        con.execute(f"""
            CREATE TABLE cameo AS SELECT code, quad_class FROM read_csv(
                '{root / 'cameo_events.csv'}', all_varchar=true);
            CREATE TABLE m AS SELECT cameo_code, plover_event FROM read_csv(
                '{root / 'cameo_plover.csv'}', all_varchar=true) WHERE plover_event IS NOT NULL;
            CREATE TABLE countries AS SELECT * FROM read_csv('{root / 'countries.csv'}',
                all_varchar=true);""")
        pairs = {
            "cameo_quad": "SELECT code, quad_class FROM cameo",
            "plover": """SELECT c.code, coalesce(a.plover_event, b.plover_event, r.plover_event)
                FROM cameo c LEFT JOIN m a ON a.cameo_code = c.code
                LEFT JOIN m b ON b.cameo_code = left(c.code, 3)
                LEFT JOIN m r ON r.cameo_code = left(c.code, 2)""",
            "cameo_iso": "SELECT cameo, min(iso3) FROM countries WHERE cameo IS NOT NULL "
                         "GROUP BY cameo",
            "fips_iso": "SELECT fips, min(iso3) FROM countries WHERE fips IS NOT NULL "
                        "GROUP BY fips",
            "name_iso": f"SELECT name, iso3 FROM read_csv('{root / 'country_names.csv'}', "
                        "all_varchar=true)",
        }
        maps = {name: _map_literal(con.execute(sql).fetchall()) for name, sql in pairs.items()}
        types = [r[0] for r in con.execute(
            f"SELECT id FROM read_csv('{root / 'plover_types.csv'}')").fetchall()]
        maps["plover_types"] = "[" + ", ".join(lit(t) for t in types) + "]"
        return maps
    finally:
        con.close()


def _map_literal(pairs) -> str:
    return "MAP {" + ", ".join(f"{lit(k)}: {lit(v)}" for k, v in pairs
                               if k is not None and v is not None) + "}"


@contextmanager
def _opened(path: Path) -> Iterator[list[tuple[str, Path]]]:
    """(label, plain file) pairs: a .zip gives each member, extracted to a temp folder."""
    if path.suffix.lower() != ".zip":
        yield [(str(path), path)]
        return
    with tempfile.TemporaryDirectory(prefix="bilateral-zip-") as tmp, zipfile.ZipFile(path) as z:
        members = []
        for name in z.namelist():
            if not name.endswith("/"):
                target = Path(tmp) / Path(name).name
                with z.open(name) as src, open(target, "wb") as dst:
                    while chunk := src.read(1 << 20):
                        dst.write(chunk)
                members.append((f"{path}:{name}", target))
        yield members


def _locate(path: Path, texts: set[str]) -> dict[str, int]:
    """Line numbers of rows the mapping rejected, found by matching their raw text."""
    found: dict[str, int] = {}
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        for number, line in enumerate(fh, start=1):
            text = line.rstrip("\r\n")
            for candidate in (text, text.rstrip("\t")):
                if candidate in texts and candidate not in found:
                    found[candidate] = number
    return found


def import_file(reader: Reader, label: str, path: Path, store: EventStore,
                run: str) -> ImportResult:
    """Two streaming passes over the file: one counts rows and keeps the rejects, one writes
    the good rows, sorted and partitioned by year, to a staging folder."""
    started = time.perf_counter()
    result = ImportResult(reader.dataset, label, run=run)
    con = duckdb.connect()
    try:
        staging = store.staging(run)
        # A memory limit makes the sort spill to disk: peak memory stays flat as files grow.
        con.execute(f"SET temp_directory = '{staging / 'spill'}'; "
                    f"SET memory_limit = '{MEMORY_LIMIT}'; SET preserve_insertion_order = false")
        reader.prepare(con, str(path))
        try:
            parsed, bad = _count_and_reject(con, reader, str(path))
        except duckdb.Error as exc:
            raise FormatError(f"{label}: cannot be read as {reader.dataset}: "
                             f"{str(exc).splitlines()[0]}") from exc
        result.rows_read = parsed + _structural_count(con)
        store.known_ids(con, reader.table, reader.dataset, reader.id_column)
        result.rows_stored = _write(con, reader, store, run, str(path), result)
        result.rows_duplicate = parsed - len(bad) - result.rows_stored
        _write_rejects(con, reader, store, run, label, path, bad, result)
    finally:
        con.close()
    result.seconds = round(time.perf_counter() - started, 3)
    return result


def _count_and_reject(con, reader: Reader, path: str) -> tuple[int, list[tuple[str, str]]]:
    """Rows parsed, and the raw text and reason of each row the mapping cannot use. Counting
    touches few columns; the raw text is rebuilt only when something was rejected."""
    source = reader.source(path, True)
    # fetchall, not fetchone: DuckDB fills the structural rejects table when the scan ends
    parsed, bad = con.execute(f"SELECT count(*), count(_reason) FROM (SELECT {reader.reason()} "
                              f"AS _reason FROM {source} raw)").fetchall()[0]
    if not bad:
        return parsed, []
    rows = con.execute(f"""SELECT {reader.raw_text()}, _reason FROM (SELECT *,
        {reader.reason()} AS _reason FROM {reader.source(path, False)} raw)
        WHERE _reason IS NOT NULL""").fetchall()
    return parsed, [(raw, reason) for raw, reason in rows]


def _structural_count(con) -> int:
    return con.execute("SELECT count(DISTINCT line) FROM rej").fetchone()[0]


def _write(con, reader: Reader, store: EventStore, run: str, path: str,
           result: ImportResult) -> int:
    staging = store.staging(run) / reader.table
    columns = EVENT_COLUMNS if reader.table == "events" else MENTION_COLUMNS
    # dataset and year live in the partition path (hive style), not in the files
    names = ", ".join(c[0] for c in columns if c[0] != "dataset")
    part = f"part-{run}-{len(store.files(reader.table, reader.dataset))}"
    select = (f"SELECT {reader.select()} FROM {reader.source(path, False)} raw "
              f"WHERE {reader.reason()} IS NULL "
              f"AND {reader.id_expr} NOT IN (SELECT id FROM known_ids)")
    copy = (f"COPY (SELECT {names}, year(date) AS year FROM ({{query}}) ORDER BY "
            f"{reader.order}) TO '{staging}' (FORMAT parquet, PARTITION_BY (year), "
            f"COMPRESSION zstd, FILENAME_PATTERN '{part}-{{{{i}}}}', OVERWRITE_OR_IGNORE)")
    con.execute(copy.format(query=select))
    written = sorted(str(p) for p in staging.glob("**/*.parquet"))
    if not written:
        return 0
    key = reader.id_column
    total, distinct = con.execute(f"SELECT count(*), count(DISTINCT {key}) FROM "
                                  "read_parquet(?)", [written]).fetchone()
    if total != distinct:  # ids repeated inside the file: keep the first of each (rare path)
        con.execute(f"CREATE TEMP TABLE once AS SELECT * FROM read_parquet(?, "
                    f"hive_partitioning=true) QUALIFY row_number() OVER (PARTITION BY {key}) = 1",
                    [written])
        for f in written:
            Path(f).unlink()
        con.execute(copy.format(query="SELECT * EXCLUDE (year) FROM once"))
        total = distinct
    result.files_written = [str(p) for p in store.publish(staging, reader.table,
                                                          reader.dataset)]
    return total


def _write_rejects(con, reader: Reader, store: EventStore, run: str, label: str, path: Path,
                   bad: list[tuple[str, str]], result: ImportResult) -> None:
    con.execute("CREATE TEMP TABLE rejects (dataset VARCHAR, file VARCHAR, line BIGINT, "
                "raw VARCHAR, reason VARCHAR, run VARCHAR)")
    con.execute(f"""INSERT INTO rejects SELECT {lit(reader.dataset)}, ?, line,
        trim(csv_line, chr(10) || chr(13)), error, {lit(run)} FROM (
            SELECT line, any_value(csv_line) AS csv_line,
                   arg_min(error_type || ': ' || error_message, column_idx) AS error
            FROM rej GROUP BY line)""", [label])
    lines = _locate(path, {raw for raw, _ in bad}) if bad else {}
    rows = [(reader.dataset, label, lines.get(raw) or lines.get(raw.rstrip("\t")), raw, reason,
             run) for raw, reason in bad]
    if rows:
        con.executemany("INSERT INTO rejects VALUES (?, ?, ?, ?, ?, ?)", rows)
    result.rows_rejected = con.execute("SELECT count(*) FROM rejects").fetchone()[0]
    if result.rows_rejected:
        target = store.table_dir("rejects", reader.dataset)
        target.mkdir(parents=True, exist_ok=True)
        final = target / f"rejects-{run}-{len(list(target.glob('*.parquet')))}.parquet"
        tmp = store.staging(run) / final.name
        con.execute(f"COPY (SELECT * FROM rejects ORDER BY line) TO '{tmp}' (FORMAT parquet)")
        tmp.replace(final)
        result.rejects_path = str(final)


def import_files(dataset: str, files: list[Path], store_dir: Path,
                 on_file: Callable[[ImportResult], None] | None = None) -> list[ImportResult]:
    """Import every file (zips member by member); one run id for the whole call."""
    reader_for(dataset)  # fail fast on an unknown dataset
    maps = _maps()
    store = EventStore(store_dir)
    run = store.new_run()
    results = []
    try:
        for path in files:
            with _opened(Path(path)) as members:
                for label, plain in members:
                    result = import_file(reader_for(dataset).use(maps), label, plain, store,
                                         run)
                    store.log({"event": "import", **result.to_dict()})
                    results.append(result)
                    if on_file:
                        on_file(result)
    finally:
        store.discard(run)
    return results
