"""The curated knowledge base: read a package, validate it, compile it to DuckDB, query it."""
