"""One database, a writer and many readers: `ingest` beside a running `serve`, on
DuckDB and on PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from eventwire.store.dialect import is_postgres
from eventwire.store.writer import read_announcement

from .browser import running_server
from .conftest import build_db

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
EXE = Path(sys.executable).with_name("eventwire")


def _all_events(base: str, client: httpx.Client) -> list[dict]:
    """Every event, page by page with the keyset cursor."""
    out: list[dict] = []
    cursor = None
    while True:
        r = client.get(f"{base}/api/events", params={"limit": 2, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        page = r.json()
        out += page["events"]
        cursor = page["next_cursor"]
        if cursor is None:
            return out


def test_ingest_beside_a_running_server(db_target: str, tmp_path: Path) -> None:
    """DuckDB: the server is the one writer the ingest hands its articles to. PostgreSQL:
    the ingest writes to the database itself (named by EVENTWIRE_DB here), beside the
    server; the server's pages show what it wrote."""
    postgres = is_postgres(db_target)
    db = build_db(db_target)
    with running_server(db, tmp_path / "serve.log") as base:
        if not postgres:
            ann = read_announcement(Path(db))
            assert ann is not None and ann.url == base
        statuses: list[int] = []
        done = threading.Event()

        def poll() -> None:
            with httpx.Client(timeout=30) as client:
                while not done.is_set():
                    statuses.append(client.get(f"{base}/api/events").status_code)
                    time.sleep(0.05)

        with httpx.Client(timeout=30) as client:
            before = _all_events(base, client)
        poller = threading.Thread(target=poll)
        poller.start()
        try:
            # on PostgreSQL the rules alone (--fast): what is tested is the storing, and the
            # suite stays lean
            cmd = [str(EXE), "ingest", str(EXAMPLES)] + (["--fast", "--workers", "1"] if postgres else ["--db", str(db)])
            env = {**os.environ, "EVENTWIRE_DB": str(db)} if postgres else None
            res = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False,
                                 env=env)
        finally:
            time.sleep(0.5)
            done.set()
            poller.join()
        assert res.returncode == 0, res.stderr
        assert "3 article(s) stored" in res.stderr
        assert statuses and set(statuses) == {200}, sorted(set(statuses))
        with httpx.Client(timeout=30) as client:
            after = _all_events(base, client)
            # no token, no door (and no door at all where every process writes itself)
            assert client.get(f"{base}/api/store/known").status_code == (404 if postgres else 403)
        new = {e["article_id"] for e in after} - {e["article_id"] for e in before}
        assert len(new) == 3 and len(after) > len(before)
        assert [(e["date_start"] or "9", e["id"]) for e in after] == sorted(
            (e["date_start"] or "9", e["id"]) for e in after)  # one stable order across pages
        assert all(e["cluster_id"] for e in after)
    if not postgres:
        assert read_announcement(Path(db)) is None  # the server withdrew its announcement on exit


HOLDER = """
import sys, time
from eventwire.store.database import Store
with Store(sys.argv[1]):
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _hold(db: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process that holds the database file for a while (an ingest committing)."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline() == "holding\n"
    return proc


def test_writer_and_server_wait_for_a_busy_file(tmp_path: Path) -> None:
    from eventwire.store.writer import DatabaseWriter

    from .sample import sample_docs

    db = build_db(tmp_path / "ew.duckdb")
    waits: list[str] = []
    with _hold(db, 2.0) as holder:
        writer = DatabaseWriter(db, on_wait=waits.append)
        docs = sample_docs()
        assert [r.kind for r in writer.put_all(docs)] == ["duplicate"] * len(docs)
        holder.wait()
    assert waits  # it met the lock, waited and went on
    with _hold(db, 2.0) as holder, running_server(db, tmp_path / "serve.log") as base:
        assert httpx.get(f"{base}/api/health", timeout=30).json()["events"] > 0
        holder.wait()
