"""Compile a valid package into an embedded DuckDB database, atomically and idempotently."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import platformdirs

from bilateral import __version__
from bilateral.errors import PackageError
from bilateral.kb.package import Package, open_package
from bilateral.kb.validate import validate_package
from bilateral.model import codebooks
from bilateral.model.event_schema import EVENT_COLUMNS

_DUCK_TYPES = {"string": "VARCHAR", "date": "DATE", "integer": "BIGINT", "number": "DOUBLE",
               "boolean": "BOOLEAN"}
_LIST_FIELDS = {"source_ids", "pillars", "agreement_ids", "infrastructure_ids", "records",
                "countries", "via"}


def default_db_path() -> Path:
    """Where `bilateral build` puts the database unless told otherwise (BILATERAL_DB wins)."""
    env = os.environ.get("BILATERAL_DB")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("bilateral")) / "bilateral.duckdb"


@dataclass
class BuildResult:
    path: Path
    built: bool  # False when the database was already up to date
    fingerprint: str
    counts: dict[str, int]


def stored_fingerprint(db_path: Path) -> str | None:
    """The package fingerprint a database was built from, or None if it is missing or foreign."""
    if not db_path.exists():
        return None
    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            row = con.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except duckdb.Error:
        return None
    return row[0] if row else None


def build_database(package: Package | Path | str | None = None, db_path: Path | None = None,
                   force: bool = False) -> BuildResult:
    """Validate, then write every table to a temporary file and rename it over `db_path`."""
    package = package if isinstance(package, Package) else open_package(package)
    db_path = Path(db_path) if db_path else default_db_path()
    fingerprint = package.fingerprint()
    if not force and stored_fingerprint(db_path) == fingerprint:
        return BuildResult(db_path, False, fingerprint, table_counts(db_path))
    report = validate_package(package)
    if not report.valid:
        raise PackageError(f"{package.root}: {len(report.errors)} validation errors; "
                           "run `bilateral validate` to see them")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".bilateral-", suffix=".duckdb", dir=db_path.parent)
    os.close(fd)
    os.unlink(tmp)  # DuckDB wants to create the file itself
    try:
        with duckdb.connect(tmp) as con:
            _load_codebooks(con)
            _load_package(con, package)
            _derive(con)
            _write_meta(con, package, fingerprint)
        os.replace(tmp, db_path)
    finally:
        for leftover in (tmp, tmp + ".wal"):
            if os.path.exists(leftover):
                os.unlink(leftover)
    return BuildResult(db_path, True, fingerprint, table_counts(db_path))


def table_counts(db_path: Path) -> dict[str, int]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        names = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables ORDER BY table_name").fetchall()]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _select_typed(fields: list[dict]) -> str:
    parts = []
    for f in fields:
        name, duck = f["name"], _DUCK_TYPES.get(f.get("type", "string"), "VARCHAR")
        if name in _LIST_FIELDS:
            parts.append(f"coalesce(string_split(nullif(\"{name}\", ''), ';'), []) AS \"{name}\"")
        else:
            parts.append(f"CAST(nullif(\"{name}\", '') AS {duck}) AS \"{name}\"")
    return ", ".join(parts)


def _load_csv(con, table: str, path: Path, fields: list[dict]) -> None:
    con.execute(
        f'CREATE TABLE "{table}" AS SELECT {_select_typed(fields)} '
        "FROM read_csv(?, header = true, all_varchar = true, quote = '\"', escape = '\"', "
        "null_padding = false)", [str(path)])


def _load_codebooks(con) -> None:
    root = codebooks.codebook_dir()
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        _load_csv(con, resource["name"], root / resource["path"], resource["schema"]["fields"])


def _load_package(con, package: Package) -> None:
    for resource in package.descriptor["resources"]:
        name = "kb_events" if resource["name"] == "events" else resource["name"]
        _load_csv(con, name, package.root / resource["path"], resource["schema"]["fields"])


def _derive(con) -> None:
    """The shared `events` table, plus link tables that flatten the ';' lists."""
    columns = ", ".join(f"{name} {duck}" for name, duck, _ in EVENT_COLUMNS)
    con.execute(f"CREATE TABLE events ({columns})")
    con.execute("""
        INSERT INTO events BY NAME
        WITH actor AS (
            SELECT a.event_id, a.role, a.entity_id,
                   coalesce(e.iso3, e.country) AS country,
                   row_number() OVER (PARTITION BY a.event_id, a.role ORDER BY a.entity_id) AS n
            FROM event_actors a JOIN entities e ON e.id = a.entity_id
        )
        SELECT 'kb' AS dataset, k.id AS event_id, k.date, k.date_end, k.date_precision,
               s.entity_id AS source_actor, s.country AS source_country,
               t.entity_id AS target_actor, t.country AS target_country,
               k.cameo AS cameo_code, c.base_code AS cameo_base, c.root_code AS cameo_root,
               coalesce(k.goldstein, c.goldstein) AS goldstein,
               CASE WHEN k.goldstein IS NOT NULL AND k.goldstein IS DISTINCT FROM c.goldstein
                    THEN 'override' ELSE 'cameo-icews' END AS goldstein_table,
               coalesce(k.quad_class, c.quad_class) AS quad_class,
               coalesce(k.plover, p.plover_event, pb.plover_event, pr.plover_event) AS plover,
               l.entity_id AS place, l.country AS place_country,
               (SELECT min(src.url) FROM sources src
                 WHERE src.id = k.source_ids[1]) AS evidence_url,
               k.title, k.summary, k.kind, k.pillars, k.importance
        FROM kb_events k
        LEFT JOIN cameo_events c ON c.code = k.cameo
        LEFT JOIN cameo_plover p ON p.cameo_code = k.cameo AND p.plover_event IS NOT NULL
        LEFT JOIN cameo_plover pb ON pb.cameo_code = c.base_code AND pb.plover_event IS NOT NULL
        LEFT JOIN cameo_plover pr ON pr.cameo_code = c.root_code AND pr.plover_event IS NOT NULL
        LEFT JOIN actor s ON s.event_id = k.id AND s.role = 'source' AND s.n = 1
        LEFT JOIN actor t ON t.event_id = k.id AND t.role = 'target' AND t.n = 1
        LEFT JOIN actor l ON l.event_id = k.id AND l.role = 'location' AND l.n = 1
        ORDER BY k.date, k.id
    """)
    con.execute("""
        CREATE TABLE citations AS
        SELECT 'events' AS record_table, id AS record_id, unnest(source_ids) AS source_id
          FROM kb_events
        UNION ALL SELECT 'terms', id, unnest(source_ids) FROM terms
        UNION ALL SELECT 'agreements', id, unnest(source_ids) FROM agreements
        UNION ALL SELECT 'infrastructure', id, unnest(source_ids) FROM infrastructure
        UNION ALL SELECT 'entities', id, unnest(source_ids) FROM entities
        UNION ALL SELECT 'memberships', organisation_id || ':' || member_id || ':' || role,
            unnest(source_ids) FROM memberships
        UNION ALL SELECT 'energy_nodes', id, unnest(source_ids) FROM energy_nodes
        UNION ALL SELECT 'energy_segments', id, unnest(source_ids) FROM energy_segments
        UNION ALL SELECT 'unit_conversions', id, unnest(source_ids) FROM unit_conversions
    """)
    con.execute("""
        CREATE TABLE event_pillars AS
        SELECT id AS event_id, unnest(pillars) AS pillar FROM kb_events
    """)


def _write_meta(con, package: Package, fingerprint: str) -> None:
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("fingerprint", fingerprint),
        ("package", str(package.root)),
        ("package_name", package.descriptor.get("name", "")),
        ("package_title", package.descriptor.get("title", "")),
        ("package_version", str(package.descriptor.get("version", ""))),
        ("bilateral_version", __version__),
        ("built_at", datetime.now(UTC).isoformat(timespec="seconds")),
    ])


def ensure_built(package: Path | str | None = None, db_path: Path | str | None = None,
                 on_build=None) -> Path:
    """The database for a package, (re)built first when missing or older than the package."""
    pkg = open_package(package)
    db = Path(db_path) if db_path else default_db_path()
    if stored_fingerprint(db) != pkg.fingerprint():
        if on_build:
            on_build(db)
        build_database(pkg, db)
    return db
