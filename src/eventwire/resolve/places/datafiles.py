"""Readers of the knowledge files the geoparser uses (``eventwire/data``)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eventwire.errors import SetupError


def data_file(*parts: str) -> Path:
    return Path(str(resources.files("eventwire").joinpath("data", *parts)))


def _rows(path: Path) -> list[list[str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise SetupError(f"{path}: knowledge file missing or unreadable; reinstall eventwire") from e
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(",") if x.strip()]


def read_demonyms() -> dict[str, str]:
    """Adjective or demonym ('Syrian', 'Syrians') -> ISO3."""
    return {word: row[0] for row in _rows(data_file("demonyms.tsv")) for word in _split(row[1])}


def read_division_demonyms() -> dict[str, tuple[str, str]]:
    """Adjective or demonym of a division or region ('Chechen') -> (ISO3, place name)."""
    return {word: (row[0], row[1]) for row in _rows(data_file("places", "division_demonyms.tsv"))
            for word in _split(row[2])}


def read_us_states() -> dict[str, tuple[str, ...]]:
    """Postal code -> (name, abbreviations...)."""
    return {row[0]: (row[1], *_split(row[2])) for row in _rows(data_file("us_states.tsv"))}


def read_country_aliases() -> dict[str, list[str]]:
    return {row[0]: _split(row[1]) for row in _rows(data_file("places", "country_aliases.tsv"))}


def read_admin_suffixes() -> dict[str, tuple[str, bool]]:
    """Suffix word -> (level, whether 'the <word> of <name>' is also used)."""
    return {row[0]: (row[1], row[2] == "1") for row in _rows(data_file("places", "admin_suffixes.tsv"))}


def read_org_words() -> frozenset[str]:
    return frozenset(row[0] for row in _rows(data_file("places", "org_words.tsv")))


def read_feature_words() -> frozenset[str]:
    """Generic feature words, never a place alone ('Bay', 'Island', 'Square')."""
    return frozenset(row[0] for row in _rows(data_file("places", "feature_words.tsv")))


def read_local_words() -> frozenset[str]:
    """Last words of street, neighbourhood and building names ('Street', 'Side', 'Hospital')."""
    return frozenset(row[0] for row in _rows(data_file("places", "local_words.tsv")))


def read_after_cues() -> frozenset[str]:
    """Words that, right after a name, show it is a place ('a Gainesville man')."""
    return frozenset(row[0] for row in _rows(data_file("places", "after_cues.tsv")))


def read_regions() -> list[tuple[str, list[str], str, str, tuple[float, float], int]]:
    """Hand-written regions and physical features: (name, aliases, kind, ISO3, point, size)."""
    return [(r[0], _split(r[1]), r[2], r[3], (float(r[4]), float(r[5])), int(r[6]))
            for r in _rows(data_file("places", "regions.tsv"))]


def read_admin1_aliases() -> dict[tuple[str, str], list[str]]:
    """(ISO3, division name) -> short forms ('NSW')."""
    return {(r[0], r[1]): _split(r[2]) for r in _rows(data_file("places", "admin1_aliases.tsv"))}


def read_city_aliases() -> dict[str, str]:
    """Exact short form -> the city's gazetteer name ('L.A.' -> 'Los Angeles')."""
    return {r[0]: r[1] for r in _rows(data_file("places", "city_aliases.tsv"))}


def read_country_points() -> dict[str, tuple[float, float]]:
    """ISO3 -> GeoNames' point for the country where it sits 50 km or more from countryinfo's
    ``latlng`` (how the two are combined: ``build._country_points``)."""
    return {r[0]: (float(r[1]), float(r[2])) for r in _rows(data_file("places", "country_points.tsv"))}


@lru_cache(maxsize=1)
def read_mention_words() -> dict[str, frozenset[str]]:
    """The word tables of ``mentions.py`` ('cue_words', 'directions', 'particles'...), each
    with its use and origin noted in ``places/mention_words.json``; read once."""
    path = data_file("places", "mention_words.json")
    try:
        tables = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise SetupError(f"{path}: knowledge file missing or unreadable; reinstall eventwire") from e
    return {name: frozenset(t["words"]) for name, t in tables.items() if not name.startswith("_")}


CENSUS_NAME_FILES = ("dist.all.last", "dist.male.first", "dist.female.first")


def read_personal_names(min_percent: float) -> frozenset[str]:
    """First names and surnames borne by at least ``min_percent`` % of the people of the
    US census (the ``names`` package's lists, 1990), upper-case ('MARTIN', 'LINCOLN')."""
    try:
        import names
    except ImportError as e:
        raise SetupError("package 'names' is missing; install eventwire's dependencies "
                         "(bash scripts/setup.sh)") from e
    out: set[str] = set()
    for fname in CENSUS_NAME_FILES:
        path = Path(str(resources.files(names).joinpath(fname)))
        for row in _rows(path):
            cells = row[0].split()
            if len(cells) >= 2 and float(cells[1]) >= min_percent:
                out.add(cells[0])
    return frozenset(out)
