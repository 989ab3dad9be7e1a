"""Every tunable of date ranking, per-date summaries and queries in one place (typed constants).

Tuned on the two Syrian-crisis Timeline17 development topics only (see docs/tls.md).
"""

from __future__ import annotations

from typing import Final

# --- date ranking -----------------------------------------------------------------------------
# Weight of each signal in a date's score (counts damped by COUNT_POWER).
W_ARTICLES: Final[float] = 1.0  # distinct articles that mention the date (timexes or events)
W_SENTENCES: Final[float] = 0.0  # sentences that mention the date (news-tls MentionCount)
W_TOPICAL: Final[float] = 0.0  # articles whose sentence mentioning the date holds a query keyword
W_LATER_REFS: Final[float] = 0.6  # articles published after the date that still refer back to it
W_OUTLETS: Final[float] = 0.3  # distinct outlets mentioning the date
W_PUBLISHED: Final[float] = 0.2  # articles published on the date or the next day
W_EVENT_TYPE: Final[float] = 0.3  # mean type weight of the events dated that day
W_CENTRALITY: Final[float] = 0.3  # mean centrality of the participants of that day's events
# An article that refers to a day only relatively ("on Friday") counts this much; one naming it 1.
RELATIVE_MENTION_WEIGHT: Final[float] = 1.0
# A sentence dated only through the event it was linked to (not by its own timex) counts this much
# when the mentions are event mentions only (queries over a build), and INHERITED_WEIGHT_WITH_TIMEXES
# when they include every day-precision timex of the analyses (bench/tls.py): there, 1.0 swung Date
# F1 by +-0.03 with the linker's version and 0.0 was as good or better on both versions measured.
INHERITED_MENTION_WEIGHT: Final[float] = 1.0
INHERITED_WEIGHT_WITH_TIMEXES: Final[float] = 0.0
# Damping of every count: 0 -> log1p(count); p > 0 -> count ** p.
COUNT_POWER: Final[float] = 0.0
# Articles published this many days after a date still count as reporting it ("published right after").
PUBLISHED_WINDOW_DAYS: Final[int] = 1
# A mention made in an article published this many days or more after the date is a "later" reference.
LATER_REF_MIN_DAYS: Final[int] = 2
# An article whose text holds the query keywords this many times (or more) is fully relevant;
# fewer occurrences weigh proportionally, none removes the article from date ranking.
RELEVANCE_FULL_AT: Final[float] = 3.0
# Default weight of event types missing from data/tls_type_weights.json.
DEFAULT_TYPE_WEIGHT: Final[float] = 0.5

# --- per-date summaries -----------------------------------------------------------------------
SENTENCE_MIN_WORDS: Final[int] = 6
SENTENCE_MAX_WORDS: Final[int] = 35
# Lead sentences of an article published on (or right after) the date that are candidates.
LEAD_SENTENCES: Final[int] = 5
# Two sentences more similar than this (cosine of content words) are redundant.
REDUNDANCY_MAX_COSINE: Final[float] = 0.5
# MMR: a candidate's score loses this times its highest cosine to a sentence chosen for any day
# (0: off; 0.1 and 0.25 measured worse, docs/tls.md round 4).
MMR_WEIGHT: Final[float] = 0.0
# Length-normalised centroid similarity: above this many words (0: off) a candidate's similarity is
# multiplied by (LENGTH_NORM_WORDS / words) ** LENGTH_NORM_POWER (20-25 words, power 0.3-1: worse).
LENGTH_NORM_WORDS: Final[int] = 0
LENGTH_NORM_POWER: Final[float] = 0.5
# With keywords, a day whose candidates all lack them gets no summary (True) or off-topic ones (False).
ON_TOPIC_ONLY: Final[bool] = True
# Bonus for a candidate that mentions the date explicitly, and per query keyword it contains.
DATE_MENTION_BONUS: Final[float] = 0.15
KEYWORD_BONUS: Final[float] = 0.05
# Keywords match by prefix: "syrian" -> "syria" matches Syria, Syrian, Syrians.
KEYWORD_STEM_CHARS: Final[int] = 5
# Bonus for a sentence that opens its article (within the first LEAD_CHARS characters): the lede.
LEAD_BONUS: Final[float] = 0.1
LEAD_CHARS: Final[int] = 300

# --- date reference graph and temporal spreading (timeline/date_select.py) ---------------------
# Weight of the log temporal distance in a reference edge's weight (0: every reference counts 1).
GRAPH_DISTANCE_WEIGHT: Final[float] = 0.5
GRAPH_DAMPING: Final[float] = 0.85
GRAPH_ITERATIONS: Final[int] = 30
# Weight of the (damped) reference-graph in-degree added to a day's score in rank_dates.
W_GRAPH: Final[float] = 0.0
# Spreading: a day within SPREAD_GAP_FACTOR * window / l days of a picked day has its score
# multiplied by SPREAD_PENALTY per such picked day (SPREAD_GAP_FACTOR 0: off).
SPREAD_GAP_FACTOR: Final[float] = 0.0
SPREAD_PENALTY: Final[float] = 0.8

# --- topic keywords (timeline/keywords.py) ------------------------------------------------------
# A collection word counts (as a keyword's form, a segment, a prefix match) from this many occurrences.
KEYWORD_MIN_COUNT: Final[int] = 3
# Keyword forms this long or longer match by prefix ("syria" -> Syrian); shorter ones as whole words.
KEYWORD_PREFIX_MIN_CHARS: Final[int] = 4
# A term is specific (names something) when this share of its non-initial occurrences is capitalised.
KEYWORD_SPECIFIC_CAPITALISED: Final[float] = 0.6
# On-topic sentences must hold a specific term when the topic has one (generic ones then only add
# to the keyword bonus); False: any term will do.
REQUIRE_SPECIFIC_KEYWORD: Final[bool] = True
# A topic whose terms are all generic ("crisis", "war"): True gates on them anyway, False lets every
# sentence through (the terms then only add KEYWORD_BONUS).
GATE_ON_GENERIC_KEYWORDS: Final[bool] = False
# Segmenting an unknown lowercase concatenation: shortest piece, and a per-piece penalty (log count
# units) so that fewer, frequent pieces win.
KEYWORD_SEGMENT_MIN_CHARS: Final[int] = 2
KEYWORD_SEGMENT_PENALTY: Final[float] = 3.0
# An acronym is expanded to a capitalised name whose initials spell it from this many occurrences.
KEYWORD_ACRONYM_MIN_COUNT: Final[int] = 3
# All-caps name tokens up to this many letters are read as acronyms (longer ones only as words).
KEYWORD_ACRONYM_MAX_CHARS: Final[int] = 5
# Names added to the specific terms because they mark the articles holding them (highest lift:
# share of those articles holding the name over its share of the others); 0 = off.
KEYWORD_ASSOCIATED: Final[int] = 1
KEYWORD_ASSOCIATED_MIN_LIFT: Final[float] = 3.0
# ... and held by at least this share of the articles holding the specific terms.
KEYWORD_ASSOCIATED_MIN_SHARE: Final[float] = 0.2

# --- sentence compression (timeline/compress.py, data/tls_compression.json) -------------------
# Compress the chosen sentences: attribution heads/tails, weekday and relative-time phrases,
# parentheses deleted (deletions only; the Sentence keeps its whole span and the deleted spans).
COMPRESS: Final[bool] = True
# Choose among the compressed sentences (True) or among the whole ones, compressing the picks
# (False: better on dev, AR-1 / AR-2 0.0934 / 0.0392 vs 0.0908 / 0.0373).
COMPRESS_BEFORE_CHOICE: Final[bool] = False
# A cut is not made when it would leave fewer words than this.
COMPRESS_MIN_WORDS: Final[int] = 6
# Compression rules (names in data/tls_compression.json) not applied.
COMPRESS_OFF: Final[frozenset[str]] = frozenset()
