"""The Spark engine on a real standalone cluster: a master and two workers started here
(pyspark's ``spark-class``, loopback only, 1 core and 1 GB each), ``eventwire ingest
--engine spark --master spark://…`` run from the corpus's own folder with a relative path
(the driver reads the file; no executor opens it), storing the same records as the
local engine. The cluster is stopped at the end."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pytest

pytest.importorskip("pyspark")

if TYPE_CHECKING:
    from eventwire.engines.cluster import Cluster

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """A master with two registered workers, 1 core and 1 GB each."""
    from eventwire.engines.cluster import standalone_cluster
    from eventwire.engines.spark_session import check_java
    from eventwire.errors import SetupError

    try:
        check_java()
    except SetupError as e:  # a machine without Java skips, saying what to install
        pytest.skip(str(e))
    with standalone_cluster(tmp_path_factory.mktemp("spark"), workers=2, cores=1, memory="1g",
                            python_path=[SRC]) as started:
        yield started


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One JSON Lines file: the examples, each twice under another title and day (six
    articles, so both workers get some), and a malformed line."""
    folder = tmp_path_factory.mktemp("corpus")
    lines = []
    for day in ("2026-03-05", "2026-03-06"):
        for f in EXAMPLES:
            title, body = f.read_text(encoding="utf-8").split("\n", 1)
            lines.append(json.dumps({"title": title, "text": f"{body}\nUpdated {day}.", "published": day}))
    lines.insert(2, '{"title": "cut short", "text": ')
    (folder / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _ingest(corpus: Path, db: str, *options: str) -> subprocess.CompletedProcess[str]:
    from eventwire.engines.cluster import cluster_env

    return subprocess.run([str(BIN / "eventwire"), "ingest", "c.jsonl", "--db", db, *options],
                          cwd=corpus, env=cluster_env([SRC]), capture_output=True, text=True,
                          timeout=600)


def _records(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "articles": con.execute("SELECT id, title, published, path, text FROM articles ORDER BY id").fetchall(),
            "events": con.execute("SELECT id, record, cluster_id, flagged FROM events ORDER BY id").fetchall(),
            "places": con.execute("SELECT * FROM places ORDER BY article_id, start_char").fetchall(),
            "quotes": con.execute("SELECT * FROM quotes ORDER BY article_id, start_char").fetchall(),
        }
    finally:
        con.close()


def _local_ingest(pipeline, corpus: Path, db: Path) -> None:  # noqa: ANN001
    """What `eventwire ingest c.jsonl` does with the local engine, in this process (its
    pipeline is already loaded), from the same folder."""
    from eventwire.engines.local import BatchReport, run
    from eventwire.store.database import Store

    cwd = Path.cwd()
    os.chdir(corpus)
    try:
        with Store(db) as store:
            for doc in run(pipeline.process, [Path("c.jsonl")], BatchReport()):
                store.add(doc)
    finally:
        os.chdir(cwd)


def test_ingest_on_a_standalone_cluster_from_a_relative_path(cluster: Cluster, corpus: Path,
                                                             pipeline) -> None:  # noqa: ANN001
    spark = _ingest(corpus, "spark.duckdb", "--engine", "spark", "--master", cluster.url)
    assert spark.returncode == 0, spark.stderr[-3000:]
    assert "No such file" not in spark.stderr
    assert re.search(r"6 article\(s\) stored, 0 already there", spark.stderr), spark.stderr[-3000:]
    assert "c.jsonl:3: malformed input" in spark.stderr  # reported by the driver, batch went on
    _local_ingest(pipeline, corpus, corpus / "local.duckdb")
    got, expected = _records(corpus / "spark.duckdb"), _records(corpus / "local.duckdb")
    assert len(got["articles"]) == 6 and len(got["events"]) > 6
    assert got == expected
    assert {str(r[2]) for r in got["articles"]} == {"2026-03-05", "2026-03-06"}
    # both workers ran an executor, and each executor ran tasks
    for folder in cluster.work:
        logs = "".join(p.read_text(errors="replace") for p in folder.rglob("stderr"))
        assert "Running task" in logs, f"no task ran on the worker of {folder}"
    shutil.rmtree(corpus / "spark.duckdb", ignore_errors=True)
