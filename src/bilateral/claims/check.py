"""Check a text: every checkable sentence with its verdict, reason, correction and evidence."""

from __future__ import annotations

from collections import Counter
from datetime import date

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

    def check(self, text: str, doc_date: date | None = None) -> dict:
        claims = []
        named: set[str] = set()
        for start, end, sentence in sentences(text):
            f = frame(sentence, self.lex, self.kb, doc_date, named)
            named.update(e for m in f.mentions if len(m.candidates) == 1 for e in m.candidates
                         if self.lex.kinds.get(e) == "person")
            v = judge(f, self.kb, doc_date)
            claims.append({"sentence": sentence, "span": [start, end], "claim": sentence,
                           "verdict": v.verdict, "reason": v.reason, "message": v.message,
                           "correction": v.correction, "entities": f.entities,
                           "dates": [[d.start.isoformat(), d.end.isoformat(), d.precision]
                                     for d in f.dates],
                           "evidence": v.evidence})
        counts = Counter(c["verdict"] for c in claims)
        return {"claims": claims,
                "summary": {"sentences": len(claims), **{v: counts.get(v, 0) for v in VERDICTS}}}
