"""The shipped knowledge base: its size, its coverage, and the essay's items mapped to records."""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from bilateral.kb.names import normalise
from bilateral.kb.package import default_package
from bilateral.kb.validate import validate_package

from conftest import REPO

KB = default_package()
ESSAY = REPO.parent / "shared" / "seed" / "aliyev-putin-essay.txt"
PILLARS = ("energy", "security", "economy", "political")


def rows(table: str) -> list[dict]:
    with open(KB / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_package_is_valid_with_every_record_sourced():
    report = validate_package(KB)
    assert report.valid, "\n".join(str(p) for p in report.errors)
    for table in ("events", "terms", "agreements", "infrastructure"):
        assert all(r["source_ids"] for r in rows(table)), table


def test_at_least_250_events_from_1991_to_2025():
    events = rows("events")
    assert len(events) >= 250
    years = sorted(int(e["date"][:4]) for e in events)
    assert years[0] == 1991 and years[-1] == 2025


@pytest.mark.parametrize("decade", [1990, 2000, 2010, 2020])
def test_every_decade_has_events_in_every_pillar(decade: int):
    counts = Counter(p for e in rows("events") if int(e["date"][:4]) // 10 * 10 == decade
                     for p in e["pillars"].split(";"))
    assert all(counts[p] >= 3 for p in PILLARS), counts


def test_heads_of_state_government_and_foreign_ministers_since_1991():
    offices = {(o["state_id"], o["kind"]): o["id"] for o in rows("offices")}
    held = defaultdict(list)
    for t in rows("terms"):
        held[t["office_id"]].append(t)
    for state in ("aze", "rus"):
        for kind in ("head-of-state", "head-of-government", "foreign-minister"):
            terms = sorted(held[offices[(state, kind)]], key=lambda t: t["start"])
            assert terms[0]["start"] <= "1991-12-31", (state, kind)
            assert [t for t in terms if not t["end"]], f"nobody holds {state} {kind} today"


def test_every_event_has_a_source_actor_or_participant():
    roles = defaultdict(set)
    for a in rows("event_actors"):
        roles[a["event_id"]].add(a["role"])
    assert all(roles[e["id"]] & {"source", "participant"} for e in rows("events"))


def _essay_mentions() -> set[str]:
    """Entities the essay names, found through every alias and name in the package."""
    text = f" {normalise(ESSAY.read_text(encoding='utf-8'))} "
    names = [(r["name"], r["id"]) for r in rows("entities")]
    names += [(r["alias"], r["entity_id"]) for r in rows("aliases") if r["kind"] != "metonym"]
    kinds = {r["id"]: r["kind"] for r in rows("entities")}
    found = set()
    for name, entity_id in names:
        key = normalise(name)
        if len(key) > 3 and f" {key} " in text and kinds[entity_id] != "place":
            found.add(entity_id)
    return found


@pytest.mark.skipif(not ESSAY.exists(), reason="the seed essay lives in ../shared")
def test_every_actor_the_essay_names_is_in_the_essay_map():
    mapped = {ref.split(":", 1)[1] for item in rows("essay_items")
              for ref in item["records"].split(";") if ref.startswith("entities:")}
    mentioned = _essay_mentions()
    assert {"heydar-aliyev", "vladimir-putin", "ilham-aliyev", "aze", "rus", "arm", "tur", "irn",
            "btc-pipeline", "southern-gas-corridor"} <= mentioned
    assert mentioned - mapped == set()


def test_essay_map_covers_every_section_and_kind():
    items = rows("essay_items")
    assert {i["section"] for i in items} == {"context", "pillars", "milestones", "legacy"}
    assert {i["kind"] for i in items} == {"actor", "pillar", "milestone", "legacy"}
    pillar_items = " ".join(i["id"] for i in items if i["kind"] == "pillar")
    assert all(re.search(rf"pillar-{p}\b", pillar_items) for p in PILLARS)
    corrected = [i for i in items if i["assessment"] != "supported"]
    assert all(i["note"] for i in corrected), "a corrected or vague item must say why"


def test_essay_map_points_only_at_existing_records():
    ids = {t: {r["id"] for r in rows(t)} for t in
           ("events", "agreements", "entities", "terms", "infrastructure")}
    for item in rows("essay_items"):
        for ref in item["records"].split(";"):
            table, _, record_id = ref.partition(":")
            assert record_id in ids[table], (item["id"], ref)


def test_infrastructure_capacities_carry_units_and_sources():
    for r in rows("infrastructure"):
        assert bool(r["capacity"]) == bool(r["capacity_unit"]), r["id"]
        assert r["source_ids"], r["id"]
    owners = defaultdict(float)
    for o in rows("infrastructure_owners"):
        if o["stake_pct"]:
            owners[(o["infrastructure_id"], o["as_of"])] += float(o["stake_pct"])
    assert all(total <= 100.01 for total in owners.values()), owners


def test_no_alias_is_claimed_by_two_entities():
    report = validate_package(KB)
    assert not [p for p in report.problems if p.slug == "ambiguous-alias"]


def test_package_copy_in_repo_is_the_shipped_one():
    assert (REPO / "knowledge-base").resolve() == Path(KB).resolve()
