"""Where the page's static files are, and whether the third-party ones were built.

The third-party files (Leaflet, topojson-client, world-atlas) come from npm at build time
through ``scripts/build_web.sh`` into ``static/vendor/`` (gitignored); without them the
page shows its table and timeline and says which command brings the map.
"""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
VENDOR_FILES = (
    "leaflet/leaflet.js",
    "leaflet/leaflet.css",
    "topojson-client/topojson-client.min.js",
    "world-atlas/countries-50m.json",
)
BUILD_COMMAND = "bash scripts/build_web.sh"


def missing_vendor_assets(vendor_dir: Path = VENDOR_DIR) -> list[str]:
    """The vendor files the map needs that are not there (empty when all are)."""
    return [name for name in VENDOR_FILES if not (vendor_dir / name).is_file()]


def missing_message(missing: list[str]) -> str:
    return (
        f"map assets missing in {VENDOR_DIR} ({', '.join(missing)}): run `{BUILD_COMMAND}`"
        " from the repository (needs npm) to show the map"
    )
