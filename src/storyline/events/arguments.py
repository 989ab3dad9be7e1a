"""An event's participants (agent, patient, from, target, party) and its place.

Participants are the entity mentions heading the trigger's syntactic arguments. The place is, best
first: the place the event acts on ("recaptured the city of Palmyra", "Palmyra was seized"), a
locative or source phrase ("near Palmyra", "drove X from Palmyra"), then the sentence. Place nouns
("the city", "the town") and pronouns standing for a place resolve to the most mentioned place of
that kind so far in the article.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from spacy.tokens import Token

from storyline.events import lexicon, settings, syntax
from storyline.events.document import DocumentView, is_place_noun
from storyline.events.triggers import Trigger
from storyline.model import Attribution, EntityMention, PlaceMention

LOGGER = logging.getLogger(__name__)

PATIENT_PLACE_TYPES = frozenset({"CAPTURE", "ASSAULT", "WITHDRAW", "AID", "MOBILIZE"})
COUNTRY_KINDS = frozenset({"country"})
INDEFINITE_DETERMINERS = frozenset({"a", "an", "another", "some", "any", "no", "every", "each"})
NESTED_LOCATIVES = frozenset({"near", "outside", "in", "inside", "around"})


def participants(view: DocumentView, trigger: Trigger) -> tuple[tuple[str, EntityMention], ...]:
    """(role, entity mention) pairs for the trigger's arguments, in text order, without repeats."""
    found: list[tuple[str, EntityMention]] = []
    seen: set[tuple[str, int]] = set()
    for role, token in _argument_heads(trigger):
        for head in (token, *syntax.children(token, "conj")):
            mention = _entity(view, head)
            if mention is None or (role, mention.start) in seen:
                continue
            seen.add((role, mention.start))
            found.append((role, mention))
    found.sort(key=lambda pair: pair[1].start)
    return tuple(found)


def place(
    view: DocumentView,
    trigger: Trigger,
    owner: dict[int, Trigger],
    attribution: Attribution | None = None,
) -> PlaceMention | None:
    """The place of an event, or None when neither its syntax nor its sentence names one.

    Places inside the names of the sources ("Russia's state news agency") are not candidates.
    """
    excluded = _source_spans(attribution)
    for token in _place_candidates(trigger):
        found = _resolve_place(view, token, trigger, owner)
        if found is not None and not _inside(found, excluded):
            return found
    found = _sentence_place(view, trigger, excluded)
    if found is not None:
        return found
    for token in _modifier_candidates(trigger):  # "a U.S. strike", "Russia's airstrikes": weakest
        mention = view.place_at(token)
        if mention is not None and not _inside(mention, excluded):
            return mention
    return None


def _source_spans(attribution: Attribution | None) -> list[tuple[int, int]]:
    """Character spans of every source in an attribution chain."""
    spans = []
    while attribution is not None:
        spans.append((attribution.start, attribution.end))
        attribution = attribution.via
    return spans


def _inside(mention: PlaceMention, spans: list[tuple[int, int]]) -> bool:
    """Whether a place mention lies within one of the spans."""
    return any(start <= mention.start and mention.end <= end for start, end in spans)


def _argument_heads(trigger: Trigger) -> Iterator[tuple[str, Token]]:
    """(role, head token) of each argument of the trigger and of its support verb."""
    anchor, token = trigger.anchor, trigger.token
    subject = syntax.subject(anchor)
    if subject is not None and subject.i != token.i:
        yield trigger.subject_role, subject
    passive = syntax.passive_subject(anchor)
    if passive is not None and passive.i != token.i:
        yield "patient", passive
    agent = syntax.by_agent(anchor)
    if agent is not None:
        yield "agent", agent
    obj = syntax.direct_object(anchor)
    if obj is not None and obj.i != token.i:
        yield "patient", obj
    for word in {anchor.i: anchor, token.i: token}.values():
        for prep, obj in syntax.preposition_objects(word):
            role = settings.PARTICIPANT_PREPOSITIONS.get(prep)
            if word.pos_ == "NOUN" and prep == "of":
                role = "patient"
            if role is not None and not (role == "agent" and word is anchor and agent is not None):
                yield role, obj
        if word.pos_ == "NOUN":
            for child in syntax.children(word, "poss", "compound", "amod"):
                yield "agent", child
    for absorbed in trigger.absorbed:
        obj = syntax.direct_object(absorbed)
        if obj is not None:
            yield "patient", obj


def _entity(view: DocumentView, head: Token) -> EntityMention | None:
    """The entity mention at an argument head (or among its compounds and modifiers)."""
    found = view.entity_of_token.get(head.i)
    if found is not None:
        return found
    for child in head.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod") and child.i in view.entity_of_token:
            return view.entity_of_token[child.i]
    return None


def _place_candidates(trigger: Trigger) -> Iterator[Token]:
    """Argument heads that may name the event's place, best first."""
    anchor, token = trigger.anchor, trigger.token
    if trigger.type in PATIENT_PLACE_TYPES:
        patient = syntax.patient(anchor)
        if patient is not None and patient.i != token.i:
            yield patient
    if trigger.subject_role == "patient":
        subject = syntax.subject(anchor)
        if subject is not None:
            yield subject
    by_prep: dict[str, list[Token]] = {}
    for word in (anchor, token, *trigger.absorbed):
        for prep, obj in syntax.preposition_objects(word):
            by_prep.setdefault(prep, []).append(obj)
            for prep2, obj2 in syntax.preposition_objects(obj):
                # "in the city of X", "on an airbase near X"
                if (prep2 in ("of", "in") and is_place_noun(obj)) or prep2 in NESTED_LOCATIVES:
                    by_prep.setdefault(prep, []).append(obj2)
    for prep in settings.LOCATIVE_PREPOSITIONS:
        yield from by_prep.get(prep, ())
    if token.pos_ == "NOUN":
        yield from by_prep.get("of", ())


def _modifier_candidates(trigger: Trigger) -> Iterator[Token]:
    """Places that only modify an event noun ("a U.S. strike"): more often actors than places."""
    if trigger.token.pos_ == "NOUN":
        yield from syntax.children(trigger.token, "compound", "poss", "amod")


def _resolve_place(view: DocumentView, token: Token, trigger: Trigger, owner: dict[int, Trigger]) -> PlaceMention | None:
    """The place a token names, directly, as a place noun, or as a pronoun standing for one."""
    found = view.place_at(token)
    if found is not None:
        return found
    if is_place_noun(token):
        if not is_definite(token):
            return None  # "a Syrian town" introduces a place; only "the town" refers back
        return view.salient_place(token.idx, lexicon.place_nouns()[token.lemma_.lower()])
    if token.pos_ == "PRON" and token.lower_ == "it":
        head = owner.get(trigger.anchor.head.i) if trigger.anchor.dep_ == "advcl" else None
        if head is not None and head is not trigger:
            for candidate in _place_candidates(head):
                resolved = view.place_at(candidate)
                if resolved is not None:
                    return resolved
                if is_place_noun(candidate) and is_definite(candidate):
                    return view.salient_place(candidate.idx, lexicon.place_nouns()[candidate.lemma_.lower()])
        return view.salient_place(token.idx, "city")
    return None


def _sentence_place(view: DocumentView, trigger: Trigger, excluded: list[tuple[int, int]]) -> PlaceMention | None:
    """A place named near the event: in its clause first; else the sentence's only sub-national
    place; else a place noun resolved in context; else the sentence's only country."""
    segment = view.segment(trigger.token)
    clause = {t.i for t in trigger.anchor.subtree}
    local: list[tuple[int, PlaceMention]] = []
    countries: list[tuple[int, PlaceMention]] = []
    nouns: list[Token] = []
    for token in view.tokens(segment):
        mention = view.place_of_token.get(token.i)
        if mention is not None and (_inside(mention, excluded) or token.dep_ == "poss"
                                    or not sentence_place_candidate(view, token, mention, segment.start)):
            continue
        if mention is not None and mention.place is not None:
            distance = abs(token.i - trigger.token.i) + (0 if token.i in clause else len(view.doc))
            bucket = countries if mention.place.kind in COUNTRY_KINDS else local
            bucket.append((distance, mention))
        elif is_place_noun(token) and token.lemma_.lower() != "area" and is_definite(token):
            nouns.append(token)
    in_clause = [pair for pair in local if pair[0] < len(view.doc)]
    if in_clause or len({_key(m) for _, m in local}) == 1:
        return min(in_clause or local, key=lambda pair: pair[0])[1]
    for noun in sorted(nouns, key=lambda t: abs(t.i - trigger.token.i)):
        resolved = view.salient_place(noun.idx, lexicon.place_nouns()[noun.lemma_.lower()])
        if resolved is not None:
            return resolved
    clause_countries = [pair for pair in countries if pair[0] < len(view.doc)]
    if clause_countries or len({_key(m) for _, m in countries}) == 1:
        return min(clause_countries or countries, key=lambda pair: pair[0])[1]
    return None


def sentence_place_candidate(view: DocumentView, token: Token, mention: PlaceMention, segment_start: int) -> bool:
    """Whether a place named somewhere in the sentence may stand for where the event happened.

    Not: a dateline (an upper-case "MOSCOW" or "BEIRUT", or a sentence-initial place followed by
    "(AFP)"), the first part of a hyphenated modifier ("US-led strikes", "UK-based monitor",
    "Al-Qaeda"), or an adjective naming a region or country ("Arab ministers", "Western states";
    a city tagged as an adjective, "Aleppo city", stays).
    """
    text = view.article.text
    after = text[mention.end : mention.end + 2]
    if len(mention.text) >= 4 and mention.text.isupper():
        return False
    if token.i == segment_start and after.strip().startswith("("):
        return False
    if len(after) == 2 and after[0] == "-" and after[1].isalpha():
        return False
    adjective = token.pos_ == "ADJ" and token.dep_ == "amod"
    return not (adjective and mention.place is not None and mention.place.kind != "city")


def is_definite(noun: Token) -> bool:
    """ "the city", "this town", "the group's stronghold": a noun phrase that can refer back."""
    return any(child.dep_ in ("det", "poss") and child.lower_ not in INDEFINITE_DETERMINERS
               for child in noun.children)


def _key(mention: PlaceMention) -> str:
    """A comparable key for a resolved place mention."""
    place = mention.place
    return "" if place is None else str(place.geonameid or place.name)
