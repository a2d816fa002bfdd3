"""Route geometry for the map: the energy network's segments as lines between sourced points."""

from __future__ import annotations


def route_lines(items: list[dict]) -> list[dict]:
    return []
