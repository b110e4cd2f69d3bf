"""The one tune/test split of every dev set: a fixed hash of a stable key.

Every gold set in ``../shared/gold`` is split once, by the SHA-256 of a key that does not
change (a document, incident or sentence), so that a record never moves between halves
and records that belong together (several verbs of one sentence, several articles of one
incident) stay in the same half. Errors are read, rules tuned and models trained on
``tune`` only; the README quotes ``test``.

| corpus | key | tune share |
|---|---|---|
| cameo-sentences | sentence text | 70% (the split the role rules were already tuned on) |
| acled-types | snippet id | 50% |
| gva-dev | incident id | 50% |
| event-location | sentence text | 50% |
| toponyms (LGL, GeoVirus, GeoWebNews) | article id | 50% |

| attribution (PolNeAR dev) | article name | 50% |

PolNeAR (``attribution``) also comes split: build on ``train/``; its ``dev/`` is halved
as above, rules tuned on the tune half, the test half quoted beside the whole.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Part = Literal["tune", "test"]


def part(key: str, tune_percent: int = 50) -> Part:
    """``tune`` or ``test`` for ``key``: the first 8 bytes of its SHA-256, mod 100."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return "tune" if int.from_bytes(digest[:8], "big") % 100 < tune_percent else "test"
