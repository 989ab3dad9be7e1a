"""Tunables of the time engine, as typed constants in one place."""

from __future__ import annotations

from typing import Final

# Numeric dates like 3/4/2016 whose order nothing else settles (no number above 12 in it or in
# another numeric date of the same text): "US" reads month first, "EU" reads day first. Dates
# written with these separators are read day first whatever the setting (27.3.2016, 17-06-2016:
# the US writes slashes; dots and hyphens before a final year are the day-first convention).
NUMERIC_DATE_ORDER: Final[str] = "US"
DAY_FIRST_SEPARATORS: Final[str] = ".-"
# Two-digit years ('98) at or below this pivot are read as 20xx, above it as 19xx.
TWO_DIGIT_YEAR_PIVOT: Final[int] = 30
# Bare four-digit numbers are read as years only inside this range.
MIN_BARE_YEAR: Final[int] = 1000
MAX_BARE_YEAR: Final[int] = 2199
# A bare number read as a year must lie this close to the publication year, unless a year cue
# ("in", "since", "the year" ...) precedes it: news numbers like "1300 killed" or "building
# 1070" are counts and labels, not years.
BARE_YEAR_MAX_PAST: Final[int] = 120
BARE_YEAR_MAX_FUTURE: Final[int] = 30
BARE_YEAR_CUE: Final[str] = (
    r"(?:\b(?:in|since|from|between|until|till|during|before|after|year|circa|c\.|AD|BC|early|mid|late)"
    r"|\b\d{3,4}\s+(?:and|or|to))\s+$"
)
# How many dependency heads to climb from a timex to find its governing verb.
MAX_HEAD_CLIMB: Final[int] = 6
# Without a parse: how many characters around a timex are searched for tense cues.
TENSE_WINDOW_CHARS: Final[int] = 120
# Characters of left context searched for a postponing verb before "until/to" ("postponed until
# Tuesday morning any action": the weekday is ahead, whatever the tense).
POSTPONE_WINDOW_CHARS: Final[int] = 60
# Characters of left context inspected for modifiers ("more than", "early", "the end of").
MODIFIER_WINDOW_CHARS: Final[int] = 24
# Characters of context given to negative rules on each side of a candidate.
NEGATIVE_WINDOW_CHARS: Final[int] = 40
# Largest count accepted in a duration ("5000 years" is fine, "10**12 days" is not).
MAX_DURATION_COUNT: Final[float] = 100_000
# A month-day without a year is read as the nearest such date to the DCT; the clause tense may
# move it to the other side of the DCT only when the nearest reading is further than this.
MONTH_DAY_TENSE_DAYS: Final[int] = 60
# Without a tense, a bare month or month-day is read in the nearest year, but a future reading is
# allowed only up to this many months ahead of the base (news narrates the past far more often).
NEAREST_FUTURE_MONTHS: Final[int] = 4
# A bare month in a past-tense clause may still be the month after the base ("gave them until
# mid-November", written in late October): up to that many months ahead, within the DCT's calendar
# year (in December, a past "in January" is this year's January), the next occurrence is taken,
# but only when it begins at most PAST_MONTH_LOOKAHEAD_DAYS after the DCT ("since the uprising
# began in March", written on February 2, is last March).
PAST_MONTH_LOOKAHEAD: Final[int] = 1
PAST_MONTH_LOOKAHEAD_DAYS: Final[int] = 10
# Without a tense, a weekday is the nearest one, but a future reading only up to this many days ahead.
NEAREST_FUTURE_DAYS: Final[int] = 1
# Narrative reference time (HeidelTime's "narrative" documents, made conservative for news): a
# bare month or month-day in a past-tense clause with a narrative cue ("then", "at the time":
# lexicon ``narrative_cues``) takes its year from the newest earlier date that names a past year
# ("in 2011", "on 3 March 2011", or a date read from one) when that date lies at most this many
# sentence breaks back in the same paragraph and the document has read no date against the DCT
# before. 0 turns the rule off (the DCT logic alone; `bench/tempeval_narrative.py` compares both).
NARRATIVE_MAX_SENTENCES: Final[int] = 4
# A narrated month that lies more than this many months before the month- or day-precise
# reference is read in the year after it: narratives move forward ("in December 2010 ... on 3
# January" -> 2011).
NARRATIVE_NEW_YEAR_MONTHS: Final[int] = 6
