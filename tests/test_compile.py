"""Compiling a package into DuckDB: atomic, idempotent, one shared event schema."""

from __future__ import annotations

import duckdb
import pytest

from bilateral.errors import PackageError
from bilateral.kb.compile import build_database, ensure_built, stored_fingerprint
from bilateral.kb.store import EventQuery, Store
from bilateral.model.event_schema import EVENT_COLUMNS

from conftest import MINI, EditablePackage


@pytest.fixture(scope="module")
def mini_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "mini.duckdb"
    build_database(MINI, path)
    return path


def test_build_is_idempotent_and_leaves_no_temp_files(tmp_path):
    db = tmp_path / "kb.duckdb"
    first = build_database(MINI, db)
    assert first.built and db.exists()
    before = db.read_bytes()
    second = build_database(MINI, db)
    assert not second.built and second.fingerprint == first.fingerprint
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kb.duckdb"]


def test_forced_rebuild_gives_the_same_rows(tmp_path):
    db = tmp_path / "kb.duckdb"
    first = build_database(MINI, db)
    again = build_database(MINI, db, force=True)
    assert again.built and again.counts == first.counts


def test_invalid_package_is_refused_and_the_old_database_kept(tmp_path, package: EditablePackage):
    db = tmp_path / "kb.duckdb"
    build_database(package.root, db)
    fingerprint = stored_fingerprint(db)
    package.set("events", 0, "cameo", "999")
    with pytest.raises(PackageError, match="validation errors"):
        build_database(package.root, db)
    assert stored_fingerprint(db) == fingerprint
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".bilateral-")] == []


def test_changed_package_is_rebuilt_by_ensure_built(tmp_path, package: EditablePackage):
    db = tmp_path / "kb.duckdb"
    ensure_built(package.root, db)
    old = stored_fingerprint(db)
    package.set("events", 0, "title", "A retitled event")
    ensure_built(package.root, db)
    assert stored_fingerprint(db) != old
    with Store(db) as store:
        assert store.events(EventQuery(search="retitled"))[0]["title"] == "A retitled event"


def test_event_table_has_the_shared_schema(mini_db):
    with duckdb.connect(str(mini_db), read_only=True) as con:
        columns = con.execute("SELECT column_name, data_type FROM information_schema.columns "
                              "WHERE table_name = 'events' ORDER BY ordinal_position").fetchall()
    assert [c[0] for c in columns] == [c[0] for c in EVENT_COLUMNS]
    assert [c[1] for c in columns] == [c[1] for c in EVENT_COLUMNS]


def test_goldstein_quad_class_and_plover_come_from_the_codebook(mini_db):
    with Store(mini_db) as store:
        rows = store.rows("SELECT event_id, cameo_code, cameo_root, goldstein, goldstein_table, "
                          "quad_class, plover, source_country, target_country FROM events")
    visit = next(r for r in rows if r["event_id"] == "2001-01-09-putin-visit-baku-declaration")
    assert visit["cameo_code"] == "042" and visit["cameo_root"] == "04"
    assert visit["goldstein"] == 1.9 and visit["goldstein_table"] == "cameo-icews"
    assert visit["quad_class"] == 1 and visit["plover"] == "CONSULT"
    assert (visit["source_country"], visit["target_country"]) == ("RUS", "AZE")
    assert len(rows) == 6


def test_override_is_recorded_as_such(tmp_path, package: EditablePackage):
    package.set("events", 0, "goldstein", "7")
    package.set("events", 0, "override_reason", "The ceasefire ended open war: stronger than "
                                                "the codebook's score for its code.")
    db = tmp_path / "kb.duckdb"
    build_database(package.root, db)
    with Store(db) as store:
        row = store.rows("SELECT goldstein, goldstein_table FROM events "
                         "WHERE event_id = '1994-05-12-karabakh-ceasefire'")[0]
    assert row == {"goldstein": 7.0, "goldstein_table": "override"}


def test_citations_flatten_every_source_list(mini_db):
    with Store(mini_db) as store:
        per_table = {r["record_table"]: r["n"] for r in store.rows(
            "SELECT record_table, count(DISTINCT record_id) AS n FROM citations GROUP BY 1")}
        unknown = store.rows("SELECT * FROM citations c WHERE NOT EXISTS "
                             "(SELECT 1 FROM sources s WHERE s.id = c.source_id)")
    assert per_table["events"] == 6 and per_table["terms"] == 15
    assert unknown == []


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(LookupError, match="bilateral build"):
        Store(tmp_path / "nothing.duckdb")
