"""Pick an engine by name: what the CLI calls, so the commands stay thin.

``open_engine`` yields a ``run(paths, report, published)`` function giving ``ArticleDoc``
values in input order, for either engine; ``write_documents`` is the Spark engine's
way to write a corpus too large to collect (JSON Lines or Parquet, no database).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.engines.local import BatchReport
from eventwire.errors import EventwireError, InputError
from eventwire.model import Article, ArticleDoc

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline
    from eventwire.resolve.places.priors import OutletPriors

ENGINES = ("local", "spark")
OUT_FORMATS = ("jsonl", "parquet")

Run = Callable[[list[Path], BatchReport, "date | None"], Iterator[ArticleDoc]]
Keep = Callable[[Article], bool]  # False: the article is already stored, do not parse it


def check_engine(name: str) -> str:
    if name not in ENGINES:
        raise EventwireError(f"unknown engine {name!r}: choose {' or '.join(ENGINES)}")
    return name


def local_run(process: Callable[[Iterable[Article]], Iterator[ArticleDoc | InputError]],
              keep: Keep | None = None) -> Run:
    """The local engine's run function over ``process``; articles ``keep`` refuses are
    read (their hash is known) but never parsed."""
    from eventwire.engines.local import run

    def wanted(articles: Iterable[Article]) -> Iterator[ArticleDoc | InputError]:
        return process(a for a in articles if keep is None or keep(a))

    return lambda paths, report, published: run(wanted, paths, report, published)


def _load(priors: OutletPriors | None, fast: bool) -> Pipeline:
    """The pipeline, imported and loaded only when a worker pool first needs it (a
    re-ingest of stored articles never imports spaCy)."""
    from eventwire.pipeline import Pipeline

    return Pipeline.load(priors, fast=fast)


@contextmanager
def open_engine(name: str, *, master: str | None = None, partitions: int | None = None,
                priors: OutletPriors | None = None, workers: int | None = None,
                time_limit: float | None = None, fast: bool = False,
                keep: Keep | None = None) -> Iterator[Run]:
    """The engine's run function; the local engine's worker processes, or a Spark
    session, live as long as the ``with`` block. ``priors``: outlets' home regions for the
    geoparser (``Store.outlet_priors``); ``workers`` (default: every core) and
    ``time_limit`` (CPU seconds per 100,000 characters of an article, ``pool.budget``): the local
    engine's; ``fast``: the rules-only path, without the learned event coder (local engine);
    ``keep``: which articles to parse (the local engine skips the others before parsing,
    and loads no pipeline while it has nothing to parse; Spark parses on its executors and
    drops them after)."""
    if check_engine(name) == "local":
        if master or partitions:
            raise EventwireError("--master and --partitions are options of --engine spark")
        if workers is not None and workers < 1:
            raise EventwireError(f"--workers {workers}: give 1 or more worker processes")
        if time_limit is not None and time_limit <= 0:
            raise EventwireError(f"--time-limit {time_limit:g}: give a number of seconds above 0")
        from eventwire.engines.pool import TIME_LIMIT, WorkerPool

        with WorkerPool(lambda: _load(priors, fast), workers, time_limit or TIME_LIMIT) as pool:
            yield local_run(pool.process, keep)
        return
    if workers is not None or time_limit is not None or fast:
        raise EventwireError("--workers, --time-limit and --fast are options of --engine local")
    from eventwire.engines.spark import SparkEngine

    with SparkEngine(master=master, partitions=partitions, priors=priors) as engine:
        yield lambda paths, report, published: (
            d for d in engine.run(paths, report, published) if keep is None or keep(d.article))


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
