"""Run the coder without torch: onnxruntime over the int8 ONNX graph, batched."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eventwire.data import data_path
from eventwire.errors import SetupError
from eventwire.extract.coder.labels import TAG_INDEX
from eventwire.extract.coder.text import load_tokenizer

EXTRACTOR = "coder.v1"
BATCH = 32


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
    spans: list[RoleSpan] = []
    cur: list[int] = []
    cur_role = ""

    def close() -> None:
        if cur:
            s, e = _whole_words(text, offsets[cur[0]][0], offsets[cur[-1]][1])
            p = [float(by_role[i, tags[i]]) for i in cur]
            role = "source" if cur_role == "S" else "target"
            spans.append(RoleSpan(role, s, e, sum(p) / len(p), sum(p)))
        cur.clear()

    for i, t in enumerate(tags):
        role = names[int(t)] if not special[i] else ""
        if not role or role != cur_role:
            close()
        if role:
            cur_role = role
            cur.append(i)
    close()
    return tuple(spans)


class EventCoder:
    """The fine-tuned coder, loaded once; ``code`` classifies and tags sentences in batches."""

    def __init__(self, path: Path | None = None, threads: int = 1) -> None:
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
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        self.tokenizer = load_tokenizer()
        self.path = path

    def code(self, texts: Sequence[str], batch: int = BATCH) -> list[Coding]:
        """One ``Coding`` per text, in order; texts of like length share a batch."""
        encs = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encs[i].ids))
        out: dict[int, Coding] = {}
        for k in range(0, len(order), batch):
            idx = order[k : k + batch]
            width = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for r, i in enumerate(idx):
                n = len(encs[i].ids)
                ids[r, :n] = encs[i].ids
                mask[r, :n] = 1
            quad_logits, tag_logits = self.session.run(
                None, {"input_ids": ids, "attention_mask": mask}
            )
            qp, tp = _softmax(quad_logits), _softmax(tag_logits)
            for r, i in enumerate(idx):
                n = len(encs[i].ids)
                roles = decode_roles(texts[i], encs[i].offsets, encs[i].special_tokens_mask,
                                     tp[r, :n])
                probs = tuple(float(p) for p in qp[r])
                out[i] = Coding(int(np.argmax(qp[r])), probs, roles)
        return [out[i] for i in range(len(texts))]
