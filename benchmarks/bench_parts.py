"""CPU per article, part by part, against bare spaCy in the same process.

    .venv/bin/python benchmarks/bench_parts.py [--articles 60] [--repeat 2]

The same distinct articles as ``bench_engines.py --articles`` go once through bare spaCy
``nlp.pipe`` and once through ``Pipeline.process`` per repeat, in one process, the coder's
cache off. CPU time (``time.process_time``), so that other jobs on the machine do not
skew it; the minimum over the repeats is printed, per article: bare spaCy, the product,
the product's parse, the coder's ONNX call, everything else, and each registered
component (``registry``), whose sum with the parse and the JSON of the records is the
product.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import spacy
from bench_engines import distinct

from eventwire.engines.local import BatchReport, articles
from eventwire.nlp.pipeline import MODEL_PACKAGE
from eventwire.pipeline import Pipeline, blank


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = distinct(Path(tmp), args.articles)
        arts = list(articles(corpus, BatchReport(), date(2026, 3, 6)))
    texts = [blank(a.text, a.boilerplate) for a in arts]
    pipe = Pipeline.load()
    pipe.coder.cache_size = 0
    bare = spacy.load(MODEL_PACKAGE)
    list(bare.pipe(texts[:8]))
    list(pipe.process(arts[:4]))

    spent: defaultdict[str, float] = defaultdict(float)

    def timed(key: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*a: Any, **k: Any) -> Any:
            t0 = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[key] += time.process_time() - t0
        return run

    parse = pipe.nlp.pipe

    def parse_timed(*a: Any, **k: Any) -> Iterator[Any]:
        t0 = time.process_time()
        out = list(parse(*a, **k))
        spent["parse"] += time.process_time() - t0
        return iter(out)

    pipe.nlp.pipe = parse_timed  # type: ignore[method-assign]
    session = pipe.coder.session

    class Session:
        def run(self, *a: Any, **k: Any) -> Any:
            return timed("onnx", session.run)(*a, **k)

    pipe.coder.session = Session()
    pipe.components = [replace(c, run=timed("component " + c.name, c.run)) for c in pipe.components]

    runs: defaultdict[str, list[float]] = defaultdict(list)
    for _ in range(args.repeat):
        t0 = time.process_time()
        list(bare.pipe(texts))
        runs["bare"].append(time.process_time() - t0)
        spent.clear()
        t0 = time.process_time()
        for doc in pipe.process(arts):
            timed("json", lambda d=doc: json.dumps(d.to_contract(), ensure_ascii=False))()
        runs["product"].append(time.process_time() - t0)
        for key, value in spent.items():
            runs[key].append(value)
    n = len(arts)
    ms = {key: 1000 * min(values) / n for key, values in runs.items()}
    rest = min(1000 * (p - a - o) / n for p, a, o in zip(runs["product"], runs["parse"], runs["onnx"], strict=True))
    print(f"{n} articles; CPU ms/article, min of {args.repeat}: bare nlp.pipe {ms['bare']:.1f}; "
          f"product {ms['product']:.1f} ({ms['product'] / ms['bare']:.2f}x bare); its parse "
          f"{ms['parse']:.1f}, the coder's ONNX call {ms['onnx']:.1f}, everything else {rest:.1f}")
    for key, value in sorted(ms.items()):
        if key not in ("bare", "product"):
            print(f"  {key:40s} {value:6.1f}")


if __name__ == "__main__":
    main()
