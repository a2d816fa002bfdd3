"""Names in text linked to knowledge-base entities through the alias table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bilateral.kb.names import normalise
from bilateral.kb.store import Store

# Adjectives and demonyms that stand for a state ("Russian gas", "the Azerbaijani side").
DEMONYMS = {"russian": "rus", "azerbaijani": "aze", "azeri": "aze", "armenian": "arm",
            "turkish": "tur", "iranian": "irn", "georgian": "geo", "kazakh": "kaz",
            "ukrainian": "ukr", "american": "usa", "turkmen": "tkm"}
TOKEN = re.compile(r"[\w\u0400-\u04FF]+(?:['’][\w]+)?")


@dataclass(frozen=True)
class Mention:
    span: tuple[int, int]
    text: str
    candidates: tuple[str, ...]          # entity ids; more than one means ambiguous
    metonym: bool = False


@dataclass
class Lexicon:
    """Token tuples of every name and alias, mapped to the entities they may denote."""

    names: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    metonyms: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    longest: int = 1
    acronyms: dict[str, set[str]] = field(default_factory=dict)   # two capitals, case kept

    @classmethod
    def from_store(cls, store: Store) -> Lexicon:
        lex = cls()
        for row in store.rows("SELECT id, name, kind FROM entities"):
            lex.kinds[row["id"]] = row["kind"]
            lex._add(row["name"], row["id"], False)
            base = re.sub(r"\s*\([^)]*\)\s*", " ", row["name"]).strip()  # "SOCAR (...)"
            lex._add(base, row["id"], False)
            if row["kind"] == "organisation" and re.match(r"[A-Z]{2,}\s+\w", base):
                lex._add(base.split(None, 1)[1], row["id"], False)  # "(CIS) Collective …"
            head = re.split(r"\s*\(", row["name"])[0].strip()   # "South Caucasus Pipeline (…"
            if len(head.split()) > 1:   # not a bare "Gabala", which is also the town
                lex._add(head, row["id"], False)
            if row["kind"] == "infrastructure":  # "the Baku–Tbilisi–Ceyhan pipeline"
                lex._add(re.sub(r"\b(?:natural gas|gas-condensate|oil|gas)\s+", "", head),
                         row["id"], False)
            if re.fullmatch(r"[A-Z]{2}", row["name"]):
                lex.acronyms.setdefault(row["name"], set()).add(row["id"])   # "BP", "EU"
            for inner in re.findall(r"\(([A-Z][A-Z0-9&-]{1,9})\)", row["name"]):
                lex._add(inner, row["id"], False)   # acronyms only: "(SOCAR)", not "(Iran)"
            if row["kind"] == "person" and len(row["name"].split()) > 1:
                lex._add(row["name"].split()[-1], row["id"], False)   # surnames: maybe ambiguous
        for row in store.rows("SELECT entity_id, alias, kind FROM aliases"):
            lex._add(row["alias"], row["entity_id"], row["kind"] == "metonym")
            if re.fullmatch(r"[A-Z]{2}", row["alias"]):
                lex.acronyms.setdefault(row["alias"], set()).add(row["entity_id"])
        for word, state in DEMONYMS.items():
            if state in lex.kinds:
                lex._add(word, state, True)
        return lex

    def _add(self, name: str, entity_id: str, metonym: bool) -> None:
        key = tuple(normalise(t) for t in TOKEN.findall(name))
        key = tuple(k for k in key if k)
        if not key or (len(key) == 1 and len(key[0]) < 3):
            return
        table = self.metonyms if metonym else self.names
        table.setdefault(key, set()).add(entity_id)
        self.longest = max(self.longest, len(key))


def tokens(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in TOKEN.finditer(text):
        word = re.sub(r"['’]s$", "", m.group(0))       # possessives: "Aliyev's"
        out.append((normalise(word), m.start(), m.start() + len(word)))
    return out


def link(text: str, lex: Lexicon) -> list[Mention]:
    """Longest non-overlapping matches, proper names before metonyms."""
    toks = tokens(text)
    mentions: list[Mention] = []
    i = 0
    while i < len(toks):
        for n in range(min(lex.longest, len(toks) - i), 0, -1):
            key = tuple(t[0] for t in toks[i:i + n])
            hit = lex.names.get(key)
            metonym = False
            if not hit:
                hit, metonym = lex.metonyms.get(key), True
            if not hit and n == 1:   # "BP", "EU" as written, never "us" or "eu-"
                hit, metonym = lex.acronyms.get(text[toks[i][1]:toks[i][2]]), False
            if hit:
                start, end = toks[i][1], toks[i + n - 1][2]
                mentions.append(Mention((start, end), text[start:end], tuple(sorted(hit)),
                                        metonym))
                i += n
                break
        else:
            i += 1
    return mentions
