"""Property tests of the JSON API against its own OpenAPI document: schemathesis generates
valid and invalid requests for every operation and checks that none crashes the server and
that every answer, errors included, matches what the document promises."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CONFIG = Path(__file__).parent / "schemathesis.toml"


def test_every_operation_keeps_its_promises(explorer, tmp_path):
    st = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    if st is None:
        pytest.skip("schemathesis is not installed")
    run = subprocess.run(
        [st, "--config-file", str(CONFIG), "run", f"{explorer}/openapi.json", "--checks", "all",
         "--max-examples", "40", "--seed", "20261125", "--no-color"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path)  # its cache stays there
    summary = run.stdout[-3000:]
    assert run.returncode == 0, summary
    assert " passed" in summary and "failure" not in summary.split("Test cases:")[-1]
