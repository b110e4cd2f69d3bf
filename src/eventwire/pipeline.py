"""Compose the stages: Article -> spaCy Doc -> components -> ArticleDoc.

Stages import ``eventwire.model``, not each other. This module batches articles through
spaCy and runs each parse through the per-article components, named in
``registrations.DEFAULT`` (each declares the ``registry.ArticleState`` fields it requires
and assigns; the order is checked when the pipeline is built). Expensive parts (spaCy
model, gazetteer, dictionaries) are built once in ``Pipeline.load`` and passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from eventwire.extract.claim_cues import ClaimCues, load_cues
from eventwire.extract.coder.runtime import EventCoder
from eventwire.extract.quantities import QuantityLexicon
from eventwire.extract.triggers import EventTyper
from eventwire.model import Article, ArticleDoc
from eventwire.nlp.pipeline import add_place_labels, load_pipeline, parse
from eventwire.nlp.text import doc_text
from eventwire.registrations import BUILTINS, DEFAULT
from eventwire.registry import ArticleState, Component, compose, run
from eventwire.resolve.actors import ActorDictionary
from eventwire.resolve.parties import conjuncts
from eventwire.resolve.places import Gazetteer, Geoparser, load_gazetteer
from eventwire.resolve.places.priors import OutletPriors
from eventwire.resolve.timex import infer_published

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass
class Pipeline:
    nlp: Language
    typer: EventTyper
    actors: ActorDictionary
    quantities: QuantityLexicon
    geoparser: Geoparser
    cues: ClaimCues
    priors: OutletPriors | None = None  # outlets' home regions, from the store (ingest)
    coder: EventCoder | None = None  # the learned event coder; None: rules only (--fast)
    # the per-article components in order (``registrations``), checked when built
    components: Sequence[Component] = field(default_factory=lambda: compose(DEFAULT, BUILTINS))

    @classmethod
    def load(cls, priors: OutletPriors | None = None, *, fast: bool = False,
             components: Sequence[str] = DEFAULT) -> Pipeline:
        """Build every expensive part once (model, gazetteer, dictionaries); ``priors``:
        the outlets' home regions learned from stored articles (``Store.outlet_priors``);
        ``fast``: rules and lexicon only, without the learned event coder;
        ``components``: registered names (``registrations.BUILTINS``) in the order to run."""
        steps = compose(components, BUILTINS)  # checked first: a bad order fails before loading
        coder = None if fast else EventCoder()  # checked first: a missing model fails fast
        nlp = load_pipeline()
        gazetteer = load_gazetteer()
        actors = ActorDictionary.load()
        add_place_labels(nlp, lambda name: _is_place(gazetteer, name))
        return cls(
            nlp=nlp,
            typer=EventTyper.load(),
            actors=actors,
            quantities=QuantityLexicon.load(),
            geoparser=Geoparser(gazetteer),
            cues=load_cues(),
            priors=priors,
            coder=coder,
            components=steps,
        )

    def warm(self) -> None:
        """Load now what the parts read on first use, so that workers forked after this
        share it (``engines.pool``)."""
        self.geoparser.gaz.warm()

    # -- entry points ---------------------------------------------------------------

    def process(self, articles: Iterable[Article], batch_size: int = 16,
                priors: OutletPriors | None = None) -> Iterator[ArticleDoc]:
        """ArticleDocs in input order; spaCy runs over the batch with ``nlp.pipe``.
        ``priors``: outlets' home regions for these articles, else the pipeline's own."""
        priors = self.priors if priors is None else priors
        batch: list[Article] = []
        for art in articles:
            batch.append(self._dated(art))
            if len(batch) >= batch_size:
                yield from self._run(batch, priors)
                batch = []
        if batch:
            yield from self._run(batch, priors)

    def process_text(self, text: str, published: date | None = None, title: str | None = None,
                     path: str = "text", *, url: str | None = None, outlet: str | None = None,
                     priors: OutletPriors | None = None) -> ArticleDoc:
        from eventwire.ingest.readers import make_article

        art = make_article(text, path, title=title, published=published, headline_first=title is None,
                           url=url, outlet=outlet)
        return next(self.process([art], priors=priors))

    def process_html(self, html: str, published: date | None = None, path: str = "upload.html", *,
                     url: str | None = None, outlet: str | None = None,
                     priors: OutletPriors | None = None) -> ArticleDoc:
        from eventwire.ingest.readers import read_html

        art = next(iter(read_html(html.encode("utf-8"), path, url=url)))
        update = {k: v for k, v in (("published", published), ("outlet", outlet), ("url", url)) if v}
        if update:
            art = art.model_copy(update=update)
        return next(self.process([art], priors=priors))

    # -- stages ---------------------------------------------------------------------

    @staticmethod
    def _dated(art: Article) -> Article:
        """Infer the publication date from the text when none was given, and say so."""
        if art.published is not None:
            return art
        found, reason = infer_published(art.text)
        return art.model_copy(update={"published": found, "published_inferred": found is not None,
                                      "published_reason": reason})

    def _run(self, batch: list[Article], priors: OutletPriors | None) -> Iterator[ArticleDoc]:
        texts = [blank(a.text, a.boilerplate) for a in batch]
        for art, doc in zip(batch, parse(self.nlp, texts), strict=True):
            yield self._article(art, doc, priors)

    def _article(self, art: Article, doc: Doc, priors: OutletPriors | None) -> ArticleDoc:
        state = ArticleState(article=art, doc=doc, text=doc_text(doc), priors=priors)
        for component in self.components:
            run(component, self, state)
        return ArticleDoc(article=art, events=tuple(state.events), quotes=tuple(state.quote_records),
                          places=tuple(state.places), times=tuple(state.times))


MIN_POPULATION = 1000  # a NORP name is retagged as a place only if it is a town or larger


def _is_place(gazetteer: Gazetteer, name: str) -> bool:
    """A NORP entity that is really a place: a known town, region or country by that
    name, and no demonym ("Syrian" is the country's adjective, not a place)."""
    if gazetteer.demonym(name):
        return False
    return any((c.entry.pop >= MIN_POPULATION or c.entry.feature in ("country", "admin1")) and not c.alternate
               for c in gazetteer.lookup(name))  # 'Christian' is no county's main name


def blank(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """Replace boilerplate ranges by spaces: offsets stay exact, the words are gone."""
    chars = list(text)
    for start, end in ranges:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


__all__ = ["Pipeline", "blank", "conjuncts"]
