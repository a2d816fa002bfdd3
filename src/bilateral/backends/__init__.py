"""Query engines behind one small interface: DuckDB (embedded default) and Spark, via Ibis.

Each engine is loaded only when asked for; a missing optional dependency says what to install.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from bilateral.errors import BilateralError, InputError

ENGINES = ("duckdb", "spark")


def connect(engine: str = "duckdb"):
    """An Ibis backend. Spark runs in local mode unless BILATERAL_SPARK_MASTER names a cluster
    (e.g. spark://host:7077); other Spark settings come from the usual SPARK_* variables."""
    if engine not in ENGINES:
        raise InputError(f"--engine must be one of {', '.join(ENGINES)}")
    try:
        import ibis
    except ImportError as exc:  # pragma: no cover - ibis is a core dependency
        raise BilateralError("install bilateral with its event-data extras") from exc
    if engine == "duckdb":
        return ibis.duckdb.connect()
    return ibis.pyspark.connect(_spark_session())


@cache
def _spark_session():
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise BilateralError("the Spark engine needs PySpark: install `bilateral[spark]`") \
            from exc
    master = os.environ.get("BILATERAL_SPARK_MASTER", "local[2]")
    session = (SparkSession.builder.master(master).appName("bilateral")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    return session


def events_table(backend, store: Path | str, table: str = "events"):
    """The store's events as an Ibis table (partition columns dataset and year included)."""
    root = Path(store) / table
    if not any(root.glob("**/*.parquet")):
        raise BilateralError(f"{root}: no imported events here; run `bilateral import` first")
    if backend.name == "duckdb":
        return backend.read_parquet(str(root / "**" / "*.parquet"), hive_partitioning=True)
    return backend.read_parquet(str(root))
