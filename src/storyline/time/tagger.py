"""The public entry point: ``tag(text, dct, doc)`` -> TIMEX3-normalised ``Timex`` records.

Two steps: recognition (``recognize``: every rule, negative rules, longest non-overlapping
matches) and normalisation in document order (``normalize`` handlers), which lets anaphoric
expressions use the reference time established by earlier ones. Modifiers in the left context
("more than", "nearly", "early", "the end of") then widen the span and set ``mod``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from spacy.tokens import Doc

from storyline.model import Timex
from storyline.time import values
from storyline.time.context import Context
from storyline.time.lexicon import lexicon, modifier_regex
from storyline.time.normalize import HANDLERS
from storyline.time.reading import Match, Reading
from storyline.time.recognize import Candidate, CandidateIndex, find_candidates, select
from storyline.time.settings import MODIFIER_WINDOW_CHARS
from storyline.time.tense import TenseOracle

LOGGER = logging.getLogger(__name__)

# Year-ago comparisons ("a year earlier") do not move the narrative's reference time.
_COMPARISON_HANDLERS = frozenset({"year_ago"})
_QUANTITY_HANDLERS = frozenset({"duration", "shift", "relative_count", "year_ago"})
_RELATIVE_START_RE = re.compile(r"^(?:this|last|next|that|today|yesterday|tomorrow|tonight)\b", re.I)


def tag(text: str, dct: dt.date | None = None, doc: Doc | None = None) -> list[Timex]:
    """Find and normalise the temporal expressions of ``text``.

    ``dct`` is the document creation (publication) date; when None, deictic expressions stay
    underspecified ("XXXX-03"). ``doc``, the spaCy parse of the same text, lets the tense of the
    governing verb pick past or future for bare months and weekdays; without it a word-cue
    heuristic is used (see ``storyline.time.tense``). Returns non-overlapping ``Timex`` records
    sorted by ``start``, with character offsets into ``text``; invalid values are never emitted.
    """
    if not text:
        return []
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    context = Context(text, dct, TenseOracle(text, doc))
    candidates = find_candidates(text)
    index = CandidateIndex(candidates)
    readings: list[tuple[Candidate, Reading]] = []
    for candidate in select(candidates):
        reading = _normalise(candidate, context, text)
        if reading is None:
            for fallback in index.inside(candidate):
                reading = _normalise(fallback, context, text)
                if reading is not None:
                    candidate = fallback
                    break
        if reading is None:
            continue
        readings.append((candidate, reading))
        if reading.point is not None and candidate.rule.handler not in _COMPARISON_HANDLERS:
            context.remember(candidate.start, reading.point, reading.explicit_year, candidate.end, reading.anchor)
    return _to_timexes(readings, text)


def _normalise(candidate: Candidate, context: Context, text: str) -> Reading | None:
    """Run the candidate's handler; drop readings whose value is not valid TIMEX3."""
    handler = HANDLERS[candidate.rule.handler]
    match = Match(candidate.start, candidate.end, text[candidate.start : candidate.end], candidate.groups)
    try:
        reading = handler(match, context)
    except (ValueError, OverflowError, KeyError) as error:
        LOGGER.debug("handler %s failed on %r: %s", candidate.rule.handler, match.text, error)
        return None
    if reading is None or not values.is_valid(reading.value):
        if reading is not None:
            LOGGER.debug("invalid value %r for %r dropped", reading.value, match.text)
        return None
    return reading


def _to_timexes(readings: list[tuple[Candidate, Reading]], text: str) -> list[Timex]:
    """Widen spans with left modifiers and build the records."""
    timexes: list[Timex] = []
    previous_end = 0
    for candidate, reading in readings:
        start, mod = _modifier(candidate, reading, text, previous_end)
        end = candidate.end
        timexes.append(
            Timex(
                start=start,
                end=end,
                text=text[start:end],
                type=reading.type,  # type: ignore[arg-type]
                value=reading.value,
                mod=mod or reading.mod,
                anchor=reading.anchor,
                quant=reading.quant,
                freq=reading.freq,
            )
        )
        previous_end = end
    return timexes


def _modifier(candidate: Candidate, reading: Reading, text: str, previous_end: int) -> tuple[int, str | None]:
    """New start and TIMEX3 mod when a modifier phrase precedes the expression."""
    lo = max(previous_end, candidate.start - MODIFIER_WINDOW_CHARS)
    match = modifier_regex().search(text, lo, candidate.start)
    if match is None or match.end() != candidate.start:
        return candidate.start, None
    phrase = " ".join(match.group("mod").lower().split())
    lex = lexicon()
    body = text[candidate.start : candidate.end]
    if phrase in lex["modifiers_before"]:
        if candidate.rule.handler not in _QUANTITY_HANDLERS or body.lower().startswith("the "):
            return candidate.start, None
        return match.start("mod"), lex["modifiers_before"][phrase]
    position = lex["modifiers_position"].get(phrase)
    if position is None or reading.type not in ("DATE", "TIME") or reading.value.endswith("_REF"):
        return candidate.start, None
    if position == "" and not _RELATIVE_START_RE.match(body):
        return candidate.start, None
    return match.start("mod"), position or None
