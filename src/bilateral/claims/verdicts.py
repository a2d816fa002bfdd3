"""From one sentence to a verdict: the decision table of the checker.

Evaluated in order: not checkable (vague; a forecast) → anachronistic (a person acting after
death or outside their term; an entity before it existed) → standing relations (founders
and co-chairs, an entity's end, a state's role now, an alliance said to be unbroken) →
infrastructure slots (length, opening, owners, route, builders) → terms in office →
agreements and patterns of meetings → not checkable (an opinion) → a matching event
(supported, or contradicted when the one event it must be differs or says the opposite) →
not in the knowledge base.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bilateral.claims import infrastructure, relations
from bilateral.claims.context import ANAPHORIC, PAIR, PRONOUN, Context, epithets
from bilateral.claims.dates import MONTHS as MONTH_NAMES
from bilateral.claims.dates import DateMention, find_dates
from bilateral.claims.figures import close, digits, numbers
from bilateral.claims.knowledge import NEGATION, KbEvent, Knowledge, denies_act, words
from bilateral.claims.linker import Lexicon, Mention, link
from bilateral.claims.model import Frame, Verdict, evidence
from bilateral.kb.names import normalise

# A forecast or a modal makes the whole claim unsettled; an evaluative word ("crucial") only
# when no frame finds a fact to check underneath it.
FORECAST = re.compile(r"\b(may|might|could|would|should|will|shall|likely|perhaps|possibly|"
                      r"expected to|aims? to|seeks? to|hopes? to|plans? to)\b", re.I)
EVALUATIVE = re.compile(r"\b(remains? (?:a|an|the) (?:key|crucial|cornerstone)|crucial|"
                        r"pivotal|remarkable|fascinating|significant(?:ly)?|importance|"
                        r"important|strong leadership)\b", re.I)
REPORTED = re.compile(r"\b(reportedly|allegedly|purportedly|rumou?red|is said to|are said to|"
                      r"was said to|were said to|claim(?:ed|s)? that|according to (?:some|"
                      r"rumou?rs|unconfirmed))\b", re.I)
# A relative clause ("…, which aims to diversify routes") qualifies its noun, not the claim.
RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whose)\b[^,;]*", re.I)
DEATHS = re.compile(r"(?:all\s+)?(\d[\d,]*)\s+(?:\w+\s+){0,6}?(?:were\s+|was\s+)?"
                    r"(?:killed|died|dead)|(?:killing|killed|deaths? of)\s+(\d[\d,]*)", re.I)
OFFICE = {"president": "head-of-state", "prime minister": "head-of-government",
          "premier": "head-of-government", "foreign minister": "foreign-minister"}
TRIGGERS = [
    (re.compile(r"\b(visit\w*|trip|travel\w*|arriv\w*)\b", re.I), {"visit", "meeting"}),
    (re.compile(r"\b(met|meet\w*|talks|summit|call\w*|phone\w*)\b", re.I),
     {"meeting", "visit", "statement"}),
    (re.compile(r"\b(sign\w*|agree\w*|treaty|declaration|accord|contract|memorandum)\b",
                re.I), {"agreement", "treaty"}),
    (re.compile(r"\b(open\w*|inaugurat\w*|launch\w*|construction)\b", re.I),
     {"infrastructure"}),
    (re.compile(r"\b(war|clash\w*|attack\w*|killed|shot down|offensive|fighting|conflict)\b",
                re.I), {"conflict", "crisis"}),
    (re.compile(r"\b(elect\w*|vote|referendum)\b", re.I), {"election"}),
]
# Words that make a claim stronger than a record that lacks them can support.
SUPERLATIVE = re.compile(r"\b(first|last|only|record|largest|biggest|highest|lowest|"
                         r"automatically|always|never|every|entirely|fully|exclusively)\b", re.I)


def frame(sentence: str, lex: Lexicon, kb: Knowledge, ctx: Context | None = None) -> Frame:
    """The sentence's names, dates, event words and modality; `ctx` carries what earlier
    sentences settled (people named in full, the last date, the two countries)."""
    ctx = ctx or Context()
    dates = find_dates(sentence, ctx.doc_date, ctx.last_date)
    if not dates and ANAPHORIC.search(sentence):
        dates = list(ctx.previous_dates())        # "during this visit"
    mentions = link(sentence, lex)
    span = _span(dates, ctx.doc_date)
    entities: list[str] = []
    ambiguous: set[str] = set()
    for m in mentions:
        chosen = list(m.candidates)
        if len(chosen) > 1:
            earlier = [c for c in chosen if c in ctx.named]
            chosen = earlier or _disambiguate(chosen, kb, span, mentions) or chosen
            if len(chosen) > 1:
                ambiguous.update(chosen)
        entities += [e for e in chosen if e not in entities]
    borrowed = _borrowed(sentence, lex, kb, ctx, span, entities, ambiguous)
    entities += [e for e in borrowed if e not in entities]
    mention_words = {w for m in mentions for w in words(m.text)}
    date_words = {w for d in dates for w in words(d.text)}
    kinds = {k for pattern, ks in TRIGGERS if pattern.search(sentence) for k in ks}
    main_clause = RELATIVE_CLAUSE.sub("", sentence)
    return Frame(sentence, mentions, dates, entities,
                 [e for e in entities if lex.kinds.get(e) == "person" and e not in ambiguous],
                 words(sentence) - mention_words - date_words,
                 bool(NEGATION.search(sentence)),
                 bool(FORECAST.search(main_clause) or EVALUATIVE.search(main_clause)),
                 kinds, ambiguous, bool(FORECAST.search(main_clause)), set(borrowed))


def _borrowed(sentence: str, lex: Lexicon, kb: Knowledge, ctx: Context, span,
              entities: list[str], ambiguous: set[str]) -> list[str]:
    """Entities the sentence refers to without naming them: 'the two countries', 'he',
    'the Azerbaijani leader' (by office and date; several holders stay ambiguous)."""
    out: list[str] = []
    for m in PAIR.finditer(sentence):
        out += ctx.pair(m.group(1))
    if PRONOUN.search(sentence):
        out += [p for p in ctx.previous_person() if p not in entities]
    day = span[0] if span and span[0] == span[1] else (span[0] if span else None)
    resolved, unsure = epithets(sentence, kb, day)
    out += resolved
    ambiguous.update(unsure)
    return out


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


def judge(f: Frame, kb: Knowledge, doc_date: date | None) -> Verdict:
    if not f.entities and not f.dates:
        return Verdict("not_checkable", "vague", "Names nothing the record could settle.")
    if f.forecast and not f.dates:
        return Verdict("not_checkable", "opinion", "An opinion, a judgement or a forecast.")
    verdict = _first(f, kb, doc_date)
    if verdict and verdict.verdict in {"contradicted", "anachronistic"} and \
            REPORTED.search(f.sentence):
        # "reportedly", "X claimed that": the text does not assert it, so it is not accused
        return Verdict("not_in_kb", "hedged_claim", f"Reported, not asserted; the record "
                       f"disagrees: {verdict.message}", verdict.correction, verdict.evidence)
    return verdict or Verdict("not_in_kb", "no_matching_record",
                              "The knowledge base holds no record that settles this.")


def _first(f: Frame, kb: Knowledge, doc_date: date | None) -> Verdict | None:
    for check in (relations.lifespan, _anachronism, _in_office, relations.ordering,
                  relations.never_held, _memberships, relations.existence, relations.joined,
                  relations.roles, relations.alliance, infrastructure.slots, _terms,
                  relations.agreements_signed, relations.meetings):
        verdict = check(f, kb, doc_date)
        if verdict:
            return verdict
    if f.hedged and not f.dates:
        return Verdict("not_checkable", "opinion", "An opinion, a judgement or a forecast.")
    return _events(f, kb, doc_date)


def _anachronism(f: Frame, kb: Knowledge, doc_date) -> Verdict | None:
    span = _span(f.dates, None)
    for person in f.people:
        p = kb.entities[person]
        died = p.get("exists_until")
        if span and died and span[0] > died and _acts(f, person):
            return Verdict("anachronistic", "after_death",
                           f"{p['name']} died on {died.isoformat()}, before this.",
                           f"{p['name']} died on {died.isoformat()}.",
                           [evidence("entity", person, p["name"], died, [])])
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
                               [evidence("entity", other, e["name"], e["exists_from"], [])])
        office = _office_claimed(f.sentence, p["name"])
        implied = None
        if office and not span:   # "the Khojaly killings took place under X": their date
            implied = _implied_event(f, kb, person)
        when = span or ((implied.start, implied.end) if implied else None)
        if office and when:
            span = when
            held = [t for t in kb.terms.get(person, []) if t["kind"] in office
                    and _overlaps(t, span)]
            if not held:
                state = (p.get("country") or "").lower()
                holders = sorted({kb.entities[h]["name"] for k in office
                                  for h in kb.holder(state, k, span[0]) if h in kb.entities})
                who = f"; the office was held by {', '.join(holders)}" if holders else ""
                correction = (f"In {span[0].year} the office was held by "
                              f"{', '.join(holders)}." if holders else None)
                ev = [evidence("term", t["id"], t["title"], t["start"],
                               kb.urls.get(("terms", t["id"]), []))
                      for t in kb.terms.get(person, [])[:3]]
                if implied:
                    ev = [evidence("event", implied.id, implied.title, implied.start,
                                   implied.urls), *ev[:2]]
                return Verdict("anachronistic", "outside_tenure",
                               f"{p['name']} did not hold that office in "
                               f"{span[0].year}{who}.", correction, ev)
    return None


def _implied_event(f: Frame, kb: Knowledge, person: str) -> KbEvent | None:
    """The one record an undated claim names by its other entities and a word of its title."""
    named = _named_phrases(f)
    titled = [x for x in kb.events if any(_within(p, x.title) for p in named)]
    if len(titled) == 1:     # "the Black January crackdown": the one record of that name
        return titled[0]
    others = [e for e in f.entities if e != person
              and kb.entities.get(e, {}).get("kind") not in {"person", "state"}]
    if not others:
        return None
    found = [x for x in kb.events if all(_mentioned(e, x, kb) for e in others)
             and f.words & words(x.title)]
    return found[0] if len(found) == 1 else None


def _acts(f: Frame, person: str) -> bool:
    """Is the person an actor of the sentence, not an object ('in memory of X', "X's legacy")?"""
    for m in f.mentions:
        if person in m.candidates:
            before = f.sentence[max(0, m.span[0] - 40):m.span[0]].lower()
            after = f.sentence[m.span[1]:m.span[1] + 2]
            object_of = re.search(r"\b(of|to|for|honou?r\w*|memory|recogni\w+|late|"
                                  r"contribution|legacy|father|son)\b\W*$", before)
            return not (after.startswith(("'s", "’s")) or object_of)
    return person in f.borrowed     # "he", "the Russian foreign minister": the subject


def _serving(sentence: str, last: str, title: str) -> bool:
    """'X was president of Russia', 'X served as prime minister'."""
    return bool(re.search(rf"{last}\s+(?:was|served as|remained|had been|was still)\s+"
                          rf"(?:the\s+)?(?:\w+\s+)?{title}\b", sentence, re.I))


def _in_office(f: Frame, kb: Knowledge, doc_date) -> Verdict | None:
    """'X was president of Russia in 1995': a term of that office covering the date."""
    if not f.dates or f.negated:
        return None
    span = _span(f.dates, None)
    for person in f.people:
        p = kb.entities[person]
        last = re.escape(p["name"].split()[-1])
        for title, kind in OFFICE.items():
            if not _serving(f.sentence, last, title):
                continue
            held = [t for t in kb.terms.get(person, []) if t["kind"] == kind
                    and _overlaps(t, span)]
            if held:
                t = held[0]
                return Verdict("supported", "in_office", f"{p['name']} was {t['title']} from "
                               f"{t['start']} to {t['end'] or 'today'}.", None,
                               [evidence("term", t["id"], t["title"], t["start"],
                                         kb.urls.get(("terms", t["id"]), []))])
    return None


def _office_claimed(sentence: str, name: str) -> set[str] | None:
    """Offices a sentence gives a person: 'President X', 'under X', 'X's government'."""
    last = re.escape(name.split()[-1])
    s = sentence
    for title, kind in OFFICE.items():
        # "former prime minister X", "ex-president X": a title held before, not then
        if re.search(rf"\b(?<!former )(?<!ex-){title}\s+(?:\w+\s+){{0,2}}{last}", s, re.I) or \
                re.search(rf"{last},?\s+(?:the\s+)?(?:then\s+)?{title}\b", s, re.I) or \
                _serving(s, last, title):
            return {kind}
    if re.search(rf"\bunder\s+(?:\w+\s+){{0,2}}{last}\b|{last}'s\s+(?:government|rule|"
                 rf"presidency|leadership)", s, re.I):
        return {"head-of-state", "head-of-government"}
    return None


ABOUT = re.compile(r"\b(about|around|nearly|almost|some|roughly|approximately|over|more than|"
                   r"less than)\b", re.I)


NAMED = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:(?:of|in|the|and|for|on|at)\s+){0,2}[A-Z][\w’'-]+)+")


CONNECTORS = {"of", "in", "the", "and", "for", "on", "at"}


def _named_phrases(f: Frame) -> list[str]:
    """Multi-word proper names in the claim that are not just an entity's name."""
    linked = {w for m in f.mentions for w in normalise(m.text).split()}
    out = []
    for m in NAMED.finditer(f.sentence):
        phrase = normalise(re.sub(r"^(The|A|An)\s+", "", m.group(0)))
        phrase = re.sub(r"^(?:(?:then|former|acting|president|prime|minister|premier|foreign|"
                        r"general|mr|mrs|dr|first|deputy|secretary)\s+)+", "", phrase)
        tokens = phrase.split()
        while tokens and (tokens[-1] in MONTH_NAMES or tokens[-1] in CONNECTORS or
                          (tokens[-1] in linked and len(tokens) > 1 and
                           tokens[-2] in {"in", "at", "on"})):
            tokens.pop()  # "… Interaction in February", "… in Baku": the date, the place
            if tokens and tokens[-1] in {"in", "at", "on"}:
                tokens.pop()
        phrase = " ".join(tokens)
        own = set(tokens) - linked - CONNECTORS - set(MONTH_NAMES)
        if own and len(tokens) >= 2:  # not just names joined ("Putin and Aliyev")
            out.append(phrase)
    return out


STARTED = re.compile(r"\b(became|become|becomes|appointed|elected|named|took office|sworn|"
                     r"inaugurated|succeeded|assum\w+|(?:rose|came|returned) to power|"
                     r"took power)\b", re.I)
ELECTED = re.compile(r"\belect(?:ed|ion)\b", re.I)
REELECTED = re.compile(r"\bre-?elect\w*", re.I)
TO_POWER = re.compile(r"\b((?:rose|came|returned) to power|took power|presidency)\b", re.I)


GENERIC_TITLE = {"chairman", "supreme", "president", "minister", "prime", "foreign", "affairs",
                 "full", "member", "central", "committee", "first", "secretary", "deputy",
                 "council", "director", "head", "state", "government", "ministers"}


def _proper_title_words(term: dict, kb: Knowledge) -> set[str]:
    """The words that name which body an office belongs to ('Majlis', 'Nakhchivan',
    'Politburo'): a claim about another body is not about this term."""
    state = words(kb.entities.get(term["state_id"], {}).get("name", ""))
    proper = {w for w in re.findall(r"\b[A-Z][a-z]+\b", term["title"])
              if w.lower() not in GENERIC_TITLE}
    return words(" ".join(proper)) - state


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
            if len(title & f.words) >= min(2, len(title)) and \
                    _proper_title_words(t, kb) <= words(f.sentence):
                matching.append(t)
        if not matching:
            continue
        ev = [evidence("term", t["id"], f"{name}: {t['title']}", t["start"],
                        kb.urls.get(("terms", t["id"]), [])) for t in matching[:3]]
        if REELECTED.search(f.sentence):
            continue    # a re-election starts no new term in the record
        # an election comes up to half a year before the term it opens
        lead = timedelta(days=183) if ELECTED.search(f.sentence) else timedelta(0)
        hit = next((t for t in matching for d in f.dates
                    if d.start <= t["start"] <= d.end + lead), None)
        if hit:
            sup = _strong_words(f)
            if sup:  # "the first Muslim member": a term record cannot say that
                return Verdict("not_in_kb", "superlative_not_in_kb", f"{name} took office as "
                               f"{hit['title']} on {hit['start']}, but the record does not "
                               f"say '{sup[0]}'.", None, ev)
            return Verdict("supported", "term_start_match", f"{name} took office as "
                           f"{hit['title']} on {hit['start']}.", None, ev)
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


def _overlap(d: DateMention, e: KbEvent) -> bool:
    """Dates agree when the intervals meet; a day-precise date may be a day off (a call the
    day after, a report dated the next morning)."""
    slack = timedelta(days=1) if d.precision == "day" else timedelta(0)
    return d.start - slack <= e.end and e.start <= d.end + slack


def _mentioned(entity: str, e: KbEvent, kb: Knowledge) -> bool:
    name = re.sub(r"\s*\([^)]*\)", "", kb.entities.get(entity, {}).get("name", "")).lower()
    return entity in e.actors or bool(name and name in (e.title + " " + e.summary).lower())


COUNTED = re.compile(r"(\d[\d,]*)\s+(?:\w+\s+){0,2}?(peacekeepers|troops|soldiers|servicemen|"
                     r"personnel|passengers|refugees|prisoners)\b", re.I)


def _counts(text: str) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for m in COUNTED.finditer(digits(text)):
        out.setdefault(m.group(2).lower(), set()).add(int(m.group(1).replace(",", "")))
    return out


def _count_mismatch(claim: str, record: str) -> tuple[int, int, str] | None:
    """A count of people the record gives once, and the claim gives otherwise."""
    theirs = _counts(record)
    loose = 0.1 if ABOUT.search(claim) else 0.0
    for noun, values in _counts(claim).items():
        if len(theirs.get(noun, ())) == 1:
            (value,) = theirs[noun]
            if not any(close(v, value, loose) for v in values):
                return min(values), value, noun
    return None


def _deaths(text: str) -> int | None:
    m = DEATHS.search(digits(text))
    if not m:
        return None
    return int((m.group(1) or m.group(2)).replace(",", ""))


def _figures_agree(f: Frame, e: KbEvent) -> list[float]:
    """Figures of the claim that the event's text does not give (within 10% if hedged)."""
    text = e.title + " " + e.summary
    theirs = [v for v, _ in numbers(text)]
    loose = 0.1 if ABOUT.search(f.sentence) else 0.02
    return [v for v, _ in numbers(f.sentence) if not any(close(v, t, loose) for t in theirs)]


# A duty stated as firm ("commits … to defend … automatically") against a record that gives
# the same provision as an option ("possible mutual military assistance", "may consider").
FIRM = re.compile(r"\b(automatic\w*|oblig\w+|obliges|binding|must|is bound|are bound|"
                  r"guarantee\w*|commits?\s+(?:\w+\s+){0,4}?to)\b", re.I)
DUTIES = {"military assistance": (
    re.compile(r"\b(defen[cd]\w*|military (?:assistance|aid|support|help)|come to (?:the|each "
               r"other's|its) (?:aid|defen[cs]e))\b", re.I),
    re.compile(r"\b(?:possible|potential|may|might|could|can|optional\w*|consider\w*)\s+"
               r"(?:\w+\s+){0,3}?(?:military (?:assistance|aid|support|help)|defen[cs]e)\b",
               re.I))}


def _weaker_duty(claim: str, record: str) -> str | None:
    """The record's hedged wording when the claim states that duty as firm."""
    if not FIRM.search(claim):
        return None
    for said, hedged in DUTIES.values():
        m = hedged.search(record)
        if said.search(claim) and m:
            return m.group(0)
    return None


DOCUMENT = re.compile(r"\b(treaty|agreement|declaration|accord|protocol|pact|convention|"
                      r"memorandum|charter|contract|statement)\b")


def _within(phrase: str, text: str) -> bool:
    """A normalised phrase inside a text, on word boundaries."""
    return f" {phrase} " in f" {normalise(text)} "


def _strong_words(f: Frame) -> list[str]:
    """Superlatives and absolutes of the claim, outside its dates ('last year' is a date)."""
    text = f.sentence
    for d in f.dates:
        if text[d.span[0]:d.span[1]] == d.text:
            text = text[:d.span[0]] + " " * len(d.text) + text[d.span[1]:]
    return SUPERLATIVE.findall(text.lower())


SIGNING = re.compile(r"\b(sign\w*|conclud\w*|adopt\w*|agreed|initial\w*)\b", re.I)
BEGAN = re.compile(r"\b(began|begun|begins?|started|starts?|broke out|erupted|launched)\b",
                   re.I)


def _places(f: Frame, kb: Knowledge) -> set[str]:
    """Places the claim sets the event in ('in Moscow', 'to Baku'): the record must name them."""
    return {c for m in f.mentions for c in m.candidates
            if kb.entities.get(c, {}).get("kind") == "place" and not m.metonym
            and _set_in(f.sentence, m.span[0])}


def _place_named(place: str, f: Frame, e: KbEvent, kb: Knowledge) -> bool:
    """The record names the place: as an actor, by its name, or by the claim's word for it."""
    text = (e.title + " " + e.summary).lower()
    return _mentioned(place, e, kb) or any(
        place in m.candidates and re.search(rf"\b{re.escape(m.text.lower())}\b", text)
        for m in f.mentions)


def _set_in(sentence: str, at: int) -> bool:
    """'in Moscow', 'to Baku' in the main clause, not '… who were killed in Karabakh'."""
    return bool(re.search(r"\b(in|to|at|from|visit\w*)\s+$", sentence[max(0, at - 12):at])) \
        and \
        not re.search(r"\b(who|which|that|whose|where)\b", sentence[max(0, at - 50):at], re.I)


def _unknown_places(f: Frame) -> list[str]:
    """Capitalised names set as the event's place that the knowledge base does not know
    ('visited Tbilisi'): a record that does not name them is not this event."""
    linked = [m.span for m in f.mentions]
    out = []
    for m in re.finditer(r"\b(?:in|to|at|visit\w*)\s+([A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)",
                         f.sentence):
        word = m.group(1)
        if word.lower().split()[0] in MONTH_NAMES or any(a <= m.start(1) < b for a, b in linked):
            continue
        if _set_in(f.sentence, m.start(1)):
            out.append(word)
    return out


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
        if f.dates and e.end > e.start and BEGAN.search(f.sentence):
            dated = any(d.start <= e.start <= d.end for d in f.dates)   # "the war began in …"
        score = (len(shared) / max(len(actors), 1)) + 1.5 * coverage + (0.5 if dated else 0) \
            + (0.5 if e.kind in f.kinds else 0)
        scored.append((score, coverage, dated, len(shared), e))
    if not scored:
        return None
    scored.sort(key=lambda s: (not s[2], -s[0], s[4].id))   # records on the date first
    ev = [evidence("event", s[4].id, s[4].title, s[4].start, s[4].urls) for s in scored[:3]]
    required = {a for a in actors if kb.entities.get(a, {}).get("kind") != "person"
                or _acts(f, a)}
    places = _places(f, kb)
    # the event word alone ("Putin met Aliyev in Baku"): the kind and the actors decide
    content = f.words - words(" ".join(m.group(0) for pattern, _ in TRIGGERS
                                       for m in pattern.finditer(f.sentence)))
    # a name the record knows ("the Year of Russia in Azerbaijan") must be the record's own:
    # a near-miss title ("the Year of Azerbaijan in Russia") is another thing
    titled = [p for p in _named_phrases(f) if DOCUMENT.search(p)
              or any(_within(p, x.title) for x in kb.events)]
    for _score, coverage, dated, shared, best in scored[:3]:
        if titled and not all(_within(p, best.title if DOCUMENT.search(p) else
                                      best.title + " " + best.summary) for p in titled):
            continue    # a document's own signing names it in the title
        exact_day = any(d.precision == "day" and _overlap(d, best) for d in f.dates)
        same_kind = bool(f.dates) and best.kind in f.kinds and shared >= 2
        matched = len(f.words & best.words)
        enough = (coverage >= 0.45 and (matched >= 2 or len(f.words) == 1)) or \
            (exact_day and shared >= 2 and coverage >= 0.2) or \
            (same_kind and (coverage >= 0.2 or not content))
        if not (enough and dated):
            continue
        if not all(_mentioned(a, best, kb) for a in required) or \
                not all(_place_named(p, f, best, kb) for p in places):
            continue  # the claim names an actor or a place the record does not have
        if not all(p.lower() in (best.title + " " + best.summary).lower()
                   for p in _unknown_places(f)):
            continue  # nor a place the record does not name
        counted = _count_mismatch(f.sentence, best.title + " " + best.summary)
        if counted:
            return Verdict("contradicted", "count_mismatch", f"The record gives {counted[1]:,} "
                           f"{counted[2]}, not {counted[0]:,}: {best.title} ({best.start}).",
                           f"{counted[1]:,} {counted[2]}", ev)
        toll = _deaths(f.sentence), _deaths(best.title + " " + best.summary)
        if toll[0] is not None and toll[1] is not None and toll[0] != toll[1]:
            return Verdict("contradicted", "toll_mismatch", f"The record gives {toll[1]} "
                           f"dead, not {toll[0]}: {best.title} ({best.start}).",
                           f"{toll[1]} killed", ev)
        if toll[0] is not None and toll[1] is None:
            return Verdict("not_in_kb", "figure_not_in_kb", f"The record has {best.title} "
                           f"({best.start}) but gives no toll.", None, ev)
        if best.negative != denies_act(f.sentence) and coverage >= 0.4:
            return Verdict("contradicted", "negated_in_kb", f"The record says otherwise: "
                           f"{best.title} ({best.start}).", best.title, ev)
        weaker = _weaker_duty(f.sentence, best.title + ". " + best.summary)
        if weaker and not f.negated:
            return Verdict("contradicted", "obligation_overstated", f"The record has "
                           f"{best.title} ({best.start}), which provides only for "
                           f"'{weaker}', not a firm obligation.", weaker, ev)
        sup = _strong_words(f)
        if sup and not all(w in (best.title + " " + best.summary).lower() for w in sup):
            return Verdict("not_in_kb", "superlative_not_in_kb", f"The record has "
                           f"{best.title} ({best.start}) but does not say '{sup[0]}'.", None, ev)
        extra = [d for d in f.dates if not _overlap(d, best)
                 and str(d.start.year) not in best.title + " " + best.summary]
        if extra:   # "his first trip since 2010": a date the record does not give
            return Verdict("not_in_kb", "date_not_in_kb", f"The record has {best.title} "
                           f"({best.start}) but not {extra[0].text}.", None, ev)
        missing = _figures_agree(f, best)
        if missing:
            return Verdict("not_in_kb", "figure_not_in_kb", f"The record has {best.title} "
                           f"({best.start}) but not the figure {missing[0]:g}.", None, ev)
        return Verdict("supported", "match", f"{best.title} ({best.start}).", None, ev)
    # A date is contradicted only for a named, one-off thing the record has under that name
    # ("the Year of Russia in Azerbaijan"); otherwise silence on that date is not_in_kb.
    named = _named_phrases(f)
    unknown = [p.lower() for p in _unknown_places(f)]
    if not SIGNING.search(f.sentence):   # a treaty's date is the date it was signed
        named = [p for p in named if not DOCUMENT.search(p)]
    for _score, _coverage, dated, _shared, best in scored:
        if named and f.dates and not dated and any(_within(p, best.title) for p in named) \
                and all(_mentioned(a, best, kb) for a in required) \
                and all(p in (best.title + " " + best.summary).lower() for p in unknown):
            first = evidence("event", best.id, best.title, best.start, best.urls)
            return Verdict("contradicted", "date_mismatch", f"The record dates this to "
                           f"{best.start.isoformat()}: {best.title}.", best.start.isoformat(),
                           [first, *[e for e in ev if e["id"] != best.id]])
    return None
