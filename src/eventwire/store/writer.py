"""One database, one writer at a time, many readers: how `ingest` and `watch` write.

DuckDB lets one process hold a database file for writing. eventwire's rule:

* ``eventwire serve --db X`` opens X and keeps it: it is X's writer for as long as it
  runs, and says so in an announcement file beside it (``X.serve.json``: its address, its
  process id and a secret token, readable by its owner only).
* ``eventwire ingest --db X`` and ``eventwire watch --db X`` extract articles themselves
  (every core they are given), then hand the documents to the writer: to the server
  announced for X over HTTP on its address (``/api/store/...``, the token in a header),
  or, when no server runs, to X itself, opened only for the time of one commit of a few
  articles and closed again. When the file is busy (the server is starting, or another
  ingest is committing) the writer waits and tries again; ``serve`` started while an
  ingest runs waits for the ingest's next pause in the same way.

The server never meets a lock after it has started: it holds the file, answers reads
from cursors of its own connection and writes what it is handed in one thread.

A PostgreSQL database (``--db postgresql://...``) takes many writers: `ingest`, `watch`
and `serve` each write to it directly, their commits taken one at a time by the database
(``store/dialect.py``), and nothing is announced or handed over.
"""

from __future__ import annotations

import json
import os
import secrets
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.errors import StoreBusyError, StoreError
from eventwire.model import Article, ArticleDoc
from eventwire.store import dialect
from eventwire.store.database import Known, Store, Stored

WAIT_S = 600.0  # how long a writer waits for a busy database before giving up
BATCH = 16  # documents per local commit session
TOKEN_HEADER = "X-Eventwire-Writer-Token"


# ---------------------------------------------------------------- the announcement


@dataclass(frozen=True)
class Announcement:
    url: str
    pid: int
    token: str


def announcement_path(db: Path) -> Path:
    return db.with_name(db.name + ".serve.json")


def announce(db: Path, url: str) -> Announcement:
    """Write the server's announcement beside ``db`` (owner-only permissions)."""
    ann = Announcement(url=url.rstrip("/"), pid=os.getpid(), token=secrets.token_urlsafe(24))
    path = announcement_path(db)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(asdict(ann), fh)
    return ann


def withdraw(db: Path, ann: Announcement) -> None:
    """Remove the announcement if it is still this server's."""
    if read_announcement(db) == ann:
        announcement_path(db).unlink(missing_ok=True)


def read_announcement(db: Path | str) -> Announcement | None:
    """The server announced for ``db``, if any. A PostgreSQL database has none: it takes
    many writers, and every process writes to it itself."""
    if dialect.is_postgres(db):
        return None
    try:
        data = json.loads(announcement_path(Path(db)).read_text(encoding="utf-8"))
        return Announcement(url=str(data["url"]), pid=int(data["pid"]), token=str(data["token"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def open_reader(db: Path | str, wait_s: float = 30.0) -> Store:
    """The database read-only, waiting while a writer commits (an ingest holds the file
    only for one commit at a time); a running server holds it for good: say so."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            return Store(db, read_only=True)
        except StoreBusyError as e:
            ann = read_announcement(db)
            if ann is not None and _alive(ann.pid):
                raise StoreBusyError(f"{db}: held by `eventwire serve` at {ann.url}; read it"
                                     f" through {ann.url}/api (or stop the server)") from e
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


# ---------------------------------------------------------------- the writers


class RemoteWriter:
    """Hands documents to the server that holds the database (HTTP on its address)."""

    def __init__(self, ann: Announcement, timeout: float = 120.0) -> None:
        self.ann = ann
        self.timeout = timeout

    def _call(self, path: str, body: Any | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode("utf-8")
        req = urllib.request.Request(
            self.ann.url + path, data=data, method="GET" if body is None else "POST",
            headers={TOKEN_HEADER: self.ann.token, "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 (own server)
            return json.loads(resp.read().decode("utf-8"))

    def known(self) -> Known:
        data = self._call("/api/store/known")
        return Known(set(data["ids"]), dict(data["urls"]))

    def events(self) -> int:
        return int(self._call("/api/health")["events"])

    def put_many(self, docs: list[ArticleDoc]) -> list[Stored]:
        found = self._call("/api/store/docs", {"docs": [d.model_dump(mode="json") for d in docs]})
        return [Stored(**r) for r in found["results"]]


class DatabaseWriter:
    """Writes documents to ``db`` through whichever writer holds it now: the announced
    server, else the file itself in short commit sessions (see the module doc)."""

    def __init__(self, db: Path | str, *, wait_s: float = WAIT_S, batch: int = BATCH,
                 on_wait: Callable[[str], None] | None = None) -> None:
        self.db: Path | str = dialect.target(db)
        self.wait_s = wait_s
        self.batch = batch
        self.on_wait = on_wait
        self.pending: list[ArticleDoc] = []
        self.results: list[Stored] = []
        self._delay = 0.05

    def _server(self) -> RemoteWriter | None:
        ann = read_announcement(self.db)  # none for PostgreSQL: every process writes itself
        if ann is None or not _alive(ann.pid):
            return None
        return RemoteWriter(ann)

    def _with_writer(self, work: Callable[[Any], Any]) -> Any:
        """Run ``work`` on the server's writer or a short local session, waiting while
        the file is busy."""
        deadline = time.monotonic() + self.wait_s
        self._delay = 0.05
        while True:
            server = self._server()
            try:
                if server is not None:
                    return work(server)
                with Store(self.db) as store:
                    return work(_LocalSession(store))
            except urllib.error.HTTPError as e:
                if e.code != 503:  # the server refused: waiting will not help
                    raise StoreError(f"{dialect.shown(self.db)}: the server at {server.ann.url if server else '?'}"
                                     f" refused the documents ({e.code} {e.reason})") from e
                self._wait(deadline, e)
            except (StoreBusyError, urllib.error.URLError, ConnectionError) as e:
                self._wait(deadline, e)

    def _wait(self, deadline: float, e: Exception) -> None:
        if time.monotonic() > deadline:
            raise StoreError(f"{dialect.shown(self.db)}: still busy after {self.wait_s:.0f} s ({e})") from e
        if self.on_wait is not None:
            self.on_wait(f"{dialect.shown(self.db)}: busy, retrying ({type(e).__name__})")
        time.sleep(self._delay)
        self._delay = min(self._delay * 2, 1.0)

    def known(self) -> Known:
        return self._with_writer(lambda w: w.known())  # type: ignore[no-any-return]

    def events(self) -> int:
        """How many events the database holds now."""
        return self._with_writer(lambda w: w.events())  # type: ignore[no-any-return]

    def put(self, doc: ArticleDoc) -> None:
        self.pending.append(doc)
        if len(self.pending) >= self.batch:
            self.flush()

    def flush(self) -> list[Stored]:
        """Commit what is pending; what each document did."""
        if not self.pending:
            return []
        docs, self.pending = self.pending, []
        done: list[Stored] = self._with_writer(lambda w: w.put_many(docs))
        self.results.extend(done)
        return done

    def put_all(self, docs: Iterable[ArticleDoc]) -> list[Stored]:
        for doc in docs:
            self.put(doc)
        self.flush()
        return self.results


def ingest(writer: DatabaseWriter, open_run: Callable[[Callable[[Article], bool]], Any],
           paths: list[Path], report: Any, published: date | None = None,
           on_doc: Callable[[ArticleDoc], None] | None = None) -> list[Stored]:
    """Extract the articles under ``paths`` that are not stored yet and hand them to the
    writer. ``open_run(keep)`` gives an engine's run function as a context manager; the
    known content hashes are checked before anything is parsed."""
    known = writer.known()
    with open_run(known.wants) as run:
        for doc in run(paths, report, published):
            known.note(doc.article)
            writer.put(doc)
            if on_doc is not None:
                on_doc(doc)
        writer.flush()
    return writer.results


class _LocalSession:
    def __init__(self, store: Store) -> None:
        self.store = store

    def known(self) -> Known:
        return self.store.known()

    def events(self) -> int:
        return self.store.count("events")

    def put_many(self, docs: list[ArticleDoc]) -> list[Stored]:
        return [self.store.put(d) for d in docs]
