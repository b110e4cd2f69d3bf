"""Run the coder without torch: onnxruntime over the int8 ONNX graph, one sentence a run.

Each sentence runs alone, never in a batch with others: the graph quantises its
activations dynamically, with one scale per tensor, so in a batch the padding and the
other sentences' values change a sentence's reading (on 769 sentences of 100 news
articles, run in one batch per article, 5% changed class and a third changed a role
span). Alone, a sentence's reading depends on its words only: the same in an article,
in a gold sentence scored by ``eventwire evaluate``, with one worker or two. It is also
cheaper: no padding (a batch pads every sentence to the longest). Being a function of
the text, a reading is cached (``CACHE``): a sentence repeated across articles (wire
copy, a standard paragraph) is run once per process.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eventwire.data import data_path
from eventwire.errors import SetupError
from eventwire.extract.coder.labels import TAG_INDEX
from eventwire.extract.coder.text import load_tokenizer

EXTRACTOR = "coder.v1"
CACHE = 4096  # readings kept per process, the least recently used dropped first
CACHE_ENV = "EVENTWIRE_CODER_CACHE"  # sets CACHE for every process (0: no cache), e.g. Spark's executors


def cache_size() -> int:
    """``CACHE``, or the whole number in ``EVENTWIRE_CODER_CACHE``."""
    raw = os.environ.get(CACHE_ENV, "").strip()
    if not raw:
        return CACHE
    if not raw.isdigit():
        raise SetupError(f"{CACHE_ENV}={raw!r}: give a whole number of readings to keep (0: none)")
    return int(raw)


def default_model_path() -> Path:
    return data_path("coder") / "coder.int8.onnx"


@dataclass(frozen=True)
class RoleSpan:
    """A tagged role span, ``[start, end)`` into the classified text."""

    role: str  # "source" | "target"
    start: int
    end: int
    score: float  # mean probability of the span's tags
    mass: float  # their sum: how much of the sentence the model puts in this span


@dataclass(frozen=True)
class Coding:
    """The coder's reading of one sentence."""

    quad: int
    probs: tuple[float, ...]  # over the 5 quad classes
    roles: tuple[RoleSpan, ...]

    @property
    def confidence(self) -> float:
        return self.probs[self.quad]

    def best(self, role: str) -> RoleSpan | None:
        spans = [r for r in self.roles if r.role == role]
        return max(spans, key=lambda r: r.mass) if spans else None


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend a span that starts or stops inside a word (a word piece left untagged)."""
    while 0 < start < len(text) and text[start].isalnum() and text[start - 1].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


def decode_roles(text: str, offsets: Sequence[tuple[int, int]], special: Sequence[int],
                 probs: np.ndarray) -> tuple[RoleSpan, ...]:
    """BIO tag probabilities of one sentence -> role spans: each run of word pieces tagged
    with one role (B and I summed: two phrases of one role are rarely adjacent), widened
    to whole words."""
    roles = {"S": [TAG_INDEX["B-S"], TAG_INDEX["I-S"]], "T": [TAG_INDEX["B-T"], TAG_INDEX["I-T"]]}
    by_role = np.stack([probs[:, [TAG_INDEX["O"]]].sum(-1)]
                       + [probs[:, idx].sum(-1) for idx in roles.values()], axis=-1)
    names = ("", *roles)
    tags = by_role.argmax(-1)
    chosen = by_role[np.arange(len(tags)), tags].tolist()  # each piece's probability of its tag
    spans: list[RoleSpan] = []
    cur: list[int] = []
    cur_role = ""

    def close() -> None:
        if cur:
            s, e = _whole_words(text, offsets[cur[0]][0], offsets[cur[-1]][1])
            p = [chosen[i] for i in cur]
            role = "source" if cur_role == "S" else "target"
            spans.append(RoleSpan(role, s, e, sum(p) / len(p), sum(p)))
        cur.clear()

    for i, t in enumerate(tags.tolist()):  # Python ints: no numpy scalar per piece
        role = names[t] if not special[i] else ""
        if not role or role != cur_role:
            close()
        if role:
            cur_role = role
            cur.append(i)
    close()
    return tuple(spans)


class EventCoder:
    """The fine-tuned coder, loaded once; ``code`` reads sentences, each on its own."""

    def __init__(self, path: Path | None = None, threads: int = 1, cache: int | None = None) -> None:
        """``threads``: onnxruntime's threads for one run (1: a worker process per core
        is the engine's parallelism); ``cache``: readings kept (0: none; default
        ``cache_size()``)."""
        path = path or default_model_path()
        if not path.is_file():
            raise SetupError(
                f"event coder model missing: {path}; build it with scripts/train_coder.py"
                " or pass --fast for the rules-only path"
            )
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        self.tokenizer = load_tokenizer()
        self.path = path
        self.cache_size = cache_size() if cache is None else cache
        self._cache: OrderedDict[str, Coding] = OrderedDict()

    def code(self, texts: Sequence[str]) -> list[Coding]:
        """One ``Coding`` per text, in order."""
        return [self._code(text) for text in texts]

    def _code(self, text: str) -> Coding:
        found = self._cache.get(text)
        if found is not None:
            self._cache.move_to_end(text)
            return found
        coding = self._run(text)
        if self.cache_size:
            self._cache[text] = coding
            if len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return coding

    def _run(self, text: str) -> Coding:
        enc = self.tokenizer.encode(text)
        ids = np.array([enc.ids], dtype=np.int64)
        quad_logits, tag_logits = self.session.run(
            None, {"input_ids": ids, "attention_mask": np.ones_like(ids)}
        )
        qp, tp = _softmax(quad_logits[0]), _softmax(tag_logits[0])
        roles = decode_roles(text, enc.offsets, enc.special_tokens_mask, tp)
        return Coding(int(np.argmax(qp)), tuple(qp.tolist()), roles)
