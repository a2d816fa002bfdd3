"""Citations: records map to their sources, sources get numbers in order of first use."""

from __future__ import annotations

import pandas as pd

KIND_ORDER = {"official": 0, "news": 1, "reference": 2, "academic": 3}


class Citations:
    """Hands out bibliography numbers; each cited record contributes its best sources."""

    def __init__(self, citations: pd.DataFrame, sources: pd.DataFrame, per_record: int = 1):
        self.sources = sources.set_index("id")
        rank = self.sources["kind"].map(KIND_ORDER).fillna(9)
        self._by_record: dict[tuple[str, str], list[str]] = {}
        for (table, record), group in citations.groupby(["record_table", "record_id"]):
            ids = sorted(group["source_id"], key=lambda s: (rank.get(s, 9), s))
            self._by_record[(table, record)] = ids
        self.per_record = per_record
        self.numbers: dict[str, int] = {}

    def __call__(self, *records: tuple[str, str]) -> list[int]:
        """Numbers for the sources of these (table, id) records, in first-use order."""
        numbers: list[int] = []
        for record in records:
            sources = self._by_record.get(record)
            if not sources:
                raise KeyError(f"{record[0]} {record[1]!r} has no source to cite")
            for source_id in sources[:self.per_record]:
                n = self.numbers.setdefault(source_id, len(self.numbers) + 1)
                if n not in numbers:
                    numbers.append(n)
        return numbers

    def bibliography(self) -> list[dict]:
        rows = []
        for source_id, n in sorted(self.numbers.items(), key=lambda kv: kv[1]):
            s = self.sources.loc[source_id]
            rows.append({"n": n, "id": source_id, "title": s["title"], "publisher": s["publisher"],
                         "published": None if pd.isna(s["published"]) else s["published"],
                         "kind": s["kind"], "url": s["url"]})
        return rows
