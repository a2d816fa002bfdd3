"""The CLI end to end, through a subprocess, with exact output for the mini package."""

from __future__ import annotations

import json

import pytest

from conftest import MINI, EditablePackage

PKG = ["--package", str(MINI)]


def test_validate_valid_package_exits_0(cli):
    result = cli("validate", str(MINI))
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr == "valid package, 294 rows in 16 tables: 0 errors, 0 warnings\n"


def test_validate_names_each_problem_and_exits_1(cli, package: EditablePackage):
    package.set("events", 1, "date", "1997-13-03")
    package.set("events", 2, "cameo", "999")
    package.set("events", 3, "source_ids", "")
    package.set("event_actors", 5, "entity_id", "ghost")
    result = cli("validate", str(package.root))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [  # paths are relative to the working directory
        "kb/event_actors.csv:7:2: dangling-reference: entity_id: 'ghost' is not an id in "
        "entities.csv",
        "kb/events.csv:3:2: bad-date: date: '1997-13-03' is not a valid date",
        "kb/events.csv:4:8: unknown-cameo-code: '999' is not a CAMEO event code",
        "kb/events.csv:5:17: unsourced-event: events row cites no source",
        # the unsourced event's two sources are now cited by nothing: warnings, not errors
        "kb/sources.csv:7:1: unused-source: source 'aliyevheritage-2002-01-25-tete-a-tete' is "
        "cited by no record",
        "kb/sources.csv:25:1: unused-source: source 'defencetalk-gabala-lease' is cited by no "
        "record",
    ]
    as_json = json.loads(cli("validate", str(package.root), "--format", "json").stdout)
    assert as_json["valid"] is False
    assert [(p["row"], p["column"], p["field"], p["slug"]) for p in as_json["problems"]
            if p["severity"] == "error"] == [
        (7, 2, "entity_id", "dangling-reference"), (3, 2, "date", "bad-date"),
        (4, 8, "cameo", "unknown-cameo-code"), (5, 17, "source_ids", "unsourced-event")]


def test_build_then_up_to_date(cli):
    first = json.loads(cli("build", str(MINI), "--format", "json").stdout)
    second = json.loads(cli("build", str(MINI), "--format", "json").stdout)
    assert first["built"] is True and second["built"] is False
    assert first["tables"]["kb_events"] == 6 and first["tables"] == second["tables"]


@pytest.mark.parametrize("name", ["Heidar Aliyev", "Гейдар Алиев", "Heydər Əliyev",
                                  "heydar-aliyev", "HEYDAR ALIYEV"])
def test_entity_resolves_every_spelling(cli, name):
    result = cli("entity", name, *PKG, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "heydar-aliyev"


def test_entity_json_is_exact(cli, golden):
    golden("entity-heidar-aliyev.json", cli("entity", "Heidar Aliyev", *PKG, "-f", "json").stdout)


def test_entity_table_is_exact(cli, golden):
    golden("entity-putin.txt", cli("entity", "Putin", *PKG).stdout)


def test_events_json_is_exact(cli, golden):
    golden("events.json", cli("events", *PKG, "--format", "json").stdout)


@pytest.mark.parametrize("args, expected", [
    (["--actor", "Putin", "--pillar", "security"], ["2001-01-09-putin-visit-baku-declaration",
                                                    "2002-01-25-gabala-radar-agreement",
                                                    "2022-02-22-declaration-allied-interaction-signing"]),
    (["--since", "2001", "--until", "2002"], ["2001-01-09-putin-visit-baku-declaration",
                                              "2002-01-25-gabala-radar-agreement"]),
    (["--search", "funeral"], ["2003-12-15-funeral-putin-attends"]),
    (["--kind", "treaty"], ["1997-07-03-treaty-of-friendship"]),
    (["--actor", "Yeltsin", "--actor", "Heydar Aliyev"], ["1997-07-03-treaty-of-friendship"]),
    (["--until", "1994-05"], ["1994-05-12-karabakh-ceasefire"]),
])
def test_event_filters(cli, args, expected):
    result = cli("events", *PKG, *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [e["id"] for e in json.loads(result.stdout)] == expected


def test_event_json_carries_the_contract_fields(cli):
    event = json.loads(cli("events", *PKG, "--search", "Gabala", "-f", "json").stdout)[0]
    assert set(event) >= {"id", "date", "date_end", "date_precision", "title", "summary", "kind",
                          "cameo", "goldstein", "quad_class", "plover", "pillars", "importance",
                          "actors", "source_urls"}
    putin = [a for a in event["actors"] if a["id"] == "vladimir-putin"]
    assert putin and putin[0]["name"] == "Vladimir Putin"
    assert putin[0]["role"] in {"source", "target", "participant"}
    assert all(u.startswith("http") for u in event["source_urls"])


def test_events_csv_is_exact(cli, golden):
    golden("events-milestones.csv", cli("events", *PKG, "--importance", "1", "-f", "csv").stdout)


def test_offices_on_a_day(cli, golden):
    result = cli("offices", *PKG, "--on", "2001-01-09", "--format", "csv")
    golden("offices-2001-01-09.csv", result.stdout)
    assert "Heydar Aliyev" in result.stdout and "Vladimir Putin" in result.stdout


def test_offices_by_country(cli):
    rows = json.loads(cli("offices", *PKG, "--country", "rus", "-f", "json").stdout)
    assert {r["country"] for r in rows} == {"RUS"}
    acting = [r for r in rows if r["acting"]]
    assert ("Vladimir Putin", "1999-12-31") in {(r["person"], r["start"]) for r in acting}


def test_stats_json_is_exact(cli, golden):
    golden("stats.json", cli("stats", *PKG, "-f", "json").stdout)


def test_summary_is_exact(cli, golden):
    result = cli("summary", *PKG)
    assert result.returncode == 0, result.stderr
    golden("summary.txt", result.stdout)


def test_unknown_name_is_one_line_and_exit_1(cli):
    result = cli("entity", "Heydar Aliyevv", *PKG)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == \
        "Error: no entity is called 'Heydar Aliyevv'; did you mean heydar-aliyev?"


def test_ambiguous_surname_names_the_candidates(cli):
    result = cli("entity", "Aliyev", *PKG)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == \
        "Error: 'Aliyev' could mean heydar-aliyev, ilham-aliyev"


def test_bad_date_is_a_usage_error(cli):
    result = cli("events", *PKG, "--since", "2001-13")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == \
        "Error: --since: '2001-13' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"


def test_bad_option_value_is_a_usage_error(cli):
    result = cli("events", *PKG, "--pillar", "culture")
    assert result.returncode == 2 and "culture" in result.stderr


@pytest.mark.parametrize("command", ["validate", "build", "summary", "stats", "events", "entity",
                                     "offices"])
def test_every_command_explains_itself(cli, command):
    result = cli(command, "--help")
    assert result.returncode == 0 and "Usage:" in result.stdout and "--format" in result.stdout


def test_sources_check_is_clean_on_the_mini_package(cli):
    result = cli("sources", str(MINI), "--check")
    assert result.returncode == 0 and result.stdout == ""
    assert result.stderr == "85 sources, 85 cited: 0 errors, 0 warnings\n"


def test_sources_check_reports_orphans_and_unsourced_records(cli, package: EditablePackage):
    line = package.append("sources", {"id": "orphan", "url": "htp:/broken", "title": "T",
                                      "publisher": "P", "kind": "news", "language": "en"})
    package.set("terms", 0, "source_ids", "")
    result = cli("sources", str(package.root), "--check", "--format", "json")
    assert result.returncode == 1
    found = {(p["path"].split("/")[-1], p["row"], p["slug"])
             for p in json.loads(result.stdout)["problems"]}
    assert found == {("sources.csv", line, "unused-source"), ("sources.csv", line, "bad-url"),
                     ("terms.csv", 2, "unsourced-term")}


def test_sources_lists_the_most_cited_first(cli):
    rows = json.loads(cli("sources", str(MINI), "--format", "json").stdout)
    assert len(rows) == 85
    assert rows[0]["cited_by"] >= rows[-1]["cited_by"] >= 1
