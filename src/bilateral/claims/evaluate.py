"""Scoring the checker on labelled claims: confusion matrix, accuracy, macro-F1 and the
false-accusation rate (a true or unsettled claim called false)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from bilateral.claims.check import Checker
from bilateral.errors import InputError
from bilateral.model.dates import interval, parse_partial

LABELS = ("SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO")
TO_LABEL = {"supported": "SUPPORTED", "contradicted": "REFUTED", "anachronistic": "REFUTED",
            "mixed": "NOT_ENOUGH_INFO", "not_in_kb": "NOT_ENOUGH_INFO",
            "not_checkable": "NOT_ENOUGH_INFO"}


def read_claims(path: Path) -> list[dict]:
    claims = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not JSON: {exc.msg}") from exc
        missing = {"id", "claim", "label"} - set(item)
        if missing or item.get("label") not in LABELS:
            raise InputError(f"{path}:{number}: needs id, claim and a label in "
                             f"{', '.join(LABELS)}")
        claims.append(item)
    return claims


def _as_of(value) -> date | None:
    """The date a labelled claim is judged at ('as_of'), the anchor for 'now' and 'last
    year'; a year or a month stands for its last day."""
    if not value:
        return None
    try:
        start, precision = parse_partial(str(value))
    except ValueError:
        return None
    return interval(start, precision)[1]


def evaluate(checker: Checker, claims: list[dict]) -> dict:
    predictions = []
    for item in claims:
        result = checker.check(item["claim"], _as_of(item.get("as_of")))["claims"]
        # a one-sentence claim gives one verdict; if the splitter finds several, the first
        # contradiction or anachronism decides, else the first support, else not enough info
        order = ["contradicted", "anachronistic", "supported", "mixed", "not_in_kb",
                 "not_checkable"]
        top = min(result, key=lambda c: order.index(c["verdict"])) if result else \
            {"verdict": "not_checkable", "reason": "empty"}
        predictions.append({"id": item["id"], "label": item["label"],
                            "predicted": TO_LABEL[top["verdict"]], "verdict": top["verdict"],
                            "reason": top["reason"]})
    confusion = {g: {p: 0 for p in LABELS} for g in LABELS}
    for p in predictions:
        confusion[p["label"]][p["predicted"]] += 1
    f1s = []
    for label in LABELS:
        tp = confusion[label][label]
        predicted = sum(confusion[g][label] for g in LABELS)
        actual = sum(confusion[label].values())
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    innocent = [p for p in predictions if p["label"] != "REFUTED"]
    accused = [p for p in innocent if p["predicted"] == "REFUTED"]
    return {"claims": len(predictions),
            "accuracy": sum(p["label"] == p["predicted"] for p in predictions) /
            max(len(predictions), 1),
            "macro_f1": sum(f1s) / len(f1s),
            "false_accusation_rate": len(accused) / max(len(innocent), 1),
            "confusion": confusion, "predictions": predictions}
