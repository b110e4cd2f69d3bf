"""The same set of articles gives the same database: any order, any batches, a kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from itertools import combinations
from pathlib import Path

from eventwire.link import clusters
from eventwire.model import ArticleDoc
from eventwire.store.database import Store

ROOT = Path(__file__).resolve().parents[2]
EXE = Path(sys.executable).with_name("eventwire")


def snapshot(db: Path) -> dict[str, object]:
    """What must not depend on arrival order: events, their clusters and flags, places."""
    with Store(db, read_only=True) as s:
        return {
            "articles": s.query("SELECT id, version, superseded_by FROM articles ORDER BY id"),
            "events": s.query("SELECT id, article_id, cluster_id, flagged, record FROM events ORDER BY id"),
            "places": s.query("SELECT article_id, start_char, end_char, name, country, admin1, lat, lon"
                              " FROM places ORDER BY article_id, start_char, end_char"),
            "links": s.query("SELECT key, event_id FROM link_keys ORDER BY key, event_id"),
        }


def store_all(db: Path, docs: list[ArticleDoc]) -> None:
    with Store(db) as s:
        for d in docs:
            s.add(d)


def test_any_order_and_batches_give_the_same_database(gva_docs: list[ArticleDoc], tmp_path: Path) -> None:
    one = tmp_path / "one.duckdb"
    store_all(one, gva_docs)
    half = len(gva_docs) // 2
    two = tmp_path / "two.duckdb"
    store_all(two, gva_docs[half:][::-1])  # the second half first, each half backwards
    store_all(two, gva_docs[:half][::-1])
    a, b = snapshot(one), snapshot(two)
    assert a == b
    events = a["events"]
    assert isinstance(events, list)
    n_clusters = len({e["cluster_id"] for e in events})
    assert n_clusters < len(events)  # these articles tell the same shootings: some linked
    assert all(e["cluster_id"] <= e["id"] for e in events)  # the smallest member's id


def test_stored_clusters_are_the_components_of_the_set(gva_docs: list[ArticleDoc], tmp_path: Path) -> None:
    """Incremental linking equals the set function, and blocking loses no pair that
    the same-event predicate accepts (checked against every pair)."""
    db = tmp_path / "ew.duckdb"
    store_all(db, gva_docs)
    events = [e for d in gva_docs for e in d.events]
    brute = clusters.UnionFind(e.id for e in events)
    for a, b in combinations(events, 2):
        if clusters.linked(a, b):
            brute.union(a.id, b.id)
    expected = {e.id: brute.find(e.id) for e in events}
    assert clusters.cluster_ids(events) == expected
    with Store(db) as s:
        stored = {r["id"]: r["cluster_id"] for r in s.query("SELECT id, cluster_id FROM events")}
        assert stored == expected
        s.relink()
        assert {r["id"]: r["cluster_id"] for r in s.query("SELECT id, cluster_id FROM events")} == expected


WRITER = """
import sys
from eventwire.model import ArticleDoc
from eventwire.store.database import Store
with Store(sys.argv[1]) as s:
    for line in open(sys.argv[2], encoding="utf-8"):
        s.add(ArticleDoc.model_validate_json(line))
        print("stored", flush=True)
"""


def test_kill_9_and_resume_give_the_same_database(gva_docs: list[ArticleDoc], tmp_path: Path) -> None:
    one = tmp_path / "one.duckdb"
    store_all(one, gva_docs)
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(d.model_dump_json() + "\n" for d in gva_docs), encoding="utf-8")
    killed = tmp_path / "killed.duckdb"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with subprocess.Popen([sys.executable, "-c", WRITER, str(killed), str(docs)],
                          stdout=subprocess.PIPE, text=True, env=env) as proc:
        assert proc.stdout is not None
        for _ in range(3):  # let it commit a few articles, then kill it in the middle of the rest
            assert proc.stdout.readline() == "stored\n"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with Store(killed, read_only=True) as s:
        assert 3 <= s.count("articles") < len(gva_docs)
    store_all(killed, gva_docs)  # resumed: the stored ones are skipped
    assert snapshot(killed) == snapshot(one)


def test_cli_ingest_in_two_reversed_halves_equals_one_batch(
        gva_jsonl: Path, gva_docs: list[ArticleDoc], tmp_path: Path) -> None:
    """Through `eventwire ingest` (no outlet priors learned from what was stored before):
    the same places and clusters as one batch of the same articles."""
    one = tmp_path / "one.duckdb"
    store_all(one, gva_docs)
    lines = gva_jsonl.read_text(encoding="utf-8").splitlines(keepends=True)
    half = len(lines) // 2
    parts = [tmp_path / "second.jsonl", tmp_path / "first.jsonl"]
    parts[0].write_text("".join(lines[half:][::-1]), encoding="utf-8")
    parts[1].write_text("".join(lines[:half][::-1]), encoding="utf-8")
    two = tmp_path / "two.duckdb"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for p in parts:
        res = subprocess.run([str(EXE), "ingest", str(p), "--db", str(two)],
                             capture_output=True, text=True, env=env, check=False)
        assert res.returncode == 0, res.stderr
    a, b = snapshot(one), snapshot(two)
    for key in ("events", "places", "links"):
        assert a[key] == b[key], key
    jsonl = subprocess.run([str(EXE), "events", "--db", str(two),
                            "--format", "jsonl"], capture_output=True, text=True, env=env, check=True)
    shown = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert shown and all(e["cluster_id"] for e in shown)
