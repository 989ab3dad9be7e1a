"""Turns ECB+ documents into storyline records (Article, EntityMention, PlaceMention, EventMention).

Gold event mentions get the same features ``link_events`` uses for extracted ones: the trigger's
lemma (spaCy, the head of a multi-word mention; the event noun after a light verb), its sentence,
and the named entities and places of that sentence as participants and place (spaCy NER), the
entities that are syntactic arguments of the trigger with their role (agent: subject or by-phrase;
patient: object or passive subject). The article's publication date is read from a dateline in the
text as ingestion does (few ECB+ documents have one) and its time expressions are tagged; the
mentions stay undated (see ``DATE_MENTIONS``).
"""

from __future__ import annotations

import datetime as dt
import logging
import pickle
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from ecb_corpus import EcbDocument, GoldMention
from storyline import nlp as nlp_module
from storyline import time as storyline_time
from storyline.events.dates import date_value
from storyline.events.lexicon import support_verbs
from storyline.ingest.dates import find_text_date
from storyline.model import Article, ArticleAnalysis, DateValue, EntityMention, EventMention, PlaceMention, Timex

LOGGER = logging.getLogger(__name__)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"})
EVENT_TYPE = "EVENT"  # gold mentions carry no storyline type: every type is compatible
# Date each gold mention with the nearest DATE expression of its sentence. Off: on ECB+ the
# sentence's date often belongs to another event ("named to host the 2014 Oscars"), and dated
# mentions then need UNDATED_THRESHOLD to join undated ones (dev CoNLL 79.9 -> 75.6).
DATE_MENTIONS = False

Parsed = dict[tuple[str, int], list[tuple[str, str, str, int, str]]]  # (doc, sentence) -> tokens


CACHE_FORMAT = "ecb-parses/2"


def parse_documents(documents: Sequence[EcbDocument], cache: Path | None = None) -> Parsed:
    """Lemma, POS, dependency, head and entity label of every token (sentences parsed one by one).

    The cache file holds parses keyed by (document, sentence) together with the sentence's words:
    a parse is reused only for the same words, missing sentences (another topic set, another
    folder) are parsed and added, so one cache file serves any set of topics.
    """
    keys = [(d.name, s) for d in documents for s in sorted(d.sentences)]
    words = {(d.name, s): tuple(d.sentences[s]) for d in documents for s in d.sentences}
    stored: dict[tuple[str, int], tuple[tuple[str, ...], list]] = {}
    if cache is not None and cache.exists():
        loaded = pickle.loads(cache.read_bytes())
        if isinstance(loaded, dict) and loaded.get("format") == CACHE_FORMAT:
            stored = loaded["entries"]
        else:
            LOGGER.warning("ignoring cache %s: older format, parsing again", cache)
    missing = [key for key in keys if key not in stored or stored[key][0] != words[key]]
    if missing:
        nlp = nlp_module.load()
        docs = (Doc(nlp.vocab, words=list(words[key])) for key in missing)
        for key, doc in zip(missing, nlp.pipe(docs, batch_size=256)):
            stored[key] = (
                words[key],
                [(t.lemma_.lower(), t.pos_, t.dep_, t.head.i, _entity_tag(t.ent_iob_, t.ent_type_)) for t in doc],
            )
        if cache is not None:
            cache.write_bytes(pickle.dumps({"format": CACHE_FORMAT, "entries": stored}))
    return {key: stored[key][1] for key in keys}


def _entity_tag(iob: str, label: str) -> str:
    """B-LABEL / I-LABEL for a token inside a named entity, O outside."""
    return f"{iob}-{label}" if label else "O"


def _head_position(positions: Sequence[int], tokens: Sequence[tuple[str, str, str, int, str]]) -> int:
    """The token of a multi-word mention whose syntactic head lies outside the mention."""
    inside = set(positions)
    heads = [p for p in positions if tokens[p][3] not in inside or tokens[p][3] == p]
    content = [p for p in heads if tokens[p][1] in {"VERB", "NOUN", "PROPN", "ADJ"}]
    head = (content or heads or list(positions))[0]
    if (tokens[head][0], "light") in support_verbs():
        # "launched an attack", "staged a protest": the event noun, as the extractor takes it
        nouns = [p for p in positions if tokens[p][3] == head and tokens[p][1:3] == ("NOUN", "dobj")]
        if nouns:
            return nouns[0]
    return head


def _entity_spans(tokens: Sequence[tuple[str, str, str, int, str]]) -> list[tuple[int, int, str]]:
    """(first, last + 1, label) of each named entity in a parsed sentence."""
    spans: list[tuple[int, int, str]] = []
    for index, token in enumerate(tokens):
        tag = token[4]
        if tag.startswith("B-") or (tag.startswith("I-") and (not spans or spans[-1][1] != index)):
            spans.append((index, index + 1, tag[2:]))
        elif tag.startswith("I-"):
            first, _, label = spans[-1]
            spans[-1] = (first, index + 1, label)
    return spans


# Dependency relations of an argument of a verbal (or nominal) trigger and the role they give, as
# storyline.events.arguments assigns them on extracted mentions.
ARGUMENT_ROLES: dict[str, str] = {"nsubj": "agent", "nsubjpass": "patient", "dobj": "patient", "poss": "agent"}
PREPOSITION_ROLES: dict[str, str] = {
    "by": "agent", "of": "patient", "against": "target", "on": "target", "from": "from"
}


def argument_heads(head: int, tokens: Sequence[tuple[str, str, str, int, str]]) -> list[tuple[str, int]]:
    """(role, token position) of the trigger's arguments: subject, object, by/of/against phrases.

    A trigger that is an open clausal complement or participle ("was killed", "began firing")
    takes the subject of the verb it hangs from when it has none of its own.
    """
    found: list[tuple[str, int]] = []
    for position, token in enumerate(tokens):
        if token[3] != head or position == head:
            continue
        role = ARGUMENT_ROLES.get(token[2])
        if role == "agent" and token[2] == "poss" and tokens[head][1] != "NOUN":
            role = None
        if role is not None:
            found.append((role, position))
        elif token[2] in {"prep", "agent"}:
            prep_role = "agent" if token[2] == "agent" else PREPOSITION_ROLES.get(token[0])
            if prep_role is None or (token[0] == "of" and tokens[head][1] != "NOUN"):
                continue
            found += [(prep_role, p) for p, t in enumerate(tokens) if t[3] == position and t[2] == "pobj"]
    if not any(role == "agent" for role, _ in found) and tokens[head][2] in {"xcomp", "conj", "advcl"}:
        governor = tokens[head][3]
        subjects = {"nsubj", "nsubjpass"}
        found += [("agent", p) for p, t in enumerate(tokens) if t[3] == governor and t[2] in subjects and p != head]
    return found


def entity_key(words: Sequence[str], label: str) -> str:
    """A canonical key for a named entity: a person's surname, else the lower-cased name."""
    cleaned = [w for w in words if w.lower() not in {"the", "'s"}]
    if not cleaned:
        cleaned = list(words)
    if label == "PERSON":
        return f"person:{cleaned[-1].lower()}"
    return f"{label.lower()}:{' '.join(w.lower() for w in cleaned)}"


def _participants(
    head: int,
    tokens: Sequence[tuple[str, str, str, int, str]],
    offsets: dict[tuple[int, int], tuple[int, int]],
    sentence: int,
    entities: Sequence[EntityMention],
) -> tuple[tuple[str, EntityMention], ...]:
    """The sentence's named entities, with the role of those that are arguments of the trigger
    (the entity covering the argument head or one of its compound or modifier children)."""
    role_of: dict[int, str] = {}
    for role, position in argument_heads(head, tokens):
        covered = [position] + [
            p for p, t in enumerate(tokens) if t[3] == position and t[2] in {"compound", "amod", "poss", "nmod"}
        ]
        for index, entity in enumerate(entities):
            if index in role_of:
                continue
            if any(entity.start <= offsets[(sentence, p)][0] < entity.end for p in covered):
                role_of[index] = role
                break
    return tuple((role_of.get(index, "participant"), entity) for index, entity in enumerate(entities))


def sentence_date(
    timexes: Sequence[Timex], start: int, end: int, trigger: int, published: dt.date | None
) -> tuple[DateValue | None, Timex | None]:
    """The date of the DATE expression of the sentence [start, end) nearest the trigger, or None."""
    found = [t for t in timexes if t.type == "DATE" and start <= t.start and t.end <= end]
    for timex in sorted(found, key=lambda t: abs(t.start - trigger)):
        value = date_value(timex, published)
        if value is not None:
            return value, timex
    return None, None


def to_analysis(
    document: EcbDocument, parsed: Parsed, entity_of_mention: dict[tuple[str, int, int], str]
) -> tuple[ArticleAnalysis, dict[str, GoldMention]]:
    """The document as an ArticleAnalysis with one EventMention per gold mention."""
    pieces: list[str] = []
    offsets: dict[tuple[int, int], tuple[int, int]] = {}
    bounds: dict[int, tuple[int, int]] = {}
    cursor = 0
    for sentence in sorted(document.sentences):
        start = cursor
        for position, word in enumerate(document.sentences[sentence]):
            offsets[(sentence, position)] = (cursor, cursor + len(word))
            pieces.append(word + " ")
            cursor += len(word) + 1
        pieces[-1] = pieces[-1][:-1] + "\n"
        bounds[sentence] = (start, cursor - 1)
    text = "".join(pieces)
    entities: list[EntityMention] = []
    places: list[PlaceMention] = []
    by_sentence: dict[int, tuple[list[EntityMention], list[PlaceMention]]] = {}
    for sentence in sorted(document.sentences):
        found = by_sentence.setdefault(sentence, ([], []))
        tokens = parsed[(document.name, sentence)]
        for first, last, label in _entity_spans(tokens):
            if label not in ACTOR_LABELS:
                continue
            start, end = offsets[(sentence, first)][0], offsets[(sentence, last - 1)][1]
            words = document.sentences[sentence][first:last]
            key = entity_key(words, label)
            entity_of_mention[(document.name, start, end)] = key
            if label in PLACE_LABELS:
                place = PlaceMention(document.name, start, end, text[start:end], None)
                places.append(place)
                found[1].append(place)
            else:
                mention = EntityMention(document.name, start, end, text[start:end], label, key)
                entities.append(mention)
                found[0].append(mention)
    dateline = find_text_date(text)
    published = dateline[0] if dateline else None
    timexes = storyline_time.tag(text, published)
    events: list[EventMention] = []
    gold_of: dict[str, GoldMention] = {}
    for gold in document.mentions:
        tokens = parsed[(document.name, gold.sentence)]
        head = _head_position(gold.positions, tokens)
        start, end = offsets[(gold.sentence, head)]
        sentence_entities, sentence_places = by_sentence.get(gold.sentence, ([], []))
        date, date_timex = sentence_date(timexes, *bounds[gold.sentence], start, published)
        events.append(
            EventMention(
                id=gold.id,
                article_id=document.name,
                sentence_start=bounds[gold.sentence][0],
                sentence_end=bounds[gold.sentence][1],
                trigger_start=start,
                trigger_end=end,
                trigger=tokens[head][0],
                type=EVENT_TYPE,
                date=date if DATE_MENTIONS else None,
                date_timex=date_timex if DATE_MENTIONS else None,
                place=sentence_places[0] if sentence_places else None,
                participants=_participants(head, tokens, offsets, gold.sentence, sentence_entities),
            )
        )
        gold_of[gold.id] = gold
    article = Article(
        id=document.name,
        text=text,
        title=None,
        outlet=document.name,
        published=published,
        published_source="text" if published else "unknown",
    )
    analysis = ArticleAnalysis(
        article=article,
        timexes=tuple(timexes),
        entities=tuple(entities),
        places=tuple(places),
        events=tuple(events),
        sentences=tuple(bounds[s] for s in sorted(bounds)),
    )
    return analysis, gold_of
