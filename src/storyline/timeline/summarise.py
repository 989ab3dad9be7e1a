"""Extractive per-date summaries: non-redundant source sentences for each selected day.

Candidates for a day are the sentences that mention it (``DateMention`` records: event mentions,
temporal expressions) and the lead sentences of articles published on the day or right after it.
Each candidate is scored by its similarity to the centroid of the day's candidates (what most
sources say about that day), with a bonus when it names the day explicitly and per query keyword
it contains; sentences are then taken greedily, skipping any too similar to one already chosen
for any day, so the timeline does not repeat itself.
"""

from __future__ import annotations

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
from storyline.timeline.rank import DateMention

LOGGER = logging.getLogger(__name__)

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+|\d+")
_SPLIT = re.compile(r"\n+|(?<=[.!?])\s+(?=[\"'A-Z0-9])")
# A wire dateline or bullet opening a sentence: "AMMAN (Reuters) - ", "BEIRUT -LRB- Reuters -RRB- - ", "- ".
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.,' ]{0,40}\s)?(?:\(|-LRB-)\s*(?:Reuters|AP|AFP|CNN|BBC)\s*(?:\)|-RRB-)\s*[-:]*\s*"
    r"|^\s*(?:Reuters|AP|AFP)\s*(?:\)|-RRB-)\s*[-:]*\s*|^\s*[-*\u2022]+\s+"
)
_STOP = frozenset(
    """a an the and or but of to in on at for from by with as is are was were be been being it its this
    that these those he she they we you i his her their our has have had do does did not no said says
    say will would can could may might also after before over into than then there which who whom what
    when where while about up out more most some such only other new one two s t""".split()
)


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
    """Spans of the first ``count`` sentences of an article that are long enough to summarise."""
    picked = []
    for start, end in _sentence_spans(article.text):
        words = len(article.text[start:end].split())
        if settings.SENTENCE_MIN_WORDS <= words <= settings.SENTENCE_MAX_WORDS:
            picked.append((start, end))
        if len(picked) >= count:
            break
    return picked


def keyword_stems(keywords: Sequence[str]) -> list[str]:
    """Lower-cased keyword prefixes (``KEYWORD_STEM_CHARS`` letters: "syrian" -> "syria")."""
    return [k.lower()[: settings.KEYWORD_STEM_CHARS] for k in keywords if k.strip()]


def on_topic(text: str, stems: Sequence[str]) -> bool:
    """True when ``text`` contains one of the keyword stems (always True without keywords)."""
    if not stems:
        return True
    lowered = text.lower()
    return any(stem in lowered for stem in stems)


def topical_mentions(
    articles: Iterable[Article], mentions: Sequence[DateMention], keywords: Sequence[str]
) -> list[DateMention]:
    """The date mentions whose sentence is on the topic given by ``keywords`` (all without keywords)."""
    stems = keyword_stems(keywords)
    if not stems:
        return list(mentions)
    text = {a.id: a.text for a in articles}
    return [m for m in mentions if on_topic(text.get(m.article_id, "")[m.start : m.end], stems)]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding blanks and without a leading wire dateline or bullet."""
    sentence = text[start:end]
    match = _DATELINE.match(sentence)
    if match:
        start += match.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Summariser:
    """Chooses non-redundant sentences per day from date mentions and articles."""

    def __init__(
        self,
        articles: Iterable[Article],
        mentions: Sequence[DateMention],
        keywords: Sequence[str] = (),
    ) -> None:
        self._articles = {a.id: a for a in articles}
        self._keywords = keyword_stems(keywords)
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
        counts = Counter(content_words(text))
        return {
            w: c * math.log((1 + self._documents) / (1 + self._document_frequency.get(w, 0)))
            for w, c in counts.items()
        }

    def candidates(self, day: dt.date) -> list[Sentence]:
        """Sentences mentioning ``day`` and leads of articles published on it or right after."""
        seen: dict[tuple[str, int, int], Sentence] = {}
        for mention in self._by_day.get(day, ()):
            article = self._articles.get(mention.article_id)
            if article is None or not article.text:
                continue
            start, end = trim(article.text, mention.start, mention.end)
            text = article.text[start:end]
            words = len(text.split())
            if not settings.SENTENCE_MIN_WORDS <= words <= settings.SENTENCE_MAX_WORDS:
                continue
            key = (mention.article_id, start, end)
            if key not in seen or mention.explicit:
                seen[key] = Sentence(mention.article_id, start, end, text, day, mention.explicit)
        for offset in range(settings.PUBLISHED_WINDOW_DAYS + 1):
            for article in self._published.get(day + dt.timedelta(days=offset), ()):
                for start, end in lead_sentences(article, settings.LEAD_SENTENCES):
                    start, end = trim(article.text, start, end)
                    key = (article.id, start, end)
                    if key not in seen and start < end:
                        seen[key] = Sentence(article.id, start, end, article.text[start:end], day)
        return list(seen.values())

    def summarise(self, day: dt.date, k: int) -> list[Sentence]:
        """Up to ``k`` sentences for ``day``, none redundant with earlier picks (any day)."""
        candidates = self.candidates(day)
        topical = [c for c in candidates if on_topic(c.text, self._keywords)]
        candidates = topical or candidates
        if not candidates or k <= 0:
            return []
        vectors = [self._vector(c.text) for c in candidates]
        centroid: Counter[str] = Counter()
        for vector in vectors:
            centroid.update(vector)
        scored = []
        for candidate, vector in zip(candidates, vectors):
            lowered = candidate.text.lower()
            score = cosine(vector, centroid)
            score += settings.DATE_MENTION_BONUS * candidate.explicit
            score += settings.LEAD_BONUS * (candidate.start < settings.LEAD_CHARS)
            score += settings.KEYWORD_BONUS * sum(1 for k in self._keywords if k in lowered)
            scored.append((score, candidate, vector))
        scored.sort(key=lambda item: (-item[0], item[1].article_id, item[1].start))
        picked: list[Sentence] = []
        for score, candidate, vector in scored:
            if any(cosine(vector, other) > settings.REDUNDANCY_MAX_COSINE for other in self._chosen):
                LOGGER.debug("redundant: %r", candidate.text[:80])
                continue
            self._chosen.append(vector)
            picked.append(
                Sentence(
                    candidate.article_id, candidate.start, candidate.end, candidate.text, day, candidate.explicit, score
                )
            )
            if len(picked) >= k:
                break
        return picked
