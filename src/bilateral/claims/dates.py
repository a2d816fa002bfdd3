"""Dates in text, normalised to (start, end, precision) intervals; numbers are not years."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# Words after a four-digit number that make it a count, not a year ("2000 troops").
_COUNT_WORDS = (r"troops|soldiers|people|men|km|kilometres|kilometers|miles|tonnes|tons|"
                r"barrels|bcm|mw|dollars|euros|manats|roubles|rubles|percent|%|metres|meters|"
                r"cubic|workers|refugees|casualties|deaths|units|vehicles|tanks")


@dataclass(frozen=True)
class DateMention:
    start: date
    end: date
    precision: str          # day, month, year, decade
    span: tuple[int, int]
    text: str


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def find_dates(text: str) -> list[DateMention]:
    """Every date a sentence states: '9 January 2001', 'January 2001', '2001', 'the 1990s',
    'the early 2000s'. Numbers such as '2,768', '2000 troops' or '$2001' are not dates."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m, start, end, precision):
        if any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(DateMention(start, end, precision, (m.start(), m.end()), m.group(0)))

    for m in re.finditer(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b", text, re.I):
        d, mo, y = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
        if 1 <= d <= _last_day(y, mo):
            add(m, date(y, mo, d), date(y, mo, d), "day")
    for m in re.finditer(rf"\b{_MONTH}\s+(\d{{1,2}}),\s+(\d{{4}})\b", text, re.I):
        mo, d, y = MONTHS[m.group(1).lower()], int(m.group(2)), int(m.group(3))
        if 1 <= d <= _last_day(y, mo):
            add(m, date(y, mo, d), date(y, mo, d), "day")
    for m in re.finditer(rf"\b{_MONTH}\s+(\d{{4}})\b", text, re.I):
        mo, y = MONTHS[m.group(1).lower()], int(m.group(2))
        if m.group(1) == "may":
            continue  # lower-case "may" is the verb: "it may 2019 fall" is no month
        add(m, date(y, mo, 1), date(y, mo, _last_day(y, mo)), "month")
    for m in re.finditer(r"\b(early|mid|late)[- ](\d{3})0s\b", text, re.I):
        base = int(m.group(2)) * 10
        lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}[m.group(1).lower()]
        add(m, date(base + lo, 1, 1), date(base + hi, 12, 31), "decade")
    for m in re.finditer(r"\b(\d{3})0s\b", text):
        base = int(m.group(1)) * 10
        add(m, date(base, 1, 1), date(base + 9, 12, 31), "decade")
    for m in re.finditer(r"(?<![\d,.$€£])\b(1[89]\d\d|20\d\d)\b(?![,.]\d)", text):
        after = text[m.end():m.end() + 16].lower()
        if re.match(rf"\s*({_COUNT_WORDS})\b", after):
            continue
        y = int(m.group(1))
        add(m, date(y, 1, 1), date(y, 12, 31), "year")
    return sorted(found, key=lambda d: d.span)
