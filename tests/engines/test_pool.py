"""The local engine's worker processes: the documents of one process, in input order, bad
inputs reported; an article over its time budget, or a worker killed, costs the batch
nothing else."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from eventwire.engines.local import BatchReport, run
from eventwire.engines.pool import WorkerPool, _Worker, budget, cpu_seconds, private_mb
from eventwire.errors import TimeLimitError
from eventwire.model import ArticleDoc

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
PUBLISHED = date(2026, 3, 6)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples twice, an empty file between them, and a JSON Lines file of two
    articles: more articles than one chunk, so both workers get some."""
    folder = tmp_path_factory.mktemp("corpus")
    for copy in (0, 2):
        for n, f in enumerate(EXAMPLES):
            shutil.copy(f, folder / f"{copy}{n}_{f.name}")
    (folder / "1_empty.txt").write_bytes(b"")
    texts = [f.read_text(encoding="utf-8") for f in EXAMPLES[:2]]
    lines = [json.dumps({"title": t.splitlines()[0], "text": t.split("\n", 1)[1] + "\nUpdated.",
                         "published": "2026-03-05"}) for t in texts]
    (folder / "3_two.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def one_process(pipeline, corpus: Path) -> tuple[list[ArticleDoc], BatchReport]:  # noqa: ANN001
    report = BatchReport()
    return list(run(pipeline.process, [corpus], report, PUBLISHED)), report


@pytest.fixture(scope="module")
def pool(pipeline) -> Iterator[WorkerPool]:  # noqa: ANN001
    with WorkerPool(lambda: pipeline, workers=2) as workers:
        yield workers


def test_workers_give_one_process_documents_in_input_order(pool: WorkerPool, corpus: Path,
                                                           one_process) -> None:  # noqa: ANN001
    expected, expected_report = one_process
    report = BatchReport()
    docs = list(run(pool.process, [corpus], report, PUBLISHED))
    assert len(docs) == 2 * len(EXAMPLES) + 2 == len(expected)
    assert docs == expected  # every field of every event, quote, place and time, in order
    assert [str(e) for e in report.skipped] == [str(e) for e in expected_report.skipped]
    assert len(report.skipped) == 1 and "1_empty.txt: empty file" in str(report.skipped[0])
    assert report.read == len(docs) == expected_report.read
    assert len(set(pool.pids())) == 2 and os.getpid() not in pool.pids()


def test_no_article_to_parse_loads_nothing() -> None:
    def load() -> None:
        raise AssertionError("the pipeline was loaded for nothing")

    with WorkerPool(load, workers=2) as idle:  # type: ignore[arg-type]
        assert list(idle.process([])) == [] and idle.pids() == []


def test_article_over_its_time_budget_is_skipped_by_name_and_the_batch_goes_on(
        pool: WorkerPool, corpus: Path, one_process) -> None:  # noqa: ANN001
    before = pool.pids()
    pool.time_limit = 1e-4  # no article parses in a tenth of a millisecond
    try:
        report = BatchReport()
        docs = list(run(pool.process, [corpus], report, PUBLISHED))
    finally:
        pool.time_limit = 60.0
    assert docs == [] and report.read == 0
    late = [e for e in report.skipped if isinstance(e, TimeLimitError)]
    assert len(late) == 2 * len(EXAMPLES) + 2
    assert all("time limit exceeded" in str(e) and "--time-limit" in str(e) for e in late)
    assert {Path(e.path).name for e in late} >= {f"0{n}_{f.name}" for n, f in enumerate(EXAMPLES)}
    assert "3_two.jsonl:2" in {Path(e.path).name for e in late}
    assert not set(before) & set(pool.pids())  # the stuck workers were killed and replaced
    # the new workers are as good as the old ones
    again = list(run(pool.process, [corpus], BatchReport(), PUBLISHED))
    assert again == one_process[0]


def test_a_killed_worker_loses_no_article(pool: WorkerPool, corpus: Path, one_process) -> None:  # noqa: ANN001
    report = BatchReport()
    docs = []
    for doc in run(pool.process, [corpus], report, PUBLISHED):
        if not docs:
            os.kill(pool.pids()[0], signal.SIGKILL)  # mid-batch, as the OOM killer would
        docs.append(doc)
    assert docs == one_process[0]
    assert len(report.skipped) == 1


def _spin() -> None:
    while True:
        pass


def test_budget_counts_cpu_time_not_the_clock() -> None:
    """A worker that works past its budget is over it; one that waits (a machine busy
    with other work) is not, however long the wait."""
    ctx = multiprocessing.get_context("fork")
    spinning = ctx.Process(target=_spin, daemon=True)
    waiting = ctx.Process(target=time.sleep, args=(60,), daemon=True)
    workers = []
    for proc in (spinning, waiting):
        proc.start()
        w = _Worker(proc, None, seconds=0.2, sent=time.monotonic())  # type: ignore[arg-type]
        w.deadline, w.cpu = w.sent + 600, cpu_seconds(proc.pid)
        workers.append(w)
    try:
        deadline = time.monotonic() + 60
        while (cpu_seconds(spinning.pid) or 0) - (workers[0].cpu or 0) <= 0.2:
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert "of CPU time" in (WorkerPool._overrun(workers[0]) or "")
        assert time.monotonic() - workers[1].sent > 0.2 and WorkerPool._overrun(workers[1]) is None
    finally:
        for proc in (spinning, waiting):
            proc.kill()
            proc.join()


def test_budget_grows_with_the_article() -> None:
    assert budget(60, 2_000) == budget(60, 100_000) == 60
    assert budget(60, 250_000) == 150
    assert budget(60, 1_000_000) == budget(60, 5_000_000) == 600  # and no further


def test_chunks_shrink_as_the_input_runs_out() -> None:
    from eventwire.engines.pool import CHUNK_ARTICLES, _Chunker
    from eventwire.model import Article

    arts = ((n, Article(id=str(n), text="Troops shelled the town. " * 4)) for n in range(200))
    chunker = _Chunker(arts, workers=2)
    sizes, order = [], []
    while (chunk := chunker.take()) is not None:
        sizes.append(len(chunk.items))
        order += [n for n, _ in chunk.items]
    assert order == list(range(200))  # every article once, in input order
    assert sizes[0] == CHUNK_ARTICLES and max(sizes) == CHUNK_ARTICLES
    assert sizes == sorted(sizes, reverse=True) and sizes[-1] == 1  # the tail is short


def test_a_worker_over_its_memory_is_reforked_and_the_output_is_the_same(
        pipeline, corpus: Path, one_process) -> None:  # noqa: ANN001
    with WorkerPool(lambda: pipeline, workers=2, recycle_mb=0) as fresh:  # every worker is over 0 MB
        docs = list(run(fresh.process, [corpus], BatchReport(), PUBLISHED))
        assert fresh.recycled >= 2 and len(fresh.pids()) == 2
    assert docs == one_process[0]
    assert private_mb(os.getpid()) is not None and private_mb(None) is None
