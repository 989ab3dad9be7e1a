"""Finds toponyms in a spaCy ``Doc``: NER corrected by the gazetteer and the surrounding words.

- GPE and LOC entities are toponyms unless they are demonyms ("Syrian") or clearly not places.
- FAC entities are toponyms when the gazetteer knows them.
- Other entities (PERSON, ORG, ...) and unlabelled capitalised names are toponyms when the
  gazetteer knows them *and* the wording says place ("the city of X", "in X", "X province"), or
  when the same name was accepted as a place elsewhere in the article. spaCy's small model tags
  "Palmyra" as PERSON; this is where that is corrected.
- "Homs province": the admin word is included in the span.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from storyline.geo import settings
from storyline.geo.context import SpanContext, read_context
from storyline.geo.gazetteer import Gazetteer, gazetteer
from storyline.geo.lexicon import cues
from storyline.geo.normalize import fold

LOGGER = logging.getLogger(__name__)

PLACE_LABELS = frozenset({"GPE", "LOC"})
MAYBE_LABELS = frozenset({"PERSON", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
LEADING_WORDS = frozenset({"the"})


@dataclass(frozen=True)
class Detected:
    """A toponym span and the context read around it."""

    start: int
    end: int
    context: SpanContext


def _trim(span: Span) -> tuple[int, int]:
    """Character offsets of an entity without a leading "the" or a trailing possessive."""
    start_token, end_token = span.start, span.end
    doc = span.doc
    while start_token < end_token and doc[start_token].lower_ in LEADING_WORDS:
        start_token += 1
    while end_token > start_token and doc[end_token - 1].tag_ == "POS":
        end_token -= 1
    if start_token >= end_token:
        return span.start_char, span.start_char
    start = doc[start_token].idx
    last = doc[end_token - 1]
    return start, last.idx + len(last.text)


def _extend_admin_suffix(doc: Doc, end_char: int) -> int:
    """Include a following singular admin word: "Homs" + "province"."""
    token = doc.char_span(end_char, end_char, alignment_mode="expand")
    index = token.start if token is not None else None
    if index is None or index >= len(doc):
        return end_char
    nxt = doc[index] if doc[index].idx >= end_char else None
    if nxt is not None and nxt.lower_ in cues().after_admin1 and not nxt.lower_.endswith("s"):
        return nxt.idx + len(nxt.text)
    return end_char


def _candidate_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, label) of entities plus unlabelled runs of capitalised proper nouns."""
    found: list[tuple[int, int, str]] = []
    covered = set()
    for ent in doc.ents:
        start, end = _trim(ent)
        if end > start:
            found.append((start, end, ent.label_))
        covered.update(range(ent.start, ent.end))
    run: list[int] = []
    for token in list(doc) + [None]:
        if token is not None and token.i not in covered and token.pos_ == "PROPN" and token.text[:1].isupper():
            run.append(token.i)
            continue
        if run:
            first, last = doc[run[0]], doc[run[-1]]
            found.append((first.idx, last.idx + len(last.text), ""))
            run = []
    return found


def _accept(label: str, text: str, context: SpanContext, gaz: Gazetteer) -> bool | None:
    """True: a toponym; False: not one; None: a toponym only if accepted elsewhere in the doc."""
    if gaz.demonym_country(context.name) or gaz.demonym_country(text):
        return False
    if label in PLACE_LABELS:
        return not (context.not_place and not gaz.is_known(context.name))
    known = gaz.is_known(context.name) and (context.cue or not _only_skeleton(gaz, context.name))
    if not known or context.not_place:
        return False
    if label == "NORP" and gaz.demonym_country(text):
        return False
    if text.replace(".", "").isupper() and len(text) <= 5 and not _names_a_division(gaz, context.name):
        return False  # "NATO", "BA": acronyms that only match some town's alternate name
    if context.strong_cue or (context.cue and label != "PERSON"):
        return True
    if label in ("", "FAC") and gaz.max_population(context.name) >= settings.MIN_GAZETTEER_POPULATION_NO_CUE:
        return True
    return None


def _names_a_division(gaz: Gazetteer, name: str) -> bool:
    """True when a candidate is a country, admin1 or region ("EU", "BC", "UAE")."""
    return any(gaz.place(c.row).kind != "city" for c in gaz.candidates(name))


def _only_skeleton(gaz: Gazetteer, name: str) -> bool:
    cands = gaz.candidates(name)
    return bool(cands) and all(c.via_skeleton for c in cands)


def detect(doc: Doc) -> list[Detected]:
    """Toponym spans of a document, in text order, with their context."""
    gaz = gazetteer()
    text = doc.text
    accepted: list[Detected] = []
    pending: list[Detected] = []
    place_keys: set[str] = set()
    for start, end, label in _candidate_spans(doc)[: settings.MAX_MENTIONS_PER_DOC]:
        if label and label not in PLACE_LABELS and label not in MAYBE_LABELS:
            continue
        end = _extend_admin_suffix(doc, end)
        context = read_context(text, start, end, gaz)
        verdict = _accept(label, text[start:end], context, gaz)
        LOGGER.debug("candidate %r (%s): %s", text[start:end], label or "-", verdict)
        item = Detected(start, end, context)
        if verdict:
            accepted.append(item)
            place_keys.add(fold(context.name))
        elif verdict is None:
            pending.append(item)
    accepted.extend(item for item in pending if fold(item.context.name) in place_keys)
    return sorted(accepted, key=lambda item: item.start)
