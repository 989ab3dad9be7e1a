"""Turns ECB+ documents into storyline records (Article, EntityMention, PlaceMention, EventMention).

Gold event mentions get the same features ``link_events`` uses for extracted ones: the trigger's
lemma (spaCy, the head of a multi-word mention), its sentence, and the named entities and places
of that sentence as participants and place (spaCy NER). ECB+ gives no publication dates, so the
mentions are undated.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from ecb_corpus import EcbDocument, GoldMention
from storyline import nlp as nlp_module
from storyline.model import Article, ArticleAnalysis, EntityMention, EventMention, PlaceMention

LOGGER = logging.getLogger(__name__)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"})
EVENT_TYPE = "EVENT"  # gold mentions carry no storyline type: every type is compatible

Parsed = dict[tuple[str, int], list[tuple[str, str, str, int, str]]]  # (doc, sentence) -> tokens


def parse_documents(documents: Sequence[EcbDocument], cache: Path | None = None) -> Parsed:
    """Lemma, POS, dependency, head and entity label of every token (sentences parsed one by one)."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    nlp = nlp_module.load()
    keys = [(d.name, s) for d in documents for s in sorted(d.sentences)]
    words = {(d.name, s): d.sentences[s] for d in documents for s in d.sentences}
    docs = (Doc(nlp.vocab, words=words[key]) for key in keys)
    parsed: Parsed = {}
    for key, doc in zip(keys, nlp.pipe(docs, batch_size=256)):
        parsed[key] = [
            (t.lemma_.lower(), t.pos_, t.dep_, t.head.i, (t.ent_iob_ + "-" + t.ent_type_) if t.ent_type_ else "O")
            for t in doc
        ]
    if cache is not None:
        cache.write_bytes(pickle.dumps(parsed))
    return parsed


def _head_position(positions: Sequence[int], tokens: Sequence[tuple[str, str, str, int, str]]) -> int:
    """The token of a multi-word mention whose syntactic head lies outside the mention."""
    inside = set(positions)
    heads = [p for p in positions if tokens[p][3] not in inside or tokens[p][3] == p]
    content = [p for p in heads if tokens[p][1] in {"VERB", "NOUN", "PROPN", "ADJ"}]
    return (content or heads or list(positions))[0]


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


def entity_key(words: Sequence[str], label: str) -> str:
    """A canonical key for a named entity: a person's surname, else the lower-cased name."""
    cleaned = [w for w in words if w.lower() not in {"the", "'s"}]
    if not cleaned:
        cleaned = list(words)
    if label == "PERSON":
        return f"person:{cleaned[-1].lower()}"
    return f"{label.lower()}:{' '.join(w.lower() for w in cleaned)}"


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
    events: list[EventMention] = []
    gold_of: dict[str, GoldMention] = {}
    for gold in document.mentions:
        tokens = parsed[(document.name, gold.sentence)]
        head = _head_position(gold.positions, tokens)
        start, end = offsets[(gold.sentence, head)]
        sentence_entities, sentence_places = by_sentence.get(gold.sentence, ([], []))
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
                place=sentence_places[0] if sentence_places else None,
                participants=tuple(("participant", e) for e in sentence_entities),
            )
        )
        gold_of[gold.id] = gold
    article = Article(id=document.name, text=text, title=None, outlet=document.name)
    analysis = ArticleAnalysis(
        article=article,
        entities=tuple(entities),
        places=tuple(places),
        events=tuple(events),
        sentences=tuple(bounds[s] for s in sorted(bounds)),
    )
    return analysis, gold_of
