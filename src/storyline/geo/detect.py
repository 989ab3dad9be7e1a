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
- Never places either: names listed as ``not_places`` in ``data/cues.json`` (armed groups named
  like towns: "Daesh", "Al-Qaeda", "Hezbollah"; the Arabic article "Al" alone; "Earth"; a
  compass adjective alone: "the Eastern part of Homs"), a name right after or starting with a
  personal title ("Mr Hague"), a state abbreviation written without its period outside a
  "Town, State" pair ("Mass killing" is not Massachusetts). Region adjectives ("Kurdish",
  "Arab", "European", "Western") stay mentions: GeoWebNews counts them as Literal_Modifier
  toponyms.
- A one-word name that is the first word of many Arabic place names ("Bab", "Tal", "Deir",
  ``name_prefixes`` in ``data/cues.json``) keeps its second word: "Bab Touma", "Deir ez-Zor".
- A possessive glued to a country, division or large city, as in text stripped of apostrophes
  ("Syrias opposition", "Russias intervention", "Syrias Hasakeh"), is that place without the "s".
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from storyline.geo import settings
from storyline.geo.context import SpanContext, read_context
from storyline.geo.gazetteer import Gazetteer, gazetteer
from storyline.geo.lexicon import cues
from storyline.geo.normalize import fold, strip_the
from storyline.geo.store import _read_comment_tsv

LOGGER = logging.getLogger(__name__)

PLACE_LABELS = frozenset({"GPE", "LOC"})
MAYBE_LABELS = frozenset({"PERSON", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
LEADING_WORDS = frozenset({"the"})
POSSESSIVE_ONLY = "POSS"  # a capitalised non-name token kept only if it is a glued possessive
_PREVIOUS_WORD = re.compile(r"(\S+)\s+$")
# the second word of "Bab Touma", "Deir ez-Zor", "Ras al-Ain": capitalised, or an Arabic article
# joined by a hyphen to the rest of the name
_SECOND_WORD = re.compile(
    r"[ \t]+(?:[A-Z][\w\u00c0-\u024f]*|(?:a[lsdznrt]|e[lsdznrt]|ash|es|ul)-[A-Za-z][\w\u00c0-\u024f]*)"
    r"(?:-[A-Za-z][\w\u00c0-\u024f]*)*"
)


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
    """(start, end, label) of entities plus unlabelled runs of capitalised proper nouns, and
    other capitalised words ending in "s" (label ``POSSESSIVE_ONLY``)."""
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
        free = token is not None and token.i not in covered
        if free and token.text[:1].isupper() and token.text.endswith("s"):
            # "Syrias opposition": kept only if it is a possessive glued to a place name
            found.append((token.idx, token.idx + len(token.text), POSSESSIVE_ONLY))
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
    if fold(context.name) in _not_places() or fold(text) in _not_places():
        return False  # "Daesh", "Al-Qaeda", "Al" alone, "Earth"
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


@functools.lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    """Folded ``not_places`` of the cue lexicon."""
    return frozenset(fold(name) for name in cues().not_places)


@functools.lru_cache(maxsize=1)
def _dotted_abbreviations() -> frozenset[str]:
    """Folded one-word aliases written with a final period in ``place_aliases.tsv`` ("Mass.")."""
    return frozenset(
        fold(alias) for alias, *_rest in _read_comment_tsv("place_aliases.tsv")
        if alias.endswith(".") and " " not in alias and alias.count(".") == 1
    )


def _bare_abbreviation(text: str, start: int, end: int) -> bool:
    """True for a dotted abbreviation written without its period and not after a comma: "Mass
    killing", "Miss Abdhou" (not "Springfield, Mass" nor "Boston, Mass.")."""
    name = text[start:end]
    if not name.istitle() or name.endswith(".") or text[end:end + 1] == ".":
        return False  # "GA", "Ga.", "(Ga.)"
    if fold(name) not in _dotted_abbreviations():
        return False
    return not text[:start].rstrip().endswith(",")


def _after_title(text: str, start: int, end: int) -> bool:
    """True for a name right after, or starting with, a personal title: "Mr Hague", "Dr. Homs"."""
    match = _PREVIOUS_WORD.search(text[max(0, start - 12):start])
    first = text[start:end].split()[0] if text[start:end].split() else ""
    titles = cues().honorifics
    return bool(match and match.group(1).lower() in titles) or (
        first.lower() in titles and len(text[start:end].split()) > 1
    )


def _glued_possessive(gaz: Gazetteer, word: str) -> bool:
    """True for a possessive written without its apostrophe: "Syrias", "Russias", "Aleppos".

    The word itself must have no direct reading, its stem must not be a demonym or a listed
    non-place ("Hamas"), and the stem must be a country, or a first-order division or a city of
    ``MIN_GAZETTEER_POPULATION_NO_CUE`` people by its main name (not "Forests": Forest, Belgium).
    """
    if len(word) < 5 or not word[:1].isupper() or word.isupper() or not word.endswith("s"):
        return False
    if word.endswith(("ss", "'s", "’s")) or fold(word) in _not_places():
        return False
    if any(not c.via_skeleton for c in gaz.candidates(word)):
        return False
    stem = word[:-1]
    if gaz.demonym_country(stem) or fold(stem) in _not_places():
        return False
    minimum = settings.MIN_GAZETTEER_POPULATION_NO_CUE
    return any(
        not c.via_skeleton and (
            c.kind == "country"
            or (c.kind in ("admin1", "city") and c.primary and gaz.tables.pops[c.row] >= minimum)
        )
        for c in gaz.candidates(stem)
    )


def _split_glued_possessive(
    doc: Doc, start: int, end: int, label: str, gaz: Gazetteer
) -> list[tuple[int, int, str]]:
    """A candidate whose first word is a glued possessive: the place without its "s" (as a GPE),
    then the rest of the candidate ("Syrias Hasakeh": "Syria", "Hasakeh")."""
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None or not len(first):
        return [] if label == POSSESSIVE_ONLY else [(start, end, label)]
    token = first[0]
    if not _glued_possessive(gaz, token.text):
        return [] if label == POSSESSIVE_ONLY else [(start, end, label)]
    parts = [(token.idx, token.idx + len(token.text) - 1, "GPE")]
    if len(first) > 1 and label != POSSESSIVE_ONLY:
        parts.append((first[1].idx, end, label))
    return parts


def _with_second_word(text: str, start: int, end: int) -> int:
    """End of a one-word name widened to its second word when the word is a ``name_prefixes``
    word of Arabic place names ("Bab" -> "Bab Touma", "Tal" -> "Tal Abyad", "Deir" -> "Deir
    ez-Zor"); ``end`` otherwise."""
    name = text[start:end]
    if " " in name or fold(name) not in cues().name_prefixes:
        return end
    match = _SECOND_WORD.match(text, end)
    return match.end() if match else end


_NAME_WORD = re.compile(r"[A-Z][\w\u00c0-\u024f.'\u2019-]*|[a-z]+")


def _county_prefix(text: str, start: int, end: int, gaz: Gazetteer) -> int | None:
    """End of a known county-level name ("Clarke County", "Tangipahoa Parish") that opens a longer
    name ("Clarke County Sheriff", "Tangipahoa Parish School Board"), else None."""
    for match in _NAME_WORD.finditer(text, start, end):
        if match.end() >= end:
            return None  # the name ends with the county word: nothing to cut
        if match.group(0).lower() in cues().county_heads and match.start() > start:
            name = text[start:match.end()]
            found = any(
                c.kind == "admin2" and not c.via_skeleton for c in gaz.candidates(name)
            )
            return match.end() if found else None
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
    candidates = [
        part
        for start, end, label in _candidate_spans(doc)
        if label in ("", POSSESSIVE_ONLY) or label in PLACE_LABELS or label in MAYBE_LABELS
        for part in _split_glued_possessive(doc, start, end, label, gaz)
    ]
    candidates.sort(key=lambda item: item[0])
    taken = 0  # end of the last span widened to its second word ("Bab" + "Touma")
    for start, end, label in candidates[: settings.MAX_MENTIONS_PER_DOC]:
        if start < taken:
            continue  # "Touma" of "Bab Touma": already inside the widened span
        if _after_title(text, start, end) or _bare_abbreviation(text, start, end):
            continue  # "Mr Hague said": a person; "Mass killing": a word, not "Mass."
        widened = _with_second_word(text, start, end)
        if widened != end:
            end = taken = widened
        else:
            widened = -1
        end = _extend_admin_suffix(doc, end)
        county_end = _county_prefix(text, start, end, gaz)
        if county_end is not None:
            end, label = county_end, "GPE"  # "Clarke County" of "Clarke County Sheriff's Office"
        context = read_context(text, start, end, gaz)
        verdict = _accept(label, text[start:end], context, gaz, person_words)
        if widened == end and not verdict and context.cue and not context.not_place:
            verdict = True  # "at Bab Touma": an Arabic place name by its form, with a cue
        LOGGER.debug("candidate %r (%s): %s", text[start:end], label or "-", verdict)
        item = Detected(start, end, context)
        if verdict:
            accepted.append(item)
            place_keys.add(fold(context.name))
        elif verdict is None:
            pending.append(item)
    accepted.extend(item for item in pending if fold(item.context.name) in place_keys)
    return sorted(accepted, key=lambda item: item.start)
