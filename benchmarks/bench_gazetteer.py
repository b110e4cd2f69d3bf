"""Gazetteer benchmark: load time, peak memory, toponyms resolved per second.

Usage: .venv/bin/python benchmarks/bench_gazetteer.py [N_ARTICLES]
Resolution speed is measured on the seed article repeated (parsing with spaCy is done
once, outside the timing), and on gold LGL articles if ../shared/gold is present.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus" / "seed" / "000_8057f10ad668c9f6.txt"
LGL = ROOT.parent / "shared" / "gold" / "toponyms" / "lgl.xml"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(n_articles: int = 100) -> None:
    from eventwire.nlp.pipeline import load_pipeline
    from eventwire.resolve.places import Geoparser, load_gazetteer

    before = rss_mb()
    t0 = time.perf_counter()
    gaz = load_gazetteer()
    load_s = time.perf_counter() - t0
    print(f"gazetteer load       {load_s:.2f} s  ({len(gaz):,} places, {gaz.path.stat().st_size / 1e6:.0f} MB file)")
    print(f"peak RSS after load  {rss_mb():.0f} MB (was {before:.0f} MB before loading)")
    texts = [SEED.read_text(encoding="utf-8")] if SEED.exists() else []
    if LGL.exists():
        from eventwire.evaluate.places import read_lgl

        texts += [a.text for a in read_lgl(LGL)[:n_articles]]
    nlp = load_pipeline()
    docs = list(nlp.pipe(texts, batch_size=32))
    parser = Geoparser(gaz)
    t0 = time.perf_counter()
    n = sum(len(parser.parse(d)) for d in docs)
    dt = time.perf_counter() - t0
    print(f"resolution           {n:,} toponyms in {len(docs)} articles, {dt:.2f} s: "
          f"{n / dt:,.0f} toponyms/s")
    print(f"peak RSS overall     {rss_mb():.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
