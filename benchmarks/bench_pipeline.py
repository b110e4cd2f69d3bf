"""Pipeline speed: articles per second on the seed article and the examples.

    .venv/bin/python benchmarks/bench_pipeline.py [--repeat N]

Loads the pipeline once (its load time is printed apart), then runs the whole pipeline
(spaCy, triggers, roles, attribution, places, times) over the inputs N times.
"""

from __future__ import annotations

import argparse
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


if __name__ == "__main__":
    main()
