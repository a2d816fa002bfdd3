"""The report: a golden context, citations that resolve, charts that render, exports."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

import bilateral
from bilateral.reporting.context import build_context
from bilateral.reporting.render import chart_names, render_charts, write_report

from conftest import MINI

LEADERS = ("heydar-aliyev", "vladimir-putin")


@pytest.fixture(scope="module")
def dyad(tmp_path_factory):
    return bilateral.load(package=MINI, db=tmp_path_factory.mktemp("db") / "mini.duckdb")


@pytest.fixture(scope="module")
def context(dyad):
    return build_context(dyad, LEADERS)


def sentences(context: dict) -> list[dict]:
    return [s for section in context["sections"] for block in section["blocks"]
            for s in block.get("sentences", []) + block.get("items", [])]


def test_context_is_exact(context, golden):
    """The report's content as plain data (open eras run to the package's cut-off date)."""
    golden("report-context-mini.json",
           json.dumps(context, ensure_ascii=False, indent=1, default=str) + "\n")


def test_every_sentence_cites_sources_that_resolve(context):
    numbers = {s["n"] for s in context["bibliography"]}
    assert numbers == set(range(1, len(numbers) + 1))
    cited = set()
    for sentence in sentences(context):
        assert sentence["cites"], sentence["text"]
        cited |= set(sentence["cites"])
    assert cited == numbers  # nothing in the bibliography goes uncited
    assert all(s["url"].startswith("http") for s in context["bibliography"])


def test_sections_follow_the_essay(context):
    assert [s["id"] for s in context["sections"]] == ["context", "pillars", "milestones",
                                                      "legacy"]


def test_every_chart_renders_to_svg(dyad, context):
    svgs = render_charts(dyad, context)
    assert set(svgs) == set(chart_names(context)) >= {"timeline", "index", "pillar-mix",
                                                      "network"}
    assert all(svg.lstrip().startswith("<svg") and "</svg>" in svg for svg in svgs.values())


def test_html_is_self_contained(dyad, context, tmp_path):
    [path] = write_report(dyad, context, tmp_path / "r.html")
    html = path.read_text(encoding="utf-8")
    assert "<script" not in html and "<link" not in html
    assert not re.search(r'src="https?:', html)
    assert html.count("<svg") >= len(chart_names(context))
    for n in range(1, len(context["bibliography"]) + 1):
        assert f'id="src-{n}"' in html and f'href="#src-{n}"' in html


def test_markdown_writes_charts_beside_it(dyad, context, tmp_path):
    written = write_report(dyad, context, tmp_path / "r.md")
    text = written[0].read_text(encoding="utf-8")
    assert text.startswith("# Azerbaijan and Russia")
    for name in chart_names(context):
        assert f"(r_charts/{name}.svg)" in text
        assert (tmp_path / "r_charts" / f"{name}.svg").exists()
    assert "## Sources" in text


def test_report_command_writes(cli, tmp_path):
    result = cli("report", "--package", str(MINI), "--out", str(tmp_path / "r.html"),
                 "--format", "json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["charts"] >= 4 and summary["sentences"] > 10
    assert (tmp_path / "r.html").exists()
    missing = cli("report", "--package", str(MINI), "--out", str(tmp_path / "x.html"),
                  "--check", str(tmp_path / "nothing.txt"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_check_section_cites_its_findings(dyad, tmp_path):
    from bilateral.claims.check import Checker

    text = ("Putin visited Baku in January 2001. In 1990 President Putin ordered troops into "
            "Baku. Their friendship was remarkable.")
    with _mini_store() as store:
        checked = Checker(store).check(text)
    context = build_context(dyad, LEADERS, checked, "note.txt")
    section = context["sections"][-1]
    assert section["id"] == "check" and section["title"] == "Checking note.txt"
    findings = section["blocks"][1]["items"]
    assert findings[0]["text"].startswith("Supported: “Putin visited Baku in January 2001.”")
    assert any(f["text"].startswith("Anachronistic") for f in findings)
    numbers = {s["n"] for s in context["bibliography"]}
    assert all(f["cites"] and set(f["cites"]) <= numbers for f in findings)


def _mini_store():
    import tempfile
    from pathlib import Path

    from bilateral.kb.compile import ensure_built
    from bilateral.kb.store import Store

    return Store(ensure_built(MINI, Path(tempfile.mkdtemp()) / "mini.duckdb"))


def test_report_leaders_resolve_by_any_name(cli, tmp_path):
    result = cli("report", "--package", str(MINI), "--out", str(tmp_path / "r.md"),
                 "--leaders", "Гейдар Алиев,Putin")
    assert result.returncode == 0, result.stderr
    assert "Legacy of the Heydar Aliyev–Vladimir Putin years" in (tmp_path / "r.md").read_text()


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json"])
def test_table_exports(cli, tmp_path, fmt):
    result = cli("export", "--package", str(MINI), "--format", fmt, "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    names = {p.split("/")[-1] for p in result.stdout.split()}
    assert {f"events.{fmt}", f"eras.{fmt}", f"index_by_year.{fmt}"} <= names


def test_graphml_and_timelinejs_exports(cli, tmp_path):
    cli("export", "--package", str(MINI), "--format", "graphml", "--out", str(tmp_path / "n.gml"))
    graph = nx.read_graphml(tmp_path / "n.gml")
    assert graph.has_edge("aze", "rus") and graph.nodes["aze"]["name"] == "Azerbaijan"
    cli("export", "--package", str(MINI), "--format", "timelinejs", "--out",
        str(tmp_path / "t.json"))
    doc = json.loads((tmp_path / "t.json").read_text())
    assert len(doc["events"]) == 6
    assert doc["events"][0]["start_date"] == {"year": "1994", "month": "5", "day": "12"}
    assert {"headline"} <= set(doc["events"][0]["text"])


def test_python_api(dyad):
    assert len(dyad.events) == 6
    assert "Heydar Aliyev × Vladimir Putin (1999–2003)" in dyad.eras()["era"].tolist()
    assert dyad.index(by="year", pillar="energy")["events"].sum() == 1
    assert dyad.chart("index").to_dict()["layer"]
