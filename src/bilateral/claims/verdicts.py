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
from datetime import date

from bilateral.claims import agreements, infrastructure, memberships, offices, relations
from bilateral.claims.context import ANAPHORIC, PAIR, PRONOUN, Context, epithets
from bilateral.claims.dates import find_dates
from bilateral.claims.knowledge import NEGATION, Knowledge, words
from bilateral.claims.linker import Lexicon, Mention, link
from bilateral.claims.matching import TRIGGERS, match_events
from bilateral.claims.model import Frame, Verdict, span_of

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




def frame(sentence: str, lex: Lexicon, kb: Knowledge, ctx: Context | None = None) -> Frame:
    """The sentence's names, dates, event words and modality; `ctx` carries what earlier
    sentences settled (people named in full, the last date, the two countries)."""
    ctx = ctx or Context()
    dates = find_dates(sentence, ctx.doc_date, ctx.last_date)
    if not dates and ANAPHORIC.search(sentence):
        dates = list(ctx.previous_dates())        # "during this visit"
    mentions = link(sentence, lex)
    span = span_of(dates, ctx.doc_date)
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




def _disambiguate(ids: list[str], kb: Knowledge, span, mentions: list[Mention]) -> list[str]:
    """A surname shared by several people: keep those named in full elsewhere in the text, or
    alive and in office at the claim's date; otherwise leave it ambiguous."""
    full = {c for m in mentions if len(m.candidates) == 1 for c in m.candidates}
    named = [i for i in ids if i in full]
    if named:
        return named
    if span:
        alive = [i for i in ids if _alive(kb.entities.get(i, {}), span)]
        serving = [i for i in alive
                   if any(offices.overlaps(t, span) for t in kb.terms.get(i, []))]
        return serving or alive
    return []


def _alive(entity: dict, span) -> bool:
    born, died = entity.get("exists_from"), entity.get("exists_until")
    return (born is None or born <= span[1]) and (died is None or died >= span[0])




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


# The decision table, in order: the first rule that settles a claim decides.
CHECKS = (offices.lifespan, offices.anachronism, offices.in_office, relations.ordering,
          offices.never_held, memberships.founders_and_cochairs, relations.existence,
          memberships.joined, relations.roles, relations.alliance, infrastructure.slots,
          offices.took_office, agreements.signed, relations.agreements_signed,
          relations.meetings)


def _first(f: Frame, kb: Knowledge, doc_date: date | None) -> Verdict | None:
    for check in CHECKS:
        verdict = check(f, kb, doc_date)
        if verdict:
            return verdict
    if f.hedged and not f.dates:
        return Verdict("not_checkable", "opinion", "An opinion, a judgement or a forecast.")
    return match_events(f, kb, doc_date)

