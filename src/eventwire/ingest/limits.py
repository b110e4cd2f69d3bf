"""Bounds on the work one input may cause, checked while reading, never after.

A crawl or a folder of pasted files holds the odd hostile input: a gzip file that
inflates to gigabytes, a WARC header line that never ends, JSON nested a million deep, a
text of many megabytes. Each is refused with a ``LimitInputError`` that names the file
and the limit, and the batch goes on. Long texts within ``max_text_chars`` are read
(the spaCy stage parses them in pieces, ``eventwire.nlp.pipeline.parse``).
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from typing import BinaryIO

from eventwire.errors import LimitInputError, MalformedInputError, TooLargeInputError

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 20 * MIB  # a file as stored (a news article is kilobytes)
    max_decompressed_bytes: int = 20 * MIB  # a .gz file once inflated, counted while inflating
    max_header_bytes: int = 64 * 1024  # a WARC or HTTP header block
    max_line_bytes: int = 16 * MIB  # a JSON Lines line (one article)
    max_json_depth: int = 32  # nesting of objects and arrays in one JSON value
    max_text_chars: int = 6_000_000  # an article's text (a long UN report is ~1.2 M)


DEFAULT_LIMITS = Limits()
_CHUNK = 64 * 1024


def read_bounded(stream: BinaryIO, path: str, limit: int) -> bytes:
    """All of ``stream``, or ``TooLargeInputError`` once more than ``limit`` bytes came."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLargeInputError(path, f"more than {limit:,} bytes, limit {limit:,}")
    return data


def gunzip_bounded(stream: BinaryIO, path: str, limit: int) -> bytes:
    """Inflate a gzip stream (every member), stopping as soon as the output passes
    ``limit``: memory stays under ``limit`` plus one chunk, whatever the file inflates to."""
    out = bytearray()
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    pending = b""  # compressed bytes read but not yet given to the inflater
    started = False
    while True:
        if inflater.unconsumed_tail:
            block = inflater.unconsumed_tail
        elif pending:
            block, pending = pending, b""
        else:
            block = stream.read(_CHUNK)
            if not block:
                break
        try:
            out += inflater.decompress(block, _CHUNK)
        except zlib.error as e:
            raise MalformedInputError(path, f"bad gzip data: {e}") from e
        started = True
        if len(out) > limit:
            raise LimitInputError(path, f"decompressed size over {limit:,} bytes "
                                        "(max_decompressed_bytes)")
        if inflater.eof:  # the next member, if any (a .warc.gz has one per record)
            pending, started = inflater.unused_data, False
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    if started:
        raise MalformedInputError(path, "gzip data ends before its end-of-stream marker")
    return bytes(out)


def check_header(data: bytes, path: str, limit: int) -> None:
    """The header block at the start of ``data`` (lines up to a blank line) ends within
    ``limit`` bytes."""
    head = data[: limit + 4]
    if b"\r\n\r\n" not in head and b"\n\n" not in head and len(data) > limit:
        raise LimitInputError(path, f"header block not ended within {limit:,} bytes "
                                    "(max_header_bytes)")


def check_line(line: str, where: str, limit: int) -> None:
    if len(line) > limit:
        raise LimitInputError(where, f"line of {len(line):,} characters, limit {limit:,} "
                                     "(max_line_bytes)")


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def check_json_depth(text: str, where: str, limit: int) -> None:
    """Objects and arrays nested at most ``limit`` deep (strings skipped): deeper JSON would
    exhaust the parser's recursion, and no article is shaped like that."""
    depth = 0
    for m in _BRACKET.finditer(_STRING.sub("", text)):
        depth += 1 if m.group() in "[{" else -1
        if depth > limit:
            raise LimitInputError(where, f"JSON nested deeper than {limit} (max_json_depth)")


def check_text(text: str, where: str, limit: int) -> None:
    if len(text) > limit:
        raise LimitInputError(where, f"text of {len(text):,} characters, limit {limit:,} "
                                     "(max_text_chars)")


def loads(line: str, where: str, limits: Limits) -> object:
    """``json.loads`` within the line and depth limits."""
    check_line(line, where, limits.max_line_bytes)
    check_json_depth(line, where, limits.max_json_depth)
    return json.loads(line)
