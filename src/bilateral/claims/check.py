"""Check a text: every checkable sentence with its verdict, reason, correction and evidence."""

from __future__ import annotations

from collections import Counter
from datetime import date

from bilateral.claims.context import Context
from bilateral.claims.infrastructure import route_countries
from bilateral.claims.knowledge import Knowledge
from bilateral.claims.linker import Lexicon
from bilateral.claims.text import sentences
from bilateral.claims.verdicts import frame, judge
from bilateral.kb.store import Store

VERDICTS = ("supported", "contradicted", "anachronistic", "not_in_kb", "not_checkable")


class Checker:
    """Loads the knowledge base once; checks any number of texts."""

    def __init__(self, store: Store):
        self.lex = Lexicon.from_store(store)
        self.kb = Knowledge.from_store(store)
        self.kb.routes = route_countries(self.kb, self.lex)

    def check(self, text: str, doc_date: date | None = None) -> dict:
        claims = []
        ctx = Context(doc_date)
        for start, end, sentence in sentences(text):
            f = frame(sentence, self.lex, self.kb, ctx)
            kinds = self.lex.kinds
            ctx.note([e for e in f.entities if kinds.get(e) == "state"], f.people, f.dates,
                     {e for m in f.mentions if len(m.candidates) == 1 for e in m.candidates
                      if kinds.get(e) == "person"})
            v = judge(f, self.kb, doc_date)
            claims.append({"sentence": sentence, "span": [start, end], "claim": sentence,
                           "verdict": v.verdict, "reason": v.reason, "message": v.message,
                           "correction": v.correction, "entities": f.entities,
                           "ambiguous": sorted(f.ambiguous),
                           "dates": [[d.start.isoformat(), d.end.isoformat(), d.precision]
                                     for d in f.dates],
                           "evidence": v.evidence})
        counts = Counter(c["verdict"] for c in claims)
        return {"claims": claims,
                "summary": {"sentences": len(claims), **{v: counts.get(v, 0) for v in VERDICTS}}}
