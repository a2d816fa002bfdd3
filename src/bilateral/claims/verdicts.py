"""From one sentence to a verdict: the decision table of the checker.

Evaluated in order: not checkable (opinion, forecast, vague) → anachronistic (a person acting
after death or outside their term; an entity before it existed) → slot checks on
infrastructure (length, capacity, opening, owners) → a matching event (supported, or
contradicted when the one event it must be differs in date or says the opposite) → not in the
knowledge base.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from bilateral.claims.dates import DateMention, find_dates
from bilateral.claims.knowledge import NEGATION, KbEvent, Knowledge, words
from bilateral.claims.linker import Lexicon, Mention, link
from bilateral.kb.names import normalise

HEDGE = re.compile(r"\b(may|might|could|would|should|will|shall|likely|perhaps|possibly|"
                   r"expected to|aims? to|seeks? to|hopes? to|remains? (?:a|an|the) "
                   r"(?:key|crucial|cornerstone)|crucial|pivotal|remarkable|fascinating|"
                   r"significant(?:ly)?|importance|important|strong leadership)\b", re.I)
DEATHS = re.compile(r"(?:all\s+)?(\d[\d,]*)\s+(?:\w+\s+){0,6}?(?:were\s+|was\s+)?"
                    r"(?:killed|died|dead)|(?:killing|killed|deaths? of)\s+(\d[\d,]*)", re.I)
OFFICE = {"president": "head-of-state", "prime minister": "head-of-government",
          "premier": "head-of-government", "foreign minister": "foreign-minister"}
OPENING = re.compile(r"\b(open\w*|inaugurat\w*|launch\w*|commission\w*|began (?:flowing|"
                     r"operat\w*|pumping)|start\w* (?:flowing|operat\w*|pumping)|first "
                     r"(?:oil|gas))\b", re.I)
OWNING = re.compile(r"\b(own\w*|stake|share|holds?)\b", re.I)
PARTNERING = re.compile(r"\b(cooperat\w*|co-operat\w*|partner\w*|jointly|together|joint)\b",
                        re.I)
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(%|percent|per cent|"
                    r"km|kilometres|kilometers|bcm|billion|million|barrels|b/d)?", re.I)


@dataclass
class Verdict:
    verdict: str
    reason: str
    message: str
    correction: str | None = None
    evidence: list[dict] = field(default_factory=list)


TRIGGERS = [
    (re.compile(r"\b(visit\w*|trip|travel\w*|arriv\w*)\b", re.I), {"visit", "meeting"}),
    (re.compile(r"\b(met|meet\w*|talks|summit|call\w*|phone\w*)\b", re.I),
     {"meeting", "visit", "statement"}),
    (re.compile(r"\b(sign\w*|agree\w*|treaty|declaration|accord|contract|memorandum)\b",
                re.I), {"agreement", "treaty"}),
    (re.compile(r"\b(open\w*|inaugurat\w*|launch\w*|construction)\b", re.I),
     {"infrastructure"}),
    (re.compile(r"\b(war|clash\w*|attack\w*|killed|shot down|offensive|fighting)\b", re.I),
     {"conflict", "crisis"}),
    (re.compile(r"\b(elect\w*|vote|referendum)\b", re.I), {"election"}),
]


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


def frame(sentence: str, lex: Lexicon, kb: Knowledge, doc_date: date | None,
          named: set[str] | None = None) -> Frame:
    """`named`: people already named in full earlier in the document ("Aliyev" after
    "Heydar Aliyev")."""
    mentions = link(sentence, lex)
    dates = find_dates(sentence)
    span = _span(dates, doc_date)
    entities: list[str] = []
    ambiguous: set[str] = set()
    for m in mentions:
        chosen = list(m.candidates)
        if len(chosen) > 1:
            earlier = [c for c in chosen if named and c in named]
            chosen = earlier or _disambiguate(chosen, kb, span, mentions) or chosen
            if len(chosen) > 1:
                ambiguous.update(chosen)
        for e in chosen:
            if e not in entities:
                entities.append(e)
    mention_words = {w for m in mentions for w in words(m.text)}
    date_words = {w for d in dates for w in words(d.text)}
    kinds = {k for pattern, ks in TRIGGERS if pattern.search(sentence) for k in ks}
    return Frame(sentence, mentions, dates, entities,
                 [e for e in entities if lex.kinds.get(e) == "person" and e not in ambiguous],
                 words(sentence) - mention_words - date_words,
                 bool(NEGATION.search(sentence)), bool(HEDGE.search(sentence)),
                 kinds, ambiguous)


def _span(dates: list[DateMention], doc_date: date | None) -> tuple[date, date] | None:
    if dates:
        return min(d.start for d in dates), max(d.end for d in dates)
    return (doc_date, doc_date) if doc_date else None


def _disambiguate(ids: list[str], kb: Knowledge, span, mentions: list[Mention]) -> list[str]:
    """A surname shared by several people: keep those named in full elsewhere in the text, or
    alive and in office at the claim's date; otherwise leave it ambiguous."""
    full = {c for m in mentions if len(m.candidates) == 1 for c in m.candidates}
    named = [i for i in ids if i in full]
    if named:
        return named
    if span:
        alive = [i for i in ids if _alive(kb.entities.get(i, {}), span)]
        in_office = [i for i in alive if any(_overlaps(t, span) for t in kb.terms.get(i, []))]
        return in_office or alive
    return []


def _alive(entity: dict, span) -> bool:
    born, died = entity.get("exists_from"), entity.get("exists_until")
    return (born is None or born <= span[1]) and (died is None or died >= span[0])


def _overlaps(term: dict, span) -> bool:
    return term["start"] <= span[1] and (term["end"] is None or term["end"] >= span[0])


def _evidence(kind: str, record_id: str, title: str, when, urls: list[str]) -> dict:
    return {"kind": kind, "id": record_id, "title": title,
            "date": when.isoformat() if when else None, "source_urls": urls[:3]}


def judge(f: Frame, kb: Knowledge, doc_date: date | None) -> Verdict:
    if not f.entities and not f.dates:
        return Verdict("not_checkable", "vague", "Names nothing the record could settle.")
    if f.hedged and not f.dates:
        return Verdict("not_checkable", "opinion", "An opinion, a judgement or a forecast.")
    for check in (_anachronism, _infrastructure_slots, _memberships, _terms, _events):
        verdict = check(f, kb, doc_date)
        if verdict:
            return verdict
    return Verdict("not_in_kb", "no_matching_record",
                   "The knowledge base holds no record that settles this.")


def _anachronism(f: Frame, kb: Knowledge, doc_date) -> Verdict | None:
    span = _span(f.dates, None)
    for person in f.people:
        p = kb.entities[person]
        died = p.get("exists_until")
        if span and died and span[0] > died and _acts(f, person):
            return Verdict("anachronistic", "after_death",
                           f"{p['name']} died on {died.isoformat()}, before this.",
                           f"{p['name']} died on {died.isoformat()}.",
                           [_evidence("entity", person, p["name"], died, [])])
        for other in f.entities:
            e = kb.entities.get(other, {})
            # organisations are founded on a day; a pipeline exists as a project years before
            # it opens, so infrastructure is not used here
            if e.get("kind") == "organisation" and died and \
                    e.get("exists_from") and e["exists_from"] > died:
                return Verdict("anachronistic", "entity_after_death",
                               f"{e['name']} came into being on {e['exists_from']}, after "
                               f"{p['name']} died on {died}.",
                               f"{p['name']} died on {died}; {e['name']} dates from "
                               f"{e['exists_from']}.",
                               [_evidence("entity", other, e["name"], e["exists_from"], [])])
        office = _office_claimed(f.sentence, p["name"])
        if office and span:
            held = [t for t in kb.terms.get(person, []) if t["kind"] in office
                    and _overlaps(t, span)]
            if not held:
                state = (p.get("country") or "").lower()
                holders = sorted({kb.entities[h]["name"] for k in office
                                  for h in kb.holder(state, k, span[0]) if h in kb.entities})
                who = f"; the office was held by {', '.join(holders)}" if holders else ""
                correction = (f"In {span[0].year} the office was held by "
                              f"{', '.join(holders)}." if holders else None)
                return Verdict("anachronistic", "outside_tenure",
                               f"{p['name']} did not hold that office in "
                               f"{span[0].year}{who}.", correction,
                               [_evidence("term", t["id"], t["title"], t["start"],
                                          kb.urls.get(("terms", t["id"]), []))
                                for t in kb.terms.get(person, [])[:3]])
    return None


def _acts(f: Frame, person: str) -> bool:
    """Is the person an actor of the sentence, not an object ('in memory of X', "X's legacy")?"""
    for m in f.mentions:
        if person in m.candidates:
            before = f.sentence[max(0, m.span[0] - 40):m.span[0]].lower()
            after = f.sentence[m.span[1]:m.span[1] + 2]
            object_of = re.search(r"\b(of|to|for|honou?r\w*|memory|recogni\w+|late|"
                                  r"contribution|legacy|father|son)\b\W*$", before)
            return not (after.startswith(("'s", "’s")) or object_of)
    return False


def _office_claimed(sentence: str, name: str) -> set[str] | None:
    """Offices a sentence gives a person: 'President X', 'under X', 'X's government'."""
    last = re.escape(name.split()[-1])
    s = sentence
    for title, kind in OFFICE.items():
        if re.search(rf"\b{title}\s+(?:\w+\s+){{0,2}}{last}", s, re.I) or \
                re.search(rf"{last},?\s+(?:the\s+)?(?:then\s+)?{title}\b", s, re.I):
            return {kind}
    if re.search(rf"\bunder\s+(?:\w+\s+){{0,2}}{last}\b|{last}'s\s+(?:government|rule|"
                 rf"presidency|leadership)", s, re.I):
        return {"head-of-state", "head-of-government"}
    return None


def _digits(text: str) -> str:
    """'Five peacekeepers' -> '5 peacekeepers'."""
    return re.sub(r"\b(" + "|".join(NUMBER_WORDS) + r")\b",
                  lambda m: NUMBER_WORDS[m.group(1).lower()], text, flags=re.I)


def _numbers(sentence: str) -> list[tuple[float, str]]:
    """Figures in a text, leaving out years and the numbers inside written dates."""
    for d in find_dates(sentence):
        a, b = d.span
        sentence = sentence[:a] + " " * (b - a) + sentence[b:]
    out = []
    for m in NUMBER.finditer(sentence):
        raw = m.group(1).replace(",", "")
        value = float(raw)
        if 1800 <= value <= 2100 and not m.group(2) and "," not in m.group(1):
            continue  # a year, not a figure
        out.append((value, (m.group(2) or "").lower()))
    return out


def _close(a: float, b: float, tolerance: float = 0.05) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1)


def _infrastructure_slots(f: Frame, kb: Knowledge, doc_date) -> Verdict | None:
    infra = [e for e in f.entities if e in kb.infrastructure]
    for i in infra:
        row, name = kb.infrastructure[i], kb.entities[i]["name"]
        urls = kb.urls.get(("infrastructure", i), [])
        ev = [_evidence("infrastructure", i, name, row.get("opened"), urls)]
        lengths = [v for v, unit in _numbers(f.sentence) if unit in {"km", "kilometres",
                                                                     "kilometers"}]
        if lengths and row.get("length_km"):
            if any(_close(v, row["length_km"]) for v in lengths):
                return Verdict("supported", "length_match", f"{name} is recorded as "
                               f"{row['length_km']:g} km long.", None, ev)
            return Verdict("contradicted", "length_mismatch", f"{name} is recorded as "
                           f"{row['length_km']:g} km long, not {lengths[0]:g} km.",
                           f"{row['length_km']:g} km", ev)
        if OWNING.search(f.sentence) and kb.owners.get(i):
            verdict = _ownership(f, kb, i, name, ev)
            if verdict:
                return verdict
        if PARTNERING.search(f.sentence) and kb.owners.get(i):
            verdict = _partners(f, kb, i, name, ev)
            if verdict:
                return verdict
        if OPENING.search(f.sentence) and f.dates and row.get("opened"):
            opened = row["opened"]
            if any(d.start <= opened <= d.end for d in f.dates):
                return Verdict("supported", "opening_date_match",
                               f"{name} opened on {opened}.", None, ev)
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
    percents = [v for v, unit in _numbers(f.sentence) if unit in {"%", "percent", "per cent"}]
    listed = ", ".join(f"{kb.entities.get(o, {}).get('name', o)} {r['stake_pct']:g}%"
                       for o, r in owners.items() if r["stake_pct"] is not None)
    total = sum(r["stake_pct"] or 0 for r in owners.values())
    for c in companies:
        if c in owners:
            stake = owners[c]["stake_pct"]
            if not percents or stake is None or any(_close(p, stake, 0.1) for p in percents):
                return Verdict("supported", "owner_match", f"The record lists "
                               f"{kb.entities[c]['name']} among the owners of {name}.", None, ev)
            return Verdict("contradicted", "stake_mismatch", f"{kb.entities[c]['name']} holds "
                           f"{stake:g}% of {name}, not {percents[0]:g}%.", listed, ev)
        if total >= 99:
            return Verdict("contradicted", "not_an_owner", f"{kb.entities[c]['name']} is not "
                           f"among the owners of {name}: {listed}.", listed, ev)
    return None


# Words that make a claim stronger than a record that lacks them can support.
SUPERLATIVE = re.compile(r"\b(first|last|only|record|largest|biggest|highest|lowest|"
                         r"automatically|always|never|every|entirely|fully|exclusively)\b", re.I)
NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
ABOUT = re.compile(r"\b(about|around|nearly|almost|some|roughly|approximately|over|more than|"
                   r"less than)\b", re.I)


NAMED = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:of|in|the|and|for|on)?\s*[A-Z][\w’'-]+)+")


def _named_phrases(f: Frame) -> list[str]:
    """Multi-word proper names in the claim that are not just an entity's name."""
    linked = {w for m in f.mentions for w in normalise(m.text).split()}
    out = []
    for m in NAMED.finditer(f.sentence):
        phrase = normalise(re.sub(r"^(The|A|An)\s+", "", m.group(0)))
        own = set(phrase.split()) - linked - {"of", "in", "the", "and", "for", "on"}
        if own and len(phrase.split()) >= 2:  # not just names joined ("Putin and Aliyev")
            out.append(phrase)
    return out


STARTED = re.compile(r"\b(became|become|becomes|appointed|elected|named|took office|sworn|"
                     r"inaugurated|succeeded|assum\w+|(?:rose|came|returned) to power|"
                     r"took power)\b", re.I)
TO_POWER = re.compile(r"\b((?:rose|came|returned) to power|took power|presidency)\b", re.I)


def _terms(f: Frame, kb: Knowledge, doc_date) -> Verdict | None:
    """'X became <office> in <date>': the office's words against X's terms in office."""
    if not f.dates or not STARTED.search(f.sentence):
        return None
    for person in f.people:
        if not _acts(f, person):
            continue
        name = kb.entities[person]["name"]
        matching = [t for t in kb.terms.get(person, []) if t["kind"] == "head-of-state"] \
            if TO_POWER.search(f.sentence) else []
        for t in [] if matching else kb.terms.get(person, []):
            title = words(t["title"]) - words(" ".join(
                kb.entities.get(t["state_id"], {}).get("name", "").split()))
            if len(title & f.words) >= min(2, len(title)):
                matching.append(t)
        if not matching:
            continue
        ev = [_evidence("term", t["id"], f"{name}: {t['title']}", t["start"],
                        kb.urls.get(("terms", t["id"]), [])) for t in matching[:3]]
        if any(d.start <= t["start"] <= d.end for d in f.dates for t in matching):
            sup = SUPERLATIVE.findall(f.sentence.lower())
            if sup:  # "the first Muslim member": a term record cannot say that
                return Verdict("not_in_kb", "superlative_not_in_kb", f"{name} took office as "
                               f"{matching[0]['title']} on {matching[0]['start']}, but the "
                               f"record does not say '{sup[0]}'.", None, ev)
            return Verdict("supported", "term_start_match", f"{name} took office as "
                           f"{matching[0]['title']} on {matching[0]['start']}.", None, ev)
        starts = ", ".join(sorted({t["start"].isoformat() for t in matching}))
        return Verdict("contradicted", "term_date_mismatch", f"{name} took office as "
                       f"{matching[0]['title']} on {starts}.", starts, ev)
    return None


ROLES = [(re.compile(r"\bco-?chair\w*", re.I), "co-chair"),
         (re.compile(r"\bfound\w*|\bestablish\w*|\bcreated by", re.I), "founder")]


def _memberships(f: Frame, kb: Knowledge, doc_date) -> Verdict | None:
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
            ev = [_evidence("membership", f"{org}:{m['member_id']}:{role}",
                            f"{name(m['member_id'])} {role} of {name(org)}", m["start"],
                            kb.urls.get(("memberships", f"{org}:{m['member_id']}:{role}"), []))
                  for m in rows][:4]
            wrong = claimed - have
            if wrong:
                return Verdict("contradicted", f"{role}_mismatch",
                               f"The record's {role}s of {name(org)} are {record}, not "
                               f"{', '.join(sorted(name(i) for i in wrong))}.", record, ev)
            starts = {m["start"] for m in rows if m["start"]}
            if f.dates and starts and not any(d.start <= s <= d.end for d in f.dates
                                              for s in starts):
                first = min(starts)
                return Verdict("contradicted", f"{role}_date_mismatch",
                               f"The record dates this to {first}.", first.isoformat(), ev)
            return Verdict("supported", f"{role}_match",
                           f"The record's {role}s of {name(org)} include "
                           f"{', '.join(sorted(name(i) for i in claimed))}.", None, ev)
    return None


def _overlap(d: DateMention, e: KbEvent) -> bool:
    """Dates agree when the intervals meet; a day-precise date may be a day off (a call the
    day after, a report dated the next morning)."""
    slack = timedelta(days=1) if d.precision == "day" else timedelta(0)
    return d.start - slack <= e.end and e.start <= d.end + slack


def _mentioned(entity: str, e: KbEvent, kb: Knowledge) -> bool:
    name = kb.entities.get(entity, {}).get("name", "")
    return entity in e.actors or bool(name and name.lower() in
                                      (e.title + " " + e.summary).lower())


def _deaths(text: str) -> int | None:
    m = DEATHS.search(_digits(text))
    if not m:
        return None
    return int((m.group(1) or m.group(2)).replace(",", ""))


def _figures_agree(f: Frame, e: KbEvent) -> list[float]:
    """Figures of the claim that the event's text does not give (within 10% if hedged)."""
    text = e.title + " " + e.summary
    theirs = [v for v, _ in _numbers(text)]
    loose = 0.1 if ABOUT.search(f.sentence) else 0.02
    return [v for v, _ in _numbers(f.sentence) if not any(_close(v, t, loose) for t in theirs)]


def _events(f: Frame, kb: Knowledge, doc_date) -> Verdict | None:
    actors = {e for e in f.entities if kb.entities.get(e, {}).get("kind") != "place"}
    scored = []
    named = set(f.entities)
    for e in kb.events:
        shared = named & e.actors
        coverage = len(f.words & e.words) / max(len(f.words), 1)
        if not shared and coverage < 0.5:
            continue
        dated = not f.dates or any(_overlap(d, e) for d in f.dates)
        score = (len(shared) / max(len(actors), 1)) + 1.5 * coverage + (0.5 if dated else 0) \
            + (0.5 if e.kind in f.kinds else 0)
        scored.append((score, coverage, dated, len(shared), e))
    if not scored:
        return None
    scored.sort(key=lambda s: (-s[0], s[4].id))
    ev = [_evidence("event", s[4].id, s[4].title, s[4].start, s[4].urls) for s in scored[:3]]
    required = {a for a in actors if kb.entities.get(a, {}).get("kind") != "person"
                or _acts(f, a)}
    for _score, coverage, dated, shared, best in scored[:3]:
        exact_day = any(d.precision == "day" and _overlap(d, best) for d in f.dates)
        same_kind = bool(f.dates) and best.kind in f.kinds and shared >= 2
        enough = coverage >= 0.45 or (exact_day and shared >= 2 and coverage >= 0.2) or \
            (same_kind and coverage >= 0.1)
        if not (enough and dated):
            continue
        if not all(_mentioned(a, best, kb) for a in required):
            continue  # the claim names an actor the record does not have
        toll = _deaths(f.sentence), _deaths(best.title + " " + best.summary)
        if toll[0] is not None and toll[1] is not None and toll[0] != toll[1]:
            return Verdict("contradicted", "toll_mismatch", f"The record gives {toll[1]} "
                           f"dead, not {toll[0]}: {best.title} ({best.start}).",
                           f"{toll[1]} killed", ev)
        if toll[0] is not None and toll[1] is None:
            return Verdict("not_in_kb", "figure_not_in_kb", f"The record has {best.title} "
                           f"({best.start}) but gives no toll.", None, ev)
        if best.negative != f.negated and coverage >= 0.4:
            return Verdict("contradicted", "negated_in_kb", f"The record says otherwise: "
                           f"{best.title} ({best.start}).", best.title, ev)
        sup = SUPERLATIVE.findall(f.sentence.lower())
        if sup and not all(w in (best.title + " " + best.summary).lower() for w in sup):
            return Verdict("not_in_kb", "superlative_not_in_kb", f"The record has "
                           f"{best.title} ({best.start}) but does not say '{sup[0]}'.", None, ev)
        missing = _figures_agree(f, best)
        if missing:
            return Verdict("not_in_kb", "figure_not_in_kb", f"The record has {best.title} "
                           f"({best.start}) but not the figure {missing[0]:g}.", None, ev)
        return Verdict("supported", "match", f"{best.title} ({best.start}).", None, ev)
    # A date is contradicted only for a named, one-off thing the record has under that name
    # ("the Year of Russia in Azerbaijan"); otherwise silence on that date is not_in_kb.
    named = _named_phrases(f)
    for _score, _coverage, dated, _shared, best in scored:
        if named and f.dates and not dated and any(p in normalise(best.title) for p in named) \
                and all(_mentioned(a, best, kb) for a in required):
            first = _evidence("event", best.id, best.title, best.start, best.urls)
            return Verdict("contradicted", "date_mismatch", f"The record dates this to "
                           f"{best.start.isoformat()}: {best.title}.", best.start.isoformat(),
                           [first, *[e for e in ev if e["id"] != best.id]])
    return None
