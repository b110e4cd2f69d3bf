"""Score the temporal resolver on TimeML news documents (``../shared/gold/timex``).

For each ``.tml`` file the XML tags are stripped from ``<TEXT>`` to give the plain text,
keeping the offsets of every gold ``TIMEX3``; the document creation time (DCT) is the
publication date. ``find_times`` runs on the plain text, predictions are matched to gold
expressions by overlapping span, and values are compared exactly.

Scored: ``DATE`` expressions whose value is a calendar value (``1998-02-27``,
``1998-W08``, ``1998-02``, ``1998-Q1``, ``1998``). A gold expression with no overlapping
prediction counts as wrong in "over all" and is left out of "over found".
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from eventwire.errors import EvaluationError
from eventwire.model.records import Time
from eventwire.resolve.timex import find_times

CALENDAR_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-Q[1-4]|-W\d{2})?$")


@dataclass(frozen=True)
class GoldTimex:
    doc: str
    start: int
    end: int
    text: str
    value: str


@dataclass(frozen=True)
class GoldDoc:
    name: str
    text: str
    dct: date
    timexes: tuple[GoldTimex, ...]


def precision_of(value: str) -> str:
    """The precision a calendar value expresses: day, week, month, quarter or year."""
    if "-W" in value:
        return "week"
    if "-Q" in value:
        return "quarter"
    return {4: "year", 7: "month", 10: "day"}[len(value)]


def _walk(elem: ET.Element, parts: list[str], spans: list[tuple[int, int, ET.Element]]) -> int:
    """Append the text under ``elem`` to ``parts``; record each TIMEX3 span."""
    offset = sum(len(p) for p in parts)
    parts.append(elem.text or "")
    for child in elem:
        start = sum(len(p) for p in parts)
        _walk(child, parts, spans)
        if child.tag == "TIMEX3":
            spans.append((start, sum(len(p) for p in parts), child))
        parts.append(child.tail or "")
    return offset


def read_tml(path: Path) -> GoldDoc:
    """One TimeML file as plain text, DCT and its calendar DATE expressions."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        raise EvaluationError(f"{path}: cannot read TimeML ({e})") from e
    dct_el = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if dct_el is None or body is None:
        raise EvaluationError(f"{path}: no DCT or TEXT element; is this a TimeML file?")
    parts: list[str] = []
    spans: list[tuple[int, int, ET.Element]] = []
    _walk(body, parts, spans)
    text = "".join(parts)
    timexes = tuple(
        GoldTimex(path.name, s, e, text[s:e], el.get("value", ""))
        for s, e, el in sorted(spans, key=lambda x: x[0])
        if el.get("type") == "DATE" and CALENDAR_VALUE.match(el.get("value", ""))
    )
    dct = date.fromisoformat(dct_el.get("value", "")[:10])
    return GoldDoc(path.name, text, dct, timexes)


def gold_files(gold: Path) -> list[Path]:
    if not gold.exists():
        raise EvaluationError(f"{gold}: gold folder not found; expected ../shared/gold/timex")
    files = sorted(gold.rglob("*.tml")) if gold.is_dir() else [gold]
    if not files:
        raise EvaluationError(f"{gold}: no .tml files found")
    return files


def best_match(g: GoldTimex, preds: list[Time]) -> Time | None:
    """The prediction overlapping ``g`` the most (ties: the first)."""
    best, best_overlap = None, 0
    for p in preds:
        overlap = min(p.end, g.end) - max(p.start, g.start)
        if overlap > best_overlap:
            best, best_overlap = p, overlap
    return best


@dataclass(frozen=True)
class Outcome:
    doc: str
    dct: str
    text: str
    gold: str
    predicted: str | None
    predicted_text: str | None
    precision: str
    context: str


def score_doc(doc: GoldDoc) -> list[Outcome]:
    preds = find_times(doc.text, doc.dct)
    out = []
    for g in doc.timexes:
        p = best_match(g, preds)
        ctx = doc.text[max(0, g.start - 60) : g.end + 40].replace("\n", " ")
        out.append(
            Outcome(
                g.doc, doc.dct.isoformat(), g.text, g.value,
                p.value if p else None, p.text if p else None, precision_of(g.value), ctx,
            )
        )
    return out


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def summarise(outcomes: list[Outcome], corpus_hash: str, documents: int) -> dict[str, object]:
    total = len(outcomes)
    found = [o for o in outcomes if o.predicted_text is not None]
    exact = [o for o in found if o.predicted == o.gold]
    per: dict[str, dict[str, float]] = {}
    counts = Counter(o.precision for o in outcomes)
    for prec in ("day", "week", "month", "quarter", "year"):
        n = counts.get(prec, 0)
        ok = sum(1 for o in exact if o.precision == prec)
        per[prec] = {"gold": n, "exact": ok, "accuracy": _ratio(ok, n)}
    return {
        "documents": documents,
        "gold": total,
        "found": len(found),
        "exact": len(exact),
        "exact_over_all": _ratio(len(exact), total),
        "exact_over_found": _ratio(len(exact), len(found)),
        "recall_span": _ratio(len(found), total),
        "per_precision": per,
        "corpus_sha256": corpus_hash,
    }


def corpus_hash(files: list[Path], root: Path) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(str(f.relative_to(root) if root.is_dir() else f.name).encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def print_report(figures: dict[str, object]) -> None:
    docs, gold = figures["documents"], figures["gold"]
    print(f"timex dates: {docs} documents, {gold} calendar DATE expressions")
    print(f"  found (span overlap): {figures['found']}  ({figures['recall_span']:.4f})")
    print(f"  exact value: {figures['exact']}")
    print(f"  exact over all:   {figures['exact_over_all']:.4f}")
    print(f"  exact over found: {figures['exact_over_found']:.4f}")
    per = figures["per_precision"]
    assert isinstance(per, dict)
    for prec, row in per.items():
        print(f"  {prec:<8} {row['exact']:>4}/{row['gold']:<4} {row['accuracy']:.4f}")
    print(f"  corpus sha256: {figures['corpus_sha256']}")


def evaluate(gold: Path) -> tuple[dict[str, object], list[Outcome]]:
    files = gold_files(gold)
    outcomes = [o for f in files for o in score_doc(read_tml(f))]
    return summarise(outcomes, corpus_hash(files, gold), len(files)), outcomes


def main(gold: Path, misses: Path | None = None) -> dict[str, object]:
    """Print the report for the TimeML folder ``gold`` and return the figures."""
    figures, outcomes = evaluate(Path(gold))
    print_report(figures)
    if misses is not None:
        with Path(misses).open("w", encoding="utf-8") as fh:
            for o in outcomes:
                if o.predicted != o.gold:
                    fh.write(json.dumps(asdict(o), ensure_ascii=False) + "\n")
    return figures
