"""The entity layer from our own knowledge corrects the small model on this domain."""

from __future__ import annotations


def test_seed_names_get_the_right_labels(pipeline, seed_path) -> None:
    doc = pipeline.nlp(seed_path.read_text(encoding="utf-8"))
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("Aleppo", "GPE") in labels and ("Aleppo", "NORP") not in labels
    assert ("SANA", "ORG") in labels and ("SANA", "PERSON") not in labels
    assert ("Syrian", "NORP") in labels  # a demonym stays an adjective


def test_groups_and_peoples_are_not_places(pipeline) -> None:
    doc = pipeline.nlp("Kurdish fighters and Shiite militias clashed near Mosul, "
                       "the Syrian Observatory for Human Rights said.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Kurdish") == "NORP" and labels.get("Shiite") == "NORP"
    assert labels.get("Syrian Observatory for Human Rights") == "ORG"


def test_paragraph_breaks_end_sentences(nlp) -> None:
    doc = nlp("Rebels shell airport\n\nThe army said rebels shelled the airport on Sunday.")
    assert [s.text.strip() for s in doc.sents] == [
        "Rebels shell airport", "The army said rebels shelled the airport on Sunday."]
