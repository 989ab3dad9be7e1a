"""Finds toponyms in a spaCy ``Doc``: NER corrected by the gazetteer and the surrounding words.

- Never places: demonyms ("Syrian"), a generic word alone ("the Centre"), a word of a multi-word
  PERSON of the same article ("Kelly" after "John Kelly"), lower-case names outside GPE/LOC.
- GPE and LOC entities are toponyms when the gazetteer knows them; otherwise only with a cue, a
  street/feature head word or (LOC) two words: "Wavepiston" is a company, "Lake Manassas" a lake.
  A GPE with a comma inside ("Thruxton, Hampshire") is split.
- Other entities (PERSON, ORG, FAC, ...) and unlabelled capitalised names are toponyms when the
  gazetteer knows them *and* the wording says place ("the city of X", "in (the) X", "X province",
  a dateline), when they name a country, region or populous division ("the DPRK"), a populous
  city by its main name ("a Durban court"), or when the same name was accepted as a place
  elsewhere in the article. spaCy's small model tags "Palmyra" as PERSON; this is where that is
  corrected. Names of two or more capitalised words ending in a street or building word ("Third
  Presbyterian Church") are toponyms even when the gazetteer lacks them.
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
from storyline.geo.normalize import fold, strip_the

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


def _split_at_commas(ent: Span) -> list[Span]:
    """ "Thruxton, Hampshire" tagged as one GPE: two toponyms (a comma never sits inside a name)."""
    if ent.label_ not in PLACE_LABELS or not any(token.text == "," for token in ent):
        return [ent]
    parts, first = [], ent.start
    for token in ent:
        if token.text == ",":
            if token.i > first:
                parts.append(ent.doc[first:token.i])
            first = token.i + 1
    if ent.end > first:
        parts.append(ent.doc[first:ent.end])
    return parts


def _candidate_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, label) of entities plus unlabelled runs of capitalised proper nouns."""
    found: list[tuple[int, int, str]] = []
    covered = set()
    for ent in doc.ents:
        for part in _split_at_commas(ent):
            start, end = _trim(part)
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


def _accept(
    label: str,
    text: str,
    context: SpanContext,
    gaz: Gazetteer,
    person_words: frozenset[str] = frozenset(),
) -> bool | None:
    """True: a toponym; False: not one; None: a toponym only if accepted elsewhere in the doc."""
    if gaz.demonym_country(context.name) or gaz.demonym_country(text):
        return False
    key = fold(context.name)
    if key in cues().local_heads or key in cues().after_admin1 or key in cues().after_city:
        return False  # "the Centre" (a government), "State": a generic word alone names nothing
    if key in person_words and not (context.strong_cue and label in PLACE_LABELS):
        return False  # "Kelly" after "John Kelly", "the next Salah" after "Mohamed Salah"
    if label not in PLACE_LABELS and not text[:1].isupper():
        return False  # "the supreme court", "mosques": not names
    if label in PLACE_LABELS:
        if gaz.is_known(context.name):
            return True
        # a name the gazetteer lacks: "Wavepiston", "Guhdar" are not places; "the Orinoco area",
        # "Lake Manassas", "Pilanesburg Mountains" are
        words = context.name.split()
        return not context.not_place and (
            context.cue or (fold(words[-1]) in cues().local_heads if len(words) > 1 else False)
            or (label == "LOC" and len(words) > 1)
        )
    known = gaz.is_known(context.name) and (context.cue or not _only_skeleton(gaz, context.name))
    if not known and not context.not_place and _names_a_facility(text):
        return True  # "Third Presbyterian Church", "Frenchmen Street", "Dulles International Airport"
    if not known or context.not_place:
        return False
    if label == "NORP" and gaz.demonym_country(text):
        return False
    if text.replace(".", "").isupper() and len(text) <= 5 and not _names_a_division(gaz, context.name):
        return False  # "NATO", "BA": acronyms that only match some town's alternate name
    # a PERSON tag is overruled only where no person of that name is in the document
    if context.strong_cue or (context.cue and label != "PERSON"):
        return True
    if _names_a_division(gaz, context.name, exact=True):
        return True  # countries and divisions named as actors: "the DPRK", "T&T", "Tamil Nadu"
    if gaz.max_population(context.name, primary=True) >= settings.MIN_GAZETTEER_POPULATION_NO_CUE:
        return True  # "a Durban court", "Kosice"; not "White House" (an alias of Washington)
    return None


def _names_a_facility(text: str) -> bool:
    """A capitalised name of two or more words ending in a street, building or feature word."""
    words = strip_the(text)[0].split()
    return (
        len(words) > 1 and words[0][:1].isupper() and words[-1][:1].isupper()
        and fold(words[-1]) in cues().local_heads
    )


def _person_words(doc: Doc) -> frozenset[str]:
    """Folded words of the multi-word PERSON names of a document ("John Kelly": john, kelly)."""
    words = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            words.update(fold(token.text) for token in ent if token.text[:1].isupper())
    return frozenset(words)


def _names_a_division(gaz: Gazetteer, name: str, exact: bool = False) -> bool:
    """True when a candidate is a country, admin1 or region ("EU", "BC", "UAE"); with ``exact``,
    matched by a name or curated alias, not the transliteration skeleton, and a division only
    when populous ("Tamil Nadu", "Kent"; not the admin1 "Paul" of Cape Verde)."""
    if not exact:
        return any(gaz.place(c.row).kind != "city" for c in gaz.candidates(name))
    minimum = settings.MIN_DIVISION_POPULATION_NO_CUE
    return any(
        not c.via_skeleton and (
            c.kind in ("country", "region")
            or (c.kind in ("admin1", "admin2") and gaz.tables.pops[c.row] >= minimum)
        )
        for c in gaz.candidates(name)
    )


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
    person_words = _person_words(doc)
    for start, end, label in _candidate_spans(doc)[: settings.MAX_MENTIONS_PER_DOC]:
        if label and label not in PLACE_LABELS and label not in MAYBE_LABELS:
            continue
        end = _extend_admin_suffix(doc, end)
        context = read_context(text, start, end, gaz)
        verdict = _accept(label, text[start:end], context, gaz, person_words)
        LOGGER.debug("candidate %r (%s): %s", text[start:end], label or "-", verdict)
        item = Detected(start, end, context)
        if verdict:
            accepted.append(item)
            place_keys.add(fold(context.name))
        elif verdict is None:
            pending.append(item)
    accepted.extend(item for item in pending if fold(item.context.name) in place_keys)
    return sorted(accepted, key=lambda item: item.start)
