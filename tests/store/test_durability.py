"""Durability you can show: an ingest killed with SIGKILL mid-batch leaves a database that
opens with no half-written article, and a re-run stores the rest with no duplicate; two
ingests into one file at once do not corrupt it (the second says why it cannot write);
re-ingesting a folder changes nothing. Real processes, a real DuckDB file."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.store.database import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
DESKS = ("Kabul", "Nairobi", "Caracas", "Beirut", "Sanaa", "Bamako", "Goma", "Mosul")


def corpus(folder: Path, n: int) -> Path:
    """``n`` distinct articles: the examples, each with its own closing line."""
    folder.mkdir()
    for k in range(n):
        text = EXAMPLES[k % len(EXAMPLES)].read_text(encoding="utf-8")
        desk = DESKS[k % len(DESKS)]
        text += f"\nReporting by the {desk} desk, file {k + 1} of the day.\n"
        (folder / f"{k:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def ingest(folder: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "eventwire", "ingest", str(folder), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def orphans(db: Path) -> dict[str, int]:
    """Rows that point at a parent that is not there (a half-written article)."""
    checks = {
        "events": "SELECT count(*) FROM events e WHERE NOT EXISTS"
                  " (SELECT 1 FROM articles a WHERE a.id = e.article_id)",
        "quantities": "SELECT count(*) FROM quantities q WHERE NOT EXISTS"
                      " (SELECT 1 FROM events e WHERE e.id = q.event_id)",
        "actors": "SELECT count(*) FROM actors x WHERE NOT EXISTS"
                  " (SELECT 1 FROM events e WHERE e.id = x.event_id)",
        "places": "SELECT count(*) FROM places p WHERE NOT EXISTS"
                  " (SELECT 1 FROM articles a WHERE a.id = p.article_id)",
        "quotes": "SELECT count(*) FROM quotes q WHERE NOT EXISTS"
                  " (SELECT 1 FROM articles a WHERE a.id = q.article_id)",
        "times": "SELECT count(*) FROM times t WHERE NOT EXISTS"
                 " (SELECT 1 FROM articles a WHERE a.id = t.article_id)",
        "articles without events": "SELECT count(*) FROM articles a WHERE NOT EXISTS"
                                   " (SELECT 1 FROM events e WHERE e.article_id = a.id)",
    }
    with Store(db, read_only=True) as store:
        return {name: store.con.execute(sql).fetchone()[0] for name, sql in checks.items()}


def fingerprint(db: Path) -> dict[str, str]:
    """Each table's rows, sorted and hashed: equal fingerprints, equal contents."""
    out = {}
    with Store(db, read_only=True) as store:
        for table in ("articles", "events", "actors", "quantities", "places", "quotes", "times"):
            rows = sorted(map(repr, store.con.execute(f"SELECT * FROM {table}").fetchall()))
            out[table] = f"{len(rows)}:" + hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return out


def article_ids(db: Path) -> list[str]:
    with Store(db, read_only=True) as store:
        return [r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()]


def children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux /proc)."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


def alive(pid: int) -> bool:
    """Running or sleeping: neither gone nor a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.slow
def test_kill_9_mid_batch_then_resume(tmp_path: Path) -> None:
    folder, db = corpus(tmp_path / "in", 24), tmp_path / "db.duckdb"
    proc = ingest(folder, db)
    wal = Path(f"{db}.wal")
    deadline = time.monotonic() + 600
    # the first articles are committed once the write-ahead log has grown past the schema
    while proc.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 200_000:
            break
        time.sleep(0.05)
    assert proc.poll() is None, f"ingest ended before it could be killed: {proc.stderr.read()}"
    workers = children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    proc.stderr.close()
    # its workers see their pipe end and exit: none is left waiting for work for ever
    deadline = time.monotonic() + 60
    while [w for w in workers if alive(w)] and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [w for w in workers if alive(w)], f"workers left behind: {workers}"

    stored = article_ids(db)  # it opens, replaying what the log holds
    assert 0 < len(stored) < 24, "the kill was to land mid-batch"
    assert set(orphans(db).values()) == {0}, orphans(db)

    again = ingest(folder, db)
    _, err = again.communicate(timeout=900)
    assert again.returncode == 0, err
    assert f"{24 - len(stored)} article(s) stored, {len(stored)} already there" in err
    ids = article_ids(db)
    assert len(ids) == len(set(ids)) == 24
    assert set(orphans(db).values()) == {0}


@pytest.mark.slow
def test_two_ingests_at_once_and_reingest_changes_nothing(tmp_path: Path) -> None:
    folder, db = corpus(tmp_path / "in", 6), tmp_path / "db.duckdb"
    first, second = ingest(folder, db), None
    try:
        wal = Path(f"{db}.wal")
        deadline = time.monotonic() + 600
        while first.poll() is None and not wal.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        second = ingest(folder, db)
        out2, err2 = second.communicate(timeout=900)
        _, err1 = first.communicate(timeout=900)
    finally:
        for p in (first, second):
            if p is not None and p.poll() is None:
                p.kill()
    assert first.returncode == 0, err1
    # the second either waited its turn or said in one line why it could not write
    if second.returncode != 0:
        lines = [ln for ln in err2.splitlines() if ln.strip()]
        assert len(lines) == 1 and str(db) in lines[0] and "Traceback" not in err2, err2
        assert "another process" in lines[0], lines
    ids = article_ids(db)
    assert len(ids) == len(set(ids)) == 6
    assert set(orphans(db).values()) == {0}

    before = fingerprint(db)
    again = ingest(folder, db)
    _, err = again.communicate(timeout=900)
    assert again.returncode == 0 and "0 article(s) stored, 6 already there" in err, err
    assert fingerprint(db) == before
