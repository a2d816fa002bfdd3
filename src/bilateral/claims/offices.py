"""People in office and in life: titles and 'under X' against terms in office, taking
office, 'never held', births and deaths."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bilateral.claims.knowledge import KbEvent, Knowledge, words
from bilateral.claims.matching import acts, mentioned, named_phrases, strong_words, within
from bilateral.claims.model import Frame, Verdict, evidence, name_of, near, span_of

OFFICE = {"president": "head-of-state", "prime minister": "head-of-government",
          "premier": "head-of-government", "foreign minister": "foreign-minister"}


def overlaps(term: dict, span) -> bool:
    return term["start"] <= span[1] and (term["end"] is None or term["end"] >= span[0])


def anachronism(f: Frame, kb: Knowledge, doc_date) -> Verdict | None:
    span = span_of(f.dates, None)
    for person in f.people:
        p = kb.entities[person]
        died = p.get("exists_until")
        if span and died and span[0] > died and acts(f, person):
            return Verdict("anachronistic", "after_death",
                           f"{p['name']} died on {died.isoformat()}, before this.",
                           f"{p['name']} died on {died.isoformat()}.",
                           [evidence("entity", person, p["name"], died,
                                     kb.urls.get(("entities", person), []))])
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
                               [evidence("entity", other, e["name"], e["exists_from"],
                                         kb.urls.get(("entities", other), [])),
                                evidence("entity", person, p["name"], died,
                                         kb.urls.get(("entities", person), []))])
        office = _office_claimed(f.sentence, p["name"])
        implied = None
        if office and not span:   # "the Khojaly killings took place under X": their date
            implied = _implied_event(f, kb, person)
        when = span or ((implied.start, implied.end) if implied else None)
        if office and when:
            span = when
            held = [t for t in kb.terms.get(person, []) if t["kind"] in office
                    and overlaps(t, span)]
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
    named = named_phrases(f)
    titled = [x for x in kb.events if any(within(p, x.title) for p in named)]
    if len(titled) == 1:     # "the Black January crackdown": the one record of that name
        return titled[0]
    others = [e for e in f.entities if e != person
              and kb.entities.get(e, {}).get("kind") not in {"person", "state"}]
    if not others:
        return None
    found = [x for x in kb.events if all(mentioned(e, x, kb) for e in others)
             and f.words & words(x.title)]
    return found[0] if len(found) == 1 else None




def _serving(sentence: str, last: str, title: str) -> bool:
    """'X was president of Russia', 'X served as prime minister'."""
    m = re.search(rf"{last}\s+(?:was|served as|remained|had been|was still)\s+"
                  rf"(?:the\s+)?(?:(\w+)\s+)?{title}\b", sentence, re.I)
    # "X was elected president" is taking office, not serving: see took_office
    return bool(m) and not (m.group(1) and STARTED.fullmatch(m.group(1)))


def in_office(f: Frame, kb: Knowledge, doc_date) -> Verdict | None:
    """'X was president of Russia in 1995': a term of that office covering the date."""
    if not f.dates or f.negated:
        return None
    span = span_of(f.dates, None)
    for person in f.people:
        p = kb.entities[person]
        last = re.escape(p["name"].split()[-1])
        for title, kind in OFFICE.items():
            if not _serving(f.sentence, last, title):
                continue
            held = [t for t in kb.terms.get(person, []) if t["kind"] == kind
                    and overlaps(t, span)]
            if held:
                return _held(kb, p, held[0])
        # any other office by its title's words: "X was First Secretary of the Communist
        # Party of Azerbaijan in the 1970s" (support only: these lists are not complete)
        serving = re.search(rf"{last}\s+(?:was|served as|remained|had been|was still)\s+"
                            rf"([\w-]+(?:\s+\w+)?)", f.sentence, re.I)
        if serving and not STARTED.match(serving.group(1)) and \
                not re.match(r"(?:made|re-?elected)\b", serving.group(1), re.I):
            said = words(f.sentence)
            for t in kb.terms.get(person, []):
                title = words(t["title"]) - words(kb.entities.get(t["state_id"], {})
                                                  .get("name", ""))
                if len(title & said) >= min(2, len(title)) and \
                        _proper_title_words(t, kb) <= said and overlaps(t, span):
                    return _held(kb, p, t)
    return None


def _held(kb: Knowledge, p: dict, t: dict) -> Verdict:
    return Verdict("supported", "in_office", f"{p['name']} was {t['title']} from "
                   f"{t['start']} to {t['end'] or 'today'}.", None,
                   [evidence("term", t["id"], t["title"], t["start"],
                             kb.urls.get(("terms", t["id"]), []))])


def _office_claimed(sentence: str, name: str) -> set[str] | None:
    """Offices a sentence gives a person: 'President X', 'under X', 'X's government'."""
    last = re.escape(name.split()[-1])
    s = sentence
    for title, kind in OFFICE.items():
        # "former prime minister X", "ex-president X": a title held before, not then. Between
        # the title and the name only names and "of the": "President of Azerbaijan Heydar
        # Aliyev", never "the president attended Heydar Aliyev's funeral"
        if re.search(rf"\b(?<!former )(?<!ex-)(?i:{title})\s+(?:(?:[A-Z][\w'’-]*|of|the)\s+)"
                     rf"{{0,3}}{last}", s) or \
                re.search(rf"{last},?\s+(?:as\s+)?(?:(?:the|then|its)\s+)*"
                          rf"(?:(?-i:[A-Z][\w-]*)(?:['’]s)?\s+)?{title}\b", s, re.I) or \
                _serving(s, last, title):
            return {kind}
    if re.search(rf"\bunder\s+(?:\w+\s+){{0,2}}{last}\b|{last}'s\s+(?:government|rule|"
                 rf"presidency|leadership)", s, re.I):
        return {"head-of-state", "head-of-government"}
    return None


STARTED = re.compile(r"\b(became|become|becomes|appointed|elected|named|took office|sworn|"
                     r"confirmed as|inaugurated|succeeded|assum\w+|(?:rose|came|returned) to power|"
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


def _segments(sentence: str) -> list[tuple[int, int]]:
    """The stretch of text each 'became', 'elected' or 'appointed' governs, with its own
    office and date: 'confirmed as prime minister in August 2003 and elected president two
    years later' has two; 'X, who had become president months earlier, visited …' has the
    relative clause alone, whose date is not the sentence's."""
    out = []
    starts = list(STARTED.finditer(sentence))
    clauses = [m.span() for m in _RELATIVE.finditer(sentence)]
    main = [m for m in starts if not any(a <= m.start() < b for a, b in clauses)]
    out += [span for span in clauses if any(span[0] <= m.start() < span[1] for m in starts)]
    if main:
        cuts = [0]
        for m in main[1:]:
            j = max(sentence.rfind(" and ", 0, m.start()), sentence.rfind(",", 0, m.start()))
            if j > cuts[-1]:
                cuts.append(j)
        cuts.append(len(sentence))
        out += list(zip(cuts, cuts[1:], strict=False))
    return out


_RELATIVE = re.compile(r",\s*(?:who|which|whose)\b[^,;]*", re.I)


def took_office(f: Frame, kb: Knowledge, doc_date) -> Verdict | None:
    """'X became <office> in <date>': the office's words against X's terms in office, each
    'became' or 'elected' with the office and the date of its own part of the sentence."""
    if not f.dates or not STARTED.search(f.sentence):
        return None
    results = []
    for a, b in _segments(f.sentence):
        part = f.sentence[a:b]
        dates = [d for d in f.dates if a <= d.span[0] < b]
        if not dates or not STARTED.search(part):
            continue
        verdict = _took_office(f, kb, part, dates)
        if verdict:
            results.append(verdict)
    for wanted in ("contradicted", "not_in_kb", "supported"):
        for v in results:
            if v.verdict == wanted:
                return v
    return None


def _took_office(f: Frame, kb: Knowledge, part: str, dates) -> Verdict | None:
    said = words(part)
    for person in f.people:
        if not acts(f, person):
            continue
        name = kb.entities[person]["name"]
        matching = [t for t in kb.terms.get(person, []) if t["kind"] == "head-of-state"] \
            if TO_POWER.search(part) else []
        for t in [] if matching else kb.terms.get(person, []):
            title = words(t["title"]) - words(" ".join(
                kb.entities.get(t["state_id"], {}).get("name", "").split()))
            if len(title & said) >= min(2, len(title)) and \
                    _proper_title_words(t, kb) <= said:
                matching.append(t)
        if not matching:
            continue
        ev = [evidence("term", t["id"], f"{name}: {t['title']}", t["start"],
                        kb.urls.get(("terms", t["id"]), [])) for t in matching[:3]]
        if REELECTED.search(part):
            continue    # a re-election starts no new term in the record
        # an election comes up to half a year before the term it opens
        lead = timedelta(days=183) if ELECTED.search(part) else timedelta(0)
        hit = next((t for t in matching for d in dates
                    if d.start <= t["start"] <= d.end + lead), None)
        if hit:
            sup = strong_words(f)
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


NEVER_OFFICE = re.compile(r"\b(?:never|not once|at no (?:point|time))\b(?:\W+\w+){0,4}?\W+"
                          r"(president|prime minister|premier|foreign minister)\b", re.I)


OFFICE_KINDS = {"president": "head-of-state", "prime minister": "head-of-government",
                "premier": "head-of-government", "foreign minister": "foreign-minister"}


def never_held(f: Frame, kb: Knowledge, now: date | None) -> Verdict | None:
    """'X was never prime minister of S': where the record lists every holder of that office
    (a declared complete coverage), the absence is settled either way."""
    m = NEVER_OFFICE.search(f.sentence)
    if not m or not f.people:
        return None
    kind = OFFICE_KINDS[m.group(1).lower()]
    person = f.people[0]
    states = f.states(kb) or [(kb.entities[person].get("country") or "").lower()]
    office = kb.complete.get((states[0], kind))
    if not office:
        return None     # no declared coverage: silence settles nothing
    held = [t for t in kb.terms.get(person, []) if t["kind"] == kind
            and t["state_id"] == states[0]]
    if held:
        t = held[0]
        return Verdict("contradicted", "held_office", f"{name_of(kb, person)} was {t['title']} "
                       f"from {t['start']}.", f"{t['title']} from {t['start']}",
                       [evidence("term", t["id"], t["title"], t["start"],
                                 kb.urls.get(("terms", t["id"]), []))])
    return Verdict("supported", "absent_in_complete_coverage", f"The record lists every "
                   f"{office['title']} since {office['complete_since']}; {name_of(kb, person)} "
                   f"is not among them.", None,
                   [evidence("office", office["id"], office["title"], office["complete_since"],
                             []),
                    *[evidence("term", t["id"], f"{name_of(kb, t['person_id'])}: {t['title']}",
                               t["start"], kb.urls.get(("terms", t["id"]), []))
                      for t in sorted(kb.office_terms.get((states[0], kind), []),
                                      key=lambda t: t["start"])[:2]]])


LIFE = re.compile(r"\b(?:(died|passed away|death)|(was born|birth))\b", re.I)


def lifespan(f: Frame, kb: Knowledge, now: date | None) -> Verdict | None:
    """'X died in D', 'X was born in D': against the person's dates of birth and death."""
    m = LIFE.search(f.sentence)
    if not m or not f.dates or f.negated or len(f.people) != 1:
        return None
    person = f.people[0]
    row = kb.entities[person]
    if not near(f, person, LIFE, 25) or any(
            kb.entities.get(e, {}).get("kind") == "place" for e in f.entities) or \
            re.search(r"\b(?:in|at)\s+[A-Z][a-z]", f.sentence):
        return None     # a place of birth or death is not in the entity record
    field, what = ("exists_until", "died") if m.group(1) else ("exists_from", "was born")
    day = row.get(field)
    if not day:
        return None
    ev = [evidence("entity", person, row["name"], day, kb.urls.get(("entities", person), []))]
    if any(d.start <= day <= d.end for d in f.dates):
        return Verdict("supported", "life_date_match", f"{row['name']} {what} on {day}.",
                       None, ev)
    return Verdict("contradicted", "life_date_mismatch", f"{row['name']} {what} on {day}, "
                   f"not {f.dates[0].text}.", day.isoformat(), ev)
