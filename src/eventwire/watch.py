"""`eventwire watch`: poll folders, feeds (a file or a URL) and WARC folders; store what is new.

Each source keeps a cursor in a state file beside the database (``X.watch.json``), saved
after every round, so a restarted watch reads only what is new since: for a folder, the
size and modification time of every file it has read; for a feed file, its own; for a
feed URL, the ``ETag`` / ``Last-Modified`` its server gave (an unchanged feed answers
304 and costs nothing). Whatever is read, an article whose content hash is stored is
never parsed (``store/writer.py``). A source that fails (a folder gone, a server down,
a feed that does not parse) is reported in the round's status line and tried again next
round; the others go on. Documents go to the database's writer: the server that holds
it, or the file in short commits.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from eventwire.engines.local import BatchReport
from eventwire.errors import EventwireError
from eventwire.ingest.readers import expand_paths
from eventwire.model import ArticleDoc
from eventwire.store.database import Known
from eventwire.store.writer import DatabaseWriter

Run = Callable[[list[Path], BatchReport, Any], Iterator[ArticleDoc]]
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """'90s', '15m', '1h', '1d' or plain seconds -> seconds."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text)
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"not a duration: {text!r} (e.g. 90s, 15m, 1h)")
    return float(m.group(1)) * UNITS[m.group(2) or "s"]


def state_path(db: Path | str) -> Path:
    """The cursor file: beside a DuckDB file; for a PostgreSQL database, in the working
    folder, named after the server and database."""
    from eventwire.store.dialect import is_postgres, shown

    if is_postgres(db):
        return Path(re.sub(r"[^A-Za-z0-9.-]+", "_", shown(db).split("://", 1)[1]) + ".watch.json")
    db = Path(db)
    return db.with_name(db.name + ".watch.json")


@dataclass
class Outcome:
    """One source in one round."""

    source: str
    read: int = 0  # new or changed inputs read
    stored: int = 0
    revised: int = 0
    known: int = 0
    skipped: int = 0  # bad inputs, reported by the reader
    error: str | None = None

    def line(self) -> str:
        if self.error:
            return f"{self.source}: FAILED ({self.error}); retried next round"
        return (f"{self.source}: {self.read} new input(s), {self.stored} stored, {self.revised}"
                f" revised, {self.known} already there, {self.skipped} unreadable")


@dataclass
class Source:
    """A folder (of articles or WARC files), a feed file, or a feed URL, with its cursor."""

    spec: str
    cursor: dict[str, Any] = field(default_factory=dict)

    @property
    def is_url(self) -> bool:
        return self.spec.startswith(("http://", "https://"))

    def fetch(self, tmp: Path) -> tuple[list[Path], dict[str, Any]]:
        """The inputs that are new since the cursor, and the cursor once they are stored."""
        return self._fetch_url(tmp) if self.is_url else self._fetch_files()

    def _fetch_files(self) -> tuple[list[Path], dict[str, Any]]:
        root = Path(self.spec)
        files, missing = expand_paths([root])
        if missing:
            raise EventwireError(str(missing[0]))
        seen = dict(self.cursor.get("files", {}))
        new = []
        for f in files:
            st = f.stat()
            mark = [st.st_size, st.st_mtime_ns]
            if seen.get(str(f)) != mark:
                new.append(f)
                seen[str(f)] = mark
        return new, {"files": seen}

    def _fetch_url(self, tmp: Path) -> tuple[list[Path], dict[str, Any]]:
        headers = {"User-Agent": "eventwire-watch"}
        if self.cursor.get("etag"):
            headers["If-None-Match"] = self.cursor["etag"]
        if self.cursor.get("modified"):
            headers["If-Modified-Since"] = self.cursor["modified"]
        req = urllib.request.Request(self.spec, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:  # noqa: S310 (a URL the user named)
                body = resp.read()
                etag, modified = resp.headers.get("ETag"), resp.headers.get("Last-Modified")
        except urllib.error.HTTPError as e:
            if e.code == 304:
                return [], self.cursor
            raise EventwireError(f"{self.spec}: HTTP {e.code} {e.reason}") from e
        except (urllib.error.URLError, OSError) as e:
            raise EventwireError(f"{self.spec}: {getattr(e, 'reason', e)}") from e
        path = tmp / "feed.xml"
        path.write_bytes(body)
        return [path], {"etag": etag, "modified": modified}


class Watcher:
    """Rounds over the sources; the state file keeps each source's cursor."""

    def __init__(self, specs: list[str], db: Path | str, run: Run, writer: DatabaseWriter,
                 known: Known, state: Path | None = None) -> None:
        self.db = db
        self.run = run  # an engine's run function that parses only what ``known`` wants
        self.writer = writer
        self.known = known
        self.state = state or state_path(db)
        saved = self._load()
        self.sources = [Source(s, saved.get(s, {})) for s in specs]

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.state.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _save(self) -> None:
        tmp = self.state.with_name(self.state.name + ".tmp")
        tmp.write_text(json.dumps({s.spec: s.cursor for s in self.sources}), encoding="utf-8")
        tmp.replace(self.state)

    def round(self) -> list[Outcome]:
        """Read every source once; a failing one is reported, the others go on."""
        out = []
        for src in self.sources:
            with tempfile.TemporaryDirectory(prefix="eventwire-watch-") as tmp:
                out.append(self._one(src, Path(tmp)))
        self._save()
        return out

    def _one(self, src: Source, tmp: Path) -> Outcome:
        done = Outcome(src.spec)
        try:
            paths, cursor = src.fetch(tmp)
            done.read = len(paths)
            report = BatchReport()
            if paths:
                for doc in self.run(paths, report, None):
                    self.known.note(doc.article)
                    self.writer.put(doc)
            results = self.writer.flush()
        except EventwireError as e:
            done.error = str(e)
            self.writer.pending.clear()
            return done
        src.cursor = cursor
        for r in results:
            if r.kind == "stored":
                done.stored += 1
            elif r.kind == "revised":
                done.revised += 1
        done.skipped = len(report.skipped)
        done.known = report.read - done.stored - done.revised
        return done

    def loop(self, every: float, rounds: int = 0, say: Callable[[str], None] = print) -> None:
        """Round after round, ``every`` seconds apart (``rounds``: stop after so many)."""
        n = 0
        while True:
            n += 1
            started = time.monotonic()
            outcomes = self.round()
            stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ")
            say(f"round {n} {stamp}: " + "; ".join(o.line() for o in outcomes))
            if rounds and n >= rounds:
                return
            time.sleep(max(0.0, every - (time.monotonic() - started)))
