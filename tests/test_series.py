"""The dyad series: one suite, run on every engine, with identical results required."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from bilateral.analysis.series import NoiseGuards, dyad_series
from bilateral.backends import connect, events_table
from bilateral.events.importer import import_files

from conftest import HERE, REPO

FIXTURES = HERE / "fixtures" / "events"
SHARED = REPO.parent / "shared" / "data" / "gdelt-spark-gdelt"
ENGINES = ["duckdb", "spark"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("store")
    import_files("icews", [FIXTURES / "icews-synthetic.tab"], root)
    import_files("polecat", [FIXTURES / "polecat-synthetic-2023.tsv"], root)
    if SHARED.exists():
        import_files("gdelt", [SHARED / "events.csv", SHARED / "eventsT.csv"], root)
    return root


@pytest.fixture(scope="module", params=ENGINES)
def engine(request):
    if request.param == "spark" and not shutil.which("java"):
        pytest.skip("Spark needs a Java runtime")
    return connect(request.param)


def run(engine, store, *args, **kw) -> pd.DataFrame:
    return dyad_series(engine, events_table(engine, store), *args, **kw)


def test_directed_monthly_series_by_hand(engine, store):
    s = run(engine, store, "AZE", "RUS", "month", directed=True)
    june = s[s["period"] == pd.Timestamp("2018-06-01").date()].set_index("direction")
    # ICEWS fixture, June 2018: RUS->AZE 042, 111, 042 ; AZE->RUS 043, 057
    assert june.loc["RUS->AZE", "events"] == 3 and june.loc["AZE->RUS", "events"] == 2
    assert june.loc["RUS->AZE", "goldstein_sum"] == pytest.approx(1.9 - 2.0 + 1.9)
    assert june.loc["AZE->RUS", "goldstein_mean"] == pytest.approx((2.8 + 8.0) / 2)
    assert june.loc["RUS->AZE", "verbal_conflict_share"] == pytest.approx(1 / 3)
    assert june.loc["RUS->AZE", "top_codes"] == "042:2 111:1"
    assert june.loc["RUS->AZE", "all_events"] == 7
    assert june.loc["RUS->AZE", "rate"] == pytest.approx(3 / 7)


def test_undirected_series_adds_both_directions(engine, store):
    s = run(engine, store, "AZE", "RUS", "year")
    row = s[s["period"] == pd.Timestamp("2018-01-01").date()].iloc[0]
    assert row["direction"] == "AZE-RUS" and row["events"] == 5


def test_noise_guards_change_the_series(engine, store):
    plain = run(engine, store, "AZE", "RUS", "year")
    guarded = run(engine, store, "AZE", "RUS", "year", guards=NoiseGuards(min_sources=1))
    assert guarded["events"].sum() < plain["events"].sum()  # ICEWS/POLECAT carry no counts


def test_engines_give_identical_results(store):
    if not shutil.which("java"):
        pytest.skip("Spark needs a Java runtime")
    results = [run(connect(e), store, "AZE", "RUS", "month", directed=True) for e in ENGINES]
    left, right = results
    pd.testing.assert_frame_equal(left, right, check_dtype=False, rtol=1e-9)


def test_series_cli_json(cli, store):
    result = cli("series", "aze", "rus", "--store", str(store), "--by", "year", "-f", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[0]["period"] == "2018-01-01" and rows[0]["events"] == 5
    assert all(r["goldstein_mean"] is None or isinstance(r["goldstein_mean"], float)
               for r in rows)


def test_series_without_a_store_is_a_clear_error(cli, tmp_path):
    result = cli("series", "aze", "rus", "--store", str(tmp_path))
    assert result.returncode == 1 and "no imported events" in result.stderr
