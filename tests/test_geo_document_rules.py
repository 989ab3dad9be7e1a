"""Document-level resolution rules (issue 4, second round): containers written after a name,
"X in Y" hosts, places named inside unknown names, GeoNames-consistent points, demonyms of
constituent countries, and the article-weighted admin1 bonus. Hand-made sentences only."""

from __future__ import annotations

import pytest

from storyline.geo import distance_km, gazetteer, resolve_spans


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    """Offsets of each name, in order, each searched after the previous one."""
    spans, at = [], 0
    for name in names:
        start = text.index(name, at)
        spans.append((start, start + len(name)))
        at = start + len(name)
    return spans


def _places(text: str, *names: str):
    return [m.place for m in resolve_spans(text, _spans(text, *names), "t")]


def _km(place, lat: float, lon: float) -> float:
    assert place is not None and place.lat is not None
    return distance_km(place.lat, place.lon, lat, lon)


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


def test_container_followed_by_the_next_sentence_and_one_sense_per_name():
    text = ("A school shooting in Parkland, Florida The town mourned. "
            "Later the Parkland students marched.")
    first, state, second = _places(text, "Parkland", "Florida", "Parkland")
    assert first.admin1_code == "US.FL" and state.kind == "admin1"
    assert second.geonameid == first.geonameid  # the bare mention means what the pinned one means


def test_a_list_is_not_a_container():
    text = "After stops in Washington, New York and Boston, the prince flew home."
    washington = _places(text, "Washington", "New York", "Boston")[0]
    assert washington.geonameid == 4140963  # not a Washington in New York state


def test_unknown_name_in_a_town_takes_the_town():
    text = "The briefing was at the Palais des Nations in Geneva, Switzerland, on Friday."
    palais, geneva, _ = _places(text, "Palais des Nations", "Geneva", "Switzerland")
    assert palais.geonameid is None and _km(palais, geneva.lat, geneva.lon) < 1


def test_a_list_item_after_a_comma_is_not_a_host():
    text = "Shows in Copenhagen, Hamburg, Brasoc and Mannheim were cancelled."
    hamburg = _places(text, "Copenhagen", "Hamburg", "Brasoc", "Mannheim")[1]
    assert hamburg.country == "DE" and hamburg.geonameid is not None


def test_place_named_inside_an_unknown_name():
    text = ("The crash happened in Coggeshall, Essex, England. The driver was taken to "
            "Colchester General Hospital by the ambulance crew.")
    hospital = _places(text, "Coggeshall", "Essex", "England", "Colchester General Hospital")[3]
    assert _km(hospital, 51.889, 0.903) < 20  # Colchester, England


def test_inner_place_gives_way_to_a_nearer_town_it_contains():
    text = ("The shooting in Parkland, Florida shocked students. He was admitted to "
            "Florida Atlantic University last year.")
    university = _places(text, "Parkland", "Florida", "Florida Atlantic University")[2]
    assert _km(university, 26.31, -80.24) < 5  # Parkland, inside Florida, not the state's middle


@pytest.mark.parametrize(("iso", "lat", "lon"), [
    ("JP", 36.0, 138.0),  # countryinfo (factbook) points, not points read from a gold file
    ("LY", 25.0, 17.0),
    ("NL", 52.5, 5.75),
    ("US", 39.76, -98.5),  # one of the first round's GeoNames points (bench/geo_build_tables.py)
])
def test_country_points_come_from_packaged_sources(gaz, iso, lat, lon):
    country = gaz.country(iso)
    assert (round(country.lat, 4), round(country.lon, 4)) == (lat, lon)


def test_english_is_england_and_still_british_evidence(gaz):
    assert gaz.demonym_country("English") == "GB"
    assert gaz.resolve("English").admin1_code == "GB.ENG"


def test_old_name_of_a_capital_does_not_get_the_capital_bonus():
    text = "The agent was poisoned in the English city of Salisbury, near London."
    salisbury = _places(text, "English", "Salisbury", "London")[1]
    assert salisbury.country == "GB"  # not Harare, once called Salisbury


def test_regions_named_with_their_article():
    text = "Russia's relations with the West have soured since 2014."
    west = _places(text, "Russia", "West")[1]
    assert west.kind == "region" and west.country is None


def test_a_dateline_state_weighs_by_its_share_of_the_article():
    text = ("COLUMBUS, Ohio - Mississippi beat Mississippi State fans in Mississippi. "
            "Mississippi fans came to Mississippi from Mississippi. They beat Louisville.")
    names = ["COLUMBUS", "Ohio"] + ["Mississippi"] * 2 + ["Mississippi"] * 3 + ["Louisville"]
    louisville = _places(text, *names)[-1]
    assert louisville.admin1_code == "US.KY"  # the big Louisville, not the Ohio village


def test_a_stray_transliteration_match_is_dropped_but_not_in_its_country():
    text = "The Hope Residence at Eva's Village in Paterson, New Jersey, opened."
    village, paterson, _ = _places(text, "Eva's Village", "Paterson", "New Jersey")
    assert _km(village, paterson.lat, paterson.lon) < 5  # not Aves, Portugal (skeleton "avas")
    text = "Syrian troops reached Sukhna, east of Palmyra, in Syria."
    sukhna = _places(text, "Syrian", "Sukhna", "Palmyra", "Syria")[1]
    assert sukhna.geonameid == 172425


def test_a_county_after_a_town_stands_for_its_state():
    text = "The fire in Hamilton, Butler County, destroyed a barn."
    hamilton = _places(text, "Hamilton", "Butler County")[0]
    assert hamilton.admin1_code == "US.OH"  # not Hamilton, Ontario (the bigger one)


def test_the_same_span_twice_does_not_raise():
    mentions = resolve_spans("Paris, France", [(0, 5), (0, 5), (7, 13)], "t")
    assert mentions[0].place == mentions[1].place and mentions[0].place.country == "FR"


@pytest.mark.parametrize(("text", "names", "admin1_code"), [
    ("ROME, Ga. - The Floyd County Commission met. Rome officials said the vote was close.",
     ["ROME", "Ga.", "Floyd County", "Rome"], "US.GA"),
    ("PARIS, Tenn. - A fire destroyed a barn near Paris on Monday.",
     ["PARIS", "Tenn.", "Paris"], "US.TN"),
    ("ROME (AP) - The Pope spoke on Sunday. Rome was quiet.", ["ROME", "Rome"], "IT.07"),
])
def test_a_short_dateline_town_is_not_read_as_an_acronym(text, names, admin1_code):
    places = _places(text, *names)
    assert places[0].admin1_code == admin1_code  # "ROME, Ga." is Rome, Georgia, not Rome, Italy
    assert places[-1].admin1_code == admin1_code  # and so is the bare "Rome" after it


@pytest.mark.parametrize(("text", "names", "kind", "country"), [
    ("A company based in Atlanta said on Monday that Georgia regulators approved the sale.",
     ["Atlanta", "Georgia"], "admin1", "US"),
    ("Russian troops crossed into Georgia, 40 km from Tbilisi.", ["Georgia", "Tbilisi"],
     "country", "GE"),
    ("Georgia is preparing for the election.", ["Georgia"], "country", "GE"),
])
def test_a_name_that_is_a_country_and_a_state_does_not_vote_for_itself(text, names, kind, country):
    georgia = _places(text, *names)[names.index("Georgia")]
    assert (georgia.kind, georgia.country) == (kind, country)


@pytest.mark.parametrize(("text", "names", "admin1_code"), [
    ("The mill in Springfield, OH closed. Springfield workers protested.",
     ["Springfield", "OH", "Springfield"], "US.OH"),
    ("He moved to Portland, ME last year.", ["Portland", "ME"], "US.ME"),
    ("The parade in Garden City, MI drew crowds.", ["Garden City", "MI"], "US.MI"),
])
def test_a_state_postal_code_after_a_town_is_its_container(text, names, admin1_code):
    assert _places(text, *names)[0].admin1_code == admin1_code


def test_a_state_by_its_main_name_is_evidence_even_when_a_town_shares_the_name():
    # "Maine" is also an old name of Des Plaines, Illinois: the state is the top reading without
    # a clear majority, and must still pull the county (and Portland) into Maine
    text = ("A storm hit Portland on Sunday. Maine officials said trees fell across "
            "Cumberland County.")
    portland, _maine, county = _places(text, "Portland", "Maine", "Cumberland County")
    assert county.admin1_code == "US.ME" and portland.admin1_code == "US.ME"
