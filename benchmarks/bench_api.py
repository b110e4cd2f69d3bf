"""API under load: many concurrent clients on /api/events of a large database.

Usage: .venv/bin/python benchmarks/bench_api.py [--events 100000] [--clients 200] [--seconds 20]

Builds a database of ``--events`` events (the examples' articles through the pipeline,
their events repeated with new ids and dates spread over three years), starts
`eventwire serve` on it in its own process, and runs ``--clients`` concurrent clients
(asyncio + httpx, kept-alive connections) for ``--seconds``: each asks for a page of
/api/events (the default page, 100 rows; one in four follows the previous page's
cursor; one in four filters by type). Prints p50, p99, requests per second, the bytes
of a page on the wire (gzip) and every non-200 answer. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def build(db: Path, n_events: int) -> int:
    """A database of about ``n_events`` events; the number it holds."""
    from eventwire.engines.local import BatchReport, articles
    from eventwire.pipeline import Pipeline
    from eventwire.store.database import Store

    with Store(db) as store:
        for doc in Pipeline.load().process(articles([EXAMPLES], BatchReport())):
            store.add(doc)
        base = store.count("events")
        copies = max(1, n_events // max(base, 1) - 1)
        store.con.execute(
            "INSERT INTO events BY NAME SELECT e.id || '-' || lpad(i::VARCHAR, 6, '0') AS id,"
            " e.* EXCLUDE (id, cluster_id, date_start, date_end),"
            " e.id || '-' || lpad(i::VARCHAR, 6, '0') AS cluster_id,"
            " e.date_start - INTERVAL (i % 1100) DAY AS date_start,"
            " e.date_end - INTERVAL (i % 1100) DAY AS date_end"
            " FROM events e, range(1, ?) r(i)", [copies + 1])
        t0 = time.perf_counter()
        clusters = store.relink()  # file the copies for linking, as a real ingest would have
        print(f"relink of the whole set: {clusters:,} clusters in {time.perf_counter() - t0:.1f} s")
        return store.count("events")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def client(base: str, until: float, times: list[float], errors: list[str], rng: random.Random) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=60, headers={"Accept-Encoding": "gzip"}) as c:
        cursor = None
        while time.perf_counter() < until:
            params: dict[str, str] = {}
            roll = rng.random()
            if roll < 0.25 and cursor:
                params["cursor"] = cursor
            elif roll < 0.5:
                params["type"] = rng.choice(["ASSAULT", "COERCE", "PROTEST", "CONSULT"])
            t0 = time.perf_counter()
            try:
                r = await c.get("/api/events", params=params)
            except httpx.HTTPError as e:
                errors.append(type(e).__name__)
                continue
            times.append(time.perf_counter() - t0)
            if r.status_code != 200:
                errors.append(str(r.status_code))
                continue
            cursor = r.json().get("next_cursor")


async def load(base: str, clients: int, seconds: float) -> tuple[list[float], list[str]]:
    times: list[float] = []
    errors: list[str] = []
    until = time.perf_counter() + seconds
    await asyncio.gather(*(client(base, until, times, errors, random.Random(n)) for n in range(clients)))
    return times, errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=20.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        db = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        n = build(db, args.events)
        print(f"database: {n:,} events, built in {time.perf_counter() - t0:.1f} s")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", str(db),
                                   "--port", str(port)], stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    r = httpx.get(f"{base}/api/events", headers={"Accept-Encoding": "gzip"})
                    if r.status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit("the server did not start")
                time.sleep(0.5)
            wire = r.headers.get("content-length") or "?"
            print(f"one default page: {len(r.json()['events'])} rows, {wire} bytes on the wire"
                  f" ({r.headers.get('content-encoding', 'identity')}), {len(r.content):,} bytes of JSON")
            times, errors = asyncio.run(load(base, args.clients, args.seconds))
        finally:
            server.terminate()
            server.wait(30)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))] if times else float("nan")
    print(f"{args.clients} clients, {args.seconds:.0f} s: {len(times):,} requests,"
          f" {len(times) / args.seconds:.0f} req/s, p50 {statistics.median(times) * 1000:.0f} ms,"
          f" p99 {p99 * 1000:.0f} ms, errors {len(errors)} {sorted(set(errors))}")


if __name__ == "__main__":
    main()
