"""The local engine: read files, run the pipeline in batches, report what was skipped.

Only this batch runner catches ``InputError`` per file: the bad file is recorded and the
batch goes on; nothing stored before is touched (the store writes each article whole or
not at all). ``process`` is ``Pipeline.process`` (one process) or ``WorkerPool.process``
(every core, a time budget per article: ``engines/pool.py``), which also yields the
``InputError`` of an article it had to skip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest.readers import expand_paths, read_path
from eventwire.model import Article, ArticleDoc


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


def count_files(paths: list[Path]) -> int:
    return len(expand_paths(paths)[0])
