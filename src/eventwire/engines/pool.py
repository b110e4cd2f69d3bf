"""The local engine's worker processes: every core, and a time budget per article.

The parent builds the ``Pipeline`` once, when the first article to parse arrives (a
batch of articles all stored already never loads it), and forks the workers, which
share its read-only memory (spaCy's weights, the gazetteer, the dictionaries) copy-on-write; ``gc.freeze``
keeps the collector from touching, and so copying, those objects in every worker. The
parent reads the inputs, hands the articles out in chunks (at most ``CHUNK_ARTICLES``
articles and ``CHUNK_CHARS`` characters, so that spaCy still batches short articles;
smaller as the input runs out, so that the workers finish together: ``_Chunker``) and
gives the results back in input order.

Time budget: a chunk may use ``budget(time_limit, characters)`` seconds of CPU time
(``time_limit`` per 100,000 characters, at least ``time_limit``, at most ten times it),
and ``WALL_FACTOR`` times that in wall-clock time (a worker that hangs without working).
CPU time, not the clock, so that a machine busy with other work does not make a good
article late. A worker past it is killed and replaced
by a new fork (no reload); the articles of its chunk not yet returned are run again one
at a time, and an article that overruns alone is reported (``TimeLimitError``, naming
its file) while the batch goes on. A worker that raises or dies is handled the same
way, the article then reported as a ``ProcessingError``.

Memory: a worker's own pages grow as it works (glibc's heap fragments, spaCy's
vocabulary and the caches fill: about 25 MB per 16 long articles, 1.5 GB of RSS after
thousands). A worker whose private memory (USS) is over ``RECYCLE_MB`` when it finishes a
chunk is stopped and replaced by a fresh fork of the parent, which costs a fork (0.2 s)
and the coder's cache, never output (a reading depends on its sentence only).

A worker holds one chunk at a time and the parent writes only to a worker waiting for
work, so neither end ever blocks on a full pipe while the other one does too.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.errors import InputError, ProcessingError, TimeLimitError
from eventwire.model import Article, ArticleDoc

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from eventwire.pipeline import Pipeline

CHUNK_ARTICLES = 16  # what one worker takes at a time (spaCy batches within it)
CHUNK_CHARS = 40_000  # ... unless the chunk grows past this many characters
READ_AHEAD = 2  # chunks per worker read from the input before they are handed out
TIME_LIMIT = 60.0  # default seconds per 100,000 characters of an article (see ``budget``)
LIMIT_CHARS = 100_000
MAX_UNITS = 10  # a budget grows with the article up to 1,000,000 characters, then stays
WALL_FACTOR = 10  # wall-clock seconds allowed per second of CPU budget
POLL = 1.0  # seconds between looks at the busy workers' CPU time
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
RECYCLE_MB = 200  # a worker's private memory (MB) past which, between chunks, it is re-forked
AHEAD = 64  # finished results, per worker, held back for input order before reading stops

Result = ArticleDoc | InputError


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def budget(time_limit: float, chars: int) -> float:
    """Seconds allowed for ``chars`` characters: ``time_limit`` per 100,000, at least
    ``time_limit`` and at most ``MAX_UNITS`` times it (nothing runs unbounded)."""
    return time_limit * min(MAX_UNITS, max(1.0, chars / LIMIT_CHARS))


@dataclass
class _Chunk:
    items: list[tuple[int, Article]]  # (position in the input, article)
    solo: bool = False  # a failure is then the article's own, not its neighbours'

    @property
    def chars(self) -> int:
        return sum(len(a.text) for _, a in self.items)


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    chunk: _Chunk | None = None
    deadline: float = 0.0  # wall clock: WALL_FACTOR times the budget
    seconds: float = 0.0  # the chunk's budget of CPU seconds
    cpu: float | None = None  # the worker's CPU seconds when it got the chunk
    sent: float = 0.0  # when it got it


@dataclass
class _Chunker:
    """Articles in input order, cut into chunks: full chunks while the input lasts (spaCy
    parses a batch of 16 short articles about a tenth faster per word than one of 4), then
    smaller ones as it runs out, about an even share of what is left per worker, so that
    the last chunks end together (guided self-scheduling). The input is read
    ``READ_AHEAD`` chunks a worker ahead, to see its end coming."""

    source: Iterator[tuple[int, Article]]
    workers: int = 1
    taken: int = 0  # articles handed out so far
    _buffer: deque[tuple[int, Article]] = field(default_factory=deque)
    _done: bool = False

    def take(self) -> _Chunk | None:
        self._fill()
        share = -(-len(self._buffer) // (2 * self.workers)) if self._done else CHUNK_ARTICLES
        items: list[tuple[int, Article]] = []
        chars = 0
        while self._buffer and len(items) < min(CHUNK_ARTICLES, share):
            item = self._buffer[0]
            if items and chars + len(item[1].text) > CHUNK_CHARS:
                break
            items.append(self._buffer.popleft())
            chars += len(item[1].text)
        self.taken += len(items)
        return _Chunk(items, solo=len(items) == 1) if items else None

    def empty(self) -> bool:
        self._fill()
        return not self._buffer

    def _fill(self) -> None:
        want = READ_AHEAD * CHUNK_ARTICLES * self.workers
        while not self._done and len(self._buffer) < want:
            item = next(self.source, None)
            if item is None:
                self._done = True
            else:
                self._buffer.append(item)


def cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU seconds of a live process (/proc), None where unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    except (OSError, IndexError, ValueError):
        return None


def private_mb(pid: int | None) -> int | None:
    """A live process's own pages (USS: private clean + dirty, /proc smaps_rollup) in MB,
    None where unknown."""
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="ascii").splitlines()
        kb = sum(int(line.split()[1]) for line in lines if line.startswith(("Private_Clean:", "Private_Dirty:")))
    except (OSError, IndexError, ValueError):
        return None
    return kb // 1024


def _release() -> Callable[[int], object]:
    """glibc's ``malloc_trim``: hands the heap's free pages back to the system. A parse
    needs memory in proportion to its article (130 MB at peak for one of 35,000
    characters), and glibc keeps what was freed; trimmed after each chunk, a worker's memory returns to
    what it shares with the parent plus what it has cached. A no-op without glibc."""
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):
        return _no_trim


def _no_trim(_pad: int) -> int:
    return 0


def _work(pipeline: Pipeline, conn: Connection, inherited: list[Connection]) -> None:
    """A worker's loop: a chunk in, one ``(position, ArticleDoc)`` out per article, or
    ``(None, reason)`` when the pipeline raised."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops the workers
    trim = _release()
    for other in inherited:  # the parent's ends of the pipes, this worker's own included
        other.close()
    while True:
        try:
            chunk = conn.recv()
        except EOFError:
            return
        if chunk is None:
            return
        positions = [n for n, _ in chunk]
        try:
            for n, doc in zip(positions, pipeline.process(a for _, a in chunk)):  # noqa: B905 - one doc per article
                conn.send((n, doc))
        except Exception as e:  # noqa: BLE001 - any fault: the parent reports the article and goes on
            first = (str(e).splitlines() or [""])[0][:200]
            conn.send((None, f"{type(e).__name__}: {first}" if first else type(e).__name__))
        trim(0)


class WorkerPool:
    """Worker processes forked from a loaded ``Pipeline``; use as a context manager (the
    workers are stopped at the end)."""

    def __init__(self, load: Callable[[], Pipeline], workers: int | None = None,
                 time_limit: float = TIME_LIMIT, recycle_mb: int | None = RECYCLE_MB) -> None:
        """``load`` builds the pipeline (``Pipeline.load``), once, when it is first needed;
        ``recycle_mb``: a worker's private memory past which it is re-forked between
        chunks (None: never)."""
        if workers is not None and workers < 1:
            raise ValueError("workers must be 1 or more")
        if time_limit <= 0:
            raise ValueError("time_limit must be positive")
        self.load = load
        self.workers = workers or default_workers()
        self.time_limit = time_limit
        self.recycle_mb = recycle_mb
        self.recycled = 0  # workers re-forked for their memory so far
        self._ctx = multiprocessing.get_context("fork")  # share the loaded pipeline
        self._pipeline: Pipeline | None = None
        self._pool: list[_Worker] = []

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        """Build the pipeline (once) and fork the workers, unless they run already."""
        if self._pool:
            return
        if self._pipeline is None:
            self._pipeline = self.load()
            self._pipeline.warm()  # what loads on first use, loaded once, shared by every fork
        gc.collect()
        gc.freeze()  # the pipeline's objects stay out of every collection, so stay shared
        self._pool = [self._start() for _ in range(self.workers)]

    def stop(self) -> None:
        """Stop the workers: those waiting for work exit, busy ones are killed."""
        for w in self._pool:
            if w.chunk is None and w.process.is_alive():
                try:
                    w.conn.send(None)
                except OSError:
                    pass
            else:
                w.process.kill()
        for w in self._pool:
            w.process.join(timeout=10)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()
        if self._pool:
            gc.unfreeze()
        self._pool = []

    def pids(self) -> list[int]:
        return [w.process.pid for w in self._pool if w.process.pid is not None]

    # -- the batch ----------------------------------------------------------------------

    def process(self, articles: Iterable[Article]) -> Iterator[Result]:
        """One result per article, in input order: its ``ArticleDoc``, or the
        ``InputError`` that says why it was skipped (time limit, a failing pipeline)."""
        chunker = _Chunker(enumerate(articles), self.workers)
        if chunker.empty():
            return
        self.start()
        retry: deque[_Chunk] = deque()
        done: dict[int, Result] = {}
        given = 0  # results yielded so far
        while True:
            for w in self._pool:
                if w.chunk is None:
                    ahead = chunker.taken - given >= AHEAD * self.workers
                    chunk = retry.popleft() if retry else None if ahead else chunker.take()
                    if chunk is None:
                        break
                    self._send(w, chunk)
            busy = [w for w in self._pool if w.chunk is not None]
            if not busy:
                return
            self._wait(busy, done, retry)
            while given in done:
                yield done.pop(given)
                given += 1

    def _wait(self, busy: list[_Worker], done: dict[int, Result], retry: deque[_Chunk]) -> None:
        from multiprocessing.connection import wait

        timeout = min(POLL, max(0.0, min(w.deadline for w in busy) - time.monotonic()))
        ready = wait([w.conn for w in busy], timeout=timeout)
        for w in busy:
            if w.conn in ready:
                self._receive(w, done, retry)
                continue
            over = self._overrun(w)
            if over:
                self._replace(w)
                self._failed(w, done, retry, TimeLimitError,
                             f"{over}; raise --time-limit ({self.time_limit:g} s of CPU time"
                             f" per {LIMIT_CHARS:,} characters) to allow more")

    @staticmethod
    def _overrun(w: _Worker) -> str | None:
        """Why the worker's chunk is over its budget, or None."""
        if time.monotonic() > w.deadline:
            return f"over {w.deadline - w.sent:.0f} s"
        now = cpu_seconds(w.process.pid)
        if w.cpu is None or now is None:  # no CPU clock here: the budget in wall-clock time
            late = time.monotonic() - w.sent > w.seconds
            return f"over {w.seconds:.0f} s" if late else None
        return f"over {w.seconds:.0f} s of CPU time" if now - w.cpu > w.seconds else None

    def _send(self, w: _Worker, chunk: _Chunk) -> None:
        w.chunk = chunk
        w.seconds = budget(self.time_limit, chunk.chars)
        w.sent = time.monotonic()
        w.deadline = w.sent + WALL_FACTOR * w.seconds
        w.cpu = cpu_seconds(w.process.pid)
        try:
            w.conn.send(chunk.items)
        except OSError:  # it died while idle: the receive below finds out and says so
            pass

    def _receive(self, w: _Worker, done: dict[int, Result], retry: deque[_Chunk]) -> None:
        try:
            n, payload = w.conn.recv()
        except (EOFError, OSError):
            code = self._replace(w)
            self._failed(w, done, retry, ProcessingError, f"its worker process died, exit code {code}")
            return
        if n is None:
            self._failed(w, done, retry, ProcessingError, str(payload))
            return
        done[n] = payload
        assert w.chunk is not None
        w.chunk.items = [(m, a) for m, a in w.chunk.items if m != n]
        if not w.chunk.items:
            w.chunk = None
            self._recycle(w)

    def _recycle(self, w: _Worker) -> None:
        """Replace an idle worker by a fresh fork when its own memory passed ``recycle_mb``."""
        if self.recycle_mb is None:
            return
        used = private_mb(w.process.pid)
        if used is not None and used > self.recycle_mb:
            self._replace(w)
            self.recycled += 1

    def _failed(self, w: _Worker, done: dict[int, Result], retry: deque[_Chunk],
                error: type[InputError], reason: str) -> None:
        """The worker's chunk failed: an article alone is reported; a chunk's articles not
        yet returned are run again, each alone."""
        chunk, w.chunk = w.chunk, None
        if chunk is None:
            return
        if chunk.solo:
            for n, art in chunk.items:
                done[n] = error(art.path or art.id, reason)
            return
        retry.extend(_Chunk([item], solo=True) for item in chunk.items)

    def _replace(self, w: _Worker) -> int | None:
        """Kill the worker and fork a fresh one in its place (the chunk stays, for the
        report); the old process's exit code."""
        w.process.kill()
        w.process.join()
        code = w.process.exitcode
        w.conn.close()
        fresh = self._start()
        w.process, w.conn = fresh.process, fresh.conn
        return code

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        # the child closes its copies of the parent's ends, its own included: were it to
        # keep that one, its pipe would never end, and a worker whose parent was killed
        # would wait for work for ever instead of exiting
        others = [w.conn for w in self._pool if not w.conn.closed] + [parent]
        proc = self._ctx.Process(target=_work, args=(self._pipeline, child, others),
                                 name="eventwire-worker", daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent)


__all__ = ["RECYCLE_MB", "TIME_LIMIT", "WorkerPool", "budget", "default_workers", "private_mb"]
