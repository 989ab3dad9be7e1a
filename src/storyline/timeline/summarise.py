"""Extractive per-date summaries: non-redundant source sentences for each selected day.

Candidates for a day (as news-tls DATEWISE collects them) are the sentences whose own temporal
expression resolves to the day (``DateMention`` records with ``own``) and the lead sentences of
articles published on the day or right after it. Candidates that cannot stand as a timeline entry
are dropped by the rules in ``data/tls_sentence_filters.json`` (questions, direct quotes, photo
captions, credits, bylines) and by length; with keywords, only sentences containing one stay.
The day's centroid is the mean of the mention centroid and the publication centroid (tf-idf), and
sentences are chosen greedily so that the summary's vector stays closest to it (CentroidOpt), with
small bonuses for naming the day, opening an article and containing keywords; a sentence too
similar to one already chosen for any day is skipped, so the timeline does not repeat itself.
The picks are then compressed (``timeline.compress``: attribution tails, weekdays, asides deleted;
the whole sentence's span and the deleted spans are kept on the ``Sentence``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from storyline.model import Article
from storyline.timeline import tls_settings as settings
from storyline.timeline.compress import compress_sentence
from storyline.timeline.describe import trim_span
from storyline.timeline.keywords import Keywords, plain
from storyline.timeline.lexicon import _load
from storyline.timeline.rank import DateMention

LOGGER = logging.getLogger(__name__)

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+|\d+")
_SPLIT = re.compile(r"\n+|(?<=[.!?])\s+(?=[\"'A-Z0-9])")
_STOP = frozenset(
    """a an the and or but of to in on at for from by with as is are was were be been being it its this
    that these those he she they we you i his her their our has have had do does did not no said says
    say will would can could may might also after before over into than then there which who whom what
    when where while about up out more most some such only other new one two s t""".split()
)


@functools.lru_cache(maxsize=1)
def sentence_rules() -> dict[str, re.Pattern[str]]:
    """The patterns that keep a sentence out of summaries, by name."""
    return {name: re.compile(p) for name, p in _load("tls_sentence_filters.json")["reject"].items()}


def rejection(text: str) -> str | None:
    """Why ``text`` cannot be a summary sentence (a rule name or "length"), or None when it can."""
    words = len(text.split())
    if not settings.SENTENCE_MIN_WORDS <= words <= settings.SENTENCE_MAX_WORDS:
        return "length"
    for name, pattern in sentence_rules().items():
        if pattern.search(text):
            return name
    return None


@dataclass(frozen=True)
class Sentence:
    """A sentence of one article, with its span, as a summary candidate or pick."""

    article_id: str
    start: int
    end: int
    text: str
    date: dt.date
    explicit: bool = False
    score: float = 0.0
    # The whole sentence's span when ``start``/``end`` is a compressed part of it (None: not compressed).
    full_start: int | None = None
    full_end: int | None = None
    # Spans of the article removed inside [start, end) by compression: ``text`` is the slice without them.
    cuts: tuple[tuple[int, int], ...] = ()


def make_candidate(article: Article, start: int, end: int, day: dt.date, explicit: bool = False) -> Sentence | None:
    """The sentence [start, end) of ``article`` as a candidate for ``day`` (datelines trimmed);
    None when nothing is left."""
    start, end = trim_span(article.text, start, end)
    if start >= end:
        return None
    return Sentence(article.id, start, end, article.text[start:end], day, explicit)


def compressed(sentence: Sentence, text: str) -> Sentence:
    """``sentence`` (a slice of ``text``, its article) compressed (``timeline.compress``): ``start``
    and ``end`` become the kept slice, ``cuts`` the spans removed inside it, ``text`` what is left,
    and ``full_start``/``full_end`` keep the whole sentence's span."""
    result = compress_sentence(text, sentence.start, sentence.end, settings.COMPRESS_OFF)
    if not result.applied:
        return sentence
    return dataclasses.replace(
        sentence,
        start=result.start,
        end=result.end,
        text=result.text(text),
        full_start=sentence.start,
        full_end=sentence.end,
        cuts=result.cuts,
    )


def content_words(text: str) -> list[str]:
    """Lower-cased words of ``text`` without stop words (crude stems: the first 8 letters)."""
    return [w.lower()[:8] for w in _WORD.findall(text) if w.lower() not in _STOP]


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine similarity of two sparse vectors."""
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


@functools.lru_cache(maxsize=4096)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    position = 0
    for match in _SPLIT.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return tuple((s, e) for s, e in spans if text[s:e].strip())


def lead_sentences(article: Article, count: int) -> list[tuple[int, int]]:
    """Spans of the first ``count`` sentences of an article (datelines trimmed), whatever their length."""
    spans = []
    for start, end in _sentence_spans(article.text)[:count]:
        start, end = trim_span(article.text, start, end)
        if start < end:
            spans.append((start, end))
    return spans


def topical_mentions(
    articles: Iterable[Article], mentions: Sequence[DateMention], keywords: Sequence[str]
) -> list[DateMention]:
    """The date mentions whose sentence is on the topic given by ``keywords`` (all without keywords)."""
    topic = plain(keywords)
    if not topic:
        return list(mentions)
    text = {a.id: a.text for a in articles}
    return [m for m in mentions if topic.on_topic(text.get(m.article_id, "")[m.start : m.end])]


class Summariser:
    """Chooses non-redundant sentences per day from date mentions and articles."""

    def __init__(
        self,
        articles: Iterable[Article],
        mentions: Sequence[DateMention],
        keywords: Sequence[str] | Keywords = (),
    ) -> None:
        """``keywords``: plain words (matched by prefix, ``keywords.plain``) or a topic already
        interpreted against the collection (``keywords.interpret``)."""
        self._articles = {a.id: a for a in articles}
        self._keywords = keywords if isinstance(keywords, Keywords) else plain(keywords)
        if self._keywords and not any(self._keywords.on_topic(a.text) for a in self._articles.values()):
            LOGGER.warning("no article contains the keywords (%s): summaries ignore them", self._keywords.describe())
            self._keywords = Keywords()
        self._by_day: dict[dt.date, list[DateMention]] = defaultdict(list)
        for mention in mentions:
            self._by_day[mention.date].append(mention)
        self._published: dict[dt.date, list[Article]] = defaultdict(list)
        for article in self._articles.values():
            if article.published:
                self._published[article.published].append(article)
        self._document_frequency: Counter[str] = Counter()
        for article in self._articles.values():
            self._document_frequency.update(set(content_words(article.text)))
        self._documents = max(1, len(self._articles))
        self._chosen: list[dict[str, float]] = []

    def _vector(self, text: str) -> dict[str, float]:
        """Unit-length tf-idf vector of the content words of ``text``."""
        counts = Counter(content_words(text))
        vector = {
            w: c * math.log((1 + self._documents) / (1 + self._document_frequency.get(w, 0)))
            for w, c in counts.items()
        }
        return _normalised(vector)

    def _whole_text(self, sentence: Sentence) -> str:
        """The whole sentence, before any compression."""
        return self._articles[sentence.article_id].text[_whole_start(sentence) : _whole_end(sentence)]

    def _overlap(self, vector: Mapping[str, float]) -> float:
        """MMR-style penalty: ``MMR_WEIGHT`` times the highest similarity to a sentence already chosen."""
        if not settings.MMR_WEIGHT or not self._chosen:
            return 0.0
        return settings.MMR_WEIGHT * max(cosine(vector, other) for other in self._chosen)

    def _mention_candidates(self, day: dt.date, own_only: bool) -> dict[tuple[str, int, int], Sentence]:
        found: dict[tuple[str, int, int], Sentence] = {}
        for mention in self._by_day.get(day, ()):
            if own_only and not mention.own:
                continue
            article = self._articles.get(mention.article_id)
            if article is None or not article.text:
                continue
            sentence = make_candidate(article, mention.start, mention.end, day, mention.explicit)
            if sentence is None:
                continue
            key = (mention.article_id, sentence.start, sentence.end)
            if key not in found or mention.explicit:
                found[key] = sentence
        return found

    def _lead_candidates(self, day: dt.date) -> dict[tuple[str, int, int], Sentence]:
        found: dict[tuple[str, int, int], Sentence] = {}
        for offset in range(settings.PUBLISHED_WINDOW_DAYS + 1):
            for article in self._published.get(day + dt.timedelta(days=offset), ()):
                for start, end in lead_sentences(article, settings.LEAD_SENTENCES):
                    sentence = make_candidate(article, start, end, day)
                    if sentence is not None:
                        found[(article.id, sentence.start, sentence.end)] = sentence
        return found

    def _usable(self, sentences: Iterable[Sentence], strict: bool = True) -> list[Sentence]:
        kept, off_topic = [], []
        for sentence in sentences:
            reason = rejection(sentence.text)
            if reason is None and not self._keywords.on_topic(sentence.text):
                off_topic.append(sentence)
            elif reason is None:
                kept.append(sentence)
            else:
                LOGGER.debug("rejected (%s): %r", reason, sentence.text[:80])
        if not kept and not (strict and settings.ON_TOPIC_ONLY):
            return off_topic
        return kept

    def candidate_pools(self, day: dt.date, strict: bool = True) -> tuple[list[Sentence], list[Sentence]]:
        """(sentences dating ``day`` themselves, leads of articles published on it or right after),
        both filtered; sentences dated only through their event stand in when neither has any.
        With keywords, a pool without on-topic sentences is empty when ``strict`` (and
        ``ON_TOPIC_ONLY``), and holds the off-topic ones otherwise."""
        mentioned = self._mention_candidates(day, own_only=True)
        leads = {k: v for k, v in self._lead_candidates(day).items() if k not in mentioned}
        pools = self._usable(mentioned.values(), strict), self._usable(leads.values(), strict)
        if not pools[0] and not pools[1]:
            return self._usable(self._mention_candidates(day, own_only=False).values(), strict), []
        return pools

    def candidates(self, day: dt.date) -> list[Sentence]:
        """Every usable candidate sentence for ``day`` (see ``candidate_pools``)."""
        mentioned, leads = self.candidate_pools(day)
        return [*mentioned, *leads]

    def summarise(self, day: dt.date, k: int, strict: bool = True) -> list[Sentence]:
        """Up to ``k`` sentences for ``day``, none redundant with earlier picks (any day); with
        ``strict`` False a day without on-topic candidates is summarised from the others."""
        mentioned, leads = self.candidate_pools(day, strict)
        candidates = [*mentioned, *leads]
        if not candidates or k <= 0:
            return []
        if settings.COMPRESS:
            candidates = [compressed(c, self._articles[c.article_id].text) for c in candidates]
        texts = [c.text if settings.COMPRESS_BEFORE_CHOICE else self._whole_text(c) for c in candidates]
        vectors = [self._vector(t) for t in texts]
        centroid = _normalised(
            _add([_normalised(_add(vectors[: len(mentioned)])), _normalised(_add(vectors[len(mentioned) :]))])
        )
        bonus = []
        for candidate, text in zip(candidates, texts):
            bonus.append(
                settings.DATE_MENTION_BONUS * candidate.explicit
                + settings.LEAD_BONUS * (_whole_start(candidate) < settings.LEAD_CHARS)
                + settings.KEYWORD_BONUS * self._keywords.hits(text)
            )
        lengths = [_length_factor(len(c.text.split())) for c in candidates]
        picked: list[Sentence] = []
        summary: dict[str, float] = {}
        remaining = set(range(len(candidates)))
        while remaining and len(picked) < k:
            scored = sorted(
                remaining,
                key=lambda i: (
                    -(
                        cosine(_add([summary, vectors[i]]), centroid) * lengths[i]
                        + bonus[i]
                        - self._overlap(vectors[i])
                    ),
                    candidates[i].article_id,
                    _whole_start(candidates[i]),
                ),
            )
            for index in scored:
                remaining.discard(index)
                if any(cosine(vectors[index], other) > settings.REDUNDANCY_MAX_COSINE for other in self._chosen):
                    LOGGER.debug("redundant: %r", candidates[index].text[:80])
                    continue
                candidate = candidates[index]
                self._chosen.append(vectors[index])
                summary = _add([summary, vectors[index]])
                score = cosine(summary, centroid) + bonus[index]
                picked.append(dataclasses.replace(candidate, score=score))
                break
        return picked


def _length_factor(words: int) -> float:
    """Length normalisation of the centroid similarity: 1 up to ``LENGTH_NORM_WORDS`` words, then
    (LENGTH_NORM_WORDS / words) ** LENGTH_NORM_POWER (``LENGTH_NORM_WORDS`` 0: always 1)."""
    if not settings.LENGTH_NORM_WORDS or words <= settings.LENGTH_NORM_WORDS:
        return 1.0
    return (settings.LENGTH_NORM_WORDS / words) ** settings.LENGTH_NORM_POWER


def _whole_start(sentence: Sentence) -> int:
    """Where the sentence begins in its article, before any compression."""
    return sentence.start if sentence.full_start is None else sentence.full_start


def _whole_end(sentence: Sentence) -> int:
    """Where the sentence ends in its article, before any compression."""
    return sentence.end if sentence.full_end is None else sentence.full_end


def _add(vectors: Iterable[Mapping[str, float]]) -> dict[str, float]:
    total: Counter[str] = Counter()
    for vector in vectors:
        total.update(vector)
    return dict(total)


def _normalised(vector: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}
