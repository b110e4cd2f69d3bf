"""Pipeline components declare what they read and write; the order is checked when built."""

from __future__ import annotations

import pytest
import spacy

from eventwire.errors import ConfigError
from eventwire.ingest.readers import make_article
from eventwire.registrations import BUILTINS, DEFAULT
from eventwire.registry import ArticleState, Component, check, compose, run


def _noop(parts: object, state: ArticleState) -> None:
    return None


def test_default_order_is_valid_and_every_builtin_is_used() -> None:
    steps = compose(DEFAULT, BUILTINS)
    assert [c.name for c in steps] == list(DEFAULT)
    assert set(DEFAULT) == set(BUILTINS)


def test_geoparser_is_registered_under_its_declared_name() -> None:
    from eventwire.resolve.places.geoparse import REGISTERED_NAME

    assert "places" in BUILTINS[REGISTERED_NAME].assigns


def test_requirement_assigned_only_later_fails_at_build_naming_both() -> None:
    order = [n for n in DEFAULT if n != "timex.find.v1"] + ["timex.find.v1"]
    with pytest.raises(ConfigError) as err:
        compose(order, BUILTINS)
    message = str(err.value)
    assert "'events.assemble.v1' requires 'time_index'" in message
    assert "assigned by timex.find.v1 later" in message


def test_requirement_no_component_assigns_fails_at_build() -> None:
    steps = [c for c in compose(DEFAULT, BUILTINS) if c.name != "quotes.find.v1"]
    with pytest.raises(ConfigError, match="'quotes' \\(assigned by no component\\)"):
        check(steps)


def test_unknown_field_and_unknown_name_are_errors() -> None:
    with pytest.raises(ConfigError, match="fields ArticleState does not have: placez"):
        check([Component("typo.v1", _noop, frozenset({"placez"}), frozenset())])
    with pytest.raises(ConfigError, match="no pipeline component registered as 'geocode.v9'"):
        compose(["geocode.v9"], BUILTINS)


def test_a_component_that_sets_an_undeclared_field_is_caught() -> None:
    text = "Police arrested two men in Caracas on Monday."
    state = ArticleState(article=make_article(text, "t.txt"), doc=spacy.blank("en")(text), text=text,
                         priors=None)

    def sly(parts: object, state: ArticleState) -> None:
        state.country = "VEN"

    with pytest.raises(ConfigError, match="'sly.v1' set country without declaring it"):
        run(Component("sly.v1", sly, frozenset({"text"}), frozenset({"focus"})), None, state)  # type: ignore[arg-type]
    run(BUILTINS["timex.find.v1"], None, state)  # type: ignore[arg-type]  # declares what it sets
    assert [t.text for t in state.times] == ["Monday"]
