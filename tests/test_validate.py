"""The validator: every problem slug caught at its exact place, on one broken package each."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilateral.kb.package import default_package
from bilateral.kb.validate import validate_package
from bilateral.problems import CATALOGUE

from conftest import MINI, EditablePackage

EVENT = 0  # first event row of the mini package: 1994-05-12-karabakh-ceasefire


def found(report, path: Path, line: int, column: int, slug: str) -> bool:
    return any(p.slug == slug and p.row == line and p.column == column
               and Path(p.path).resolve() == path.resolve() for p in report.problems)


def describe(report) -> str:
    return "\n".join(str(p) for p in report.sorted())


def test_shipped_package_is_valid():
    report = validate_package()
    assert report.errors == [], describe(report)
    assert report.stats["events"] >= 30


def test_mini_fixture_is_valid_and_single_line():
    report = validate_package(MINI)
    assert report.problems == [], describe(report)
    for name, rows in report.stats.items():  # the tests' line arithmetic needs one line a row
        text = (MINI / f"{name}.csv").read_text(encoding="utf-8")
        assert text.count("\n") == rows + 1, name


def test_shipped_package_passes_frictionless_itself():
    frictionless = Path(sys.executable).with_name("frictionless")
    result = subprocess.run([str(frictionless), "validate", "--json",
                             str(default_package() / "datapackage.json")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:]
    assert json.loads(result.stdout)["valid"] is True


# Each case breaks the mini package in one way; (table, field) is where the problem must point.
def _set(table, field, value, index=EVENT):
    def apply(pkg: EditablePackage):
        return (table, *pkg.set(table, index, field, value))
    return apply


def _append(table, row):
    def apply(pkg: EditablePackage):
        line = pkg.append(table, row)
        field = next(iter(row))
        return table, line, pkg.column(table, field)
    return apply


def _duplicate(table, index=0):
    def apply(pkg: EditablePackage):
        line = pkg.append(table, pkg.row(table, index))
        return table, line, 1
    return apply


def _term_overlap(other_person: bool, acting: str = "false"):
    def apply(pkg: EditablePackage):
        term = pkg.row("terms", 1)
        person = "vladimir-putin" if other_person else term["person_id"]
        line = pkg.append("terms", {**term, "id": "overlap-test", "person_id": person,
                                    "acting": acting})
        return "terms", line, pkg.column("terms", "start")
    return apply


def _strip_actors(pkg: EditablePackage):
    event_id = pkg.row("events", EVENT)["id"]
    pkg.delete("event_actors", lambda r: r["event_id"] != event_id)
    return "events", EVENT + 2, pkg.column("events", "id")


def _dead_actor(pkg: EditablePackage):
    _, rows = pkg.read("events")
    index = next(i for i, r in enumerate(rows) if r["id"] == "2003-12-15-funeral-putin-attends")
    line = pkg.append("event_actors", {"event_id": rows[index]["id"],
                                       "entity_id": "heydar-aliyev", "role": "source"})
    return "event_actors", line, pkg.column("event_actors", "entity_id")


def _bad_header(pkg: EditablePackage):
    path = pkg.path("events")
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[0] = lines[0].replace(",title,", ",titel,")
    path.write_text("\n".join(lines), encoding="utf-8")
    return "events", 1, pkg.column("events", "titel")


def _extra_cell(pkg: EditablePackage):
    path = pkg.path("sources")
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[3] += ",surplus"
    path.write_text("\n".join(lines), encoding="utf-8")
    return "sources", 4, len(pkg.read("sources")[0]) + 1


def _precision_mismatch(pkg: EditablePackage):
    """A day in the 12th with month precision: the date cell says too much."""
    pkg.set("events", EVENT, "date_precision", "month")
    return "events", EVENT + 2, pkg.column("events", "date")


def _code_without_goldstein(pkg: EditablePackage):
    """CAMEO 155 occurs in GDELT but not in the manual: the empty goldstein cell must be filled."""
    pkg.set("events", EVENT, "cameo", "155")
    return "events", EVENT + 2, pkg.column("events", "goldstein")


def _duplicate_url(pkg: EditablePackage):
    first = pkg.row("sources", 0)
    line = pkg.append("sources", {**first, "id": "same-page-again"})
    return "sources", line, pkg.column("sources", "url")


def _unsourced_stake(pkg: EditablePackage):
    line = pkg.append("infrastructure_owners", {"infrastructure_id": "gabala-radar-station",
                                                "owner_id": "rus", "stake_pct": "100"})
    return "infrastructure_owners", line, pkg.column("infrastructure_owners", "source_ids")


def _segment(**changes):
    """A segment of the mini package's energy network with one field changed."""
    def apply(pkg: EditablePackage):
        field, value = next(iter(changes.items()))
        return ("energy_segments", *pkg.set("energy_segments", 0, field, value))
    return apply


CASES = {
    "bad-header": _bad_header,
    "bad-row": _extra_cell,
    "missing-value": _set("events", "title", ""),
    "bad-date": _set("events", "date", "2001-02-30"),
    "bad-value": _set("terms", "acting", "maybe"),
    "not-in-enum": _set("events", "kind", "party"),
    "bad-format": _set("entities", "wikidata", "X12"),
    "out-of-range": _set("events", "goldstein", "11"),
    "duplicate-id": _duplicate("sources"),
    "dangling-reference": _set("event_actors", "entity_id", "nobody", 0),
    "unknown-source": _set("events", "source_ids", "no-such-source"),
    "unsourced-event": _set("events", "source_ids", ""),
    "unsourced-term": _set("terms", "source_ids", ""),
    "unsourced-agreement": _set("agreements", "source_ids", ""),
    "unsourced-infrastructure": _set("infrastructure", "source_ids", "", 0),
    "unsourced-stake": _unsourced_stake,
    "unsourced-energy-node": _set("energy_nodes", "source_ids", "", 0),
    "unsourced-segment": _segment(source_ids=""),
    "unsourced-conversion": _set("unit_conversions", "source_ids", "", 0),
    "unknown-unit": _segment(capacity_unit="t/y"),
    "unsourced-membership": _append("memberships", {"source_ids": "", "organisation_id": "rus",
                                                    "member_id": "aze", "role": "member",
                                                    "date_precision": "year"}),
    "end-before-start": _set("terms", "end", "1990-01-01", 1),
    "date-precision-mismatch": _precision_mismatch,
    "unknown-cameo-code": _set("events", "cameo", "999"),
    "unexplained-override": _set("events", "goldstein", "-9.5"),
    "missing-goldstein": _code_without_goldstein,
    "overlapping-terms": _term_overlap(other_person=False),
    "office-held-twice": _term_overlap(other_person=True),
    "wrong-entity-kind": _set("terms", "person_id", "aze", 1),
    "actor-outside-lifetime": _dead_actor,
    "event-without-actors": _strip_actors,
    "bad-url": _set("sources", "url", "not a url", 0),
    "unknown-country-code": _set("entities", "country", "XYZ", 0),
    "unused-source": _append("sources", {"id": "orphan", "url": "https://example.org/page",
                                         "title": "T", "publisher": "P", "kind": "news",
                                         "language": "en"}),
    "duplicate-url": _duplicate_url,
    "ambiguous-alias": _append("aliases", {"alias": "Moscow", "entity_id": "baku",
                                           "language": "en", "kind": "transliteration"}),
}


def test_every_slug_has_a_case():
    untested = set(CATALOGUE) - set(CASES) - {"bad-package", "missing-table"}
    assert not untested


@pytest.mark.parametrize("slug", sorted(CASES))
def test_slug_is_reported_at_its_place(package: EditablePackage, slug: str):
    table, line, column = CASES[slug](package)
    report = validate_package(package.root)
    assert found(report, package.path(table), line, column, slug), describe(report)
    assert report.valid is (CATALOGUE[slug][1] == "warning")


def test_segment_to_an_unknown_node_is_a_dangling_reference(package: EditablePackage):
    line, column = package.set("energy_segments", 1, "to_node", "atlantis")
    report = validate_package(package.root)
    assert found(report, package.path("energy_segments"), line, column, "dangling-reference"), \
        describe(report)


def test_segment_via_an_unknown_waypoint_is_a_dangling_reference(package: EditablePackage):
    line, column = package.set("energy_segments", 0, "via", "atlantis")
    report = validate_package(package.root)
    assert found(report, package.path("energy_segments"), line, column, "dangling-reference"), \
        describe(report)


def test_segment_through_an_unknown_country_is_reported(package: EditablePackage):
    line, column = package.set("energy_segments", 0, "countries", "AZE;XYZ")
    report = validate_package(package.root)
    assert found(report, package.path("energy_segments"), line, column,
                 "unknown-country-code"), describe(report)


def test_unreadable_descriptor_is_one_problem(package: EditablePackage):
    (package.root / "datapackage.json").write_text("{not json", encoding="utf-8")
    report = validate_package(package.root)
    assert [p.slug for p in report.problems] == ["bad-package"]


def test_missing_table_is_reported(package: EditablePackage):
    package.path("agreement_parties").unlink()
    report = validate_package(package.root)
    assert found(report, package.path("agreement_parties"), 1, 1, "missing-table"), \
        describe(report)


def test_all_problems_are_reported_not_just_the_first(package: EditablePackage):
    """The four of the acceptance check, at once: each named with its path:row:column."""
    expected = [
        ("events", *package.set("events", 1, "date", "1997-13-03"), "bad-date"),
        ("events", *package.set("events", 2, "cameo", "999"), "unknown-cameo-code"),
        ("events", *package.set("events", 3, "source_ids", ""), "unsourced-event"),
        ("event_actors", *package.set("event_actors", 5, "entity_id", "ghost"),
         "dangling-reference"),
    ]
    report = validate_package(package.root)
    assert {p.slug for p in report.errors} == {e[3] for e in expected}, describe(report)
    for table, line, column, slug in expected:
        assert found(report, package.path(table), line, column, slug), describe(report)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12))
def test_any_date_cell_is_either_valid_or_reported_there(package: EditablePackage, junk: str):
    from datetime import date

    line, column = package.set("events", 2, "date", junk)
    report = validate_package(package.root)
    here = [p for p in report.problems if Path(p.path).name == "events.csv" and p.row == line
            and p.column == column]
    try:
        date.fromisoformat(junk.strip())
        is_date = len(junk.strip()) == 10 and junk == junk.strip()
    except ValueError:
        is_date = False
    if is_date:
        assert not [p for p in here if p.slug in {"bad-date", "missing-value"}]
    else:
        assert {p.slug for p in here} & {"bad-date", "missing-value"}, describe(report)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=st.text(alphabet="0123456789xX ", min_size=1, max_size=6))
def test_any_cameo_cell_is_known_or_reported_there(package: EditablePackage, code: str):
    from bilateral.model.codebooks import cameo_codes

    line, column = package.set("events", 1, "cameo", code)
    report = validate_package(package.root)
    slugs = {p.slug for p in report.problems if p.row == line and p.column == column}
    if code in cameo_codes():
        assert not slugs & {"bad-format", "unknown-cameo-code"}
    else:
        assert slugs & {"bad-format", "unknown-cameo-code", "missing-value"}, describe(report)


cells = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=","),
                max_size=15)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(row=st.lists(cells, min_size=0, max_size=22),
       table=st.sampled_from(["events", "terms", "sources", "event_actors"]))
def test_any_malformed_row_is_reported_on_its_line_and_nothing_crashes(
        package: EditablePackage, row: list[str], table: str):
    path = package.path(table)
    lines_before = path.read_text(encoding="utf-8").count("\n")
    with open(path, "a", encoding="utf-8", newline="") as fh:
        fh.write(",".join(f'"{c.replace(chr(34), chr(34) * 2)}"' for c in row) + "\n")
    report = validate_package(package.root)
    line = lines_before + 1
    on_line = [p for p in report.problems if Path(p.path).name == path.name and p.row == line]
    assert report.stats[table] == lines_before  # the new row was read as one more row
    assert on_line, f"nothing reported on line {line}:\n{describe(report)}"
    assert not report.valid
