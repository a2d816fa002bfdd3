"""Query benchmark: the dyad series on 10 and 100 million events, DuckDB against pandas.

    python bench/query.py [--rows 10000000 100000000] [--work /tmp/bilateral-bench]

The event store is generated directly as Parquet in the importer's layout (by dataset and
year, sorted by dyad), with GDELT-like distributions: one event in forty between Azerbaijan
and Russia. Each method runs in its own process; prints seconds, peak memory and ratios.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _process import run  # noqa: E402

GENERATE = """
import os, duckdb
os.makedirs('{store}/events/dataset=gdelt', exist_ok=True)
con = duckdb.connect()
con.execute("SET temp_directory = '{work}/spill'; SET memory_limit = '4GB'")
con.execute('''COPY (
  SELECT CAST(1000000000 + i AS VARCHAR) AS event_id,
    DATE '2015-01-01' + CAST(hash(i, 1) % 3650 AS INTEGER) AS date,
    CASE WHEN hash(i, 2) % 40 = 0 THEN (CASE WHEN hash(i, 3) % 2 = 0 THEN 'AZE' ELSE 'RUS' END)
         ELSE ['USA','GBR','FRA','DEU','CHN','IND','TUR','IRN','UKR','RUS','AZE','ARM',
               NULL][CAST(hash(i, 4) % 13 AS INTEGER) + 1] END AS source_country,
    CASE WHEN hash(i, 2) % 40 = 0 THEN (CASE WHEN hash(i, 3) % 2 = 0 THEN 'RUS' ELSE 'AZE' END)
         ELSE ['USA','GBR','FRA','DEU','CHN','IND','TUR','IRN','UKR','RUS','AZE','ARM',
               NULL][CAST(hash(i, 5) % 13 AS INTEGER) + 1] END AS target_country,
    ['010','036','040','042','043','046','051','057','111','112','120','130','173',
     '190'][CAST(hash(i, 6) % 14 AS INTEGER) + 1] AS cameo_code,
    CAST((hash(i, 7) % 200) / 10.0 - 10 AS DOUBLE) AS goldstein,
    CAST(1 + hash(i, 8) % 4 AS TINYINT) AS quad_class,
    hash(i, 9) % 3 > 0 AS is_root, CAST(1 + hash(i, 10) % 5 AS INTEGER) AS num_sources,
    year(DATE '2015-01-01' + CAST(hash(i, 1) % 3650 AS INTEGER)) AS year
  FROM range({rows}) t(i)
  ORDER BY year, source_country, target_country, date
) TO '{store}/events/dataset=gdelt' (FORMAT parquet, PARTITION_BY (year),
  COMPRESSION zstd, OVERWRITE_OR_IGNORE)''')
"""

# (setup, timed part): imports and connecting are not the query.
METHODS = {
    "duckdb": ("""
from bilateral.analysis.series import dyad_series
from bilateral.backends import connect, events_table
backend = connect('duckdb')
""", """
frame = dyad_series(backend, events_table(backend, '{store}'), 'AZE', 'RUS', 'month')
"""),
    "pandas": ("""
import pandas as pd
""", """
e = pd.read_parquet('{store}/events', columns=['date', 'source_country', 'target_country',
                                                 'goldstein', 'quad_class', 'cameo_code'])
e['period'] = pd.to_datetime(e['date']).dt.to_period('M').dt.start_time
totals = e.groupby('period').size().rename('all_events')
d = e[((e.source_country == 'AZE') & (e.target_country == 'RUS'))
      | ((e.source_country == 'RUS') & (e.target_country == 'AZE'))]
frame = d.groupby('period').agg(events=('goldstein', 'size'), goldstein_sum=('goldstein', 'sum'),
                                goldstein_mean=('goldstein', 'mean')).join(totals)
frame['rate'] = frame['events'] / frame['all_events']
for q in (1, 2, 3, 4):
    frame[f'q{q}'] = d[d.quad_class == q].groupby('period').size()
top = d.groupby(['period', 'cameo_code']).size().rename('n').reset_index()
"""),
}

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000_000, 100_000_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/bilateral-bench"))
    parser.add_argument("--skip-pandas-above", type=int, default=20_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs")
    args = parser.parse_args()
    for rows in args.rows:
        store = args.work / f"store-{rows}"
        if not (store / "events").exists():
            body = GENERATE.format(work=args.work, rows=rows, store=store)
            made = run(body)
            print(f"generated {rows:,} events in {made['seconds']:.1f} s")
        print(f"\n{rows:,} events")
        results = {}
        for method, (setup, body) in METHODS.items():
            if method == "pandas" and rows > args.skip_pandas_above:
                continue
            timed = body.replace("{store}", str(store))
            best = min((run(timed, setup) for _ in range(args.repeat)),
                       key=lambda r: r["seconds"])
            results[method] = best
            print(f"  {method:7s} {best['seconds']:7.2f} s  peak {best['peak_mb']:6.0f} MB")
        if "pandas" in results:
            ratio = results["pandas"]["seconds"] / results["duckdb"]["seconds"]
            print(f"  DuckDB is {ratio:.1f}x faster than pandas (target >= 20x on 10M)")
        print(f"  DuckDB dyad series: {results['duckdb']['seconds']:.2f} s "
              f"(target < 1 s on 100M)")


if __name__ == "__main__":
    main()
