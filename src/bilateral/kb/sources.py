"""The sources table audited on its own: what cites what, and what cites nothing (offline)."""

from __future__ import annotations

from collections import Counter, defaultdict

from bilateral.kb.package import Package, open_package
from bilateral.kb.semantic import (
    SOURCED_TABLES,
    Context,
    duplicate_urls,
    sources_cited,
    split,
    unused_sources,
    urls_well_formed,
)
from bilateral.problems import Report


def citations(package: Package) -> dict[str, Counter]:
    """source id -> how many records of each table cite it."""
    uses: dict[str, Counter] = defaultdict(Counter)
    for table in SOURCED_TABLES:
        for _, cells in package.records(table):
            for sid in split(cells.get("source_ids")):
                uses[sid][table] += 1
    return uses


def source_usage(package: Package | None = None) -> list[dict]:
    """Every source with the number of records citing it, most cited first."""
    package = package or open_package()
    uses = citations(package)
    rows = [{"id": c.get("id"), "kind": c.get("kind"), "publisher": c.get("publisher"),
             "published": c.get("published") or None, "url": c.get("url"),
             "cited_by": sum(uses[c.get("id")].values()),
             "tables": sorted(uses[c.get("id")])} for _, c in package.records("sources")]
    return sorted(rows, key=lambda r: (-r["cited_by"], r["id"]))


def check_sources(package: Package | None = None) -> Report:
    """Records without sources, unknown source ids, malformed addresses, unused sources."""
    package = package or open_package()
    ctx = Context(package)
    report = Report()
    for check in (sources_cited, urls_well_formed, unused_sources, duplicate_urls):
        report.add(check(ctx))
    report.stats = {"sources": len(package.records("sources")),
                    "cited": len(citations(package))}
    return report
