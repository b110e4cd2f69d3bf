"""Limits checked while reading: each breach is one ``LimitInputError`` naming the file
and the limit, found without reading past the limit."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from eventwire.errors import LimitInputError, MalformedInputError, TooLargeInputError
from eventwire.ingest.limits import Limits, gunzip_bounded, read_bounded
from eventwire.ingest.readers import read_path
from eventwire.model import Article

STORY = ("Floods cut road to northern town\n\nHeavy rain washed away the only road to the town "
         "on Monday, officials said, leaving thousands of residents without supplies.\n")


class Counting(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.served = 0

    def read(self, n: int | None = -1) -> bytes:
        out = super().read(n)
        self.served += len(out)
        return out


def test_gunzip_stops_at_the_limit_while_inflating() -> None:
    bomb = gzip.compress(b" " * (16 * 1024 * 1024), compresslevel=9) * 20  # 320 MB inflated
    stream = Counting(bomb)
    with pytest.raises(LimitInputError, match="max_decompressed_bytes"):
        gunzip_bounded(stream, "bomb.gz", 1024 * 1024)
    assert stream.served < len(bomb)  # stopped before reading the whole file


def test_gunzip_reads_every_member_and_refuses_a_cut_one() -> None:
    two = gzip.compress(b"first ") + gzip.compress(b"second")
    assert gunzip_bounded(io.BytesIO(two), "two.gz", 100) == b"first second"
    with pytest.raises(MalformedInputError, match="end-of-stream"):
        gunzip_bounded(io.BytesIO(gzip.compress(b"x" * 1000)[:-20]), "cut.gz", 10_000)


def test_read_bounded() -> None:
    assert read_bounded(io.BytesIO(b"abc"), "f", 3) == b"abc"
    with pytest.raises(TooLargeInputError, match="limit 3"):
        read_bounded(io.BytesIO(b"abcd"), "f", 3)


def test_limits_in_read_path(tmp_path: Path) -> None:
    small = Limits(max_text_chars=100, max_json_depth=4, max_header_bytes=64)
    f = tmp_path / "story.txt"
    f.write_text(STORY, encoding="utf-8")
    (err,) = read_path(f, small)
    assert isinstance(err, LimitInputError) and str(f) in str(err) and "max_text_chars" in str(err)
    (art,) = read_path(f)
    assert isinstance(art, Article)

    deep = tmp_path / "deep.jsonl"
    deep.write_text('{"text": "a [[[[ in a string is text", "x": [[[]]]}\n'
                    '{"text": "deep", "x": [[[[1]]]]}\n', encoding="utf-8")
    first, second = read_path(deep, small)
    assert isinstance(first, Article)  # depth 4, and brackets inside a string do not count
    assert isinstance(second, LimitInputError) and f"{deep}:2" in str(second)

    warc = tmp_path / "endless.warc"
    warc.write_bytes(b"WARC/1.0\r\n" + b" " * 1000)
    (err,) = read_path(warc, small)
    assert isinstance(err, LimitInputError) and "max_header_bytes" in str(err)
    assert len(str(err).splitlines()) == 1
