"""Event class and actors on CAMEO-coded sentences (cameo-sentences/dev.jsonl).

Classes (SOURCE.md): 4 material conflict, 3 verbal conflict, 2 material cooperation,
1 verbal cooperation by meeting/agreeing, 0 verbal cooperation by statement. The sentence
is scored on its main event (the gold's "first event"); scores are given over the five
classes and over four (0 and 1 merged).

Two systems are scored:
- ``rules``: the main trigger's quad class (lexicon quad column, else PLOVER's class;
  a negated cooperative trigger is a rejection, 3); no trigger -> 0 (a statement).
- ``eventcat``: the learned classifier over parse + lexicon features, by K-fold
  cross-validation over sentences with a fixed seed (the model scoring a fold never saw it).

Actors: ``extract.roles.roles`` against the gold ``source``/``target`` (``both`` counts for
either); see ``ACTOR_MATCH``. The gold codes the sentence's event with the actor of its main
clause (for statements, the speaker), so the sentence's actor1 is the one ``roles`` gives
for the parse root (else the main trigger's), and actor2 the main trigger's (else the
root's). The report also gives both roles of the main trigger alone (``actors_trigger``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.extract.eventcat import cross_val_predict, features, main_trigger
from eventwire.extract.roles import roles
from eventwire.extract.triggers import EventTyper
from eventwire.model.candidates import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Span

FOLDS = 5
SEED = 13
ACTOR_MATCH = (
    "actor match: whitespace-normalised, case-folded words; the gold phrase's head word "
    "(last word before the first preposition, relative pronoun, comma or bracket) is one of "
    "the predicted span's words, or the predicted span's syntactic head word is one of the "
    "gold phrase's words. Gold 'both' counts as source and as target. Rate = matches / "
    "sentences whose gold role is non-empty (a missing prediction is a miss)."
)
HEAD_STOP = {
    "of", "in", "on", "at", "from", "for", "with", "by", "to", "into", "near", "after",
    "who", "which", "that", "whose", "belonging", "including", ",", "(", "-", "–", "and",
}


def load_gold(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def words(text: str) -> list[str]:
    return re.sub(r"\s+", " ", text).strip().lower().split(" ")


def gold_head(phrase: str) -> str:
    ws = words(phrase)
    cut = []
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


def prf(gold: Sequence[int], pred: Sequence[int], classes: Sequence[int]) -> dict[str, Any]:
    per = {}
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        per[str(c)] = {"p": round(pr, 4), "r": round(rc, 4), "f1": round(f1, 4), "n": tp + fn}
    macro = sum(v["f1"] for v in per.values()) / len(per)
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / len(gold) if gold else 0.0
    return {"macro_f1": round(macro, 4), "accuracy": round(acc, 4), "per_class": per}


def merge01(labels: Sequence[int]) -> list[int]:
    return [1 if q == 0 else q for q in labels]


def score(gold: Sequence[int], pred: Sequence[int]) -> dict[str, Any]:
    return {"five": prf(gold, pred, range(5)),
            "four": prf(merge01(gold), merge01(pred), (1, 2, 3, 4))}


def root_trigger(sent: Span) -> Trigger:
    """A stand-in trigger on the parse root, for actor scoring when no trigger fires."""
    root = sent.root
    return Trigger(start=root.idx, end=root.idx + len(root), token_i=root.i,
                   lemma=root.lemma_, plover="", extractor="root.v1", confidence=0.0)


def sentence_actors(sent: Span, main_t: Trigger | None) -> tuple[Span | None, Span | None]:
    """Actor1 of the main clause and actor2 of the main event, each filling the other's gap."""
    root1, root2 = roles(sent, root_trigger(sent))
    if main_t is None:
        return root1, root2
    trig1, trig2 = roles(sent, main_t)
    return root1 or trig1, trig2 or root2


def main(gold: Path, misses: Path | None = None) -> dict[str, Any]:
    """Score rules and the cross-validated classifier; print and return the figures."""
    from eventwire.nlp.pipeline import load_pipeline

    rows = load_gold(gold)
    nlp = load_pipeline()
    typer = EventTyper.load()
    labels = [int(r["quad"]) for r in rows]
    feats: list[list[str]] = []
    rule_pred: list[int] = []
    actors: list[Any] = []
    alone: list[Any] = []
    for row, doc in zip(rows, nlp.pipe([r["text"] for r in rows], batch_size=64)):
        sent = doc[:]
        trigs = typer.triggers(sent)
        main_t = main_trigger(sent, trigs)
        rule_pred.append(typer.sentence_quad(sent, main_t))
        feats.append(features(sent, typer))
        actors.append((main_t, trigs, *sentence_actors(sent, main_t)))
        alone.append((main_t, trigs, *roles(sent, main_t or root_trigger(sent))))
    cat_pred = cross_val_predict(feats, labels, k=FOLDS, seed=SEED)
    report: dict[str, Any] = {
        "gold": str(gold), "sentences": len(rows),
        "rules": score(labels, rule_pred),
        "eventcat_cv": {"folds": FOLDS, "seed": SEED, **score(labels, cat_pred)},
        "actors": actor_scores(rows, actors),
        "actors_trigger": actor_scores(rows, alone),
    }
    print_report(report)
    if misses is not None:
        write_misses(misses, rows, labels, rule_pred, cat_pred, actors)
    return report


def actor_scores(rows: list[dict[str, Any]], actors: list[Any]) -> dict[str, Any]:
    n1 = n2 = m1 = m2 = 0
    for row, (_, _, a1, a2) in zip(rows, actors):
        src = (row.get("source") or []) + (row.get("both") or [])
        tgt = (row.get("target") or []) + (row.get("both") or [])
        if src:
            n1 += 1
            m1 += actor_match(a1, src)
        if tgt:
            n2 += 1
            m2 += actor_match(a2, tgt)
    return {"definition": ACTOR_MATCH,
            "actor1": {"matched": m1, "n": n1, "rate": round(m1 / n1, 4) if n1 else 0.0},
            "actor2": {"matched": m2, "n": n2, "rate": round(m2 / n2, 4) if n2 else 0.0}}


def print_report(report: dict[str, Any]) -> None:
    print(f"events: {report['sentences']} sentences from {report['gold']}")
    for name in ("rules", "eventcat_cv"):
        s = report[name]
        print(f"[{name}] four-class macro-F1 {s['four']['macro_f1']:.3f} "
              f"acc {s['four']['accuracy']:.3f} | five-class macro-F1 "
              f"{s['five']['macro_f1']:.3f} acc {s['five']['accuracy']:.3f}")
        for c, v in s["five"]["per_class"].items():
            print(f"    class {c}: P {v['p']:.3f} R {v['r']:.3f} F1 {v['f1']:.3f} n {v['n']}")
    print(report["actors"]["definition"])
    for name in ("actors", "actors_trigger"):
        a = report[name]
        for k in ("actor1", "actor2"):
            print(f"[{name} {k}] {a[k]['matched']}/{a[k]['n']} = {a[k]['rate']:.3f}")


def write_misses(path: Path, rows: list[dict[str, Any]], labels: list[int],
                 rule_pred: list[int], cat_pred: list[int], actors: list[Any]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row, g, r, c, (main_t, trigs, a1, a2) in zip(rows, labels, rule_pred, cat_pred,
                                                         actors):
            out = {"text": row["text"], "gold": g, "rules": r, "eventcat": c,
                   "main": main_t.lemma if main_t else None,
                   "triggers": [f"{t.lemma}:{t.plover}" for t in trigs],
                   "actor1": a1.text if a1 is not None else None,
                   "actor2": a2.text if a2 is not None else None,
                   "source": row.get("source"), "target": row.get("target"),
                   "both": row.get("both")}
            fh.write(json.dumps(out, ensure_ascii=False) + "\n")
