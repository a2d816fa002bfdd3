"""What a sentence borrows from the sentences before it: the people named in full, the last
date given, and who 'the two countries', 'the two leaders', 'he' or 'the Azerbaijani leader'
are. A reference is resolved only when one reading is left; otherwise it stays ambiguous and
is never used to accuse anyone."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bilateral.claims.dates import DateMention
from bilateral.claims.knowledge import Knowledge
from bilateral.claims.linker import DEMONYMS

PAIR = re.compile(r"\b(?:the\s+two|both)\s+(countries|states|nations|sides|governments|"
                  r"leaders|presidents|heads of state|men)\b", re.I)
# 'He', 'his' as the subject: at the start of the sentence or of its main clause.
PRONOUN = re.compile(r"^(?:[^,]{0,40},\s+|(?:\w+\s+){1,3}?)?(?:he|she|his|her)\b", re.I)
# "this visit", "during the visit", "that year": the sentence is about the last dated thing.
ANAPHORIC = re.compile(r"\b(?:this|that|the same|during the)\s+(visit|trip|meeting|summit|"
                       r"talks|year|period|time|agreement|treaty|deal|war|conflict)\b", re.I)
OFFICES = {"leader": ("head-of-state",), "president": ("head-of-state",),
           "head of state": ("head-of-state",), "prime minister": ("head-of-government",),
           "premier": ("head-of-government",), "foreign minister": ("foreign-minister",),
           "top diplomat": ("foreign-minister",)}
EPITHET = re.compile(r"\b(?:the|then|its)\s+(" + "|".join(DEMONYMS) + r")\s+(" +
                     "|".join(sorted(OFFICES, key=len, reverse=True)) + r")\b", re.I)


@dataclass
class Recent:
    states: list[str]
    people: list[str]
    dates: list[DateMention]


@dataclass
class Context:
    """The running state of one document; `note` is called after each sentence."""

    doc_date: date | None = None
    named: set[str] = field(default_factory=set)        # people named in full so far
    history: list[Recent] = field(default_factory=list)  # the last few sentences
    last_date: DateMention | None = None

    def note(self, states: list[str], people: list[str], dates: list[DateMention],
             full_names: set[str]) -> None:
        self.named |= full_names
        self.history = [*self.history[-2:], Recent(states, people, dates)]
        if dates:
            self.last_date = dates[-1]

    def pair(self, what: str) -> list[str]:
        """The two states or two people of the nearest sentence that named exactly two."""
        people = what.lower() in {"leaders", "presidents", "heads of state", "men"}
        for recent in reversed(self.history):
            group = recent.people if people else recent.states
            if len(group) == 2:
                return group
        return []

    def previous_person(self) -> list[str]:
        """'He' or 'his' at the start of a sentence: the one person of the sentence before."""
        if self.history and len(self.history[-1].people) == 1:
            return self.history[-1].people
        return []

    def previous_dates(self) -> list[DateMention]:
        return self.history[-1].dates if self.history else []


def epithets(sentence: str, kb: Knowledge, day: date | None) -> tuple[list[str], set[str]]:
    """'the Azerbaijani leader', 'the Russian foreign minister': the holder of that office on
    the sentence's date. Returns (resolved people, ambiguous candidates)."""
    resolved: list[str] = []
    ambiguous: set[str] = set()
    for m in EPITHET.finditer(sentence):
        state, kinds = DEMONYMS[m.group(1).lower()], OFFICES[m.group(2).lower()]
        holders = sorted({p for k in kinds for p in kb.holder(state, k, day)}) if day else \
            sorted({t["person_id"] for k in kinds for t in kb.office_terms.get((state, k), [])})
        if len(holders) == 1:
            resolved.append(holders[0])
        else:
            ambiguous.update(holders)
    return resolved, ambiguous
