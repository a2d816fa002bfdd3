"""A named document's parties and the place it was signed: 'the Meiendorf Declaration was
signed by Azerbaijan, Russia and Georgia', 'the Declaration on Allied Interaction was signed
in Baku'. Parties are compared only where the record's list is closed (a bilateral document
with its two states, or one whose title names every party); a place only against the place
the record sets the signing in."""

from __future__ import annotations

import re
from datetime import date

from bilateral.claims.knowledge import Knowledge
from bilateral.claims.linker import link
from bilateral.claims.matching import DOCUMENT, SIGNING, named_phrases, place_conflict, within
from bilateral.claims.matching import _places as claimed_places
from bilateral.claims.model import Frame, Verdict, evidence, name_of

# Where the signatories are listed: "signed by A, B and C", "between A and B", "signed … with B".
PARTY_LIST = re.compile(r"\b(?:(?:signed|concluded|adopted|agreed)\s+by|between|"
                        r"sign\w*\s+(?:\w+\s+){0,6}?with)\s+", re.I)
LIST_END = re.compile(r"[;.]|,\s*(?:which|who|whose|when|where|while|after|before|two|three|"
                      r"days?|weeks?)\b|\b(?:in|on|at|during)\s+(?=[A-Z\d])", re.I)


def closed_parties(kb: Knowledge, lex) -> dict[str, set[str]]:
    """Agreement -> its states, where the record's list is the whole list."""
    out = {}
    for a in kb.agreements:
        states = _closed(kb, a, lex)
        if states:
            out[a["id"]] = states
    return out


def _closed(kb: Knowledge, a: dict, lex) -> set[str] | None:
    states = {p for p in a["parties"] if kb.entities.get(p, {}).get("kind") == "state"}
    if a.get("scope") == "bilateral" and len(states) == 2:
        return states
    named = {c for m in link(a["title"], lex) for c in m.candidates
             if kb.entities.get(c, {}).get("kind") == "state"}
    if len(states) >= 2 and named == states:
        return states
    return None


def _claimed_parties(f: Frame, kb: Knowledge) -> set[str]:
    """States (or the states of people) listed as signing the document."""
    out: set[str] = set()
    for m in PARTY_LIST.finditer(f.sentence):
        rest = f.sentence[m.end():]
        stop = LIST_END.search(rest)
        end = m.end() + (stop.start() if stop else len(rest))
        for mention in f.mentions:
            if m.end() <= mention.span[0] < end and len(mention.candidates) == 1:
                e = mention.candidates[0]
                row = kb.entities.get(e, {})
                if row.get("kind") == "state":
                    out.add(e)
                elif row.get("kind") == "person" and row.get("country"):
                    out.add(row["country"].lower())
    return out


def _named_document(f: Frame, kb: Knowledge) -> dict | None:
    """The one agreement whose title holds a document name the claim gives."""
    found = {}
    for p in named_phrases(f):
        if not DOCUMENT.search(p):
            continue
        for a in kb.agreements:
            if within(p, a["title"]):
                found[a["id"]] = a
    if f.dates:
        found = {i: a for i, a in found.items()
                 if any(d.start <= a["end"] and a["start"] <= d.end for d in f.dates)}
    return next(iter(found.values())) if len(found) == 1 else None


def signed(f: Frame, kb: Knowledge, now: date | None) -> Verdict | None:
    if not SIGNING.search(f.sentence) or f.negated:
        return None
    a = _named_document(f, kb)
    if not a:
        return None
    ev = [evidence("agreement", a["id"], a["title"], a["start"],
                   kb.urls.get(("agreements", a["id"]), []))]
    parties = kb.parties.get(a["id"])
    claimed = _claimed_parties(f, kb)
    if parties and claimed - parties:
        wrong = ", ".join(sorted(name_of(kb, s) for s in claimed - parties))
        record = ", ".join(sorted(name_of(kb, s) for s in parties))
        return Verdict("contradicted", "party_mismatch", f"The parties to {a['title']} are "
                       f"{record}, not {wrong}.", record, ev)
    places = claimed_places(f, kb)
    for e in kb.events:
        if a["id"] in e.agreements:
            wrong = place_conflict(f, kb, e, places)
            if wrong:
                where = ", ".join(sorted(name_of(kb, p) for p in e.locations))
                return Verdict("contradicted", "place_mismatch", f"The record sets the signing "
                               f"of {a['title']} in {where}, not {name_of(kb, wrong)}: "
                               f"{e.title} ({e.start}).", where,
                               [*ev, evidence("event", e.id, e.title, e.start, e.urls)])
    return None
