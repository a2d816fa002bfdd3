"""Checker benchmark: start-up, loading the knowledge base, and checking a text.

    python bench/check.py [TEXT] [--repeat 5]

TEXT defaults to the seed essay (../shared/seed/aliyev-putin-essay.txt). Prints the seconds
to import and load the knowledge base once, then the best and the median of --repeat checks
of the text (the essay must take under 2 s after start-up), and seconds per 1,000 words.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

ESSAY = ROOT.parent / "shared" / "seed" / "aliyev-putin-essay.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?", type=Path, default=ESSAY)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    started = time.perf_counter()
    from bilateral.claims.check import Checker
    from bilateral.claims.text import read_document
    from bilateral.kb.compile import ensure_built
    from bilateral.kb.store import Store

    with Store(ensure_built(None, None)) as store:
        checker = Checker(store)
    loaded = time.perf_counter() - started
    text = read_document(args.text)
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        result = checker.check(text)
        times.append(time.perf_counter() - t0)
    words = len(text.split())
    print(f"start-up and knowledge base: {loaded:.2f} s")
    print(f"check of {args.text.name} ({words} words, {result['summary']['sentences']} "
          f"sentences): best {min(times):.3f} s, median {statistics.median(times):.3f} s, "
          f"{1000 * statistics.median(times) / max(words, 1):.3f} s per 1,000 words")
    print(result["summary"])


if __name__ == "__main__":
    main()
