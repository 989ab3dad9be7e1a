"""Document-level coreference with named entities (storyline.entities.coreference), table-driven."""

from __future__ import annotations

import pytest

from storyline.entities import coreference

FILLER = "Crowds watched. Rain fell. Fog rose. Wind blew. Birds sang. Bells rang. "  # sentences naming nothing


def _span(doc, name: str) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Every token span where ``name`` is written."""
    words = name.split()
    tokens = [t.text for t in doc]
    return [(i, i + len(words)) for i in range(len(tokens)) if tokens[i : i + len(words)] == words]


@pytest.mark.parametrize("text, name, kind, others, referring", [
    # a definite description of the entity's class refers back to its name
    ("Acme Corp opened a plant. The company hired 200 workers.", "Acme Corp", "ORG", [], {"company"}),
    # ... across several sentences, and through a description already resolved ("the jet" -> "the plane")
    ("The Zephyr X9 took off on Monday. It was cold. " + FILLER + "The jet landed. " + FILLER + "The plane left.",
     "Zephyr X9", "PRODUCT", [], {"It", "jet", "plane"}),
    # a closer name of another entity of the same kind blocks the description
    ("Acme Corp sued Widget Inc. The company won.", "Acme Corp", "ORG", ["Widget Inc"], set()),
    # a name that only modifies a common noun ("Widget Inc jets") is no antecedent
    ("Acme Corp bought forty Widget Inc jets. The company paid cash.", "Acme Corp", "ORG", ["Widget Inc"],
     {"company"}),
    # an indefinite description or a noun of another class refers to nothing
    ("Acme Corp opened a plant. A company hired workers. The weather was fine.", "Acme Corp", "ORG", [], set()),
    # pronouns of the kind only
    ("John Smith founded Acme Corp. He sold it later.", "John Smith", "PERSON", [], {"He"}),
])
def test_referring_tokens(nlp, text: str, name: str, kind: str, others: list[str],  # type: ignore[no-untyped-def]
                          referring: set[str]) -> None:
    doc = nlp(text)
    other_spans = [(span, "ORG") for other in others for span in _span(doc, other)]
    found = coreference.referring_tokens(doc, kind, _span(doc, name), other_spans)
    assert {doc[i].text for i in found} == referring


@pytest.mark.parametrize("text, name, speaks", [
    # the speaker's phrase names the organisation
    ('Acme Corp chief executive John Smith said " We will build the plant . "', "Acme", True),
    # the quote goes on into the next sentence: same speaker
    ('" We are proud , " said Acme spokesman Tom Brown . " We will hire . "', "Acme", True),
    # a speaker introduced earlier with the organisation, later named by surname only
    ('Acme vice president Mary Jones spoke . " We won , " said Jones .', "Acme", True),
    # a spokeswoman introduced without an organisation speaks for the one named just before
    ('Acme cut jobs . Spokeswoman Sue Lee said it was hard . " We had no choice , " said Lee .', "Acme", True),
    # someone of another organisation, or no quote at all
    ('Widget spokesman Tom Brown said " We lost . "', "Acme", False),
    ("Acme chief John Smith said we should wait .", "Acme", False),
])
def test_quoted_first_person(nlp, text: str, name: str, speaks: bool) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    found = coreference.quoted_first_person(doc, _span(doc, name))
    assert bool(found) == speaks
    assert all(doc[i].lower_ == "we" for i in found)


def test_quote_regions_span_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp('He said " We won . It was hard . " Then he left .')
    (start, end), = coreference.quote_regions(doc)
    assert doc[start].text == "We" and doc[end - 1].text == "."
    assert doc[end].text == '"'


def test_rules_are_data() -> None:
    r = coreference.rules()
    assert "company" in r.head_nouns["ORG"] and "aircraft" in r.head_nouns["PRODUCT"]
    assert "we" in r.first_person and r.nominal_window >= r.pronoun_window >= 1


@pytest.mark.parametrize("text, speaks", [
    ('" I am proud , " said John Smith .', True),  # the person's own quote
    ('" I am proud , " said Mary Jones of John Smith .', False),  # someone else speaking of him
])
def test_quoted_first_person_singular(nlp, text: str, speaks: bool) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    found = coreference.quoted_first_person(doc, _span(doc, "John Smith"), person=True)
    assert {doc[i].text for i in found} == ({"I"} if speaks else set())
