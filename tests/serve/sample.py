"""Hand-made article records for the serve tests: two short news-style articles with
events at Aleppo and near Saraqib (Idlib), every span checked against the text."""

from __future__ import annotations

import hashlib
from datetime import date

from eventwire.model import (
    Actor, Article, ArticleDoc, Event, EventType, Evidence, Location, Place, Quantity, Quote,
    Source, Time, TimeRef,
)

SHELLING_TEXT = """Shelling kills 12 in eastern Aleppo as evacuation stalls

BEIRUT, Dec. 14 — Government artillery shelled the Sukkari district of eastern Aleppo on Wednesday, killing at least 12 civilians, the Syrian Observatory for Human Rights said.

"The bombardment did not stop all night," said Ahmad al-Khatib, a volunteer with the Syrian Civil Defence.

In Idlib province, rebels of Jaysh al-Fatah clashed with government forces near Saraqib on Tuesday, Syrian state media reported, saying five fighters were killed.
"""

EVACUATION_TEXT = """Red Cross says 34,000 people evacuated from Aleppo

The International Committee of the Red Cross said on Thursday that 34,000 people had been evacuated from eastern Aleppo since Dec. 15, including 4,000 fighters who left overnight.

"This operation is nearly complete," a Red Cross spokeswoman said.
"""


def _span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def _actor(text: str, words: str, name: str, kind: str, country: str | None, inter: int) -> Actor:
    s, e = _span(text, words)
    return Actor(name=name, country=country, kind=kind, text=words, start=s, end=e,  # type: ignore[arg-type]
                 inter=inter)


def _sentence(text: str, words: str) -> Evidence:
    s, e = _span(text, words)
    return Evidence(sentence=words, start=s, end=e)


def _id(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def shelling_doc() -> ArticleDoc:
    t = SHELLING_TEXT
    aid = _id(t)
    s1 = "Government artillery shelled the Sukkari district of eastern Aleppo on Wednesday, killing at least 12 civilians, the Syrian Observatory for Human Rights said."
    ev1 = _sentence(t, s1)
    trig = _span(t, "shelled", ev1.start)
    wed = _span(t, "Wednesday", ev1.start)
    aleppo = _span(t, "Aleppo", ev1.start)
    twelve = _span(t, "at least 12", ev1.start)
    sohr = _span(t, "the Syrian Observatory for Human Rights")
    shelling = Event(
        id=_id(aid, "shelling"),
        type=EventType(plover="ASSAULT", mode="aerial", acled=(
            "Explosions/Remote violence", "Shelling/artillery/missile attack"),
            inter1=1, inter2=7, interaction=17),
        status="asserted",
        actor1=_actor(t, "Government artillery", "Military Forces of Syria", "military", "SYR", 1),
        actor2=_actor(t, "civilians", "Civilians (Syria)", "civilians", "SYR", 7),
        location=Location(name="Aleppo", country="SYR", admin1="Aleppo", lat=36.2021,
                          lon=37.1343, precision="city", gazetteer_id="170063", text="Aleppo",
                          start=aleppo[0], end=aleppo[1], reason="sentence"),
        time=TimeRef(start=date(2016, 12, 14), end=date(2016, 12, 14), precision="day",
                     text="Wednesday", reason="sentence", span_start=wed[0], span_end=wed[1]),
        quantities=(Quantity(kind="killed", value=12, qualifier="at_least", text="at least 12",
                             start=twelve[0], end=twelve[1]),),
        source=Source(name="Syrian Observatory for Human Rights", text=t[sohr[0]:sohr[1]],
                      start=sohr[0], end=sohr[1], kind="ngo", verb="said"),
        evidence=ev1.model_copy(update={"trigger": "shelled", "trigger_start": trig[0],
                                        "trigger_end": trig[1]}),
        article_id=aid,
    )
    s2 = "In Idlib province, rebels of Jaysh al-Fatah clashed with government forces near Saraqib on Tuesday, Syrian state media reported, saying five fighters were killed."
    tue = _span(t, "Tuesday")
    saraqib = _span(t, "Saraqib")
    five = _span(t, "five fighters")
    media = _span(t, "Syrian state media")
    clash = Event(
        id=_id(aid, "clash"),
        type=EventType(plover="ASSAULT", mode="firearms", acled=("Battles", "Armed clash")),
        status="claimed",
        actor1=_actor(t, "rebels of Jaysh al-Fatah", "Jaysh al-Fatah", "rebels", "SYR", 2),
        actor2=_actor(t, "government forces", "Military Forces of Syria", "military", "SYR", 1),
        location=Location(name="Saraqib", country="SYR", admin1="Idlib", lat=35.8647,
                          lon=36.8006, precision="city", text="Saraqib", start=saraqib[0],
                          end=saraqib[1], reason="sentence"),
        time=TimeRef(start=date(2016, 12, 13), end=date(2016, 12, 13), precision="day",
                     text="Tuesday", span_start=tue[0], span_end=tue[1]),
        quantities=(Quantity(kind="killed", value=5, text="five fighters", start=five[0],
                             end=five[1]),),
        source=Source(name="Syrian state media", text="Syrian state media", start=media[0],
                      end=media[1], kind="media", country="SYR", verb="reported"),
        evidence=_sentence(t, s2),
        article_id=aid,
    )
    qtext = '"The bombardment did not stop all night,"'
    q = _span(t, qtext)
    places = [Place(text="Aleppo", start=aleppo[0], end=aleppo[1], name="Aleppo", country="SYR",
                    admin1="Aleppo", lat=36.2021, lon=37.1343, feature="city"),
              Place(text="Saraqib", start=saraqib[0], end=saraqib[1], name="Saraqib",
                    country="SYR", admin1="Idlib", lat=35.8647, lon=36.8006, feature="city")]
    return ArticleDoc(
        article=Article(id=aid, title="Shelling kills 12 in eastern Aleppo as evacuation stalls",
                        text=t, published=date(2016, 12, 15), outlet="Example Wire",
                        path="tests/shelling.txt"),
        events=(shelling, clash),
        quotes=(Quote(speaker=_actor(t, "Ahmad al-Khatib", "Ahmad al-Khatib", "person", "SYR", 7),
                      text=qtext, start=q[0], end=q[1]),),
        places=tuple(places),
        times=(Time(text="Wednesday", start=wed[0], end=wed[1], start_date=date(2016, 12, 14),
                    end_date=date(2016, 12, 14), precision="day", value="2016-12-14"),),
    )


def evacuation_doc() -> ArticleDoc:
    t = EVACUATION_TEXT
    aid = _id(t)
    s1 = "The International Committee of the Red Cross said on Thursday that 34,000 people had been evacuated from eastern Aleppo since Dec. 15, including 4,000 fighters who left overnight."
    ev = _sentence(t, s1)
    aleppo = _span(t, "Aleppo", ev.start)
    n = _span(t, "34,000 people", ev.start)
    f = _span(t, "4,000 fighters", ev.start)
    icrc = _span(t, "The International Committee of the Red Cross")
    trig = _span(t, "evacuated", ev.start)
    event = Event(
        id=_id(aid, "evacuation"),
        type=EventType(plover="AID", acled=("Strategic developments", "Other")),
        status="asserted",
        actor1=_actor(t, "The International Committee of the Red Cross",
                      "International Committee of the Red Cross", "igo", None, 8),
        location=Location(name="Aleppo", country="SYR", admin1="Aleppo", lat=36.2021,
                          lon=37.1343, precision="city", text="Aleppo", start=aleppo[0],
                          end=aleppo[1]),
        time=TimeRef(start=date(2016, 12, 15), end=date(2016, 12, 22), precision="week",
                     text="since Dec. 15"),
        quantities=(Quantity(kind="evacuated", value=34000, text="34,000 people", start=n[0],
                             end=n[1]),
                    Quantity(kind="fighters", value=4000, text="4,000 fighters", start=f[0],
                             end=f[1])),
        source=Source(name="ICRC", text=t[icrc[0]:icrc[1]], start=icrc[0], end=icrc[1],
                      kind="igo", verb="said"),
        evidence=ev.model_copy(update={"trigger": "evacuated", "trigger_start": trig[0],
                                       "trigger_end": trig[1]}),
        article_id=aid,
    )
    return ArticleDoc(
        article=Article(id=aid, title="Red Cross says 34,000 people evacuated from Aleppo",
                        text=t, published=date(2016, 12, 22), outlet="Example Wire"),
        events=(event,),
    )


def sample_docs() -> list[ArticleDoc]:
    return [shelling_doc(), evacuation_doc()]
