"""General-domain event mentions (TimeML-style), beside the conflict taxonomy of ``triggers``.

TimeML (and the MEANTIME / SemEval-2015 TimeLine annotations built on it) calls an event every
predicate that describes something that happens or holds: verbs ("sold", "announced", "said"),
event nouns ("flight", "deal", "purchase", "criticism") and a few states. ``find_mentions``
marks:

- every verb (``VB*`` tagged, not an auxiliary, not an adjectival participle, not one of the
  ``not_event_verbs`` of ``data/mentions.json``); reporting verbs are events here (TimeML
  annotates them), unlike in storyline's conflict taxonomy;
- nouns listed in ``nouns`` or ending in a deverbal suffix (``-tion``, ``-ment``, ``-ance``...)
  unless listed in ``not_event_nouns`` (``nation``, ``government``...), and gerunds.

Each mention is a ``Trigger`` typed ``GENERAL`` so that the rest of storyline's event stage (time
anchoring, attribution, modality, place) applies unchanged: ``extract_mentions`` is
``storyline.events.extract.extract`` with this finder in place of the conflict trigger finder.
The conflict extractor itself is not changed.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Sequence
from importlib import resources

from spacy.tokens import Doc, Token

from storyline.events.document import DocumentView
from storyline.events.extract import mentions_of
from storyline.events.triggers import Trigger
from storyline.model import Article, EntityMention, EventMention, PlaceMention, Timex

LOGGER = logging.getLogger(__name__)

GENERAL = "GENERAL"
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
NOUN_TAGS = frozenset({"NN", "NNS"})


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, frozenset[str] | tuple[str, ...]]:
    """The word lists of ``data/mentions.json`` (lemmas, lower case)."""
    raw = json.loads(resources.files("storyline.events").joinpath("data/mentions.json").read_text("utf-8"))
    return {
        "nouns": frozenset(raw["nouns"]),
        "suffixes": tuple(raw["suffixes"]),
        "not_event_nouns": frozenset(raw["not_event_nouns"]),
        "not_event_verbs": frozenset(raw["not_event_verbs"]),
    }


@functools.lru_cache(maxsize=1)
def _referent_classes() -> dict[str, str]:
    raw = json.loads(resources.files("storyline.events").joinpath("data/mentions.json").read_text("utf-8"))
    return {lemma: name for name, lemmas in raw.get("referent_classes", {}).items() for lemma in lemmas}


@functools.lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    raw = json.loads(resources.files("storyline.events").joinpath("data/mentions.json").read_text("utf-8"))
    return frozenset(raw.get("particles", ()))


def particle_of(token: Token) -> Token | None:
    """The particle of a phrasal verb, next to it or after its object ("rolled out", "take the
    title away", "took six months off"): a ``prt`` child after the verb, or an adverb of the
    ``particles`` list after the verb's object; None for other words."""
    if token.pos_ != "VERB":
        return None
    objects = [c.i for c in token.children if c.dep_ == "dobj"]
    for child in token.children:
        if child.i <= token.i:
            continue
        if child.dep_ == "prt" or child.dep_ == "advmod" and child.lower_ in _particles() and any(
                o < child.i for o in objects):  # split by the object: "take the title away"
            return child
    return None


def referent_class(lemma: str) -> str | None:
    """The ``referent_classes`` group of an event lemma ("deal" and "purchase": "transaction"), or
    None: events of one group may name the same happening of a story."""
    return _referent_classes().get(lemma.lower())


def is_event_verb(token: Token) -> bool:
    """A main verb that TimeML would annotate."""
    if token.tag_ not in VERB_TAGS or token.pos_ == "AUX" or token.dep_ in ("aux", "auxpass", "amod"):
        return False
    return token.lemma_.lower() not in rules()["not_event_verbs"]


def is_event_noun(token: Token) -> bool:
    """A common noun naming an event: listed, deverbal by suffix, or a gerund."""
    if token.tag_ not in NOUN_TAGS or (not token.is_alpha and "-" not in token.text):
        return False
    lemma = token.lemma_.lower()
    table = rules()
    if lemma in table["nouns"]:
        return True
    if lemma in table["not_event_nouns"] or token.text.lower() in table["not_event_nouns"]:
        return False
    return len(lemma) > 5 and lemma.endswith(table["suffixes"])  # type: ignore[arg-type]


def is_mention(token: Token) -> bool:
    """Whether ``token`` is a general event mention."""
    return is_event_verb(token) or is_event_noun(token)


def find_mentions(view: DocumentView) -> list[Trigger]:
    """Every general event mention of the document as ``GENERAL`` triggers, in text order."""
    found = []
    for token in view.doc:
        if token.is_space or token.is_punct or not is_mention(token):
            continue
        anchor = token
        if token.pos_ == "NOUN" and token.dep_ in ("dobj", "attr") and token.head.pos_ in ("VERB", "AUX"):
            anchor = token.head  # "made an announcement": the clause of the light verb
        found.append(Trigger(token=token, anchor=anchor, type=GENERAL))
    return found


def find_in_doc(doc: Doc) -> list[Token]:
    """The mention tokens of a bare parse (no upstream records needed)."""
    return [t for t in doc if not t.is_space and not t.is_punct and is_mention(t)]


def extract_mentions(
    doc: Doc,
    article: Article,
    timexes: Sequence[Timex],
    places: Sequence[PlaceMention],
    entities: Sequence[EntityMention],
) -> list[EventMention]:
    """General event mentions of one article, dated and attributed by storyline's event stage.

    The same dating, attribution, modality and place steps as ``storyline.events.extract``
    (``mentions_of``) with ``find_mentions`` as the trigger finder.
    """
    view = DocumentView.build(doc, article, timexes, places, entities)
    triggers = find_mentions(view)
    owner: dict[int, Trigger] = {}
    for trigger in triggers:  # a noun's light verb belongs to the noun only if not an event itself
        owner.setdefault(trigger.token.i, trigger)
    for trigger in triggers:
        owner.setdefault(trigger.anchor.i, trigger)
    return mentions_of(view, triggers, owner, typed=False)
