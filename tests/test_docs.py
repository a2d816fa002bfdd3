"""Docs kept honest: the README's commands, and generated pages that match the code."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from bilateral.docs import PAGES
from bilateral.problems import CATALOGUE

from conftest import REPO


def test_readme_opens_with_exactly_the_two_commands():
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "```sh" and lines[3] == "```"
    assert [line.split("#")[0].strip() for line in lines[1:3]] == ["make run", "make test"]


def test_makefile_and_ci_run_what_the_readme_says():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run: ", makefile, re.M) and re.search(r"^test: ", makefile, re.M)
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", sorted(PAGES))
def test_generated_page_is_current(page):
    on_disk = (REPO / "docs" / page).read_text(encoding="utf-8")
    assert on_disk == PAGES[page](), f"docs/{page} is stale: run python data-raw/make_docs.py"


def test_every_problem_slug_is_documented():
    text = (REPO / "docs" / "problems.md").read_text(encoding="utf-8")
    assert all(f"`{slug}`" in text for slug in CATALOGUE)


def test_readme_python_example_runs(tmp_path):
    source = (REPO / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```python\n(.*?)```", source, re.S).group(1)
    result = subprocess.run([sys.executable, "-c", example], capture_output=True, text=True,
                            env={**os.environ, "BILATERAL_DB": str(tmp_path / "kb.duckdb")},
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Heydar Aliyev × Vladimir Putin" in result.stdout

