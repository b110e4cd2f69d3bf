"""Where the page's static files are: our own, Leaflet's, and the countries of the basemap.

Nothing third-party is vendored in the repository and nothing needs npm at install time:
Leaflet's distribution files come from the pinned PyPI package ``django-js-lib-leaflet``
(Leaflet 1.9.4's ``dist`` folder as package data; we read its files and never import it,
so Django is not needed), and the basemap's country outlines are built from the GeoJSON
that the pinned ``countryinfo`` package ships. A Leaflet build put in
``static/vendor/leaflet/`` by hand is preferred. Without Leaflet the page shows its table
and timeline and says what is missing.
"""

from __future__ import annotations

import json
from importlib import metadata, resources
from pathlib import Path
from typing import Any

STATIC_DIR = Path(__file__).parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
LEAFLET_DIST = ("django-js-lib-leaflet", "js_lib_leaflet/static/js_lib_leaflet")
LEAFLET_FILES = ("leaflet.js", "leaflet.css")
BUILD_COMMAND = "pip install django-js-lib-leaflet==1.9.4.1"


def leaflet_dir() -> Path | None:
    """The folder holding ``leaflet.js``, ``leaflet.css`` and ``images/``, if any."""
    built = VENDOR_DIR / "leaflet"
    if all((built / name).is_file() for name in LEAFLET_FILES):
        return built
    try:
        found = Path(str(metadata.distribution(LEAFLET_DIST[0]).locate_file(LEAFLET_DIST[1])))
    except metadata.PackageNotFoundError:
        return None
    return found if all((found / name).is_file() for name in LEAFLET_FILES) else None


def missing_vendor_assets() -> list[str]:
    """The files the map needs that are not there (empty when all are)."""
    missing = [] if leaflet_dir() is not None else [f"leaflet/{n}" for n in LEAFLET_FILES]
    if not _country_files():
        missing.append("countryinfo country outlines")
    return missing


def missing_message(missing: list[str]) -> str:
    return f"map assets missing ({', '.join(missing)}): run `{BUILD_COMMAND}` to show the map"


def _country_files() -> list[Any]:
    try:
        folder = resources.files("countryinfo") / "data"
    except ModuleNotFoundError:
        return []
    return sorted((f for f in folder.iterdir() if f.name.endswith(".json")), key=lambda f: f.name)


def countries_geojson() -> bytes:
    """Every country outline countryinfo has, as one GeoJSON FeatureCollection."""
    features = []
    for f in _country_files():
        data = json.loads(f.read_text(encoding="utf-8"))
        for feature in (data.get("geoJSON") or {}).get("features") or ():
            features.append({"type": "Feature", "geometry": feature.get("geometry"),
                             "properties": {"iso3": (data.get("ISO") or {}).get("alpha3")}})
    return json.dumps({"type": "FeatureCollection", "features": features},
                      separators=(",", ":")).encode()
