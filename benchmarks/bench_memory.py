"""Memory of the local engine's workers: what each one costs beside the others.

    nice -n 10 .venv/bin/python benchmarks/bench_memory.py [--articles N] [--workers W]

Loads the pipeline as ``eventwire extract`` does, forks ``W`` workers (``WorkerPool``) and
runs N distinct articles through them (the examples, the seed, then gva-dev's articles,
as in ``bench_engines.py --articles``), then prints, per worker, from /proc: RSS now and
at its peak (``VmHWM``; both count every page the worker maps, those it shares with the
parent included), PSS (shared pages split between the processes that map them: the
worker's fair share of the machine's memory) and USS (its private pages only: what it
costs beyond the parent). The parent's own figures are printed too. No bare spaCy is
loaded in this process, so that none of its pages are counted in the workers'.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from bench_engines import distinct, memory_kb

from eventwire.engines.pool import WorkerPool
from eventwire.model import Article
from eventwire.pipeline import Pipeline

FIELDS = ("VmRSS", "VmHWM", "Pss", "Private_Clean", "Private_Dirty")


def memory(pid: int) -> dict[str, int]:
    """The ``FIELDS`` of /proc/PID (``bench_engines.memory_kb``), in MB."""
    return {field: memory_kb(pid, field) // 1024 for field in FIELDS}


def line(who: str, m: dict[str, int]) -> str:
    return (f"{who}: RSS {m['VmRSS']} MB (peak {m['VmHWM']}), PSS {m['Pss']} MB, "
            f"USS {m['Private_Clean'] + m['Private_Dirty']} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        with distinct(Path(tmp), args.articles)[0].open(encoding="utf-8") as fh:
            arts = [Article(id=f"a{n}", text=r["text"], title=r.get("title"), path="bench")
                    for n, r in enumerate(map(json.loads, fh))]
    t0 = time.perf_counter()
    with WorkerPool(Pipeline.load, workers=args.workers) as pool:
        pool.start()
        print(f"pipeline loaded and {args.workers} worker(s) forked in {time.perf_counter() - t0:.1f} s")
        print(line("parent, after the fork", memory(os.getpid())))
        for n, pid in enumerate(pool.pids()):
            print(line(f"worker {n + 1}, before any article", memory(pid)))
        done = sum(1 for _ in pool.process(arts))
        chars = sum(len(a.text) for a in arts)
        print(f"{done} articles ({chars:,} characters, the longest {max(len(a.text) for a in arts):,})")
        for n, pid in enumerate(pool.pids()):
            print(line(f"worker {n + 1}, after the batch", memory(pid)))


if __name__ == "__main__":
    main()
