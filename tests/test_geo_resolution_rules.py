"""Resolution rules added from the GeoWebNews error analysis (issue 4): namesake cities,
acronyms, counties, curated aliases, oceans, capitals, self-containment."""

from __future__ import annotations

import pytest

from storyline.geo import ResolveContext, gazetteer, resolve_spans


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


def test_city_named_like_its_division_is_the_city(gaz):
    assert gaz.resolve("New York").geonameid == 5128581
    assert gaz.resolve("Geneva", ResolveContext(countries={"CH": 1.0})).geonameid == 2660646
    # the wording still asks for the division
    assert gaz.resolve("New York", ResolveContext(kind="admin1")).kind == "admin1"


def test_small_namesake_city_does_not_take_over_its_division(gaz):
    assert gaz.resolve("Quebec").kind == "admin1"


def test_acronyms_do_not_match_towns_by_alternate_names(gaz):
    assert gaz.resolve("SANA") is None  # the Syrian news agency: not Sanaa, not Saña (Peru)
    assert gaz.resolve("UCLA") is None
    assert gaz.resolve("ROME").geonameid == gaz.resolve("Rome").geonameid  # a dateline
    assert gaz.resolve("EU").kind == "region"


def test_counties_from_the_admin2_table(gaz):
    county = gaz.resolve("Cuyahoga County")
    assert county.country == "US" and county.admin1_code == "US.OH" and county.admin1 == "Ohio"
    kent = gaz.resolve("Kent", ResolveContext(countries={"GB": 1.0}))
    assert kent.country == "GB" and kent.admin1_code == "GB.ENG"


def test_curated_aliases_decide(gaz):
    assert gaz.resolve("White House").geonameid == 4140963  # not Casablanca ("Dar el Beida")
    assert gaz.resolve("Kremlin").geonameid == 524901
    assert gaz.resolve("DPRK").country == "KP"


def test_oceans_and_capitals(gaz):
    assert gaz.resolve("Atlantic", ResolveContext(countries={"US": 1.0})).kind == "region"
    assert gaz.resolve("Washington", ResolveContext(countries={"GB": 0.5, "US": 0.5})).geonameid == 4140963


def test_a_state_is_not_its_own_container():
    text = "Helena, Montana is the capital. Montana voted. Montana lawmakers met in Helena."
    spans = [(0, 6), (8, 15), (32, 39), (47, 54), (76, 82)]
    places = [m.place for m in resolve_spans(text, spans, "t")]
    assert [p.kind for p in places[1:4]] == ["admin1"] * 3
