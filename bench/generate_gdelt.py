"""Deterministic generator of realistic GDELT 2.0 event export files (61 tab-separated columns).

    python bench/generate_gdelt.py ROWS OUT.csv [--seed N] [--samples DIR]

Rows are drawn from the real sample rows in ../shared/data/gdelt-spark-gdelt (their actor,
event-code, geography and URL distributions), with fresh ids, dates spread over 2015-2024 and
one row in forty recoded as an Azerbaijan-Russia dyad event so dyad queries have work to do.
The same arguments always give the same file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bilateral.events.formats import GDELT2  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "data" / "gdelt-spark-gdelt"


def sample_table(con: duckdb.DuckDBPyConnection, samples: Path) -> int:
    struct = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in GDELT2) + "}"
    files = [str(samples / "events.csv"), str(samples / "eventsT.csv")]
    con.execute(f"""CREATE TABLE sample AS SELECT row_number() OVER () - 1 AS k, *
        FROM read_csv({files}, delim='\\t', header=false, quote='', escape='',
                      auto_detect=false, columns={struct})""")
    return con.execute("SELECT count(*) FROM sample").fetchone()[0]


def select_rows(rows: int, n_samples: int, seed: int) -> str:
    """SQL for `rows` generated rows; `hash(i, seed)` makes every choice deterministic."""
    def pick(i: int) -> str:
        return f"hash(i, {seed}, {i}) % {n_samples}"
    day = f"DATE '2015-01-01' + CAST(hash(i, {seed}, 99) % 3650 AS INTEGER)"
    dyad = f"hash(i, {seed}, 7) % 40 = 0"
    reverse = f"hash(i, {seed}, 8) % 2 = 0"
    cols = []
    for c in GDELT2:
        if c == "GLOBALEVENTID":
            cols.append(f"CAST(1000000000 + i AS VARCHAR) AS {c}")
        elif c == "SQLDATE":
            cols.append(f"strftime({day}, '%Y%m%d') AS {c}")
        elif c == "MonthYear":
            cols.append(f"strftime({day}, '%Y%m') AS {c}")
        elif c == "Year":
            cols.append(f"strftime({day}, '%Y') AS {c}")
        elif c in ("Actor1Code", "Actor1CountryCode"):
            cols.append(f"CASE WHEN {dyad} THEN CASE WHEN {reverse} THEN 'RUS' ELSE 'AZE' END "
                        f"ELSE a.{c} END AS {c}")
        elif c in ("Actor2Code", "Actor2CountryCode"):
            cols.append(f"CASE WHEN {dyad} THEN CASE WHEN {reverse} THEN 'AZE' ELSE 'RUS' END "
                        f"ELSE b.{c} END AS {c}")
        elif c.startswith("Actor1"):
            cols.append(f"a.{c}")
        elif c.startswith("Actor2"):
            cols.append(f"b.{c}")
        elif c in ("EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                   "IsRootEvent"):
            cols.append(f"e.{c}")
        else:
            cols.append(f"g.{c}")
    return f"""SELECT {', '.join(cols)} FROM range({rows}) t(i)
        JOIN sample a ON a.k = {pick(1)} JOIN sample b ON b.k = {pick(2)}
        JOIN sample e ON e.k = {pick(3)} JOIN sample g ON g.k = {pick(4)}"""


def generate(rows: int, out: Path, seed: int = 1, samples: Path = SAMPLES) -> Path:
    con = duckdb.connect()
    n = sample_table(con, samples)
    out.parent.mkdir(parents=True, exist_ok=True)
    con.execute(f"COPY ({select_rows(rows, n, seed)}) TO '{out}' "
                "(DELIMITER '\t', HEADER false, QUOTE '', ESCAPE '', NULLSTR '')")
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    args = parser.parse_args()
    print(generate(args.rows, args.out, args.seed, args.samples))
