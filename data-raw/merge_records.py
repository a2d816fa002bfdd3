"""Merge research records (JSON Lines, see data-raw/RECORDS.md) into the knowledge-base CSVs.

    python data-raw/merge_records.py FILE.jsonl [FILE.jsonl ...]

Records are upserted by id, so re-running with the same files changes nothing. Every row goes
through the model's record types, so the CSVs stay in the package's column order and format.
Run `bilateral validate` afterwards.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bilateral.model import RECORD_TYPES  # noqa: E402

KB = ROOT / "knowledge-base"
OFFICES = {"president": ("head-of-state", "President"),
           "prime-minister": ("head-of-government", "Prime Minister"),
           "foreign-minister": ("foreign-minister", "Minister of Foreign Affairs")}
OTHER_OFFICES = {  # offices held before or beside the top ones: (state, full title)
    "kgb-chair-azssr": ("sun", "Chairman of the KGB of the Azerbaijan SSR"),
    "first-secretary-azcp": ("sun", "First Secretary of the Communist Party of Azerbaijan"),
    "politburo-member": ("sun", "Full member of the Politburo of the CPSU Central Committee"),
    "first-deputy-premier-ussr": ("sun", "First Deputy Chairman of the USSR Council of "
                                         "Ministers"),
    "nakhchivan-chair": ("aze", "Chairman of the Supreme Majlis of Nakhchivan"),
    "fsb-director": ("rus", "Director of the Federal Security Service of Russia"),
    "security-council-secretary": ("rus", "Secretary of the Security Council of Russia"),
    "socar-first-vice-president": ("aze", "First Vice-President of SOCAR"),
}
COUNTRY_NAMES = {"AZE": "Azerbaijan", "RUS": "Russia"}
KEYS = {"aliases": ("entity_id", "alias"), "event_actors": ("event_id", "entity_id", "role"),
        "memberships": ("organisation_id", "member_id", "role"),
        "agreement_parties": ("agreement_id", "entity_id", "role"),
        "infrastructure_owners": ("infrastructure_id", "owner_id")}


def load() -> dict[str, dict[tuple, dict]]:
    tables = {}
    for name in RECORD_TYPES:
        with open(KB / f"{name}.csv", encoding="utf-8", newline="") as fh:
            key = KEYS.get(name, ("id",))
            tables[name] = {tuple(r[k] for k in key): r for r in csv.DictReader(fh)}
    return tables


def save(tables) -> None:
    for name, rows in tables.items():
        cls = RECORD_TYPES[name]
        records = [cls.from_row(r) for r in rows.values()]
        if name == "events":
            records.sort(key=lambda r: (r.date, r.id))
        else:
            key = KEYS.get(name, ("id",))
            records.sort(key=lambda r: tuple(str(getattr(r, k)) for k in key))
        with open(KB / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(cls.model_fields), lineterminator="\n")
            writer.writeheader()
            writer.writerows(r.to_row() for r in records)


def put(tables, name: str, row: dict) -> None:
    key = KEYS.get(name, ("id",))
    row = {k: ("" if v is None else v) for k, v in row.items()}
    tables[name][tuple(str(row[k]) for k in key)] = {k: str(v) for k, v in row.items()}


def lst(values) -> str:
    return ";".join(dict.fromkeys(v for v in values or [] if v))


def _precision(value: str | None) -> str | None:
    return {4: "year", 7: "month", 10: "day"}.get(len(value)) if value else None


def _first_day(value: str | None) -> str | None:
    """'1997' -> '1997-01-01', '1997-10' -> '1997-10-01'."""
    if not value:
        return None
    return {4: value + "-01-01", 7: value + "-01"}.get(len(value), value)


def merge(tables, records: list[dict]) -> None:
    url_ids = {r["url"]: r["id"] for r in tables["sources"].values()}
    rename: dict[str, str] = {}
    for rec in records:
        if rec["type"] == "source":
            if rec["url"] in url_ids and url_ids[rec["url"]] != rec["id"]:
                rename[rec["id"]] = url_ids[rec["url"]]
                continue
            url_ids[rec["url"]] = rec["id"]
            put(tables, "sources", {k: rec.get(k) for k in
                                    ("id", "url", "title", "publisher", "published", "kind",
                                     "language")})
    fix = lambda ids: lst(rename.get(i, i) for i in ids or [])  # noqa: E731
    countries = {r["person_id"]: r["country"] for r in records if r["type"] == "term"}
    for rec in records:
        kind = rec["type"]
        if kind in {"person", "entity"}:
            old = tables["entities"].get((rec["id"],), {})
            put(tables, "entities", {
                **{f: old.get(f, "") for f in RECORD_TYPES["entities"].model_fields},
                "id": rec["id"], "name": rec["name"],
                "kind": "person" if kind == "person" else rec["kind"],
                "country": rec.get("country") or countries.get(rec["id"]) or old.get("country"),
                "wikidata": rec.get("wikidata") or old.get("wikidata"),
                "exists_from": rec.get("born") or rec.get("exists_from") or old.get("exists_from"),
                "exists_until": rec.get("died") or rec.get("exists_until")
                or old.get("exists_until"),
                "source_ids": fix((old.get("source_ids") or "").split(";")
                                  + (rec.get("source_ids") or []))})
            for alias in rec.get("aliases", []):
                if alias["alias"].strip() and alias["alias"] != rec["name"]:
                    put(tables, "aliases", {"entity_id": rec["id"], "alias": alias["alias"].strip(),
                                            "language": alias.get("language") or "en",
                                            "kind": alias.get("kind") or "transliteration",
                                            "valid_from": "", "valid_until": ""})
        elif kind == "term":
            state = rec["country"].lower()
            if rec["office"] in OTHER_OFFICES:
                state, title = OTHER_OFFICES[rec["office"]]
                office_kind, office_id, host = "other", rec["office"], ""
            elif rec["office"] == "ambassador":
                host = rec["accredited_to"]
                office_kind, office_id = "ambassador", f"{state}-ambassador-{host.lower()}"
                title = (f"Ambassador of {COUNTRY_NAMES[rec['country']]} to "
                         f"{COUNTRY_NAMES[host]}")
            else:
                office_kind, title = OFFICES[rec["office"]]
                office_id, host = f"{state}-{rec['office']}", ""
                title = f"{title} of {COUNTRY_NAMES[rec['country']]}"
            put(tables, "offices", {"id": office_id, "title": title, "state_id": state,
                                    "kind": office_kind, "accredited_to": host.lower(),
                                    "complete_since": tables["offices"].get(
                                        (office_id,), {}).get("complete_since", "")})
            put(tables, "terms", {
                "id": f"{office_id}-{rec['person_id']}-{rec['start']}",
                "person_id": rec["person_id"], "office_id": office_id, "start": rec["start"],
                "end": rec.get("end"), "acting": "true" if rec.get("acting") else "false",
                "date_precision": rec.get("precision") or "day",
                "source_ids": fix(rec.get("source_ids")), "note": rec.get("note")})
        elif kind == "event":
            put(tables, "events", {
                "id": rec["id"], "date": rec["date"], "date_end": rec.get("date_end"),
                "date_precision": rec.get("precision") or "day", "title": rec["title"],
                "summary": rec["summary"], "kind": rec["kind"], "cameo": rec["cameo"],
                "goldstein": rec.get("goldstein"), "quad_class": rec.get("quad_class"),
                "override_reason": rec.get("override_reason"), "plover": rec.get("plover"),
                "pillars": lst(rec["pillars"]), "importance": rec["importance"],
                "agreement_ids": lst(rec.get("agreement_ids")),
                "infrastructure_ids": lst(rec.get("infrastructure_ids")),
                "source_ids": fix(rec.get("source_ids"))})
            for actor in rec.get("actors", []):
                put(tables, "event_actors", {"event_id": rec["id"], "entity_id": actor["id"],
                                             "role": actor["role"]})
        elif kind == "infrastructure":
            old = tables["entities"].get((rec["id"],), {})
            put(tables, "entities", {
                **{f: old.get(f, "") for f in RECORD_TYPES["entities"].model_fields},
                "id": rec["id"], "name": rec.get("name") or old.get("name"),
                "kind": "infrastructure", "country": old.get("country") or rec.get("country"),
                "exists_from": rec.get("opened") or old.get("exists_from"),
                "exists_until": rec.get("closed") or old.get("exists_until")})
            note = rec.get("capacity_note")
            summary = rec.get("summary") or ""
            put(tables, "infrastructure", {
                "id": rec["id"], "commodity": rec["commodity"], "capacity": rec.get("capacity"),
                "capacity_unit": rec.get("capacity_unit"), "route": rec.get("route"),
                "length_km": rec.get("length_km"), "operator_id": rec.get("operator"),
                "opened": rec.get("opened"), "closed": rec.get("closed"),
                "summary": f"{summary} {note}".strip() if note else summary,
                "source_ids": fix(rec.get("source_ids"))})
        elif kind == "owner":
            put(tables, "infrastructure_owners", {
                "infrastructure_id": rec["infrastructure_id"], "owner_id": rec["owner_id"],
                "stake_pct": rec.get("stake_pct"), "as_of": rec.get("as_of"),
                "source_ids": fix(rec.get("source_ids"))})
        elif kind == "membership":
            put(tables, "memberships", {
                "organisation_id": rec["organisation_id"], "member_id": rec["member_id"],
                "role": rec["role"], "start": _first_day(rec.get("start")),
                "end": _first_day(rec.get("end")),
                "date_precision": _precision(rec.get("start")) or rec.get("precision") or "day",
                "end_precision": _precision(rec.get("end")),
                "source_ids": fix(rec.get("source_ids"))})
        elif kind == "agreement":
            put(tables, "agreements", {
                "id": rec["id"], "title": rec["title"], "date": rec["date"],
                "date_precision": rec.get("precision") or "day", "kind": rec["kind"],
                "scope": rec["scope"], "pillars": lst(rec["pillars"]),
                "place_id": rec.get("place"), "in_force": rec.get("in_force"),
                "summary": rec["summary"], "source_ids": fix(rec.get("source_ids"))})
            for role, ids in (("party", rec.get("parties")), ("signatory", rec.get("signatories")),
                              ("mediator", rec.get("mediators"))):
                for entity_id in ids or []:
                    put(tables, "agreement_parties", {"agreement_id": rec["id"],
                                                      "entity_id": entity_id, "role": role})


def fill_state_codes(tables) -> None:
    """States carry their ISO, CAMEO and COW codes from the shipped country codebook."""
    from bilateral.model.codebooks import countries

    known = countries()
    for row in tables["entities"].values():
        country = known.get(row["id"].upper())
        if row["kind"] == "state" and country:
            row["iso3"], row["country"] = country.iso3, country.iso3
            row["cameo"] = country.cameo or ""
            row["cow"] = str(country.cow or "")


if __name__ == "__main__":
    tables = load()
    for path in sys.argv[1:]:
        merge(tables, [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()])
    fill_state_codes(tables)
    save(tables)
    print({name: len(rows) for name, rows in tables.items()})
