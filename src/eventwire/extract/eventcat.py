"""eventcat.v1: a sentence classifier for the CAMEO quad class (0-4).

A multinomial logistic regression (L2, fitted with scipy's L-BFGS, deterministic) over
sparse binary features of the parsed sentence: lemma unigrams and bigrams, the dependency
root, negated verbs, and the trigger lexicon's own output (categories, quad classes and
lemmas of every trigger and of the main one). The lexicon therefore stays the source of
types; the classifier learns how the gold data weighs them. It trains in seconds on CPU,
so the evaluation can cross-validate it in-process; ``scripts/train_eventcat.py`` writes
the artefact (``data/built/eventcat.json``) from all the gold sentences.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

if TYPE_CHECKING:
    from spacy.tokens import Span

    from eventwire.extract.triggers import EventTyper
    from eventwire.model.candidates import Trigger

N_CLASSES = 5
L2 = 1.0
MIN_COUNT = 2
EXTRACTOR = "eventcat.v1"


def main_trigger(sent: Span, trigs: Sequence[Trigger]) -> Trigger | None:
    """The sentence's main event: the trigger highest in the parse, first on ties."""
    if not trigs:
        return None
    doc = sent.doc

    def depth(t: Trigger) -> int:
        tok, d = doc[t.token_i], 0
        while tok.head.i != tok.i and d < 50:
            tok, d = tok.head, d + 1
        return d

    return min(trigs, key=lambda t: (depth(t), -t.confidence, t.start))


def features(sent: Span, typer: EventTyper) -> list[str]:
    """Sparse binary features of one parsed sentence."""
    toks = [t for t in sent if not t.is_space and not t.is_punct]
    lem = [t.lemma_.lower() for t in toks]
    out = [f"w:{w}" for w in lem]
    out += [f"b:{a}_{b}" for a, b in zip(lem, lem[1:])]
    for tok in toks:
        if tok.dep_ == "ROOT":
            out.append(f"root:{tok.lemma_.lower()}")
        if tok.dep_ == "neg":
            out.append(f"neg:{tok.head.lemma_.lower()}")
        if tok.tag_ == "MD":
            out.append(f"modal:{tok.lower_}")
    trigs = typer.triggers(sent)
    for t in trigs:
        out += [f"t:{t.plover}", f"tq:{typer.quad_of(t)}", f"tl:{t.lemma}", f"tm:{t.mode}"]
    main = main_trigger(sent, trigs)
    if main is None:
        out.append("main:none")
    else:
        q = typer.sentence_quad(sent, main)
        out += [f"m:{main.plover}", f"mq:{q}", f"ml:{main.lemma}", f"mm:{main.mode}"]
    return out


@dataclass
class EventCat:
    """Vocabulary and weights of the fitted model."""

    vocab: dict[str, int]
    weights: np.ndarray  # (n_features + 1, N_CLASSES); last row is the bias

    @classmethod
    def fit(cls, feats: Sequence[list[str]], labels: Sequence[int], l2: float = L2) -> EventCat:
        counts: dict[str, int] = {}
        for fs in feats:
            for f in set(fs):
                counts[f] = counts.get(f, 0) + 1
        vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
        x = _matrix(feats, vocab)
        y = np.zeros((len(labels), N_CLASSES))
        y[np.arange(len(labels)), np.asarray(labels)] = 1.0
        w0 = np.zeros((x.shape[1], N_CLASSES))

        def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
            w = flat.reshape(w0.shape)
            z = x @ w
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            nll = -float(np.sum(y * np.log(p + 1e-12)))
            grad = x.T @ (p - y)
            reg = w[:-1]
            grad[:-1] += l2 * reg
            return nll + 0.5 * l2 * float(np.sum(reg * reg)), np.asarray(grad).ravel()

        res = minimize(loss, w0.ravel(), jac=True, method="L-BFGS-B", options={"maxiter": 300})
        return cls(vocab, res.x.reshape(w0.shape))

    def proba(self, feats: Sequence[list[str]]) -> np.ndarray:
        z = _matrix(feats, self.vocab) @ self.weights
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return np.asarray(p / p.sum(axis=1, keepdims=True))

    def predict_features(self, fs: list[str]) -> tuple[str, float]:
        p = self.proba([fs])[0]
        k = int(np.argmax(p))
        return str(k), float(p[k])

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"model": EXTRACTOR, "vocab": self.vocab, "weights": self.weights.round(6).tolist()}
        path.write_text(json.dumps(data), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> EventCat:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["vocab"], np.asarray(data["weights"], dtype=float))


def _matrix(feats: Iterable[list[str]], vocab: dict[str, int]) -> sparse.csr_matrix:
    rows, cols = [], []
    n = 0
    bias = len(vocab)
    for r, fs in enumerate(feats):
        idx = {vocab[f] for f in fs if f in vocab}
        idx.add(bias)
        rows += [r] * len(idx)
        cols += sorted(idx)
        n = r + 1
    data = np.ones(len(rows))
    return sparse.csr_matrix((data, (rows, cols)), shape=(n, bias + 1))


def folds(n: int, k: int, seed: int) -> list[np.ndarray]:
    """``k`` disjoint index sets covering ``range(n)``, shuffled with a fixed seed."""
    order = np.random.default_rng(seed).permutation(n)
    return [order[i::k] for i in range(k)]


def cross_val_predict(feats: Sequence[list[str]], labels: Sequence[int], k: int = 5,
                      seed: int = 13) -> list[int]:
    """Predictions where each sentence is scored by a model that never saw it."""
    pred = [0] * len(labels)
    for test in folds(len(labels), k, seed):
        held = set(test.tolist())
        train = [i for i in range(len(labels)) if i not in held]
        model = EventCat.fit([feats[i] for i in train], [labels[i] for i in train])
        p = model.proba([feats[i] for i in test])
        for i, row in zip(test.tolist(), p):
            pred[i] = int(np.argmax(row))
    return pred
