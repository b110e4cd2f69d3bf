"""Plain-text articles: first line is the headline; boilerplate lines are marked, not cut.

The article text is kept exactly as given so that every offset indexes the file's own
words; boilerplate (a repeated headline, a photo credit such as "© Getty") is recorded
as ranges that later stages blank out.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.data import data_path


@dataclass(frozen=True)
class Layout:
    title: str | None
    body_start: int
    boilerplate: tuple[tuple[int, int], ...]


@lru_cache(maxsize=1)
def _raw() -> dict[str, object]:
    # lru_cache on an immutable, small data file read: built once, not at import time.
    return json.loads(data_path("boilerplate.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern[str], ...], int]:
    raw = _raw()
    patterns = tuple(re.compile(p, re.IGNORECASE) for p in raw["line_patterns"])  # type: ignore[attr-defined]
    return patterns, int(raw["max_line_chars"])  # type: ignore[call-overload]


@lru_cache(maxsize=1)
def _span_rules() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in _raw().get("span_patterns", ()))  # type: ignore[attr-defined]


def furniture_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Page furniture inside running text: a "Posted: <date> <time>" stamp run together
    with a headline, "(Published Sunday, May 31, 2015)", the time zone after a clock time
    ("5:46 PM EST"). Each match, or only its group ``x`` where it has one."""
    found = {m.span("x") if "x" in pat.groupindex else m.span()
             for pat in _span_rules() for m in pat.finditer(text, start, len(text) if end is None else end)}
    return sorted(s for s in found if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in found))


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, stripped line) for every line, offsets into ``text``."""
    out: list[tuple[int, int, str]] = []
    for m in re.finditer(r"[^\r\n]*", text):
        if m.start() == m.end() and out and out[-1][1] == m.start():
            continue
        line = m.group()
        lead = len(line) - len(line.lstrip())
        stripped = line.strip()
        out.append((m.start() + lead, m.start() + lead + len(stripped), stripped))
    return out


def is_boilerplate_line(line: str) -> bool:
    patterns, max_chars = _rules()
    if not line or len(line) > max_chars:
        return False
    return any(p.search(line) for p in patterns)


def layout(text: str, title: str | None = None) -> Layout:
    """Find the headline, where the body starts, and the boilerplate lines.

    With ``title`` given (HTML, JSON Lines), the text has no headline line of its own;
    otherwise its first line is the headline.
    """
    lines = [ln for ln in _lines(text) if ln[2]]
    if not lines:
        return Layout(title, 0, ())
    body_start = 0
    if title is None and len(lines) > 1 and len(lines[0][2]) <= 300:
        title, body_start, lines = lines[0][2], lines[0][1], lines[1:]
    norm_title = _norm(title) if title else None
    whole = [(start, end) for start, end, line in lines
             if (norm_title and _norm(line) == norm_title) or is_boilerplate_line(line)]
    inside = [span for start, end, _ in lines for span in furniture_spans(text, start, end)
              if not any(a <= span[0] and span[1] <= b for a, b in whole)]
    return Layout(title, body_start, tuple(sorted(whole + inside)))


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()
