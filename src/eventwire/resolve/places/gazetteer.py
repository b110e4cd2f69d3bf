"""The offline gazetteer: load (building it on first use) and look names up.

The file is a pickle of columns and a folded-name index, written by ``build.py`` under
``eventwire/data/built/`` (not committed). Pickle loads faster here than DuckDB or
SQLite, which would need a query per name; the whole table stays in memory (~200 MB).
"""

from __future__ import annotations

import pickle
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eventwire.errors import SetupError
from eventwire.resolve.places.build import FORMAT_VERSION, build_gazetteer
from eventwire.resolve.places.datafiles import data_file, read_demonyms, read_division_demonyms, read_us_states
from eventwire.resolve.places.names import fold, similarity, skeleton, translit_key

DEFAULT_NAME = "gazetteer.pkl"
SPELLINGS_NAME = "spellings.pkl"
SPELLINGS_VERSION = 2  # bump when translit_key or the index's layout changes
REGION_IN_NO_COUNTRY = "-"  # division_demonyms.tsv's country code of a continent or world region
FUZZY_MIN = 0.75  # least similarity of two spellings of one name (spelled_like)
FUZZY_MIN_LEN = 5  # shortest transliteration key matched by spelling
RUN_TOGETHER_POP = 5000  # smallest town looked for in a run-together name (towns_prefixing)


def default_path() -> Path:
    return data_file("built", DEFAULT_NAME)


LOOKED = 50_000  # names whose lookup is kept (Gazetteer.lookup); then it starts again


@dataclass(frozen=True)
class Entry:
    """One gazetteer place."""

    idx: int
    gid: str
    name: str
    feature: str  # country | admin1 | admin2 | city | continent
    country: str  # ISO3, "" for continents
    admin1: str
    admin2: str
    lat: float
    lon: float
    pop: int
    capital: bool = False  # a national capital ("Washington" the government's seat)


@dataclass(frozen=True)
class Candidate:
    entry: Entry
    alternate: bool  # matched an alternate name, not the main one


class Gazetteer:
    """Columns of places and a folded-name index; built once and passed in."""

    def __init__(self, data: dict, path: Path) -> None:
        self.path = path
        self._gid: list[str] = data["gid"]
        self._name: list[str] = data["name"]
        self._feature: list[str] = data["feature"]
        self._country: list[str] = data["country"]
        self._admin1: list[str] = data["admin1"]
        self._admin2: list[str] = data["admin2"]
        self.lat: np.ndarray = data["lat"]
        self.lon: np.ndarray = data["lon"]
        self.pop: np.ndarray = data["pop"]
        self._index: dict[str, tuple[int, ...]] = data["index"]
        self._capitals: frozenset[int] = frozenset(data.get("capitals", ()))
        self.demonyms = {fold(k): v for k, v in read_demonyms().items()}
        self._division_demonyms = {fold(k): v for k, v in read_division_demonyms().items()}
        self.state_abbrevs = _state_abbreviations()
        self._compact: defaultdict[str, list[int]] | None = None  # see towns_prefixing
        self._spellings: dict[str, tuple[str, ...]] | None = None  # see spelled_like
        self._looked: dict[str, tuple[Candidate, ...]] = {}  # see lookup
        self._country_entry = {self._country[i]: i for i, f in enumerate(self._feature) if f == "country"}

    def __len__(self) -> int:
        return len(self._gid)

    def entry(self, idx: int) -> Entry:
        return Entry(idx, self._gid[idx], self._name[idx], self._feature[idx], self._country[idx],
                     self._admin1[idx], self._admin2[idx], float(self.lat[idx]),
                     float(self.lon[idx]), int(self.pop[idx]), idx in self._capitals)

    def lookup(self, name: str) -> list[Candidate]:
        """Places called ``name`` (any spelling that folds the same), most populous first.
        Kept per name (``LOOKED``): an article asks for its names again and again."""
        found = self._looked.get(name)
        if found is None:
            codes = self._index.get(fold(name), ())
            found = tuple(sorted((Candidate(self.entry(c // 2), bool(c % 2)) for c in codes),
                                 key=lambda c: (-c.entry.pop, c.entry.idx)))
            if len(self._looked) >= LOOKED:
                self._looked.clear()
            self._looked[name] = found
        return list(found)

    def spelled_like(self, name: str, min_similarity: float = FUZZY_MIN) -> list[tuple[str, float]]:
        """Gazetteer names spelled like ``name`` in another romanisation ('Maarat al-Numan'
        -> 'maarrat an numan'), each with its similarity (1 - edit distance / length, on
        ``translit_key``), best first; names of ``FUZZY_MIN_LEN`` letters or more only.
        The index is built on first use (a few seconds), not at load."""
        key = translit_key(name)
        if len(key) < FUZZY_MIN_LEN:
            return []
        found = [(folded, similarity(key, translit_key(folded))) for folded in self.warm().get(skeleton(key), ())]
        return sorted((f for f in found if f[1] >= min_similarity), key=lambda f: (-f[1], f[0]))

    def warm(self) -> dict[str, tuple[str, ...]]:
        """Read what loads on first use (the spelling index) now, and return it: a process
        that forks workers calls this first, so that they share one copy instead of each
        reading its own."""
        if self._spellings is None:
            self._spellings = self.spelling_index()
        return self._spellings

    def spelling_index(self) -> dict[str, tuple[str, ...]]:
        """The skeleton -> folded names index of ``spelled_like``, kept beside the gazetteer
        file (``spellings.pkl``), made from it on first use when missing or stale."""
        path = self.path.with_name(SPELLINGS_NAME)
        stamp = (FORMAT_VERSION, SPELLINGS_VERSION, len(self._index))
        data = _read(path) if path.exists() else None
        if data is not None and data.get("stamp") == stamp:
            return data["spellings"]  # type: ignore[no-any-return]
        groups: defaultdict[str, list[str]] = defaultdict(list)
        for folded in self._index:
            k = translit_key(folded)
            if len(k) >= FUZZY_MIN_LEN:
                groups[skeleton(k)].append(folded)
        spellings = {k: tuple(v) for k, v in groups.items()}
        tmp = path.with_suffix(".tmp")
        try:
            with tmp.open("wb") as fh:
                pickle.dump({"stamp": stamp, "spellings": spellings}, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        except OSError as e:
            print(f"eventwire: {path}: cannot save the spelling index ({e})", file=sys.stderr)
        return spellings

    def has_name(self, name: str) -> bool:
        return fold(name) in self._index

    def towns_prefixing(self, text: str, min_len: int = 5) -> list[Entry]:
        """Towns and divisions whose name, written without spaces, begins ``text`` (the
        longest such name wins): 'columbuslocalnews' -> the Columbuses, 'lasvegassun' ->
        Las Vegas. For names run together, as in a web address; towns of ``RUN_TOGETHER_POP``
        people or more."""
        if self._compact is None:
            self._compact = defaultdict(list)
            for i in np.flatnonzero(self.pop >= RUN_TOGETHER_POP):
                if self._feature[i] in {"city", "admin1"}:
                    self._compact[fold(self._name[i]).replace(" ", "")].append(int(i))
        for n in range(len(text), min_len - 1, -1):
            if text[:n] in self._compact:
                return sorted((self.entry(i) for i in self._compact[text[:n]]), key=lambda e: -e.pop)
        return []

    def country(self, iso3: str) -> Entry | None:
        idx = self._country_entry.get(iso3)
        return None if idx is None else self.entry(idx)

    def demonym(self, word: str) -> str | None:
        """ISO3 of the country an adjective or demonym refers to ('Syrian' -> 'SYR',
        'Chechen' -> 'RUS')."""
        key = fold(word)
        iso3 = self.demonyms.get(key) or self._division_demonyms.get(key, ("", ""))[0]
        return iso3 if iso3 and iso3 != REGION_IN_NO_COUNTRY else None

    def region_adjective(self, word: str) -> Entry | None:
        """The continent or world region a word in no one country refers to ('European',
        'EU' -> Europe); None otherwise."""
        iso3, name = self._division_demonyms.get(fold(word), ("", ""))
        if iso3 != REGION_IN_NO_COUNTRY:
            return None
        return next((c.entry for c in self.lookup(name) if c.entry.feature in {"continent", "region"}), None)

    def demonym_place(self, word: str) -> Entry | None:
        """The division or region a regional adjective refers to ('Chechen' -> Chechnya);
        None for a country's adjective."""
        key = fold(word)
        if key in self.demonyms or key not in self._division_demonyms:
            return None
        iso3, name = self._division_demonyms[key]
        return next((c.entry for c in self.lookup(name)
                     if c.entry.country == iso3 and c.entry.feature in {"admin1", "region"}), None)


def _state_abbreviations() -> dict[str, str]:
    """Folded abbreviation or name of a US state ('la', 'louisiana') -> state name."""
    out: dict[str, str] = {}
    for code, (name, *abbrevs) in read_us_states().items():
        for a in [code, name, *abbrevs]:
            out[fold(a)] = name
    return out


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Load the gazetteer; build it first (a minute) if the file is missing or stale."""
    target = path or default_path()
    data = _read(target) if target.exists() else None
    if data is None or data.get("version") != FORMAT_VERSION:
        print(f"eventwire: building the gazetteer at {target} (first use, about a minute)...",
              file=sys.stderr)
        build_gazetteer(target)
        data = _read(target)
    if data is None:
        raise SetupError(f"{target}: gazetteer unreadable; delete it and run scripts/build_gazetteer.py")
    return Gazetteer(data, target)


def _read(path: Path) -> dict | None:
    try:
        with path.open("rb") as fh:
            data = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError) as e:
        print(f"eventwire: {path}: cannot read the gazetteer ({e}); rebuilding", file=sys.stderr)
        return None
    return data if isinstance(data, dict) else None
