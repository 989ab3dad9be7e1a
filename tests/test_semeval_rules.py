"""Round-2 rules of storyline's SemEval-2015 TimeLine system, on a hand-made document and sentences.

Each case fails when its rule is switched off: quoted "we" of a company spokesman, a participle
taking the date of the past event it depends on, a lead event noun buried in a modifier left
undated, descriptions resolved through earlier descriptions, divisions named after a company,
product-like one-word names, a person's first name as a weak form, a quoted present progressive
as the day's news, the scope of a sentence's one date.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import semeval_corpus as corpus  # noqa: E402
import semeval_system as system  # noqa: E402
import semeval_targets as targets  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "semeval"


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """Event id -> anchor for each target of ``doc_1003.in``."""
    texts = tmp_path_factory.mktemp("semeval_rules")
    shutil.copy(FIXTURES / "doc_1003.in", texts / "1003_Acme_Corp_opens_plant.tml")
    analyses = [system.analyse(parsed) for parsed in system.parse(corpus.read_documents(texts))]
    found = system.target_events(analyses, ["Acme Corp", "Jane Roe"])
    return {name: {event: anchor for anchor, event in events} for name, events in found.items()}


@pytest.mark.parametrize("target, event, anchor", [
    ("Acme Corp", "1003-2-opened", "2012-03-09"),  # "on Friday": the day before publication
    ("Acme Corp", "1003-2-hiring", "2012-03-09"),  # the lead's participle
    ("Acme Corp", "1003-9-giving", "2012-03-10"),  # "thanked ... by giving": the past event's date
    ("Acme Corp", "1003-3-dispute", system.UNKNOWN),  # lead noun in a modifier: not the day's news
    ("Acme Corp", "1003-4-hired", "2012-03-10"),  # "We" in the quote of an Acme spokesman
    ("Acme Corp", "1003-5-founded", "1990-XX-XX"),  # "The company"
    ("Acme Corp", "1003-8-sold", "2012-03-10"),  # "The firm": through "the company" three sentences up
    ("Acme Corp", "1003-10-building", "2012-03-10"),  # a quoted present progressive: the day's news
    ("Acme Corp", "1003-11-building", system.UNKNOWN),  # the same outside a quote stays undated
    ("Jane Roe", "1003-7-came", "2010-XX-XX"),  # the surname
])
def test_events_and_anchors(rows: dict[str, dict[str, str]], target: str, event: str, anchor: str) -> None:
    assert rows[target].get(event) == anchor


@pytest.mark.parametrize("target, event", [
    ("Acme Corp", "1003-6-called"),  # the mayor's event
    ("Jane Roe", "1003-4-hired"),  # the spokesman's quote is not hers
])
def test_events_of_others_are_left_out(rows: dict[str, dict[str, str]], target: str, event: str) -> None:
    assert event not in rows[target]


@pytest.mark.parametrize("text, name, heads", [
    ("Acme Robotics Division delivered the robot.", "Acme", {"Division"}),  # spaCy: one organisation
    ("Boeing 's Launch Systems bid for the contract.", "Boeing", {"Systems"}),
    ("Boeing 787 Dreamliners were sold.", "Boeing", set()),  # a model, not a division
    ("Acme sold the robot.", "Acme", set()),
])
def test_division_heads(nlp, text: str, name: str, heads: set[str]) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    words = name.split()
    spans = [(i, i + len(words)) for i in range(len(doc)) if [t.text for t in doc[i : i + len(words)]] == words]
    assert {doc[i].text for i in targets.division_heads(doc, spans, set())} == heads


@pytest.mark.parametrize("name, kind", [
    ("iPod", "PRODUCT"), ("iMac", "PRODUCT"), ("Airbus", "ORG"), ("EADS", "ORG"), ("eBay Inc", "ORG"),
])
def test_kind_of_one_word_names(name: str, kind: str) -> None:
    assert targets.kind_of(name) == kind


def test_first_name_is_a_weak_form_of_a_person() -> None:
    target = targets.make_target("Steve Jobs")
    assert target.kind == "PERSON" and ("jobs",) in target.forms and target.weak_forms == (("steve",),)


def test_first_name_needs_the_full_name_in_the_document(nlp) -> None:  # type: ignore[no-untyped-def]
    target = targets.make_target("Steve Jobs")
    alone = nlp("Steve called it a great day.")
    assert targets.name_spans(alone, target) == []
    named = nlp("Steve Jobs spoke. Later Steve called it a great day, and Steve Wozniak agreed.")
    starts = {s for s, _e in targets.name_spans(named, target)}
    steves = [t.i for t in named if t.text == "Steve"]  # Jobs, the lone first name, Wozniak
    assert steves[1] in starts and steves[2] not in starts


@pytest.mark.parametrize("sentence, event, date_word, reaches", [
    ("Acme sold the plant in 2005 .", "sold", "2005", True),  # the event's own clause
    ("Acme has sold five plants since it was founded in 2000 .", "sold", "2000", True),  # its adverbial clause
    ("Jones announced that the plant would be sold in 2007 .", "announced", "2007", False),  # a complement clause
    ("Jones , born in 1955 , has built the company .", "built", "1955", False),  # another branch
    ("In 2004 , Acme opened a plant that makes toys .", "opened", "2004", True),
])
def test_sentence_date_scope(nlp, sentence: str, event: str, date_word: str,  # type: ignore[no-untyped-def]
                             reaches: bool) -> None:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == event)
    timex = next(t for t in doc if t.text == date_word)
    assert system._date_may_reach(timex, token) == reaches
