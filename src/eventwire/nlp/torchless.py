"""Keep torch out of spaCy's import: thinc (spaCy's network library) imports torch at
start-up whenever it is installed (``thinc.compat``), for wrappers this pipeline never
uses. In an environment where torch is present (the coder's training extra), that import
alone held about 200 MB in the parent and so in every forked worker, and 0.5 s of start-up.

``install`` adds an import hook that answers "not installed" to thinc's own ``import
torch`` and to no one else's: a script that imports torch itself gets it, and where torch
was imported before spaCy, thinc finds it loaded and uses it as before.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

BLOCKED = "torch"
IMPORTER = "thinc.compat"  # the module whose import of torch is refused


class _NoTorchForThinc:
    """A ``sys.meta_path`` finder: refuses ``torch`` while ``thinc.compat`` imports it."""

    @staticmethod
    def find_spec(name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if name != BLOCKED:
            return None
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_globals.get("__name__") == IMPORTER:
                raise ModuleNotFoundError(f"{BLOCKED} is not used by eventwire's spaCy pipeline", name=name)
            frame = frame.f_back  # type: ignore[assignment]
        return None


def install() -> None:
    """Add the hook once, first in ``sys.meta_path``; a no-op once thinc is loaded."""
    if IMPORTER in sys.modules or any(isinstance(f, _NoTorchForThinc) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _NoTorchForThinc())  # type: ignore[arg-type]
