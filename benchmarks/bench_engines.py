"""Engine speed: articles per second for the local engine's 1 and 2 workers and for Spark
on a standalone cluster of 1 and 2 workers at 1, 2, 4 and 8 partitions, each as a ratio
against bare spaCy ``nlp.pipe`` in one process on the same texts, in the same run.

    nice -n 10 .venv/bin/python benchmarks/bench_engines.py [--articles N | --copies N] [--repeat R] [--no-spark]

The corpus: with ``--articles N``, N distinct news articles (the examples, the seed, then
``gva-dev``'s articles, as benchmark input only, read from ``../shared/gold`` into a
temporary folder); with ``--copies N``, the seed article and the examples copied N times
(a file each). The coder's cache of readings is off: the runs repeat the same texts, and
a cache would make every run after the first one cheaper than bare spaCy's. Bare spaCy
is the model package as installed (``spacy.load``), ``nlp.pipe`` over the texts the
pipeline parses (boilerplate blanked). The local engine runs ``WorkerPool.process`` as
``eventwire extract`` does, rendering each document to its JSON line in the parent.
Bare spaCy and the local engine are timed in turn R times (paired runs; medians shown).
The learned coder's own CPU time on the same texts (``c``, over bare spaCy's) is measured
in this process, in one more pass of the pipeline, and with it the goal of issue 17/22:
both workers at 80% or better of what the parse and the coder need, i.e. the local engine
with 2 workers at ``1.6 / (1 + c)`` times bare spaCy or more.
Start-up is timed apart: loading the pipeline and forking the workers; for Spark, the
cluster and the session, and a first job that builds the pipeline in each executor.
Spark runs ``SparkEngine.run`` end to end (driver reads the files, executors parse,
Parquet by day, read back in input order). Peak RSS of every process is printed; the
workers share the parent's pages (fork), so their PSS (shared pages split between the
processes that map them) is printed too.

On a machine shared with other work, wall-clock ratios say little; so the CPU time of
every process of a run (this one and its workers, /proc) is summed too: bare spaCy's
CPU seconds over the engine's is the engine's efficiency per core, and N workers on N
idle cores run at about N times that (the workers share nothing but the parent's
read-only pages). That prediction is printed per article: CPU milliseconds of bare spaCy
and of the engine (all its processes), and their ratio times the workers.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import resource
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from eventwire.engines.local import BatchReport, articles
from eventwire.engines.pool import WorkerPool
from eventwire.model import Article, ArticleDoc
from eventwire.pipeline import Pipeline, blank

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus" / "seed" / "000_8057f10ad668c9f6.txt"
GVA = ROOT.parent / "shared" / "gold" / "gva-dev" / "articles.jsonl.gz"
PUBLISHED = date(2026, 3, 6)


def corpus(folder: Path, copies: int) -> list[Path]:
    sources = sorted((ROOT / "examples").glob("*.txt")) + ([SEED] if SEED.exists() else [])
    for n in range(copies):
        for f in sources:
            shutil.copy(f, folder / f"{n:04d}_{f.name}")
    return [folder]


def distinct(folder: Path, n: int) -> list[Path]:
    """``n`` distinct articles: the examples and the seed, then gva-dev's, as one JSON
    Lines file (each text once)."""
    seen: set[str] = set()
    out = folder / "corpus.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        def add(rec: dict[str, str]) -> None:
            key = hashlib.sha256(rec["text"].strip().encode()).hexdigest()
            if rec["text"].strip() and key not in seen and len(seen) < n:
                seen.add(key)
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        for f in sorted((ROOT / "examples").glob("*.txt")) + ([SEED] if SEED.exists() else []):
            title, _, body = f.read_text(encoding="utf-8").partition("\n")
            add({"title": title.strip(), "text": body})
        if GVA.exists():
            with gzip.open(GVA, "rt", encoding="utf-8") as gz:
                for line in gz:
                    if len(seen) >= n:
                        break
                    a = json.loads(line)
                    add({k: a[k] for k in ("title", "text", "outlet") if a.get(k)})
    if len(seen) < n:
        print(f"only {len(seen)} distinct articles found ({GVA} missing?)")
    return [out]


def memory_kb(pid: int, field: str) -> int:
    """``VmHWM`` (peak RSS) from /proc/PID/status, or ``Pss``, ``Private_Clean``,
    ``Private_Dirty`` from smaps_rollup, in kB."""
    name = "status" if field.startswith("Vm") else "smaps_rollup"
    for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def timed(fn: Callable[[], int]) -> tuple[int, float]:
    t0 = time.perf_counter()
    n = fn()
    return n, time.perf_counter() - t0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a live process, from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_of(pids: list[int], fn: Callable[[], int]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process and ``pids``) of ``fn()``."""
    before = time.process_time() + sum(cpu_seconds(p) for p in pids)
    _, wall = timed(fn)
    return wall, time.process_time() + sum(cpu_seconds(p) for p in pids) - before


def extract(pool: WorkerPool, arts: list[Article]) -> int:
    """What `eventwire extract` does with the documents: one JSON line each."""
    n = 0
    for doc in pool.process(arts):
        if isinstance(doc, ArticleDoc):
            json.dumps(doc.to_contract(), ensure_ascii=False)
            n += 1
    return n


def coder_share(pipeline: Pipeline, arts: list[Article]) -> float:
    """CPU seconds of the learned coder's runs in one pass of the pipeline (this process;
    its cache emptied first, so every sentence it reads is run)."""
    coder = pipeline.coder
    if coder is None:
        return 0.0
    spent = 0.0
    run = coder._run

    def timed_run(text: str):  # type: ignore[no-untyped-def]
        nonlocal spent
        t0 = time.process_time()
        try:
            return run(text)
        finally:
            spent += time.process_time() - t0

    coder._cache.clear()
    coder._run = timed_run  # type: ignore[method-assign]
    try:
        for _ in pipeline.process(arts):
            pass
    finally:
        del coder._run
        coder._cache.clear()
    return spent


def bench_local(arts: list[Article], texts: list[str], repeat: int, words: int) -> float:
    import spacy

    from eventwire.nlp.pipeline import MODEL_PACKAGE

    t0 = time.perf_counter()
    pipeline = Pipeline.load()
    load = time.perf_counter() - t0
    if pipeline.coder is not None:
        pipeline.coder.cache_size = 0  # the runs repeat the texts: see the module doc
    bare = spacy.load(MODEL_PACKAGE)
    list(bare.pipe(texts[:8]))  # warm-up
    print(f"start-up: pipeline load {load:.1f} s")
    t0 = time.process_time()
    list(bare.pipe(texts))
    bare_once = time.process_time() - t0
    coder_s = coder_share(pipeline, arts)
    c = coder_s / bare_once
    print(f"learned coder: {coder_s:.2f} CPU s for one pass, bare spaCy {bare_once:.2f} CPU s: "
          f"c = {c:.2f}; goal for 2 workers: >= {1.6 / (1 + c):.2f}x bare spaCy")
    bare_label = "bare spaCy nlp.pipe, 1 process"
    times: dict[str, list[float]] = {bare_label: []}
    cpu: dict[str, list[float]] = {bare_label: []}
    for workers in (1, 2):
        t0 = time.perf_counter()
        with WorkerPool(lambda: pipeline, workers=workers) as pool:
            pool.start()
            print(f"start-up: fork {workers} worker(s) {time.perf_counter() - t0:.2f} s")
            list(pool.process(arts[:2 * workers]))  # warm-up
            label = f"local engine, {workers} worker(s)"
            times[label], cpu[label] = [], []
            for _ in range(repeat):
                wall, used = cpu_of([], lambda: sum(1 for _ in bare.pipe(texts)))
                times[bare_label].append(wall)
                cpu[bare_label].append(used)
                wall, used = cpu_of(pool.pids(), lambda: extract(pool, arts))  # noqa: B023
                times[label].append(wall)
                cpu[label].append(used)
            peaks = [memory_kb(pid, "VmHWM") // 1024 for pid in pool.pids()]
            pss = [memory_kb(pid, "Pss") // 1024 for pid in pool.pids()]
            uss = [(memory_kb(pid, "Private_Clean") + memory_kb(pid, "Private_Dirty")) // 1024
                   for pid in pool.pids()]
            print(f"memory, {workers} worker(s): peak RSS {peaks} MB (pages shared with the parent "
                  f"included), PSS {pss} MB, private (USS) {uss} MB")
    n = len(arts)
    base = statistics.median(times[bare_label])
    base_cpu = statistics.median(cpu[bare_label])
    for label, ts in times.items():
        t = statistics.median(ts)
        used = statistics.median(cpu[label])
        workers = 2 if "2 worker" in label else 1
        print(f"{label}: {n} articles in {t:.2f} s (median of {len(ts)}) = {n / t:.2f} articles/s, "
              f"{words / t:,.0f} words/s, {base / t:.2f}x bare spaCy; CPU {used:.2f} s in all "
              f"processes ({1000 * used / n:.0f} ms/article, bare spaCy {1000 * base_cpu / n:.0f}) "
              f"= {base_cpu / used:.2f} of bare spaCy's work per CPU-second; on {workers} idle "
              f"core(s): {workers * base_cpu / used:.2f}x bare spaCy")
    print(f"memory, parent: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    return n / statistics.median(times["local engine, 2 worker(s)"])


def bench_spark(paths: list[Path], n: int, words: int, partitions: list[int], local_rate: float) -> None:
    from eventwire.engines.cluster import standalone_cluster
    from eventwire.engines.spark import SparkEngine
    from eventwire.engines.spark_session import start_session

    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    with tempfile.TemporaryDirectory(prefix="eventwire-cluster-") as tmp:
        t0 = time.perf_counter()
        with standalone_cluster(Path(tmp), workers=2, cores=1, memory="1g",
                                python_path=[ROOT / "src"]) as cluster:
            print(f"start-up: standalone master and 2 workers {time.perf_counter() - t0:.1f} s")
            for workers, parts in ((1, [1]), (2, partitions)):
                t0 = time.perf_counter()
                # no cached readings in the executors either: every run reads the same texts
                session = start_session(cluster.url, conf={"spark.cores.max": str(workers),
                                                           "spark.executorEnv.EVENTWIRE_CODER_CACHE": "0"})
                try:
                    with SparkEngine(partitions=workers, session=session) as engine:
                        # the first job builds the pipeline in each executor's Python worker
                        list(engine.run(paths[:1], BatchReport(), PUBLISHED))
                        print(f"start-up: session and pipeline in {workers} executor(s) "
                              f"{time.perf_counter() - t0:.1f} s")
                        for p in parts:
                            engine.partitions = p
                            got, t = timed(lambda: sum(1 for _ in engine.run(paths, BatchReport(), PUBLISHED)))  # noqa: B023
                            assert got == n, (got, n)
                            print(f"spark, {workers} worker(s), {p} partition(s): {n} articles in {t:.2f} s = "
                                  f"{n / t:.2f} articles/s, {words / t:,.0f} words/s, "
                                  f"{(n / t) / local_rate:.2f}x the local engine's 2 workers")
                finally:
                    session.stop()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=0, help="N distinct articles (examples, seed, gva-dev)")
    ap.add_argument("--copies", type=int, default=16,
                    help="copies of the seed and the examples (4 articles), without --articles")
    ap.add_argument("--repeat", type=int, default=3, help="paired runs of bare spaCy and the local engine")
    ap.add_argument("--partitions", type=int, nargs="+", default=[1, 2, 4, 8])
    ap.add_argument("--no-spark", action="store_true")
    args = ap.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        paths = distinct(Path(tmp), args.articles) if args.articles else corpus(Path(tmp), args.copies)
        arts = list(articles(paths, BatchReport(), PUBLISHED))
        texts = [blank(a.text, a.boilerplate) for a in arts]
        words = sum(len(t.split()) for t in texts)
        kind = "distinct" if args.articles else f"{args.copies} copies of 4"
        print(f"corpus: {len(arts)} articles ({kind}), {words:,} words")
        local_rate = bench_local(arts, texts, args.repeat, words)
        if not args.no_spark:
            bench_spark(paths, len(arts), words, args.partitions, local_rate)
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
