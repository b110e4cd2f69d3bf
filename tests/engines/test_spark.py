"""The Spark engine on real pyspark (local[2]): the same documents as the local engine, in
input order; bad files reported while the batch goes on; the store and --out outputs
(Parquet partitioned by publication day).

One Spark session for the module (start-up takes seconds), stopped at the end.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from eventwire.engines.local import BatchReport, run
from eventwire.model import ArticleDoc

pytest.importorskip("pyspark")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
PUBLISHED = date(2026, 3, 6)


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    from eventwire.engines.spark_session import check_java, start_session
    from eventwire.errors import SetupError

    try:
        check_java()
    except SetupError as e:  # a machine without Java skips, saying what to install
        pytest.skip(str(e))
    session = start_session("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples, a bad file, and a JSON Lines file of two articles (in that order)."""
    folder = tmp_path_factory.mktemp("corpus")
    for n, f in enumerate(EXAMPLES):
        shutil.copy(f, folder / f"{n}_{f.name}")
    (folder / "5_empty.txt").write_bytes(b"")
    texts = [f.read_text(encoding="utf-8") for f in EXAMPLES[:2]]
    lines = [json.dumps({"title": t.splitlines()[0], "text": t.split("\n", 1)[1] + "\nUpdated.",
                         "published": "2026-03-05"}) for t in texts]
    (folder / "9_two.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def spark_docs(spark: object, paths: list[Path], partitions: int = 2) -> tuple[list[ArticleDoc], BatchReport]:
    from eventwire.engines.spark import SparkEngine

    report = BatchReport()
    with SparkEngine(partitions=partitions, session=spark) as engine:  # type: ignore[arg-type]
        docs = list(engine.run(paths, report, PUBLISHED))
    return docs, report


@pytest.fixture(scope="module")
def both(spark: object, corpus: Path, pipeline) -> dict[str, tuple[list[ArticleDoc], BatchReport]]:  # noqa: ANN001
    local_report = BatchReport()
    local = list(run(pipeline.process, [corpus], local_report, PUBLISHED))
    return {"local": (local, local_report), "spark": spark_docs(spark, [corpus])}


def test_spark_documents_equal_the_local_engines_in_input_order(both) -> None:  # noqa: ANN001
    local, _ = both["local"]
    docs, _ = both["spark"]
    assert len(docs) == len(EXAMPLES) + 2
    assert [d.article.id for d in docs] == [d.article.id for d in local]
    assert [Path(d.article.path).name for d in docs] == (
        [f"{n}_{f.name}" for n, f in enumerate(EXAMPLES)] + ["9_two.jsonl:1", "9_two.jsonl:2"])
    for mine, theirs in zip(docs, local, strict=True):
        assert [e.id for e in mine.events] == [e.id for e in theirs.events]
        assert mine == theirs  # every field of every event, quote, place and time
    assert sum(len(d.events) for d in docs) > 0


def test_bad_file_is_reported_and_the_batch_goes_on(both) -> None:  # noqa: ANN001
    docs, report = both["spark"]
    _, local_report = both["local"]
    assert [str(e) for e in report.skipped] == [str(e) for e in local_report.skipped]
    assert len(report.skipped) == 1 and "5_empty.txt: empty file" in str(report.skipped[0])
    assert type(report.skipped[0]).__name__ == "EmptyInputError"
    assert report.read == len(docs) == local_report.read


def test_missing_path_reported_like_the_local_engine(spark: object, tmp_path: Path) -> None:
    docs, report = spark_docs(spark, [tmp_path / "nowhere.txt"])
    assert docs == [] and len(report.skipped) == 1
    assert "nowhere.txt: malformed input (no such file or folder)" in str(report.skipped[0])


def test_ingest_through_spark_stores_each_article_once(spark: object, corpus: Path, both,  # noqa: ANN001
                                                       tmp_path: Path) -> None:
    from eventwire.store.database import Store

    docs, _ = both["spark"]
    db = tmp_path / "ew.duckdb"
    with Store(db) as store:
        first = [store.add(d) for d in docs]
        again, _ = spark_docs(spark, [corpus], partitions=1)  # the same batch, run again
        second = [store.add(d) for d in again]
        n_articles, n_events = store.count("articles"), store.count("events")
    assert sum(first) == len({d.article.id for d in docs}) and not any(second)
    assert [d.article.id for d in again] == [d.article.id for d in docs]
    assert n_articles == sum(first)
    assert n_events == sum(len(d.events) for d in docs)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_out_writes_documents_readable_by_duckdb(spark: object, corpus: Path, both, tmp_path: Path,  # noqa: ANN001
                                                 fmt: str) -> None:
    from eventwire.engines.spark import OutFormat, SparkEngine

    docs, _ = both["spark"]
    out = tmp_path / "docs"
    report = BatchReport()
    with SparkEngine(partitions=2, session=spark) as engine:  # type: ignore[arg-type]
        written = engine.write([corpus], out, OutFormat(fmt), report, PUBLISHED)
    assert written == report.read == len(docs)
    assert [str(e) for e in report.skipped] == [str(e) for e in both["local"][1].skipped]
    con = duckdb.connect()
    if fmt == "parquet":
        rows = con.execute(f"SELECT article_id, n_events, day, seq, doc FROM read_parquet("
                           f"'{out}/**/*.parquet', hive_partitioning = true) ORDER BY seq").fetchall()
        assert [r[0] for r in rows] == [d.article.id for d in docs]  # seq: the input order
        assert sum(r[1] for r in rows) == sum(len(d.events) for d in docs)
        # partitioned by publication day (--published gives every article the same one)
        assert [p.name for p in out.glob("day=*")] == ["day=2026-03-06"]
        assert {str(r[2]) for r in rows} == {"2026-03-06"}
    else:
        rows = con.execute(
            f"SELECT json FROM read_json_objects('{out}/*.txt', format='newline_delimited')").fetchall()
    assert len(rows) == len(docs)
    got = [ArticleDoc.model_validate_json(r[-1]) for r in rows]
    assert sorted(got, key=lambda d: d.article.id) == sorted(docs, key=lambda d: d.article.id)


def test_out_refuses_an_existing_folder(spark: object, corpus: Path, tmp_path: Path) -> None:
    from eventwire.engines.spark import OutFormat, SparkEngine
    from eventwire.errors import EventwireError

    with SparkEngine(session=spark) as engine, pytest.raises(EventwireError, match="already exists"):  # type: ignore[arg-type]
        engine.write([corpus], tmp_path, OutFormat.jsonl, BatchReport())


def test_setup_errors_name_what_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from eventwire.engines import spark_session
    from eventwire.errors import SetupError

    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    with pytest.raises(SetupError, match="default-jre-headless"):
        spark_session.check_java()
    old = tmp_path / "bin" / "java"
    old.parent.mkdir()
    old.write_text('#!/bin/sh\necho \'openjdk version "1.8.0_392"\' >&2\n')
    old.chmod(0o755)
    with pytest.raises(SetupError, match="is Java 8; Spark 4 needs Java 17"):
        spark_session.check_java()
