"""Scorers shared by the event evaluations: actor phrase matchers and per-class P/R/F1.

The actor matchers compare a predicted span (a spaCy ``Span``: its words and its
syntactic head) with the gold phrases of cameo-sentences, which are re-tokenised
("Baghdad 's forces"), so words are compared with whitespace normalised.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Span

ACTOR_MATCH = (
    "actor match: whitespace-normalised, case-folded words; the gold phrase's head word "
    "(last word before the first preposition, relative pronoun, comma or bracket) is one of "
    "the predicted span's words, or the predicted span's syntactic head word is one of the "
    "gold phrase's words. Gold 'both' counts as source and as target. Rate = matches / "
    "sentences whose gold role is non-empty (a missing prediction is a miss)."
)
ACTOR_MATCH_STRICT = (
    "strict actor match: the gold phrase, found in the sentence with whitespace ignored, "
    "overlaps the predicted span by at least one token, AND the predicted span's syntactic "
    "head word equals the gold phrase's head word (case-folded; head as in the lenient rule, "
    "with the gold's split hyphens re-joined and the last hyphen part kept). "
    "A gold phrase not found in the sentence never matches."
)
HEAD_STOP = {
    "of", "in", "on", "at", "from", "for", "with", "by", "to", "into", "near", "after",
    "who", "which", "that", "whose", "belonging", "including", ",", "(", "-", "–", "and",
}


def words(text: str) -> list[str]:
    return re.sub(r"\s+", " ", text).strip().lower().split(" ")


def gold_head(phrase: str) -> str:
    ws = words(phrase)
    cut: list[str] = []
    for w in ws:
        if w in HEAD_STOP and cut:
            break
        cut.append(w)
    return cut[-1] if cut else ""


def actor_match(pred: Span | None, gold: Sequence[str]) -> bool:
    if pred is None:
        return False
    pw = set(words(pred.text))
    head = pred.root.lower_
    return any(gold_head(g) in pw or head in words(g) for g in gold if g.strip())


def gold_chars(text: str, phrase: str) -> list[tuple[int, int]]:
    """Every [start, end) of ``phrase`` in ``text``, matching with all whitespace ignored
    (the gold phrases are re-tokenised: "Baghdad 's forces")."""
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    squeezed = "".join(text[i] for i in keep)
    needle = re.sub(r"\s+", "", phrase)
    out = []
    at = squeezed.find(needle) if needle else -1
    while at >= 0:
        out.append((keep[at], keep[at + len(needle) - 1] + 1))
        at = squeezed.find(needle, at + 1)
    return out


def strict_head(phrase: str) -> str:
    """The gold head word, with the gold's split hyphens re-joined ("state - led")."""
    return gold_head(re.sub(r"(?<=\w) - (?=\w)", "-", phrase)).split("-")[-1]


def actor_match_strict(pred: Span | None, gold: Sequence[str]) -> bool:
    if pred is None:
        return False
    head = pred.root.lower_
    for g in gold:
        if head != strict_head(g):
            continue
        for start, end in gold_chars(pred.doc.text, g):
            if any(start < t.idx + len(t) and t.idx < end for t in pred):
                return True
    return False


def gold_roles(row: dict[str, Any], role: str) -> list[str]:
    """Gold phrases of ``role`` (source|target); reciprocal ``both`` counts for either."""
    return [g for g in (row.get(role) or []) + (row.get("both") or []) if g.strip()]


def prf(gold: Sequence[Hashable], pred: Sequence[Hashable],
        classes: Sequence[Hashable]) -> dict[str, Any]:
    """Per-class P/R/F1 over ``classes``, their macro mean, the support-weighted mean and
    accuracy. A prediction outside ``classes`` (no event) is a miss of its gold class."""
    per = {}
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        per[str(c)] = {"p": round(pr, 4), "r": round(rc, 4), "f1": round(f1, 4), "n": tp + fn}
    macro = sum(v["f1"] for v in per.values()) / len(per) if per else 0.0
    support = sum(v["n"] for v in per.values())
    weighted = sum(v["f1"] * v["n"] for v in per.values()) / support if support else 0.0
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / len(gold) if gold else 0.0
    return {"macro_f1": round(macro, 4), "weighted_f1": round(weighted, 4),
            "accuracy": round(acc, 4), "per_class": per}


def merge01(labels: Sequence[int]) -> list[int]:
    return [1 if q == 0 else q for q in labels]


def score(gold: Sequence[int], pred: Sequence[int]) -> dict[str, Any]:
    """Five-class and four-class (0 and 1 merged) scores of CAMEO quad classes."""
    return {"five": prf(gold, pred, range(5)),
            "four": prf(merge01(gold), merge01(pred), (1, 2, 3, 4))}


def rate(matched: int, n: int) -> dict[str, Any]:
    return {"matched": matched, "n": n, "rate": round(matched / n, 4) if n else 0.0}
