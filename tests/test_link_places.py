"""Place agreement in linking is containment-aware: a town agrees with its province and country
(more weakly than with itself), and two places clash only when neither contains the other and
they are far apart."""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace

import pytest

from storyline.link import evidence, settings
from storyline.link.similarity import place_agreement, place_relation, places_clash
from storyline.model import Place

# Hand-made records (coordinates rounded), not gazetteer data.
TOWN = Place(1, "Khan Shaykhun", 35.44, 36.65, "SY", "Idlib", "city", "SY.10")
PROVINCE = Place(2, "Idlib", 35.83, 36.63, "SY", "Idlib", "admin1", "SY.10")
OTHER_PROVINCE = Place(3, "Hama", 35.13, 36.75, "SY", "Hama", "admin1", "SY.05")
COUNTRY = Place(4, "Syria", 35.0, 38.0, "SY", None, "country")
OTHER_COUNTRY = Place(5, "Turkey", 39.0, 35.0, "TR", None, "country")
FAR_TOWN = Place(6, "Aleppo", 36.20, 37.16, "SY", "Aleppo", "city", "SY.09")
SUBURB = Place(7, "Al-Tamanah", 35.50, 36.75, "SY", "Idlib", "city", "SY.10")
NAMED_ONLY = Place(None, "Idlib", None, None, "SY", "Idlib", "admin1")  # no id, no code, no coordinates
CITY_BY_NAME = Place(8, "Saraqib", 35.86, 36.80, "SY", "Idlib", "city")  # no admin1 code
# cities named like their own province: "Idlib" may mean the province around it
IDLIB_CITY = Place(9, "Idlib", 35.93, 36.63, "SY", "Idlib", "city", "SY.10")
HAMA_CITY = Place(10, "\u1e28am\u0101h", 35.13, 36.76, "SY", "Hama", "city", "SY.05")
HAMA_TOWN = Place(11, "Suran", 35.29, 36.74, "SY", "Hama", "city", "SY.05")
DOUMA = Place(12, "D\u016bm\u0101", 33.57, 36.40, "SY", "Rif-dimashq", "city", "SY.08")
YABRUD = Place(13, "Yabrud", 33.97, 36.66, "SY", "Rif-dimashq", "city", "SY.08")


@pytest.mark.parametrize(
    ("first", "second", "relation"),
    [
        (TOWN, TOWN, "same"),
        (TOWN, PROVINCE, "contains"),
        (PROVINCE, TOWN, "contains"),
        (TOWN, COUNTRY, "contains"),
        (PROVINCE, COUNTRY, "contains"),
        (NAMED_ONLY, CITY_BY_NAME, "contains"),  # admin1 matched by name when codes are missing
        (TOWN, SUBURB, "near"),
        (TOWN, FAR_TOWN, "apart"),
        (TOWN, OTHER_PROVINCE, "apart"),  # a province next door whose centre is over 30 km away
        (TOWN, OTHER_COUNTRY, "apart"),
        (COUNTRY, OTHER_COUNTRY, "apart"),
        (PROVINCE, OTHER_PROVINCE, "apart"),
        (IDLIB_CITY, TOWN, "contains"),  # Khan Shaykhun is 55 km from the city, in its province
        (TOWN, IDLIB_CITY, "contains"),
        (HAMA_CITY, HAMA_TOWN, "contains"),  # "\u1e28am\u0101h" names the division "Hama"
        (IDLIB_CITY, HAMA_TOWN, "apart"),  # another province
        (DOUMA, YABRUD, "apart"),  # Douma does not name its division (Rif-dimashq)
        (TOWN, None, "unknown"),
        (TOWN, Place(None, "Somewhere", None, None, None, None), "unknown"),
    ],
)
def test_place_relation(first, second, relation):
    assert place_relation(first, second) == relation
    assert places_clash(first, second) is (relation == "apart")


def _mention(place: Place | None, key: str | None = None) -> SimpleNamespace:
    """The two attributes place agreement reads."""
    ident = key if key is not None else (f"geonames:{place.geonameid}" if place is not None else None)
    return SimpleNamespace(place=ident, resolved_place=place)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (_mention(TOWN), _mention(TOWN), (1.0, 0.0)),
        (_mention(TOWN), _mention(PROVINCE), (settings.PLACE_CONTAINED_VALUE, 0.0)),
        (_mention(COUNTRY), _mention(TOWN), (settings.PLACE_CONTAINED_VALUE, 0.0)),
        (_mention(TOWN), _mention(SUBURB), (settings.PLACE_NEAR_VALUE, 0.0)),
        (_mention(TOWN), _mention(FAR_TOWN), (0.0, 1.0)),
        (_mention(TOWN), _mention(None), (0.0, 0.0)),
        # unresolved names (ECB+): equal names agree, different names clash, as before
        (_mention(None, "place:paris"), _mention(None, "place:paris"), (1.0, 0.0)),
        (_mention(None, "place:paris"), _mention(None, "place:lyon"), (0.0, 1.0)),
    ],
)
def test_place_agreement_values(first, second, expected):
    assert place_agreement(first, second) == expected
    assert place_agreement(second, first) == expected


def test_contained_agreement_is_weaker_than_equal():
    assert 0.0 < settings.PLACE_CONTAINED_VALUE < 1.0


@pytest.mark.parametrize(
    ("ours", "theirs", "bonus"),
    [
        (TOWN, TOWN, True),
        (TOWN, PROVINCE, True),  # the same-day bonus accepts a town inside the other's province
        (TOWN, SUBURB, True),
        (TOWN, COUNTRY, False),  # a shared country holds too many same-day events
        (PROVINCE, PROVINCE, False),  # two provinces: no city named
        (TOWN, FAR_TOWN, False),
        (TOWN, OTHER_PROVINCE, False),
    ],
)
def test_same_day_city_bonus_accepts_containment(ours, theirs, bonus):
    first, second = {"place": Counter({ours: 2})}, {"place": Counter({theirs: 1})}
    assert evidence.same_city(first, second) is bonus
    assert evidence.same_city(second, first) is bonus
