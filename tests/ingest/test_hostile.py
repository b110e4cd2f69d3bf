"""A batch of hostile inputs beside one good article, through `eventwire ingest` as a user
runs it: the good article is stored, each bad file gets one line naming it, nothing
prints a traceback, nothing hangs, and memory stays bounded. The inputs are made here."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.ingest.readers import article_id
from eventwire.store.database import Store

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "corpus" / "seed" / "000_8057f10ad668c9f6.txt"
MAX_RSS_BYTES = int(2.5 * 1024**3)
RSS_WRAPPER = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
               "print('peak-rss-kb', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
               "file=sys.stderr); sys.exit(r.returncode)")

XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>Feed</title>
<item><title>Leak</title><description>&xxe;</description></item></channel></rss>
"""
LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'
                    for n in range(1, 10))
          + ']>\n<rss version="2.0"><channel><title>&lol9;</title><item><title>x</title>'
          + "<description>&lol9;</description></item></channel></rss>\n")


def endless_warc_gz(path: Path, gigabytes: float = 1.5) -> None:
    """``WARC/1.0`` and then a header line of spaces that never ends: 1.5 GB inflated,
    about 1.5 MB on disk (one gzip member repeated: a .warc.gz is many members)."""
    block = 16 * 1024 * 1024
    member = gzip.compress(b" " * block, compresslevel=9)
    with path.open("wb") as fh:
        fh.write(gzip.compress(b"WARC/1.0\r\n"))
        for _ in range(int(gigabytes * 1024**3 / block)):
            fh.write(member)


def truncated_warc_gz(path: Path) -> None:
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/a\r\n"
              b"Content-Type: application/http; msgtype=response\r\nContent-Length: 5000\r\n\r\n"
              b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Shelling")
    path.write_bytes(gzip.compress(record)[:-12])


def long_report(seed: str, size: int) -> str:
    """Real prose past a million characters: the seed's paragraphs over and over."""
    head, body = seed.split("\n", 1)
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    out, n = [f"{head}: the full report"], 0
    while sum(map(len, out)) < size:
        out.append(paragraphs[n % len(paragraphs)])
        n += 1
    return "\n\n".join(out) + "\n"


def make_batch(folder: Path, seed: str) -> dict[str, str]:
    """The inputs; returns bad file name -> what its one line must say (the two feeds are
    read, their entities not expanded)."""
    folder.mkdir()
    (folder / "good.txt").write_text(seed, encoding="utf-8")
    (folder / "report.txt").write_text(long_report(seed, 1_200_000), encoding="utf-8")
    (folder / "longline.txt").write_text("Headline\n" + "a" * 5_000_000, encoding="utf-8")
    endless_warc_gz(folder / "endless.warc.gz")
    truncated_warc_gz(folder / "truncated.warc.gz")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "latin.txt").write_bytes(b"Headline\n" + bytes(range(128, 256)) * 40)
    (folder / "huge.txt").write_bytes(b"Shelling hit the town. " * (30 * 1024 * 1024 // 23))
    (folder / "broken.jsonl").write_text('{"text": "unterminated\n{"title": 3}\n', encoding="utf-8")
    (folder / "deep.jsonl").write_text('{"text": ' + "[" * 200_000 + "]" * 200_000 + "}\n",
                                       encoding="utf-8")
    (folder / "xxe.rss").write_text(XXE, encoding="utf-8")
    (folder / "laughs.rss").write_text(LAUGHS, encoding="utf-8")
    (folder / "french.txt").write_text(
        "Les forces gouvernementales ont repris la ville\n\nLes forces gouvernementales ont "
        "repris le contrôle de la ville lundi, selon un communiqué publié par le ministère de "
        "la Défense, qui a fait état de nombreuses victimes parmi les civils.\n",
        encoding="utf-8")
    return {"endless.warc.gz": "max_decompressed_bytes", "truncated.warc.gz": "",
            "empty.txt": "empty", "binary.txt": "binary", "latin.txt": "", "huge.txt": "too large",
            "broken.jsonl": "", "deep.jsonl": "max_json_depth", "french.txt": "not English"}


@pytest.mark.slow
@pytest.mark.skipif(not SEED.exists(), reason="the seed article is in ../shared")
def test_hostile_batch_beside_a_good_article(tmp_path: Path) -> None:
    seed = SEED.read_text(encoding="utf-8")
    bad = make_batch(tmp_path / "batch", seed)
    db = tmp_path / "db.duckdb"
    # a fresh parent process, so that its children's peak memory is the ingest's own
    measured = [sys.executable, "-c", RSS_WRAPPER, sys.executable, "-m", "eventwire", "ingest",
                str(tmp_path / "batch"), "--db", str(db)]
    proc = subprocess.run(measured, capture_output=True, timeout=1200)  # a hang guard only
    out, err = (proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "Traceback" not in out
    peak = int(err.rsplit("peak-rss-kb ", 1)[1]) * 1024
    assert peak < MAX_RSS_BYTES, f"peak RSS {peak / 1024**3:.2f} GB"
    lines = err.splitlines()
    for name, says in bad.items():
        mine = [ln for ln in lines if f"/{name}" in ln]
        assert len(mine) == 1 + (name == "broken.jsonl"), (name, mine)  # a line per bad line
        assert mine[0].startswith("skipped ") and says in mine[0], (name, mine)
    with Store(db, read_only=True) as store:
        stored = {r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()}
        events = store.count("events")
        texts = [r[0] for r in store.con.execute("SELECT text FROM articles").fetchall()]
    assert article_id(seed) in stored and events > 0
    assert article_id(long_report(seed, 1_200_000)) in stored  # read in pieces, not refused
    # the 5 MB line is parsed in pieces (it is text, if no news); the XXE and entity-expansion
    # feeds are read with their entities left unexpanded: no file read, no billion laughs
    assert len(stored) == 5
    assert not any("root:" in t or "lollol" in t for t in texts)
