"""General (TimeML-style) event mentions: storyline.events.mentions."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.events.mentions import extract_mentions, find_in_doc, is_event_noun, is_event_verb
from storyline.model import Article


@pytest.mark.parametrize("sentence, events", [
    ("The company announced the purchase of ten aircraft.", {"announced", "purchase"}),
    ("Officials said the deal was signed after long negotiations.", {"said", "deal", "signed", "negotiations"}),
    ("The government of the nation has a new department.", {"has"}),
    ("Ryanair is the most profitable airline.", set()),
    ("The airline will fly the jets to Sydney.", {"fly"}),
])
def test_mentions(nlp, sentence: str, events: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert {t.text for t in find_in_doc(nlp(sentence))} == events


def test_auxiliaries_and_adjectival_participles_are_not_events(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The plane has been fitted with blended winglets.")
    words = {t.text: t for t in doc}
    assert not is_event_verb(words["has"]) and not is_event_verb(words["been"])
    assert is_event_verb(words["fitted"])
    assert not is_event_noun(words["winglets"])


def test_extract_mentions_dates_them_with_the_event_stage(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Acme Corp opened a factory on March 3, 2001. It sold the factory later."
    doc = nlp(text)
    article = Article(id="a", text=text, published=dt.date(2010, 5, 4))
    from storyline.time import tag

    mentions = {m.trigger: m for m in extract_mentions(doc, article, tag(text, article.published, doc), [], [])}
    assert {"open", "sell"} <= set(mentions)
    assert mentions["open"].type == "GENERAL"
    assert mentions["open"].date is not None and mentions["open"].date.value == "2001-03-03"


@pytest.mark.parametrize("sentence, verb, particle", [
    ("Boeing rolled out the first jet.", "rolled", "out"),  # next to the verb
    ("Jobs rounded the services off by unveiling a feature.", "rounded", "off"),  # after the object
    ("He took six months off in early 2009.", "took", "off"),  # an adverb after the object
    ("The jet was pushed back by a tug.", "pushed", None),  # an adverb next to it: no object between
    ("The company sold the plant.", "sold", None),
])
def test_particle_of(nlp, sentence: str, verb: str, particle: str | None) -> None:  # type: ignore[no-untyped-def]
    from storyline.events.mentions import particle_of

    token = next(t for t in nlp(sentence) if t.text == verb)
    found = particle_of(token)
    assert (found.text if found is not None else None) == particle


@pytest.mark.parametrize("lemma, group", [("deal", "transaction"), ("purchase", "transaction"),
                                          ("flight", "flight"), ("weather", None)])
def test_referent_class(lemma: str, group: str | None) -> None:
    from storyline.events.mentions import referent_class

    assert referent_class(lemma) == group
