"""eventwire: news articles in, sourced, geocoded, deduplicated event records out."""

from eventwire.nlp.torchless import install as _torchless

__version__ = "0.1.0"

_torchless()  # spaCy's thinc would import torch, unused, whenever it is installed
