"""Across articles: the same event told by several articles becomes one event cluster.

Two events of different articles are the same when they have the same PLOVER type and
the same kind of status (a fact, asserted, claimed or alleged, is never linked to a
happening recalled as ``background``, denied or planned: such links bridged unrelated
clusters), their actors do not contradict each other, their times overlap (``SLACK``
either side, since reports date an event by their own publication day) and either

- their sentences share most of their words (``SIMILAR``), or
- they happen in the same place (same gazetteer entry, or within ``MAX_KM``) within a
  day of each other, their killed figures do not disagree, and they say something of it
  alike: a mark of this happening in both sentences (a name, an age, a street:
  ``marks``), or some shared words (``LIKE``) of which one at least says more than the
  place and the day (the city's name, "Saturday" and "Avenue" do not). A city sees several shootings, arrests
  or attacks a day: place and day alone chained them all into one cluster (gva-dev,
  whole test half: same-incident pair precision 0.107), or
- they happen near each other (within ``NEAR_KM``, a metropolitan area or a county: one
  outlet names the neighbourhood, another the city; or two places of the same name that
  the gazetteer resolved apart, one outlet's "Lexington" another's), their casualty
  figures agree, and they share a mark or some words, or
- they name the same person in full ("Ana Reyes", "31-year-old Ana Reyes"),
  one of the two surely a person (an actor of the event of kind person, or given an
  age), within ``NAME_SLACK`` of each other, whatever each outlet made of the place (a
  gazetteer error, the state only) and the day (an update told weeks later). A victim
  or suspect named in full rarely names two events of one type; officials, reporters
  and photographers, who speak of many, are left out (a title before, "said" after, a
  credit's slash).

A report whose event has no place with a point (a wire story with no dateline, a place
the gazetteer does not know) meets any report within a day (``CLOSE``) that gives the
same casualty figures, a mark of it and some words beyond the day, or much the same
sentence (``COPIED``: one wire story carried by two outlets): ``_told_alike``. Without
the place, figures, marks and words together stand for it (gva-dev tune half, first
1,000 articles: pairs recall 0.820 -> 0.829, precision 0.954 -> 0.955).

In the same place (within ``NEAR_KM``), a later report tells the same happening again
(``told_again``: an arrest, a charge, a trial or a sentence) when it names the same
person, however long after (a trial comes years on, and a report's day may be its
page's), or, up to ``LATER`` after, gives the same age and another mark. In the very
same place (the same gazetteer entry: not merely within ``MAX_KM``, a metropolitan area
where a teenager of that age is shot every other week), a report up to ``RECENT`` after
that gives the same age of someone not of the other sex, with no casualty figure that
disagrees, tells it again too (``_aged_alike``: the victim identified, the suspect
charged the next week).

The place rules read "the same place" loosely where outlets differ in precision: a
region-wide place ("a Kansas teenager") meets every place in that region, and "Marion"
meets "Marion County" (``core_name``). They link only times of a week at the most
(``BRIEF_DAYS``): "in February" or "last year" overlaps every report of the city.

Every rule asks for evidence in both events themselves, so that a link is never made on
what two unrelated events merely have in common with the city they happened in.

Figures that disagree inside a cluster (34,000 evacuated by one source, 30,000 by
another) are contradictions: both are kept, each with its source, and the cluster is
flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from math import asin, cos, radians, sin, sqrt

from eventwire.model import Actor, Event

MAX_KM = 25.0
NEAR_KM = 60.0
SLACK = timedelta(days=2)
CLOSE = timedelta(days=1)  # the same place within a day needs only a little more evidence
BRIEF_DAYS = 7  # the place rules link only times of a week at the most
NAME_SLACK = timedelta(days=92)  # the same person named: days apart an update may tell it
NAMED_DAYS = 31  # the name rule links times of a month at the most ("in November")
RECENT = timedelta(days=14)  # the same place and age: a report up to two weeks after
LATER = timedelta(days=366)  # the same place told again (``told_again``) up to a year later
SIMILAR = 0.25  # Jaccard overlap of the two sentences' content words
COPIED = 0.4  # the overlap of one wire sentence carried by two outlets
LIKE = 0.08  # the overlap that, with the same place and day, tells the same happening
TOLERANCE = 0.10  # figures within 10% of each other agree
CASUALTIES = ("killed", "wounded")
FACTS = frozenset({"asserted", "claimed", "alleged"})


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = radians(lat1), radians(lat2)
    a = sin((p2 - p1) / 2) ** 2 + cos(p1) * cos(p2) * sin(radians(lon2 - lon1) / 2) ** 2
    return 12742 * asin(sqrt(a))


def _distance(a: Event, b: Event) -> float | None:
    """Kilometres between the two events' places: 0 for the same gazetteer entry or the
    same name in the same country, None when either has no point."""
    la, lb = a.location, b.location
    if la is None or lb is None:
        return None
    if la.gazetteer_id and la.gazetteer_id == lb.gazetteer_id:
        return 0.0
    if None in (la.lat, la.lon, lb.lat, lb.lon):
        return 0.0 if la.name == lb.name and la.country == lb.country else None
    return km(la.lat, la.lon, lb.lat, lb.lon)  # type: ignore[arg-type]


def _gap(a: Event, b: Event) -> timedelta | None:
    """Days between the two events' times (zero when they overlap), None if undated."""
    ta, tb = a.time, b.time
    if ta is None or tb is None:
        return None
    if ta.start <= tb.end and tb.start <= ta.end:
        return timedelta(0)
    return tb.start - ta.end if tb.start > ta.end else ta.start - tb.end


def _figures(ev: Event) -> dict[str, int]:
    out: dict[str, int] = {}
    for q in ev.quantities:
        if q.kind in CASUALTIES:
            out[q.kind] = max(out.get(q.kind, 0), q.value)
    return out


def _figures_agree(a: Event, b: Event) -> bool:
    fa, fb = _figures(a), _figures(b)
    shared = set(fa) & set(fb)
    return bool(shared) and all(fa[k] == fb[k] for k in shared)


def _words(ev: Event) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", ev.evidence.sentence.lower()) if w not in _COMMON}


_COMMON = frozenset({"said", "says", "police", "that", "with", "were", "was", "from", "have", "been",
                     "this", "they", "their", "when", "after", "about", "into", "there", "where",
                     "which", "would", "could", "also", "than", "then", "them", "will", "while",
                     "year", "years", "month", "months"})  # of an age: ages are ``marks``


def similarity(a: Event, b: Event) -> float:
    """Jaccard overlap of the content words of the two events' sentences."""
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def _beyond(ev: Event) -> set[str]:
    """Content words that say more than the place and the day: less the place's name,
    weekdays and the like (``_PLAIN``), which every report of that place and day shares."""
    place = set(re.findall(r"[a-z]+", ev.location.name.lower())) if ev.location else set()
    return {w for w in _words(ev) if w not in _PLAIN and w not in place}


_AGE = re.compile(r"\b(\d{1,3})[- ](?:years?|months?)[- ]old\b", re.IGNORECASE)
_CAPITAL = re.compile(r"(?<![\w'])[A-Z][a-z]+(?:[-'][A-Za-z]+)?")
# capitalised words that tell no one happening apart from another of the same place
_PLAIN = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december police officer officers sgt lt det
detective chief deputy deputies sheriff department office county city state street avenue
road drive boulevard lane place court the a an he she his her they their it its in on at
of for and but as after when while according authorities investigators witnesses there
this that then mr mrs ms dr north south east west northeast northwest southeast southwest
hospital medical center university school high news side""".split())


def marks(ev: Event) -> set[str]:
    """What tells this happening apart in its sentence: ages ("a 17-year-old"), and
    capitalised words past the first (a victim's or a street's name) that are not the
    event's own place nor a word any report of the place would use (``_PLAIN``).
    (House numbers and blocks, "the 1600 block", were tried: no pair more on gva-dev.)"""
    text = ev.evidence.sentence
    out = {f"age:{m.group(1)}" for m in _AGE.finditer(text)}
    place = set(re.findall(r"[a-z]+", ev.location.name.lower())) if ev.location else set()
    for m in _CAPITAL.finditer(text):
        word = m.group().lower()
        if m.start() > 0 and word not in _PLAIN and word not in place:
            out.add(word)
    return out


VAGUE = frozenset({"person", "civilians", "other"})  # kinds outlets word differently


def _compatible(x: Actor | None, y: Actor | None) -> bool:
    """Actors contradict each other only when they are of different countries, or both
    are organised actors of different kinds (police against rebels); a person, civilians
    or an unresolved phrase ("a 91-year-old man" against "civilians") do not."""
    if x is None or y is None or x.name == y.name:
        return True
    if x.country and y.country and x.country != y.country:
        return False
    return x.kind == y.kind or x.kind in VAGUE or y.kind in VAGUE


def _kind_of_status(ev: Event) -> str:
    return "fact" if ev.status in FACTS else ev.status


def same_event(a: Event, b: Event) -> bool:
    """Do two events from different articles report the same happening?"""
    if a.article_id == b.article_id or a.type.plover != b.type.plover:
        return False
    if _kind_of_status(a) != _kind_of_status(b):
        return False
    if not (_compatible(a.actor1, b.actor1) and _compatible(a.actor2, b.actor2)):
        return False
    dist, gap = _distance(a, b), _gap(a, b)
    if gap is not None and gap <= NAME_SLACK and nameable(a) and nameable(b) and named_alike(a, b):
        return True
    if gap is None:
        return False
    if (dist is None or dist > NEAR_KM) and (_same_name(a, b) or _within(a, b)):
        dist = NEAR_KM
    if dist is None and not (pointed(a) and pointed(b)):
        return gap <= CLOSE and brief(a) and brief(b) and _told_alike(a, b)
    if dist is None or dist > NEAR_KM:
        return False
    if told_again(a, b) and (gap <= LATER or named_alike(a, b)):
        return True
    if dist == 0 and gap <= RECENT and _aged_alike(a, b):
        return True
    if gap > SLACK:
        return False
    ma, mb = marks(a), marks(b)
    alike = similarity(a, b)
    if alike >= SIMILAR:
        return True
    if not (brief(a) and brief(b)):  # a month's or a year's window overlaps too much
        return False
    marked = bool(ma & mb) or (alike >= LIKE and bool(_beyond(a) & _beyond(b)))
    if dist <= MAX_KM and gap <= CLOSE:
        return marked and not _killed_disagree(a, b)
    return marked and _figures_agree(a, b)


# words before a name that make it an official's or a reporter's, not a party's
_TITLES = frozenset("""
sgt sergeant officer officers lt lieutenant det detective chief sheriff deputy capt captain cpl
corporal trooper agent spokesman spokeswoman spokesperson mayor gov governor sen senator rep
president judge attorney prosecutor coroner commissioner superintendent reporter correspondent
councilman councilwoman alderman pastor rev reverend photo photos image images caption by credit staff writer""".split())
_SAYS = frozenset("said says told reported reports according added explained stated".split())
_RUN = re.compile(r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*)+")
_WORD = re.compile(r"[A-Za-z]+")
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_AGED = re.compile(r"^,? (?:\d{1,3}|aged \d{1,3})\b")
_AGED_BEFORE = re.compile(r"\d{1,3}[- ]years?[- ]old,? $")


def name_spans(text: str, place: set[str], aged: bool = False) -> Iterator[tuple[int, int, str]]:
    """Each full name in ``text``: its span and "first last" (see ``persons``); ``aged``:
    only those given an age beside them."""
    for m in _RUN.finditer(text):
        end = m.end() - 2 if m.group().endswith("'s") else m.end()  # "Ana Reyes's" is Ana Reyes
        words = [w.lower() for w in re.findall(r"[A-Za-z']+", text[m.start():end]) if len(w) > 1]
        words = [w for w in words if w not in SUFFIXES]
        if len(words) < 2 or any(w in _PLAIN or w in place or w in _TITLES for w in words):
            continue
        before = _WORD.findall(text[max(0, m.start() - 20):m.start()])
        after = _WORD.findall(text[m.end():m.end() + 25])
        if (before and before[-1].lower() in _TITLES) or (after and after[0].lower() in _SAYS):
            continue
        if "/" in text[max(0, m.start() - 3):m.end() + 3]:
            continue
        if aged and not (_AGED.match(text[m.end():m.end() + 12])
                         or _AGED_BEFORE.search(text[max(0, m.start() - 16):m.start()])):
            continue
        yield m.start(), end, f"{words[0]} {words[-1]}"


def _full_names(text: str, place: set[str], aged: bool = False) -> set[str]:
    """Full names in ``text`` as "first last" (``name_spans``)."""
    return {name for _, _, name in name_spans(text, place, aged)}


def persons(ev: Event, strong: bool = False) -> set[str]:
    """The people the event's sentence names in full, as "first last" ("Ana Reyes";
    "John Paul Miller" -> "john miller"): runs of capitalised words of
    which none is a word any report uses (``_PLAIN``: "Sutter Avenue", "Police Chief" are
    not persons) nor the event's place, and that no title ("Sgt.", "spokesman", "Photo:")
    precedes nor a verb of saying or a credit's slash follows (the officials, reporters and
    photographers who speak of or picture many events). ``strong``: only those surely a
    person: a party of the event (an actor of kind person), or given an age ("Ana
    Reyes, 31,", "31-year-old Ana Reyes"). The people the article names in full, which its
    lead event carries (``Event.named``), are the event's too; surely persons when the
    article gives them an age."""
    place = set(re.findall(r"[a-z]+", ev.location.name.lower())) if ev.location else set()
    if not strong:
        return _full_names(ev.evidence.sentence, place) | {n.name for n in ev.named}
    out = _full_names(ev.evidence.sentence, place, aged=True)
    for actor in (ev.actor1, ev.actor2, *ev.associates):
        if actor is not None and actor.kind == "person":
            out |= _full_names(actor.text, place)
    return (out & persons(ev)) | {n.name for n in ev.named if n.aged}


def nameable(ev: Event) -> bool:
    """A time of a month at the most ("in November"): a name links only such events."""
    return ev.time is not None and (ev.time.end - ev.time.start).days <= NAMED_DAYS


def brief(ev: Event) -> bool:
    """A time of a day or a few, not a month or a year (whose window overlaps every
    report of the place): the place rules link only such events."""
    return ev.time is not None and (ev.time.end - ev.time.start).days <= BRIEF_DAYS


def named_alike(a: Event, b: Event) -> bool:
    """Both events name the same person in full, one of them surely a person (a party
    or given an age): the same victim or suspect, whatever each outlet made of the place
    and the day."""
    return bool(persons(a, strong=True) & persons(b)) or bool(persons(b, strong=True) & persons(a))


def lasting_marks(ev: Event) -> set[str]:
    """The marks that still tell a happening apart months later: the people named in
    full, and ages."""
    return persons(ev) | {m for m in marks(ev) if m.startswith("age:")}


def told_again(a: Event, b: Event) -> bool:
    """A later report of the same place tells this happening again (a charge, a trial,
    a sentence): it names the same person (``named_alike``: at any time), or gives the
    same age and another mark of it ("the 7-year-old" and the victim's surname: up to
    ``LATER`` after, ``same_event``)."""
    shared = marks(a) & marks(b)
    return named_alike(a, b) or (len(shared) >= 2 and any(m.startswith("age:") for m in shared))


def _aged_alike(a: Event, b: Event) -> bool:
    """The same age given in both ("a 3-year-old") of people not of opposite sexes
    ("a 23-year-old woman" is not "a 23-year-old man"), and no casualty figure on which
    the two disagree."""
    fa, fb = _figures(a), _figures(b)
    if any(fa[k] != fb[k] for k in set(fa) & set(fb)):
        return False
    sa, sb = _aged(a.evidence.sentence), _aged(b.evidence.sentence)
    return any(sa[age] == sb[age] or "" in (sa[age], sb[age]) for age in set(sa) & set(sb))


_AGED_NOUN = re.compile(r"\b(\d{1,3})[- ](?:years?|months?)[- ]old,?((?:\s+[a-z]+){1,2})", re.IGNORECASE)
_SEX = {w: "m" for w in "man boy male son brother father husband".split()} | {
    w: "f" for w in "woman girl female daughter sister mother wife".split()}


def _aged(text: str) -> dict[str, str]:
    """Each age a sentence gives, with the sex of the noun in the next two words ("m",
    "f"; "" when untold;
    "?" when one age is given to both)."""
    out: dict[str, str] = {m.group(1): "" for m in _AGE.finditer(text)}
    for m in _AGED_NOUN.finditer(text):
        sex = next((_SEX[w] for w in m.group(2).lower().split() if w in _SEX), "")
        if sex:
            out[m.group(1)] = sex if out.get(m.group(1), "") in ("", sex) else "?"
    return out


def pointed(ev: Event) -> bool:
    """The event has a place with a point (the place rules can weigh it)."""
    return ev.location is not None and ev.location.lat is not None and ev.location.lon is not None


def _told_alike(a: Event, b: Event) -> bool:
    """One of the two has no place with a point (a wire story with no dateline, a place
    the gazetteer does not know): within a day, the same casualty figures, a shared mark
    (an age, a name) and some shared words that say more than the day; or much the
    same sentence (``COPIED``: one wire story that two outlets carry)."""
    if similarity(a, b) >= COPIED:
        return True
    return (_figures_agree(a, b) and bool(marks(a) & marks(b))
            and similarity(a, b) >= LIKE and bool(_beyond(a) & _beyond(b)))


def _killed_disagree(a: Event, b: Event) -> bool:
    fa, fb = _figures(a), _figures(b)
    return "killed" in fa and "killed" in fb and fa["killed"] != fb["killed"]


def region(ev: Event) -> tuple[str, str] | None:
    """The first-level region (a state, a province) an event's place lies in."""
    loc = ev.location
    return (loc.country or "", loc.admin1.casefold()) if loc is not None and loc.admin1 else None


def _within(a: Event, b: Event) -> bool:
    """One outlet names only the region ("a Kansas teenager"), the other a place in it."""
    la, lb = a.location, b.location
    return (la is not None and lb is not None and "admin1" in (la.precision, lb.precision)
            and region(a) is not None and region(a) == region(b))


def _same_name(a: Event, b: Event) -> bool:
    """The two places bear the same name (``core_name``), whatever the gazetteer made of
    each."""
    la, lb = a.location, b.location
    return la is not None and lb is not None and core_name(la.name) == core_name(lb.name)


_DIVISION = re.compile(r"\s+(?:county|parish|borough|district|governorate|province)$")


def core_name(name: str) -> str:
    """A place's name less the word for its kind of division: one outlet's "Marion",
    another's "Marion County" (that the gazetteer may put in another state)."""
    return _DIVISION.sub("", name.casefold().strip())


@dataclass(frozen=True)
class Figure:
    kind: str
    value: int
    qualifier: str
    source: str | None
    event_id: str
    article_id: str | None


def conflicting_figures(events: list[Event]) -> list[Figure]:
    """Every figure of a kind on which the cluster's sources disagree (> 10% apart)."""
    by_kind: dict[str, list[Figure]] = {}
    for ev in events:
        for q in ev.quantities:
            by_kind.setdefault(q.kind, []).append(
                Figure(q.kind, q.value, q.qualifier, q.source, ev.id, ev.article_id))
    out: list[Figure] = []
    for figures in by_kind.values():
        values = [f.value for f in figures]
        if max(values) > min(values) * (1 + TOLERANCE):
            out.extend(figures)
    return out
