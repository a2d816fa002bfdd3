"""Matching a claim to the event records: names, places, dates, words, figures and the
words that make a claim stronger than its record (superlatives, firm duties)."""

from __future__ import annotations

import re
from datetime import timedelta

from bilateral.claims.dates import MONTHS as MONTH_NAMES
from bilateral.claims.dates import DateMention
from bilateral.claims.figures import close, digits, numbers
from bilateral.claims.knowledge import KbEvent, Knowledge, denies_act, words
from bilateral.claims.model import Frame, Verdict, evidence
from bilateral.claims.specific import unspecific
from bilateral.kb.names import normalise

DEATHS = re.compile(r"(?:all\s+)?(\d[\d,]*)\s+(?:\w+\s+){0,6}?(?:were\s+|was\s+)?"
                    r"(?:killed|died|dead)|(?:killing|killed|deaths? of)\s+(\d[\d,]*)", re.I)
TRIGGERS = [
    (re.compile(r"\b(visit\w*|trip|travel\w*|arriv\w*)\b", re.I), {"visit", "meeting"}),
    (re.compile(r"\b(met|meet\w*|talks|summit|call\w*|phone\w*|congress|conference|forum)\b",
                re.I), {"meeting", "visit", "statement"}),
    (re.compile(r"\b(sign\w*|agree\w*|treaty|declaration|accord|contract|memorandum|"
                r"ceasefire|truce|protocol|pact)\b", re.I), {"agreement", "treaty"}),
    (re.compile(r"\b(protest\w*|complain\w*|condemn\w*|denounc\w*|summon\w*)\b", re.I),
     {"statement", "crisis"}),
    (re.compile(r"\b(arrest\w*|detain\w*|raid\w*|expel\w*|ban\w*)\b", re.I),
     {"crisis", "sanction"}),
    (re.compile(r"\b(open\w*|inaugurat\w*|launch\w*|construction)\b", re.I),
     {"infrastructure"}),
    (re.compile(r"\b(war|clash\w*|attack\w*|killed|shot down|offensive|fighting|conflict)\b",
                re.I), {"conflict", "crisis"}),
    (re.compile(r"\b(elect\w*|vote|referendum)\b", re.I), {"election"}),
]
# Words that make a claim stronger than a record that lacks them can support.
SUPERLATIVE = re.compile(r"\b(first|last|only|record|largest|biggest|highest|lowest|"
                         r"automatically|always|never|every|entirely|fully|exclusively|most|"
                         r"least)\b", re.I)
# A comparison between things ("grew faster than Russia's"), not a bound on a figure ("more
# than 2 million", "less than half"): the record must make the same comparison.
COMPARATIVE = re.compile(r"\b(faster|slower|larger|bigger|smaller|higher|lower|greater|"
                         r"stronger|weaker|richer|poorer|better|worse|closer|warmer|cooler|"
                         r"(?:more|less)\s+\w+)\s+(?:\w+\s+){0,2}?than\b(?!\s+(?:\$|€|£|\d|"
                         r"about|around|half|a |one |two |three |four |five |ten |twice))", re.I)


ABOUT = re.compile(r"\b(about|around|nearly|almost|some|roughly|approximately|over|more than|"
                   r"less than)\b", re.I)


NAMED = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:(?:of|in|the|and|for|on|at)\s+){0,2}[A-Z][\w’'-]+)+")


CONNECTORS = {"of", "in", "the", "and", "for", "on", "at"}


def named_phrases(f: Frame) -> list[str]:
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


def _overlap(d: DateMention, e: KbEvent) -> bool:
    """Dates agree when the intervals meet; a day-precise date may be a day off (a call the
    day after, a report dated the next morning)."""
    slack = timedelta(days=1) if d.precision == "day" else timedelta(0)
    return d.start - slack <= e.end and e.start <= d.end + slack


def mentioned(entity: str, e: KbEvent, kb: Knowledge, f: Frame | None = None) -> bool:
    """The record has the entity: as an actor, by its name or the short form in the name's
    brackets ('… (OSCE)'), or by the very word the claim used for it."""
    if entity in e.actors:
        return True
    full = kb.entities.get(entity, {}).get("name", "")
    text = (e.title + " " + e.summary).lower()
    names = [re.sub(r"\s*\([^)]*\)", "", full), *re.findall(r"\(([^)]+)\)", full)]
    if f is not None:
        names += [m.text for m in f.mentions if entity in m.candidates]
    return any(n.strip() and re.search(rf"(?<![\w-]){re.escape(n.strip().lower())}(?![\w-])", text)
               for n in names)


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


def within(phrase: str, text: str) -> bool:
    """A normalised phrase inside a text, on word boundaries, whatever small words join it
    ('Declaration of Friendship' is the 'Declaration on Friendship')."""
    def bare(t: str) -> str:
        return " ".join(w for w in t.split() if w not in CONNECTORS)
    return f" {bare(phrase)} " in f" {bare(normalise(text))} "


def strong_words(f: Frame) -> list[str]:
    """Superlatives and absolutes of the claim, outside its dates ('last year' is a date)."""
    text = f.sentence
    for d in f.dates:
        if text[d.span[0]:d.span[1]] == d.text:
            text = text[:d.span[0]] + " " * len(d.text) + text[d.span[1]:]
    return SUPERLATIVE.findall(text.lower())


def _after(text: str, at: int, n: int) -> set[str]:
    """The content words of the next `n` words after a position."""
    return words(" ".join(re.findall(r"[\w’'-]+", text[at:])[:n]))


def unbacked_strong(f: Frame, record: str) -> str | None:
    """A superlative, an absolute or a comparison of the claim that the record does not make
    about the same thing: 'the first foreign first lady' against a record's 'her first official
    trip' is another 'first'; 'the most productive visit' needs the record's 'most productive'."""
    text = f.sentence
    for d in f.dates:
        if text[d.span[0]:d.span[1]] == d.text:
            text = text[:d.span[0]] + " " * len(d.text) + text[d.span[1]:]
    low = record.lower()
    for m in SUPERLATIVE.finditer(text):
        word = m.group(1).lower()
        if word in {"most", "least"} and re.search(r"\b(?:one|some|several|many|among)\s+"
                                                   r"(?:of\s+)?the\s+$", text[:m.start()], re.I):
            continue    # "one of the most notable": a judgement of the writer, not a rank
        spots = [r.end() for r in re.finditer(rf"\b{word}\b", low)]
        if not spots:
            return word
        ours = _after(text, m.end(), 3)
        if ours and not any(ours & _after(low, at, 4) for at in spots):
            return word
    for m in COMPARATIVE.finditer(text):
        word = m.group(1).lower().split()[-1]
        if not re.search(rf"\b{re.escape(word)}\b", low):
            return m.group(0).lower()
    return None


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
    return mentioned(place, e, kb) or any(
        place in m.candidates and re.search(rf"\b{re.escape(m.text.lower())}\b", text)
        for m in f.mentions)


def _set_in(sentence: str, at: int) -> bool:
    """'in Moscow', 'to Baku' in the main clause, not '… who were killed in Karabakh'."""
    return bool(re.search(r"\b(in|to|at|from|visit\w*)\s+$", sentence[max(0, at - 12):at])) \
        and \
        not re.search(r"\b(who|which|that|whose|where)\b", sentence[max(0, at - 50):at], re.I)


def place_conflict(f: Frame, kb: Knowledge, e: KbEvent, places: set[str]) -> str | None:
    """A place the claim sets a signing in that the record's signing is not in: the record
    sets it in named places and names the claim's place nowhere."""
    located = {p for p in e.locations if kb.entities.get(p, {}).get("kind") == "place"}
    if not e.agreements or not located:
        return None
    for place in places:
        if place not in located and not _place_named(place, f, e, kb):
            return place
    return None


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


# Acts whose direction matters: who attacked whom (in a meeting both sides act).
HOSTILE = re.compile(r"\b(attack\w*|shot down|shoot\w* down|offensive|invad\w*|invasion|"
                     r"struck|strikes?|shell\w*|bomb\w*|raid\w*|seiz\w*|occup\w*|expel\w*|"
                     r"sanction\w*|accus\w*)\b", re.I)
VOTE = re.compile(r"\bvot\w*\s+(for|in favou?r|against)|\b(abstain)\w*|"
                  r"\b(?:did|does|do) (not|n't) (?:take part in the |cast a )?vote\b|"
                  r"\b(not) voting\b", re.I)


# Acts and their opposites. A claim's act is contradicted by a record only when the record's
# title has the opposite act, does not have the claim's, and both name the same doer before
# the act ('LUKOIL sells its stake' against 'LUKOIL bought a stake'; 'INPEX bought LUKOIL's
# stake' is the same sale seen from the buyer, and names another doer).
OPPOSITES = [(re.compile(a, re.I), re.compile(b, re.I)) for a, b in (
    (r"\b(buy|buys|bought|buying|purchas\w*|acquir\w*)\b",
     r"\b(sell|sells|sold|selling|divest\w*)\b"),
    (r"\b(join|joins|joined|joining|accede\w*|acced\w*)\b",
     r"\b(leave|leaves|left|leaving|quit\w*|withdr[ae]w\w* from|suspend\w* (?:its )?membership)\b"),
    (r"\b(open|opens|opened|reopen\w*)\b", r"\b(close|closes|closed|shut|shuts|shutting)\b"),
    (r"\b(rais\w*|increas\w*|doubl\w*|expand\w*)\b", r"\b(cut|cuts|reduc\w*|decreas\w*|halv\w*)\b"),
    (r"\b(ratif\w*|approv\w*|accept\w*)\b", r"\b(reject\w*|refus\w*|veto\w*)\b"),
)]


def opposite_act(f: Frame, e: KbEvent, kb: Knowledge) -> tuple[str, str, str] | None:
    """(doer, the claim's act, the record's opposite act) when the record's title says the
    same doer did the opposite; None otherwise or when the claim is negated."""
    doers = [m.candidates[0] for m in sorted(f.mentions, key=lambda m: m.span)
             if len(m.candidates) == 1 and kb.entities.get(m.candidates[0], {}).get("kind")
             in {"state", "person", "organisation", "company"}]
    if f.negated or not doers:
        return None
    agent = doers[0]
    names = [m.text for m in f.mentions if agent in m.candidates]
    full = re.sub(r"\s*\([^)]*\)", "", kb.entities.get(agent, {}).get("name", ""))
    names = [n for n in [*names, full] if n]
    for one, other in OPPOSITES:
        for act, opposite in ((one, other), (other, one)):
            claimed = act.search(f.sentence)
            found = opposite.search(e.title)
            if not claimed or not found or act.search(e.title):
                continue
            doer = [n for n in names if _before(n, f.sentence, claimed.start())
                    and _before(n, e.title, found.start())]
            if doer:
                return doer[0], claimed.group(0), found.group(0)
    return None


def _before(name: str, text: str, at: int) -> bool:
    """Is `name` the doer: written before the act, with no other doer-like break between?"""
    m = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text[:at], re.I)
    return bool(m) and not re.search(r"\b(to|from|with|by|of)\b", text[m.end():at], re.I)


def _stance(text: str) -> str | None:
    """'for', 'against' or 'neither' (abstained or did not vote: both withhold a vote, and
    sources use the words loosely) when a text says how someone voted."""
    m = VOTE.search(text)
    if not m:
        return None
    word = next(g for g in m.groups() if g).lower()
    if word.startswith(("for", "in favo")):
        return "for"
    return "against" if word == "against" else "neither"


def _agent(f: Frame, kb: Knowledge) -> str | None:
    """Who does the act: the first state, person or organisation named, or the one after
    'by' in a passive ('was shot down … by Azerbaijani forces')."""
    passive = re.search(r"\b(?:was|were|been|being)\b[^.;]*?\bby\s+", f.sentence)
    start = passive.end() if passive else 0
    for m in f.mentions:
        if m.span[0] >= start and len(m.candidates) == 1 and \
                kb.entities.get(m.candidates[0], {}).get("kind") in {"state", "person",
                                                                      "organisation"}:
            return m.candidates[0]
    return None


def match_events(f: Frame, kb: Knowledge, doc_date) -> Verdict | None:
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
                or acts(f, a)}
    places = _places(f, kb)
    # the event word alone ("Putin met Aliyev in Baku"): the kind and the actors decide
    content = f.words - words(" ".join(m.group(0) for pattern, _ in TRIGGERS
                                       for m in pattern.finditer(f.sentence)))
    # a name the record knows ("the Year of Russia in Azerbaijan") must be the record's own:
    # a near-miss title ("the Year of Azerbaijan in Russia") is another thing
    titled = [p for p in named_phrases(f) if DOCUMENT.search(p)
              or any(within(p, x.title) for x in kb.events)]
    agent = _agent(f, kb)
    short = misplaced = None
    for _score, coverage, dated, shared, best in scored[:3]:
        if titled and not all(within(p, best.title if DOCUMENT.search(p) else
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
        if not all(mentioned(a, best, kb, f) for a in required):
            continue  # the claim names an actor the record does not have
        if not all(_place_named(p, f, best, kb) for p in places):
            wrong = place_conflict(f, kb, best, places) if SIGNING.search(f.sentence) else None
            if wrong and not misplaced:   # the signing of a document is one-off: its place
                where = ", ".join(sorted(kb.entities.get(p, {}).get("name", p)
                                         for p in best.locations))
                misplaced = Verdict("contradicted", "place_mismatch", f"The record sets "
                                    f"{best.title} ({best.start}) in {where}, not "
                                    f"{kb.entities[wrong]['name']}.", where, ev)
            continue  # nor a place the record does not have
        if agent and agent in best.targets and HOSTILE.search(f.sentence):
            continue  # the claim's attacker is the one the record's attack was aimed at
        stance = _stance(f.sentence), _stance(best.title)
        if None not in stance and stance[0] != stance[1]:
            return Verdict("contradicted", "stance_mismatch", f"The record has the opposite "
                           f"vote: {best.title} ({best.start}).", best.title, ev)
        opposite = opposite_act(f, best, kb)
        if opposite:
            return Verdict("contradicted", "opposite_act", f"The record has {opposite[0]} "
                           f"{opposite[2]}, not {opposite[1]}: {best.title} ({best.start}).",
                           best.title, ev)
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
        away = _stayed_away(f, best, kb)
        if away and not f.negated and ATTENDED.search(f.sentence):
            return Verdict("contradicted", "negated_in_kb", f"The record has {away} absent: "
                           f"{best.title} ({best.start}).", best.title, ev)
        if best.negative != denies_act(f.sentence) and coverage >= 0.4:
            return Verdict("contradicted", "negated_in_kb", f"The record says otherwise: "
                           f"{best.title} ({best.start}).", best.title, ev)
        weaker = _weaker_duty(f.sentence, best.title + ". " + best.summary)
        if weaker and not f.negated:
            return Verdict("contradicted", "obligation_overstated", f"The record has "
                           f"{best.title} ({best.start}), which provides only for "
                           f"'{weaker}', not a firm obligation.", weaker, ev)
        # what the record does not give leaves the claim unsettled, unless a later
        # candidate gives it all
        sup = unbacked_strong(f, best.title + ". " + best.summary)
        if sup:
            short = short or Verdict("not_in_kb", "superlative_not_in_kb", f"The record has "
                                     f"{best.title} ({best.start}) but does not say '{sup}' "
                                     f"of it.", None, ev)
            continue
        extra = [d for d in f.dates if not _overlap(d, best)
                 and str(d.start.year) not in best.title + " " + best.summary]
        if extra:   # "his first trip since 2010": a date the record does not give
            short = short or Verdict("not_in_kb", "date_not_in_kb", f"The record has "
                                     f"{best.title} ({best.start}) but not {extra[0].text}.",
                                     None, ev)
            continue
        missing = _figures_agree(f, best)
        if missing:
            short = short or Verdict("not_in_kb", "figure_not_in_kb", f"The record has "
                                     f"{best.title} ({best.start}) but not the figure "
                                     f"{missing[0]:g}.", None, ev)
            continue
        vague = unspecific(f, best, kb, bool(titled))
        if vague:   # only names, a date and common words in common: not this record's event
            short = short or Verdict("not_in_kb", "detail_not_in_kb", f"The record has "
                                     f"{best.title} ({best.start}) but nothing for "
                                     f"'{vague}'.", None, ev)
            continue
        return Verdict("supported", "match", f"{best.title} ({best.start}).", None, ev)
    if misplaced or short:
        return misplaced or short
    # A date is contradicted only for a named, one-off thing the record has under that name
    # ("the Year of Russia in Azerbaijan"); otherwise silence on that date is not_in_kb.
    named = named_phrases(f)
    unknown = [p.lower() for p in _unknown_places(f)]
    if not SIGNING.search(f.sentence):   # a treaty's date is the date it was signed
        named = [p for p in named if not DOCUMENT.search(p)]
    for _score, _coverage, dated, _shared, best in scored:
        if named and f.dates and not dated and any(within(p, best.title) for p in named) \
                and all(mentioned(a, best, kb, f) for a in required) \
                and all(p in (best.title + " " + best.summary).lower() for p in unknown):
            first = evidence("event", best.id, best.title, best.start, best.urls)
            return Verdict("contradicted", "date_mismatch", f"The record dates this to "
                           f"{best.start.isoformat()}: {best.title}.", best.start.isoformat(),
                           [first, *[e for e in ev if e["id"] != best.id]])
    return None


# "…; Aliyev stays away": one part of a record's title says a person was absent.
AWAY = re.compile(r"\b(?:stays?|stayed|keeps?|kept)\s+away\b|\b(?:was|is)\s+absent\b|"
                  r"\bno-show\b", re.I)
ATTENDED = re.compile(r"\b(attend\w*|took part|takes part|join\w*|went to|was at|were at|"
                      r"watch\w*|review\w*)\b", re.I)


def _stayed_away(f: Frame, e: KbEvent, kb: Knowledge) -> str | None:
    """The person of the claim who acts and whom the record's title says stayed away."""
    for part in re.split(r"[;:]", e.title):
        if not AWAY.search(part):
            continue
        for person in f.people:
            surname = kb.entities[person]["name"].split()[-1]
            if acts(f, person) and re.search(rf"\b{re.escape(surname)}\b", part) and \
                    person in e.actors:
                return kb.entities[person]["name"]
    return None


def acts(f: Frame, person: str) -> bool:
    """Is the person an actor of the sentence, not an object ('in memory of X', "X's legacy")?"""
    for m in f.mentions:
        if person in m.candidates:
            before = f.sentence[max(0, m.span[0] - 40):m.span[0]].lower()
            after = f.sentence[m.span[1]:m.span[1] + 2]
            object_of = re.search(r"\b(of|to|for|honou?r\w*|memory|recogni\w+|late|"
                                  r"contribution|legacy|father|son)\b\W*$", before)
            return not (after.startswith(("'s", "’s")) or object_of)
    return person in f.borrowed     # "he", "the Russian foreign minister": the subject
