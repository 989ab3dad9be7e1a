"""``tag_entities``: people, organisations and armed groups of one article with document-level keys.

Mentions come from spaCy's PERSON/ORG entities, the alias table (which also finds names the small
model misses, "Daesh", "ISIS") and acronym definitions. Keys, in order of preference:
1. the alias table id ("group:islamic-state");
2. an acronym defined in the article takes the key of its expansion ("SOHR" -> the Observatory);
3. a person's shorter form takes the key of the unique longer name it shortens in the article
   ("Assad" -> "Bashar Assad"); an organisation's head word ("the Observatory") the key of the
   unique organisation named with it;
4. otherwise a key from the transliteration-tolerant tokens ("person:rami-abdrahman").
Spans that are resolved places (spaCy tags "Palmyra" as PERSON) are left to the geo package.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from storyline.entities import settings
from storyline.entities.acronyms import find_definitions
from storyline.entities.lexicon import Actor, actors
from storyline.entities.names import is_acronym, org_key_tokens, org_tokens, person_tokens, strip_possessive
from storyline.model import EntityMention, PlaceMention

LOGGER = logging.getLogger(__name__)

TYPE_PREFIX = {"PERSON": "person", "ORG": "org", "GROUP": "group"}
_PREPOSITIONS = frozenset({"for", "of", "on", "in", "against", "to"})
_GENERIC_HEADS = frozenset({"Group", "Party", "Forces", "Force", "Army", "Front", "Council", "Agency",
                            "News", "Rights", "State", "Union", "Nations", "Department", "Office"})


@dataclass
class _Span:
    start: int
    end: int
    label: str  # PERSON | ORG | GROUP
    key: str | None = None


@functools.lru_cache(maxsize=1)
def _alias_index() -> tuple[dict[str, Actor], dict[str, Actor], re.Pattern[str] | None, re.Pattern[str] | None]:
    """Exact (case-sensitive) and folded alias look-ups and two scanning patterns."""
    exact: dict[str, Actor] = {}
    folded: dict[str, Actor] = {}
    for actor in actors():
        for name in (actor.name, *actor.aliases):
            if is_acronym(name) or name.isupper():
                exact.setdefault(name, actor)
            else:
                folded.setdefault(" ".join(org_tokens(name)), actor)
                exact.setdefault(name, actor)

    def pattern(names: list[str], flags: int) -> re.Pattern[str] | None:
        if not names:
            return None
        ordered = sorted(set(names), key=len, reverse=True)
        body = "|".join(re.escape(n) for n in ordered)
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)

    upper = [n for n in exact if is_acronym(n) or n.isupper()]
    mixed = [n for n in exact if n not in upper]
    return exact, folded, pattern(upper, 0), pattern(mixed, re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _capitals_spellings() -> dict[str, Actor]:
    """One-word mixed-case aliases written in capitals ("DAESH" for "Daesh"); short ones are left
    out, since a short word in capitals is usually another acronym."""
    spellings: dict[str, Actor] = {}
    for actor in actors():
        for name in (actor.name, *actor.aliases):
            if name.isalpha() and not name.isupper() and len(name) >= settings.MIN_CAPITALS_ALIAS_CHARS:
                spellings.setdefault(name.upper(), actor)
    return spellings


def lookup_actor(text: str) -> Actor | None:
    """The alias-table actor a name refers to, if any."""
    exact, folded, _upper, _mixed = _alias_index()
    text = strip_possessive(text)
    if text in exact:
        return exact[text]
    if is_acronym(text):
        return _capitals_spellings().get(text)
    return folded.get(" ".join(org_tokens(text)))


def _entity_spans(doc: Doc) -> list[_Span]:
    spans = []
    for ent in doc.ents:
        if ent.label_ not in settings.ENTITY_LABELS:
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ == "the":
            start += 1
        while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
            end -= 1
        if end > start:
            spans.append(_Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), ent.label_))
    return spans


def _alias_spans(text: str) -> list[_Span]:
    _exact, _folded, upper, mixed = _alias_index()
    spans = []
    for pattern in (upper, mixed):
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            actor = lookup_actor(match.group(0))
            if actor is not None:
                spans.append(_Span(match.start(), match.end(), actor.type, actor.id))
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _merge(spans: list[_Span], places: Sequence[PlaceMention]) -> list[_Span]:
    """Non-overlapping spans: alias-table matches first, then longer spans; places removed."""
    place_spans = [(p.start, p.end) for p in places if p.place is not None]
    ordered = sorted(spans, key=lambda s: (s.key is None, -(s.end - s.start), s.start))
    kept: list[_Span] = []
    for span in ordered:
        if any(_overlaps((span.start, span.end), (k.start, k.end)) for k in kept):
            continue
        if span.key is None and any(_overlaps((span.start, span.end), p) for p in place_spans):
            continue
        kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _own_key(text: str, label: str) -> str:
    actor = lookup_actor(text)
    if actor is not None:
        return actor.id
    if label == "PERSON":
        return "person:" + "-".join(person_tokens(text))
    return TYPE_PREFIX.get(label, "org") + ":" + "-".join(org_key_tokens(text))


def _shorten_people(spans: list[_Span], text: str) -> None:
    """Give "Assad" the key of the one longer name in the article that ends with it."""
    full = {}
    for span in spans:
        if span.label == "PERSON":
            tokens = person_tokens(text[span.start:span.end])
            if len(tokens) >= 2:
                full.setdefault(tokens, span.key)
    for span in spans:
        if span.label != "PERSON":
            continue
        tokens = person_tokens(text[span.start:span.end])
        if len(tokens) >= 2 or not tokens:
            if len(tokens) >= 2:  # "Bashar Assad" also shortens "President Bashar al-Assad"
                longer = {key for other, key in full.items() if len(other) > len(tokens) and other[-len(tokens):] == tokens}
                if len(longer) == 1:
                    span.key = longer.pop()
            continue
        matches = {key for other, key in full.items() if other[-1] == tokens[0]}
        if len(matches) == 1:
            span.key = matches.pop()


def _head_word(name: str) -> str | None:
    """ "Syrian Observatory for Human Rights" -> "Observatory"; None when no usable head."""
    words = name.split()
    for index, word in enumerate(words):
        if word.lower() in _PREPOSITIONS and index > 0:
            head = words[index - 1]
            break
    else:
        head = words[-1] if len(words) > 1 else None
    if not head or len(head) < settings.MIN_HEAD_CHARS or not head[0].isupper() or head in _GENERIC_HEADS:
        return None
    return head


def _head_references(spans: list[_Span], text: str) -> list[_Span]:
    """ "the Observatory" after "Syrian Observatory for Human Rights": same key."""
    heads: dict[str, set[str]] = {}
    for span in spans:
        if span.label in ("ORG", "GROUP") and span.key:
            head = _head_word(text[span.start:span.end])
            if head:
                heads.setdefault(head, set()).add(span.key)
    found = []
    for head, keys in heads.items():
        if len(keys) != 1:
            continue
        key = next(iter(keys))
        label = next(s.label for s in spans if s.key == key)
        for span in spans:  # the NER tagged "Network" on its own: re-key it
            if text[span.start:span.end] == head and lookup_actor(head) is None:
                span.key, span.label = key, label
        for match in re.finditer(rf"(?<![\w-]){re.escape(head)}(?![\w-])", text):
            span = (match.start(), match.end())
            if not any(_overlaps(span, (s.start, s.end)) for s in spans):
                found.append(_Span(span[0], span[1], label, key))
    return found


def tag_entities(doc: Doc, article_id: str, places: Sequence[PlaceMention]) -> list[EntityMention]:
    """People, organisations and armed groups in the document (not places), with document keys."""
    text = doc.text
    candidates = _entity_spans(doc) + _alias_spans(text)
    definitions = find_definitions(text)
    for definition in definitions:
        candidates.append(_Span(*definition.expansion_span, "ORG"))
    spans = _merge(candidates, places)[: settings.MAX_MENTIONS_PER_DOC]
    for span in spans:
        if span.key is None:
            span.key = _own_key(text[span.start:span.end], span.label)
        actor = lookup_actor(text[span.start:span.end])
        if actor is not None:
            span.label = actor.type
    by_text = {text[s.start:s.end]: s.key for s in spans}
    acronym_keys = {}
    for definition in definitions:
        key = by_text.get(definition.expansion) or _own_key(definition.expansion, "ORG")
        acronym_keys[definition.acronym] = key
    for span in spans:
        surface = strip_possessive(text[span.start:span.end])
        if surface in acronym_keys and lookup_actor(surface) is None:
            span.key = acronym_keys[surface]
            span.label = "ORG" if span.label == "PERSON" else span.label
    # an acronym defined in the text but not tagged by the NER still counts where it occurs
    for acronym, key in acronym_keys.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
            if not any(_overlaps((match.start(), match.end()), (s.start, s.end)) for s in spans):
                spans.append(_Span(match.start(), match.end(), "ORG", key))
    spans.sort(key=lambda s: s.start)
    _shorten_people(spans, text)
    spans.extend(_head_references(spans, text))
    spans.sort(key=lambda s: s.start)
    return [
        EntityMention(article_id, s.start, s.end, text[s.start:s.end], s.label, s.key or "")
        for s in spans
    ]
