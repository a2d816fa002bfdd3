"""Frames about standing relations rather than one event: an entity's end, a state's role
(mediator, peacekeeper, co-chair) now or then, an alliance said to be unbroken, agreements
signed on a visit, a pattern of meetings. Each returns a verdict or None (not this frame)."""

from __future__ import annotations

import re
from datetime import date

from bilateral.claims.knowledge import Knowledge
from bilateral.claims.model import Frame, Verdict, evidence, name_of, near

END = re.compile(r"\b(ceased? to exist|ceasing to exist|dissol\w+|disband\w*|abolish\w*|"
                 r"collaps\w*|break-?up|broke up|liquidat\w+|fell apart|dismantl\w+)\b", re.I)
RECORD_END = re.compile(r"\b(dissol\w+|disband\w*|cease\w* to exist|abolish\w*|collaps\w*|"
                        r"liquidat\w+)\b", re.I)
ROLE = re.compile(r"\b(mediat\w*|peacekeep\w*|co-?chair\w*)\b", re.I)
PRESENT = re.compile(r"\b(remains?|continues?|still|currently|today|now|is|are)\b", re.I)
PAST = re.compile(r"\b(was|were|had|played|sought|served|acted|brokered|mediated|helped|"
                  r"kept|did)\b", re.I)
PRESENCE = re.compile(r"\bpeacekeep\w*\s+(?:\w+\s+){0,3}?(?:remains?|stays?|are still|is still|"
                      r"continues?|are (?:present|stationed|deployed))\b", re.I)
CONTINUITY = re.compile(r"\b(sustained|enduring|lasting|unbroken|uninterrupted|steadfast|"
                        r"durable|continuous|constant|unwavering|permanent)\s+(?:\w+\s+){0,2}?"
                        r"(alliance|allies|partnership|friendship)\b", re.I)
SIGNED_MANY = re.compile(r"\bsign\w*\s+(?:a\s+)?(series of|number of|several|many|multiple|"
                         r"raft of|package of|set of|\d+|two|three|four|five|six|seven|eight|"
                         r"nine|ten)\s+(?:\w+\s+){0,4}?(agreements|documents|accords|deals|"
                         r"treaties|declarations)\b", re.I)
PATTERN = re.compile(r"\b(regular|frequent|repeated|numerous|many|several|annual)\s+"
                     r"(?:\w+\s+){0,2}?(meetings|visits|summits|talks|contacts|consultations)\b",
                     re.I)
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}






def existence(f: Frame, kb: Knowledge, now: date | None) -> Verdict | None:
    """'X ceased to exist on D', 'the collapse of X in D': against the entity's end date, or
    against the record of its dissolution (a date before that record cannot be right)."""
    if not f.dates or not END.search(f.sentence):
        return None
    for e in f.entities:
        row = kb.entities.get(e, {})
        if row.get("kind") not in {"state", "organisation"} or not _ends(f, e):
            continue
        urls = kb.urls.get(("entities", e), [])
        if row.get("exists_until"):
            end = row["exists_until"]
            ev = [evidence("entity", e, row["name"], end, urls)]
            if any(d.start <= end <= d.end for d in f.dates):
                return Verdict("supported", "existence_end_match",
                               f"{row['name']} ceased to exist on {end}.", None, ev)
            return Verdict("contradicted", "existence_end_mismatch", f"{row['name']} ceased "
                           f"to exist on {end}, not {f.dates[0].text}.", end.isoformat(), ev)
        base = re.sub(r"\s*\([^)]*\)", "", row["name"]).lower()
        records = [x for x in kb.events if e in x.actors and RECORD_END.search(x.title)
                   and base in x.title.lower()]
        if not records:
            continue
        first = records[0]
        ev = [evidence("event", x.id, x.title, x.start, x.urls) for x in records[:3]]
        if all(d.end < first.start for d in f.dates):
            return Verdict("contradicted", "before_dissolution_record",
                           f"The record dates the dissolution to {first.start} ({first.title}); "
                           f"{f.dates[0].text} comes before it.", first.start.isoformat(), ev)
        stated = _dates_in(first.title + ". " + first.summary)
        if any(d.start <= s <= d.end for d in f.dates for s in [first.start, *stated]):
            return Verdict("supported", "existence_end_match",
                           f"{first.title} ({first.start}).", None, ev)
    return None


def _ends(f: Frame, entity: str) -> bool:
    """Is the end word about this entity: 'the collapse of X', 'X formally ceased to exist'?"""
    for m in f.mentions:
        if entity in m.candidates:
            before = f.sentence[max(0, m.span[0] - 30):m.span[0]]
            after = f.sentence[m.span[1]:m.span[1] + 40]
            if re.search(END.pattern + r"\s+of\s+(?:the\s+)?(?:self-declared\s+)?$", before,
                         re.I) or re.match(r"^(?:\s+(?:was|were|had|has|formally|officially|"
                                           r"finally|effectively|been))*\s+" + END.pattern,
                                           after, re.I):
                return True
    return False


def _dates_in(text: str) -> list[date]:
    from bilateral.claims.dates import find_dates

    return [d.start for d in find_dates(text) if d.precision == "day"]


def _holder_of_role(f: Frame, kb: Knowledge) -> list[str]:
    """The states a role word is attached to: 'Russia, as a mediator', 'its role as a
    mediator' (the sentence's first state), 'Russian peacekeepers'."""
    states = f.states(kb)
    close_by = [s for s in states if near(f, s, ROLE, 45)]
    if close_by:
        return close_by[:1]
    if states and re.search(r"\bits\s+role\b", f.sentence, re.I):
        return states[:1]
    return []


def _roles(kb: Knowledge, state: str, word: str) -> list[tuple[str, str, date, date | None]]:
    """(record kind, id, start, end) of the roles of a state that a role word names."""
    out = []
    if not word.startswith("peacekeep"):
        for org, rows in sorted(kb.memberships.items()):
            out += [("membership", f"{org}:{state}:co-chair", r["start"], r["end"])
                    for r in rows if r["member_id"] == state and r["role"] == "co-chair"]
    if not word.startswith("co"):
        out += [("entity", i, e["exists_from"], e["exists_until"])
                for i, e in sorted(kb.entities.items())
                if e["kind"] == "organisation" and (e.get("country") or "").lower() == state
                and "peacekeep" in e["name"].lower() and e.get("exists_from")]
    return out


def roles(f: Frame, kb: Knowledge, now: date | None) -> Verdict | None:
    """A state's role now ('Russia remains the mediator') against the dates its roles ended;
    in the past tense, that it held one. A role not on record is silence, not a denial."""
    m = ROLE.search(f.sentence)
    if not m or f.negated:
        return None
    if m.group(1).lower().startswith("peacekeep") and not PRESENCE.search(f.sentence):
        return None     # peacekeepers as the subject of an event ("were killed"): not a role
    for state in _holder_of_role(f, kb):
        held = _roles(kb, state, m.group(1).lower())
        if not held:
            continue
        ev = [_role_evidence(kb, kind, rid, start) for kind, rid, start, _ in held][:2]
        acts = [x for x in kb.events if state in x.actors and re.search(r"mediat|peacekeep",
                                                                         x.title, re.I)]
        own_dates = [d for d in f.dates if d.text.lower() not in {"today", "now", "currently"}]
        present = PRESENT.search(f.sentence) and not PAST.search(f.sentence) and not own_dates
        ev += [evidence("event", x.id, x.title, x.start, x.urls)
               for x in (acts[-1:] if present else acts[:1])]
        if present:
            day = now or kb.latest
            active = [h for h in held if h[2] <= day and (h[3] is None or h[3] >= day)]
            if active:
                return Verdict("supported", "role_current", f"{name_of(kb, state)} still holds "
                               f"that role on {day}.", None, ev)
            ended = "; ".join(f"{_role_title(kb, kind, rid)} ended on {end}"
                              for kind, rid, _, end in held)
            return Verdict("contradicted", "role_ended", f"That role of {name_of(kb, state)} is "
                           f"over: {ended}.", ended, ev)
        if own_dates:
            if any(h[2] <= d.end and (h[3] is None or h[3] >= d.start)
                   for h in held for d in own_dates):
                return Verdict("supported", "role_held", f"{name_of(kb, state)} held that role "
                               f"then.", None, ev)
            return None
        return Verdict("supported", "role_held", f"{name_of(kb, state)} held that role: "
                       f"{_role_title(kb, held[0][0], held[0][1])} from {held[0][2]}.", None, ev)
    return None


def _role_title(kb: Knowledge, kind: str, rid: str) -> str:
    if kind == "membership":
        org, member, role = rid.split(":")
        return f"{name_of(kb, member)} as {role} of the {name_of(kb, org)}"
    return name_of(kb, rid)


def _role_evidence(kb: Knowledge, kind: str, rid: str, start) -> dict:
    table = "memberships" if kind == "membership" else "entities"
    return evidence(kind, rid, _role_title(kb, kind, rid), start, kb.urls.get((table, rid), []))


def alliance(f: Frame, kb: Knowledge, now: date | None) -> Verdict | None:
    """'A sustained alliance between A and B': the record's gravest conflicts between the
    two (material conflict, top importance) break that continuity."""
    if not CONTINUITY.search(f.sentence) or f.negated:
        return None
    states = f.states(kb)
    if len(states) < 2:
        return None
    a, b = (kb.entities[s].get("iso3") or s.upper() for s in states[:2])
    window = (min(d.start for d in f.dates), max(d.end for d in f.dates)) if f.dates else \
        (date.min, now or date.max)
    breaks = [x for x in kb.events if x.quad_class == 4 and x.importance == 1
              and x.kind in {"crisis", "conflict"} and {a, b} <= x.countries
              and window[0] <= x.start <= window[1]]
    if not breaks:
        return None
    ev = [evidence("event", x.id, x.title, x.start, x.urls) for x in breaks[-3:]]
    listed = "; ".join(f"{x.title} ({x.start})" for x in breaks[-3:])
    return Verdict("contradicted", "continuity_broken", f"The record has grave conflicts "
                   f"between {name_of(kb, states[0])} and {name_of(kb, states[1])}: {listed}.",
                   listed, ev)


def agreements_signed(f: Frame, kb: Knowledge, now: date | None) -> Verdict | None:
    """'They signed a series of agreements' on a date: the record's agreements of that date
    between the same parties."""
    m = SIGNED_MANY.search(f.sentence)
    if not m or not f.dates or f.negated:
        return None
    actors = {e for e in f.entities if kb.entities.get(e, {}).get("kind") in
              {"state", "person"} and e not in f.ambiguous}
    if not actors:
        return None
    found = [a for a in kb.agreements if actors <= a["parties"]
             and any(d.start <= a["start"] and a["end"] <= d.end for d in f.dates)]
    count = m.group(1).lower()
    wanted = int(count) if count.isdigit() else COUNTS.get(count, 2)
    if len(found) < wanted:
        return None
    ev = [evidence("agreement", a["id"], a["title"], a["start"],
                   kb.urls.get(("agreements", a["id"]), [])) for a in found[:3]]
    return Verdict("supported", "agreements_match", f"The record has {len(found)} agreements "
                   f"of that date between them: " + "; ".join(a["title"] for a in found[:3]) +
                   ".", None, ev)


def meetings(f: Frame, kb: Knowledge, now: date | None) -> Verdict | None:
    """'Regular meetings' of two leaders: at least three recorded meetings or visits with
    both of them. Fewer is silence, not a contradiction."""
    if not PATTERN.search(f.sentence) or f.negated:
        return None
    pair = f.people[:2] if len(f.people) >= 2 else f.states(kb)[:2]
    if len(pair) < 2:
        return None
    found = [x for x in kb.events if x.kind in {"meeting", "visit"} and set(pair) <= x.actors
             and (not f.dates or any(d.start <= x.start <= d.end for d in f.dates))]
    if len(found) < 3:
        return None
    ev = [evidence("event", x.id, x.title, x.start, x.urls) for x in found[:3]]
    return Verdict("supported", "pattern_match", f"The record has {len(found)} meetings or "
                   f"visits of {name_of(kb, pair[0])} and {name_of(kb, pair[1])}, from "
                   f"{found[0].start} to {found[-1].start}.", None, ev)






ORDER = re.compile(r"\b(after|before|following|since|until|prior to)\s+(?:the\s+)?", re.I)
ANCHORS = [(re.compile(r"^(?:death of\s+(?:the\s+)?)?(?P<x>.+?)(?:'s|’s)?\s+(?:death|died)|"
                       r"^death of\s+(?P<y>.+)$", re.I), "died"),
           (re.compile(r"^(?P<x>.+?)\s+(?:opened|was opened|was inaugurated|began operat\w*)"
                       r"|^(?:opening|inauguration) of\s+(?:the\s+)?(?P<y>.+)$", re.I), "opened")]


def ordering(f: Frame, kb: Knowledge, now: date | None) -> Verdict | None:
    """'In 2001, after Heydar Aliyev's death, …', 'before the BTC pipeline opened, … in 2008':
    the claim's own date against the record's date of the thing it is ordered by."""
    if not f.dates:
        return None
    for m in ORDER.finditer(f.sentence):
        anchor = _anchor(f, kb, m.end())
        if not anchor:
            continue
        what, when, ev = anchor
        after = m.group(1).lower() in {"after", "following", "since"}
        own = [d for d in f.dates if not (m.start() <= d.span[0] < m.end() + 60
                                          and d.start <= when <= d.end)]
        if own and after and all(d.end < when for d in own):
            return Verdict("contradicted", "order_reversed", f"{what} on {when}, after "
                           f"{own[0].text}, not before it.", when.isoformat(), ev)
        if own and not after and all(d.start > when for d in own):
            return Verdict("contradicted", "order_reversed", f"{what} on {when}, before "
                           f"{own[0].text}, not after it.", when.isoformat(), ev)
    return None


def _anchor(f: Frame, kb: Knowledge, at: int):
    """(what happened, its date, evidence) for the phrase after 'after'/'before'."""
    phrase = re.split(r"[,;]", f.sentence[at:at + 80])[0]
    for pattern, verb in ANCHORS:
        m = pattern.search(phrase)
        if not m:
            continue
        for mention in f.mentions:
            if not at <= mention.span[0] < at + len(phrase) or len(mention.candidates) != 1:
                continue
            e = mention.candidates[0]
            row = kb.entities.get(e, {})
            if verb == "died" and row.get("kind") == "person" and row.get("exists_until"):
                when = row["exists_until"]
                return (f"{row['name']} died", when,
                        [evidence("entity", e, row["name"], when,
                                  kb.urls.get(("entities", e), []))])
            if verb == "opened" and kb.infrastructure.get(e, {}).get("opened"):
                when = kb.infrastructure[e]["opened"]
                return (f"{row['name']} opened", when,
                        [evidence("infrastructure", e, row["name"], when,
                                  kb.urls.get(("infrastructure", e), []))])
    return None










