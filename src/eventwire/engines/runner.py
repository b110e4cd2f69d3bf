"""Pick an engine by name: what the CLI calls, so the commands stay thin.

``open_engine`` yields a ``run(paths, report, published)`` function giving ``ArticleDoc``
values in input order, for either engine; ``write_documents`` is the Spark engine's
way to write a corpus too large to collect (JSON Lines or Parquet, no database).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.engines.local import BatchReport
from eventwire.errors import EventwireError
from eventwire.model import ArticleDoc

if TYPE_CHECKING:
    from eventwire.resolve.places.priors import OutletPriors

ENGINES = ("local", "spark")
OUT_FORMATS = ("jsonl", "parquet")

Run = Callable[[list[Path], BatchReport, "date | None"], Iterator[ArticleDoc]]


def check_engine(name: str) -> str:
    if name not in ENGINES:
        raise EventwireError(f"unknown engine {name!r}: choose {' or '.join(ENGINES)}")
    return name


@contextmanager
def open_engine(name: str, *, master: str | None = None, partitions: int | None = None,
                priors: OutletPriors | None = None, workers: int | None = None,
                time_limit: float | None = None) -> Iterator[Run]:
    """The engine's run function; the local engine's worker processes, or a Spark
    session, live as long as the ``with`` block. ``priors``: outlets' home regions for the
    geoparser (``Store.outlet_priors``); ``workers`` (default: every core) and
    ``time_limit`` (CPU seconds per 100,000 characters of an article, ``pool.budget``): the local
    engine's."""
    if check_engine(name) == "local":
        if master or partitions:
            raise EventwireError("--master and --partitions are options of --engine spark")
        if workers is not None and workers < 1:
            raise EventwireError(f"--workers {workers}: give 1 or more worker processes")
        if time_limit is not None and time_limit <= 0:
            raise EventwireError(f"--time-limit {time_limit:g}: give a number of seconds above 0")
        from eventwire.engines.local import run
        from eventwire.engines.pool import TIME_LIMIT, WorkerPool
        from eventwire.pipeline import Pipeline

        with WorkerPool(lambda: Pipeline.load(priors), workers, time_limit or TIME_LIMIT) as pool:
            yield lambda paths, report, published: run(pool.process, paths, report, published)
        return
    if workers is not None or time_limit is not None:
        raise EventwireError("--workers and --time-limit are options of --engine local")
    from eventwire.engines.spark import SparkEngine

    with SparkEngine(master=master, partitions=partitions, priors=priors) as engine:
        yield engine.run


def write_documents(paths: list[Path], out: Path, fmt: str, report: BatchReport,
                    published: date | None = None, *, engine: str = "spark",
                    master: str | None = None, partitions: int | None = None) -> int:
    """Documents written by Spark under the new folder ``out``; the number written."""
    if check_engine(engine) != "spark":
        raise EventwireError("--out writes from Spark: add --engine spark")
    if fmt not in OUT_FORMATS:
        raise EventwireError(f"unknown output format {fmt!r}: choose {' or '.join(OUT_FORMATS)}")
    if out.exists():
        raise EventwireError(f"{out}: already exists; name a new folder for --out")
    from eventwire.engines.spark import OutFormat, SparkEngine

    with SparkEngine(master=master, partitions=partitions) as spark:
        return spark.write(paths, out, OutFormat(fmt), report, published)
