"""Within one article: a toll told across sentences nets the wounded of the same happening."""

from __future__ import annotations

from datetime import date

import pytest

FACTS = ("asserted", "claimed", "alleged")


def _largest(pipeline, text: str, kind: str) -> int:  # type: ignore[no-untyped-def]
    from eventwire.ingest.readers import make_article

    art = make_article(text, f"t:within:{abs(hash(text))}", published=date(2016, 3, 14), headline_first=False)
    (doc,) = pipeline.process([art])
    for ev in doc.events:
        for q in ev.quantities:
            assert doc.article.text[q.start : q.end] == q.text
    return max((q.value for e in doc.events if e.status in FACTS for q in e.quantities if q.kind == kind),
               default=0)


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        # an update that one of a counted group died: the rest of the group are the wounded
        ("Five people were hospitalized after a shooting outside a bar on Maple Avenue.\n\n"
         "One of the five people wounded in the shooting has died, police said.",
         1, 4),
        # a sentence's own netting gives way to the larger toll told elsewhere
        ("Nine people were shot, four fatally, at a party on Oak Street.\n\n"
         "The gunman killed five people at the party, police said.",
         5, 4),
        # the dead told beside an arrest, not beside the shooting, are among those hit
        ("A college student is dead and two people are in police custody in the investigation of an "
         "overnight shooting in Dayton.\n\n"
         "Officers were called to an apartment on Oak Drive after four people were shot.",
         1, 3),
    ],
)
def test_a_toll_told_later_nets_the_wounded(pipeline, text: str, killed: int, wounded: int) -> None:  # type: ignore[no-untyped-def]
    assert (_largest(pipeline, text, "killed"), _largest(pipeline, text, "wounded")) == (killed, wounded)


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        # the killer's death by his own hand in the same sentence is one more dead, and
        # not one more among those he hit
        ("A man shot five people on Saturday, killing three of them, before turning the gun on himself, "
         "police said.",
         4, 2),
        ("A gunman killed four people at a store on Friday before he committed suicide.", 4 + 1, 0),
        # ... and in a sentence of its own
        ("Police said a man killed his wife and two children at their home on Sunday.\n\n"
         "He then killed himself in the garage, police said.",
         4, 0),
        # a toll of the dead may already hold him: it stays
        ("Two people were found dead on Sunday in an apparent murder-suicide.\n\n"
         "Police said the man shot his wife before killing himself.",
         2, 0),
        # a killer who turned the gun on others did not die by his own hand
        ("A man killed two people at a bar before turning the gun on the officers who arrived.", 2, 0),
    ],
)
def test_the_killers_own_death_joins_those_he_killed(pipeline, text: str, killed: int, wounded: int) -> None:  # type: ignore[no-untyped-def]
    assert (_largest(pipeline, text, "killed"), _largest(pipeline, text, "wounded")) == (killed, wounded)


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        # the one who died, told again as shot by a pronoun
        ("A hunter who shot and killed a Linn County man last fall has been charged.\n\n"
         "The man was raking leaves outside his home when he was shot, deputies said.",
         1, 0),
        # ... or by the words that counted the dead
        ("A shooting at a birthday party on Saturday killed a 19-year-old in Dover.\n\n"
         "Dover police say the shooting at the party critically injured a 19-year-old.",
         1, 0),
        # another person told as wounded stays
        ("A shooting on Pine Street killed a 19-year-old on Saturday.\n\n"
         "Police said the gunman also wounded a 40-year-old woman.",
         1, 1),
    ],
)
def test_the_dead_told_again_as_hit_are_not_wounded(pipeline, text: str, killed: int, wounded: int) -> None:  # type: ignore[no-untyped-def]
    assert (_largest(pipeline, text, "killed"), _largest(pipeline, text, "wounded")) == (killed, wounded)
