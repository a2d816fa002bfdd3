"""Validate a package in two passes and gather every problem into one Report."""

from __future__ import annotations

from pathlib import Path

from bilateral.errors import PackageError
from bilateral.kb.package import Package, open_package
from bilateral.kb.semantic import check_meaning
from bilateral.kb.structural import check_structure
from bilateral.problems import Problem, Report


def validate_package(package: Package | Path | str | None = None) -> Report:
    """Pass 1 (structure against the Table Schemas), then pass 2 (meaning across tables)."""
    if not isinstance(package, Package):
        try:
            package = open_package(package)
        except PackageError as exc:  # an unreadable descriptor is itself the problem to report
            return Report([Problem(str(package or "."), 1, 1, "bad-package", str(exc))])
    report = Report()
    report.add(check_structure(package))
    report.add(check_meaning(package))
    report.stats = {name: len(table.rows) for name, table in package.tables.items()}
    return report
