"""Is a record specific evidence for a claim, or do they only share names, a date and generic
words? A claim is supported by an event record only when the record also has the claim's act
(its verbs, or a word for the same act) and the rare words of what was acted on; a record that
shares nothing but common words ('signed', 'visit', 'agreement') with a claim that says
something rarer ('a visa-free travel agreement') leaves the claim unsettled.

Rarity is the inverse document frequency of a word over the event records, computed once when
the knowledge base is loaded (`Knowledge.idf`)."""

from __future__ import annotations

import re

from bilateral.claims.knowledge import KbEvent, Knowledge, stem, words
from bilateral.claims.model import Frame

# A word used by fewer than about one record in twenty is specific: log(348 / 17) ≈ 3.
SPECIFIC = 3.0

# Verbs whose meaning lies in their object or complement ('made an honorary doctor', 'paid a
# visit', 'took place', 'said that …'): never required, and what follows them is not an object.
LIGHT = frozenset("""
make made take took taken have had give gave given get got put pay paid do did done go went
gone come came become became let keep kept seem seemed say said tell told announced stated
reported noted claimed added argued insisted confirmed called""".split())
# Past forms that are not '-ed' words.
IRREGULAR_PAST = frozenset("""
laid sent met held sold bought led left fought won brought shot broke flew cut set hit quit ran
began begun stood sought found lost struck spoke wrote drew saw grew fell rose chose built spent
dealt withdrew withdrawn threw shut beat sank froze stole overthrew upheld withheld oversaw
undertook""".split())
# '-ed' words that are adjectives or nouns, not acts.
NOT_VERBS = frozenset("""
armed united limited detailed related advanced alleged supposed concerned interested hundred
red bed fed wed shed speed seed feed need breed proceed indeed based unnamed""".split())
DETERMINERS = frozenset("a an the its his her their our this that these those".split())
# Figures written as words: the figure checks compare them, not the rarity of the word.
NUMBER_WORDS = frozenset("""
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand million billion percent half third quarter""".split())
# Words for the same act: a claim's verb is the record's when both use a word of one family.
ACTS = [re.compile(p, re.I) for p in (
    r"\b(visit\w*|trip\w*|travel\w*|arriv\w*|flew|fly|flies|went|came)\b",
    r"\b(met|meet\w*|talks?|summit\w*|host\w*|receiv\w*)\b",
    r"\b(sign\w*|conclud\w*|initial\w*|agree\w*|signat\w*)\b",
    r"\b(approv\w*|ratif\w*|endors\w*|adopt\w*|passed)\b",
    r"\b(stop\w*|halt\w*|end(?:ed|s|ing)?|quit\w*|suspend\w*|ceas\w*|cut|shut\w*|"
    r"clos\w*|terminat\w*|seal\w*|no longer)\b",
    r"\b(start\w*|begin\w*|began|begun|launch\w*|open\w*|commenc\w*|inaugurat\w*)\b",
    r"\b(hand\w*|extradit\w*|transferr?\w*|turn\w* over|return\w*)\b",
    r"\b(detain\w*|arrest\w*|captur\w*|seiz\w*|remand\w*)\b",
    r"\b(kill\w*|shot|shoot\w*|downed|hit|attack\w*|struck|strike\w*|fir(?:ed|ing))\b",
    r"\b(withdr\w*|pull\w* out|pull\w*|leav\w*|left|evacuat\w*)\b",
    r"\b(ask\w*|request\w*|quer\w*|urg\w*|demand\w*|press\w*)\b",
    r"\b(protest\w*|condemn\w*|denounc\w*|criticis\w*|objected)\b",
    r"\b(elect\w*|vot\w*|won|win\w*|chose|chosen)\b",
    r"\b(rais\w*|increas\w*|gr[eo]w\w*|rose|ris\w*|doubl\w*|tripl\w*)\b",
    r"\b(buy\w*|bought|purchas\w*|import\w*)\b",
    r"\b(sell\w*|sold|export\w*|suppl\w*|deliver\w*)\b",
)]
# Words that end the phrase a verb acts on: prepositions of place, time and agent,
# conjunctions, relative pronouns.
ENDS = frozenset("""
in at to from with by during after before near into under against between while because as
since when where who which that and but or than until over across through amid following
""".split())
PARTICLES = frozenset("off over up down out back away".split())
TOKEN = re.compile(r"[\w’'][\w’'.-]*[\w’']|[\w’']|[,;:()]")


def act_verbs(f: Frame) -> list[tuple[int, str]]:
    """(token index, verb) for the claim's past-tense acts, light and reporting verbs left out:
    regular '-ed' forms not after a determiner, and the common irregular past forms."""
    tokens = _tokens(f)
    out = []
    aside = _asides(tokens)
    for i, (low, raw) in enumerate(tokens):
        if i in aside or low in LIGHT or low in NOT_VERBS or "-" in low or \
                (i and raw[:1].isupper()):
            continue
        regular = re.fullmatch(r"[a-z]{2,}ed", low) is not None
        if (regular or low in IRREGULAR_PAST) and not (i and tokens[i - 1][0] in DETERMINERS):
            out.append((i, low))
    return out


def _asides(tokens: list[tuple[str, str]]) -> set[int]:
    """Token positions inside a non-restrictive relative clause (', which signalled a new
    era,'): the writer's comment on the thing, not the act the claim reports."""
    out: set[int] = set()
    inside = False
    for i, (low, _raw) in enumerate(tokens):
        if low == "," and i + 1 < len(tokens) and tokens[i + 1][0] in {"which", "who", "whose"}:
            inside = True
        elif low in {",", ";"}:
            inside = False
        if inside:
            out.add(i)
    return out


def _tokens(f: Frame) -> list[tuple[str, str]]:
    return [(t.lower(), t) for t in TOKEN.findall(f.sentence)]


def _same_act(verb: str, e: KbEvent, text: str) -> bool:
    """The record has the verb, a word for the same act, or is of the kind the verb's event
    word names ('met' and a visit, 'signed' and an agreement)."""
    from bilateral.claims.matching import TRIGGERS

    if stem(verb) in e.words or any(p.search(verb) and e.kind in kinds for p, kinds in TRIGGERS):
        return True
    return any(p.search(verb) and p.search(text) for p in ACTS)


IDIOM = re.compile(r"\b(?:take|takes|took|taken|taking)\s+place\b", re.I)


def _named(f: Frame) -> set[str]:
    """Words of the claim's names and dates, which the actor and date checks settle, and of
    idioms of a light verb ('took place')."""
    spans = [m.span for m in f.mentions] + [d.span for d in f.dates]
    spans += [m.span() for m in IDIOM.finditer(f.sentence)]
    return words(" ".join(f.sentence[a:b] for a, b in spans))


def _objects(tokens: list[tuple[str, str]], at: int) -> list[list[str]]:
    """The phrases a verb acts on: what follows it up to a preposition of place or time, a
    conjunction, punctuation or another verb, split at 'of', 'on', 'for' and 'about' ('signed
    an agreement | on fishing quotas | in …'); a unit after a figure is the figure's."""
    out: list[list[str]] = [[]]
    i = at + 1
    while i < len(tokens) and tokens[i][0] in PARTICLES:
        i += 1
    for k, (low, _raw) in enumerate(tokens[i:i + 10]):
        if low in ENDS or not re.match(r"\w", low) or re.fullmatch(r"[a-z]{3,}ed", low) or \
                (re.fullmatch(r"[a-z]{3,}ing", low) and (not k or _clause(tokens, i + k))):
            break   # 'quit | buying gas', 'a declaration | providing for', not 'fishing quotas'
        if low in {"of", "on", "for", "about"}:
            out.append([])
        elif not (k and re.match(r"[\d$€£]|million|billion|thousand", tokens[i + k - 1][0])):
            out[-1].append(low)
    return [p for p in out if p]


def _clause(tokens: list[tuple[str, str]], at: int) -> bool:
    """Does the '-ing' word at `at` open a clause (followed by a small word or nothing)?"""
    after = tokens[at + 1][0] if at + 1 < len(tokens) else ""
    return not after or after in ENDS or after in DETERMINERS or \
        after in {"of", "on", "for", "about", "each", "both", "all", "any", "it", "them"} or \
        not re.match(r"\w", after)


def _identified(phrase: list[str], f: Frame, e: KbEvent, kb: Knowledge, text: str) -> bool:
    """A phrase names its thing in a way the record shares: a rare word or a designation
    ('Mi-24') of the record, or a name (not a state's or a place's) the record has."""
    low = text.lower()
    for m in f.mentions:
        names = set(m.text.lower().split())
        kinds = {kb.entities.get(c, {}).get("kind") for c in m.candidates}
        if names & set(phrase) and not kinds & {"state", "place"} and \
                any(c in e.actors or m.text.lower() in low for c in m.candidates):
            return True
    return any(re.search(r"\d", w) and re.search(r"[a-z]", w) and
               re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", low) for w in phrase) or \
        any(kb.rarity(w) >= SPECIFIC for w in words(" ".join(phrase)) & e.words)


def unspecific(f: Frame, e: KbEvent, kb: Knowledge, titled: bool = False) -> str | None:
    """What the claim says that the record does not, when that makes the record no evidence
    for it: an act the record does not have (unless a light verb carries the act: 'made an
    honorary doctor'), or a thing acted on that the record does not name, by none of its rare
    words and by a rare word of its own ('raided the consulate' against a record of raided
    homes). None when the record is specific evidence."""
    text = e.title + ". " + e.summary
    tokens = _tokens(f)
    verbs = act_verbs(f)
    # The record's own act, where it has one of the claim's: what that act was done to must be
    # named. A verb the record lacks is not held against it (paraphrases change verbs far
    # more than objects: 'pulled out of' for 'stops operating'); its object is checked instead.
    matched = [(i, v) for i, v in verbs if _same_act(v, e, text)] or verbs
    named = _named(f)
    for i, _verb in matched:
        for phrase in _objects(tokens, i):
            missing = sorted((w for w in words(" ".join(phrase)) - named - e.words - NUMBER_WORDS
                              if kb.rarity(w) >= SPECIFIC), key=lambda w: (-kb.rarity(w), w))
            if missing and not _identified(phrase, f, e, kb, text):
                return missing[0]
    return None
