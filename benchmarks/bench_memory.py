"""Memory of the local engine's workers: what each one costs beside the others.

    nice -n 10 .venv/bin/python benchmarks/bench_memory.py [--articles N] [--workers W]
        [--longest N] [--no-recycle]

Loads the pipeline as ``eventwire extract`` does, forks ``W`` workers (``WorkerPool``) and
runs N distinct articles through them (the examples, the seed, then gva-dev's articles,
as in ``bench_engines.py --articles``), then prints, per worker, from /proc: RSS now and
at its peak (``VmHWM``; both count every page the worker maps, those it shares with the
parent included), PSS (shared pages split between the processes that map them: the
worker's fair share of the machine's memory) and USS (its private pages only: what it
costs beyond the parent). The parent's own figures are printed too. No bare spaCy is
loaded in this process, so that none of its pages are counted in the workers'.
``--longest N``: the N longest articles of ``bench_corpus.py``'s corpus instead (the
long PolNeAR and gva-dev texts, up to 100,000 characters), to see a worker's peak;
``--no-recycle``: workers are never re-forked for their memory (``pool.RECYCLE_MB``).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
import time
from pathlib import Path

from bench_engines import distinct, memory_kb

from eventwire.engines.pool import RECYCLE_MB, WorkerPool
from eventwire.model import Article
from eventwire.pipeline import Pipeline

FIELDS = ("VmRSS", "VmHWM", "Pss", "Private_Clean", "Private_Dirty")


def memory(pid: int) -> dict[str, int]:
    """The ``FIELDS`` of /proc/PID (``bench_engines.memory_kb``), in MB."""
    return {field: memory_kb(pid, field) // 1024 for field in FIELDS}


class Peaks:
    """The highest peak RSS (VmHWM) of the pool's workers, sampled every half second (a
    re-forked worker's peak would be lost with it)."""

    def __init__(self, pool: WorkerPool) -> None:
        self.pool = pool
        self.highest = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Peaks:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self._sample()

    def _sample(self) -> None:
        for pid in self.pool.pids():
            try:
                self.highest = max(self.highest, memory_kb(pid, "VmHWM") // 1024)
            except OSError:
                pass


def line(who: str, m: dict[str, int]) -> str:
    return (f"{who}: RSS {m['VmRSS']} MB (peak {m['VmHWM']}), PSS {m['Pss']} MB, "
            f"USS {m['Private_Clean'] + m['Private_Dirty']} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--longest", type=int, default=0, help="the N longest corpus articles instead")
    ap.add_argument("--no-recycle", action="store_true", help="never re-fork a worker for its memory")
    args = ap.parse_args()
    if args.longest:
        from bench_corpus import sources

        records = sorted(sources(), key=lambda r: -len(r["text"]))[:args.longest]
    else:
        with tempfile.TemporaryDirectory() as tmp:
            with distinct(Path(tmp), args.articles)[0].open(encoding="utf-8") as fh:
                records = list(map(json.loads, fh))
    arts = [Article(id=f"a{n}", text=r["text"], title=r.get("title"), path="bench")
            for n, r in enumerate(records)]
    t0 = time.perf_counter()
    recycle = None if args.no_recycle else RECYCLE_MB
    with WorkerPool(Pipeline.load, workers=args.workers, recycle_mb=recycle) as pool:
        pool.start()
        print(f"pipeline loaded and {args.workers} worker(s) forked in {time.perf_counter() - t0:.1f} s")
        print(line("parent, after the fork", memory(os.getpid())))
        for n, pid in enumerate(pool.pids()):
            print(line(f"worker {n + 1}, before any article", memory(pid)))
        with Peaks(pool) as peaks:
            done = sum(1 for _ in pool.process(arts))
        chars = sum(len(a.text) for a in arts)
        print(f"{done} articles ({chars:,} characters, the longest {max(len(a.text) for a in arts):,})")
        for n, pid in enumerate(pool.pids()):
            print(line(f"worker {n + 1}, after the batch", memory(pid)))
        print(f"workers re-forked for their memory (over {recycle} MB private): {pool.recycled};"
              f" peak RSS of any worker: {peaks.highest} MB")


if __name__ == "__main__":
    main()
