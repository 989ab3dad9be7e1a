"""Every tunable of timeline assembly in one place (typed constants)."""

from __future__ import annotations

from typing import Final

# --- figures ----------------------------------------------------------------------------------
# Relative spread around an APPROX figure ("around 400" covers 320-480).
APPROX_SPREAD: Final[float] = 0.2
# Spread around a bare figure: outlets round, so "20" and "21" are not a conflict.
EXACT_SPREAD: Final[float] = 0.05
# Figures of the same measure in different events of one story are explained side by side ("not a
# conflict: different events") when the events are at most this many days apart.
CROSS_EVENT_DAYS: Final[int] = 7

# --- titles and summaries ---------------------------------------------------------------------
TITLE_MAX_WORDS: Final[int] = 12
# A headline titles an event reported in the article's first this-many characters, when it names
# the trigger (its first HEADLINE_STEM_CHARS letters: "kill" matches "kills") or a figure.
HEADLINE_LEAD_CHARS: Final[int] = 300
HEADLINE_STEM_CHARS: Final[int] = 4
# Title segments after " - " or " | " of at most this many words are section or outlet trailers.
TITLE_TRAILER_WORDS: Final[int] = 4
# Event types whose object is typically the place itself ("recaptured Palmyra", "left Aleppo").
PLACE_OBJECT_TYPES: Final[frozenset[str]] = frozenset({"CAPTURE", "RETREAT", "WITHDRAW"})
SUMMARY_MAX_CHARS: Final[int] = 400
# Sentences shorter than this many characters are poor summaries (headlines, fragments).
SUMMARY_MIN_CHARS: Final[int] = 40

# --- confidence -------------------------------------------------------------------------------
CONFIDENCE_BASE: Final[float] = 0.35
CONFIDENCE_PER_EXTRA_OUTLET: Final[float] = 0.2
CONFIDENCE_PER_EXTRA_ARTICLE: Final[float] = 0.05
CONFIDENCE_DATED_BONUS: Final[float] = 0.1
CONFIDENCE_PLACED_BONUS: Final[float] = 0.05
CONFIDENCE_CONFLICT_PENALTY: Final[float] = 0.1
CONFIDENCE_MAX: Final[float] = 0.99
# How much each modality is believed (the event happened as stated).
MODALITY_WEIGHT: Final[dict[str, float]] = {
    "asserted": 1.0,
    "reported": 0.9,
    "planned": 0.6,
    "hypothetical": 0.4,
    "denied": 0.4,
    "negated": 0.3,
}
