"""Cost per character as one article grows: seconds per 10,000 characters at 2 k, 20 k,
200 k and 1 M characters, eventwire against bare spaCy on the same text in the same run.

    .venv/bin/python benchmarks/bench_length.py [--sizes 2000,20000,200000,1000000] [--repeat 3]

Each article is the seed's headline and its body repeated (whole paragraphs) up to the
size. Bare spaCy is ``spacy.load`` of the same model package and ``nlp.pipe`` over the
same text, cut into the same pieces as eventwire cuts it and parsed one piece at a time
as eventwire parses them (spaCy refuses one text of more than 1,000,000 characters). The line "growth" divides each size's cost per
character by that of the 20 k article: 1.0 is linear; the goal is <= 1.5 at 1 M.
Times are the fastest of ``--repeat`` runs (the first size also runs once to warm up).
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import spacy

from eventwire.ingest.readers import make_article
from eventwire.nlp.pipeline import CHUNK_CHARS, MODEL_PACKAGE, chunk_bounds
from eventwire.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus" / "seed" / "000_8057f10ad668c9f6.txt"


def article_text(size: int) -> str:
    """The seed's headline, then its paragraphs over and over, up to ``size`` characters."""
    head, body = SEED.read_text(encoding="utf-8").split("\n", 1)
    paragraphs = [p.strip() + "\n\n" for p in body.split("\n\n") if p.strip()]
    text, n = head + "\n", 0
    while len(text) < size:
        text += paragraphs[n % len(paragraphs)]
        n += 1
    return text


def best_of(repeat: int, run: object) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="2000,20000,200000,1000000")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    pipe = Pipeline.load()
    bare = spacy.load(MODEL_PACKAGE)
    warm = make_article(article_text(sizes[0]), "warm-up")
    list(pipe.process([warm]))
    rows = []
    for size in sizes:
        text = article_text(size)
        art = make_article(text, f"seed x {size}")
        pieces = [text[a:b] for a, b in chunk_bounds(text, CHUNK_CHARS)]
        repeat = args.repeat if size <= 200_000 else 1
        ours = best_of(repeat, lambda: list(pipe.process([art])))  # noqa: B023
        theirs = best_of(repeat, lambda: list(bare.pipe(pieces, batch_size=1)))  # noqa: B023
        rows.append((len(text), ours, theirs))
        print(f"{len(text):>9,} chars: eventwire {1e4 * ours / len(text):.3f} s/10k chars, "
              f"bare spaCy {1e4 * theirs / len(text):.3f} s/10k chars, "
              f"ratio {ours / theirs:.2f}", flush=True)
    ref = next(((n, o) for n, o, _ in rows if n >= 20_000), rows[0])
    growth = ", ".join(f"{n:,}: {(o / n) / (ref[1] / ref[0]):.2f}" for n, o, _ in rows)
    print(f"growth of eventwire's cost per character against the {ref[0]:,}-character article: "
          f"{growth}")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
