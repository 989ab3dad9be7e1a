"""Every tunable of the event extractor, as typed constants in one place."""

from __future__ import annotations

from typing import Final

# Sentences (after the headline) that count as the article's lead for publication-day dating.
LEAD_SENTENCES: Final[int] = 2
# An event dated this many days or more before publication is background, not the day's news.
BACKGROUND_DAYS: Final[int] = 7
# Whether a date inferred from the publication day (lead in present perfect, headline in present
# tense) is flagged approximate.
PUBLICATION_DATE_APPROXIMATE: Final[bool] = False
# Dates inherited from a governing "after"/"before" clause are kept only at these precisions
# (a day-precise head says little about the day of what came before it).
SEQUENCE_INHERIT_PRECISIONS: Final[frozenset[str]] = frozenset({"month", "year"})
# Timex types that can date an event (durations and sets never do).
DATING_TIMEX_TYPES: Final[frozenset[str]] = frozenset({"DATE", "TIME"})
# Steps taken up the dependency tree when looking for a governing trigger or cue.
MAX_HEAD_HOPS: Final[int] = 12
# Preposition lemmas that introduce an event's location, best first; "from" and "to" come after.
LOCATIVE_PREPOSITIONS: Final[tuple[str, ...]] = (
    "in", "at", "near", "around", "outside", "inside", "across", "over", "on", "into",
    "from", "to", "toward", "towards",
)
# Preposition lemmas whose object is a participant, with the role it plays.
PARTICIPANT_PREPOSITIONS: Final[dict[str, str]] = {
    "from": "from",
    "against": "target",
    "on": "target",
    "between": "party",
    "with": "party",
    "by": "agent",
    "to": "to",
}
# Types whose undated mentions may take the date of the article's main-news mention of the same
# type and place (a place changes hands once per news day; attacks there are many).
DATE_SHARING_TYPES: Final[frozenset[str]] = frozenset({"CAPTURE", "WITHDRAW"})
# Clause relations (of the clause a trigger climbs to) that can carry the narrative's reference
# time to an undated simple-past event: main clauses, reported clauses and coordinations.
NARRATIVE_CLAUSE_DEPS: Final[frozenset[str]] = frozenset({"ROOT", "ccomp", "conj"})
# Whether a date taken from the narrative's reference time is flagged approximate.
NARRATIVE_DATE_APPROXIMATE: Final[bool] = True
# Entity types that count as a shared participant when a background reference time is carried on
# to a later event (nationalities and bare countries are too common to tie two sentences).
PARTICIPANT_TYPES: Final[frozenset[str]] = frozenset({"PERSON", "ORG", "GROUP"})
# Subjects that refer back to an earlier participant and so continue a flashback.
ANAPHORIC_PRONOUNS: Final[frozenset[str]] = frozenset({"it", "they", "he", "she", "its"})
ANAPHORIC_DETERMINERS: Final[frozenset[str]] = frozenset({"the", "this", "that", "these", "those"})
# Whether the reference time may come from an earlier paragraph (else only from the same one).
NARRATIVE_ACROSS_PARAGRAPHS: Final[bool] = False
# Whether undated simple-past events take the narrative's reference time at all (off: the dating
# of the previous version, kept for measuring).
NARRATIVE_DATING: Final[bool] = True
