"""API under a crowd: many concurrent clients on /api/events of a large database.

    nice -n 10 .venv/bin/python benchmarks/bench_api.py [--events 100000] [--clients 200]
        [--seconds 20] [--db FILE] [--mix page|distinct|both]

The database (``--db FILE`` keeps it, and a later run reuses it) holds ``--events``
events: ``--base`` real articles (the examples, the seed, then the local news of
gva-dev, as ``bench_corpus.py`` reads them) go through the pipeline and the store's own
writer, then every table is filled up with copies of those rows made in SQL, each copy
with new content-hash-like ids and its dates moved back by a multiple of 13 days (three
years in all); the clusters of the whole set are then computed again (``Store.relink``).

`eventwire serve` runs on it in its own process, as a user starts it; ``--clients``
clients, each on one kept-alive HTTP/1.1 connection, send their next request as soon
as the previous answer is read (a closed loop, no pause: the harshest crowd) for
``--seconds``. The client is a few lines over asyncio streams, so that the load
generator takes as little as it can of the two cores it shares with the server. Mixes:

- ``page``: what a crowd opening the web page and the API asks: the default page (100
  rows) half the time, a PLOVER type a quarter, the previous answer's ``next_cursor``
  a quarter (keyset paging);
- ``distinct``: every request a query of its own (a random 30-day window, with a random
  type or country or neither, and a random page size), so no answer is ever computed
  twice: the cost of the queries themselves.

Prints p50, p99, requests per second, the bytes of a page on the wire, every non-200
answer and dropped connection, and the load average before and after (the machine may
be shared). A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import hashlib
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
EVENTWIRE = str(Path(sys.executable).parent / "eventwire")
TYPES = ("ASSAULT", "COERCE", "PROTEST", "CONSULT", "ACCUSE", "REQUEST")
NEXT = re.compile(rb'"next_cursor":"([^"]+)"')


# ---------------------------------------------------------------- the database


def build(db: Path, n_events: int, base: int) -> int:
    """A database of at least ``n_events`` events; the number it holds (module docstring)."""
    from bench_corpus import build as write_corpus

    from eventwire.engines.local import BatchReport, articles
    from eventwire.pipeline import Pipeline
    from eventwire.store.database import Store

    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        corpus = Path(tmp) / "base.jsonl"
        write_corpus(corpus, base)
        t0 = time.perf_counter()
        with Store(db) as store:
            for doc in Pipeline.load().process(articles([corpus], BatchReport())):
                store.put(doc)
            real = store.count("events")
            print(f"  {store.count('articles')} real articles, {real:,} events through the"
                  f" pipeline and the writer: {time.perf_counter() - t0:.0f} s")
            t0 = time.perf_counter()
            copies = -(-n_events // max(real, 1))
            with store.transaction() as con:
                _copy(con, copies)
            print(f"  {copies - 1} copies of every row made in SQL: {time.perf_counter() - t0:.0f} s")
            t0 = time.perf_counter()
            clusters = store.relink()
            print(f"  clusters of the whole set: {clusters:,} ({time.perf_counter() - t0:.0f} s)")
            return store.count("events")


def _new_id(col: str) -> str:
    """SQL: the id of a row's copy ``c.k`` (16 hex digits, like the store's content hashes)."""
    return f"substr(sha256({col} || ':' || c.k), 1, 16)"


def _shift_record(record: str, k: int, days: int) -> str:
    """An event's JSON record as copy ``k``: its ids as ``_new_id`` makes them, its dates
    ``days`` earlier."""
    ev = json.loads(record)
    for key in ("id", "article_id"):
        ev[key] = hashlib.sha256(f"{ev[key]}:{k}".encode()).hexdigest()[:16]
    for key in ("start", "end"):
        if (ev.get("time") or {}).get(key):
            ev["time"][key] = (date.fromisoformat(ev["time"][key]) - timedelta(days)).isoformat()
    return json.dumps(ev)


def _copy(con: Any, copies: int) -> None:
    """Fill every table with copies 1 .. copies-1 of the rows stored so far (DuckDB SQL,
    on the store's raw DuckDB connection)."""
    con = getattr(con, "raw", con)
    con.create_function("shift_record", _shift_record, ["VARCHAR", "INTEGER", "INTEGER"], "VARCHAR")
    seqs = con.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0]
    con.execute("CREATE TEMP TABLE c AS SELECT CAST(i AS INTEGER) AS k,"
                " CAST(i * 13 % 1100 AS INTEGER) AS days FROM range(1, ?) r(i)", [copies])
    by_article = f"{_new_id('article_id')} AS article_id"
    select = {
        "articles": f"{_new_id('id')} AS id, published - c.days AS published,"
                    " url || '#copy-' || c.k AS url, t.* EXCLUDE (id, published, url)",
        "events": f"{_new_id('id')} AS id, {by_article}, {_new_id('id')} AS cluster_id,"
                  " date_start - c.days AS date_start, date_end - c.days AS date_end,"
                  f" change_seq + c.k * {seqs} AS change_seq,"
                  " shift_record(record, c.k, c.days) AS record,"
                  " t.* EXCLUDE (id, article_id, cluster_id, date_start, date_end, change_seq, record)",
        "actors": f"{_new_id('event_id')} AS event_id, t.* EXCLUDE (event_id)",
        "quantities": f"{_new_id('event_id')} AS event_id, t.* EXCLUDE (event_id)",
        "places": f"{by_article}, t.* EXCLUDE (article_id)",
        "quotes": f"{by_article}, t.* EXCLUDE (article_id)",
        "times": f"{by_article}, start_date - c.days AS start_date, end_date - c.days AS end_date,"
                 " t.* EXCLUDE (article_id, start_date, end_date)",
        "changes": f"seq + c.k * {seqs} AS seq, {_new_id('event_id')} AS event_id, {by_article},"
                   " url || '#copy-' || c.k AS url, shift_record(record, c.k, c.days) AS record,"
                   " t.* EXCLUDE (seq, event_id, article_id, url, record)",
    }
    for table, columns in select.items():
        con.execute(f"INSERT INTO {table} BY NAME SELECT {columns} FROM {table} t, c")
    con.execute("DROP TABLE c")
    con.remove_function("shift_record")


# ---------------------------------------------------------------- the crowd


class Client:
    """One kept-alive HTTP/1.1 connection: GET a path, read the whole answer."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n"
                     "Accept-Encoding: gzip\r\n\r\n".encode())
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").lower()
        status = int(head[9:12])
        length = re.search(r"\ncontent-length: *(\d+)", head)
        if length:
            body = await reader.readexactly(int(length.group(1)))
        else:  # chunked
            parts = []
            while size := int((await reader.readuntil(b"\r\n")).strip(), 16):
                parts.append((await reader.readexactly(size + 2))[:-2])
            await reader.readuntil(b"\r\n")
            body = b"".join(parts)
        if "content-encoding: gzip" in head:
            body = gzip.decompress(body)
        if "connection: close" in head:
            await self.close()
        return status, body

    async def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


Path_ = Callable[[random.Random, bytes | None], str]


def page_mix(rng: random.Random, previous: bytes | None) -> str:
    """The default page, a type, or the next page of the previous answer."""
    roll = rng.random()
    cursor = NEXT.search(previous) if previous and roll < 0.25 else None
    if cursor:
        return "/api/events?" + urlencode({"cursor": cursor.group(1).decode()})
    if 0.25 <= roll < 0.5:
        return "/api/events?" + urlencode({"type": rng.choice(TYPES)})
    return "/api/events"


def distinct_mix(rng: random.Random, previous: bytes | None) -> str:
    """A query of its own: a 30-day window somewhere in three years, maybe a type or a
    country, a page size of 20 to 100 rows."""
    since = date(2014, 1, 1) + timedelta(rng.randrange(1100 + 365 * 3))
    params = {"since": since.isoformat(), "until": (since + timedelta(30)).isoformat(),
              "limit": str(rng.randrange(20, 101))}
    roll = rng.random()
    if roll < 0.3:
        params["type"] = rng.choice(TYPES)
    elif roll < 0.6:
        params["country"] = rng.choice(("USA", "SYR", "AFG", "KEN", "VEN", "GBR"))
    return "/api/events?" + urlencode(params)


MIXES: dict[str, Path_] = {"page": page_mix, "distinct": distinct_mix}


async def crowd(host: str, port: int, clients: int, seconds: float, mix: Path_
                ) -> tuple[list[float], list[str]]:
    times: list[float] = []
    errors: list[str] = []
    until = time.perf_counter() + seconds

    async def one(n: int) -> None:
        rng, c, previous = random.Random(n), Client(host, port), None
        try:
            while time.perf_counter() < until:
                path = mix(rng, previous)
                t0 = time.perf_counter()
                try:
                    status, body = await c.get(path)
                except (OSError, asyncio.IncompleteReadError, ValueError) as e:
                    errors.append(f"dropped ({type(e).__name__})")
                    await c.close()
                    continue
                times.append(time.perf_counter() - t0)
                if status != 200:
                    errors.append(str(status))
                previous = body
        finally:
            await c.close()

    await asyncio.gather(*(one(n) for n in range(clients)))
    return times, errors


def quantile(sorted_times: list[float], q: float) -> float:
    return sorted_times[min(len(sorted_times) - 1, int(len(sorted_times) * q))] * 1000


def report(name: str, clients: int, seconds: float, times: list[float], errors: list[str],
           cpu: tuple[float, float]) -> None:
    times.sort()
    print(f"{name}: {clients} clients, {seconds:.0f} s: {len(times):,} answers, "
          f"{len(times) / seconds:.0f} req/s, p50 {quantile(times, 0.5):.0f} ms, "
          f"p99 {quantile(times, 0.99):.0f} ms, max {quantile(times, 1):.0f} ms; "
          f"non-200 or dropped: {len(errors)} {sorted(set(errors))}; CPU seconds: server"
          f" {cpu[0]:.1f}, client {cpu[1]:.1f}; load average now {os.getloadavg()[0]:.1f}",
          flush=True)


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(port: int, pid: int, clients: int, seconds: float, mix: Path_
            ) -> tuple[list[float], list[str], tuple[float, float]]:
    server0, client0 = cpu_seconds(pid), time.process_time()
    times, errors = asyncio.run(crowd("127.0.0.1", port, clients, seconds, mix))
    return times, errors, (cpu_seconds(pid) - server0, time.process_time() - client0)


# ---------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        server = subprocess.Popen([EVENTWIRE, "serve", "--db", str(db), "--port", str(port)],
                                  stderr=out)
    deadline = time.monotonic() + 120
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise SystemExit("the server did not start:\n"
                                 + log.read_text(errors="replace")[-2000:]) from None
            time.sleep(0.3)


def run(db: Path, args: argparse.Namespace) -> None:
    port = free_port()
    log = db.with_suffix(".serve.log")
    server = serve(db, port, log)
    try:
        first = asyncio.run(_one(port, "/api/events"))
        print(first)
        mixes = ["page", "distinct"] if args.mix == "both" else [args.mix]
        for name in mixes:
            # the first seconds: every answer is made for the first time (as after a write)
            report(f"{name}, its first {args.warmup:.0f} s",
                   args.clients, args.warmup, *measure(port, server.pid, args.clients,
                                                       args.warmup, MIXES[name]))
            report(name, args.clients, args.seconds,
                   *measure(port, server.pid, args.clients, args.seconds, MIXES[name]))
    finally:
        server.terminate()
        server.wait(30)
    errors = log.read_text(errors="replace").strip()
    if errors:
        print(f"the server's log ({log}):\n{errors[-3000:]}")


async def _one(port: int, path: str) -> str:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n"
                 "Connection: close\r\n\r\n".encode())
    raw = await reader.read()
    writer.close()
    head, _, body = raw.partition(b"\r\n\r\n")
    gz = b"content-encoding: gzip" in head.lower()
    page = json.loads(gzip.decompress(body) if gz else body)
    return (f"one default page: {len(page['events'])} rows of {page['total']:,},"
            f" {len(body):,} bytes on the wire ({'gzip' if gz else 'identity'})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--base", type=int, default=120, help="real articles the copies are made of")
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--warmup", type=float, default=5.0,
                    help="seconds of the crowd reported apart, before the measured ones")
    ap.add_argument("--mix", choices=["page", "distinct", "both"], default="both")
    ap.add_argument("--db", type=Path, default=None,
                    help="keep the database here (reused when it exists)")
    args = ap.parse_args()
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}"
          f" on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if not db.exists():
            t0 = time.perf_counter()
            n = build(db, args.events, args.base)
            print(f"database: {n:,} events, built in {time.perf_counter() - t0:.0f} s")
        run(db, args)
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
