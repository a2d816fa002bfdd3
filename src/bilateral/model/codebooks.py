"""The shipped codebooks (CAMEO, PLOVER, countries, pillars), read once from package data."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

GOLDSTEIN_TABLE = "cameo-icews"  # which published Goldstein table the codebook values come from


def codebook_dir() -> Path:
    return Path(str(resources.files("bilateral") / "data" / "codebooks"))


def _rows(name: str) -> list[dict[str, str]]:
    with open(codebook_dir() / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    base_code: str
    root_code: str
    goldstein: float | None
    quad_class: int
    in_manual: bool
    plover: str | None


@cache
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO event code, keyed by code ('042'), with its Goldstein score and PLOVER type."""
    plover = {r["cameo_code"]: r["plover_event"] or None for r in _rows("cameo_plover")}
    codes = {}
    for r in _rows("cameo_events"):
        code = r["code"]
        mapped = plover.get(code) or plover.get(r["base_code"]) or plover.get(r["root_code"])
        codes[code] = CameoCode(
            code=code, name=r["name"], base_code=r["base_code"], root_code=r["root_code"],
            goldstein=float(r["goldstein"]) if r["goldstein"] else None,
            quad_class=int(r["quad_class"]), in_manual=r["in_manual"] == "true", plover=mapped)
    return codes


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    cameo: str | None
    fips: str | None
    cow: int | None


@cache
def countries() -> dict[str, Country]:
    """Countries keyed by ISO 3166 alpha-3 code, with their CAMEO, FIPS 10-4 and COW codes."""
    return {r["iso3"]: Country(r["iso3"], r["iso2"], r["name"], r["cameo"] or None,
                               r["fips"] or None, int(r["cow"]) if r["cow"] else None)
            for r in _rows("countries")}


@cache
def pillars() -> dict[str, str]:
    return {r["id"]: r["name"] for r in _rows("pillars")}


@cache
def plover_types() -> dict[str, str]:
    """PLOVER event type -> 'cooperation' or 'conflict'."""
    return {r["id"]: r["category"] for r in _rows("plover_types")}
