"""Importing event data: every format, nothing lost, nothing twice, codes converted with care."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilateral.errors import FormatError
from bilateral.events.importer import import_files

from conftest import HERE, REPO

SHARED = REPO.parent / "shared" / "data"
SPARK_GDELT = SHARED / "gdelt-spark-gdelt"
FIXTURES = HERE / "fixtures" / "events"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="samples live in ../shared")


def rows(store: Path, where: str = "true", table: str = "events") -> list[dict]:
    con = duckdb.connect()
    cur = con.execute(f"SELECT * FROM read_parquet('{store}/{table}/**/*.parquet', "
                      f"hive_partitioning=true) WHERE {where} ORDER BY event_id")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


@needs_shared
@pytest.mark.parametrize("dataset, name, read", [
    ("gdelt", "events.csv", 100), ("gdelt", "eventsT.csv", 100), ("gdelt1", "events1.csv", 100),
    ("gdelt-mentions", "mentions.csv", 100), ("gdelt-mentions", "mentionsT.csv", 100)])
def test_real_gdelt_samples_import_and_reconcile(tmp_path, dataset, name, read):
    [result] = import_files(dataset, [SPARK_GDELT / name], tmp_path)
    assert result.rows_read == read and result.reconciles and result.rows_rejected == 0
    assert result.rows_stored + result.rows_duplicate == read


@needs_shared
def test_gdelt1_mixes_57_and_58_columns(tmp_path):
    import_files("gdelt1", [SPARK_GDELT / "events1.csv"], tmp_path)
    stored = rows(tmp_path)
    with_url = [r for r in stored if r["evidence_url"]]
    assert len(stored) == 100 and 0 < len(with_url) < 100  # backfile rows carry no URL
    assert {r["year"] for r in stored} >= {1979, 2013}


@needs_shared
def test_country_codes_are_converted_with_care(tmp_path):
    import_files("gdelt", [SPARK_GDELT / "events.csv"], tmp_path)
    stored = rows(tmp_path)
    south_africa = [r for r in stored if r["place"] and "South Africa" in r["place"]]
    assert south_africa and {r["place_country"] for r in south_africa} == {"ZAF"}  # FIPS SF
    coded = [r for r in stored if r["source_country_cameo"]]
    assert all(len(r["source_country"] or "") in (0, 3) for r in coded)
    assert all(r["goldstein_table"] == "gdelt" for r in stored)


def test_fips_rs_is_russia_and_cameo_rus_is_russia(tmp_path):
    line = ["1"] + ["20200101", "202001", "2020", "2020.0"] + [""] * 10 + [""] * 10
    line[5], line[7] = "RUS", "RUS"        # Actor1Code, Actor1CountryCode (CAMEO)
    line[15], line[17] = "AZE", "AZE"      # Actor2
    line += ["1", "042", "042", "04", "1", "1.9", "1", "1", "1", "0.5"]
    geo = ["1", "Moscow, Moskva, Russia", "RS", "RS48", "", "55.75", "37.61", "-1"]
    line += geo + geo + geo + ["20200101000000", "http://example.org/a"]
    path = tmp_path / "one.csv"
    path.write_text("\t".join(line) + "\n")
    [result] = import_files("gdelt", [path], tmp_path / "store")
    [row] = rows(tmp_path / "store")
    assert (row["source_country"], row["target_country"], row["place_country"]) == \
        ("RUS", "AZE", "RUS")  # FIPS RS is Russia here, not ISO's Serbia
    assert row["plover"] == "CONSULT" and row["quad_class"] == 1 and result.reconciles


def test_broken_rows_go_to_rejects_with_their_line(tmp_path):
    good = (SPARK_GDELT / "events.csv").read_text().splitlines()[:4] if SHARED.exists() else []
    if not good:
        pytest.skip("samples live in ../shared")
    f = good[1].split("\t")
    f[1] = "2014XX18"
    broken = [good[0], "\t".join(f), "\t".join(good[2].split("\t")[:30]), good[3] + "\textra"]
    path = tmp_path / "broken.csv"
    path.write_text("\n".join(broken) + "\n")
    [result] = import_files("gdelt", [path], tmp_path / "store")
    assert (result.rows_read, result.rows_stored, result.rows_rejected) == (4, 1, 3)
    rejects = duckdb.connect().execute(
        f"SELECT line, reason, raw FROM '{result.rejects_path}' ORDER BY line").fetchall()
    assert [(r[0], r[1].split(":")[0]) for r in rejects] == [
        (2, "SQLDATE is not a YYYYMMDD date"), (3, "MISSING COLUMNS"), (4, "TOO MANY COLUMNS")]
    assert rejects[0][2] == broken[1]


@needs_shared
def test_reimport_adds_nothing(tmp_path):
    first = import_files("gdelt", [SPARK_GDELT / "events.csv"], tmp_path)[0]
    files = sorted(p.name for p in (tmp_path / "events").glob("**/*.parquet"))
    again = import_files("gdelt", [SPARK_GDELT / "events.csv"], tmp_path)[0]
    assert (again.rows_stored, again.rows_duplicate) == (0, first.rows_stored)
    assert sorted(p.name for p in (tmp_path / "events").glob("**/*.parquet")) == files
    assert len(rows(tmp_path)) == 100


@needs_shared
def test_zipped_files_are_read_as_they_are(tmp_path):
    archive = tmp_path / "20150218230000.export.CSV.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(SPARK_GDELT / "events.csv", "20150218230000.export.CSV")
    [result] = import_files("gdelt", [archive], tmp_path / "store")
    assert result.file.endswith(".zip:20150218230000.export.CSV") and result.rows_stored == 100


def test_no_half_written_partition_is_visible(tmp_path):
    """Files appear in the store only whole: the staging folder is never inside a partition."""
    if not SHARED.exists():
        pytest.skip("samples live in ../shared")
    import_files("gdelt", [SPARK_GDELT / "events.csv"], tmp_path)
    assert not list(tmp_path.glob(".tmp-*"))
    for path in (tmp_path / "events").glob("**/*"):
        assert ".tmp" not in str(path) and not path.name.endswith(".part")


@pytest.mark.parametrize("name", ["icews-synthetic.tab", "icews-synthetic.tsv"])
def test_icews_both_variants(tmp_path, name):
    [result] = import_files("icews", [FIXTURES / name], tmp_path)
    assert result.reconciles and result.rows_stored == 7 and result.rows_duplicate == 1
    stored = {r["event_id"]: r for r in rows(tmp_path)}
    # the key is (Event ID, Event Date): 900002 occurs on two days
    assert {"900002@2018-06-01", "900002@2018-06-02"} <= set(stored)
    visit = stored["900005@2018-06-03"]   # written "42": read as CAMEO 042
    assert (visit["cameo_code"], visit["source_country"], visit["target_country"]) == \
        ("042", "RUS", "AZE")
    assert visit["goldstein_table"] == "icews"


def test_polecat_header_drift_is_tolerated(tmp_path):
    [first] = import_files("polecat", [FIXTURES / "polecat-synthetic-2023.tsv"], tmp_path)
    [drift] = import_files("polecat", [FIXTURES / "polecat-synthetic-drift.tsv"], tmp_path)
    assert (first.rows_stored, first.rows_rejected) == (3, 2)
    assert (drift.rows_stored, drift.rows_duplicate, drift.rows_rejected) == (0, 3, 2)
    assert [r["plover"] for r in rows(tmp_path)] == ["CONSULT", "ACCUSE", "ASSAULT"]


def test_wrong_format_is_a_clear_error(tmp_path):
    with pytest.raises(FormatError, match="not an ICEWS file: missing columns"):
        import_files("icews", [FIXTURES / "polecat-synthetic-2023.tsv"], tmp_path)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",),
                                               blacklist_characters="\r\n\x00"), max_size=30)
                .map(lambda s: s.replace("\t", " ")), min_size=1, max_size=70), st.integers(1, 3))
def test_any_garbage_line_reconciles(tmp_path_factory, cells, copies):
    """Whatever the line, the run completes and rows read = stored + duplicate + rejected
    (an empty line is no row at all)."""
    tmp = tmp_path_factory.mktemp("garbage")
    path = tmp / "garbage.csv"
    path.write_text(("\t".join(cells) + "\n") * copies, encoding="utf-8")
    [result] = import_files("gdelt", [path], tmp / "store")
    assert result.reconciles and result.rows_read == (copies if "\t".join(cells) else 0)


def test_cli_import_prints_the_reconciliation(cli, tmp_path):
    result = cli("import", "icews", str(FIXTURES / "icews-synthetic.tab"), "--store",
                 str(tmp_path / "s"), "--format", "json")
    assert result.returncode == 0, result.stderr
    [run] = json.loads(result.stdout)
    assert {"rows_read", "rows_stored", "rows_rejected", "rejects_path"} <= set(run)
    text = cli("import", "icews", str(FIXTURES / "icews-synthetic.tab"), "--store",
               str(tmp_path / "s"))
    assert "read 10 = stored 0 + duplicate 8 + rejected 2" in text.stdout
    bad = cli("import", "icews", str(tmp_path / "missing.tab"), "--store", str(tmp_path / "s"))
    assert bad.returncode == 1 and "no such file" in bad.stderr
    wrong = cli("import", "polecat", str(FIXTURES / "icews-synthetic.tab"), "--store",
                str(tmp_path / "s"))
    assert wrong.returncode == 1 and "not a POLECAT file" in wrong.stderr
    usage = cli("import", "acled", "x.csv", "--store", str(tmp_path / "s"))
    assert usage.returncode == 2
