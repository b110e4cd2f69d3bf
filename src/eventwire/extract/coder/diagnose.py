"""Component scores of the coder on labelled sentences (not the pipeline's output).

The output-level figure is ``eventwire evaluate events``; this one scores the model alone:
the quad class of each sentence (5-class, and 4-class with classes 0 and 1 merged) and the
best source/target span against the annotated phrases, lenient (the span holds at least
half the words of an annotated phrase).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from eventwire.extract.coder.labels import four_class
from eventwire.extract.coder.text import find_phrase

if TYPE_CHECKING:
    from eventwire.extract.coder.runtime import EventCoder, RoleSpan


def macro_f1(gold: Sequence[int], pred: Sequence[int]) -> float:
    labels = sorted(set(gold))
    f1s = []
    for c in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0


def _words(s: str) -> set[str]:
    return {w for w in s.lower().split() if any(ch.isalnum() for ch in w)}


def lenient_hit(text: str, span: RoleSpan | None, phrases: Sequence[str]) -> bool:
    """True when the span holds at least half the words of one annotated phrase."""
    if span is None:
        return False
    got = _words(text[span.start : span.end])
    for phrase in phrases:
        want = _words(" ".join(phrase.split()))
        if want and len(want & got) * 2 >= len(want):
            return True
    return False


def component_scores(rows: Sequence[dict[str, Any]], coder: EventCoder) -> dict[str, float]:
    codes = coder.code([r["text"] for r in rows])
    gold = [int(r["quad"]) for r in rows]
    pred = [c.quad for c in codes]
    src_n = src_hit = tgt_n = tgt_hit = 0
    for row, code in zip(rows, codes):
        both = list(row.get("both") or [])
        sources = list(row.get("source") or []) + both[:1]
        targets = list(row.get("target") or []) + both[1:]
        text = row["text"]
        if sources and any(find_phrase(text, p) for p in sources):
            src_n += 1
            src_hit += lenient_hit(text, code.best("source"), sources)
        if targets and any(find_phrase(text, p) for p in targets):
            tgt_n += 1
            tgt_hit += lenient_hit(text, code.best("target"), targets)
    return {
        "sentences": len(rows),
        "macro_f1_5": macro_f1(gold, pred),
        "macro_f1_4": macro_f1([four_class(g) for g in gold], [four_class(p) for p in pred]),
        "accuracy_5": sum(g == p for g, p in zip(gold, pred)) / max(1, len(rows)),
        "source_lenient": src_hit / max(1, src_n),
        "target_lenient": tgt_hit / max(1, tgt_n),
        "source_n": src_n,
        "target_n": tgt_n,
    }


def print_scores(scores: dict[str, float], name: str) -> None:
    print(f"coder.v1 component scores on {name} ({int(scores['sentences'])} sentences):")
    print(f"  class macro-F1, 4 classes (0+1 merged): {scores['macro_f1_4']:.3f}")
    print(f"  class macro-F1, 5 classes:              {scores['macro_f1_5']:.3f}")
    print(f"  class accuracy, 5 classes:              {scores['accuracy_5']:.3f}")
    print(f"  source lenient: {scores['source_lenient']:.3f} (n={int(scores['source_n'])})")
    print(f"  target lenient: {scores['target_lenient']:.3f} (n={int(scores['target_n'])})")
