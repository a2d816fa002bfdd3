"""Infrastructure claims against the record's slots: length, opening date, owners and their
stakes, partners, the route a line takes and who built the main lines."""

from __future__ import annotations

import re

from bilateral.claims.figures import close, numbers, show
from bilateral.claims.knowledge import Knowledge
from bilateral.claims.linker import DEMONYMS, Lexicon, link
from bilateral.claims.model import Frame, Verdict, evidence, name_of

OPENING = re.compile(r"\b(open\w*|inaugurat\w*|launch\w*|commission\w*|(?:began|start\w*) "
                     r"(?:\w+ )?(?:flowing|operat\w*|pumping|deliver\w*|carry\w*|shipping|"
                     r"transport\w*)|first (?:oil|gas)|first (?:carried|shipped|pumped|"
                     r"delivered|transported|moved))\b", re.I)
OWNING = re.compile(r"\b(own\w*|stake|share|shareholder\w*|holds?)\b", re.I)
# Shares in words: "owns half of", "a third of the pipeline".
FRACTIONS = [(re.compile(r"\bhalf\b", re.I), 50.0),
             (re.compile(r"\b(?:a|one)[- ]third\b", re.I), 100 / 3),
             (re.compile(r"\btwo[- ]thirds\b", re.I), 200 / 3),
             (re.compile(r"\b(?:a|one)[- ]quarter\b", re.I), 25.0),
             (re.compile(r"\bthree[- ]quarters\b", re.I), 75.0)]
PARTNERING = re.compile(r"\b(cooperat\w*|co-operat\w*|partner\w*|jointly|together|joint)\b",
                        re.I)


BYPASS = re.compile(r"\b(?:not\s+(?:directly\s+)?involv\w+|without(?:\s+involving)?|"
                    r"bypass\w*|avoid\w*|around)\s+(?:the\s+)?$", re.I)
THROUGH = re.compile(r"\b(?:through|via|across|transits?|transiting|crosses|crossing)\s+"
                     r"(?:the\s+)?(?:territory\s+of\s+)?$", re.I)
OF_STATE = re.compile(r"^\s+(?:\w+\s+)?(?:project|pipeline|line|venture|corridor|railway)\b",
                      re.I)
BUILDING = re.compile(r"\b(?:help\w*|support\w*|assist\w*|aid\w*|contribut\w*)\b(?:\W+\w+){0,8}?"
                      r"\W+(?:build\w*|develop\w*|construct\w*|financ\w*|lay\w*)\b(?:\W+\w+)"
                      r"{0,5}?\W+(?:infrastructure|pipelines?|export routes?)\b", re.I)
STRONG = re.compile(r"\b(crucial|key|major|main|decisive|vital|principal|significant|"
                    r"essential|critical|leading)\b", re.I)
ENERGY = {"oil", "gas"}
# An offer or a plan is not a partnership: "Putin offered the US joint use of the radar".
OFFER = re.compile(r"\b(offer\w*|propos\w*|suggest\w*|plan\w*|invit\w*|ask\w*|urg\w*)\b",
                   re.I)
PARTIAL = re.compile(r"\b(construction|section|segment|stage|phase|leg|spur|expansion|loop|"
                     r"first (?:part|link)|filling|test)\b", re.I)


def route_countries(kb: Knowledge, lex: Lexicon) -> dict[str, set[str]]:
    """The states a line crosses: the places its route names, and '443 km in Azerbaijan'
    in its summary."""
    out = {}
    for i, row in kb.infrastructure.items():
        texts = [row.get("route") or ""] + re.findall(r"km in ([A-Z]\w+)", row.get("summary")
                                                      or "")
        states = set()
        for text in texts:
            for m in link(text, lex):
                for c in m.candidates:
                    e = kb.entities.get(c, {})
                    states.add(c if e.get("kind") == "state" else
                               (e.get("country") or "").lower())
        out[i] = states - {""}
    return out


def _owner_states(kb: Knowledge, infra: str) -> dict[str, str]:
    """State -> owner for every owner (a state itself, or a company of that state)."""
    out = {}
    for o in kb.owners.get(infra, []):
        e = kb.entities.get(o["owner_id"], {})
        out.setdefault(o["owner_id"] if e.get("kind") == "state" else
                       (e.get("country") or "").lower(), o["owner_id"])
    out.pop("", None)
    return out


def _opening_record(x, infra: str, kb: Knowledge) -> bool:
    """An event that opens (a part of) this line."""
    return (infra in x.infrastructure or infra in x.actors) and bool(OPENING.search(x.title)) \
        and not re.search(r"\b(construction|groundbreaking|foundation stone)\b", x.title, re.I)


def _alternatives(row: dict) -> list[float]:
    """Lengths the record's summary reports from other sources ('1,411 km (Heritage)')."""
    return [v for v, unit in numbers(row.get("summary") or "") if unit in {"km", "kilometres",
                                                                           "kilometers"}]


def _complete(kb: Knowledge, infra: str) -> bool:
    return sum(o["stake_pct"] or 0 for o in kb.owners.get(infra, [])) >= 99


def _states_before(f: Frame, kb: Knowledge, pattern: re.Pattern) -> list[str]:
    """States whose mention directly follows a phrase of `pattern` ('bypassing Russia')."""
    return [c for m in f.mentions for c in m.candidates
            if kb.entities.get(c, {}).get("kind") == "state"
            and pattern.search(f.sentence[max(0, m.span[0] - 40):m.span[0]])]




def _owners_text(kb: Knowledge, infra: str) -> str:
    return ", ".join(f"{name_of(kb, o['owner_id'])}" + (f" {o['stake_pct']:g}%" if o["stake_pct"]
                                                      is not None else "")
                     for o in kb.owners.get(infra, []))


def involvement(f: Frame, kb: Knowledge, i: str, name: str, ev) -> Verdict | None:
    """'P, which does not involve X' / 'P bypasses X' / 'P runs through X' / 'the X
    pipeline P': the state against the line's owners and the states its route crosses."""
    route, owners = kb.routes.get(i, set()), _owner_states(kb, i)
    crosses = ", ".join(sorted(name_of(kb, s) for s in route))
    for state in _states_before(f, kb, BYPASS):
        if state in route or state in owners:
            part = "its route crosses it" if state in route else \
                f"{name_of(kb, owners[state])} is an owner"
            return Verdict("contradicted", "involves_state", f"{name_of(kb, state)} takes part "
                           f"in {name}: {part}.", f"Owners: {_owners_text(kb, i)}.", ev)
        if _complete(kb, i) and route:
            return Verdict("supported", "bypasses_state", f"{name} does not involve "
                           f"{name_of(kb, state)}: its owners are {_owners_text(kb, i)} and it "
                           f"crosses {crosses}.", None, ev)
    for state in _states_before(f, kb, THROUGH):
        if state in route:
            return Verdict("supported", "on_route", f"{name} crosses {crosses}.", None, ev)
        if len(route) >= 2 and not f.negated:
            return Verdict("contradicted", "not_on_route", f"{name} crosses {crosses}, not "
                           f"{name_of(kb, state)}.", crosses, ev)
    for m in f.mentions:
        state = DEMONYMS.get(m.text.lower())
        if state and OF_STATE.search(f.sentence[m.span[1]:m.span[1] + 30]) and not f.negated:
            if state in owners:
                return Verdict("supported", "owner_match", f"{name_of(kb, owners[state])} is an "
                               f"owner of {name}.", None, ev)
            if _complete(kb, i):
                return Verdict("contradicted", "not_an_owner", f"No {m.text} owner holds any "
                               f"part of {name}: {_owners_text(kb, i)}.", _owners_text(kb, i),
                               ev)
    return None


def builders(f: Frame, kb: Knowledge, doc_date) -> Verdict | None:
    """'X helped build Y's energy infrastructure': X's part in the lines that carry Y's oil and
    gas. A 'crucial' or 'major' part needs X to lead, operate or be crossed by a main line
    (the largest of its commodity); a plain 'helped' needs any part."""
    if not BUILDING.search(f.sentence) or f.negated:
        return None
    states = f.states(kb)
    if len(states) < 2:
        return None
    helper, host = states[0], states[1]
    lines = sorted(i for i, row in kb.infrastructure.items() if row["commodity"] in ENERGY
                   and (host in kb.routes.get(i, set()) or host in _owner_states(kb, i)))
    if not lines:
        return None
    part = [i for i in lines if helper in kb.routes.get(i, set()) or
            helper in _owner_states(kb, i)]
    main = []
    for commodity in sorted({kb.infrastructure[i]["commodity"] for i in lines}):
        same = [i for i in lines if kb.infrastructure[i]["commodity"] == commodity
                and kb.infrastructure[i].get("capacity")]
        if same:
            main.append(max(same, key=lambda i: (kb.infrastructure[i]["capacity"], i)))
    ev = [evidence("infrastructure", i, name_of(kb, i), kb.infrastructure[i].get("opened"),
                   kb.urls.get(("infrastructure", i), [])) for i in [*main, *part][:4]]
    if STRONG.search(f.sentence):
        leads = [i for i in main if helper in kb.routes.get(i, set()) or _leads(kb, i, helper)]
        if leads:
            return None
        minor = "; ".join(f"{name_of(kb, i)} ({_part(kb, i, helper)})" for i in part) or "none"
        listed = "; ".join(f"{name_of(kb, i)} ({_lead_text(kb, i)})" for i in main)
        return Verdict("contradicted", "main_routes_bypass", f"The main lines were built and "
                       f"are run without a leading part for {name_of(kb, helper)}: {listed}. Its "
                       f"part on record: {minor}.", listed, ev)
    if part:
        return Verdict("supported", "builder_match", f"{name_of(kb, helper)} has a part in "
                       + "; ".join(f"{name_of(kb, i)} ({_part(kb, i, helper)})" for i in part)
                       + ".", None, ev)
    if all(_complete(kb, i) for i in main):
        return Verdict("contradicted", "not_a_builder", f"{name_of(kb, helper)} has no part in "
                       f"the record's lines for {name_of(kb, host)}.", None, ev)
    return None


def _leads(kb: Knowledge, i: str, state: str) -> bool:
    """Does the state (or its company) operate the line or hold its largest stake?"""
    row, owners = kb.infrastructure[i], kb.owners.get(i, [])
    operator = kb.entities.get(row.get("operator_id") or "", {})
    if row.get("operator_id") == state or (operator.get("country") or "").lower() == state:
        return True
    staked = [o for o in owners if o["stake_pct"] is not None]
    if not staked:
        return False
    top = max(staked, key=lambda o: (o["stake_pct"], o["owner_id"]))
    e = kb.entities.get(top["owner_id"], {})
    return top["owner_id"] == state or (e.get("country") or "").lower() == state


def _part(kb: Knowledge, i: str, state: str) -> str:
    if state in kb.routes.get(i, set()):
        return "crosses its territory"
    owner = _owner_states(kb, i)[state]
    stake = next(o["stake_pct"] for o in kb.owners[i] if o["owner_id"] == owner)
    return f"{name_of(kb, owner)}" + (f" {stake:g}%" if stake is not None else ", an owner")


def _lead_text(kb: Knowledge, i: str) -> str:
    row = kb.infrastructure[i]
    staked = [o for o in kb.owners.get(i, []) if o["stake_pct"] is not None]
    top = max(staked, key=lambda o: (o["stake_pct"], o["owner_id"])) if staked else None
    crosses = ", ".join(sorted(name_of(kb, s) for s in kb.routes.get(i, set())))
    lead = f"largest owner {name_of(kb, top['owner_id'])} {top['stake_pct']:g}%" if top else ""
    return f"{show(row['capacity'])} {row['capacity_unit']}, {lead}, crosses {crosses}"


def slots(f: Frame, kb: Knowledge, doc_date) -> Verdict | None:
    built = builders(f, kb, doc_date)
    if built:
        return built
    infra = [e for e in f.entities if e in kb.infrastructure]
    for i in infra:
        row, name = kb.infrastructure[i], kb.entities[i]["name"]
        urls = kb.urls.get(("infrastructure", i), [])
        ev = [evidence("infrastructure", i, name, row.get("opened"), urls)]
        lengths = [v for v, unit in numbers(f.sentence) if unit in {"km", "kilometres",
                                                                     "kilometers"}]
        if lengths and row.get("length_km"):
            if any(close(v, row["length_km"]) for v in lengths):
                return Verdict("supported", "length_match", f"{name} is recorded as "
                               f"{row['length_km']:g} km long.", None, ev)
            other = [v for v in lengths if any(close(v, a) for a in _alternatives(row))]
            if other:
                return Verdict("not_in_kb", "kb_sources_disagree", f"{name} is recorded as "
                               f"{row['length_km']:g} km long, but the record notes a source "
                               f"giving {show(other[0])} km.", f"{row['length_km']:g} km", ev)
            return Verdict("contradicted", "length_mismatch", f"{name} is recorded as "
                           f"{row['length_km']:g} km long, not {lengths[0]:g} km.",
                           f"{row['length_km']:g} km", ev)
        verdict = involvement(f, kb, i, name, ev)
        if verdict:
            return verdict
        if OWNING.search(f.sentence) and kb.owners.get(i):
            verdict = _ownership(f, kb, i, name, ev)
            if verdict:
                return verdict
        if PARTNERING.search(f.sentence) and kb.owners.get(i) and not OFFER.search(f.sentence):
            verdict = _partners(f, kb, i, name, ev)
            if verdict:
                return verdict
        opening = OPENING.search(f.sentence)
        if opening and re.search(r"\b(after|before|following|since|until|prior to)\b[^,;]*$",
                                 f.sentence[:opening.start()], re.I):
            opening = None   # "after the pipeline opened, …": an anchor, not a claimed date
        if opening and PARTIAL.search(f.sentence):
            opening = None   # a section, a stage or the start of construction: see the events
        opened = row.get("opened")
        if opening and f.dates and opened and any(d.start <= opened <= d.end for d in f.dates):
            return Verdict("supported", "opening_date_match", f"{name} opened on {opened}.",
                           None, ev)
        if opening and any(_opening_record(x, i, kb) and any(d.start <= x.end and x.start <= d.end
                                                             for d in f.dates)
                           for x in kb.events):
            opening = None   # the record has an opening of this line on that date
        if opening and f.dates and opened:
            return Verdict("contradicted", "opening_date_mismatch",
                           f"{name} opened on {opened}, not in {f.dates[0].text}.",
                           opened.isoformat(), ev)
    return None


def _partners(f: Frame, kb: Knowledge, infra: str, name: str, ev) -> Verdict | None:
    """States said to work together on a pipeline: each must own part of it, directly or
    through one of its companies, when the record's owners add up to the whole."""
    owners = kb.owners[infra]
    if sum(o["stake_pct"] or 0 for o in owners) < 99:
        return None
    owning = {o["owner_id"] for o in owners} | {
        (kb.entities.get(o["owner_id"], {}).get("country") or "").lower() for o in owners}
    states = [e for e in f.entities if kb.entities.get(e, {}).get("kind") == "state"]
    outside = [s for s in states if s not in owning]
    if states and outside:
        listed = ", ".join(f"{kb.entities.get(o['owner_id'], {}).get('name', o['owner_id'])} "
                           f"{o['stake_pct']:g}%" for o in owners)
        who = kb.entities[outside[0]]["name"]
        return Verdict("contradicted", "not_a_partner", f"{who} has no part in {name}: its "
                       f"owners are {listed}.", listed, ev)
    return None


def _ownership(f: Frame, kb: Knowledge, infra: str, name: str, ev) -> Verdict | None:
    owners = {o["owner_id"]: o for o in kb.owners[infra]}
    companies = [e for e in f.entities if e != infra and kb.entities.get(e, {}).get("kind")
                 in {"company", "state", "organisation"}]
    percents = [v for v, unit in numbers(f.sentence) if unit in {"%", "percent", "per cent"}]
    percents += [v for pattern, v in FRACTIONS if pattern.search(f.sentence)]
    listed = ", ".join(f"{kb.entities.get(o, {}).get('name', o)} {r['stake_pct']:g}%"
                       for o, r in owners.items() if r["stake_pct"] is not None)
    total = sum(r["stake_pct"] or 0 for r in owners.values())
    for c in companies:
        if c in owners:
            stake = owners[c]["stake_pct"]
            if not percents or stake is None or any(close(p, stake, 0.1) for p in percents):
                return Verdict("supported", "owner_match", f"The record lists "
                               f"{kb.entities[c]['name']} among the owners of {name}.", None, ev)
            return Verdict("contradicted", "stake_mismatch", f"{kb.entities[c]['name']} holds "
                           f"{stake:g}% of {name}, not {percents[0]:g}%.", listed, ev)
        if total >= 99:
            return Verdict("contradicted", "not_an_owner", f"{kb.entities[c]['name']} is not "
                           f"among the owners of {name}: {listed}.", listed, ev)
    return None


# Words that make a claim stronger than a record that lacks them can support.
