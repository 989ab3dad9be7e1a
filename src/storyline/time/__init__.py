"""Temporal expressions: recognition and TIMEX3 normalisation (a HeidelTime-class rule engine).

Public API::

    from storyline.time import tag
    tag(text, dct=None, doc=None) -> list[Timex]

finds DATE, TIME, DURATION and SET expressions in ``text`` and normalises them against the
document creation time ``dct`` (publication date) and the narrative's reference time (the last
date mentioned). ``doc``, the spaCy parse of the same text, gives the tense of the governing verb
for bare months and weekdays; without it a word-cue heuristic is used (``tense``). Records are
sorted by ``start``, never overlap, and ``Timex.anchor`` says what a value was resolved against:
"explicit" (fully given in the text), "dct" or "ref". With ``dct=None`` deictic values stay
underspecified ("XXXX-03", "XXXX-WXX-6").

Helpers for TIMEX3 values live in ``storyline.time.values``: ``is_valid``, ``precision``,
``interval`` (first and last day covered) and ``to_date_value`` (a model ``DateValue``).

Rules and word lists are data files in ``rules/`` (``patterns.json``, ``lexicon.json``,
``negatives.json``); tunables are in ``settings``.
"""

from __future__ import annotations

from storyline.time.tagger import tag

__all__ = ["tag"]
