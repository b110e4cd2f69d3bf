"""Find place mentions in a spaCy Doc: named entities checked against the gazetteer.

A mention is a span of capitalised tokens whose name the gazetteer knows. Whether it
is taken depends on what the statistical NER said about it (GPE/LOC: yes; a whole ORG
or PERSON entity: only with a locative cue such as "in", "near", ", Ga." or the same
name taken elsewhere in the article); a place name at the head of an organisation's
name ("the Mansfield Police Department", "University of Aleppo") is listed, marked
``in_org``: it names an organisation, so it never becomes an event's place, and
``Geoparser(..., org_names=False)`` leaves it out altogether. Demonyms ("Syrian") are
adjectival mentions of their country. A name the outlet's other articles take as a
place (its local lexicon) needs no cue; a name before a division's type word ("Madison
County") is that division. A river or lake the gazetteer lacks ("the Catawba River") is
one ``water`` mention (resolve.place_waters places it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from enum import Enum
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Span, Token

from eventwire.nlp.text import doc_text, entities, entity_at
from eventwire.resolve.places.datafiles import (
    read_admin1_aliases,
    read_admin_suffixes,
    read_after_cues,
    read_city_aliases,
    read_feature_words,
    read_local_words,
    read_mention_words,
    read_org_words,
    read_personal_names,
    read_us_states,
)
from eventwire.resolve.places.gazetteer import Gazetteer
from eventwire.resolve.places.names import ARTICLES, fold
from eventwire.resolve.timex.words import load_lexicon

MAX_TOKENS = 5
PLACE_LABELS = {"GPE", "LOC"}
TIME_LABELS = {"DATE", "TIME"}
_WORDS = read_mention_words()  # the word tables, each with its use and origin: data/places/mention_words.json
CUE_WORDS = _WORDS["cue_words"]  # 'in Aleppo', 'the capital Colombo'
DIRECTIONS = _WORDS["directions"]
NOT_COMPASS = _WORDS["not_compass"]
LOCATIVES = _WORDS["locatives"]
STRONG_CUES = LOCATIVES | _WORDS["strong_cue_extra"]
JOINERS = _WORDS["joiners"]  # lower-case words between two names in one entity
POSSESSIVES = _WORDS["possessives"]
DATELINE_ENDS = _WORDS["dateline_ends"]
SENTENCE_ENDS = _WORDS["sentence_ends"]
NEAR_WORDS = _WORDS["near_words"]
PARTY_LETTERS = _WORDS["party_letters"]  # "state Sen. Ray Miller, D-Columbus": party and home town
LIST_JOINERS = _WORDS["list_joiners"]
MAX_LIST_TOKENS = 30
HYPHENS = _WORDS["hyphens"]
PARTICLES = _WORDS["particles"]  # inside a name: 'Dar es Salaam', 'Rio Grande do Sul'
NAME_ABBREVIATIONS = _WORDS["name_abbreviations"]  # their dot may stand apart: 'Sault Ste. Marie'
POSSESSIVE_JOINS = _WORDS["possessive_joins"]  # inside a name when glued and followed by a capital: "People's Republic"
MAX_CONNECTORS = 3
STATE_MIN_POP = 100_000  # a division smaller than this gives its name no state's standing (_main_name_of)
BIG_TOWN_POP = 50_000  # a town this size needs no cue (_big_town)
WORLD_CITY_POP = 300_000  # a city this size stands for itself wherever the article's other places lie
PERSONAL_NAME_PERCENT = 0.005  # a name borne by this share of people is a person's (_big_town)
_LIST_GOES_ON = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[A-Z]")
_CONTAINER = re.compile(r"^,\s*((?:[A-Z][\w.]*\.?)(?:\s[A-Z][\w.]*\.?){0,2})")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    lookup: str  # the name to look up (span text without its division suffix)
    label: str  # NER label of the covering entity, "" if none
    adjectival: bool = False
    country: str | None = None  # for demonyms
    level: str | None = None  # admin1 / admin2 when the text says so ("Idlib province")
    qualifier: str | None = None  # "eastern", "near", "north of"
    container: str | None = None  # "La." in "Alexandria, La."
    in_org: bool = False
    sentence: int = 0
    division: str | None = None  # "Jackson County" for "Jackson" in "Jackson and Madison counties"
    headed: bool = False  # after a capitalised compass word the gazetteer does not know with it ('West Kasai')
    water: bool = False  # a river or lake the gazetteer does not know ('the Catawba River')
    local: bool = False  # a street, neighbourhood or building: inside the article's city ('Royal Street')
    weak: bool = False  # taken only for a big town's name, no cue, no place label ('Metro police')


@dataclass(frozen=True)
class _Knowledge:
    suffixes: dict[str, tuple[str, bool]]
    org_words: frozenset[str]
    after_cues: frozenset[str]
    personal_names: frozenset[str]  # folded common first names and surnames
    city_aliases: dict[str, str]  # exact short form -> city name ('L.A.' -> 'Los Angeles')
    feature_words: frozenset[str]  # folded generic feature words, never a place alone
    dotted: frozenset[str]  # folded short forms written with dots ('Man.', 'B.C.'): a place only so written
    local_words: frozenset[str] = frozenset()  # folded last words of street and building names


def _dotted_only(alias_lists: Iterable[list[str]]) -> frozenset[str]:
    """Folded short forms written with dots ('Man.', 'B.C.') that no undotted short form
    shares ('N.S.W.' and 'NSW' are one)."""
    aliases = [a for names in alias_lists for a in names]
    plain = {fold(a) for a in aliases if "." not in a}
    return frozenset(fold(a) for a in aliases if "." in a and fold(a) not in plain)


def load_knowledge() -> _Knowledge:
    return _Knowledge(read_admin_suffixes(), frozenset(fold(w) for w in read_org_words()), read_after_cues(),
                      frozenset(fold(n) for n in read_personal_names(PERSONAL_NAME_PERCENT)), read_city_aliases(),
                      frozenset(fold(w) for w in read_feature_words()),
                      _dotted_only(read_admin1_aliases().values()),
                      frozenset(fold(w) for w in read_local_words()))


def find_mentions(doc: Doc, gaz: Gazetteer, know: _Knowledge,
                  local: frozenset[str] = frozenset()) -> list[Mention]:
    """Every place mention of ``doc``. ``local``: the folded names the article's outlet
    uses as places in its other articles (its local lexicon, see ``priors.py``); such a
    name needs no cue here ('Lancaster woman wins award' in a Lancaster paper)."""
    ent_of = _entity_index(doc)
    known_actor = _known_actor_tokens(doc)
    raw: list[tuple[Span, Span | None]] = []
    for run in _capital_runs(doc):
        raw.extend((span, ent_of.get(span.start)) for span in _gazetteer_spans(run, gaz, know)
                   if not (known_actor.intersection(range(span.start, span.end))
                           and not _adjective(span.text, gaz) and not _locative(doc, span)))
    taken = {fold(s.text) for s, e in raw if e is not None and e.label_ in PLACE_LABELS}
    judged: dict[int, Mention] = {}
    listed = _Neighbours()  # the judged places not inside an organisation's name, by offset
    for _ in range(2):  # a name taken once (with a cue) is a place everywhere in the article
        for n, (span, ent) in enumerate(raw):
            m = judged.get(n) or _judge(doc, span, ent, gaz, know, taken, local)
            if m is not None:
                listed.judge(n, span, m)
                judged[n] = m
                taken.add(fold(span.text))
        for n, (span, ent) in enumerate(raw):  # 'Cairo, Giza and Al-Minya': listed with a place
            if n not in judged and _listed_with(doc, span, listed.near(span)) \
                    and not (ent is not None and ent.label_ in TIME_LABELS) and not _inside_person(span, ent) \
                    and not _before_person(doc, span):  # 'in Iran, Ms. Roe said': a title, no list
                judged[n] = _mention(doc, span, ent.label_ if ent is not None else "", know, gaz)
                listed.judge(n, span, judged[n])
                taken.add(fold(span.text))
    out = list(judged.values())
    # a name the gazetteer knows was judged, as a place or not ('100 B.C.' is no province,
    # whatever the NER says): only the names it does not know come back as unknown places
    covered = {i for span, _ in raw for i in range(span.start, span.end)}
    out.extend(_unknown_places(doc, covered, gaz))
    return sorted(_with_local_points(doc, gaz, know, _with_waters(doc, gaz, out)), key=lambda m: m.start)


def _piece_of(m: Mention, span: Span) -> bool:
    """A name inside the span, other than the one heading it."""
    inside = m.start < span.end_char and m.end > span.start_char
    return inside and (m.start != span.start_char or m.adjectival or m.end >= span.end_char)


def _inside_local(m: Mention, span: Span) -> Mention:
    return replace(m, in_org=True) if m.start == span.start_char else m


def _heads_a_name(m: Mention, gaz: Gazetteer) -> bool:
    """A place mention at the head of a building's or road's name that stands for itself:
    a division ('Columbia County'), a state or country, or a big town ('Huntsville');
    not a demonym ('Russian Embassy') nor a small namesake ('Royal' of 'Royal Street')."""
    if m.adjectival:
        return False
    return m.level is not None or _is_country_or_state(m.lookup, gaz) or _town_of_note(m.lookup, gaz)


def _town_of_note(name: str, gaz: Gazetteer) -> bool:
    """The gazetteer has the name as a division, a region or a town of ``BIG_TOWN_POP``
    people ('Washington Square' the village is not; 'Times Square' is no town at all)."""
    return any(c.entry.feature != "city" or c.entry.pop >= BIG_TOWN_POP for c in gaz.lookup(name))


def _adjective(text: str, gaz: Gazetteer) -> bool:
    """A country's, division's or world region's adjective ('Syrian', 'Chechen', 'European')."""
    return gaz.demonym(text) is not None or gaz.region_adjective(text) is not None


LOCAL_LABELS = PLACE_LABELS | {"FAC", "ORG"}
STREET_CUES = _WORDS["street_cues"]


def _with_local_points(doc: Doc, gaz: Gazetteer, know: _Knowledge, mentions: list[Mention]) -> list[Mention]:
    """A street, neighbourhood or building the NER names ('Royal Street', 'the South
    Side', 'Alder Hey Children's Hospital') that the gazetteer lacks as a whole is one
    ``local`` mention, placed in the article's city (geoparse), in place of the names
    inside it: a piece of a name is never a place on its own ('Royal' is no town here)."""
    out = list(mentions)
    for ent in entities(doc):
        if ent.label_ not in LOCAL_LABELS and not (ent.label_ == "PERSON" and _after_word(doc, ent, STREET_CUES)):
            continue  # a street the NER took for a person: 'the 2700 block of Majesty Drive'
        span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        of = next((k for k, t in enumerate(span) if t.lower_ == "of"), None)
        span = span[:of] if of else span  # 'the South Side of Chicago': Chicago stays a place of its own
        owner = max((k for k, t in enumerate(span) if t.lower_ in POSSESSIVES), default=-1)
        span = span[owner + 1:]  # "Middletown's New Road": the town stays a place of its own
        if len(span) < 2 or fold(span[-1].text) not in know.local_words or _town_of_note(span.text, gaz) \
                or not all(_capitalised(t) or t.lower_ in PARTICLES or t.like_num or t.lower_ in POSSESSIVES
                           for t in span) or not _capitalised(span[0]):
            continue
        if any(m.water and m.start <= span.start_char < m.end for m in out):
            continue
        if any(m.start == span.start_char and _heads_a_name(m, gaz) for m in out):
            continue  # 'Huntsville Memorial Hospital', 'Columbia County Detention Center': in the place it names
        # the names inside go; one heading the span stays, as an organisation's ('Cottonport Fire
        # Station'), never an event's place, and is the answer where the article names no city
        out = [_inside_local(m, span) for m in out if not _piece_of(m, span)]
        out.append(Mention(span.start_char, span.end_char, span.text, span.text, ent.label_, local=True,
                           sentence=ent.sent.start if doc.has_annotation("SENT_START") else 0))
    return out


WATER_WORDS = _WORDS["water_words"]
WATER_HEADS = _WORDS["water_heads"]


def _with_waters(doc: Doc, gaz: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """A river or lake the NER names ('the Catawba River', 'Lake Lanier', 'River Lune')
    that the gazetteer does not know as a whole (it has no water features) becomes one
    water mention in place of the names inside it ('Catawba' is no town there); a town
    so named ('Lake Charles') stays the town."""
    out = list(mentions)
    for ent in entities(doc):
        if ent.label_ not in PLACE_LABELS | {"FAC"}:
            continue
        span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        if len(span) < 2 or not (span[-1].lower_ in WATER_WORDS or (len(span) == 2 and span[0].lower_ in WATER_HEADS)) \
                or not all(_capitalised(t) or t.lower_ in PARTICLES for t in span) or gaz.has_name(span.text):
            continue
        out = [m for m in out if m.end <= span.start_char or m.start >= span.end_char]
        out.append(Mention(span.start_char, span.end_char, span.text, span.text, ent.label_, water=True,
                           sentence=ent.sent.start if doc.has_annotation("SENT_START") else 0))
    return out


LIST_GAP = re.compile(r"^\s*(?:,|;|,?\s*(?:and|or|&))\s*$")  # what stands between two listed names


LIST_REACH = 6  # at most this many characters between two listed names


class _Neighbours:
    """The judged place spans (none inside an organisation's name) by their offsets, so
    that a span's neighbours in a list are found without a walk over every place judged."""

    def __init__(self) -> None:
        self._by_end: dict[int, dict[int, Span]] = {}
        self._by_start: dict[int, dict[int, Span]] = {}

    def judge(self, n: int, span: Span, mention: Mention) -> None:
        """Record raw span ``n`` as judged ``mention`` (again: the latest judgement holds)."""
        for index in (self._by_end.get(span.end_char, {}), self._by_start.get(span.start_char, {})):
            index.pop(n, None)
        if not mention.in_org:
            self._by_end.setdefault(span.end_char, {})[n] = span
            self._by_start.setdefault(span.start_char, {})[n] = span

    def near(self, span: Span) -> list[Span]:
        """The judged spans ending at most ``LIST_REACH`` characters before ``span`` or
        starting at most that many after it."""
        out = [p for at in range(span.start_char - LIST_REACH, span.start_char + 1)
               for p in self._by_end.get(at, {}).values()]
        out += [p for at in range(span.end_char, span.end_char + LIST_REACH + 1)
                for p in self._by_start.get(at, {}).values()]
        return out


_CLOSERS = frozenset({".", ";", ":", ")"})  # what ends a place's name and its division ('Lydford Gorge, Devon.')


def _listed_with(doc: Doc, span: Span, places: list[Span]) -> bool:
    """The span is next to a place in a list: 'Cairo, Giza, and Al-Minya', 'Devon and Cornwall'."""
    for p in places:
        if 0 <= span.start_char - p.end_char <= LIST_REACH:
            gap = doc_text(doc)[p.end_char:span.start_char]
        elif 0 <= p.start_char - span.end_char <= LIST_REACH:
            gap = doc_text(doc)[span.end_char:p.start_char]
            if gap.strip() == "," and (p.end == len(doc) or doc[p.end].text in _CLOSERS):
                continue  # 'Lydford Gorge, Devon.': a name and the division closing it, no list
        else:
            continue
        if LIST_GAP.match(gap):
            return True
    return False


def _entity_index(doc: Doc) -> dict[int, Span]:
    return {i: ent for ent in entities(doc) for i in range(ent.start, ent.end)}


def _locative(doc: Doc, span: Span) -> bool:
    """'in Brussels': a name our actor dictionary knows as an organisation's metonym
    ('Brussels' for the EU) is still a place after a locative preposition."""
    return _after_word(doc, span, LOCATIVES)


def _misread_time(doc: Doc, span: Span) -> bool:
    """A town's name the NER read as a date or time ('US forces in Manbij' tagged DATE):
    after a locative ('in', 'near', ...), with no calendar word (month, weekday, season,
    part of day) and no digit in it: 'in March' and 'on Sunday' stay dates."""
    if not _after_word(doc, span, STRONG_CUES) or any(t.like_num or any(ch.isdigit() for ch in t.text) for t in span):
        return False
    lex = load_lexicon()
    calendar = {w.lower().rstrip(".") for w in (*lex.months, *lex.weekdays, *lex.seasons, *lex.day_parts)}
    return not any(t.lower_.rstrip(".") in calendar for t in span)


def _after_word(doc: Doc, span: Span, words: AbstractSet[str]) -> bool:
    """The word before the span is one of ``words``."""
    return span.start > 0 and doc[span.start - 1].lower_ in words


def _known_actor_tokens(doc: Doc) -> set[int]:
    """Tokens of an organisation or person our own actor dictionary named (the entity
    ruler sets ``ent_id_``): "the Red Cross" is the ICRC, not Red Cross, North Carolina."""
    return {i for ent in entities(doc) if ent.ent_id_ and ent.label_ not in PLACE_LABELS
            for i in range(ent.start, ent.end)}


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and not tok.is_punct


def _connector(tok: Token) -> bool:
    """A token that can sit inside a place name: an unspaced hyphen ('Port-au-Prince',
    'Al-Fashir'), a lower-case particle ('Rio Grande do Sul', 'Republic of the Congo') or
    a glued possessive ("People's Republic of China", "Prince George's County")."""
    if tok.text in HYPHENS:
        return not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
    if tok.lower_ in POSSESSIVE_JOINS:
        return tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
    if tok.text == "." and tok.i > 0:  # 'Ste' '.' of 'Sault Ste. Marie', split by the tokenizer
        prev = tok.doc[tok.i - 1]
        return not prev.whitespace_ and prev.lower_ in NAME_ABBREVIATIONS
    return tok.lower_ in PARTICLES and tok.text.islower()


def _capital_runs(doc: Doc) -> list[Span]:
    """Runs of capitalised tokens, joined across connectors that lead to another
    capitalised token, so that a name's parts are tried together before alone."""
    runs, start, i = [], None, 0
    while i < len(doc):
        tok = doc[i]
        if _capitalised(tok):
            start = tok.i if start is None else start
            i += 1
            continue
        if start is not None:
            j = i
            while j < len(doc) and j - i < MAX_CONNECTORS and _connector(doc[j]):
                j += 1
            if j > i and j < len(doc) and _capitalised(doc[j]):
                i = j
                continue
            runs.append(doc[start:tok.i])
            start = None
        i += 1
    if start is not None:
        runs.append(doc[start:len(doc)])
    return runs


def _gazetteer_spans(run: Span, gaz: Gazetteer, know: _Knowledge) -> list[Span]:
    """Longest known names in a run of capitalised tokens, left to right."""
    doc, i, out = run.doc, run.start, []
    while i < run.end:
        for j in range(min(run.end, i + MAX_TOKENS), i, -1):
            span = doc[i:j]
            if _plausible(span) and (_known(span, gaz) or span.text in know.city_aliases or _adjective(span.text, gaz)
                                     or _known_division(span, gaz, know)):
                if not _article_joined(span):  # 'Bab' of 'Bab el-Oued' is a piece of a name, no place
                    out.append(span)
                i = j
                break
        else:
            i += 1
    return out


def _article_joined(span: Span) -> bool:
    """The span and a capitalised word are joined by a hyphened Arabic article ('Bab
    el-Oued', 'Bab al-Salama', 'Ras al-Ain'): one name the gazetteer lacks, of which
    the span is only a piece ('Bab', a Slovak village)."""
    doc = span.doc

    def joined(art: int) -> bool:  # doc[art] 'al', doc[art + 1] '-', doc[art + 2] a capitalised word
        return 0 <= art and art + 2 < len(doc) and doc[art].lower_ in ARTICLES and doc[art].text.islower() \
            and doc[art + 1].text in HYPHENS and not doc[art].whitespace_ and not doc[art + 1].whitespace_ \
            and _capitalised(doc[art + 2])

    return (span.start > 0 and not doc[span.start - 1].is_punct and joined(span.end)) or \
        (span.start >= 3 and _capitalised(doc[span.start - 3]) and joined(span.start - 2))


def _known(span: Span, gaz: Gazetteer) -> bool:
    return gaz.has_name(span.text) or state_abbreviation(span, gaz) is not None


def _known_division(span: Span, gaz: Gazetteer, know: _Knowledge) -> bool:
    """'Oconee' in 'Oconee and Clarke counties': known only as 'Oconee County'."""
    division = _coordinated(span.doc, span, know)[1]
    return division is not None and gaz.has_name(division)


def state_abbreviation(span: Span, gaz: Gazetteer) -> str | None:
    """The US state 'Ky.' or 'D.C.' abbreviates; a bare postal code ('KY') only after a comma."""
    state = gaz.state_abbrevs.get(fold(span.text))
    if state is None or fold(span.text) == fold(state):
        return None
    after_comma = span.start > 0 and span.doc[span.start - 1].text == ","
    abbrevs = _dotted_abbreviations()
    dotted = span.text in abbrevs or (span.text + "." in abbrevs and span.end < len(span.doc)
                                      and span.doc[span.end].text == ".")  # 'to D.C.' ending a sentence
    return state if dotted or after_comma else None  # 'Ms. Shelby' is not Mississippi, 'L.A.' not Louisiana


@lru_cache(maxsize=1)
def _dotted_abbreviations() -> frozenset[str]:
    """The written abbreviations of US states ('Ala.', 'Miss.'), not postal codes with a dot."""
    return frozenset(a for _name, *abbrevs in read_us_states().values() for a in abbrevs if "." in a)


def _plausible(span: Span) -> bool:
    if _connector(span[0]) or _connector(span[-1]) or (len(span) == 1 and span[0].lower_ in PARTICLES):
        return False  # 'Al' of 'Al-Assad', '-Prince' of a longer name
    if len(span) == 1 and span[0].lower_ in DIRECTIONS:
        return False  # 'West', 'Central' alone: a direction, a surname, a school's name
    if len(span) == 1:
        tok = span[0]
        stop = tok.is_stop and not tok.text.isupper()  # "US" is a place, "us" a pronoun
        shouted = tok.text.isupper() and len(tok.text) > 2  # "BEIRUT:" is often tagged ADV
        return not stop and len(tok.text) > 1 and (tok.pos_ in {"PROPN", "ADJ", "NOUN"} or bool(tok.ent_type_)
                                                    or shouted)
    return True


class Outcome(Enum):
    """What a judging rule does with the name it applies to."""

    REJECT = "reject"  # not a place here
    PLACE = "place"
    ADJECTIVAL = "adjectival"  # a demonym or region adjective: a reference to the place, not a place
    IN_ORG = "in_org"  # a place naming an organisation: listed, never an event's place
    PLACE_OR_WEAK = "place_or_weak"  # a place; weak (kept only where the article's places allow it) without a cue


class Reason(Enum):
    """Why a name the gazetteer knows is, or is not, a place mention (one per rule)."""

    UNDOTTED_SHORT_FORM = "undotted_short_form"  # 'Man' is no Manitoba, nor 'B.C.' after a year British Columbia
    DEMONYM = "demonym"  # 'the Canadian capital' is Canada's; 'in Canadian, Texas' is the town
    REGION_ADJECTIVE = "region_adjective"  # 'European', 'the EU': Europe
    LISTED_DIVISION_NAME = "listed_division_name"  # 'Oconee' of 'Oconee and Clarke counties'
    CITY_ALIAS = "city_alias"  # 'L.A.'
    UNKNOWN_NAME = "unknown_name"  # the gazetteer does not know it
    ORG_WORD = "org_word"  # 'University' alone
    FEATURE_WORD = "feature_word"  # 'Bay', 'Square' alone
    DATELINE = "dateline"  # 'BEIRUT (AP) -'
    LISTED_DIVISION = "listed_division"  # 'Jackson' of 'Barrow, Jackson and Madison counties'
    IN_NAMED_DIVISION = "in_named_division"  # 'bombed Khan Sheikhoun in southern Idlib', whatever the NER
    ACRONYM = "acronym"  # 'SANA' is an acronym, not Saña
    NAMES_AN_ORG = "names_an_org"  # 'University of Aleppo', 'Aleppo Police Department'
    FRAGMENT_OF_ENTITY = "fragment_of_entity"  # 'Red' of 'the Red River'
    TIME_ENTITY = "time_entity"  # 'March' of 'through March 27', 'Thursday'
    FIRST_NAME_OF_PERSON = "first_name_of_person"  # 'Mary Walker', 'Virginia Madsen'
    INSIDE_PERSON = "inside_person"  # 'Michael' of 'Michael R. Pannell'
    GLUED_AFTER_NAME = "glued_after_name"  # 'Grove' of 'a Meadow Grove man'
    HEADS_A_PERSON = "heads_a_person"  # 'Sen.' of 'Sen. Ann Roe': a title or first name before a person's name
    HEADS_A_NAME = "heads_a_name"  # 'Cottonport' of 'the Cottonport Fire Station'
    ARTICLE_SURNAME = "article_surname"  # 'coach Ripley' after 'Darren Ripley', however the NER tags it
    PLACE_LABEL = "place_label"  # the NER says GPE or LOC
    FIRST_NAME_OF_NAME = "first_name_of_name"  # 'Paul' of 'councillor Paul Van Meerbergen'
    PERSONAL_NAME_PLACED = "personal_name_placed"  # 'in Jones', 'Jones, Okla.', or a state's name
    PERSONAL_NAME_CUED = "personal_name_cued"  # 'Teresa Pilkington of Jeannette', 'a Winona man'
    PERSONAL_NAME = "personal_name"  # 'of Jones' does not make 'Jones' a town
    PIECE_OF_ORG = "piece_of_org"  # a place inside a longer ORG entity
    HEADLINE_PLACED = "headline_placed"  # a title-case headline, the name after a strong cue
    HEADLINE_UNPLACED = "headline_unplaced"  # 'Grand Jury Indicts Man In December Slaying'
    COUNTRY_OR_STATE = "country_or_state"
    CUED = "cued"  # a cue word, a container, the name taken elsewhere, a division word
    BIG_TOWN = "big_town"  # 'Gainesville's mayor', whatever the NER
    NO_CUE = "no_cue"  # nothing in the text makes it a place


class _Case:
    """One matched name to judge, with what the rules ask of it worked out once, when asked."""

    def __init__(self, doc: Doc, span: Span, ent: Span | None, gaz: Gazetteer, know: _Knowledge,
                 taken: set[str], local: frozenset[str]) -> None:
        self.doc, self.span, self.ent, self.gaz, self.know = doc, span, ent, gaz, know
        self.taken, self.local = taken, local
        self.label = ent.label_ if ent is not None else ""
        self.key = fold(span.text)

    @cached_property
    def iso3(self) -> str | None:
        return self.gaz.demonym(self.span.text)

    @cached_property
    def country_or_state(self) -> bool:
        return _is_country_or_state(self.span.text, self.gaz)

    @cached_property
    def glued(self) -> str | None:
        return _glued_to_name(self.doc, self.span, self.ent, self.gaz, self.know)

    @cached_property
    def personal(self) -> bool:
        """A lone word the article's people or the census bear as a name, not tagged a place elsewhere."""
        return len(self.span) == 1 and self.key not in _ner_places(self.doc) \
            and (self.key in _person_words(self.doc) or self.key in self.know.personal_names)

    @cached_property
    def cued(self) -> bool:
        return _has_cue(self.doc, self.span, self.gaz, self.know) or self.key in self.taken or self.key in self.local \
            or (len(self.span) > 1 and self.span[-1].lower_ in self.know.suffixes)  # 'Madison County', whatever the NER

    @cached_property
    def headline(self) -> bool:
        return _title_case(self.span) and not _party_home(self.doc, self.span)


def _demonym(c: _Case) -> bool:
    """A country's adjective ('Syrian'); a town so called only where the text places it,
    and a hamlet or a place so called in some other language only with its state or
    country after it ('Canadian, Texas'): 'the southern English city of', 'the Association
    of German Chambers' (San Germán's other name) are the adjectives."""
    if c.iso3 is None:
        return False
    if not c.gaz.has_name(c.span.text) or (_minor_namesakes(c.span.text, c.gaz)
                                           and _container(c.doc, c.span, c.gaz) is None):
        return True
    return not (c.label in PLACE_LABELS or _has_cue(c.doc, c.span, c.gaz, c.know))


def _minor_namesakes(text: str, gaz: Gazetteer) -> bool:
    """Every place of this name is a town under ``BIG_TOWN_POP`` people, or has it only as
    another name."""
    return all(c.alternate or (c.entry.feature == "city" and c.entry.pop < BIG_TOWN_POP) for c in gaz.lookup(text))


def _acronym(c: _Case) -> bool:
    """'SANA'; 'MoD', 'DoJ' (a short word with a capital after a small letter; 'DeKalb',
    'McAllen' are longer)."""
    text = c.span.text
    mixed = len(text) <= 4 and any(a.islower() and b.isupper() for a, b in zip(text, text[1:]))
    return (text.isupper() and len(text) <= 5 or mixed) and c.label not in PLACE_LABELS \
        and not c.country_or_state and state_abbreviation(c.span, c.gaz) is None


def _time_entity(c: _Case) -> bool:
    return c.ent is not None and c.ent.label_ in TIME_LABELS and not c.country_or_state \
        and not _misread_time(c.doc, c.span)


def _inside_person_only(c: _Case) -> bool:
    return _inside_person(c.span, c.ent) and not c.country_or_state and _container(c.doc, c.span, c.gaz) is None \
        and not _party_home(c.doc, c.span) and not _before_division_word(c.doc, c.span, c.know)


def _personal_name_cued(c: _Case) -> bool:
    d, span = c.doc, c.span
    return c.personal and c.key not in _person_words(d) and (
        _hometown(d, span) or _qualifier(d, span) is not None
        or (span.end < len(d) and d[span.end].text in c.know.after_cues)
        or c.key in _strongly_placed(d) or c.key in c.local)


def _headline_placed(c: _Case) -> bool:
    strong = c.span.start == 0 or _after_word(c.doc, c.span, STRONG_CUES) \
        or _container(c.doc, c.span, c.gaz) is not None or c.key in c.local or _closes_a_place(c.doc, c.span, c.gaz)
    return c.headline and (strong or (c.cued and c.country_or_state))


@dataclass(frozen=True)
class Rule:
    """A named test on a matched name and what it decides: the first rule that applies wins."""

    reason: Reason
    applies: Callable[[_Case], bool]
    outcome: Outcome


# The rules in the order they are tried (matching, in ``_gazetteer_spans``, has found a name
# the gazetteer knows or a demonym; these decide whether it is a place here, and why).
RULES: tuple[Rule, ...] = (
    Rule(Reason.UNDOTTED_SHORT_FORM, lambda c: c.key in c.know.dotted and not _written_dotted(c.doc, c.span),
         Outcome.REJECT),
    Rule(Reason.DEMONYM, _demonym, Outcome.ADJECTIVAL),
    Rule(Reason.REGION_ADJECTIVE, lambda c: c.iso3 is None and c.gaz.region_adjective(c.span.text) is not None,
         Outcome.ADJECTIVAL),
    Rule(Reason.LISTED_DIVISION_NAME, lambda c: _known_division(c.span, c.gaz, c.know), Outcome.PLACE),
    Rule(Reason.CITY_ALIAS, lambda c: c.span.text in c.know.city_aliases, Outcome.PLACE),
    Rule(Reason.UNKNOWN_NAME, lambda c: not _known(c.span, c.gaz), Outcome.REJECT),
    Rule(Reason.ORG_WORD, lambda c: c.key in c.know.org_words, Outcome.REJECT),
    Rule(Reason.FEATURE_WORD, lambda c: c.key in c.know.feature_words, Outcome.REJECT),
    Rule(Reason.DATELINE, lambda c: _dateline(c.doc, c.span), Outcome.PLACE),
    Rule(Reason.LISTED_DIVISION, lambda c: _coordinated_level(c.doc, c.span, c.know) is not None, Outcome.PLACE),
    Rule(Reason.IN_NAMED_DIVISION, lambda c: _division_after(c.doc, c.span, c.gaz) is not None
         and (len(c.span) > 1 or c.label != "PERSON"), Outcome.PLACE),
    Rule(Reason.ACRONYM, _acronym, Outcome.REJECT),
    Rule(Reason.NAMES_AN_ORG, lambda c: _names_an_org(c.span, c.know), Outcome.IN_ORG),
    Rule(Reason.FRAGMENT_OF_ENTITY, lambda c: c.ent is not None and _fragment_of_entity(c.span, c.ent, c.know, c.gaz),
         Outcome.REJECT),
    Rule(Reason.TIME_ENTITY, _time_entity, Outcome.REJECT),
    Rule(Reason.FIRST_NAME_OF_PERSON, lambda c: _first_name_of_a_person(c.span, c.ent, c.know), Outcome.REJECT),
    Rule(Reason.INSIDE_PERSON, _inside_person_only, Outcome.REJECT),
    Rule(Reason.GLUED_AFTER_NAME, lambda c: c.glued == "after", Outcome.REJECT),
    Rule(Reason.HEADS_A_PERSON, lambda c: c.glued == "before" and _before_person(c.doc, c.span), Outcome.REJECT),
    Rule(Reason.HEADS_A_NAME, lambda c: c.glued == "before", Outcome.IN_ORG),
    Rule(Reason.ARTICLE_SURNAME, lambda c: len(c.span) == 1 and c.key in _surnames(c.doc, c.know)
         and not _placed_by_text(c.doc, c.span, c.gaz, c.know), Outcome.REJECT),
    Rule(Reason.PLACE_LABEL, lambda c: c.label in PLACE_LABELS, Outcome.PLACE),
    Rule(Reason.FIRST_NAME_OF_NAME, lambda c: _first_name_of_a_name(c.doc, c.span, c.gaz, c.know), Outcome.REJECT),
    Rule(Reason.PERSONAL_NAME_PLACED, lambda c: c.personal and (
        _placed_by_text(c.doc, c.span, c.gaz, c.know) or c.country_or_state), Outcome.PLACE),
    Rule(Reason.PERSONAL_NAME_CUED, _personal_name_cued, Outcome.PLACE),
    Rule(Reason.PERSONAL_NAME, lambda c: c.personal, Outcome.REJECT),
    Rule(Reason.PIECE_OF_ORG, lambda c: c.ent is not None and c.label == "ORG"
         and (c.ent.start, c.ent.end) != (c.span.start, c.span.end), Outcome.IN_ORG),
    Rule(Reason.HEADLINE_PLACED, _headline_placed, Outcome.PLACE),
    Rule(Reason.HEADLINE_UNPLACED, lambda c: c.headline, Outcome.REJECT),
    Rule(Reason.COUNTRY_OR_STATE, lambda c: c.country_or_state, Outcome.PLACE),
    Rule(Reason.CUED, lambda c: c.cued, Outcome.PLACE_OR_WEAK),
    Rule(Reason.BIG_TOWN, lambda c: _big_town(c.span, c.gaz, c.know), Outcome.PLACE_OR_WEAK),
    Rule(Reason.NO_CUE, lambda c: True, Outcome.REJECT),
)


def judge(doc: Doc, span: Span, ent: Span | None, gaz: Gazetteer, know: _Knowledge,
          taken: set[str], local: frozenset[str] = frozenset()) -> Rule:
    """The first rule of ``RULES`` that applies to the matched name ``span`` (``ent``: the
    NER entity over its first token; ``taken``: names already placed in the article;
    ``local``: the outlet's local lexicon): its reason says why it is or is not a place."""
    case = _Case(doc, span, ent, gaz, know, taken, local)
    return next(rule for rule in RULES if rule.applies(case))


def _judge(doc: Doc, span: Span, ent: Span | None, gaz: Gazetteer, know: _Knowledge,
           taken: set[str], local: frozenset[str] = frozenset()) -> Mention | None:
    """The mention ``span`` makes, as the first rule that applies decides; None if none."""
    outcome = judge(doc, span, ent, gaz, know, taken, local).outcome
    if outcome is Outcome.REJECT:
        return None
    label = ent.label_ if ent is not None else ""
    if outcome is Outcome.ADJECTIVAL:
        return _mention(doc, span, label, know, gaz, adjectival=True, country=gaz.demonym(span.text))
    m = _mention(doc, span, label, know, gaz, in_org=outcome is Outcome.IN_ORG)
    if outcome is Outcome.PLACE_OR_WEAK:  # without a place label or a locative, kept only where the
        # article's other places allow its country ('Metro police' in Chicago: no Indonesian town)
        weak = label not in PLACE_LABELS and not _after_word(doc, span, STRONG_CUES) and fold(span.text) not in local \
            and not any(c.entry.pop >= WORLD_CITY_POP for c in gaz.lookup(span.text)[:1])  # 'Tijuana' stands
        return replace(m, weak=weak)
    return m


def _big_town(span: Span, gaz: Gazetteer, know: _Knowledge) -> bool:
    """The name is the main name of a town of ``BIG_TOWN_POP`` people or more and not a
    common first name or surname: such a name stands for its town without a cue
    ('Gainesville's mayor', 'Residents of Huntsville'), whatever label the NER, which
    often takes a lone town for a person or a team, gave it; 'Lincoln' and 'Anderson'
    alone are more often people."""
    if fold(span.text) in know.personal_names:
        return False
    return any(c.entry.feature == "city" and not c.alternate and c.entry.pop >= BIG_TOWN_POP
               for c in gaz.lookup(span.text)[:3])


def _strongly_placed(doc: Doc) -> frozenset[str]:
    """Names that follow a locative preposition somewhere in the article ('in Winona'):
    one sense per article lets their other mentions ('Winona police') be places too."""
    def make() -> frozenset[str]:
        out = set()
        for tok in doc[1:]:
            if doc[tok.i - 1].lower_ in STRONG_CUES and _capitalised(tok):
                end = tok.i
                while end < len(doc) and end - tok.i < MAX_TOKENS and _capitalised(doc[end]):
                    end += 1
                    if not _possessed(doc, doc[tok.i:end]):  # 'at Bell's hand' places the hand
                        out.add(fold(doc[tok.i:end].text))
        return frozenset(out)
    return _cached(doc, "eventwire.strongly_placed", make)


def _placed_by_text(doc: Doc, span: Span, gaz: Gazetteer, know: _Knowledge) -> bool:
    """The text itself makes the name a place: a locative before it ('in Jones', but not
    'at Bell's hand'), a container after it ('Jones, Okla.'), a party-and-home tag
    ('D-Jones') or a division's type word ('Jones County')."""
    return (_after_word(doc, span, STRONG_CUES) and not _possessed(doc, span)) \
        or _container(doc, span, gaz) is not None or _party_home(doc, span) or _before_division_word(doc, span, know) \
        or _closes_a_place(doc, span, gaz)


def _possessed(doc: Doc, span: Span) -> bool:
    """A possessive follows the name ('Bell's hand')."""
    return span.end < len(doc) and doc[span.end].lower_ in POSSESSIVES


def _first_name_of_a_person(span: Span, ent: Span | None, know: _Knowledge) -> bool:
    """The first word of a PERSON entity, a common first name followed by a capitalised
    surname ('Mary Walker', 'Virginia Madsen', 'Chad LaBumbard'), even when it is also a
    state's, province's or country's name."""
    if ent is None or ent.label_ != "PERSON" or len(ent) < 2 or len(span) != 1 or span.start != ent.start:
        return False
    nxt = span.doc[span.end]
    return fold(span.text) in know.personal_names and _capitalised(nxt) and nxt.lower_ not in POSSESSIVES


def _before_division_word(doc: Doc, span: Span, know: _Knowledge) -> bool:
    """'Madison County', 'Madison Twp.', 'the Lancaster district': a name followed by a
    division's type word is that division, whoever else bears the name, and whatever the
    NER made of it ('DANIELSVILLE - Madison County' tagged as one PERSON)."""
    return span.end < len(doc) and doc[span.end].lower_ in know.suffixes


def _hometown(doc: Doc, span: Span) -> bool:
    """'Terry McAuliffe of McLean': 'of' right after a person's name, the way news gives a
    person's home town."""
    if span.start < 2 or doc[span.start - 1].lower_ != "of":
        return False
    return doc[span.start - 2].ent_type_ == "PERSON" and doc[span.start - 1].ent_type_ != "PERSON"


def _written_dotted(doc: Doc, span: Span) -> bool:
    """'Man.' or 'Man' '.' as the tokenizer may split it, not after a number ('100 B.C.')."""
    if span.start > 0 and doc[span.start - 1].like_num:
        return False
    if span.text.endswith("."):
        return True
    return span.end < len(doc) and doc[span.end].text == "." and not doc[span.end - 1].whitespace_


def _first_name_of_a_name(doc: Doc, span: Span, gaz: Gazetteer, know: _Knowledge) -> bool:
    """A lone common first name or surname followed by another capitalised word the
    gazetteer does not know with it ('Paul Van Meerbergen', 'Paris Hilton'): a person,
    unless a comma-and-state container follows ('Paul, Idaho') or it is a country's or
    state's name."""
    if len(span) != 1 or fold(span.text) not in know.personal_names or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    if not _capitalised(nxt) or nxt.lower_ in POSSESSIVES or nxt.lower_ in know.suffixes or nxt.text.isupper():
        return False
    return not _is_country_or_state(span.text, gaz) and _container(doc, span, gaz) is None


def _title_case(span: Span) -> bool:
    """The span's sentence is a headline in title case (most words capitalised)."""
    sent = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
    words = [t for t in sent if t.is_alpha]
    caps = sum(t.text[:1].isupper() for t in words)
    return 4 <= len(words) <= 14 and caps >= 0.75 * len(words)


def _person_words(doc: Doc) -> frozenset[str]:
    """First names and surnames of the people the NER found with two or more words
    ('Roy Jones' -> 'roy', 'jones'), cached on the Doc."""
    return _cached(doc, "eventwire.person_words", lambda: frozenset(
        fold(t.text) for e in entities(doc) if e.label_ == "PERSON" and len(e) >= 2
        for t in (e[0], e[-1]) if _capitalised(t)))


def _surnames(doc: Doc, know: _Knowledge) -> frozenset[str]:
    """Surnames of the people the NER found after a common first name ('Darren Ripley' ->
    'ripley'): the article's other bare 'Ripley' is that person, whatever the NER says of
    it, unless a locative or a container places it."""
    return _cached(doc, "eventwire.surnames", lambda: frozenset(
        fold(e[-1].text) for e in entities(doc) if e.label_ == "PERSON" and len(e) >= 2
        and fold(e[0].text) in know.personal_names and _capitalised(e[-1])))


def _ner_places(doc: Doc) -> frozenset[str]:
    """Names the NER tagged as a place somewhere in the article, cached on the Doc."""
    return _cached(doc, "eventwire.ner_places",
                   lambda: frozenset(fold(e.text) for e in entities(doc) if e.label_ in PLACE_LABELS))


def _cached(doc: Doc, key: str, make: Callable[[], frozenset[str]]) -> frozenset[str]:
    if key not in doc.user_data:
        doc.user_data[key] = make()
    return doc.user_data[key]  # type: ignore[no-any-return]


def _inside_person(span: Span, ent: Span | None) -> bool:
    """One word of a longer PERSON entity: a first name followed by another capitalised
    word ('Keith' in 'Keith Claussen', 'Michael' in 'Michael R. Pannell') or a surname
    ('Brown' in 'Howard Brown')."""
    if ent is None or ent.label_ != "PERSON" or len(span) != 1 or len(ent) < 2:
        return False
    if span.start > ent.start:
        return True
    nxt = span.doc[span.end]
    return _capitalised(nxt) and nxt.lower_ not in POSSESSIVES


def _glued_to_name(doc: Doc, span: Span, ent: Span | None, gaz: Gazetteer, know: _Knowledge) -> str | None:
    """Whether a known name is glued to another proper noun the gazetteer does not know:
    "after" one ('Grove' in 'a Meadow Grove man': part of a longer, unknown name, not a
    place) or "before" one ('Cottonport' in 'the Cottonport Fire Station': a place name
    heading another name). Countries, states and spans the NER marked exactly as places
    are never glued."""
    if ent is not None and ent.label_ in PLACE_LABELS and (ent.start, ent.end) == (span.start, span.end):
        return None
    if _is_country_or_state(span.text, gaz):
        return None
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if prev is not None and ent is None and not prev.ent_type_ and _glued(prev) \
            and prev.lower_ not in DIRECTIONS and not prev.is_sent_start:
        return "after"
    if nxt is not None and _glued(nxt) and nxt.lower_ not in know.suffixes and nxt.lower_ not in POSSESSIVES \
            and not _is_country_or_state(nxt.text, gaz):
        return "before"
    return None


def _before_person(doc: Doc, span: Span) -> bool:
    """The name is glued to a person's name that starts right after it ('Sen. Ann Roe',
    'Rev. Tom Hale', 'Vice President Ann Roe' of 'Junior Vice President ...'): a title or
    a first name, not a place heading an organisation's name."""
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B" and not span[-1].ent_type_
    

def _glued(tok: Token) -> bool:
    return _capitalised(tok) and tok.pos_ == "PROPN" and not tok.is_stop and not tok.text.isupper()


def _fragment_of_entity(span: Span, ent: Span, know: _Knowledge, gaz: Gazetteer) -> bool:
    """'Red' in 'the Red River', 'Vermont' in 'Lake Vermont': part of a longer name.

    A known name may be followed inside the entity by a division word ('Douglas County
    Board') or preceded by directions ('Northeast Georgia'), nothing else."""
    if ent.label_ not in PLACE_LABELS or _is_country(span.text, gaz):
        return False  # a country's name is never part of another place's
    head = [t for t in ent[: span.start - ent.start] if t.lower_ != "the"]
    hyphen = max((k for k, t in enumerate(head) if t.text in HYPHENS), default=-1)
    head = head[hyphen + 1:]  # 'Damascus' in 'the Aleppo-Damascus highway' stands alone
    if head and head[-1].lower_ in JOINERS:
        head = []  # 'the Nice of Russia', 'Norman to D.C.', 'the State of Illinois': the name stands alone
    if span.end < ent.end and fold(ent[span.end - ent.start].text) in know.org_words:
        return False  # 'the Titus County Jail': the place heads an organisation's name
    tail = list(ent[span.end - ent.start:])
    if any(t.lower_ not in DIRECTIONS for t in head):
        return True
    return bool(tail) and tail[0].lower_ not in know.suffixes and not tail[0].is_punct \
        and tail[0].lower_ not in POSSESSIVES and tail[0].lower_ not in JOINERS \
        and not tail[0].text.islower()  # 'the Indian Ocean coast': a common noun ends the name


def _names_an_org(span: Span, know: _Knowledge) -> bool:
    """'University of Aleppo', 'Damascus Securities Exchange', 'Aleppo Police Department'."""
    doc = span.doc
    before = doc[max(0, span.start - 2):span.start]
    if len(before) == 2 and before[1].lower_ == "of" and fold(before[0].text) in know.org_words \
            and _capitalised(before[0]):  # 'the University of Aleppo', not 'the centre of Aleppo'
        return True
    after = doc[span.end:min(len(doc), span.end + 3)]
    # an org word, or a division word further on ('Orange County Sanitation District')
    return any(fold(t.text) in know.org_words or (k > 0 and t.lower_ in know.suffixes)
               for k, t in enumerate(after) if _capitalised(t)) and bool(after) and _capitalised(after[0])


def _coordinated_level(doc: Doc, span: Span, know: _Knowledge) -> str | None:
    return _coordinated(doc, span, know)[0]


def _coordinated(doc: Doc, span: Span, know: _Knowledge) -> tuple[str | None, str | None]:
    """The level a plural division word gives every name of the list it closes, and the
    division's full name: 'Jackson' in 'Barrow, Jackson and Madison counties' is a
    county, 'Jackson County'."""
    joined = False
    for tok in doc[span.end:min(len(doc), span.end + MAX_LIST_TOKENS)]:
        if tok.lower_ in know.suffixes and tok.lower_.endswith("s") and tok.lower_ != "twp.":
            if not (joined or tok.i == span.end):
                return None, None
            return know.suffixes[tok.lower_][0], f"{span.text} {_singular(tok.lower_).title()}"
        if tok.lower_ in {"and", "or", "&"}:
            joined = True
        elif not (_capitalised(tok) or tok.text in LIST_JOINERS):
            return None, None
    return None, None


def _singular(word: str) -> str:
    """'counties' -> 'county', 'parishes' -> 'parish', 'districts' -> 'district'."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-2] if word.endswith("shes") else word[:-1]


def _party_home(doc: Doc, span: Span) -> bool:
    """'D-Columbus', 'R-London': a legislator's party and home town."""
    return span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].text in PARTY_LETTERS \
        and not doc[span.start - 2].whitespace_ and not doc[span.start - 1].whitespace_


def _has_cue(doc: Doc, span: Span, gaz: Gazetteer, know: _Knowledge) -> bool:
    prev = doc[span.start - 1] if span.start > 0 else None
    if _party_home(doc, span):
        return True
    if prev is not None and (prev.lower_ in CUE_WORDS or prev.lower_ in DIRECTIONS):
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text in know.after_cues:
        return True
    return _container(doc, span, gaz) is not None or _owned_by_country(doc, span, gaz) \
        or _closes_a_place(doc, span, gaz)


def _closes_a_place(doc: Doc, span: Span, gaz: Gazetteer) -> bool:
    """The name is the division that closes a place's name ('Lydford Gorge, Devon.', 'the
    fair at Levens Hall, Cumbria; then ...'), whatever the NER made of it: after a comma
    that follows a capitalised word, before a full stop, semicolon, colon, bracket or the
    end of the text (a comma goes on with a list: 'Smith, Devon, and Hughes'), and the
    main name of a first- or second-level division of ``STATE_MIN_POP`` people or more."""
    i = span.start
    if i < 2 or doc[i - 1].text != "," or not _capitalised(doc[i - 2]):
        return False
    if span.end < len(doc) and doc[span.end].text not in _CLOSERS:
        return False
    return any(c.entry.feature in {"admin1", "admin2"} and not c.alternate and c.entry.pop >= STATE_MIN_POP
               for c in gaz.lookup(span.text)[:3])


def _owned_by_country(doc: Doc, span: Span, gaz: Gazetteer) -> bool:
    """"Kenya's overcrowded Dadaab camps": a name after a country's possessive (a lower-case
    word or two between) that the gazetteer knows in that country."""
    i = span.start - 1
    while i >= 0 and span.start - i <= 3 and doc[i].is_lower and doc[i].lower_ not in POSSESSIVES:
        i -= 1
    if i < 1 or doc[i].lower_ not in POSSESSIVES:
        return False
    ent = entity_at(doc, i - 1) if doc[i - 1].ent_type_ else None
    owner = ent.text if ent is not None else doc[i - 1].text
    isos = {c.entry.country for c in gaz.lookup(owner)[:3] if c.entry.feature == "country"}
    return bool(isos) and any(c.entry.country in isos for c in gaz.lookup(span.text))


def _dateline(doc: Doc, span: Span) -> bool:
    """'BEIRUT (AP) -', 'HARWINTON —', 'COLUMBIA, S.C. -': an upper-case name opening a
    line, followed by a comma, a bracket or a dash."""
    if not span.text.isupper() or len(span.text) < 3:
        return False
    first = span.start == 0 or "\n" in doc[span.start - 1].text + doc[span.start - 1].whitespace_
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and not first and (doc[span.start - 1].text in SENTENCE_ENDS
                                          or doc[span.start - 1].ent_type_ in TIME_LABELS):
        # "... the title. BEIRUT: The body", "Staff Reporter March 30, 2009 NEWARK -- The body"
        return nxt.text in DATELINE_ENDS - {",", "("}
    return first and nxt is not None and nxt.text in DATELINE_ENDS


def _is_country(text: str, gaz: Gazetteer) -> bool:
    return _main_name_of(text, gaz, {"country"})


def _is_country_or_state(text: str, gaz: Gazetteer) -> bool:
    return _main_name_of(text, gaz, {"country", "admin1", "continent", "region"})


def _main_name_of(text: str, gaz: Gazetteer, features: set[str]) -> bool:
    """The name is the main name of one of its three largest places of these kinds; a
    first-level division only if it has ``STATE_MIN_POP`` people ('Paul', a municipality
    of Cape Verde, does not make every Paul a state's name)."""
    return any(c.entry.feature in features and not c.alternate
               and (c.entry.feature != "admin1" or c.entry.pop >= STATE_MIN_POP) for c in gaz.lookup(text)[:3])


def _container(doc: Doc, span: Span, gaz: Gazetteer) -> str | None:
    """'La.' in 'Alexandria, La.'; 'Syria' in 'Aleppo, Syria'."""
    m = _CONTAINER.match(doc_text(doc)[span.end_char:span.end_char + 40])
    if not m:
        return None
    words = m.group(1).split()
    for k in range(len(words), 0, -1):
        cand = " ".join(words[:k])
        if k < len(words) and gaz.has_name(" ".join(words[:k + 1])):
            return None  # 'Pensacola, Panama City': the next name is a town, not Panama
        if fold(cand) in gaz.state_abbrevs or _is_country_or_state(cand, gaz):
            abbreviated = gaz.state_abbrevs.get(fold(cand), cand) != cand
            after = span.end_char + m.start(1) + len(cand)
            rest = doc_text(doc)[after:after + 12]
            if not abbreviated and _LIST_GOES_ON.match(rest) and not _in_next_country(cand, doc_text(doc)[after:after + 40], gaz):
                return None  # 'Illinois, Missouri, New Jersey': a list, not 'Springfield, Illinois'
            return cand
    return None


def _named_container(doc: Doc, span: Span, gaz: Gazetteer) -> str | None:
    """The container after the name (``_container``), unless it is a compass word:
    'Manzil Way, East' names no region."""
    container = _container(doc, span, gaz) or _division_after(doc, span, gaz) or _adjective_before(doc, span, gaz)
    return None if container is None or fold(container) in DIRECTIONS else container


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


_KIND_OF = re.compile(r"\b([A-Z][\w-]+)\s+(?:port\s+city|" + _alternation(_WORDS["kind_words"])
                      + r")\s+of\s+(?:the\s+)?$")


def _adjective_before(doc: Doc, span: Span, gaz: Gazetteer) -> str | None:
    """The country an adjective names before the kind of place ('the northern Lebanese
    city of Tripoli', 'the Syrian Kurdish town of Kobani' -> Lebanon, Syria)."""
    m = _KIND_OF.search(doc_text(doc)[max(0, span.start_char - 60):span.start_char])
    if not m:
        return None
    iso3 = gaz.demonym(m.group(1))
    country = gaz.country(iso3) if iso3 else None
    return country.name if country is not None else None


_IN_DIVISION = re.compile(r"^\s+in\s+(?:the\s+)?(?:(?:" + _alternation(_WORDS["compass_adjectives"]) + r")\s+)?"
                          r"([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})")


def _division_after(doc: Doc, span: Span, gaz: Gazetteer) -> str | None:
    """The country or first-level division in which the text puts the name ('Khan
    Sheikhoun in southern Idlib', 'Tripoli in northern Lebanon'), when the gazetteer has
    the name inside it: what the text says constrains the candidates."""
    m = _IN_DIVISION.match(doc_text(doc)[span.end_char:span.end_char + 60])
    if not m:
        return None
    words = m.group(1).split()
    for k in range(len(words), 0, -1):
        outer = " ".join(words[:k])
        if not _is_country_or_state(outer, gaz):
            continue
        places = [c.entry for c in gaz.lookup(outer)[:3] if c.entry.feature in {"country", "admin1"}]
        inside = any(any(c.entry.country == o.country and (o.feature == "country" or c.entry.admin1 == o.admin1)
                         for o in places) for c in gaz.lookup(span.text) if c.entry.feature in {"city", "admin2"})
        return outer if inside else None
    return None


def _in_next_country(division: str, rest: str, gaz: Gazetteer) -> bool:
    """'Ontario' of 'Stroud, Ontario, Canada': a division followed by its own country is a
    chain of containers, not a list."""
    m = _CONTAINER.match(rest)
    if not m:
        return False
    words = m.group(1).split()  # 'Canada. On' of 'Ontario, Canada. On the way': try 'Canada.' too
    countries = {c.entry.country for k in range(len(words), 0, -1)
                 for c in gaz.lookup(" ".join(words[:k]))[:3] if c.entry.feature == "country"}
    return any(c.entry.feature == "admin1" and c.entry.country in countries for c in gaz.lookup(division)[:3])


def _mention(doc: Doc, span: Span, label: str, know: _Knowledge, gaz: Gazetteer,
             adjectival: bool = False, country: str | None = None, in_org: bool = False) -> Mention:
    end_tok, level = span.end, None
    nxt = doc[span.end] if span.end < len(doc) else None
    after_next = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in know.suffixes and not adjectival \
            and not (after_next is not None and after_next.lower_ == "of"):  # 'the West Bank city of Nablus'
        level = know.suffixes[nxt.lower_][0]
        end_tok = span.end + 1
    division = None
    if level is None and not adjectival:
        level, division = _coordinated(doc, span, know)
    elif level is not None and end_tok > span.end and doc[span.end].lower_.endswith("s"):
        division = f"{span.text} {_singular(doc[span.end].lower_).title()}"  # "Madison counties"
    last = span[-1].lower_
    if level is None and last in know.suffixes:
        level = know.suffixes[last][0]
    before = doc[max(0, span.start - 3):span.start]
    if level is None and len(before) == 3 and before[2].lower_ == "of" and before[1].lower_ in know.suffixes \
            and know.suffixes[before[1].lower_][1]:
        level = know.suffixes[before[1].lower_][0]
    full = doc[span.start:end_tok]
    state = state_abbreviation(span, gaz)
    head = _without_city_word(span, gaz)
    if head is not None and level == "city":
        level = None  # the word 'City' of 'Dublin City Council' is the council's, not a kind
    region = _compass_region(span, gaz)
    lookup = know.city_aliases.get(span.text) or state or head or region or span.text
    if state is not None and level is None:
        level, division = "admin1", state  # 'Calif.' is the state, not California, Md.
    return Mention(
        start=full.start_char, end=full.end_char, text=full.text, lookup=lookup, label=label,
        adjectival=adjectival, country=country, level=level,
        qualifier=span[0].lower_ if region else _qualifier(doc, span),
        container=None if adjectival else _named_container(doc, full, gaz), in_org=in_org,
        sentence=span[0].sent.start if doc.has_annotation("SENT_START") else 0, division=division,
        headed=_compass_headed(doc, span, gaz),
    )


def _without_city_word(span: Span, gaz: Gazetteer) -> str | None:
    """'Dublin' for 'Dublin City' (as in 'Dublin City Council'), when no town's own name is
    'Dublin City' (only a council area's, or another name of the Irish Dublin): every
    Dublin is then a candidate, the Ohio one too. 'Mexico City' and 'Kansas City', towns
    of that name, are kept whole."""
    if len(span) < 2 or span[-1].lower_ != "city":
        return None
    if any(c.entry.feature == "city" and not c.alternate for c in gaz.lookup(span.text)):
        return None
    head = span[:-1].text
    return head if gaz.has_name(head) else None


def _compass_region(span: Span, gaz: Gazetteer) -> str | None:
    """'Texas' for 'East Texas': a compass word before a state's or country's name is a part
    of it, not the hamlet of that name (East Texas, Pennsylvania); 'West Virginia', 'South
    Africa' and big towns ('East Orange') are names of their own."""
    if len(span) < 2 or span[0].lower_ not in DIRECTIONS - NOT_COMPASS:
        return None
    rest = span[1:].text
    if not _is_country_or_state(rest, gaz) or _is_country_or_state(span.text, gaz):
        return None
    if any(c.entry.pop >= BIG_TOWN_POP for c in gaz.lookup(span.text)):
        return None
    return rest


def _compass_headed(doc: Doc, span: Span, gaz: Gazetteer) -> bool:
    """'Kasai' of 'West Kasai', 'Midlands' of 'West Midlands': a capitalised compass word
    makes a longer proper name the gazetteer lacks, which may lie anywhere ('Northern
    Syria' is still Syria: a country's name is exempt)."""
    if span.start == 0 or len(span.text) < 2:
        return False
    prev = doc[span.start - 1]
    return prev.lower_ in DIRECTIONS - NOT_COMPASS and prev.text[:1].isupper() and not _is_country(span.text, gaz)


def _qualifier(doc: Doc, span: Span) -> str | None:
    nxt = [t.lower_ for t in doc[span.end:span.end + 2]]
    if nxt == ["-", "based"]:
        return "based"  # 'a Houston-based contractor': a company's seat, most often a big city
    prev = [t.lower_ for t in doc[max(0, span.start - 3):span.start]]
    if prev and prev[-1] in DIRECTIONS:
        return prev[-1]
    if prev and prev[-1] in NEAR_WORDS:
        return "near"
    if len(prev) >= 2 and prev[-1] == "of" and prev[-2] in DIRECTIONS | {"outskirts"}:
        return "near"
    return None


def _unknown_places(doc: Doc, covered: set[int], gaz: Gazetteer) -> list[Mention]:
    """GPE/LOC entities the gazetteer does not know: looked up by another romanisation of
    their name (``Gazetteer.spelled_like``), else kept, to be reported unresolved, or
    placed at their container ('Fort Detrick, Maryland', 'Pingilikani, Kenya'; see
    ``_named_container``)."""
    out = []
    for ent in entities(doc):
        if ent.label_ in PLACE_LABELS and not covered.intersection(range(ent.start, ent.end)):
            span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
            spelled = gaz.spelled_like(span.text)  # 'Maarat al-Numan': GeoNames' 'Ma'arrat an Nu'man'
            out.append(Mention(span.start_char, span.end_char, span.text, spelled[0][0] if spelled else span.text,
                               ent.label_, container=_named_container(doc, span, gaz),
                               sentence=ent.sent.start if doc.has_annotation("SENT_START") else 0))
    return out
