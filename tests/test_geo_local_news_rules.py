"""US local news (issue 4, geo round 6): counties and divisions named anywhere in the article,
towns inside local organisations' names, unsettled names that agree on an area, postal codes,
"central Washington". Sentences are hand-written; each test fails with its rule undone."""

from __future__ import annotations

import pytest
import spacy

from storyline.geo import gazetteer, resolve_spans
from storyline.geo.context import divisions_in_text
from test_geo_detection_rules import _doc, _found


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def _resolve(text: str, names: list[str]) -> list[tuple[str, str | None, str | None]]:
    """(surface, admin1, country) of each toponym, the spans found in order in ``text``."""
    spans, at = [], 0
    for name in names:
        start = text.index(name, at)
        spans.append((start, start + len(name)))
        at = start + len(name)
    return [
        (m.text, m.place.admin1 if m.place else None, m.place.country if m.place else None)
        for m in resolve_spans(text, spans, "t")
    ]


def _admin1(text: str, names: list[str], name: str) -> str | None:
    return next(admin1 for surface, admin1, _c in _resolve(text, names) if surface == name)


# a confidently placed county is evidence of its state (rule: counties count as admin1 evidence)
def test_a_county_stands_for_its_state():
    text = "The Tangipahoa Parish Sheriff's Office said deputies found the car near Hammond."
    assert _admin1(text, ["Tangipahoa Parish", "Hammond"], "Hammond") == "Louisiana"
    text = "A fire in Columbus destroyed a home, Muscogee County deputies said."
    assert _admin1(text, ["Columbus", "Muscogee County"], "Columbus") == "Georgia"


# two names that pass 1 could not settle pull each other into the same area (soft anchors)
@pytest.mark.parametrize(("text", "names", "name", "admin1"), [
    ("The Montgomery County commissioners met in Dayton on Monday.",
     ["Montgomery County", "Dayton"], "Montgomery County", "Ohio"),
    ("Police arrested a man near Main Street in Polk County, near Lakeland.",
     ["Main Street", "Polk County", "Lakeland"], "Polk County", "Florida"),
])
def test_unsettled_names_agree_on_an_area(text, names, name, admin1):
    assert _admin1(text, names, name) == admin1


# a division named outside the toponyms ("University of Georgia") is admin1 evidence
def test_a_division_named_inside_an_organisation_counts():
    text = "Officers in Athens arrested two students of the University of Georgia on Friday."
    assert _resolve(text, ["Athens"]) == [("Athens", "Georgia", "US")]


def test_a_newspaper_or_a_whole_country_division_does_not_count():
    text = "Officers in Athens arrested two men, the Georgia Gazette reported on Friday."
    assert _resolve(text, ["Athens"]) == [("Athens", "Attica", "GR")]
    assert divisions_in_text("The Bank of England won.", [], gazetteer(), {"GB": 1.0}) == {}
    assert divisions_in_text("The University of Georgia won.", [], gazetteer(), {"US": 1.0}) == {
        "US.GA": 1
    }


# a town opening a local organisation's name is the focus when no town is a toponym
@pytest.mark.parametrize(("text", "names", "admin1"), [
    ("The Lakeland Police Department said a man was arrested near Main Street on Friday.",
     ["Main Street"], "Florida"),
    ("Springfield City Council voted on Monday to repave Elm Street and Oak Avenue.",
     ["Elm Street", "Oak Avenue"], "Missouri"),
])
def test_a_town_inside_a_local_organisation_is_the_focus(text, names, admin1):
    for surface, found, country in _resolve(text, names):
        assert (found, country) == (admin1, "US"), surface


def test_a_postal_code_after_a_town_is_the_state():
    text = "HORRY COUNTY, SC (WMBF) - A man sat on Atlantic Avenue."
    assert _admin1(text, ["HORRY COUNTY", "SC"], "SC") == "South Carolina"


def test_a_compass_word_asks_for_the_area():
    text = "The team drove to central Washington to set up shop."
    assert _resolve(text, ["Washington"]) == [("Washington", "Washington", "US")]
    text = "Shells fell on eastern Aleppo on Monday, Syrian media said."
    assert _resolve(text, ["Aleppo"])[0][2] == "SY"


# detection: "X County" opening an organisation's name is a toponym of its own
def test_a_county_opening_an_organisation_name_is_a_place(vocab):
    doc = _doc(vocab, "The Clarke County Sheriff said a man was arrested.",
               [("Clarke County Sheriff", "ORG")])
    assert _found(doc) == ["Clarke County"]
    doc = _doc(vocab, "The Gotham County Sheriff said a man was arrested.",
               [("Gotham County Sheriff", "ORG")])
    assert _found(doc) == []


# a name whose readings all lie in one country is evidence for it even while unsettled
@pytest.mark.parametrize(("text", "names", "name", "admin1"), [
    ("Deputies of the Clarke County Sheriff's Office arrested a man in Athens on Friday.",
     ["Clarke County", "Athens"], "Athens", "Georgia"),
    ("The Lamar County Sheriff's Office said the man was arrested in Paris.",
     ["Lamar County", "Paris"], "Paris", "Texas"),
])
def test_an_unsettled_name_of_one_country_is_evidence(text, names, name, admin1):
    assert _admin1(text, names, name) == admin1


# a town listed with divisions of its country, far from all of them, is the division
def test_a_town_listed_with_states_is_the_state():
    text = "Tech jobs moved from western states such as California or Washington to Utah."
    assert _admin1(text, ["California", "Washington", "Utah"], "Washington") == "Washington"
    text = "He lived in Oregon, Washington and Idaho."
    assert _admin1(text, ["Oregon", "Washington", "Idaho"], "Washington") == "Washington"


def test_a_town_next_to_the_listed_states_stays_a_town():
    text = "Storms hit Washington, Maryland and Virginia on Monday."
    assert _admin1(text, ["Washington", "Maryland", "Virginia"], "Washington") == "Washington, D.C."
    text = "Trips to Alaska, Florida and Washington, D.C., followed."
    assert _admin1(text, ["Alaska", "Florida", "Washington"], "Washington") == "Washington, D.C."
