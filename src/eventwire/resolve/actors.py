"""Actor dictionary: words in an article -> canonical actor (name, ISO3, kind, ACLED inter).

Knowledge lives in ``eventwire/data/actors/`` (groups, leaders, role nouns, country
names) and ``eventwire/data/demonyms.tsv``; this module only reads and matches it.
Resolution order for a phrase: a named group or person; a country word with a role noun
("Syrian army", "army of Syria"); a role noun alone, given the article's country
("rebels"); a country alone ("Russia"); else an unknown named group or person is kept
with a kind guessed from its words, and common nouns give ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry

from eventwire.data import data_path
from eventwire.model import Actor

KIND_INTER = {
    "government": 1, "military": 1, "police": 1, "rebels": 2, "militia": 3,
    "civilians": 7, "igo": 8, "ngo": 8, "media": 8, "person": 8, "other": 8,
}
STATE_INTER = 1
NON_STATE_INTER = frozenset({2, 3})  # rebels, militias: a side a state force's noun may belong to
_DETERMINERS = {"the", "a", "an", "all", "some", "its", "their", "his", "her", "several",
                "many", "both", "other", "those", "these", "that", "this"}
_UNKNOWN_KIND_WORDS = (
    ("rebels", ("army", "front", "brigade", "brigades", "movement", "liberation", "battalion",
                "jihad", "mujahideen", "fighters", "resistance", "insurgents")),
    ("militia", ("militia", "militias", "group", "guard", "defense", "defence", "forces")),
    ("government", ("ministry", "council", "government", "parliament", "senate", "court",
                    "presidency", "office")),
    ("media", ("news", "agency", "tv", "television", "radio", "times", "post", "press")),
    ("ngo", ("foundation", "watch", "committee", "society", "federation", "union")),
)


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str
    country: str | None
    inter: int
    actor_id: str
    person: str | None = None
    national: str | None = None  # template of a country's branch: "{country} Red Cross Society"


@dataclass
class ActorDictionary:
    """Built once from the knowledge files and passed in; read-only afterwards."""

    names: dict[str, Entry] = field(default_factory=dict)  # lower-cased alias -> entry
    exact: dict[str, Entry] = field(default_factory=dict)  # case-sensitive acronyms
    countries: dict[str, str] = field(default_factory=dict)  # lower name/demonym -> ISO3
    display: dict[str, str] = field(default_factory=dict)  # ISO3 -> display name
    roles: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    max_role_words: int = 1
    backing_verbs: frozenset[str] = frozenset()

    @classmethod
    def load(cls, folder: Path | None = None) -> ActorDictionary:
        folder = folder or data_path("actors")
        d = cls()
        d._load_countries(folder / "countries.tsv", data_path("demonyms.tsv"))
        d._load_groups(folder / "groups.tsv")
        d._load_leaders(folder / "leaders.tsv")
        for noun, kind, template, inter in _rows(folder / "roles.tsv"):
            d.roles[noun.lower()] = (kind, template, int(inter))
        d.max_role_words = max(len(r.split()) for r in d.roles)
        d.backing_verbs = frozenset(r[0] for r in _rows(folder / "backing_verbs.txt"))
        return d

    def _load_countries(self, names: Path, demonyms: Path) -> None:
        for c in pycountry.countries:
            iso = c.alpha_3
            self.display[iso] = getattr(c, "common_name", None) or c.name
            for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
                if n:
                    self.countries[n.lower()] = iso
        for iso, aliases in _rows(names):
            parts = aliases.split("|")
            self.display[iso] = parts[0]
            for n in parts:
                self.countries[n.lower()] = iso
        if demonyms.exists():
            for iso, words in (r[:2] for r in _rows(demonyms) if len(r) >= 2):
                for w in words.split(","):
                    self.countries.setdefault(w.strip().lower(), iso)

    def _add_alias(self, alias: str, entry: Entry) -> None:
        alias = alias.strip()
        if alias.isupper() and len(alias.replace(".", "")) <= 5:
            self.exact[alias] = entry
        else:
            self.names[_norm(alias)] = entry

    def _load_groups(self, path: Path) -> None:
        for row in _rows(path):
            gid, name, kind, iso, inter, aliases = row[:6]
            national = row[6] if len(row) > 6 else None
            entry = Entry(name, kind, iso or None, int(inter), gid, national=national)
            for alias in [name, *aliases.split("|")]:
                self._add_alias(alias, entry)

    def _load_leaders(self, path: Path) -> None:
        for row in _rows(path):
            person, aliases, where = row[0], row[1], row[2]
            if where.islower():  # an organisation's officer: "un", "nato"
                org = self.names.get(_norm(where)) or self.exact.get(where.upper())
                base = org or Entry(where.upper(), "igo", None, 8, where)
                entry = Entry(base.name, base.kind, base.country, base.inter, base.actor_id, person)
            else:
                entry = Entry(f"Government of {self.display.get(where, where)}", "government",
                              where, 1, f"government:{where}", person)
            for alias in [person, *aliases.split("|")]:
                self._add_alias(alias, entry)

    # -- resolution -------------------------------------------------------------------

    def resolve(
        self,
        text: str,
        start: int | None = None,
        end: int | None = None,
        *,
        context_country: str | None = None,
        label: str | None = None,
    ) -> Actor | None:
        """The actor a phrase names, or None for phrases that name no actor."""
        words = _words(text)
        if not words:
            return None

        def make(e: Entry) -> Actor:
            return Actor(name=e.name, country=e.country, kind=e.kind, text=text, start=start,  # type: ignore[arg-type]
                         end=end, inter=e.inter, person=e.person, actor_id=e.actor_id)

        found = self._named(words)
        country = self._country_in(words)
        if found and found.national and country and country != found.country:
            found = Entry(found.national.format(country=self.display.get(country, country)),
                          found.kind, country, found.inter, f"{found.actor_id}:{country}")
        if found:
            return make(found)
        role = self._role_in(words)
        if role:
            kind, template, inter = role
            iso = country or context_country
            cname = self.display.get(iso, iso) if iso else None
            name = template.format(country=cname) if cname else _strip_country(template)
            return make(Entry(name, kind, iso, inter, f"{kind}:{iso or '-'}"))
        if country and len(words) <= 3:
            return make(Entry(f"Government of {self.display[country]}", "government",
                              country, 1, f"government:{country}"))
        return self._unknown(words, text, start, end, country, label)

    def _named(self, words: list[str]) -> Entry | None:
        """Longest known group or person name inside the phrase."""
        for size in range(len(words), 0, -1):
            for i in range(len(words) - size + 1):
                chunk = words[i : i + size]
                joined = " ".join(chunk)
                hit = self.exact.get(joined) if size == 1 else None
                hit = hit or self.names.get(_norm(joined))
                if hit:
                    return hit
        return None

    def _country_in(self, words: list[str]) -> str | None:
        for size in (4, 3, 2, 1):
            for i in range(len(words) - size + 1):
                iso = self.countries.get(" ".join(words[i : i + size]).lower())
                if iso:
                    return iso
        return None

    def _role_in(self, words: list[str]) -> tuple[str, str, int] | None:
        """The role noun nearest the end of the phrase (its head in English); a state
        force's head after a word that names a non-state side ("rebel forces", "insurgent
        troops", "militia fighters") is that side's."""
        lower = [w.lower() for w in words]
        for i in range(len(lower) - 1, -1, -1):
            for size in range(min(self.max_role_words, i + 1), 0, -1):
                hit = self.roles.get(" ".join(lower[i - size + 1 : i + 1]))
                if hit:
                    return self._side_of(lower[max(0, i - size - 1) : i - size + 1], hit)
        return None

    def _side_of(self, before: list[str], head: tuple[str, str, int]) -> tuple[str, str, int]:
        """``head``, or the non-state role one of the two words ``before`` it names."""
        if head[2] != STATE_INTER:
            return head
        for w in reversed(before):
            for form in (w, w + "s"):
                side = self.roles.get(form)
                if side is not None and side[2] in NON_STATE_INTER:
                    return side
        return head

    def _unknown(self, words: list[str], text: str, start: int | None, end: int | None,
                 country: str | None, label: str | None) -> Actor | None:
        """A named group or person not in the dictionary: kept, kind guessed."""
        named = [w for w in words if w[:1].isupper()]
        if label in {"GPE", "LOC", "FAC"} or (not named and label not in {"ORG", "PERSON", "NORP"}):
            return None  # a place ("Aleppo") is where, not who; a common noun is no actor
        lower = {w.lower() for w in words}
        kind = "person" if label == "PERSON" else "other"
        if label != "PERSON":
            for k, cues in _UNKNOWN_KIND_WORDS:
                if lower & set(cues):
                    kind = k
                    break
        name = " ".join(words)
        return Actor(name=name, country=country, kind=kind, text=text, start=start, end=end,  # type: ignore[arg-type]
                     inter=KIND_INTER[kind], actor_id=None)

    def country_of(self, word: str) -> str | None:
        return self.countries.get(word.lower())


_TOKEN = re.compile(r"[\w.'’-]+")


def _words(text: str) -> list[str]:
    words = [w.strip(".").replace("’", "'") if not _is_abbrev(w) else w for w in _TOKEN.findall(text)]
    words = [w[:-2] if w.endswith("'s") else w for w in words if w]
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return words


def _is_abbrev(w: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.){2,}", w))


@lru_cache(maxsize=1 << 16)  # a pure function of the words, asked for every sub-phrase of every phrase
def _norm(s: str) -> str:
    s = s.replace("’", "'").lower()
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"\s+", " ", s)


def _strip_country(template: str) -> str:
    return template.replace(" of {country}", "").replace(" ({country})", "")
