"""The checked text as HTML: each claim highlighted by verdict, its evidence on hover."""

from __future__ import annotations

import html

COLOURS = {"supported": "#d4edda", "contradicted": "#f8d7da", "anachronistic": "#f5c6cb",
           "mixed": "#fff3cd", "not_in_kb": "#e2e3e5", "not_checkable": "transparent"}


def highlight(text: str, result: dict, inline_style: bool = True) -> str:
    """The text as escaped HTML with each claim in a <mark> carrying its verdict as a class,
    its reason and evidence in the title, and an anchor to its entry in a claim list."""
    parts, cursor = [], 0
    for number, c in enumerate(result["claims"], 1):
        start, end = c["span"]
        parts.append(html.escape(text[cursor:start]))
        tip = f"{c['verdict']} ({c['reason']})"
        if c.get("correction"):
            tip += f" — record: {c['correction']}"
        for e in c["evidence"][:3]:
            tip += f"\n{e['title']} ({e['date']}) {' '.join(e['source_urls'][:1])}"
        style = f' style="background:{COLOURS[c["verdict"]]}"' if inline_style else ""
        parts.append(f'<mark class="{c["verdict"]}" id="claim-{number}" '
                     f'title="{html.escape(tip)}"{style}>{html.escape(text[start:end])}</mark>')
        cursor = end
    parts.append(html.escape(text[cursor:]))
    return "".join(parts)


def render_check(text: str, result: dict) -> str:
    summary = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in result["summary"].items())
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Checked "
            "text</title></head><body style=\"font:16px/1.6 Georgia,serif;max-width:50rem;"
            f"margin:2rem auto;white-space:pre-wrap\"><p><em>{html.escape(summary)}</em></p>"
            + highlight(text, result) + "</body></html>\n")
