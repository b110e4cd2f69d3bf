"""The coder's label sets: quad classes, role tags, and how PLOVER maps onto the classes."""

from __future__ import annotations

QUADS = (0, 1, 2, 3, 4)
QUAD_NAMES = (
    "verbal cooperation (statement)",
    "verbal cooperation (meeting, agreement)",
    "material cooperation",
    "verbal conflict",
    "material conflict",
)
# BIO over two roles: S = source (who acts), T = target (who is acted on).
TAGS = ("O", "B-S", "I-S", "B-T", "I-T")
TAG_INDEX = {t: i for i, t in enumerate(TAGS)}

# The PLOVER category a learned class falls back to when no lexicon sense of the trigger
# agrees with it (the PLOVER-to-class mapping itself is eventwire.extract.lexicon.PLOVER_QUAD).
CLASS_PLOVER = {4: "ASSAULT", 3: "REJECT", 2: "COOPERATE", 1: "CONSULT", 0: "SUPPORT"}


def four_class(quad: int) -> int:
    """The 4-class scheme: classes 0 and 1 (verbal cooperation) merged into 1."""
    return 1 if quad == 0 else quad
