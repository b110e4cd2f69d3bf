"""`eventwire watch`: folders, a feed file and a feed URL on 127.0.0.1, polled in rounds;
cursors survive a restart; a failing source is reported and retried."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventwire.engines.runner import local_run
from eventwire.store.database import Store
from eventwire.store.writer import DatabaseWriter
from eventwire.watch import Watcher, parse_every

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EXE = Path(sys.executable).with_name("eventwire")

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example.org/</link>
<description>World news</description>
<item><title>Clashes in Goma</title><link>https://wire.example.org/goma</link>
<pubDate>Tue, 02 Mar 2021 10:00:00 GMT</pubDate>
<description>Rebels clashed with soldiers near Goma on Monday, killing three people, the army said.
Residents fled the area as the fighting went on into the night, local officials said.</description>
</item></channel></rss>
"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def feed_server(tmp_path: Path) -> Iterator[str]:
    """A feed served over HTTP on 127.0.0.1 (Last-Modified / If-Modified-Since)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "feed.xml").write_text(FEED, encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_parse_every() -> None:
    assert (parse_every("90s"), parse_every("15m"), parse_every("1h"), parse_every("20")) == (
        90, 900, 3600, 20)
    with pytest.raises(ValueError):
        parse_every("soon")


def test_rounds_read_only_what_is_new(pipeline, feed_server: str, tmp_path: Path) -> None:
    db = tmp_path / "ew.duckdb"
    inbox, later = tmp_path / "inbox", tmp_path / "later"
    inbox.mkdir()
    for name in ("arrest_caracas.txt", "bombing_kabul.txt"):
        shutil.copy(EXAMPLES / name, inbox / name)
    specs = [str(inbox), feed_server, str(later)]

    def watcher() -> Watcher:  # a fresh one each time: as after a restart
        writer = DatabaseWriter(db)
        known = writer.known()
        return Watcher(specs, db, local_run(pipeline.process, known.wants), writer, known)

    first = watcher().round()
    assert (first[0].read, first[0].stored) == (2, 2)
    assert (first[1].read, first[1].stored) == (1, 1)
    assert first[2].error and "no such file or folder" in first[2].error  # reported ...
    assert "FAILED" in first[2].line()

    later.mkdir()  # ... and retried: the folder appears
    shutil.copy(EXAMPLES / "protest_nairobi.txt", later / "protest_nairobi.txt")
    second = watcher().round()
    assert (second[0].read, second[0].stored) == (0, 0)  # the cursor survived the restart
    assert (second[1].read, second[1].stored) == (0, 0)  # 304 Not Modified
    assert (second[2].read, second[2].stored, second[2].error) == (1, 1, None)

    (inbox / "copy.txt").write_bytes((EXAMPLES / "arrest_caracas.txt").read_bytes())
    third = watcher().round()  # a new file with a stored text: read, never stored twice
    assert (third[0].read, third[0].stored, third[0].known) == (1, 0, 1)
    with Store(db, read_only=True) as s:
        assert s.count("articles") == 4


def test_watch_command_prints_a_status_line_per_round(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(EXAMPLES / "protest_nairobi.txt", inbox / "protest_nairobi.txt")
    db = tmp_path / "ew.duckdb"
    res = subprocess.run([str(EXE), "watch", str(inbox), "--db", str(db), "--every", "1s",
                          "--rounds", "2"], capture_output=True, text=True, timeout=600, check=False)
    assert res.returncode == 0, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.startswith("round ")]
    assert len(lines) == 2
    assert "1 new input(s), 1 stored" in lines[0] and "0 new input(s), 0 stored" in lines[1]
    assert (db.with_name(db.name + ".watch.json")).exists()
