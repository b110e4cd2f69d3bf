"""Run gold sentences through the pipeline exactly as ``eventwire extract`` runs them.

Each gold text becomes an Article the way a JSON Lines line ``{"text": ...}`` does
(``ingest.readers.make_article``, no headline line, language check included), and the
whole ``Pipeline.process`` runs over them: the records scored are the records a user
gets. A text the reader refuses (not English, empty) is kept as a refusal with its reason.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.errors import EvaluationError, InputError
from eventwire.model import Actor, Article, ArticleDoc, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from eventwire.pipeline import Pipeline

MAIN_EVENT = (
    "main event: the first event of the sentence's record that the record marks as its "
    "sentence's main happening (evidence.main), else the first in text order (smallest "
    "trigger start)"
)


@dataclass(frozen=True)
class Output:
    """What ``extract`` gives for one gold text: its record, or the reason it refused it."""

    text: str
    doc: ArticleDoc | None
    refused: str | None = None
    parsed: Doc | None = None  # the text parsed by the pipeline's own spaCy model

    @property
    def events(self) -> list[Event]:
        """The record's events in text order."""
        if self.doc is None:
            return []
        return sorted(self.doc.events, key=_order)

    def span(self, actor: Actor | None) -> Span | None:
        """The words of ``actor`` as a span of the parsed text (for head-word matching)."""
        if actor is None or self.parsed is None:
            return None
        start, end = actor.start, actor.end
        if start is None or end is None:
            start = self.parsed.text.find(actor.text)
            if start < 0:
                return None
            end = start + len(actor.text)
        return self.parsed.char_span(start, end, alignment_mode="expand")


def _order(ev: Event) -> tuple[int, int]:
    at = ev.evidence.trigger_start
    return (ev.evidence.start if at is None else at, ev.evidence.end)


def main_event(events: Sequence[Event]) -> Event | None:
    """See ``MAIN_EVENT``."""
    marked = [e for e in events if e.evidence.main]
    return min(marked or events, key=_order) if events else None


def load_gold(path: Path) -> list[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    except (OSError, json.JSONDecodeError) as e:
        raise EvaluationError(f"cannot read gold file {path}: {e}") from e


def run(pipeline: Pipeline, texts: Sequence[str], where: str, *, parse: bool = False,
        batch_size: int = 32) -> list[Output]:
    """The ``extract`` output for each text, in order. ``parse``: also keep each text's
    spaCy parse (actor matching reads head words)."""
    from eventwire.ingest.readers import make_article

    articles: list[Article | None] = []
    refused: list[str | None] = []
    for n, text in enumerate(texts, 1):
        try:
            articles.append(make_article(text, f"{where}:{n}", headline_first=False))
            refused.append(None)
        except InputError as e:
            articles.append(None)
            refused.append(e.problem)
    kept = [a for a in articles if a is not None]
    docs = iter(list(pipeline.process(kept, batch_size=batch_size)))
    parsed = iter(list(pipeline.nlp.pipe([a.text for a in kept], batch_size=batch_size))
                  if parse else [])
    out = []
    for text, art, why in zip(texts, articles, refused, strict=True):
        if art is None:
            out.append(Output(text, None, why))
        else:
            out.append(Output(text, next(docs), None, next(parsed, None)))
    return out
