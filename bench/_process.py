"""Run a snippet of Python in its own process and read back its time and peak memory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

WRAPPER = """
import json, resource, sys, time
sys.path.insert(0, {src_dir!r})
{setup}
started = time.perf_counter()
{body}
print(json.dumps({{"seconds": time.perf_counter() - started,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def run(body: str, setup: str = "") -> dict:
    """{'seconds': …, 'peak_mb': …} of `body` (after `setup`, which is not timed)."""
    code = WRAPPER.format(src_dir=str(SRC), setup=setup, body=body)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])
