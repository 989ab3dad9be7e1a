"""Who says so: reporting cues, their sources, and nested attribution.

A reporting verb ("said", "confirmed", "told") attributes the events in its complement to its
subject; "according to X" attributes the sentence to X; relays ("cited by SANA", "reported TASS",
"told Sky News") become the ``via`` of the attribution they carry:
"SOHR confirmed ISIS lost the town, according to Sky News" -> Attribution(SOHR, via=Sky News).
Quoted sentences with no cue of their own keep the speaker of the quote they continue.
"""

from __future__ import annotations

import logging
from collections.abc import Container
from dataclasses import dataclass

from spacy.tokens import Token

from storyline.events import lexicon, syntax
from storyline.events.document import DocumentView, Segment
from storyline.model import Attribution

LOGGER = logging.getLogger(__name__)

GOVERNED_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dobj"})
QUOTE_CHARS = frozenset('"“”„«»')
SOURCE_KINDS = frozenset({"say", "deny"})
TRAILING_CUE_DEPS = frozenset({"relcl", "acl", "advcl"})
TRAILING_WORD_POS = frozenset({"ADV", "ADP", "PROPN", "NOUN", "NUM", "DET"})
NOT_SOURCES = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY"})


@dataclass(frozen=True)
class Source:
    """A named source: its text and character span, and the cue that introduces it."""

    text: str
    start: int
    end: int
    cue: str


@dataclass(frozen=True)
class Reading:
    """What attribution analysis says about one event or figure."""

    attribution: Attribution | None
    cue: Token | None  # the reporting verb governing it, if any
    reported: bool  # under a reporting cue, even one without a named source
    denied: bool


NOT_REPORTED = Reading(None, None, False, False)


class Attributor:
    """Attribution for tokens of one document; quote speakers are worked out once per document."""

    def __init__(self, view: DocumentView) -> None:
        self.view = view
        self.speaker_of_segment = self._quote_speakers()
        self._trailing: dict[int, Token | None] = {}

    def read(self, anchor: Token) -> Reading:
        """The attribution of the event (or figure) whose clause is headed by ``anchor``."""
        segment = self.view.segment(anchor)
        cue = governing_cue(anchor)
        if cue is not None and self.view.segment(cue) != segment:
            cue = None
        if cue is None:
            cue = self._trailing_cue(segment, anchor)
        chain: list[Source] = []
        denied = False
        if cue is not None:
            denied = cue_kind(cue) == "deny"
            own = cue_source(cue, self.view.timex_of_token)
            if own is not None:
                chain.append(own)
            outer = governing_cue(cue)
            visited = {cue.i}  # parataxis and complement links can form a cycle
            while (outer is not None and outer.i not in visited
                   and self.view.segment(outer) == segment and len(chain) < 4):
                visited.add(outer.i)
                source = cue_source(outer, self.view.timex_of_token)
                if source is not None:
                    chain.append(source)
                outer = governing_cue(outer)
            chain.extend(audience(cue))
        chain.extend(self._sentence_relays(segment, exclude=cue))
        chain = _dedupe(chain)
        if not chain and cue is None:
            speaker = self.speaker_of_segment.get(segment.index)
            if speaker is not None:
                return Reading(speaker, None, True, False)
            return NOT_REPORTED
        return Reading(_nest(chain), cue, True, denied)

    def _trailing_cue(self, segment: Segment, anchor: Token) -> Token | None:
        """A sentence-final "... killing 12 people the Observatory said." whose parse hangs the
        reporting clause on the last noun (a relative clause with a subject and no complement):
        it attributes what comes before it in the sentence."""
        if segment.index not in self._trailing:
            self._trailing[segment.index] = trailing_cue(self.view.tokens(segment))
        cue = self._trailing[segment.index]
        if cue is None or anchor.i >= cue.i or anchor.i in {t.i for t in cue.subtree}:
            return None
        return cue

    def _sentence_relays(self, segment: Segment, exclude: Token | None) -> list[Source]:
        """ "according to X", "cited by Y" and inverted "..., reported TASS" in a sentence."""
        found: list[Source] = []
        tokens = self.view.tokens(segment)
        for token in tokens:
            if exclude is not None and token.i == exclude.i:
                continue
            kind = cue_kind(token)
            if kind == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
                obj = _object_of_to(token.nbor())
                if obj is not None:
                    found.append(_source(obj, "according to", extend=True))
            elif kind == "cited":
                relay = syntax.by_agent(token) or syntax.direct_object(token)
                if relay is not None:
                    found.append(_source(relay, token.text, extend=True))
            elif kind in SOURCE_KINDS and not syntax.children(token, "nsubj", "nsubjpass"):
                relay = _inverted_source(token)
                if relay is not None:
                    found.append(_source(relay, token.text, extend=True))
        return found

    def _quote_speakers(self) -> dict[int, Attribution]:
        """Speakers of quoted sentences that carry no reporting cue of their own."""
        speakers: dict[int, Attribution] = {}
        current: Attribution | None = None
        for segment in self.view.segments:
            tokens = self.view.tokens(segment)
            quoted = any(ch in QUOTE_CHARS for t in tokens for ch in t.text)
            cues = [t for t in tokens if cue_kind(t) in SOURCE_KINDS]
            if cues:
                source = cue_source(cues[0], self.view.timex_of_token)
                current = None
                if quoted and source is not None:
                    current = Attribution(source.text, source.start, source.end, source.cue,
                                          _nest(audience(cues[0])))
            elif quoted and current is not None:
                speakers[segment.index] = current
            else:
                current = None
        return speakers


def cue_kind(token: Token) -> str | None:
    """The kind of reporting cue a token is (say, deny, according, cited), or None."""
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBG", "VBN", "VBD", "VBZ", "VBP", "VB"):
        return None
    lemma = token.lemma_.lower()
    kind = lexicon.reporting_cues().get(lemma)
    if kind is not None and lexicon.reporting_exceptions():
        for child in token.children:
            if child.dep_ in ("dobj", "obj") and (lemma, child.lemma_.lower()) in lexicon.reporting_exceptions():
                return None
    return kind


def trailing_cue(tokens: list[Token]) -> Token | None:
    """The say-cue that closes a sentence as a dangling clause ("... the Observatory said."):
    a relative or adverbial clause with its own subject and no complement or object, after
    which only the cue's own modifiers ("on Saturday", "in a statement") follow."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words:
        return None
    for token in reversed(words[-4:]):
        if cue_kind(token) not in SOURCE_KINDS:
            continue
        if token.dep_ not in TRAILING_CUE_DEPS or not syntax.children(token, "nsubj"):
            return None
        if syntax.children(token, "ccomp", "xcomp", "dobj", "attr", "mark"):
            return None
        after = [t for t in words if t.i > token.i]
        # what follows is the cue's own "on Saturday" / "in a statement", nothing of the event's
        if all((t.head.i == token.i and t.pos_ in TRAILING_WORD_POS) or t.head.i > token.i for t in after):
            return token
        return None
    return None


def governing_cue(token: Token) -> Token | None:
    """The nearest say/deny cue whose complement holds the token."""
    child = token
    for head in syntax.ancestors(token):
        if child.dep_ in GOVERNED_DEPS and cue_kind(head) in SOURCE_KINDS:
            if not (child.dep_ == "dobj" and child.pos_ != "NOUN"):
                return head
        child = head
    root = child
    for sibling in root.children:
        if sibling.dep_ == "parataxis" and cue_kind(sibling) in SOURCE_KINDS and sibling.i != token.i:
            return sibling
    return None


def cue_source(cue: Token, timex_tokens: Container[int] = ()) -> Source | None:
    """The source a say/deny cue names: its subject (a named apposition preferred).

    Subjects that are time expressions (a misparsed dateline) are not sources.
    """
    subjects = syntax.children(cue, "nsubj")
    if not subjects and cue.tag_ == "VBG" and cue.dep_ in ("advcl", "xcomp", "conj"):
        subjects = syntax.children(cue.head, "nsubj")  # "X confirmed ..., saying ..."
    if subjects:
        subject = subjects[0]
        if subject.pos_ == "PRON" or subject.ent_type_ in NOT_SOURCES or subject.like_num or subject.i in timex_tokens:
            return None
        return _source(_named(subject), cue.text, with_conjuncts=True)
    agent = syntax.by_agent(cue)
    if agent is not None:
        return _source(_named(agent), cue.text)
    inverted = _inverted_source(cue)
    return None if inverted is None else _source(inverted, cue.text, extend=True)


def audience(cue: Token) -> list[Source]:
    """Who a source told ("told Sky News"), as a relay."""
    if cue.lemma_.lower() != "tell":
        return []
    return [_source(obj, cue.text) for obj in syntax.children(cue, "dobj", "dative")
            if obj.pos_ == "PROPN"]


def _inverted_source(cue: Token) -> Token | None:
    """ "..., reported Russia's news agency TASS": the object after a subjectless cue."""
    if syntax.children(cue, "nsubj", "nsubjpass"):
        return None
    for obj in syntax.children(cue, "dobj", "attr"):
        if obj.i > cue.i and obj.pos_ in ("NOUN", "PROPN"):
            return _named(obj)
    return None


def _object_of_to(to: Token) -> Token | None:
    """The object of the "to" in "according to X"."""
    objects = syntax.children(to, "pobj")
    if objects:
        return objects[0]
    for token in to.doc[to.i + 1 : to.i + 6]:
        if token.pos_ in ("PROPN", "NOUN"):
            return token.head if token.dep_ == "compound" else token
    return None


def _named(head: Token) -> Token:
    """Prefer a proper-name apposition over a common-noun head ("monitoring group SOHR")."""
    if head.pos_ != "PROPN":
        for appos in syntax.children(head, "appos"):
            if appos.pos_ == "PROPN":
                return appos
    return head


def _source(head: Token, cue: str, extend: bool = False, with_conjuncts: bool = False) -> Source:
    """A source from the noun phrase headed by a token.

    ``extend`` takes in capitalised words right after the phrase, which the parser often leaves
    out of agency names ("state news agency SANA").
    """
    words = syntax.phrase_tokens(head, with_conjuncts) or [head]
    doc = head.doc
    last = words[-1].i
    if extend:
        while last + 1 < len(doc) and (doc[last + 1].is_title or doc[last + 1].is_upper) and doc[last + 1].is_alpha:
            last += 1
    span = doc[words[0].i : last + 1]
    text, start, end = span.text, span.start_char, span.end_char
    return Source(text, start, end, cue)


def _dedupe(chain: list[Source]) -> list[Source]:
    """Drop repeated sources, keeping the first (innermost) occurrence."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for source in chain:
        if (source.start, source.end) in seen:
            continue
        seen.add((source.start, source.end))
        kept.append(source)
    return kept


def _nest(chain: list[Source]) -> Attribution | None:
    """[SOHR, Sky News] -> Attribution(SOHR, via=Attribution(Sky News))."""
    attribution: Attribution | None = None
    for source in reversed(chain):
        attribution = Attribution(source.text, source.start, source.end, source.cue, attribution)
    return attribution
