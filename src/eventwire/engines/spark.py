"""The Spark engine: the same pipeline as the local engine, over a corpus, with pyspark.

The driver resolves the inputs: it lists and reads the files itself (``articles``, as the
local engine does, so a bad file goes straight to its report) and ships the articles, as
JSON, in contiguous slices (partition order is input order). An executor never opens an
input path: a relative path, or a file only the driver can see, works on a cluster.

Each task runs the pipeline over its slice. The pipeline is built once per executor's
Python worker and kept there for the next tasks (``executor_pipeline``); the one piece of
knowledge that comes from the run rather than from the installed package, the outlets'
home regions (priors), is broadcast. A task's rows are its documents,
``(seq, day, article keys, document JSON)``; the articles the pipeline failed on go to
the driver through an accumulator, keyed by partition (a retried task overwrites its
own entry, never doubles it). The documents are written as Parquet partitioned by
publication day (``day=YYYY-MM-DD``):

- ``run``: into a staging folder, which the driver reads back in input order and hands
  over as ``ArticleDoc`` values (``ingest`` stores them, ``extract`` prints them), then
  removes. The staging folder must be one the executors and the driver both reach: a
  temporary folder on this machine by default (right for ``local[N]`` and a standalone
  cluster on one host), a shared file system's folder (``staging``) across hosts;
- ``write``: Spark writes the documents under ``--out`` as JSON Lines or Parquet, for
  corpora too large to bring back to one machine.

On a cluster, eventwire must be installed in the executors' Python.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from eventwire import errors
from eventwire.engines.local import BatchReport, articles
from eventwire.engines.spark_session import check_pyspark, start_session
from eventwire.errors import EventwireError, InputError, ProcessingError
from eventwire.model import Article, ArticleDoc

if TYPE_CHECKING:
    from pyspark import RDD, Accumulator, Broadcast
    from pyspark.accumulators import AccumulatorParam
    from pyspark.sql import SparkSession

    from eventwire.pipeline import Pipeline
    from eventwire.resolve.places.priors import OutletPriors


class OutFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"


Tally = dict[int, tuple[int, list[tuple[int, str]]]]  # partition -> (documents, (seq, error))
BATCH = 16  # articles per ``Pipeline.process`` call in a task; a failing batch is rerun singly


class Row(NamedTuple):
    """One document of a task, as the Parquet columns hold it."""

    seq: int  # the article's place in the input
    day: str | None  # its publication day, the partition
    article_id: str
    path: str | None
    title: str | None
    published: date | None
    n_events: int
    doc: str  # ArticleDoc JSON


# -- what the tasks run (executors) ---------------------------------------------------


@lru_cache(maxsize=1)
def executor_pipeline() -> Pipeline:
    """The pipeline of this Python worker, built by its first task and kept.

    A departure, on purpose, from "nothing expensive held by a module": Spark reuses its
    Python workers from task to task (``spark.python.worker.reuse``) and a worker process
    has no other place to keep it; built per task, it would cost its load time (seconds)
    for every partition.
    """
    from eventwire.pipeline import Pipeline

    return Pipeline.load()


def process_partition(
    items: Iterable[tuple[int, str]],
    tally: Accumulator[Tally] | None = None,
    priors: Broadcast[OutletPriors] | None = None,
) -> Iterator[Row]:
    """Run the pipeline over the partition's articles ``(seq, Article JSON)``: one row per
    document; an article the pipeline fails on is added to ``tally`` with the partition's
    count of documents."""
    todo = [(n, Article.model_validate_json(a)) for n, a in items]
    if not todo:
        return
    pipeline = executor_pipeline()
    known = priors.value if priors is not None else None
    n_docs = 0
    bad: list[tuple[int, str]] = []
    for start in range(0, len(todo), BATCH):
        batch = todo[start : start + BATCH]
        for n, done in _batch(pipeline, batch, known):
            if isinstance(done, InputError):
                bad.append((n, error_payload(done)))
                continue
            n_docs += 1
            yield doc_row(n, done)
    if tally is not None:
        from pyspark import TaskContext

        ctx = TaskContext.get()
        tally.add({ctx.partitionId() if ctx else 0: (n_docs, bad)})


def _batch(pipeline: Pipeline, batch: list[tuple[int, Article]],
           priors: OutletPriors | None) -> list[tuple[int, ArticleDoc | InputError]]:
    """The batch's documents; if the pipeline raises, each article again on its own, so
    that only the one it fails on is lost (reported with its file's name)."""
    try:
        docs = list(pipeline.process((a for _, a in batch), priors=priors))
        return [(n, d) for (n, _), d in zip(batch, docs, strict=True)]
    except Exception:  # noqa: BLE001 - find the article, below
        pass
    out: list[tuple[int, ArticleDoc | InputError]] = []
    for n, art in batch:
        try:
            out.append((n, next(pipeline.process([art], priors=priors))))
        except Exception as e:  # noqa: BLE001 - the batch runner reports the article and goes on
            first = (str(e).splitlines() or [""])[0][:200]
            out.append((n, ProcessingError(art.path or art.id, f"{type(e).__name__}: {first}")))
    return out


def doc_row(seq: int, doc: ArticleDoc) -> Row:
    art = doc.article
    return Row(seq, art.published.isoformat() if art.published else None, art.id, art.path,
               art.title, art.published, len(doc.events), doc.model_dump_json())


def error_payload(e: InputError) -> str:
    return json.dumps({"type": type(e).__name__, "path": e.path, "detail": e.detail})


def error_from(payload: str) -> InputError:
    """The ``InputError`` a task found, rebuilt on the driver with its own message."""
    data = json.loads(payload)
    cls = getattr(errors, data["type"], InputError)
    if not (isinstance(cls, type) and issubclass(cls, InputError)):
        cls = InputError
    return cls(data["path"], data["detail"])


class ByPartition:
    """Accumulator of ``Tally`` values: each partition's entry replaces its earlier one
    (an ``AccumulatorParam`` by its two methods, so pyspark is not imported here)."""

    def zero(self, value: Tally) -> Tally:
        return {}

    def addInPlace(self, a: Tally, b: Tally) -> Tally:  # noqa: N802 - pyspark's name
        a.update(b)
        return a


# -- the driver -----------------------------------------------------------------------


class SparkEngine:
    """Run the pipeline on Spark; use as a context manager (the session is stopped at the
    end, unless it was handed in)."""

    def __init__(self, master: str | None = None, partitions: int | None = None,
                 session: SparkSession | None = None, priors: OutletPriors | None = None,
                 staging: Path | None = None) -> None:
        check_pyspark()
        self.master = master
        self.partitions = partitions
        self.priors = priors  # broadcast to the executors (small: counts per outlet)
        self.staging = staging  # where ``run`` stages its Parquet (default: a temporary folder)
        self.session = session
        self._owned = session is None

    def __enter__(self) -> SparkEngine:
        if self.session is None:
            self.session = start_session(self.master)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._owned and self.session is not None:
            self.session.stop()
            self.session = None

    def run(self, paths: list[Path], report: BatchReport,
            published: date | None = None) -> Iterator[ArticleDoc]:
        """Documents in input order (as the local engine gives them); errors to ``report``.
        Spark writes them as Parquet partitioned by day, read back here in input order."""
        items = self._items(paths, report, published)
        if not items:
            return
        if self.staging is not None:
            self.staging.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix="eventwire-spark-", dir=self.staging))
        try:
            out = folder / "docs"
            written = self._write(items, out, OutFormat.parquet, report)
            if written:
                yield from read_parquet_docs(out)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def write(self, paths: list[Path], out: Path, fmt: OutFormat, report: BatchReport,
              published: date | None = None) -> int:
        """Write the documents under the new folder ``out`` from Spark (Parquet partitioned
        by day, or JSON Lines); the number written."""
        if out.exists():
            raise EventwireError(f"{out}: already exists; name a new folder for --out")
        items = self._items(paths, report, published)
        return self._write(items, out, fmt, report) if items else 0

    # -- helpers --------------------------------------------------------------------

    def _session(self) -> SparkSession:
        if self.session is None:
            raise EventwireError("the Spark engine is not started: use it in a `with` block")
        return self.session

    @staticmethod
    def _items(paths: list[Path], report: BatchReport, published: date | None) -> list[tuple[int, str]]:
        """The articles, read here on the driver, numbered in input order."""
        return [(n, a.model_dump_json()) for n, a in enumerate(articles(paths, report, published))]

    def _write(self, items: list[tuple[int, str]], out: Path, fmt: OutFormat,
               report: BatchReport) -> int:
        sc = self._session().sparkContext
        tally = sc.accumulator({}, cast("AccumulatorParam[Tally]", ByPartition()))
        docs = self._rows(items, tally)
        df = self._session().createDataFrame(docs, schema=_schema())
        _run_job(lambda: _save(df, out, fmt))
        done = tally.value.values()
        bad = sorted(e for _, errs in done for e in errs)
        for _, payload in bad:
            report.failed(error_from(payload))
        return sum(n for n, _ in done)

    def _rows(self, items: list[tuple[int, str]], tally: Accumulator[Tally]) -> RDD[Row]:
        """Articles in contiguous slices (so partition order is input order), the
        pipeline built once per Python worker, the priors broadcast."""
        sc = self._session().sparkContext
        n = self.partitions or min(len(items), sc.defaultParallelism)
        priors = sc.broadcast(self.priors) if self.priors is not None else None
        return sc.parallelize(items, max(1, n)).mapPartitions(
            lambda part: process_partition(part, tally, priors))


def read_parquet_docs(folder: Path) -> Iterator[ArticleDoc]:
    """The documents of a Parquet folder written by ``run``, in input order."""
    import duckdb

    files = str(folder / "**" / "*.parquet")
    if not any(folder.rglob("*.parquet")):
        return
    con = duckdb.connect()
    try:
        cur = con.execute("SELECT doc FROM read_parquet(?, hive_partitioning = true) ORDER BY seq",
                          [files])
        while rows := cur.fetchmany(256):
            for (doc,) in rows:
                yield ArticleDoc.model_validate_json(doc)
    finally:
        con.close()


PARQUET_COLUMNS = Row._fields


def _schema() -> Any:
    from pyspark.sql.types import (
        DateType,
        IntegerType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    types = (LongType(), StringType(), StringType(), StringType(), StringType(), DateType(),
             IntegerType(), StringType())
    required = ("seq", "article_id", "n_events", "doc")
    return StructType([StructField(n, t, nullable=n not in required)
                       for n, t in zip(PARQUET_COLUMNS, types, strict=True)])


def _save(df: Any, out: Path, fmt: OutFormat) -> None:
    if fmt is OutFormat.parquet:
        df.write.partitionBy("day").parquet(str(out))
    else:
        # One document per line, the whole ArticleDoc as JSON (as ``run`` returns it).
        df.select("doc").write.text(str(out))


def _run_job(job: Any) -> Any:
    """Run a Spark action; a failed job becomes an ``EventwireError`` with Spark's reason."""
    from py4j.protocol import Py4JError
    from pyspark.errors import PySparkException

    try:
        return job()
    except (PySparkException, Py4JError) as e:
        lines = [ln for ln in str(e).splitlines() if ln.strip()]
        reason = next((ln for ln in reversed(lines) if "Error" in ln or "Exception" in ln),
                      lines[-1] if lines else type(e).__name__)
        raise EventwireError(f"Spark job failed: {reason.strip()[:500]}") from e


__all__ = ["OutFormat", "Row", "SparkEngine", "process_partition", "read_parquet_docs"]
