"""Every tunable of event linking in one place (typed constants).

Weights and thresholds were tuned on the ECB+ training topics (see ``docs/parts/link.md``).
"""

from __future__ import annotations

from typing import Final

# --- blocking ---------------------------------------------------------------------------------
# At most this many earlier mentions of one block (sorted by date) are compared with each mention.
BLOCK_WINDOW: Final[int] = 40
# Blocks bigger than this are keyed more finely (key + month bucket) before the sliding window.
LARGE_BLOCK: Final[int] = 2_000
# Undated mentions are compared with at most this many mentions of the same block.
UNDATED_WINDOW: Final[int] = 20

# --- dates ------------------------------------------------------------------------------------
# Extra days of slack around a date marked approximate.
APPROX_SLACK_DAYS: Final[int] = 3

# --- pair similarity (weights of the feature scores, each in [0, 1]) ---------------------------
W_TRIGGER: Final[float] = 0.40
W_TYPE: Final[float] = 0.10
W_CONTEXT: Final[float] = 0.25
W_PARTICIPANTS: Final[float] = 0.15
W_PLACE: Final[float] = 0.10
W_TIME: Final[float] = 0.10
W_STORY: Final[float] = 0.10
# Penalty when both mentions name resolved places that differ.
PLACE_CLASH_PENALTY: Final[float] = 0.20
# Score given to two different lemmas of the same synonym class.
SYNONYM_SCORE: Final[float] = 0.8
# Score given to two lemmas whose event types are compatible but lemmas differ.
TYPE_ONLY_TRIGGER_SCORE: Final[float] = 0.3

# --- clustering -------------------------------------------------------------------------------
# Average-link threshold for merging two clusters.
LINK_THRESHOLD: Final[float] = 0.50
# Undated mentions join a cluster only when the linkage reaches this.
UNDATED_THRESHOLD: Final[float] = 0.70
# Two mentions in one article are linked only when the linkage reaches this.
SAME_ARTICLE_THRESHOLD: Final[float] = 0.50

# --- stories ----------------------------------------------------------------------------------
# Articles sharing at least this many linked events belong to the same story.
STORY_MIN_SHARED_EVENTS: Final[int] = 1
# Document similarity (cosine of content-word vectors) above which two articles form one story.
STORY_DOC_SIMILARITY: Final[float] = 0.35
