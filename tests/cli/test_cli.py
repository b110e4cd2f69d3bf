"""The `eventwire` command as a user runs it: batches with bad files, the store, filters."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def eventwire(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("eventwire")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    for f in EXAMPLES.glob("*.txt"):
        shutil.copy(f, folder / f.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(200)))
    return folder


@pytest.fixture(scope="module")
def db(batch: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    path = tmp_path_factory.mktemp("db") / "ew.duckdb"
    return path, eventwire("ingest", str(batch), "--db", str(path), "--published", "2026-03-06")


def test_extract_prints_one_document_per_article_and_reports_bad_files(batch: Path) -> None:
    res = eventwire("extract", str(batch), "--published", "2026-03-06")
    assert res.returncode == 0, res.stderr
    docs = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(docs) == 3
    assert {Path(d["article"]["path"]).name for d in docs} == {f.name for f in EXAMPLES.glob("*.txt")}
    assert all(set(d) == {"article", "events", "quotes", "places", "times"} for d in docs)
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("skipped")]
    assert len(errors) == 2
    assert any("empty.txt: empty file" in ln for ln in errors)
    assert any("image.txt: binary file" in ln for ln in errors)
    assert "2 input(s) skipped, 3 article(s) read" in res.stderr


def test_extract_only_bad_files_fails(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    res = eventwire("extract", str(bad))
    assert res.returncode == 1 and res.stdout == ""
    assert f"{bad}: empty file" in res.stderr


def test_bad_date_is_a_clear_error() -> None:
    res = eventwire("extract", str(EXAMPLES / "arrest_caracas.txt"), "--published", "last week")
    assert res.returncode == 2 and "not a date" in res.stderr


def test_ingest_stores_once(db: tuple[Path, subprocess.CompletedProcess[str]], batch: Path) -> None:
    path, first = db
    assert first.returncode == 0, first.stderr
    assert "3 article(s) stored, 0 already there" in first.stderr
    again = eventwire("ingest", str(batch), "--db", str(path), "--published", "2026-03-06")
    assert "0 article(s) stored, 3 already there" in again.stderr
    n_first = int(first.stderr.split("; ")[1].split()[0])
    n_again = int(again.stderr.split("; ")[1].split()[0])
    assert n_first == n_again > 0


def test_events_filters_and_formats(db: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    path, _ = db
    res = eventwire("events", "--db", str(path), "--country", "KEN", "--format", "jsonl")
    evs = [json.loads(line) for line in res.stdout.splitlines()]
    assert evs and all(e["location"]["country"] == "KEN" for e in evs)
    res = eventwire("events", "--db", str(path), "--type", "COERCE", "--format", "acled-csv")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and all("plover=COERCE" in r["tags"] for r in rows)
    res = eventwire("events", "--db", str(path), "--type", "Battles", "--format", "plover-jsonl")
    battles = [json.loads(line) for line in res.stdout.splitlines()]
    res = eventwire("export", "--db", str(path), "--type", "Battles", "--format", "plover-jsonl")
    assert battles and [json.loads(line) for line in res.stdout.splitlines()] == battles
    res = eventwire("events", "--db", str(path), "--format", "xlsx")
    assert res.returncode == 2 and "acled-csv" in res.stderr
    res = eventwire("events", "--db", str(path), "--status", "denied", "--format", "geojson")
    gj = json.loads(res.stdout)
    assert gj["type"] == "FeatureCollection"
    assert all(f["properties"]["status"] == "denied" for f in gj["features"])


def test_quotes_listing(db: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    path, _ = db
    res = eventwire("quotes", "--db", str(path), "--format", "jsonl")
    quotes = [json.loads(line) for line in res.stdout.splitlines()]
    assert any(q["text"].startswith("The attacker entered") for q in quotes)


def test_events_without_database_says_what_to_do(tmp_path: Path) -> None:
    res = eventwire("events", "--db", str(tmp_path / "none.duckdb"))
    assert res.returncode == 2 and "eventwire ingest" in res.stderr


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_ingest_places_do_not_depend_on_what_was_stored_before(tmp_path: Path) -> None:
    """A local paper's earlier stories ('Pineville, La.', 'Rapides Parish') do not move the
    bare 'Alexandria' of its next one: outlet priors are not learned at ingest, so the same
    articles give the same places in any order (README, "A living database")."""
    url = "https://www.example-parish-news.com/story/"
    earlier = _jsonl(tmp_path / "earlier.jsonl", [
        {"title": f"Local report {n}", "url": f"{url}{n}", "published": "2026-03-0{n}",
         "text": text} for n, text in enumerate([
             "Deputies arrested a man in Pineville, La., on Tuesday after a chase through Rapides Parish.",
             "The school board of Rapides Parish met in Ball, La., to approve the new budget.",
             "A bridge near Boyce, La., will close for repairs, the Rapides Parish police jury said.",
         ], start=1)])
    later = _jsonl(tmp_path / "later.jsonl", [
        {"title": "Warehouse fire", "url": f"{url}9", "published": "2026-03-09",
         "text": "Firefighters in Alexandria said a fire destroyed a warehouse on Friday."}])

    def alexandria(db: Path) -> tuple[str, str]:
        con = duckdb.connect(str(db), read_only=True)
        row = con.execute("SELECT country, admin1 FROM places WHERE text = 'Alexandria'").fetchone()
        con.close()
        assert row is not None
        return row[0], row[1]

    fresh = tmp_path / "fresh.duckdb"
    assert eventwire("ingest", str(later), "--db", str(fresh)).returncode == 0
    assert alexandria(fresh)[0] == "EGY"

    local = tmp_path / "local.duckdb"
    assert eventwire("ingest", str(earlier), "--db", str(local)).returncode == 0
    assert eventwire("ingest", str(later), "--db", str(local)).returncode == 0
    assert alexandria(local) == alexandria(fresh)
