"""Bytes to text: refuse empty, binary, huge and undecodable input with a clear error."""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from eventwire.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingInputError,
    TooLargeInputError,
)

MAX_BYTES = 20 * 1024 * 1024  # a news article is kilobytes; a feed or WARC a few MB
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB (no UTF-16 BOM)."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(4, len(head) // 100)


def decode(data: bytes, path: str, max_bytes: int = MAX_BYTES) -> str:
    """Decode article bytes, or raise an ``InputError`` naming ``path``."""
    if len(data) > max_bytes:
        raise TooLargeInputError(path, f"{len(data):,} bytes, limit {max_bytes:,}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _non_empty(data.decode(encoding), path)
            except UnicodeDecodeError as e:
                raise EncodingInputError(path, f"bad {encoding}: {e.reason}") from e
    if not data.strip():
        raise EmptyInputError(path)
    if looks_binary(data):
        raise BinaryInputError(path)
    try:
        return _non_empty(data.decode("utf-8"), path)
    except UnicodeDecodeError as e:
        return _non_empty(_guess(data, path, e), path)


def _guess(data: bytes, path: str, err: UnicodeDecodeError) -> str:
    """Not UTF-8: accept a confident single-byte guess whose text is mostly letters."""
    best = from_bytes(data).best()
    if best is None or best.chaos > 0.1:
        raise EncodingInputError(path, f"invalid UTF-8 at byte {err.start}") from err
    text = str(best)
    letters = sum(ch.isalpha() or ch.isspace() for ch in text)
    if letters < 0.8 * len(text) or _mixed_scripts(text):
        raise EncodingInputError(path, f"invalid UTF-8 at byte {err.start}") from err
    return text


def _mixed_scripts(text: str) -> bool:
    """Mostly-ASCII text whose few other letters are not Latin: a wrong guess
    (English with stray bytes decoded as Cyrillic or Greek), not a real encoding."""
    ascii_letters = sum(ch.isascii() and ch.isalpha() for ch in text)
    foreign = sum(ch.isalpha() and "LATIN" not in unicodedata.name(ch, "") for ch in text)
    return 0 < foreign < ascii_letters


def _non_empty(text: str, path: str) -> str:
    if not text.strip():
        raise EmptyInputError(path)
    return text
