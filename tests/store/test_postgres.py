"""PostgreSQL and DuckDB hold the same database: the same articles give the same events,
clusters, lists, counts, changes and exports on both; several processes writing one
PostgreSQL database at once lose nothing and store nothing twice."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from eventwire.model import ArticleDoc
from eventwire.store import changes, exports, queries
from eventwire.store.filters import Filters
from eventwire.store.database import Store, contested, contradictions

ROOT = Path(__file__).resolve().parents[2]
FIXED = datetime(2026, 1, 2, 3, 4, 5)  # every stored time, so that exports compare byte for byte


@pytest.fixture(scope="session")
def corpus_docs(pipeline, seed_path: Path) -> list[ArticleDoc]:
    """The examples and the seed through the real pipeline, and the hand-made samples."""
    from eventwire.engines.local import BatchReport, articles

    sys.path.insert(0, str(ROOT / "tests" / "serve"))
    try:
        from sample import sample_docs  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(ROOT / "tests" / "serve"))
    paths = [*sorted((ROOT / "examples").glob("*.txt")), seed_path]
    return [*pipeline.process(articles(paths, BatchReport())), *sample_docs()]


def _fill(target: str, docs: list[ArticleDoc]) -> None:
    with Store(target) as store:
        for doc in docs:
            store.put(doc)
        for sql in ("UPDATE events SET changed_at = ?", "UPDATE changes SET changed_at = ?",
                    "UPDATE articles SET ingested_at = ?"):
            store.con.execute(sql, [FIXED])


FILTERS = [
    Filters(),
    Filters(country="SYR"),
    Filters(since=date(2016, 12, 14), type="ASSAULT"),
    Filters(actor="red cross"),
    Filters(q="killed"),
    Filters(bbox="30,30,40,40"),
    Filters(source="observatory"),
]


def _everything(target: str, tmp: Path) -> dict[str, object]:
    """Every read the CLI, the API and the exports make, as plain data."""
    out: dict[str, object] = {}
    with Store(target, read_only=True) as store:
        con = store.con
        out["events"] = [e.model_dump(mode="json") for e in store.events()]
        out["dedup"] = [e.id for e in store.events(dedup=True)]
        out["contradictions"] = {k: [f.__dict__ for f in v] for k, v in contradictions(store).items()}
        out["contested"] = [e.id for e in contested(store)]
        for i, f in enumerate(FILTERS):
            pages, cursor = [], None
            while True:  # keyset paging, two rows a page
                page = queries.list_events(con, f, limit=2, cursor=cursor)
                pages.append(page.model_dump(mode="json"))
                if page.next_cursor is None:
                    break
                cursor = page.next_cursor
            out[f"pages{i}"] = pages
            out[f"offset{i}"] = queries.list_events(con, f, limit=3, offset=1).model_dump(mode="json")
            for by in ("day", "month", "type", "acled", "country", "status"):
                out[f"counts{i}{by}"] = [r.model_dump() for r in queries.counts(con, f, by)]  # type: ignore[arg-type]
            out[f"actors{i}"] = [r.model_dump() for r in queries.list_actors(con, f)]
            for name, exporter in exports.registry().items():
                path = tmp / f"{i}{exporter.suffix}"
                exporter.write(con, f, path)
                out[f"{name}{i}"] = (
                    duckdb.connect().execute("SELECT * FROM read_parquet(?)", [str(path)]).fetchall()
                    if name == "parquet" else path.read_bytes())
        out["places"] = [r.model_dump() for r in queries.list_places(con)]
        out["places_q"] = [r.model_dump() for r in queries.list_places(con, "aleppo")]
        out["articles"] = [r.model_dump() for r in queries.list_articles(con)]
        out["articles_q"] = [r.model_dump() for r in queries.list_articles(con, "Red Cross")]
        out["quotes"] = [r.model_dump() for r in queries.list_quotes(con)]
        out["article_detail"] = [queries.get_article(con, a["id"]).model_dump(mode="json")  # type: ignore[union-attr, index]
                                 for a in out["articles"]]  # type: ignore[attr-defined]
        out["changes"] = changes.list_changes(con, after=0, limit=5).model_dump(mode="json")
        out["version"] = store.dataset_version()
    return out


def test_duckdb_and_postgres_give_identical_results(
        corpus_docs: list[ArticleDoc], postgres, tmp_path: Path) -> None:
    lite, pg = str(tmp_path / "ew.duckdb"), postgres.new_database()
    _fill(lite, corpus_docs)
    _fill(pg, corpus_docs)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one, two = _everything(lite, tmp_path / "a"), _everything(pg, tmp_path / "b")
    assert len(one["events"]) > 10 and one["version"] > 10  # type: ignore[arg-type, operator]
    assert one.keys() == two.keys()
    for key in one:
        assert one[key] == two[key], key


WRITER = """
import json, sys
from eventwire.model import ArticleDoc
from eventwire.store.database import Store
docs = [ArticleDoc.model_validate_json(line) for line in open(sys.argv[2], encoding="utf-8")]
k = int(sys.argv[3])
docs = docs[k:] + docs[:k]  # each process its own order
if k % 2:
    docs.reverse()
with Store(sys.argv[1]) as store:
    print(json.dumps([store.put(d).kind for d in docs]))
"""


def test_concurrent_ingest_loses_nothing_and_stores_nothing_twice(
        corpus_docs: list[ArticleDoc], postgres, tmp_path: Path) -> None:
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(d.model_dump_json() + "\n" for d in corpus_docs), encoding="utf-8")
    pg, n = postgres.new_database(), 4
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, pg, str(src), str(k * 2 + 1 if k else 0)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for k in range(n)]
    kinds = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        kinds += json.loads(out)
    ids = {d.article.id for d in corpus_docs}
    assert kinds.count("stored") == len(ids) and kinds.count("duplicate") == n * len(corpus_docs) - len(ids)
    ref = str(tmp_path / "ref.duckdb")  # the same set, one writer, one order
    _fill(ref, corpus_docs)
    sql = "SELECT id, article_id, cluster_id, flagged FROM events ORDER BY id"
    with Store(pg, read_only=True) as got, Store(ref, read_only=True) as want:
        assert got.query(sql) == want.query(sql)
        for table in ("articles", "events", "actors", "quantities", "places", "quotes", "times"):
            assert got.count(table) == want.count(table), table
        one_each = "SELECT kind, count(*) AS n, count(DISTINCT event_id) AS d FROM changes GROUP BY kind"
        assert got.query(one_each) == want.query(one_each)
        seqs = [r["seq"] for r in got.query("SELECT seq FROM changes ORDER BY seq")]
        assert seqs == list(range(1, len(seqs) + 1))  # the change feed: no gap, no repeat


def test_command_line_reads_postgres_as_duckdb(
        corpus_docs: list[ArticleDoc], postgres, tmp_path: Path) -> None:
    """The same commands, the database named by --db or EVENTWIRE_DB, print the same."""
    from typer.testing import CliRunner

    from eventwire.cli.main import app

    lite, pg = str(tmp_path / "ew.duckdb"), postgres.new_database()
    _fill(lite, corpus_docs)
    _fill(pg, corpus_docs)
    commands = [["events", "--format", "jsonl"], ["events", "--dedup", "--format", "jsonl"],
                ["changes", "--format", "jsonl"], ["quotes", "--format", "jsonl"],
                ["contradictions"], ["export", "--format", "geojson"]]
    runner = CliRunner()
    for cmd in commands:
        one = runner.invoke(app, [*cmd, "--db", lite])
        two = runner.invoke(app, cmd, env={"EVENTWIRE_DB": pg})
        assert one.exit_code == 0 and two.exit_code == 0, (cmd, one.output, two.output)
        assert one.stdout == two.stdout and one.stdout.strip(), cmd
