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
def _rules() -> tuple[tuple[re.Pattern[str], ...], int]:
    # lru_cache on an immutable, small data file read: built once, not at import time.
    raw = json.loads(data_path("boilerplate.json").read_text(encoding="utf-8"))
    patterns = tuple(re.compile(p, re.IGNORECASE) for p in raw["line_patterns"])
    return patterns, int(raw["max_line_chars"])


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
    boiler = tuple(
        (start, end)
        for start, end, line in lines
        if (norm_title and _norm(line) == norm_title) or is_boilerplate_line(line)
    )
    return Layout(title, body_start, boiler)


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()
