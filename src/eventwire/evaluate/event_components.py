"""Component (diagnostic) scores of event class and actors on cameo-sentences.

These score parts of the extractor, not the records a user gets (for those, see
``eventwire.evaluate.events``); ``eventwire evaluate events --components`` prints them.

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
either); see ``ACTOR_MATCH`` (lenient) and ``ACTOR_MATCH_STRICT``. The gold codes the sentence's event with the actor of its main
clause (for statements, the speaker), so the sentence's actor1 is the one ``roles`` gives
for the parse root (else the main trigger's), and actor2 the main trigger's (else the
root's). The report also gives both roles of the main trigger alone (``actors_trigger``).

The role rules were tuned by reading actor misses on the gold, so the actor figures are
also given per part of a fixed split by a hash of the sentence text (``split.part(text, 70)``):
``dev-tune`` (70%), the only part whose misses are written out and read, and ``held-out``
(30%), scored but never read. The classifier's figures are cross-validated instead.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.evaluate.matching import (
    ACTOR_MATCH,
    ACTOR_MATCH_STRICT,
    actor_match,
    actor_match_strict,
    gold_roles,
    rate,
    score,
)
from eventwire.evaluate.split import part
from eventwire.evaluate.output import load_gold
from eventwire.extract.eventcat import cross_val_predict, features, main_trigger
from eventwire.extract.roles import roles
from eventwire.extract.triggers import EventTyper
from eventwire.model.candidates import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Span

FOLDS = 5
SEED = 13
TUNE_SHARE = 70  # percent of sentences in the dev-tune part
PARTS = ("all", "dev-tune", "held-out")


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
    """Lenient (headline) and strict match rates, over all sentences and per split part."""
    out: dict[str, Any] = {"definition": ACTOR_MATCH, "definition_strict": ACTOR_MATCH_STRICT}
    tally = {(p, k, r): 0 for p in PARTS for k in ("n", "lenient", "strict")
             for r in ("actor1", "actor2")}
    for row, (_, _, a1, a2) in zip(rows, actors):
        parts = ("all", _part(row["text"]))
        for role, pred, gold in (("actor1", a1, gold_roles(row, "source")),
                                 ("actor2", a2, gold_roles(row, "target"))):
            if not gold:
                continue
            hit = (actor_match(pred, gold), actor_match_strict(pred, gold))
            for p in parts:
                tally[(p, "n", role)] += 1
                tally[(p, "lenient", role)] += hit[0]
                tally[(p, "strict", role)] += hit[1]
    for role in ("actor1", "actor2"):
        out[role] = rate(tally[("all", "lenient", role)], tally[("all", "n", role)])
        out[role]["strict"] = rate(tally[("all", "strict", role)], tally[("all", "n", role)])
    out["parts"] = {p: {role: {m: rate(tally[(p, m, role)], tally[(p, "n", role)])
                               for m in ("lenient", "strict")}
                        for role in ("actor1", "actor2")} for p in PARTS[1:]}
    return out


def print_report(report: dict[str, Any]) -> None:
    print(f"component (diagnostic) scores: {report['sentences']} sentences from {report['gold']}")
    for name in ("rules", "eventcat_cv"):
        s = report[name]
        print(f"[{name}] four-class macro-F1 {s['four']['macro_f1']:.3f} "
              f"acc {s['four']['accuracy']:.3f} | five-class macro-F1 "
              f"{s['five']['macro_f1']:.3f} acc {s['five']['accuracy']:.3f}")
        for c, v in s["five"]["per_class"].items():
            print(f"    class {c}: P {v['p']:.3f} R {v['r']:.3f} F1 {v['f1']:.3f} n {v['n']}")
    print(report["actors"]["definition"])
    print(report["actors"]["definition_strict"])
    for name in ("actors", "actors_trigger"):
        a = report[name]
        for k in ("actor1", "actor2"):
            st = a[k]["strict"]
            print(f"[{name} {k}] lenient {a[k]['matched']}/{a[k]['n']} = {a[k]['rate']:.3f}"
                  f" | strict {st['matched']}/{st['n']} = {st['rate']:.3f}")
            for name_, v in a["parts"].items():
                le, st = v[k]["lenient"], v[k]["strict"]
                print(f"    {name_:9s} lenient {le['matched']}/{le['n']} = {le['rate']:.3f}"
                      f" | strict {st['matched']}/{st['n']} = {st['rate']:.3f}")


def write_misses(path: Path, rows: list[dict[str, Any]], labels: list[int],
                 rule_pred: list[int], cat_pred: list[int], actors: list[Any]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row, g, r, c, (main_t, trigs, a1, a2) in zip(rows, labels, rule_pred, cat_pred,
                                                         actors):
            if _part(row["text"]) != "dev-tune":
                continue  # held-out sentences are scored, never read
            src, tgt = gold_roles(row, "source"), gold_roles(row, "target")
            out = {"text": row["text"], "gold": g, "rules": r, "eventcat": c,
                   "actor1_ok": actor_match(a1, src) if src else None,
                   "actor2_ok": actor_match(a2, tgt) if tgt else None,
                   "actor2_strict": actor_match_strict(a2, tgt) if tgt else None,
                   "main": main_t.lemma if main_t else None,
                   "triggers": [f"{t.lemma}:{t.plover}" for t in trigs],
                   "actor1": a1.text if a1 is not None else None,
                   "actor2": a2.text if a2 is not None else None,
                   "source": row.get("source"), "target": row.get("target"),
                   "both": row.get("both")}
            fh.write(json.dumps(out, ensure_ascii=False) + "\n")


def _part(text: str) -> str:
    """``dev-tune`` or ``held-out``: ``split.part(text, 70)`` under this report's old names."""
    return "dev-tune" if part(text, TUNE_SHARE) == "tune" else "held-out"
