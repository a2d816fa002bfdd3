"""Regenerate the generated reference pages in docs/ (CLI, problems, knowledge-base codebook).

    python data-raw/make_docs.py

tests/test_docs.py fails when a page is out of date with the code.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bilateral.docs import PAGES  # noqa: E402

if __name__ == "__main__":
    for name, render in PAGES.items():
        (ROOT / "docs" / name).write_text(render(), encoding="utf-8")
        print(f"docs/{name}")
