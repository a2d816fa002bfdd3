"""Check a text: every checkable sentence with its verdict, reason, correction and evidence."""

from __future__ import annotations

from collections import Counter
from datetime import date

from bilateral.claims.agreements import closed_parties
from bilateral.claims.context import Context
from bilateral.claims.infrastructure import route_countries
from bilateral.claims.knowledge import Knowledge
from bilateral.claims.linker import Lexicon
from bilateral.claims.model import Verdict
from bilateral.claims.text import clauses, sentences
from bilateral.claims.verdicts import frame, judge
from bilateral.kb.store import Store

VERDICTS = ("supported", "contradicted", "anachronistic", "mixed", "not_in_kb",
            "not_checkable")


class Checker:
    """Loads the knowledge base once; checks any number of texts."""

    def __init__(self, store: Store):
        self.lex = Lexicon.from_store(store)
        self.kb = Knowledge.from_store(store)
        self.kb.routes = route_countries(self.kb, self.lex)
        self.kb.parties = closed_parties(self.kb, self.lex)

    def check(self, text: str, doc_date: date | None = None) -> dict:
        claims = []
        ctx = Context(doc_date)
        for start, end, sentence in sentences(text):
            parts = []
            for _offset, clause in clauses(sentence):
                f = frame(clause, self.lex, self.kb, ctx)
                kinds = self.lex.kinds
                ctx.note([e for e in f.entities if kinds.get(e) == "state"], f.people, f.dates,
                         {e for m in f.mentions if len(m.candidates) == 1 for e in m.candidates
                          if kinds.get(e) == "person"})
                parts.append((clause, f, judge(f, self.kb, doc_date)))
            v = aggregate([p[2] for p in parts])
            claims.append({"sentence": sentence, "span": [start, end], "claim": sentence,
                           "verdict": v.verdict, "reason": v.reason, "message": v.message,
                           "correction": v.correction,
                           "entities": list(dict.fromkeys(e for p in parts
                                                          for e in p[1].entities)),
                           "ambiguous": sorted({e for p in parts for e in p[1].ambiguous}),
                           "dates": [[d.start.isoformat(), d.end.isoformat(), d.precision]
                                     for p in parts for d in p[1].dates],
                           "parts": [{"clause": c, "verdict": pv.verdict, "reason": pv.reason,
                                      "message": pv.message}
                                     for c, _, pv in parts] if len(parts) > 1 else [],
                           "evidence": v.evidence[:4]})
        counts = Counter(c["verdict"] for c in claims)
        return {"claims": claims,
                "summary": {"sentences": len(claims), **{v: counts.get(v, 0) for v in VERDICTS}}}


def aggregate(parts: list[Verdict]) -> Verdict:
    """One verdict for a compound sentence: a contradiction or an anachronism in any part
    decides; all checked parts supported is support; support beside silence is 'mixed'."""
    if len(parts) == 1:
        return parts[0]
    for kind in ("contradicted", "anachronistic"):
        for v in parts:
            if v.verdict == kind:
                return v
    checked = [v for v in parts if v.verdict != "not_checkable"] or parts
    supported = [v for v in checked if v.verdict == "supported"]
    evidence = [e for v in supported for e in v.evidence][:3]
    if supported and len(supported) == len(checked):
        return Verdict("supported", supported[0].reason,
                       " ".join(v.message for v in supported), None, evidence)
    if supported:
        return Verdict("mixed", "partly_supported", "Part of this is supported ("
                       + " ".join(v.message for v in supported) + "); the rest is not "
                       "settled by the record.", None, evidence)
    return checked[0]
