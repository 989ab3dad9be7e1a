"""Every tunable of event linking in one place (typed constants).

The pair-model weights were fitted on the ECB+ training topics (``bench/ecb_fit.py``) and the
thresholds chosen on the training and dev topics; weights of features ECB+ cannot show (dates,
event types, gazetteer places, agent roles) are set by hand. See ``docs/link.md``.
"""

from __future__ import annotations

from typing import Final

# --- blocking ---------------------------------------------------------------------------------
# At most this many earlier mentions of one block (sorted by date) are compared with each mention.
BLOCK_WINDOW: Final[int] = 40
# Each mention is scored against at most this many of the earlier mentions found in its blocks.
MAX_CANDIDATES: Final[int] = 30
# Blocks bigger than this are keyed more finely (key + month bucket) before the sliding window.
LARGE_BLOCK: Final[int] = 2_000

# --- features ---------------------------------------------------------------------------------
# Words either side of the trigger that make its close context.
CONTEXT_WINDOW_WORDS: Final[int] = 6

# --- dates ------------------------------------------------------------------------------------
# Extra days of slack around a date marked approximate.
APPROX_SLACK_DAYS: Final[int] = 3
# An undated planned or hypothetical mention may come true at most this many days after its
# article's publication (reported events happen before it).
PLANNED_HORIZON_DAYS: Final[int] = 90

# --- pair similarity: logistic model (see similarity.FEATURE_NAMES) ---------------------------
# Fitted on the ECB+ training topics with bench/ecb_fit.py.
BIAS: Final[float] = -6.235
W_SAME_LEMMA: Final[float] = 3.952
W_SYNONYM: Final[float] = 3.135
# (hand-set: ECB+ gold mentions carry no storyline event type, so the fit cannot see it)
W_SAME_TYPE_ONLY: Final[float] = 0.8
W_CONTEXT: Final[float] = -4.143
W_CONTEXT_SAME_LEMMA: Final[float] = 5.121
W_WINDOW: Final[float] = 4.522
W_WINDOW_SAME_LEMMA: Final[float] = -2.722
W_PARTICIPANTS: Final[float] = 0.485
W_NO_PARTICIPANTS: Final[float] = 0.365
W_SAME_PLACE: Final[float] = 0.207
W_PLACE_CLASH: Final[float] = -0.353
W_SAME_STORY: Final[float] = 2.489
W_SAME_ARTICLE: Final[float] = 0.119
# Set by hand (ECB+ has no dates and no event types): logit added for same-day mentions (times
# the time similarity) and for agreeing event types (times type similarity above the generic 0.5).
W_TIME: Final[float] = 1.5
W_TYPE: Final[float] = 1.0
# Two different gazetteer places, neither containing the other: different events, all but always.
W_RESOLVED_PLACE_CLASH: Final[float] = -6.0
# Both mentions name agents, none shared ("rebels shelled" vs "government forces shelled").
W_AGENT_CLASH: Final[float] = -1.5
# One mention's agent is the other's patient: the opposite event in the same words.
W_ROLES_REVERSED: Final[float] = -4.0
# Participant roles of whoever undergoes the event (for W_ROLES_REVERSED).
UNDERGOER_ROLES: Final[frozenset[str]] = frozenset({"patient", "target", "from", "theme"})

# --- clustering -------------------------------------------------------------------------------
# Average-link threshold for merging two clusters.
LINK_THRESHOLD: Final[float] = 0.50
# Undated mentions join a cluster only when the linkage reaches this.
UNDATED_THRESHOLD: Final[float] = 0.80
# Two mentions in one article are linked only when the linkage reaches this.
SAME_ARTICLE_THRESHOLD: Final[float] = 0.50

# --- stories ----------------------------------------------------------------------------------
# Average-link threshold on article similarity (cosine of tf-idf word + entity vectors) for stories.
STORY_DOC_SIMILARITY: Final[float] = 0.15
# Article vectors count each canonical entity mention this many times: entities tell look-alike
# stories (two different earthquakes, two recaptures) apart better than common words do.
STORY_ENTITY_REPEAT: Final[int] = 3
# Articles are indexed by their strongest tf-idf terms; terms held by more articles are skipped.
STORY_INDEX_TERMS: Final[int] = 25
# Article vectors keep their strongest terms only; each article is compared with the articles
# sharing most index terms with it, at most this many.
STORY_VECTOR_TERMS: Final[int] = 200
STORY_MAX_NEIGHBOURS: Final[int] = 30
STORY_MAX_POSTINGS: Final[int] = 200
