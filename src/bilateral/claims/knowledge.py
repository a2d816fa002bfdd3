"""The knowledge base as the checker needs it: events with their actors and words, terms,
entities with their lifetimes, infrastructure with its figures and owners."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from bilateral.kb.names import normalise
from bilateral.kb.store import Store

_STOP_WORDS = """
a an the of in on at to for from by with and or but as is was were be been being it its
this that these those his her their he she they we our you your i me my which who whom
whose what when where while after before during between into over under about against
than then also not no yes has have had do does did said says say would could should may
might will can one two three second new years month day per cent percent about around
some more most other such each both all any very only just own same so up out off per
via amid since until against among within without country countries state states
"""
STOP = frozenset(_STOP_WORDS.split())
# Negation of the event itself ("did not attend", "cancels trip"), the same for a claim and
# for a record's title, so that "withdrawal" or "rejects" never reads as "did not happen".
NEGATION = re.compile(r"\b(did not|didn't|does not|doesn't|never|has not|hasn't|have not|"
                      r"haven't|was not|were not|wasn't|weren't|will not|won't|refus\w*|"
                      r"declin\w*|cancel\w*|skipp?\w*|boycott\w*|failed to|fails to)\b",
                      re.I)


# Irregular forms, so that "began" meets "begins" and "met" meets "meeting".
IRREGULAR = {"began": "begin", "begun": "begin", "met": "meet", "held": "hold", "sold": "sell",
             "bought": "buy", "took": "take", "taken": "take", "led": "lead", "left": "leave",
             "fought": "fight", "won": "win", "brought": "bring", "shot": "shoot",
             "withdrawal": "withdraw", "withdrew": "withdraw", "withdrawn": "withdraw",
             "broke": "break", "broken": "break", "gave": "give", "given": "give",
             "made": "make", "flew": "fly", "paid": "pay", "said": "say", "told": "tell"}


# A negation that denies an act ("cancels trip", "did not attend", "skips summit"), not one
# that qualifies a state of affairs ("will not prolong membership").
_ACT = (r"(?:\W+\w+){0,3}?\W+(?:attend\w*|visit\w*|trip|travel\w*|sign\w*|meet\w*|met|"
        r"go|went|come|came|parade|summit|ratif\w*|join\w*|recogni\w*|talks)\b")
DENIAL = re.compile(NEGATION.pattern + _ACT, re.I)


def denies_act(text: str) -> bool:
    return bool(DENIAL.search(text))


# Words for the same step of an event: a start is a start whether begun or launched.
SAME_STEP = {"start": "begin", "launch": "begin", "commenc": "begin", "commence": "begin"}


def stem(word: str) -> str:
    if word in IRREGULAR:
        return stem(IRREGULAR[word]) if IRREGULAR[word] != word else word
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ures", "ure", "es", "ed",
                   "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return SAME_STEP.get(word, word)


def words(text: str) -> set[str]:
    out = set()
    for w in re.findall(r"[\w]+", normalise(text)):
        if len(w) > 2 and w not in STOP and not w.isdigit():
            out.add(stem(w))
    return out


def inverse_frequencies(documents: list[set[str]]) -> dict[str, float]:
    """log((N + 1) / (df + 1)) for every word of the documents; '' holds the value of a word
    none of them uses."""
    df = Counter(w for d in documents for w in d)
    n = len(documents) + 1
    out = {w: math.log(n / (c + 1)) for w, c in df.items()}
    out[""] = math.log(n)
    return out


def _ids(value) -> list[str]:
    """A list field as stored: a list, or a ';'-separated string."""
    if not value:
        return []
    if isinstance(value, str):
        return [v for v in value.split(";") if v]
    return [v for v in value if v]


@dataclass
class KbEvent:
    id: str
    start: date
    end: date
    precision: str
    title: str
    summary: str
    kind: str
    actors: set[str]
    words: set[str]
    negative: bool
    urls: list[str]
    quad_class: int | None = None
    importance: int | None = None
    countries: frozenset[str] = frozenset()     # source and target countries (ISO3)
    infrastructure: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    locations: frozenset[str] = frozenset()     # the places the record sets it in
    agreements: frozenset[str] = frozenset()    # the documents it is the signing of


@dataclass
class Knowledge:
    events: list[KbEvent] = field(default_factory=list)
    terms: dict[str, list[dict]] = field(default_factory=dict)       # person -> terms
    office_terms: dict[tuple[str, str], list[dict]] = field(default_factory=dict)
    entities: dict[str, dict] = field(default_factory=dict)
    infrastructure: dict[str, dict] = field(default_factory=dict)
    owners: dict[str, list[dict]] = field(default_factory=dict)
    memberships: dict[str, list[dict]] = field(default_factory=dict)   # organisation -> rows
    urls: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    agreements: list[dict] = field(default_factory=list)      # with a set of 'parties'
    latest: date | None = None                                  # the newest record's date
    routes: dict[str, set[str]] = field(default_factory=dict)   # line -> states it crosses
    complete: dict[tuple[str, str], dict] = field(default_factory=dict)  # offices covered
    parties: dict[str, set[str]] = field(default_factory=dict)   # agreement -> all its states
    idf: dict[str, float] = field(default_factory=dict)   # word -> its rarity across the events

    def rarity(self, word: str) -> float:
        """Inverse document frequency of a (stemmed) word over the event records: about 0 for a
        word most records use ('sign'), highest for one no record uses ('visa')."""
        return self.idf.get(word, self.idf.get("", 0.0))

    @classmethod
    def from_store(cls, store: Store) -> Knowledge:
        from bilateral.model.dates import interval

        k = cls()
        for r in store.rows("SELECT c.record_table, c.record_id, s.url FROM citations c "
                            "JOIN sources s ON s.id = c.source_id ORDER BY s.kind, s.url"):
            k.urls.setdefault((r["record_table"], r["record_id"]), []).append(r["url"])
        actors: dict[str, set[str]] = {}
        targets: dict[str, set[str]] = {}
        doers: dict[str, set[str]] = {}
        places: dict[str, set[str]] = {}
        for r in store.rows("SELECT event_id, entity_id, role FROM event_actors"):
            actors.setdefault(r["event_id"], set()).add(r["entity_id"])
            if r["role"] == "location":
                places.setdefault(r["event_id"], set()).add(r["entity_id"])
            (targets if r["role"] == "target" else doers).setdefault(
                r["event_id"], set()).add(r["entity_id"])
        for e in store.rows("SELECT event_id, date, date_end, date_precision, title, summary, "
                            "kind, quad_class, importance, source_country, target_country "
                            "FROM events WHERE dataset = 'kb' ORDER BY date, event_id"):
            start, end = interval(e["date"], e["date_precision"], e["date_end"])
            k.events.append(KbEvent(
                e["event_id"], start, end, e["date_precision"], e["title"], e["summary"],
                e["kind"], actors.get(e["event_id"], set()),
                words(e["title"] + " " + e["summary"]), denies_act(e["title"]),
                k.urls.get(("events", e["event_id"]), []), e["quad_class"], e["importance"],
                frozenset(c for c in (e["source_country"], e["target_country"]) if c)))
            k.latest = max(k.latest or start, start)
        rows = store.rows("SELECT id, infrastructure_ids, agreement_ids FROM kb_events")
        lines = {r["id"]: frozenset(_ids(r["infrastructure_ids"])) for r in rows}
        documents = {r["id"]: frozenset(_ids(r["agreement_ids"])) for r in rows}
        for x in k.events:
            x.infrastructure = lines.get(x.id, frozenset())
            x.agreements = documents.get(x.id, frozenset())
            x.locations = frozenset(places.get(x.id, set()))
            # on the receiving end only: named as a target and in no other role
            x.targets = frozenset(targets.get(x.id, set()) - doers.get(x.id, set()))
        for e in store.rows("SELECT * FROM entities"):
            k.entities[e["id"]] = e
        for t in store.rows("SELECT t.id, t.person_id, t.start, t.\"end\", t.acting, o.kind, "
                            "o.title, o.state_id FROM terms t "
                            "JOIN offices o ON o.id = t.office_id"):
            k.terms.setdefault(t["person_id"], []).append(t)
            k.office_terms.setdefault((t["state_id"], t["kind"]), []).append(t)
        for o in store.rows("SELECT * FROM offices WHERE complete_since IS NOT NULL"):
            k.complete[(o["state_id"], o["kind"])] = o
        for i in store.rows("SELECT * FROM infrastructure"):
            k.infrastructure[i["id"]] = i
        for o in store.rows("SELECT * FROM infrastructure_owners"):
            k.owners.setdefault(o["infrastructure_id"], []).append(o)
        for m in store.rows("SELECT * FROM memberships ORDER BY organisation_id, member_id"):
            k.memberships.setdefault(m["organisation_id"], []).append(m)
        parties: dict[str, set[str]] = {}
        for r in store.rows("SELECT agreement_id, entity_id FROM agreement_parties"):
            parties.setdefault(r["agreement_id"], set()).add(r["entity_id"])
        for a in store.rows("SELECT id, title, date, date_precision, kind, scope, summary "
                            "FROM agreements ORDER BY date, id"):
            start, end = interval(a["date"], a["date_precision"])
            k.agreements.append({**a, "start": start, "end": end,
                                 "parties": parties.get(a["id"], set())})
        k.idf = inverse_frequencies([e.words for e in k.events])
        return k

    def holder(self, state: str, kind: str, day: date) -> list[str]:
        """Who held an office on a day."""
        return [t["person_id"] for t in self.office_terms.get((state, kind), [])
                if t["start"] <= day and (t["end"] is None or t["end"] >= day)]
