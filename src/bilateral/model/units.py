"""Capacity units of the energy network and their conversion through cited factors.

Every capacity is converted into its commodity's network unit before flows are computed; the
factors come from the knowledge base's `unit_conversions` table, never from constants here,
so each one carries its source.
"""

from __future__ import annotations

from collections.abc import Iterable

from bilateral.errors import InputError

# The unit each commodity's network is computed in: the unit most sources quote.
NETWORK_UNITS = {"gas": "bcm/y", "oil": "b/d"}

Factors = dict[tuple[str, str, str], float]


def factor_table(rows: Iterable[dict]) -> Factors:
    """(commodity, from_unit, to_unit) -> factor, with each cited factor's inverse added."""
    table: Factors = {}
    for row in rows:
        key = (row["commodity"], row["from_unit"], row["to_unit"])
        table[key] = float(row["factor"])
        inverse = (row["commodity"], row["to_unit"], row["from_unit"])
        table.setdefault(inverse, 1 / float(row["factor"]))
    return table


def convertible(commodity: str, from_unit: str, to_unit: str, factors: Factors) -> bool:
    return from_unit == to_unit or (commodity, from_unit, to_unit) in factors


def convert(value: float, commodity: str, from_unit: str, to_unit: str,
            factors: Factors) -> float:
    """`value` in `to_unit`; an InputError names the units when no cited factor links them."""
    if from_unit == to_unit:
        return value
    try:
        return value * factors[(commodity, from_unit, to_unit)]
    except KeyError:
        known = sorted({u for c, a, b in factors if c == commodity for u in (a, b)})
        raise InputError(f"no cited factor converts {commodity} {from_unit} to {to_unit}; "
                         f"{commodity} units with factors: {', '.join(known) or 'none'}") \
            from None
