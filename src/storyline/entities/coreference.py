"""Document-level coreference with named entities: definite descriptions, pronouns, quoted "we".

Given the token spans where an entity is named in a spaCy ``Doc`` and its kind (``ORG``,
``PRODUCT`` or ``PERSON``), ``referring_tokens`` finds the phrases that refer back to it:

- a definite description whose head noun is of the entity's class ("the company", "the massive
  airliner"; classes in ``data/coreference.json``, general English, no names) whose closest
  preceding candidate antecedent within ``nominal_window`` sentences is the entity;
- a pronoun ("it", "their", "he") whose closest preceding candidate within ``pronoun_window``
  sentences is the entity;

where candidates are the names of the other known entities of a compatible kind and the spaCy
entities of a compatible label. A name that only modifies another noun ("Airbus A320 passenger
jets": "Airbus") is not a candidate antecedent of a description.

``quoted_first_person`` finds "we", "our", "us" inside a quotation whose speaker belongs to the
entity: the speaker phrase (the subject of the reporting verb of the quote's sentence, or of the
sentence that opened the quote) contains one of its names ("Boeing CEO Scott Carson said"), or
the speaker is a person the document introduced with one ("Boeing vice president Scott Fancher
... said Fancher").

Nothing here is called by the conflict pipeline; the SemEval TimeLine harness uses it.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from storyline.events.lexicon import reporting_cues

DATA = Path(__file__).parent / "data" / "coreference.json"
Span = tuple[int, int]
QUOTES = frozenset({"``", "''", '"', "\u201c", "\u201d"})
OPENING = frozenset({"``", "\u201c"})
CLOSING = frozenset({"''", "\u201d"})


@dataclass(frozen=True)
class Rules:
    """The data file's rules (see its ``_doc``)."""

    head_nouns: dict[str, frozenset[str]]
    pronouns: dict[str, frozenset[str]]
    nominal_labels: dict[str, tuple[str, ...]]
    pronoun_labels: dict[str, tuple[str, ...]]
    determiners: frozenset[str]
    first_person: frozenset[str]
    first_person_singular: frozenset[str]
    spokesperson: frozenset[str]
    nominal_window: int
    pronoun_window: int


@functools.lru_cache(maxsize=1)
def rules() -> Rules:
    """The coreference rules of ``data/coreference.json``."""
    raw: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return Rules(
        head_nouns={k: frozenset(v) for k, v in raw["head_nouns"].items()},
        pronouns={k: frozenset(v) for k, v in raw["pronouns"].items()},
        nominal_labels={k: tuple(v) for k, v in raw["antecedent_labels"]["nominal"].items()},
        pronoun_labels={k: tuple(v) for k, v in raw["antecedent_labels"]["pronoun"].items()},
        determiners=frozenset(raw["determiners"]),
        first_person=frozenset(raw["first_person"]),
        first_person_singular=frozenset(raw["first_person_singular"]),
        spokesperson=frozenset(raw["spokesperson"]),
        nominal_window=int(raw["nominal_window"]),
        pronoun_window=int(raw["pronoun_window"]),
    )


def is_description(token: Token, kind: str) -> bool:
    """A definite noun phrase headed by a noun of the kind's class ("the new aircraft")."""
    r = rules()
    nouns = r.head_nouns.get(kind, frozenset())
    if token.pos_ != "NOUN" or (token.lower_ not in nouns and token.lemma_.lower() not in nouns):
        return False
    return any(c.dep_ == "det" and c.lower_ in r.determiners for c in token.children)


def is_pronoun(token: Token, kind: str) -> bool:
    """A pronoun that can refer to an entity of the kind."""
    return token.pos_ == "PRON" and token.lower_ in rules().pronouns.get(kind, frozenset())


def _modifier_only(doc: Doc, start: int, end: int) -> bool:
    """Whether a name only modifies a common noun outside it ("Airbus A320 passenger jets")."""
    last = doc[end - 1]
    return last.dep_ in ("compound", "nmod") and not start <= last.head.i < end and last.head.pos_ == "NOUN"


def _window_start(token: Token, sentences: int) -> int:
    sentence = token.sent
    for _ in range(sentences):
        if sentence.start == 0:
            break
        sentence = token.doc[sentence.start - 1].sent
    return sentence.start


def referring_tokens(doc: Doc, kind: str, names: Sequence[Span],
                     others: Iterable[tuple[Span, str]] = ()) -> set[int]:
    """Tokens of descriptions and pronouns whose closest candidate antecedent is the entity named
    at ``names``; ``others`` are the spans and kinds of other known entities (candidates too)."""
    r = rules()
    found: set[int] = set()
    name_tokens = {i for s, e in names for i in range(s, e)}
    if not name_tokens:
        return found
    others = list(others)
    for token in doc:
        nominal = is_description(token, kind)
        if not nominal and not is_pronoun(token, kind):
            continue
        labels = r.nominal_labels[kind] if nominal else r.pronoun_labels[kind]
        kinds = (kind,) if nominal else labels
        spans = [span for span, other in others if other in kinds]
        spans += [(ent.start, ent.end) for ent in doc.ents if ent.label_ in labels and ent.end <= token.i]
        if nominal:  # a name modifying another noun is no antecedent of a description
            spans = [(s, e) for s, e in spans if not _modifier_only(doc, s, e)]
        blockers = {i for s, e in spans for i in range(s, e)} - name_tokens
        start = _window_start(token, r.nominal_window if nominal else r.pronoun_window)
        for j in range(token.i - 1, start - 1, -1):
            if j in name_tokens or j in found:  # a name, or a phrase already resolved to it
                found.add(token.i)
                break
            if j in blockers:
                break
    return found


def quote_regions(doc: Doc) -> list[Span]:
    """Token spans [start, end) inside quotation marks; a quote left open at the end of a sentence
    goes on into the next sentences until it is closed (or a closing mark starts it)."""
    regions: list[Span] = []
    start: int | None = None
    for token in doc:
        if token.text not in QUOTES:
            continue
        opening = token.text in OPENING or (token.text == '"' and start is None)
        if token.text in CLOSING and start is None:
            sentence_start = token.sent.start
            regions.append((sentence_start, token.i))  # closes a quote opened before the sentence
        elif opening and start is None:
            start = token.i + 1
        elif start is not None:
            regions.append((start, token.i))
            start = None
    if start is not None:
        regions.append((start, len(doc)))
    return regions


def _speaker(doc: Doc, region: Span) -> Token | None:
    """The subject of a reporting verb outside the quote, in the sentence where it ends or, failing
    that, where it starts ("... ,'' said Angers"; "Carson said `` We ...")."""
    cues = reporting_cues()
    start, end = region
    for anchor in (doc[max(end - 1, start)], doc[start] if start < len(doc) else None):
        if anchor is None:
            continue
        for token in anchor.sent:
            if start <= token.i < end or token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in cues:
                continue
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass") and not start <= child.i < end:
                    return child
    return None


def quoted_first_person(doc: Doc, names: Sequence[Span], person: bool = False) -> set[int]:
    """First-person plural words inside quotes whose speaker belongs to the entity named at
    ``names``: the speaker's phrase contains a name of it, or the speaker is a person the document
    introduced with one (same last word, in a phrase holding a name of the entity). With
    ``person``, the first-person singular words of quotes whose speaker is that person."""
    name_tokens = {i for s, e in names for i in range(s, e)}
    found: set[int] = set()
    if not name_tokens:
        return found
    words = rules().first_person_singular if person else rules().first_person
    previous: tuple[Token | None, int] = (None, -2)  # the last quote's speaker and its last sentence
    for region in quote_regions(doc):
        speaker = _speaker(doc, region)
        first_sentence = doc[region[0]].sent.start if region[0] < len(doc) else len(doc)
        if speaker is None and previous[0] is not None and _sentence_before(doc, first_sentence) == previous[1]:
            speaker = previous[0]  # a quote going on in the next sentences: the same speaker
        if region[1] > region[0]:
            previous = (speaker, doc[region[1] - 1].sent.start)
        inside = [t for t in doc[region[0]:region[1]] if t.lower_ in words]
        if inside and speaker is not None and (speaker.i in name_tokens if person else _belongs(speaker, name_tokens)):
            found.update(t.i for t in inside)
    return found


def _sentence_before(doc: Doc, sentence_start: int) -> int:
    """The start of the sentence before the one starting at ``sentence_start`` (skipping line
    breaks), or -1."""
    i = sentence_start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i].sent.start if i >= 0 else -1


def _belongs(speaker: Token, name_tokens: set[int]) -> bool:
    """Whether a speaker phrase names the entity, or names a person introduced with it before."""
    if any(t.i in name_tokens for t in speaker.subtree):
        return True
    if speaker.pos_ != "PROPN":
        return False
    for token in speaker.doc[: speaker.i]:
        if token.text == speaker.text and token.pos_ == "PROPN":
            head = token
            while head.dep_ in ("compound", "flat") and head.head.pos_ == "PROPN" and head.head.i != head.i:
                head = head.head
            phrase = head.head if head.dep_ == "appos" else head
            if any(t.i in name_tokens for t in phrase.subtree):
                return True
            if any(t.lower_ in rules().spokesperson for t in phrase.subtree):
                return _closest_organisation_is(speaker.doc, phrase.left_edge.i, name_tokens)
            return False
    return False


def _closest_organisation_is(doc: Doc, before: int, name_tokens: set[int]) -> bool:
    """Whether the organisation named last before token ``before`` is the entity (a spokesperson
    introduced without an organisation speaks for the one the text was just about)."""
    for j in range(before - 1, -1, -1):
        if j in name_tokens:
            return True
        if doc[j].ent_type_ == "ORG":
            return False
    return False
