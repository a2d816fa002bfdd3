"""The checker's own records: a sentence's frame, a verdict, an evidence item."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bilateral.claims.dates import DateMention
from bilateral.claims.knowledge import Knowledge
from bilateral.claims.linker import Mention


@dataclass
class Verdict:
    verdict: str
    reason: str
    message: str
    correction: str | None = None
    evidence: list[dict] = field(default_factory=list)


@dataclass
class Frame:
    sentence: str
    mentions: list[Mention]
    dates: list[DateMention]
    entities: list[str]
    people: list[str]
    words: set[str]
    negated: bool
    hedged: bool
    kinds: set[str] = field(default_factory=set)
    ambiguous: set[str] = field(default_factory=set)
    forecast: bool = False          # a modal or forecast ('will', 'could', 'is expected to')
    borrowed: set[str] = field(default_factory=set)   # entities resolved from earlier text

    def states(self, kb) -> list[str]:
        return [e for e in self.entities if kb.entities.get(e, {}).get("kind") == "state"]


def evidence(kind: str, record_id: str, title: str, when, urls: list[str]) -> dict:
    return {"kind": kind, "id": record_id, "title": title,
            "date": when.isoformat() if when else None, "source_urls": urls[:3]}


def span_of(dates: list[DateMention], doc_date: date | None) -> tuple[date, date] | None:
    if dates:
        return min(d.start for d in dates), max(d.end for d in dates)
    return (doc_date, doc_date) if doc_date else None


def name_of(kb: Knowledge, entity: str) -> str:
    return kb.entities.get(entity, {}).get("name", entity)


def near(f: Frame, entity: str, pattern: re.Pattern, reach: int = 60) -> bool:
    """Does a word of `pattern` stand within `reach` characters of the entity's mention?"""
    for m in f.mentions:
        if entity in m.candidates:
            window = f.sentence[max(0, m.span[0] - reach):m.span[1] + reach]
            if pattern.search(window):
                return True
    return False
