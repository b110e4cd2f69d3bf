"""Score what ``eventwire extract`` outputs against PolNeAR attributions (``../shared/gold/attribution``).

PolNeAR (Newell, Margolin and Ruths, LREC 2018) annotates every attribution of a news
article as a ``Source`` (who), a ``Cue`` and a ``Content`` (what is attributed), in brat
standoff. The articles run through the same ``Pipeline`` as ``eventwire extract``; the
product's quotes (direct and indirect) and events are scored:

* **content recall**: a gold content is *found* when the product quotes that lie in it
  (at least half of a quote's word tokens inside the content) together cover at least
  half of the content's word tokens. Word tokens are ``\\w+`` runs; a discontinuous
  content is the union of its pieces. Reported apart for *quoted* contents (holding a
  quotation mark) and *paraphrase* (none).
* **source**: over found contents that have a gold source, the share whose best-covering
  product quote has a speaker naming it: the speaker's words and the gold source's share
  a content word (a pronoun source — "he", "she", "they", "it", "I", "we" — is first
  resolved to the nearest gold source before it that is not a pronoun nor a relative
  pronoun, so "he" is right
  when the product names the person it stands for, or the pronoun itself; a relative
  pronoun source — "who", "which", "that" — to the words it follows, up to five back from
  the last clause mark: "the ministry, which said" is right when the product names the
  ministry).
* **quote precision**: the share of the product's quotes that lie in some gold content
  (same "at least half of the quote's tokens" rule).
* **unsourced events**: of the product's events whose trigger lies inside a gold content
  with a source, the share that carry no ``source``: reported words turned into facts.

Halves: ``split.part(article name, 50)`` splits a folder into ``tune`` (errors read,
rules tuned) and ``test`` (quoted beside the whole folder).

Annotator duplicates in ``train/`` (``NAME_XXXX.ann`` for one ``NAME.txt``): the file
whose annotator suffix sorts first is taken, so the choice never changes. Build on
``train/``; the README quotes ``dev/``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import EvaluationError
from eventwire.model import ArticleDoc

WORD = re.compile(r"\w+")
QUOTE_MARKS = frozenset("\"“”")
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "him", "her", "them", "you"})
RELATIVES = frozenset({"who", "which", "that"})
CLAUSE_MARK = re.compile(r"[;:!?()\n\u2014\u201c\u201d\"]|, ")
ANTECEDENT_WORDS = 5
STOP = frozenset({"the", "a", "an", "of", "s", "and", "to", "in", "for", "on", "his", "her", "its",
                  "their", "mr", "mrs", "ms", "dr"})


Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    content: tuple[tuple[int, int], ...]
    content_text: str
    source: tuple[tuple[int, int], ...] | None
    source_text: str | None
    referent_text: str | None  # a pronoun source resolved to the name before it
    cue_text: str = ""


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


@dataclass
class Tally:
    contents: int = 0
    found: int = 0
    quoted: int = 0
    quoted_found: int = 0
    sourced_found: int = 0
    source_right: int = 0
    quotes: int = 0
    quotes_right: int = 0
    direct: int = 0
    direct_right: int = 0
    events_inside: int = 0
    events_unsourced: int = 0
    misses: list[dict[str, object]] = field(default_factory=list)


# -- reading the gold -----------------------------------------------------------------


def article_files(split_dir: Path) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs, one annotation file per article (first annotator suffix)."""
    texts = split_dir / "text"
    anns = split_dir / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise EvaluationError(f"{split_dir}: expected text/ and attributions/ (PolNeAR layout)")
    chosen: dict[str, Path] = {}
    for ann in sorted(anns.glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(name, ann)
    return [(texts / f"{name}.txt", ann) for name, ann in sorted(chosen.items())
            if (texts / f"{name}.txt").is_file()]


def _spans(field_text: str) -> tuple[tuple[int, int], ...]:
    parts = []
    for piece in field_text.split(";"):
        start, end = piece.split()[-2:]
        parts.append((int(start), int(end)))
    return tuple(parts)


def read_article(text_path: Path, ann_path: Path) -> GoldArticle:
    try:
        text = text_path.read_text(encoding="utf-8")
        lines = ann_path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise EvaluationError(f"{ann_path}: cannot read ({e})") from e
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    relations: list[dict[str, str]] = []
    for line in lines:
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label = cols[1].split(" ", 1)[0]
            try:
                spans[cols[0]] = (label, _spans(cols[1].split(" ", 1)[1]))
            except (IndexError, ValueError) as e:
                raise EvaluationError(f"{ann_path}: bad span line {line!r}") from e
        elif line.startswith("E") and len(cols) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in cols[1].split() if ":" in arg))
    gold = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if content is None:
            continue
        source = spans.get(rel.get("Source", ""))
        cue = spans.get(rel.get("Cue", ""))
        gold.append((content[1], source[1] if source else None, cue[1] if cue else ()))
    return GoldArticle(text_path.stem, text, tuple(_with_referents(text, gold)))


def _join(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    return " ".join(text[s:e] for s, e in spans)


def _with_referents(
    text: str, gold: list[tuple[Spans, Spans | None, Spans]]
) -> Iterable[GoldAttribution]:
    named = sorted(
        (src[0][0], _join(text, src)) for _, src, _ in gold
        if src is not None and not _is_pronoun(_join(text, src)) and not _is_relative(_join(text, src))
    )
    for content, source, cue in gold:
        src_text = _join(text, source) if source else None
        referent = src_text
        if source is not None and src_text is not None and _is_pronoun(src_text):
            before = [t for s, t in named if s < source[0][0]]
            referent = before[-1] if before else src_text
        elif source is not None and src_text is not None and _is_relative(src_text):
            referent = antecedent(text, source[0][0])
        yield GoldAttribution(content, _join(text, content), source, src_text, referent,
                              _join(text, cue))


def _is_pronoun(words: str) -> bool:
    return words.strip().lower() in PRONOUNS


def _is_relative(words: str) -> bool:
    return words.strip().lower() in RELATIVES


def antecedent(text: str, at: int) -> str:
    """The words a relative pronoun at ``at`` follows ("the ministry, which said ...":
    "the ministry"): up to ``ANTECEDENT_WORDS`` words back, not past a clause mark."""
    before = text[max(0, at - 200):at].rstrip(" ,\u2014-")
    clause = CLAUSE_MARK.split(before)[-1]
    return " ".join(clause.split()[-ANTECEDENT_WORDS:])


# -- scoring --------------------------------------------------------------------------


def token_set(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Start offsets of the word tokens of ``text`` inside ``spans``."""
    out: set[int] = set()
    for s, e in spans:
        out.update(m.start() for m in WORD.finditer(text, s, e) if m.end() <= e)
    return frozenset(out)


def content_words(words: str | None) -> set[str]:
    if not words:
        return set()
    return {w for w in re.findall(r"[a-z0-9]+", words.lower().replace("\u2019", "'"))
            if w not in STOP and len(w) > 1}


def source_matches(gold: GoldAttribution, speaker: str | None) -> bool:
    got = content_words(speaker)
    if not got:
        return False
    return bool(got & (content_words(gold.referent_text) | content_words(gold.source_text)))


def score_article(gold: GoldArticle, doc: ArticleDoc, tally: Tally) -> None:
    text = gold.text
    preds = [(q, token_set(text, [(q.start, q.end)])) for q in doc.quotes]
    preds = [(q, toks) for q, toks in preds if toks]
    contents = [(g, token_set(text, g.content)) for g in gold.attributions]
    contents = [(g, toks) for g, toks in contents if toks]
    for q, toks in preds:
        right = any(len(toks & c) * 2 >= len(toks) for _, c in contents)
        tally.quotes += 1
        tally.quotes_right += right
        tally.direct += q.direct
        tally.direct_right += q.direct and right
        if not right:
            tally.misses.append({"article": gold.name, "kind": "wrong_quote", "text": q.text[:200]})
    for g, ctoks in contents:
        quoted = any(ch in QUOTE_MARKS for ch in g.content_text)
        inside = [(q, toks & ctoks) for q, toks in preds if len(toks & ctoks) * 2 >= len(toks)]
        covered: set[int] = set()
        for _, shared in inside:
            covered |= shared
        found = len(covered) * 2 >= len(ctoks)
        tally.contents += 1
        tally.quoted += quoted
        tally.found += found
        tally.quoted_found += found and quoted
        if not found:
            tally.misses.append({"article": gold.name, "kind": "content_missed", "quoted": quoted,
                                 "cue": g.cue_text, "text": g.content_text[:200], "source": g.source_text,
                                 "context": text[max(0, g.content[0][0] - 120):g.content[-1][1] + 40]})
            continue
        if g.source is None:
            continue
        best = max(inside, key=lambda pair: len(pair[1]))[0]
        speaker = best.speaker.text if best.speaker else None
        if speaker and best.speaker and best.speaker.name != speaker:
            speaker = f"{speaker} {best.speaker.name}"
        tally.sourced_found += 1
        right = source_matches(g, speaker)
        tally.source_right += right
        if not right:
            tally.misses.append({"article": gold.name, "kind": "wrong_source", "gold": g.source_text,
                                 "referent": g.referent_text, "got": speaker, "cue": g.cue_text,
                                 "text": g.content_text[:120], "quote": best.text[:120]})
    sourced = [g for g, _ in contents if g.source is not None]
    for event in doc.events:
        at = event.evidence.trigger_start
        if at is None or not any(s <= at < e for g in sourced for s, e in g.content):
            continue
        tally.events_inside += 1
        if event.source is None:
            tally.events_unsourced += 1
            tally.misses.append({"article": gold.name, "kind": "unsourced_event",
                                 "trigger": event.evidence.trigger, "at": at,
                                 "sentence": event.evidence.sentence[:200]})


def figures(t: Tally) -> dict[str, object]:
    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    return {
        "contents": t.contents,
        "content_recall": ratio(t.found, t.contents),
        "quoted_recall": ratio(t.quoted_found, t.quoted),
        "paraphrase_recall": ratio(t.found - t.quoted_found, t.contents - t.quoted),
        "source": ratio(t.source_right, t.sourced_found),
        "quotes": t.quotes,
        "quote_precision": ratio(t.quotes_right, t.quotes),
        "direct_quote_precision": ratio(t.direct_right, t.direct),
        "events_inside": t.events_inside,
        "unsourced_events": ratio(t.events_unsourced, t.events_inside),
    }


def digest(files: list[tuple[Path, Path]]) -> str:
    h = hashlib.sha256()
    for text, ann in files:
        h.update(text.read_bytes())
        h.update(ann.read_bytes())
    return h.hexdigest()


def run(split_dir: Path, *, limit: int = 0, half: str | None = None) -> tuple[dict[str, object], Tally, str]:
    """Figures, tally and digest of one split (``half``: only its tune or test articles)."""
    found, tallies, sha = run_halves(split_dir, limit=limit, halves=(half,) if half else ())
    key = half or "all"
    return found[key], tallies[key], sha


def run_halves(
    split_dir: Path, *, limit: int = 0, halves: tuple[str, ...] = ("tune", "test")
) -> tuple[dict[str, dict[str, object]], dict[str, Tally], str]:
    """One pass of the pipeline; figures of the whole split (``all``) and of each half.

    The halves are ``split.part(article name, 50)``: errors are read and rules tuned on
    ``tune``; ``test`` is quoted beside the whole."""
    from eventwire.evaluate.split import part
    from eventwire.ingest.readers import make_article
    from eventwire.pipeline import Pipeline

    files = article_files(split_dir)
    if limit:
        files = files[:limit]
    golds = [read_article(t, a) for t, a in files]
    if halves and len(halves) == 1:
        golds = [g for g in golds if part(g.name, 50) == halves[0]]
    pipeline = Pipeline.load()
    # read as ``eventwire extract`` reads a .txt file: the first line is the headline
    articles = [make_article(g.text, g.name) for g in golds]
    tallies = {"all": Tally(), **{h: Tally() for h in halves}}
    for gold, doc in zip(golds, pipeline.process(articles), strict=True):
        score_article(gold, doc, tallies["all"])
        h = part(gold.name, 50)
        if h in tallies:
            score_article(gold, doc, tallies[h])
    if halves and len(halves) == 1:
        tallies[halves[0]] = tallies["all"]
    return {k: figures(t) for k, t in tallies.items()}, tallies, digest(files)


def _print(label: str, found: dict[str, object]) -> None:
    print(f"  [{label}] content recall={found['content_recall']} (quoted={found['quoted_recall']} "
          f"paraphrase={found['paraphrase_recall']})  source={found['source']}  "
          f"of {found['contents']} contents")
    print(f"  [{label}] quote precision={found['quote_precision']} of {found['quotes']} "
          f"(direct={found['direct_quote_precision']})  events inside attributed "
          f"content={found['events_inside']} unsourced={found['unsourced_events']}")


def main(split_dir: Path, *, limit: int = 0, misses: Path | None = None,
         halves: tuple[str, ...] = ("tune", "test")) -> dict[str, object]:
    """Score the product on one PolNeAR split (whole, and each half); print the figures,
    write the misses of the tune half (or of the one half asked) and return the whole's."""
    import json

    found, tallies, sha = run_halves(split_dir, limit=limit, halves=halves)
    n = len(article_files(split_dir)) if not limit else min(limit, len(article_files(split_dir)))
    print(f"PolNeAR {split_dir.name}: {n} articles, sha256:{sha[:12]}")
    for key in ("all", *halves) if len(halves) != 1 else halves:
        _print(key, found[key])
    if misses is not None:
        which = "tune" if "tune" in tallies else (halves[0] if halves else "all")
        with misses.open("w", encoding="utf-8") as fh:
            for m in tallies[which].misses:
                fh.write(json.dumps(m, ensure_ascii=False) + "\n")
    return found["all"]
