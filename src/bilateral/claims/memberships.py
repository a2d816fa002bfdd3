"""Organisations: founders and co-chairs compared as sets, joining and leaving by date."""

from __future__ import annotations

import re
from datetime import date

from bilateral.claims.knowledge import Knowledge
from bilateral.claims.model import Frame, Verdict, evidence, name_of, near

ROLES = [(re.compile(r"\bco-?chair\w*", re.I), "co-chair"),
         (re.compile(r"\bfound\w*|\bestablish\w*|\bcreated by|\bset up by|\bformed by",
                     re.I), "founder")]


def founders_and_cochairs(f: Frame, kb: Knowledge, doc_date) -> Verdict | None:
    """'X was founded by A, B and C', 'X was co-chaired by A, B and C': the set of states the
    claim names against the set the record has."""
    for org in [e for e in f.entities if e in kb.memberships]:
        for pattern, role in ROLES:
            if not pattern.search(f.sentence):
                continue
            rows = [m for m in kb.memberships[org] if m["role"] == role]
            if not rows:
                continue
            have = {m["member_id"] for m in rows}
            claimed = {e for e in f.entities if e != org
                       and kb.entities.get(e, {}).get("kind") == "state"}
            if not claimed:
                continue
            name = lambda i: kb.entities.get(i, {}).get("name", i)  # noqa: E731
            record = ", ".join(sorted(name(i) for i in have))
            ev = [evidence("membership", f"{org}:{m['member_id']}:{role}",
                            f"{name(m['member_id'])} {role} of {name(org)}", m["start"],
                            kb.urls.get(("memberships", f"{org}:{m['member_id']}:{role}"), []))
                  for m in rows][:4]
            wrong = claimed - have
            if wrong:
                return Verdict("contradicted", f"{role}_mismatch",
                               f"The record's {role}s of {name(org)} are {record}, not "
                               f"{', '.join(sorted(name(i) for i in wrong))}.", record, ev)
            starts = {m["start"] for m in rows if m["start"]}
            if role == "co-chair":  # a co-chair then: the claimed states' terms cover the date
                spans = [(m["start"], m["end"]) for m in rows if m["member_id"] in claimed
                         and m["start"]]
                if f.dates and spans and not any(a <= d.end and (b is None or b >= d.start)
                                                 for d in f.dates for a, b in spans):
                    first = min(a for a, _ in spans)
                    return Verdict("contradicted", "co-chair_date_mismatch", f"The record "
                                   f"has these co-chairs from {first} to "
                                   f"{max((b for _, b in spans if b), default='now')}.",
                                   first.isoformat(), ev)
            elif f.dates and starts and not any(d.start <= s <= d.end for d in f.dates
                                                for s in starts):
                first = min(starts)
                return Verdict("contradicted", f"{role}_date_mismatch",
                               f"The record dates this to {first}.", first.isoformat(), ev)
            return Verdict("supported", f"{role}_match",
                           f"The record's {role}s of {name(org)} include "
                           f"{', '.join(sorted(name(i) for i in claimed))}.", None, ev)
    return None


JOINED = re.compile(r"\b(join\w*|acced\w*|accession|became (?:a )?(?:full )?member|"
                    r"admitted)\b", re.I)


LEFT = re.compile(r"\b(left|leav\w*|withdr\w*|quit|exit\w*|pulled out)\b", re.I)


def _modifier(f: Frame, entity: str) -> bool:
    """'the CIS border pact': the name qualifies another noun."""
    return any(entity in m.candidates and re.match(r"\s+(?!in\b|on\b|at\b|and\b|as\b|from\b|"
                                                   r"for\b|by\b|after\b|before\b|until\b|"
                                                   r"since\b|when\b|with\b)[a-z]",
                                                   f.sentence[m.span[1]:])
               for m in f.mentions)


def joined(f: Frame, kb: Knowledge, now: date | None) -> Verdict | None:
    """'S joined O in D', 'S left O in D': against the start and end of S's membership."""
    if not f.dates or f.negated:
        return None
    for org in [e for e in f.entities if e in kb.memberships]:
        states = [e for e in f.states(kb) if e != org]
        rows = [m for m in kb.memberships[org] if m["member_id"] in states
                and m["role"] in {"founder", "member"}]
        if not rows:
            continue
        ev = [evidence("membership", f"{org}:{m['member_id']}:{m['role']}",
                       f"{name_of(kb, m['member_id'])} {m['role']} of {name_of(kb, org)}",
                       m["start"], kb.urls.get(("memberships",
                                                f"{org}:{m['member_id']}:{m['role']}"), []))
              for m in rows][:3]
        if not near(f, org, re.compile(JOINED.pattern + "|" + LEFT.pattern, re.I), 30) or \
                _modifier(f, org) or re.search(r"\breject\w*", f.sentence, re.I):
            continue    # "rejects a call to join the CIS border pact": not about this body
        checks = []
        if JOINED.search(f.sentence):
            checks.append(("joined", [m["start"] for m in rows if m["start"]]))
        if LEFT.search(f.sentence):
            ends = [m["end"] for m in rows if m["end"]]
            if not ends:
                continue    # no end on record: silence, not a denial
            checks.append(("left", ends))
        if not checks:
            continue
        for verb, days in checks:
            if days and not any(d.start <= x <= d.end for d in f.dates for x in days):
                listed = ", ".join(sorted(x.isoformat() for x in days))
                return Verdict("contradicted", f"{verb}_date_mismatch", f"The record has "
                               f"{name_of(kb, rows[0]['member_id'])} {verb} {name_of(kb, org)} "
                               f"on {listed}.", listed, ev)
        return Verdict("supported", "membership_match", f"{name_of(kb, rows[0]['member_id'])}'s "
                       f"membership of {name_of(kb, org)} matches the dates.", None, ev)
    return None
