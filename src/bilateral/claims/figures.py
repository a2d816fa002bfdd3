"""Figures in text: numbers with their units, number words, closeness."""

from __future__ import annotations

import re

from bilateral.claims.dates import find_dates

NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(%|percent|per cent|"
                    r"km|kilometres|kilometers|bcm|billion|million|barrels|b/d)?", re.I)
NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}


def digits(text: str) -> str:
    """'Five peacekeepers' -> '5 peacekeepers'."""
    return re.sub(r"\b(" + "|".join(NUMBER_WORDS) + r")\b",
                  lambda m: NUMBER_WORDS[m.group(1).lower()], text, flags=re.I)


SCALED = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")(?=\s+(?:million|billion|thousand|"
                    r"percent|per cent)\b)", re.I)


def numbers(sentence: str) -> list[tuple[float, str]]:
    """Figures in a text, leaving out years and the numbers inside written dates; 'two
    million' is the figure 2 million."""
    sentence = SCALED.sub(lambda m: NUMBER_WORDS[m.group(1).lower()].rjust(len(m.group(1))),
                          sentence)
    for d in find_dates(sentence):
        a, b = d.span
        sentence = sentence[:a] + " " * (b - a) + sentence[b:]
    out = []
    for m in NUMBER.finditer(sentence):
        raw = m.group(1).replace(",", "")
        value = float(raw)
        if 1800 <= value <= 2100 and not m.group(2) and "," not in m.group(1):
            continue  # a year, not a figure
        out.append((value, (m.group(2) or "").lower()))
    return out


def close(a: float, b: float, tolerance: float = 0.05) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1)



def show(value: float) -> str:
    """1200000.0 -> '1,200,000'; 8.71 -> '8.71'."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,g}"
