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


def find_dates(text: str, anchor: date | None = None,
               previous: DateMention | None = None) -> list[DateMention]:
    """Every date a sentence states: '9 January 2001', 'January 2001', '2001', 'the 1990s',
    'the early 2000s', '9/1/2001' (a range when day and month could be swapped). Numbers such
    as '2,768', '2000 troops' or '$2001' are not dates. Relative dates need something to
    count from: 'last year', 'two years ago', 'today' the document's date (`anchor`); 'two
    years later', 'the following year' the last date the text gave (`previous`). Without it
    they stay unresolved: a date is never invented."""
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
    for m in re.finditer(r"\b(\d{4})-(\d{2})-(\d{2})\b", text):
        y, mo, d = (int(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= _last_day(y, mo):
            add(m, date(y, mo, d), date(y, mo, d), "day")
    for m in re.finditer(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b", text):
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        readings = sorted({date(y, mo, d) for d, mo in ((a, b), (b, a))
                           if 1 <= mo <= 12 and 1 <= d <= _last_day(y, mo)})
        if readings:  # 9/1/2001: 9 January or 1 September; keep both ends, claim neither
            add(m, readings[0], readings[-1], "day" if len(readings) == 1 else "range")
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
    for m in re.finditer(r"\b(?:in|of|since|by)\s+['’](\d\d)\b", text, re.I):
        y = int(m.group(1))
        y += 1900 if y > 30 else 2000   # two-digit years: '98 is 1998, '05 is 2005
        add(m, date(y, 1, 1), date(y, 12, 31), "year")
    stated = sorted(found, key=lambda d: d.span)
    for m, years, from_document in _relative(text):
        # "in August 2003 … two years later": the sentence's own last date before the phrase
        # comes first, then the last date of the text before it
        before = [d for d in stated if d.span[1] <= m.start()]
        base = anchor if from_document else (before[-1].start if before else
                                             previous.start if previous else None)
        if base is None:
            continue
        if years is None:  # 'today', 'now'
            add(m, base, base, "day")
        else:
            add(m, date(base.year + years, 1, 1), date(base.year + years, 12, 31), "year")
    return sorted(found, key=lambda d: d.span)


NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
NUMBER_WORDS.update({"a": 1, "an": 1})
_COUNT = r"(\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
# (pattern, years per count or a fixed offset, counted from the document's date?)
RELATIVE = [
    (re.compile(rf"\b{_COUNT}\s+years?\s+ago\b", re.I), -1, True),
    (re.compile(r"\blast\s+year\b", re.I), -1, True),
    (re.compile(r"\bthis\s+year\b", re.I), 0, True),
    (re.compile(r"\bnext\s+year\b", re.I), 1, True),
    (re.compile(r"\b(?:today|currently)\b|\bnow\b(?![-\w])", re.I), None, True),
    (re.compile(rf"\b{_COUNT}\s+years?\s+later\b", re.I), 1, False),
    (re.compile(rf"\b{_COUNT}\s+years?\s+(?:earlier|before)\b", re.I), -1, False),
    (re.compile(r"\bthe\s+(?:following|next)\s+year\b", re.I), 1, False),
    (re.compile(r"\b(?:the\s+same|that)\s+year\b", re.I), 0, False),
]


def _relative(text: str):
    """(match, years to add or None for the day itself, counted from the document's date?)."""
    for pattern, step, from_document in RELATIVE:
        for m in pattern.finditer(text):
            if step is None or not pattern.groups:
                yield m, step, from_document
                continue
            count = m.group(1).lower()
            yield m, step * (int(count) if count.isdigit() else NUMBER_WORDS[count]), \
                from_document
