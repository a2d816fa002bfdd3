"""Rebuild the shipped codebooks from the upstream files in ../shared/data.

Run from the repository root: `python data-raw/make_codebooks.py [SHARED_DATA_DIR]`.
Outputs CSVs under src/bilateral/data/codebooks/ (datapackage.json there is hand-written and
records each table's provenance and licence).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "bilateral" / "data" / "codebooks"
SHARED = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"

# GDELT groups CAMEO roots into four quad classes (GDELT 2.0 Event Codebook, QuadClass field).
GDELT_QUAD = {**{f"{r:02d}": 1 for r in range(1, 6)}, **{f"{r:02d}": 2 for r in range(6, 9)},
              **{f"{r:02d}": 3 for r in range(9, 14)}, **{f"{r:02d}": 4 for r in range(14, 21)}}


def write(name: str, header: list[str], rows: list[list]) -> None:
    with open(OUT / name, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"{name}: {len(rows)} rows")


def cameo_events() -> None:
    icews = {r["code"]: r for r in csv.DictReader(
        open(SHARED / "icews-andybega" / "cameo-codes.csv", encoding="latin-1"))}
    forge = json.load(open(SHARED / "gdelt-GdeltForge" / "cameo_codes.json"))["EVENT_CODES"]
    rows = []
    for code in sorted(set(icews) | set(forge)):
        if code in icews:
            name, goldstein, in_manual = icews[code]["name"].strip(), icews[code]["goldstein"], "true"
        else:  # seen in the GDELT archive but absent from the CAMEO 1.1b3 manual
            name, goldstein, in_manual = forge[code].strip(), "", "false"
        rows.append([code, name, code[:3] if len(code) > 3 else code, code[:2], len(code) - 1,
                     goldstein, GDELT_QUAD[code[:2]], in_manual])
    write("cameo_events.csv", ["code", "name", "base_code", "root_code", "level", "goldstein",
                               "quad_class", "in_manual"], rows)


def plover() -> None:
    line = re.compile(r"^(\d{2,4}):\s*([A-Z]*)\s*,\s*([a-z_]*)\s*,\s*([a-z_]*)\s*(?:#\s*(.*))?$")
    rows, roots, seen = [], {}, set()
    for raw in open(SHARED / "plover-openeventdata" / "CAMEO2PLOVER-2021.txt", encoding="utf-8"):
        raw = raw.strip()
        if m := line.match(raw):
            code, event, mode, context, desc = m.groups()
            if code not in seen:  # upstream lists 175 twice; the first line wins
                seen.add(code)
                rows.append([code, event or "", mode, context, (desc or "").strip()])
        elif m := re.match(r"^(\d{2}):\s*([A-Z]+)$", raw):
            roots.setdefault(m.group(1), set()).add(m.group(2))
    for root, events in sorted(roots.items()):
        if len(events) == 1:  # a root that splits across PLOVER types maps no further
            rows.append([root, events.pop(), "", "", "CAMEO root"])
    rows.sort()
    write("cameo_plover.csv", ["cameo_code", "plover_event", "plover_mode", "plover_context",
                               "cameo_name"], rows)


def countries() -> None:
    info = [l.rstrip("\n").split("\t") for l in
            open(SHARED / "gdelt-spark-gdelt" / "reference" / "countryInfo.txt", encoding="utf-8")]
    cameo = dict(l.rstrip("\n").split("\t")[:2] for l in list(
        open(SHARED / "gdelt-spark-gdelt" / "reference" / "cameoCountry.txt", encoding="utf-8"))[1:])
    cow = {}
    for l in open(SHARED / "icews-text_to_CAMEO" / "countrynames.txt", encoding="utf-8"):
        parts = l.rstrip("\n").split("\t")
        if len(parts) == 3 and len(parts[1]) == 3 and parts[2].strip().isdigit() and parts[2] != "000":
            cow.setdefault(parts[1], int(parts[2]))
    by_label = {v.lower(): k for k, v in cameo.items()}
    rows = []
    for parts in info[1:]:
        iso2, iso3, fips, name = parts[0], parts[1], parts[3], parts[4]
        code = iso3 if iso3 in cameo else by_label.get(name.lower(), "")
        rows.append([iso3, iso2, name, code, fips, cow.get(iso3, "")])
    write("countries.csv", ["iso3", "iso2", "name", "cameo", "fips", "cow"], sorted(rows))


def country_names() -> None:
    """Names that event datasets use for countries (ICEWS writes 'Russian Federation')."""
    names = {}
    for parts in (line.rstrip("\n").split("\t") for line in open(
            SHARED / "gdelt-spark-gdelt" / "reference" / "countryInfo.txt", encoding="utf-8")):
        if len(parts) > 4 and len(parts[1]) == 3 and parts[1] != "ISO3":
            names.setdefault(parts[4], parts[1])
    for line in open(SHARED / "icews-text_to_CAMEO" / "countrynames.txt", encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 3 and len(parts[1]) == 3 and parts[1].isalpha() and parts[1] != "---":
            names.setdefault(parts[0], parts[1])
    write("country_names.csv", ["name", "iso3"], sorted([n, i] for n, i in names.items()))


if __name__ == "__main__":
    cameo_events()
    plover()
    countries()
    country_names()
