"""Dates with a precision: what part of a date is known, and the interval it stands for."""

from __future__ import annotations

import calendar
from datetime import date

from bilateral.model.enums import Precision


def precision_fits(day: date, precision: Precision | str) -> bool:
    """A month-precise date is written as the 1st, a year-precise one as 1 January."""
    precision = Precision(precision)
    if precision is Precision.MONTH:
        return day.day == 1
    if precision is Precision.YEAR:
        return day.month == 1 and day.day == 1
    return True


def interval(start: date, precision: Precision | str, end: date | None = None) -> tuple[date, date]:
    """The first and last day a (date, precision[, end]) can stand for."""
    precision = Precision(precision)
    if end is not None:
        start_first, _ = interval(start, precision)
        _, end_last = interval(end, precision)
        return start_first, end_last
    if precision is Precision.YEAR:
        return date(start.year, 1, 1), date(start.year, 12, 31)
    if precision is Precision.MONTH:
        last = calendar.monthrange(start.year, start.month)[1]
        return date(start.year, start.month, 1), date(start.year, start.month, last)
    return start, start


def parse_partial(text: str) -> tuple[date, Precision]:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD into (first day, precision); ValueError if not a date."""
    parts = text.strip().split("-")
    if len(parts) == 1 and len(parts[0]) == 4:
        return date(int(parts[0]), 1, 1), Precision.YEAR
    if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) == 2:
        return date(int(parts[0]), int(parts[1]), 1), Precision.MONTH
    if len(parts) == 3:
        return date.fromisoformat(text.strip()), Precision.DAY
    raise ValueError(f"not a date: {text!r}")
