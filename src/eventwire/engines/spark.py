"""The Spark engine: the same pipeline as the local engine, over a corpus, with pyspark.

The driver lists the input files and distributes their paths; each task reads its own
files (``read_path``: JSON Lines, feeds and WARC files give several articles), builds
the ``Pipeline`` once for its partition and runs it over every article it holds. A task
returns one row per article, ``(file index, position in the file, kind, payload)``: the
document as JSON (``ArticleDoc.model_dump_json()``) or the ``InputError`` that stopped
it. Two ways out:

- ``run``: rows come back to the driver, sorted into input order, and are handed over as
  ``ArticleDoc`` values (the caller stores them, one transaction per article) while the
  skipped files go to the same ``BatchReport`` as the local engine's;
- ``write``: Spark writes the documents itself, as JSON Lines or Parquet, for corpora too
  large to bring back to one machine; the skipped files still reach the driver's report.

On a cluster (``master``), the input paths must be readable by every executor (a shared
file system) and eventwire installed in the executors' Python.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from eventwire import errors
from eventwire.engines.local import BatchReport
from eventwire.engines.spark_session import check_pyspark, start_session
from eventwire.errors import EventwireError, InputError
from eventwire.ingest.readers import expand_paths, read_path
from eventwire.model import Article, ArticleDoc

if TYPE_CHECKING:
    from pyspark import RDD, Accumulator
    from pyspark.accumulators import AccumulatorParam
    from pyspark.sql import SparkSession

    from eventwire.resolve.places.priors import OutletPriors

DOC = "doc"
ERROR = "error"


class OutFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"


Tally = dict[int, tuple[int, list["Row"]]]  # partition -> (documents, errors)


class Row(NamedTuple):
    """One result of a task: a document or an error, with its place in the input."""

    file: int
    position: int
    kind: str  # DOC or ERROR
    payload: str  # ArticleDoc JSON, or the InputError as JSON (see ``error_payload``)


# -- what the tasks run (executors) ---------------------------------------------------


def process_partition(
    files: Iterable[tuple[int, str]],
    published: date | None = None,
    tally: Accumulator[Tally] | None = None,
    priors: OutletPriors | None = None,
) -> Iterator[Row]:
    """Read the partition's files and run the pipeline, built once here, over them.

    Errors are yielded as rows, or, when ``tally`` is given, added to that accumulator
    with the partition's count of documents, keyed by partition (a retried task
    overwrites its own entry, never doubles it).
    """
    todo = list(files)
    if not todo:
        return
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline.load(priors)
    order: deque[tuple[int, int]] = deque()
    bad: list[Row] = []

    def articles() -> Iterator[Article]:
        for index, path in todo:
            for position, item in enumerate(read_path(Path(path))):
                if isinstance(item, InputError):
                    bad.append(Row(index, position, ERROR, error_payload(item)))
                    continue
                order.append((index, position))
                yield item.model_copy(update={"published": published}) if published else item

    # ``process`` yields one document per article, in order: the oldest key is its key.
    n_docs = 0
    for doc in pipeline.process(articles()):
        index, position = order.popleft()
        n_docs += 1
        yield Row(index, position, DOC, doc.model_dump_json())
        if tally is None:
            yield from bad
            bad.clear()
    if tally is None:
        yield from bad
    else:
        from pyspark import TaskContext

        ctx = TaskContext.get()
        tally.add({ctx.partitionId() if ctx else 0: (n_docs, bad)})


def error_payload(e: InputError) -> str:
    return json.dumps({"type": type(e).__name__, "path": e.path, "detail": e.detail})


def error_from(payload: str) -> InputError:
    """The ``InputError`` a task found, rebuilt on the driver with its own message."""
    data = json.loads(payload)
    cls = getattr(errors, data["type"], InputError)
    if not (isinstance(cls, type) and issubclass(cls, InputError)):
        cls = InputError
    return cls(data["path"], data["detail"])


def doc_columns(row: Row) -> tuple[Any, ...]:
    """Parquet columns of one document: the article's keys and the whole document."""
    data = json.loads(row.payload)
    art = data["article"]
    published = date.fromisoformat(art["published"]) if art.get("published") else None
    return (art["id"], art.get("path"), art.get("title"), published, len(data["events"]),
            row.payload)


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
                 session: SparkSession | None = None, priors: OutletPriors | None = None) -> None:
        check_pyspark()
        self.master = master
        self.partitions = partitions
        self.priors = priors  # shipped to every task with the function (small: counts per outlet)
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
        """Documents in input order (as the local engine gives them); errors to ``report``."""
        files, missing = expand_paths(paths)
        report.skipped.extend(missing)
        if not files:
            return
        rows = _collect(self._rows(files, published))
        rows.sort(key=lambda r: (r.file, r.position))
        for row in rows:
            if row.kind == ERROR:
                report.skipped.append(error_from(row.payload))
                continue
            report.read += 1
            yield ArticleDoc.model_validate_json(row.payload)

    def write(self, paths: list[Path], out: Path, fmt: OutFormat, report: BatchReport,
              published: date | None = None) -> int:
        """Write the documents under the new folder ``out`` from Spark; the number written."""
        if out.exists():
            raise EventwireError(f"{out}: already exists; name a new folder for --out")
        files, missing = expand_paths(paths)
        report.skipped.extend(missing)
        if not files:
            return 0
        sc = self._session().sparkContext
        tally = sc.accumulator({}, cast("AccumulatorParam[Tally]", ByPartition()))
        docs = self._rows(files, published, tally)
        df = self._session().createDataFrame(docs.map(doc_columns), schema=_schema())
        _run_job(lambda: _save(df, out, fmt))
        done = tally.value.values()
        bad = sorted((r for _, rows in done for r in rows), key=lambda r: (r.file, r.position))
        report.skipped.extend(error_from(r.payload) for r in bad)
        written = sum(n for n, _ in done)
        report.read += written
        return written

    # -- helpers --------------------------------------------------------------------

    def _session(self) -> SparkSession:
        if self.session is None:
            raise EventwireError("the Spark engine is not started: use it in a `with` block")
        return self.session

    def _rows(self, files: list[Path], published: date | None,
              tally: Accumulator[Tally] | None = None) -> RDD[Row]:
        """Paths in contiguous slices (so partition order is input order), one pipeline
        per partition."""
        sc = self._session().sparkContext
        n = self.partitions or min(len(files), sc.defaultParallelism)
        indexed = [(i, str(f)) for i, f in enumerate(files)]
        priors = self.priors
        return sc.parallelize(indexed, max(1, n)).mapPartitions(
            lambda part: process_partition(part, published, tally, priors))


PARQUET_COLUMNS = ("article_id", "path", "title", "published", "n_events", "doc")


def _schema() -> Any:
    from pyspark.sql.types import (
        DateType,
        IntegerType,
        StringType,
        StructField,
        StructType,
    )

    types = (StringType(), StringType(), StringType(), DateType(), IntegerType(), StringType())
    return StructType([StructField(n, t, nullable=n not in ("article_id", "doc"))
                       for n, t in zip(PARQUET_COLUMNS, types, strict=True)])


def _save(df: Any, out: Path, fmt: OutFormat) -> None:
    if fmt is OutFormat.parquet:
        df.write.parquet(str(out))
    else:
        # One document per line, the whole ArticleDoc as JSON (as ``run`` returns it).
        df.select("doc").write.text(str(out))


def _collect(rdd: RDD[Row]) -> list[Row]:
    return _run_job(lambda: [Row(*r) for r in rdd.collect()])


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


__all__ = ["OutFormat", "Row", "SparkEngine", "process_partition"]
