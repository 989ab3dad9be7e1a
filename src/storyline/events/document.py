"""A read-only view of one parsed article that the extraction steps share.

It splits spaCy's sentences at paragraph breaks (spaCy often glues a headline to the first
sentence), maps the upstream records (timexes, places, entities) onto token indices, and answers
"which place does 'the city' mean here" from the places mentioned so far.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from storyline.events import lexicon
from storyline.model import Article, EntityMention, PlaceMention, Timex

LOGGER = logging.getLogger(__name__)

SENTENCE_END = frozenset({".", "!", "?", '"', "”", "’", "'"})
PLACE_KIND_OF_NOUN_KIND = {"city": ("city",), "admin1": ("admin1",), "country": ("country",),
                           "region": ("region", "admin1")}


@dataclass(frozen=True)
class Segment:
    """A sentence (or a part of one between paragraph breaks): token range and character range."""

    index: int
    start: int  # first token index
    end: int  # one past the last token index
    char_start: int
    char_end: int
    is_headline: bool = False


@dataclass
class DocumentView:
    """The parse of one article plus the upstream records, indexed by token."""

    doc: Doc
    article: Article
    timexes: Sequence[Timex]
    places: Sequence[PlaceMention]
    entities: Sequence[EntityMention]
    segments: list[Segment] = field(default_factory=list)
    segment_of_token: list[int] = field(default_factory=list)
    timex_of_token: dict[int, Timex] = field(default_factory=dict)
    place_of_token: dict[int, PlaceMention] = field(default_factory=dict)
    entity_of_token: dict[int, EntityMention] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        doc: Doc,
        article: Article,
        timexes: Sequence[Timex],
        places: Sequence[PlaceMention],
        entities: Sequence[EntityMention],
    ) -> DocumentView:
        """Index the records of one article by token."""
        view = cls(doc=doc, article=article, timexes=timexes, places=places, entities=entities)
        view.segments = _segments(doc, article)
        view.segment_of_token = [0] * len(doc)
        for segment in view.segments:
            for i in range(segment.start, segment.end):
                view.segment_of_token[i] = segment.index
        view.timex_of_token = _index(doc, timexes)
        view.place_of_token = _index(doc, places)
        view.entity_of_token = _index(doc, entities)
        return view

    def segment(self, token: Token) -> Segment:
        """The segment holding a token."""
        return self.segments[self.segment_of_token[token.i]]

    def lead_segments(self, count: int) -> set[int]:
        """Indices of the first ``count`` body sentences (not the headline, not a dateline)."""
        lead: list[int] = []
        for segment in self.segments:
            if segment.is_headline:
                continue
            if any(t.pos_ in ("VERB", "AUX") for t in self.tokens(segment)):
                lead.append(segment.index)
            if len(lead) == count:
                break
        return set(lead)

    def tokens(self, segment: Segment) -> list[Token]:
        """The tokens of a segment."""
        return [self.doc[i] for i in range(segment.start, segment.end)]

    def place_at(self, token: Token) -> PlaceMention | None:
        """The place mention covering a token, also through "the city of X" and compounds."""
        found = self.place_of_token.get(token.i)
        if found is not None:
            return found
        named_place = is_place_noun(token) or token.pos_ == "PROPN"
        for child in token.children:
            if child.dep_ == "compound" and named_place and child.i in self.place_of_token:
                return self.place_of_token[child.i]
            if child.dep_ in ("prep",) and child.lower_ == "of" and is_place_noun(token):
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj" and grandchild.i in self.place_of_token:
                        return self.place_of_token[grandchild.i]
        return None

    def salient_place(self, before: int, noun_kind: str | None = None) -> PlaceMention | None:
        """The most mentioned resolved place before a character offset (latest wins ties).

        ``noun_kind`` ("city", "admin1", "country", "region") restricts the kinds of place. When
        nothing fits before the offset, the whole article is searched (a headline may come later
        in the text than a dateline).
        """
        kinds = PLACE_KIND_OF_NOUN_KIND.get(noun_kind or "", None)
        for limit in (before, len(self.article.text) + 1):
            counts: Counter[str] = Counter()
            latest: dict[str, PlaceMention] = {}
            for mention in self.places:
                if mention.start >= limit or mention.place is None:
                    continue
                if kinds is not None and mention.place.kind not in kinds:
                    continue
                key = str(mention.place.geonameid or mention.place.name)
                counts[key] += 1
                latest[key] = mention
            if counts:
                best = max(counts, key=lambda key: (counts[key], latest[key].start))
                return latest[best]
        return None


def is_place_noun(token: Token) -> bool:
    """Whether a token is a common noun that can refer back to a place ("the city")."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.place_nouns()


def _index(doc: Doc, records: Sequence[Timex | PlaceMention | EntityMention]) -> dict[int, object]:
    """Map each token index to the record whose character span covers it."""
    table: dict[int, object] = {}
    for record in records:
        span = doc.char_span(record.start, record.end, alignment_mode="expand")
        if span is None:
            LOGGER.debug("record %r does not align with tokens", record)
            continue
        for token in span:
            table.setdefault(token.i, record)
    return table  # type: ignore[return-value]


def _segments(doc: Doc, article: Article) -> list[Segment]:
    """spaCy sentences split at line breaks; the first one is flagged when it is a headline."""
    pieces: list[tuple[int, int]] = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text:
                if token.i > start:
                    pieces.append((start, token.i))
                start = token.i + 1
        if sent.end > start:
            pieces.append((start, sent.end))
    segments = []
    for start, end in pieces:
        words = [t for t in doc[start:end] if not t.is_space]
        if not words:
            continue
        segments.append(
            Segment(len(segments), start, end, words[0].idx, words[-1].idx + len(words[-1].text))
        )
    if segments and _is_headline(doc, segments[0], article):
        first = segments[0]
        segments[0] = Segment(first.index, first.start, first.end, first.char_start, first.char_end, True)
    return segments


def _is_headline(doc: Doc, segment: Segment, article: Article) -> bool:
    """A first line that matches the title, or that stands alone without final punctuation."""
    text = article.text[segment.char_start : segment.char_end]
    if article.title and text.strip().lower() == article.title.strip().lower():
        return True
    followed_by_break = article.text[segment.char_end : segment.char_end + 2].lstrip(" ").startswith("\n")
    return followed_by_break and text.rstrip()[-1:] not in SENTENCE_END
