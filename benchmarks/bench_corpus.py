"""Corpus-size benchmark: ingest thousands of distinct articles, then query the database.

    nice -n 10 .venv/bin/python benchmarks/bench_corpus.py [--limit N] [--workers W] [--engine local|spark]

The corpus is built in a temporary folder (nothing is copied into the repository) from
the repository's examples, the seed article and the development gold the tests may
read, in this order: ``gva-dev`` (local news articles), PolNeAR ``train`` and ``dev``
texts (``attribution``), and the short reports of ``acled-types``; texts repeated are
kept once. With no ``--limit`` that is over 5,000 articles (expensive: minutes on two
cores; run it once). It is written as one JSON Lines file, and the benchmark runs, as a
user would and each in its own process:

- ``eventwire ingest corpus.jsonl --db DB`` (start-up included: the pipeline load is
  printed apart by a run of ``ingest`` on an empty file), reporting articles/s, words/s
  and the peak RSS of each of its processes (parent and workers, sampled from /proc);
- ``eventwire events --dedup --db DB --format jsonl``: the time to list the deduplicated
  events of the whole database;
- ``GET /api/events`` on `eventwire serve` over the full database: p50 and p99 latency
  of 200 concurrent clients for 20 s (the client and the ``page`` mix of ``bench_api.py``).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
GOLD = SHARED / "gold"
SEED = SHARED / "corpus" / "seed" / "000_8057f10ad668c9f6.txt"
EVENTWIRE = str(Path(sys.executable).parent / "eventwire")


def _txt(path: Path) -> dict[str, str]:
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    return {"title": title.strip(), "text": body}


def sources() -> Iterator[dict[str, str]]:
    """Articles as JSON Lines records (``title``, ``text``, maybe ``published``, ``outlet``)."""
    for f in sorted((ROOT / "examples").glob("*.txt")) + [SEED]:
        if f.exists():
            yield _txt(f)
    gva = GOLD / "gva-dev" / "articles.jsonl.gz"
    if gva.exists():
        with gzip.open(gva, "rt", encoding="utf-8") as fh:
            for line in fh:
                a = json.loads(line)
                yield {k: a[k] for k in ("title", "text", "published", "outlet") if a.get(k)}
    for part in ("train", "dev"):
        for f in sorted((GOLD / "attribution" / part / "text").glob("*.txt")):
            yield _txt(f)
    acled = GOLD / "acled-types" / "dev.jsonl"
    if acled.exists():
        for line in acled.read_text(encoding="utf-8").splitlines():
            yield {"text": json.loads(line)["text"]}


def build(path: Path, limit: int | None) -> tuple[int, int]:
    """Write distinct articles to ``path``; (articles, words)."""
    seen: set[str] = set()
    n = words = 0
    with path.open("w", encoding="utf-8") as out:
        for rec in sources():
            key = hashlib.sha256(rec["text"].strip().encode()).hexdigest()
            if not rec["text"].strip() or key in seen:
                continue
            seen.add(key)
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
            words += len(rec["text"].split()) + len(rec.get("title", "").split())
            if limit is not None and n >= limit:
                break
    return n, words


class PeakMemory:
    """Peak RSS (VmHWM) of a process and its descendants, sampled from /proc."""

    def __init__(self, pid: int) -> None:
        self.root = pid
        self.peaks: dict[int, tuple[str, int]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            for pid in self._tree():
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
                hwm = int(fields.get("VmHWM", "0 kB").split()[0]) // 1024
                name = fields.get("Name", "?").strip()
                if hwm >= self.peaks.get(pid, ("", 0))[1]:
                    self.peaks[pid] = (name, hwm)

    def _tree(self) -> list[int]:
        parents: dict[int, int] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            parents[int(stat.parent.name)] = int(fields[1])
        tree, todo = [], [self.root]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo += [c for c, p in parents.items() if p == pid]
        return tree


def run_cli(args: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str], PeakMemory]:
    t0 = time.perf_counter()
    proc = subprocess.Popen([EVENTWIRE, *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    with PeakMemory(proc.pid) as mem:
        out, err = proc.communicate()
    done = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{err[-3000:]}")
    return time.perf_counter() - t0, done, mem


def api_latency(db: Path, clients: int = 200, seconds: float = 20.0) -> str:
    """``GET /api/events`` on `eventwire serve` over the database, with the crowd of
    ``bench_api.py`` (its ``page`` mix, closed loop, kept-alive connections)."""
    import asyncio

    from bench_api import MIXES, crowd, free_port, quantile, serve

    port = free_port()
    server = serve(db, port, db.with_suffix(".serve.log"))
    try:
        asyncio.run(crowd("127.0.0.1", port, clients, 5, MIXES["page"]))  # answers made once
        times, errors = asyncio.run(crowd("127.0.0.1", port, clients, seconds, MIXES["page"]))
    finally:
        server.terminate()
        server.wait(30)
    times.sort()
    return (f"{clients} clients, {seconds:.0f} s: {len(times) / seconds:.0f} req/s, p50"
            f" {quantile(times, 0.5):.0f} ms, p99 {quantile(times, 0.99):.0f} ms, non-200 or"
            f" dropped {len(errors)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None, help="at most N articles (default: all, over 5,000)")
    ap.add_argument("--workers", type=int, default=None, help="local engine worker processes (default: every core)")
    ap.add_argument("--engine", default="local", choices=["local", "spark"])
    args = ap.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="eventwire-corpus-") as tmp:
        folder = Path(tmp)
        n, words = build(folder / "corpus.jsonl", args.limit)
        print(f"corpus: {n} distinct articles, {words:,} words")
        engine = ["--engine", args.engine]
        if args.workers and args.engine == "local":
            engine += ["--workers", str(args.workers)]
        (folder / "one.jsonl").write_text(next(iter(open(folder / "corpus.jsonl", encoding="utf-8"))))
        startup, _, _ = run_cli(["ingest", "one.jsonl", "--db", "startup.duckdb", *engine], folder)
        print(f"start-up (ingest of one article, process start and pipeline load included): {startup:.1f} s")
        t, done, mem = run_cli(["ingest", "corpus.jsonl", "--db", "corpus.duckdb", *engine], folder)
        print(f"ingest ({args.engine}): {n} articles in {t:.1f} s = {n / t:.2f} articles/s, "
              f"{words / t:,.0f} words/s (start-up included); without start-up "
              f"{n / (t - startup):.2f} articles/s")
        for line in done.stderr.strip().splitlines():
            if line.startswith("skipped") or "stored" in line or "skipped," in line:
                print("  " + line)
        for pid, (name, mb) in sorted(mem.peaks.items()):
            print(f"  peak RSS, pid {pid} ({name}): {mb} MB")
        t, listed, _ = run_cli(["events", "--db", "corpus.duckdb", "--dedup", "--format", "jsonl"], folder)
        all_t, every, _ = run_cli(["events", "--db", "corpus.duckdb", "--format", "jsonl"], folder)
        print(f"events --dedup: {len(listed.stdout.splitlines())} of {len(every.stdout.splitlines())} "
              f"events in {t:.2f} s (process start included; all events: {all_t:.2f} s)")
        print(f"GET /api/events on the full database (bench_api.py's page mix): "
              f"{api_latency(folder / 'corpus.duckdb')}")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
