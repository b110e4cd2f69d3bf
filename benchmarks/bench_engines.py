"""Engine speed: articles per second, local engine vs Spark local[2], on the same input.

    .venv/bin/python benchmarks/bench_engines.py [--copies N] [--partitions P]

The examples are copied N times into a temporary folder (each copy is a file of its own,
so Spark has files to spread over its tasks). Each engine runs the whole batch end to end
from the file paths, pipeline loading included (once for the local engine, once per
partition for Spark); the Spark session's start-up is timed apart, since a long-running
job pays it once. Both runs happen in this one process, one after the other.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

from eventwire.engines.local import BatchReport, run
from eventwire.engines.spark import SparkEngine
from eventwire.engines.spark_session import start_session
from eventwire.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = date(2026, 3, 6)


def corpus(folder: Path, copies: int) -> list[Path]:
    for n in range(copies):
        for f in sorted((ROOT / "examples").glob("*.txt")):
            shutil.copy(f, folder / f"{n:04d}_{f.name}")
    return [folder]


def bench_local(paths: list[Path]) -> tuple[int, float]:
    t0 = time.perf_counter()
    pipeline = Pipeline.load()
    n = sum(1 for _ in run(pipeline.process, paths, BatchReport(), PUBLISHED))
    return n, time.perf_counter() - t0


def bench_spark(paths: list[Path], partitions: int) -> tuple[int, float, float]:
    t0 = time.perf_counter()
    session = start_session("local[2]")
    startup = time.perf_counter() - t0
    try:
        with SparkEngine(partitions=partitions, session=session) as engine:
            t0 = time.perf_counter()
            n = sum(1 for _ in engine.run(paths, BatchReport(), PUBLISHED))
            return n, time.perf_counter() - t0, startup
    finally:
        session.stop()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=20, help="copies of the examples (3 articles each)")
    ap.add_argument("--partitions", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        paths = corpus(Path(tmp), args.copies)
        n_local, t_local = bench_local(paths)
        n_spark, t_spark, startup = bench_spark(paths, args.partitions)
    assert n_local == n_spark, (n_local, n_spark)
    local_rate, spark_rate = n_local / t_local, n_spark / t_spark
    print(f"local engine: {n_local} articles in {t_local:.2f} s = {local_rate:.1f} articles/s")
    print(f"spark local[2], {args.partitions} partitions: {n_spark} articles in {t_spark:.2f} s "
          f"= {spark_rate:.1f} articles/s (session start-up {startup:.1f} s not included)")
    print(f"spark / local: {spark_rate / local_rate:.2f}x; with start-up: "
          f"{(n_spark / (t_spark + startup)) / local_rate:.2f}x")


if __name__ == "__main__":
    main()
