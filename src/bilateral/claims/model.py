"""The checker's own records: a sentence's frame, a verdict, an evidence item."""

from __future__ import annotations

from dataclasses import dataclass, field

from bilateral.claims.dates import DateMention
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
