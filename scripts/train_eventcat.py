"""Train eventcat.v1 (sentence quad-class classifier) and write data/built/eventcat.json.

Data provenance: the cameo-sentences gold (../shared/gold/cameo-sentences/dev.jsonl; see its
SOURCE.md: CAMEO classification data distributed with eventdata/ConfliBERT, GPL-3.0,
used for development and evaluation only). The gold is read at build time and never copied
into the repository; the artefact holds only feature weights (lemma n-grams and lexicon
features) and is gitignored under data/built/.

Usage:  .venv/bin/python scripts/train_eventcat.py [GOLD] [--out PATH] [--cv]
With --cv it first prints the K-fold cross-validated scores (the honest figure: a model
scoring a fold never saw it), then fits on all sentences and writes the artefact.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from eventwire.evaluate.events import FOLDS, SEED, load_gold, score
from eventwire.extract.eventcat import EventCat, cross_val_predict, features
from eventwire.extract.triggers import EventTyper
from eventwire.nlp.pipeline import data_path, load_pipeline

DEFAULT_GOLD = Path("../shared/gold/cameo-sentences/dev.jsonl")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--out", type=Path, default=data_path("built") / "eventcat.json")
    ap.add_argument("--cv", action="store_true", help="print cross-validated scores first")
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"gold data not found: {args.gold} (pass its path)", file=sys.stderr)
        return 2
    t0 = time.time()
    rows = load_gold(args.gold)
    nlp = load_pipeline()
    typer = EventTyper.load()
    feats = [features(doc[:], typer) for doc in nlp.pipe([r["text"] for r in rows], batch_size=64)]
    labels = [int(r["quad"]) for r in rows]
    if args.cv:
        s = score(labels, cross_val_predict(feats, labels, k=FOLDS, seed=SEED))
        print(f"{FOLDS}-fold CV (seed {SEED}): four-class macro-F1 {s['four']['macro_f1']:.3f}, "
              f"five-class {s['five']['macro_f1']:.3f}")
    model = EventCat.fit(feats, labels)
    model.save(args.out)
    print(f"wrote {args.out} ({len(model.vocab)} features, {len(rows)} sentences, "
          f"{time.time() - t0:.0f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
