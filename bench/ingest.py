"""Ingest benchmark: `bilateral import` against DuckDB's own read_csv -> Parquet (the practical
limit) and the pandas route (read_csv with GDELT column names), on the same generated file.

    python bench/ingest.py [--rows 1000000 3000000] [--work /tmp/bilateral-bench]

Each method runs in its own process so its peak memory (max RSS) is its own. Prints seconds,
rows/s, MB/s, peak MB, and the ratios the targets are stated in.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _process import run  # noqa: E402

METHODS = {
    "duckdb-raw": """
import duckdb
from bilateral.events.formats import GDELT2
cols = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in GDELT2) + "}"
duckdb.sql(f"COPY (SELECT * FROM read_csv('{src}', delim='\\t', header=false, quote='', "
           f"escape='', auto_detect=false, columns={cols})) TO '{out}/raw.parquet' "
           "(FORMAT parquet)")
""",
    "pandas": """
import pandas as pd
from bilateral.events.formats import GDELT2
frame = pd.read_csv('{src}', sep='\\t', header=None, names=GDELT2, quoting=3,
                    low_memory=False)
frame.to_parquet('{out}/pandas.parquet', index=False)
""",
    "bilateral": """
from pathlib import Path
from bilateral.events.importer import import_files
[r] = import_files('gdelt', [Path('{src}')], Path('{out}/store'))
assert r.reconciles and r.rows_rejected == 0, r.to_dict()
""",
}

def measure(method: str, src: Path, out: Path) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    return run(METHODS[method].replace("{src}", str(src)).replace("{out}", str(out)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/bilateral-bench"))
    parser.add_argument("--skip-pandas-above", type=int, default=5_000_000,
                        help="pandas holds the whole file in memory; skip it for big files")
    args = parser.parse_args()
    from generate_gdelt import generate

    for rows in args.rows:
        src = generate(rows, args.work / f"gdelt-{rows}.csv")
        size_mb = src.stat().st_size / 1e6
        print(f"\n{rows:,} rows, {size_mb:,.0f} MB")
        results = {}
        for method in METHODS:
            if method == "pandas" and rows > args.skip_pandas_above:
                continue
            r = measure(method, src, args.work / method)
            results[method] = r
            print(f"  {method:11s} {r['seconds']:6.2f} s  {rows / r['seconds']:>10,.0f} rows/s  "
                  f"{size_mb / r['seconds']:6.1f} MB/s  peak {r['peak_mb']:6.0f} MB")
        ours = results["bilateral"]["seconds"]
        print(f"  throughput vs DuckDB raw read_csv->Parquet: "
              f"{results['duckdb-raw']['seconds'] / ours:.2f}x (target >= 0.70)")
        if "pandas" in results:
            print(f"  speed-up vs the pandas route: {results['pandas']['seconds'] / ours:.2f}x "
                  f"(target > 1)")


if __name__ == "__main__":
    main()
