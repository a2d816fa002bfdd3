"""Reading a document's main text and splitting it into sentences with character offsets."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

_ABBREVIATIONS = {"mr", "mrs", "dr", "st", "no", "gen", "col", "lt", "u.s", "e.g", "i.e", "vs",
                  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                  "dec", "approx", "etc"}


class _MainText(HTMLParser):
    """Keeps paragraph-like text, drops scripts, styles and navigation."""

    SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript"}
    BREAK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section",
             "article"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BREAK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BREAK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def main_text(raw: str, suffix: str = ".txt") -> str:
    """Plain text of a .txt, .md or .html document."""
    if suffix.lower() in {".html", ".htm"}:
        parser = _MainText()
        parser.feed(raw)
        text = html.unescape("".join(parser.parts))
        return re.sub(r"\n\s*\n+", "\n\n", text).strip()
    if suffix.lower() in {".md", ".markdown"}:
        text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", raw)          # images
        text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)      # links keep their text
        text = re.sub(r"^#{1,6}\s*", "", text, flags=re.M)        # headings
        return re.sub(r"[*_`]{1,3}", "", text)
    return raw


def read_document(path: str | Path) -> str:
    path = Path(path)
    return main_text(path.read_text(encoding="utf-8", errors="replace"), path.suffix)


def sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, sentence) spans: split at . ! ? followed by space and a capital or digit,
    not after a known abbreviation or an initial; and at blank lines."""
    spans = []
    start = 0
    for m in re.finditer(r"([.!?])[\"'”’)]*(\s+)(?=[A-Z0-9\"“(А-Я])|\n\s*\n", text):
        end = m.start(2) if m.group(2) else m.start()
        word = re.search(r"(\S+)$", text[start:m.start() + 1])
        token = word.group(1).lower().rstrip(".") if word else ""
        if m.group(1) == "." and (token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token)):
            continue
        spans.append((start, end))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        lead = len(chunk) - len(chunk.lstrip())
        chunk = chunk.strip()
        if chunk:
            out.append((s + lead, s + lead + len(chunk), chunk))
    return out


# A new clause with its own subject: "…; Russia …", "…, but Moscow …", "…, while Baku …".
_CLAUSE = re.compile(r";\s+|,\s+(?:and|but|while|whereas|yet)\s+(?=[A-Z\u0410-\u042F])")


def clauses(sentence: str) -> list[tuple[int, str]]:
    """(offset, clause) for each part of a compound sentence that names its own subject; the
    whole sentence when it has one part."""
    parts, start = [], 0
    for m in _CLAUSE.finditer(sentence):
        parts.append((start, sentence[start:m.start()]))
        start = m.end()
    parts.append((start, sentence[start:]))
    parts = [(a, t.strip()) for a, t in parts if len(t.split()) >= 3]
    return parts if len(parts) > 1 else [(0, sentence)]
