"""Train the event-place chooser (``resolve/places/location.py``) and write its weights.

Data: the TUNE half of ``../shared/gold/event-location/dev.jsonl`` (Halterman 2019, MIT;
``eventwire.evaluate.split.part(text, 50) == "tune"``, as ``evaluate/eventloc.py`` splits
it). Each tune sentence runs through the product's pipeline; every call that chooses an
event's place is recorded (the parse, the trigger, the sentence's usable places), and the
call whose trigger overlaps an annotated verb becomes one training group: "none" plus the
sentence's places, the right answer being the place that overlaps a gold span, or "none"
when the gold has no place. A group whose gold place is not among the candidates (the
geoparser missed it) teaches nothing and is left out. The model is a conditional logit
(softmax over the group) with an L2 penalty, fitted with scipy's L-BFGS; the L2 weight is
chosen by 5-fold cross-validation over sentences of the tune half. Only the weights ship
(``src/eventwire/data/eventloc/chooser.json``); no sentence is written to the repository.

Usage:
  PYTHONPATH=src .venv/bin/python scripts/train_eventloc.py [GOLD] [--cache FILE] [--out FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import time
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from spacy.tokens import Doc, DocBin

DEFAULT_GOLD = Path("../shared/gold/event-location/dev.jsonl")
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src/eventwire/data/eventloc/chooser.json"
L2_GRID = (0.3, 1.0, 3.0, 10.0)
FOLDS = 5
MIN_COUNT = 3


def capture(records: list, cache: Path | None) -> tuple[list[str], list[Doc], list[tuple[int, int, list, list]]]:
    """Run the tune sentences through the pipeline and record each place choice:
    (sentence index, anchor token, the sentence's usable places, the event's word spans)."""
    if cache is not None and cache.exists():
        with cache.open("rb") as fh:
            texts, docbin, calls, vocab_bytes = pickle.load(fh)
        import spacy

        nlp = spacy.blank("en")
        nlp.vocab.from_bytes(vocab_bytes)
        docs = list(DocBin().from_bytes(docbin).get_docs(nlp.vocab))
        from eventwire.model.records import Place

        return texts, docs, [(d, t, [Place(**p) for p in ps], w) for d, t, ps, w in calls]
    from eventwire import assemble as asm
    from eventwire import pipeline as pl
    from eventwire.model.records import Article
    from eventwire.resolve.places import location

    texts = list(dict.fromkeys(r.text for r in records))
    seen: dict[int, Doc] = {}
    calls: list[tuple[int, int, list, list]] = []
    original = asm.event_location

    def recording(places, start, end, focus, doc=None, trigger=None, parts=()):  # type: ignore[no-untyped-def]
        if doc is not None and trigger is not None:
            seen.setdefault(id(doc), doc)
            # the place choice reads the parse from the event's anchor (the trigger, or
            # the verb that launched its noun); the verb may be any of the event's words
            words = [(doc[trigger].idx, doc[trigger].idx + len(doc[trigger])), *parts]
            calls.append((id(doc), location.anchor(doc, trigger, parts),
                          location.own_places(places, start, end), words))
        return original(places, start, end, focus, doc=doc, trigger=trigger, parts=parts)

    asm.event_location = recording
    pipe = pl.Pipeline.load()
    articles = [Article(id=f"s{n}", text=t, path="event-location") for n, t in enumerate(texts)]
    t0 = time.perf_counter()
    for n, _ in enumerate(pipe.process(articles, batch_size=32)):
        if n % 500 == 0:
            print(f"  {n}/{len(texts)} sentences, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    asm.event_location = original
    docs = list(seen.values())
    index = {key: k for k, key in enumerate(seen)}
    out = [(index[d], t, ps, w) for d, t, ps, w in calls]
    if cache is not None:
        bin_ = DocBin(store_user_data=False)
        for doc in docs:
            bin_.add(doc)
        with cache.open("wb") as fh:
            pickle.dump(([d.text for d in docs], bin_.to_bytes(), [(d, t, [p.model_dump() for p in ps], w)
                                                                   for d, t, ps, w in out],
                         docs[0].vocab.to_bytes() if docs else b""), fh)
    return [d.text for d in docs], docs, out


def groups(records: list, texts: list[str], docs: list[Doc], calls: list) -> list[dict]:
    """One group per gold record whose verb has a recorded place choice."""
    from eventwire.resolve.places.location import choice_features, rule_choice

    by_text: dict[str, list] = {}
    for d, t, ps, w in calls:
        by_text.setdefault(texts[d], []).append((d, t, ps, w))
    out = []
    for r in records:
        # the event whose trigger is the verb, else the one the verb is a word of (as
        # evaluate/eventloc.py matches them)
        cands = by_text.get(r.text, [])
        cands = [c for c in cands if min(c[3][0][1], r.verb[1]) > max(c[3][0][0], r.verb[0])] + \
            [c for c in cands if any(min(e, r.verb[1]) > max(s, r.verb[0]) for s, e in c[3][1:])]
        for d, t, ps, _ in cands[:1]:
            if not ps:
                break
            labels = [not r.places] + [any(min(p.end, e) > max(p.start, s) for s, e in r.places) for p in ps]
            rule = rule_choice(ps, docs[d], t)
            out.append({"sent": r.text, "feats": choice_features(ps, docs[d], t), "labels": labels,
                        "rule": 0 if rule is None else 1 + ps.index(rule)})
            break
    return out


def design(gs: list[dict], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows of all options, the group of each row, and whether each row is a right answer
    (a gold place may be named twice, or as "Kafr Nabl, Idlib": any one is right). The rows
    of a group are contiguous, in the group's order."""
    n_rows = sum(len(grp["feats"]) for grp in gs)
    x = np.zeros((n_rows, len(vocab)))
    group = np.zeros(n_rows, dtype=int)
    answer = np.zeros(n_rows, dtype=bool)
    i = 0
    for g, grp in enumerate(gs):
        for f, right in zip(grp["feats"], grp["labels"], strict=True):
            for k, v in f.items():
                if k in vocab:
                    x[i, vocab[k]] = v
            group[i], answer[i] = g, right
            i += 1
    return x, group, answer


def fit(x: np.ndarray, group: np.ndarray, answer: np.ndarray, l2: float) -> np.ndarray:
    """The weights that maximise the probability of the right answers, less the L2 penalty.
    Sums run group by group in row order (``reduceat``), so the same data give the same
    weights bit for bit."""
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ w
        m = np.maximum.reduceat(s, starts)
        e = np.exp(s - m[group])
        z = np.add.reduceat(e, starts)
        zr = np.add.reduceat(e * answer, starts)
        nll = float(np.sum(np.log(z) - np.log(zr)))
        p, q = e / z[group], e * answer / zr[group]
        return nll + l2 * float(w @ w), x.T @ (p - q) + 2 * l2 * w

    res = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return np.asarray(res.x)


def predict(x: np.ndarray, group: np.ndarray, n_groups: int, w: np.ndarray) -> np.ndarray:
    """Index (within its group) of the best option of each group."""
    s = x @ w
    best = np.full(n_groups, -1)
    top = np.full(n_groups, -np.inf)
    start = np.zeros(n_groups, dtype=int)
    seen = np.zeros(n_groups, dtype=bool)
    for i, (g, v) in enumerate(zip(group, s, strict=True)):
        if not seen[g]:
            start[g], seen[g] = i, True
        if v > top[g]:
            top[g], best[g] = v, i - start[g]
    return best


def vocabulary(gs: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for g in gs:
        for f in g["feats"]:
            for k in f:
                counts[k] = counts.get(k, 0) + 1
    return {k: n for n, k in enumerate(sorted(k for k, c in counts.items() if c >= MIN_COUNT))}


def accuracy(gs: list[dict], chosen: np.ndarray) -> float:
    return float(np.mean([g["labels"][c] for g, c in zip(gs, chosen, strict=True)])) if gs else 0.0


def cross_validate(gs: list[dict], l2: float) -> float:
    fold = [int(hashlib.sha256(g["sent"].encode()).hexdigest(), 16) % FOLDS for g in gs]
    right = []
    for k in range(FOLDS):
        train = [g for g, f in zip(gs, fold, strict=True) if f != k]
        test = [g for g, f in zip(gs, fold, strict=True) if f == k]
        vocab = vocabulary(train)
        w = fit(*design(train, vocab), l2)
        x, group, _ = design(test, vocab)
        right.extend(g["labels"][c] for g, c in zip(test, predict(x, group, len(test), w), strict=True))
    return float(np.mean(right))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--cache", type=Path, default=None, help="keep the parsed tune half here (pickle)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    from eventwire.evaluate.eventloc import read_gold

    records = [r for r in read_gold(args.gold) if r.half == "tune"]
    texts, docs, calls = capture(records, args.cache)
    gs = [g for g in groups(records, texts, docs, calls) if any(g["labels"])]
    print(f"{len(records)} tune records; {len(gs)} groups with the answer among the options", file=sys.stderr)
    rule = accuracy(gs, np.array([g["rule"] for g in gs]))
    cv = {l2: cross_validate(gs, l2) for l2 in L2_GRID}
    for l2, acc in cv.items():
        print(f"  l2 {l2}: cross-validated accuracy {acc:.4f} (hand rule {rule:.4f})", file=sys.stderr)
    l2 = max(cv, key=lambda k: cv[k])
    vocab = vocabulary(gs)
    w = fit(*design(gs, vocab), l2)
    weights = {k: round(float(w[i]), 4) for k, i in vocab.items() if abs(w[i]) >= 1e-4}
    digest = hashlib.sha256(args.gold.read_bytes()).hexdigest()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "model": "eventloc.chooser.v1", "kind": "conditional logit over none + the sentence's places",
        "data": "event-location dev.jsonl (Halterman 2019, MIT), tune half: split.part(text, 50)",
        "data_sha256": digest, "groups": len(gs), "l2": l2,
        "cv_accuracy": round(cv[l2], 4), "rule_accuracy": round(rule, 4),
        "command": "PYTHONPATH=src .venv/bin/python scripts/train_eventloc.py ../shared/gold/event-location/dev.jsonl",
        "weights": dict(sorted(weights.items())),
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(weights)} weights, l2 {l2}, cv {cv[l2]:.4f} vs rule {rule:.4f}", file=sys.stderr)


if __name__ == "__main__":
    main()
