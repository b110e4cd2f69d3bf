"""The local engine: read files, run the pipeline in batches, report what was skipped.

Only this batch runner catches ``InputError`` per file: the bad file is recorded and the
batch goes on; nothing stored before is touched (the store writes each article whole or
not at all). ``process`` is ``Pipeline.process`` (one process) or ``WorkerPool.process``
(every core, a time budget per article: ``engines/pool.py``), which also yields the
``InputError`` of an article it had to skip.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar

from eventwire.errors import InputError
from eventwire.ingest.readers import expand_paths, read_path
from eventwire.model import Article, ArticleDoc

T = TypeVar("T")
WRITE_BATCH = 32  # articles stored per commit
WRITE_SECONDS = 2.0  # ... or fewer, once the first has waited this long


@dataclass
class BatchReport:
    read: int = 0
    skipped: list[InputError] = field(default_factory=list)

    def failed(self, error: InputError) -> None:
        """An article read but then skipped by the pipeline (time limit, a fault)."""
        self.skipped.append(error)
        self.read -= 1


def articles(paths: list[Path], report: BatchReport, published: date | None = None) -> Iterator[Article]:
    """Every readable article under ``paths``; errors go to ``report.skipped``."""
    files, missing = expand_paths(paths)
    report.skipped.extend(missing)
    for f in files:
        for item in read_path(f):
            if isinstance(item, InputError):
                report.skipped.append(item)
                continue
            report.read += 1
            yield item.model_copy(update={"published": published}) if published else item


def run(
    process: Callable[[Iterable[Article]], Iterator[ArticleDoc | InputError]],
    paths: list[Path],
    report: BatchReport,
    published: date | None = None,
) -> Iterator[ArticleDoc]:
    """Documents in input order; every input or article skipped goes to ``report``."""
    for item in process(articles(paths, report, published)):
        if isinstance(item, InputError):
            report.failed(item)
        else:
            yield item


def batched(items: Iterable[T], size: int = WRITE_BATCH, seconds: float = WRITE_SECONDS) -> Iterator[list[T]]:
    """``items`` in lists of ``size``, or fewer once ``seconds`` have passed since the
    list's first item: the writer commits a batch at a time, and a slow batch does not
    hold finished articles back for long."""
    batch: list[T] = []
    started = 0.0
    for item in items:
        if not batch:
            started = time.monotonic()
        batch.append(item)
        if len(batch) >= size or time.monotonic() - started >= seconds:
            yield batch
            batch = []
    if batch:
        yield batch


def count_files(paths: list[Path]) -> int:
    return len(expand_paths(paths)[0])
