"""Toponym detection rules (issue 4, second round) on hand-built spaCy docs: the NER labels are
set by hand on a blank pipeline, so each test shows exactly which evidence decides."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc, Span

from storyline.geo import gazetteer
from storyline.geo.context import read_context
from storyline.geo.detect import detect

_TOKEN = re.compile(r"\w+(?:[’'&]\w+)*|[^\w\s]")


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def _doc(vocab, text: str, ents: list[tuple[str, str]]) -> Doc:
    """A doc of ``text`` whose entities are the given (surface, label) pairs, in text order."""
    words = [m.group(0) for m in _TOKEN.finditer(text)]
    starts = [m.start() for m in _TOKEN.finditer(text)]
    spaces = [i + 1 < len(starts) and starts[i] + len(w) < starts[i + 1] for i, w in enumerate(words)]
    doc = Doc(vocab, words=words, spaces=spaces)
    spans, at = [], 0
    for surface, label in ents:
        start = doc.text.index(surface, at)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
        at = start + len(surface)
    doc.ents = spans
    return doc


def _found(doc: Doc) -> list[str]:
    return [doc.text[d.start:d.end] for d in detect(doc)]


def test_parts_of_person_names_are_not_places(vocab):
    doc = _doc(vocab, "Chief of staff John Kelly flew to Washington. Trump is angry at Kelly now.",
               [("John Kelly", "PERSON"), ("Washington", "GPE"), ("Kelly", "ORG")])
    assert _found(doc) == ["Washington"]


def test_a_generic_word_alone_is_not_a_place(vocab):
    doc = _doc(vocab, "In its petition the Centre asked the court to act.", [("Centre", "GPE")])
    assert _found(doc) == []


def test_an_unknown_gpe_needs_a_cue(vocab):
    doc = _doc(vocab, "Wavepiston has signed. She moved back to Khayelitsha last year.",
               [("Wavepiston", "GPE"), ("Khayelitsha", "GPE")])
    assert _found(doc) == ["Khayelitsha"]


def test_facilities_are_places_even_when_unknown(vocab):
    doc = _doc(vocab, "The edifice was designed as the Third Presbyterian Church by two architects.",
               [("Third Presbyterian Church", "ORG")])
    assert _found(doc) == ["Third Presbyterian Church"]


def test_a_comma_splits_a_place_entity(vocab):
    doc = _doc(vocab, "19/20 May: Thruxton, Hampshire. Then more races.", [("Thruxton, Hampshire", "GPE")])
    assert _found(doc) == ["Thruxton", "Hampshire"]


def test_countries_tagged_as_organisations_are_places(vocab):
    doc = _doc(vocab, "Talks between the DPRK and its neighbours resumed.", [("DPRK", "ORG")])
    assert _found(doc) == ["DPRK"]


def test_a_dateline_is_a_cue():
    text = "WASHINGTON (AP) - The president spoke."
    assert read_context(text, 0, 10, gazetteer()).cue
    assert not read_context("He met WASHINGTON fans.", 7, 17, gazetteer()).cue


def test_curly_possessive_is_not_part_of_the_name():
    text = "New York’s mayor spoke."
    assert read_context(text, 0, 10, gazetteer()).name == "New York"
