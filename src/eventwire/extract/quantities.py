"""Counts of people in a sentence: killed, wounded, evacuated, displaced, arrested, fighters.

A count is a number phrase ("34,000", "two", "dozens", "more than 400,000") governing a
noun; its kind comes from that noun ("fighters", "dead") or from the verb that governs it
("had been evacuated", "has killed"), both from ``data/quantities.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.data import data_path
from eventwire.model.candidates import QuantityCandidate, TextSpan
from eventwire.nlp.text import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")


@dataclass(frozen=True)
class QuantityLexicon:
    number_words: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, tuple[int, str]]
    qualifiers: dict[str, str]
    verbs: dict[str, str]
    nouns: dict[str, str]
    people: frozenset[str]

    @classmethod
    def load(cls) -> QuantityLexicon:
        raw = json.loads(data_path("quantities.json").read_text(encoding="utf-8"))
        return cls(
            number_words=raw["number_words"],
            scales=raw["scales"],
            vague={k: (int(v[0]), str(v[1])) for k, v in raw["vague"].items()},
            qualifiers=raw["qualifiers"],
            verbs=raw["verbs"],
            nouns=raw["nouns"],
            people=frozenset(raw["people_nouns"]),
        )


def _is_number(tok: Token, lex: QuantityLexicon) -> bool:
    if tok.ent_type_ in _SKIP_ENTS:
        return False
    low = tok.lower_
    return bool(_DIGITS.match(tok.text)) or low in lex.number_words or low in lex.scales or low in lex.vague


def _value(tokens: list[Token], lex: QuantityLexicon) -> tuple[int, str] | None:
    """Numeric value and implied qualifier of a number phrase."""
    text = " ".join(t.lower_ for t in tokens)
    if text in lex.vague:
        return lex.vague[text]
    total, current = 0.0, 0.0
    for t in tokens:
        low = t.lower_
        if _DIGITS.match(t.text):
            current += float(t.text.replace(",", ""))
        elif low in lex.number_words:
            current += lex.number_words[low]
        elif low in lex.scales:
            current = max(current, 1) * lex.scales[low]
            if lex.scales[low] >= 1000:
                total, current = total + current, 0
        elif low in lex.vague:
            return lex.vague[low]
    value = round(total + current)
    return (value, "exact") if value > 0 else None


def _phrase(sent: Span, i: int, lex: QuantityLexicon) -> list[Token]:
    toks = [sent[i]]
    j = i + 1
    while j < len(sent) and _is_number(sent[j], lex) and sent[j].lower_ not in lex.vague:
        toks.append(sent[j])
        j += 1
    return toks


def _qualifier(sent: Span, first: Token, lex: QuantityLexicon) -> tuple[str, int] | None:
    """A qualifier ending right before the number: ("at_least", start char)."""
    before = [t for t in sent if t.i < first.i][-3:]
    for n in range(len(before), 0, -1):
        words = before[-n:]
        key = " ".join(t.lower_ for t in words)
        if key in lex.qualifiers:
            return lex.qualifiers[key], words[0].idx
    return None


def _noun(last: Token) -> Token | None:
    """The counted noun: the head of a numeric modifier, or "of" + noun for "dozens of"."""
    if last.dep_ in ("nummod", "quantmod", "compound", "amod") and last.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return last.head
    for child in last.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if last.pos_ == "NUM" and last.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos"):
        return None
    return None


def _governing_verb(tok: Token) -> Token | None:
    """The nearest verb above the counted words (at most three arcs up)."""
    node = tok
    for _ in range(3):
        if node.dep_ == "relcl" or node.head is node:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX") or node.tag_ in ("VBN", "VBD"):
            return node
    return None


def _relcl_verb(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "relcl" and child.pos_ in ("VERB", "AUX"):
            return child
    return None


def _kind(noun: Token | None, last: Token, lex: QuantityLexicon) -> str | None:
    """What was counted: a casualty verb wins ("two soldiers were wounded"), then the
    noun ("4,000 fighters", "the dead"), then a relative clause, then plain people."""
    noun_kind = lex.nouns.get(noun.lower_) if noun is not None else None
    verb = _governing_verb(noun if noun is not None else last)
    if noun is not None and verb is None:
        verb = _relcl_verb(noun)
    verb_kind = lex.verbs.get(verb.lemma_.lower()) if verb is not None else None
    if verb_kind and noun_kind in (None, "fighters"):
        return verb_kind
    if noun_kind:
        return noun_kind
    if noun is not None and (noun.lemma_.lower() in lex.people or noun.lower_ in lex.people):
        return "people"
    return None


def find_quantities(sent: Span, lex: QuantityLexicon) -> list[QuantityCandidate]:
    """Every count of people in a sentence, with kind, value, qualifier and span."""
    out: list[QuantityCandidate] = []
    i = 0
    while i < len(sent):
        tok = sent[i]
        if not _is_number(tok, lex) or (tok.lower_ in lex.scales and tok.lower_ not in lex.number_words):
            i += 1
            continue
        toks = _phrase(sent, i, lex)
        i += len(toks)
        val = _value(toks, lex)
        noun = _noun(toks[-1])
        kind = _kind(noun, toks[-1], lex)
        if val is None or kind is None:
            continue
        value, qualifier = val
        qual = _qualifier(sent, toks[0], lex)
        start = qual[1] if qual else toks[0].idx
        if qual:
            qualifier = qual[0]
        end_tok = noun if noun is not None and noun.i > toks[-1].i else toks[-1]
        end = end_tok.idx + len(end_tok.text)
        text = doc_text(sent.doc)[start:end]
        out.append(QuantityCandidate(kind, value, qualifier, TextSpan(text, start, end), token_i=toks[0].i))
    return out
