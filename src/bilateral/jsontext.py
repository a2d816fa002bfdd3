"""JSON text for people and scripts, the same from the command line and the web API: dates
as ISO text, NaN as null (NaN is not JSON), non-ASCII kept as written."""

from __future__ import annotations

import json
import math
from datetime import date
from typing import Any


def to_json(value: Any, indent: int | None = 2) -> str:
    return json.dumps(_finite(value), ensure_ascii=False, indent=indent, default=_plain)


def _finite(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
