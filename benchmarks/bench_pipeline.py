"""Pipeline speed: articles per second on the seed article and the examples.

    .venv/bin/python benchmarks/bench_pipeline.py [--repeat N]

Loads the pipeline once (its load time is printed apart), then runs the whole pipeline
(spaCy, triggers, roles, attribution, places, times) over the inputs N times.

The learned event coder's cost is printed as a ratio to bare spaCy ``nlp.pipe`` on the
same texts in the same run: the coder's own time over the sentences the pipeline gives it
(those with a candidate event, each read alone), and the whole pipeline with the
coder against the rules-only path (``--fast``).
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from datetime import date
from pathlib import Path

from eventwire.engines.local import BatchReport, articles
from eventwire.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus" / "seed" / "000_8057f10ad668c9f6.txt"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    t0 = time.perf_counter()
    pipe = Pipeline.load()
    load = time.perf_counter() - t0
    if pipe.coder is not None:
        pipe.coder.cache_size = 0  # the passes repeat the texts: a cache would skip the coder
    sets = {"seed": [SEED], "examples": [ROOT / "examples"]}
    print(f"pipeline load: {load:.2f} s")
    for name, paths in sets.items():
        arts = list(articles(paths, BatchReport(), date(2016, 12, 22)))
        words = sum(len(a.text.split()) for a in arts)
        list(pipe.process(arts))  # warm-up
        t0 = time.perf_counter()
        n_events = 0
        for _ in range(args.repeat):
            n_events += sum(len(d.events) for d in pipe.process(arts))
        dt = time.perf_counter() - t0
        n = len(arts) * args.repeat
        print(f"{name}: {n} articles in {dt:.2f} s = {n / dt:.1f} articles/s, "
              f"{words * args.repeat / dt:,.0f} words/s, {1000 * dt / n:.0f} ms/article, "
              f"{n_events // args.repeat} events per pass")
        coder_cost(pipe, arts, args.repeat, dt)


def coder_cost(pipe: Pipeline, arts: list, repeat: int, full: float) -> None:
    """The coder's time and the pipeline's with it, as ratios to bare spaCy nlp.pipe."""
    if pipe.coder is None:
        return
    texts = [a.text for a in arts]
    docs = list(pipe.nlp.pipe(texts))
    t0 = time.perf_counter()
    for _ in range(repeat):
        docs = list(pipe.nlp.pipe(texts))
    spacy_s = time.perf_counter() - t0
    batches = [[s.text for s in d.sents if pipe.typer.triggers(s)] for d in docs]
    t0 = time.perf_counter()
    for _ in range(repeat):
        for batch in batches:
            if batch:
                pipe.coder.code(batch)
    coder_s = time.perf_counter() - t0
    fast = dataclasses.replace(pipe, coder=None)
    t0 = time.perf_counter()
    for _ in range(repeat):
        list(fast.process(arts))
    fast_s = time.perf_counter() - t0
    n_sents = sum(len(b) for b in batches)
    print(f"  coder: {n_sents} sentences per pass; coder / bare spaCy nlp.pipe = "
          f"{coder_s / spacy_s:.0%}; pipeline with coder / --fast = {full / fast_s:.2f}x "
          f"(spaCy {spacy_s:.2f} s, coder {coder_s:.2f} s, --fast {fast_s:.2f} s, "
          f"with coder {full:.2f} s)")


if __name__ == "__main__":
    main()
