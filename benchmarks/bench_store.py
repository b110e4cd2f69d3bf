"""The writer's cost per article as the database grows: is storing the 5,000th article as
cheap as storing the first?

    nice -n 10 .venv/bin/python benchmarks/bench_store.py [--articles 300] [--total 1500] [--step 250]

``--articles`` distinct articles (the corpus of ``bench_corpus.py``: examples, seed,
gva-dev, ...) go through the rules-only pipeline once; their documents are then stored
again and again through ``DatabaseWriter`` (as ``eventwire ingest`` stores them, one
transaction per article, a commit session per batch) into a new DuckDB file until it
holds ``--total`` articles. Each copy gets new article and event ids and its days moved
back a week per copy, so that the database grows as a real one does: new blocks, and
blocks (a country over a month) that fill up. Printed per ``--step`` articles: the
writer's CPU milliseconds per article (this process, DuckDB's threads included) and its
wall time; a flat CPU column means the cost does not grow with the database.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench_corpus import build

from eventwire.engines.local import BatchReport, articles
from eventwire.model import ArticleDoc
from eventwire.pipeline import Pipeline
from eventwire.store.database import Store
from eventwire.store.writer import DatabaseWriter

DAY = re.compile(r'"(\d{4}-\d{2}-\d{2})"')


def copy(line: str, k: int) -> ArticleDoc:
    """Copy ``k`` of a stored document (JSON): new ids, days ``7 * k`` earlier, new URL."""
    if k == 0:
        return ArticleDoc.model_validate_json(line)
    d = json.loads(line)
    for old in {d["article"]["id"]} | {e["id"] for e in d["events"]}:
        line = line.replace(f'"{old}"', f'"{old[:12]}{k:04x}"')
    line = DAY.sub(lambda m: f'"{date.fromisoformat(m.group(1)) - timedelta(days=7 * k)}"', line)
    return ArticleDoc.model_validate_json(line.replace('"url":"', f'"url":"copy{k}/', 1))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--total", type=int, default=1500)
    ap.add_argument("--step", type=int, default=250)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="eventwire-store-") as tmp:
        folder = Path(tmp)
        n, _ = build(folder / "corpus.jsonl", args.articles)
        pipeline = Pipeline.load(fast=True)
        docs = [d.model_dump_json() for d in pipeline.process(articles([folder / "corpus.jsonl"], BatchReport(), None))]
        print(f"{n} articles extracted (rules only); storing {args.total}")
        db = folder / "store.duckdb"
        writer = DatabaseWriter(db)
        t0, c0 = time.perf_counter(), time.process_time()
        for i in range(args.total):
            writer.put(copy(docs[i % len(docs)], i // len(docs)))
            if (i + 1) % args.step == 0:
                writer.flush()
                print(f"{i + 1:6d} articles stored: {1000 * (time.process_time() - c0) / args.step:6.1f} CPU ms/article,"
                      f" {1000 * (time.perf_counter() - t0) / args.step:6.1f} ms/article wall", flush=True)
                t0, c0 = time.perf_counter(), time.process_time()
        writer.flush()
        with Store(db, read_only=True) as store:
            print(f"{store.count('articles')} articles, {store.count('events')} events")


if __name__ == "__main__":
    main()
