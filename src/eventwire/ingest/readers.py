"""Read files into ``Article`` records: plain text, HTML, JSON Lines, RSS/Atom, WARC.

``read_path`` yields ``Article`` or ``InputError`` values: one bad line of a JSON Lines
file or one bad file of a folder is reported, and the rest goes on. The work one input
may cause is bounded by ``Limits`` (``eventwire.ingest.limits``), checked while reading.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from eventwire.errors import InputError, MalformedInputError, NotEnglishInputError
from eventwire.ingest.decode import decode
from eventwire.ingest.language import looks_english
from eventwire.ingest.limits import (
    DEFAULT_LIMITS,
    Limits,
    check_header,
    check_text,
    gunzip_bounded,
    loads,
    read_bounded,
)
from eventwire.ingest.plaintext import layout
from eventwire.model import Article

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".gz"}


def article_id(text: str) -> str:
    """Stable id: a hash of the text with whitespace normalised."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def parse_date(value: object) -> date | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(value))
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def make_article(
    text: str,
    path: str,
    *,
    title: str | None = None,
    published: date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    headline_first: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> Article:
    """Build an Article; ``headline_first``: the first line of ``text`` is its headline."""
    check_text(text, path, limits.max_text_chars)
    if not looks_english(text):
        raise NotEnglishInputError(path, "eventwire reads English news only")
    lay = layout(text, None if headline_first else (title or ""))
    return Article(
        id=article_id(text),
        title=lay.title or None,
        text=text,
        published=published,
        outlet=outlet,
        url=url,
        path=path,
        boilerplate=lay.boilerplate,
        body_start=lay.body_start,
    )


def read_text(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[Article]:
    yield make_article(decode(data, path), path, limits=limits)


def read_html(data: bytes, path: str, url: str | None = None,
              limits: Limits = DEFAULT_LIMITS) -> Iterator[Article]:
    import trafilatura

    html = decode(data, path)
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_recall=True)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise MalformedInputError(path, "no article text found in the HTML")
    yield make_article(
        body,
        path,
        title=getattr(doc, "title", None),
        published=parse_date(getattr(doc, "date", None)),
        outlet=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        url=getattr(doc, "url", None) or url,
        headline_first=False,
        limits=limits,
    )


def read_jsonl(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[Article | InputError]:
    text = decode(data, path)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            yield _jsonl_article(line, where, limits)
        except InputError as e:
            yield e


def _jsonl_article(line: str, where: str, limits: Limits) -> Article:
    try:
        obj = loads(line, where, limits)
    except json.JSONDecodeError as e:
        raise MalformedInputError(where, f"invalid JSON: {e.msg}") from e
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
        raise MalformedInputError(where, 'a JSON Lines article needs a non-empty "text" field')
    return make_article(
        obj["text"],
        where,
        title=obj.get("title"),
        published=parse_date(obj.get("published")),
        outlet=obj.get("outlet"),
        url=obj.get("url"),
        headline_first=False,
        limits=limits,
    )


def read_feed(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[Article | InputError]:
    import feedparser
    import trafilatura

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = str(getattr(feed, "bozo_exception", "")) or "no entries"
        raise MalformedInputError(path, f"not a readable RSS/Atom feed: {reason}")
    for n, entry in enumerate(feed.entries, 1):
        where = f"{path}#{n}"
        html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        body = trafilatura.extract(f"<html><body>{html}</body></html>") or _strip_tags(html)
        if not body.strip():
            yield MalformedInputError(where, "feed entry without text")
            continue
        try:
            yield make_article(
                body,
                where,
                title=entry.get("title"),
                published=_feed_date(entry),
                outlet=feed.feed.get("title"),
                url=entry.get("link"),
                headline_first=False,
                limits=limits,
            )
        except InputError as e:
            yield e


def _feed_date(entry: dict[str, object]) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return date(parsed[0], parsed[1], parsed[2])  # type: ignore[index]
    return None


def _strip_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def read_warc(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[Article | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    check_header(data, path, limits.max_header_bytes)
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response":
                continue
            ctype = record.http_headers.get_header("Content-Type") if record.http_headers else ""
            if ctype and "html" not in ctype:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{path}#{url}"
            try:
                yield from read_html(record.content_stream().read(), where, url=url, limits=limits)
            except InputError as e:
                yield e
    except ArchiveLoadFailed as e:
        raise MalformedInputError(path, f"not a readable WARC archive: {e}") from e


def sniff(data: bytes, suffix: str) -> str:
    """Format of a file: by suffix first, then by its first bytes."""
    head = data[:2048].lstrip().lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix == ".warc" or head.startswith(b"warc/"):
        return "warc"
    if suffix in HTML_SUFFIXES or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if suffix in FEED_SUFFIXES or b"<rss" in head or b"<feed" in head:
        return "feed"
    if head.startswith(b"{") and b'"text"' in head:
        return "jsonl"
    return "text"


READERS: dict[str, Callable[..., Iterator[Article | InputError]]] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "feed": read_feed,
    "warc": read_warc,
}


def read_path(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Article | InputError]:
    """Every article in one file, or the error that stopped it (as a value)."""
    name = str(path)
    try:
        data = _read_bytes(path, name, limits)
        kind = sniff(data, Path(path.stem).suffix if path.suffix == ".gz" else path.suffix.lower())
        yield from READERS[kind](data, name, limits=limits)
    except InputError as e:
        yield e
    except (OSError, EOFError, ValueError, RecursionError) as e:
        yield MalformedInputError(name, str(e).splitlines()[0] if str(e) else type(e).__name__)


def _read_bytes(path: Path, name: str, limits: Limits) -> bytes:
    """The file's bytes, inflated if gzipped, within the size limits (read no further)."""
    with path.open("rb") as fh:
        if path.suffix == ".gz" and fh.peek(2)[:2] == b"\x1f\x8b":
            return gunzip_bounded(fh, name, limits.max_decompressed_bytes)
        return read_bounded(fh, name, limits.max_file_bytes)


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[InputError]]:
    """Files named, and files under folders named (sorted); missing paths as errors."""
    files: list[Path] = []
    errors: list[InputError] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")))
        elif p.is_file():
            files.append(p)
        else:
            errors.append(MalformedInputError(str(p), "no such file or folder"))
    return files, errors
