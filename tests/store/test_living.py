"""Re-ingest parses nothing; a corrected story is a new version with its changes recorded."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.engines.local import BatchReport
from eventwire.engines.runner import local_run
from eventwire.store.database import Store, contradictions
from eventwire.store.writer import DatabaseWriter, ingest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
EXE = Path(sys.executable).with_name("eventwire")
PARSED: list[str] = []


@Language.component("eventwire_test_parse_counter")
def _count(doc: Doc) -> Doc:
    PARSED.append(doc.text[:40])
    return doc


@contextmanager
def counting(pipeline) -> Iterator[list[str]]:
    """Every text the real spaCy pipeline parses, seen by a component added to it."""
    PARSED.clear()
    pipeline.nlp.add_pipe("eventwire_test_parse_counter", last=True)
    try:
        yield PARSED
    finally:
        pipeline.nlp.remove_pipe("eventwire_test_parse_counter")


def test_reingest_parses_nothing(pipeline, tmp_path: Path) -> None:
    db = tmp_path / "ew.duckdb"

    def run_once() -> list:
        return ingest(DatabaseWriter(db), lambda keep: nullcontext(local_run(pipeline.process, keep)),
                      [EXAMPLES], BatchReport(), None)

    with counting(pipeline) as parsed:
        first = run_once()
        assert len(parsed) == len(first) == 3 and {r.kind for r in first} == {"stored"}
        parsed.clear()
        assert run_once() == [] and parsed == []  # every content hash known: nothing parsed
    with Store(db, read_only=True) as s:
        assert s.count("articles") == 3


URL = "https://news.example.org/2021/03/kaduna-attack"
FIRST = ("Gunmen kill villagers in Kaduna\n\n"
         "Gunmen attacked the village of Kauru in Kaduna State on Monday, killing five people, "
         "police said.\n\n"
         "Soldiers later arrested two suspects near the village, the army said.\n")
CORRECTED = ("Gunmen kill villagers in Kaduna\n\n"
             "Gunmen attacked the village of Kauru in Kaduna State on Monday, killing nine people, "
             "police said on Tuesday, raising an earlier toll.\n")


def killed(store: Store) -> list[int]:
    return sorted(r["value"] for r in store.query(
        "SELECT q.value FROM quantities q JOIN events e ON e.id = q.event_id WHERE q.kind = 'killed'"))


@pytest.fixture
def revised_db(pipeline, tmp_path: Path) -> tuple[Path, dict, dict]:
    db = tmp_path / "ew.duckdb"
    pub = date(2021, 3, 2)
    with Store(db) as s:
        v1 = s.put(pipeline.process_text(FIRST, published=pub, url=URL, path="v1"))
        v2 = s.put(pipeline.process_text(CORRECTED, published=pub, url=URL, path="v2"))
        again = s.put(pipeline.process_text(FIRST, published=pub, url=URL, path="v1"))
    assert (v1.kind, v2.kind, again.kind) == ("stored", "revised", "duplicate")
    assert v2.version == 2
    with Store(db, read_only=True) as s:
        ids = {r["version"]: r["id"] for r in s.query("SELECT id, version FROM articles")}
        before = {r["event_id"]: r for r in s.query(
            "SELECT * FROM changes WHERE version = 1 ORDER BY seq")}
        after = {r["event_id"]: r for r in s.query(
            "SELECT * FROM changes WHERE version = 2 ORDER BY seq")}
    assert set(ids) == {1, 2}
    return db, before, after


def test_corrected_story_is_a_revision(revised_db: tuple[Path, dict, dict]) -> None:
    db, before, after = revised_db
    with Store(db, read_only=True) as s:
        assert killed(s) == [9]  # one current figure: the superseded five is history
        assert contradictions(s) == {}  # the outlet does not contradict itself
        current = {r["id"] for r in s.query("SELECT id FROM events")}
        superseded = s.query("SELECT superseded_by FROM articles WHERE version = 1")[0]["superseded_by"]
        assert superseded == s.query("SELECT id FROM articles WHERE version = 2")[0]["id"]
    assert all(c["kind"] == "added" for c in before.values())
    kinds = {c["kind"] for c in after.values()}
    revised = [eid for eid, c in after.items() if c["kind"] == "revised"]
    retracted = [eid for eid, c in after.items() if c["kind"] == "retracted"]
    assert revised and retracted and kinds <= {"revised", "retracted", "added"}
    for eid in revised:  # the attack still told keeps its id, now with nine killed
        assert eid in before and eid in current
        assert [q["value"] for q in json.loads(after[eid]["record"])["quantities"]
                if q["kind"] == "killed"] == [9]
    for eid in retracted:  # the arrests are no longer told
        assert eid in before and eid not in current
        assert json.loads(after[eid]["record"])["type"]["plover"] == "COERCE"


def test_changes_command_lists_the_revision(revised_db: tuple[Path, dict, dict]) -> None:
    db, before, after = revised_db
    res = subprocess.run([str(EXE), "changes", "--db", str(db), "--format", "jsonl"],
                         capture_output=True, text=True, check=False)
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["seq"] for r in rows] == sorted(r["seq"] for r in rows)
    assert {(r["event_id"], r["kind"], r["version"]) for r in rows} == {
        *((e, c["kind"], 1) for e, c in before.items()), *((e, c["kind"], 2) for e, c in after.items())}
    later = subprocess.run([str(EXE), "changes", "--db", str(db), "--since", "2999-01-01"],
                           capture_output=True, text=True, check=True)
    assert "0 change(s)" in later.stderr
