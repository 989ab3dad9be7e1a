"""Rank the dates of a timeline by importance.

A date matters when many articles (from many outlets) mention it, when articles published later
still refer back to it, when articles are published right after it, when its events are of
weighty types (a capture, a massacre, an election rather than a statement) and when the people
and groups taking part are central to the whole collection. ``rank_dates`` combines these signals
(weights in ``tls_settings``) over day-precision ``DateMention`` records, which come from the
timeline's event mentions (``mentions_from_events``) and, when the per-article analyses are at
hand, from every day-precision temporal expression (``mentions_from_analyses``). With query
keywords, ``article_relevance`` can weigh each article's part and ``keywords`` can count the
articles whose mentioning sentence holds one (both measured on Timeline17 Syria: no gain, so the
harness leaves them off; see docs/tls.md).
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

from storyline.model import Article, ArticleAnalysis, Event, Timeline
from storyline.timeline import tls_settings as settings
from storyline.timeline.keywords import plain
from storyline.timeline.lexicon import _load

LOGGER = logging.getLogger(__name__)

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# A temporal expression that names its day ("22 April", "April 22, 2011", "2011-04-22"), not "on Friday".
_NAMED_DAY = re.compile(r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """One sentence of one article that refers to a day."""

    date: dt.date
    article_id: str
    start: int  # the sentence's character span in the article
    end: int
    explicit: bool = True  # a temporal expression names the day (not only the publication date)
    event_id: str | None = None
    own: bool = True  # the sentence itself dates the day (False: dated through its linked event)


@dataclass(frozen=True)
class DateScore:
    """A ranked day with the signals that scored it."""

    date: dt.date
    score: float
    articles: int  # distinct articles mentioning the day
    outlets: int
    later_refs: int  # distinct articles published later that refer back to it
    published: int  # articles published on the day or right after
    event_ids: tuple[str, ...] = ()


@functools.lru_cache(maxsize=1)
def type_weights() -> dict[str, float]:
    """Event type -> importance weight (data/tls_type_weights.json)."""
    return {k: float(v) for k, v in _load("tls_type_weights.json")["weights"].items()}


def parse_day(value: str | None) -> dt.date | None:
    """The day of a day-precision TIMEX3 value (``2016-03-27``, ``2016-03-27T10:00``), else None."""
    if not value:
        return None
    match = _DAY.match(value[:10])
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _event_day(event: Event) -> dt.date | None:
    return parse_day(event.date.value) if event.date else None


def mentions_from_events(events: Iterable[Event]) -> list[DateMention]:
    """A date mention for each event mention dated to a day (its own date, else its event's)."""
    found: list[DateMention] = []
    for event in events:
        event_day = _event_day(event)
        for mention in event.mentions:
            own_day = parse_day(mention.date.value) if mention.date else None
            day = own_day or event_day
            if day is None:
                continue
            found.append(
                DateMention(
                    date=day,
                    article_id=mention.article_id,
                    start=mention.sentence_start,
                    end=mention.sentence_end,
                    explicit=mention.date_timex is not None,
                    event_id=event.id,
                    own=own_day is not None and mention.date_timex is not None,
                )
            )
    return found


def mentions_from_analyses(analyses: Iterable[ArticleAnalysis]) -> list[DateMention]:
    """A date mention for every day-precision DATE timex, spanning the sentence that contains it."""
    found: list[DateMention] = []
    for analysis in analyses:
        sentences = analysis.sentences or ((0, len(analysis.article.text)),)
        for timex in analysis.timexes:
            if timex.type not in ("DATE", "TIME"):
                continue
            day = parse_day(timex.value)
            if day is None:
                continue
            start, end = next(((s, e) for s, e in sentences if s <= timex.start < e), (timex.start, timex.end))
            explicit = bool(_NAMED_DAY.search(timex.text))
            found.append(DateMention(date=day, article_id=analysis.article.id, start=start, end=end, explicit=explicit))
    return found


def article_relevance(articles: Iterable[Article], keywords: Sequence[str]) -> dict[str, float]:
    """Article id -> how much the article is about the keywords: keyword occurrences (prefix at a
    word start, ``keywords.plain``) over ``RELEVANCE_FULL_AT``, capped at 1. Empty without keywords."""
    topic = plain(keywords)
    if not topic:
        return {}
    return {article.id: min(1.0, topic.occurrences(article.text) / settings.RELEVANCE_FULL_AT) for article in articles}


def entity_centrality(events: Iterable[Event]) -> dict[str, float]:
    """Entity id -> share of events it takes part in, scaled so the most central entity is 1."""
    counts: Counter[str] = Counter()
    for event in events:
        counts.update({entity_id for _, entity_id in event.participants})
    top = max(counts.values(), default=0)
    return {entity_id: count / top for entity_id, count in counts.items()} if top else {}


def rank_dates(
    timeline: Timeline,
    mentions: Sequence[DateMention] | None = None,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    relevance: Mapping[str, float] | None = None,
    keywords: Sequence[str] = (),
) -> list[DateScore]:
    """Days of the timeline, most important first (ties: earlier first).

    ``mentions`` defaults to the event mentions' dates; pass more (e.g. from the analyses' timexes)
    for a denser signal. Only days within [start, end] are ranked. ``relevance`` (article id ->
    0-1, e.g. ``article_relevance`` for the query's keywords) weighs what each article contributes;
    articles missing from it count fully. With ``keywords``, articles whose sentence mentioning a
    day contains one of them count again (``W_TOPICAL``).
    """
    events = [*timeline.events, *timeline.undated]
    mentions = mentions_from_events(events) if mentions is None else list(mentions)
    relevance = relevance or {}
    # Sentences dated only through their linked event are the main signal when the events are all
    # there is (a query over a build), and noise next to every timex of the analyses.
    with_timexes = any(m.event_id is None for m in mentions)
    inherited = settings.INHERITED_WEIGHT_WITH_TIMEXES if with_timexes else settings.INHERITED_MENTION_WEIGHT
    published = {a.id: a.published for a in timeline.articles}
    outlet = {a.id: a.outlet or a.id for a in timeline.articles}
    by_day: dict[dt.date, set[str]] = defaultdict(set)
    weight: dict[tuple[dt.date, str], float] = {}
    sentences: dict[dt.date, set[tuple[str, int]]] = defaultdict(set)
    topical: dict[dt.date, set[str]] = defaultdict(set)
    stems = [k.lower()[: settings.KEYWORD_STEM_CHARS] for k in keywords if k.strip()]
    text = {a.id: a.text for a in timeline.articles} if stems else {}
    for mention in mentions:
        share = relevance.get(mention.article_id, 1.0)
        if share <= 0:
            continue
        by_day[mention.date].add(mention.article_id)
        key = (mention.date, mention.article_id)
        value = share * (1.0 if mention.explicit else settings.RELATIVE_MENTION_WEIGHT)
        value *= 1.0 if mention.own else inherited
        weight[key] = max(weight.get(key, 0.0), value)
        sentences[mention.date].add((mention.article_id, mention.start))
        if stems and mention.article_id not in topical[mention.date]:
            sentence = text.get(mention.article_id, "")[mention.start : mention.end].lower()
            if any(stem in sentence for stem in stems):
                topical[mention.date].add(mention.article_id)
    pub_counts: Counter[dt.date] = Counter()
    for article_id, day in published.items():
        if day is not None:
            pub_counts[day] += relevance.get(article_id, 1.0)
    events_by_day: dict[dt.date, list[Event]] = defaultdict(list)
    for event in events:
        day = _event_day(event)
        if day is not None:
            events_by_day[day].append(event)
    centrality = entity_centrality(events)
    weights = type_weights()
    graph: Mapping[dt.date, float] = {}
    if settings.W_GRAPH:
        from storyline.timeline.date_select import reference_graph  # here: date_select imports this module

        graph = reference_graph(mentions, published, start, end)
    days = set(by_day) | set(pub_counts)
    scores: list[DateScore] = []
    for day in days:
        if (start and day < start) or (end and day > end):
            continue
        articles = by_day.get(day, set())
        later = {
            a for a in articles if published.get(a) and (published[a] - day).days >= settings.LATER_REF_MIN_DAYS
        }
        outlets = {outlet.get(a, a) for a in articles}
        pub = sum(pub_counts.get(day + dt.timedelta(days=i), 0) for i in range(settings.PUBLISHED_WINDOW_DAYS + 1))
        day_events = events_by_day.get(day, [])
        type_score = (
            sum(weights.get(e.type, settings.DEFAULT_TYPE_WEIGHT) for e in day_events) / len(day_events)
            if day_events
            else 0.0
        )
        central = [max((centrality.get(eid, 0.0) for _, eid in e.participants), default=0.0) for e in day_events]
        central_score = sum(central) / len(central) if central else 0.0
        mentioning = sum(relevance.get(a, 1.0) for a, _ in sentences.get(day, ()))
        score = (
            settings.W_ARTICLES * _damp(sum(weight[(day, a)] for a in articles))
            + settings.W_SENTENCES * _damp(mentioning)
            + settings.W_TOPICAL * _damp(len(topical.get(day, ())))
            + settings.W_LATER_REFS * _damp(sum(weight[(day, a)] for a in later))
            + settings.W_OUTLETS * _damp(len(outlets))
            + settings.W_PUBLISHED * _damp(pub)
            + settings.W_EVENT_TYPE * type_score
            + settings.W_CENTRALITY * central_score
            + settings.W_GRAPH * _damp(graph.get(day, 0.0))
        )
        scores.append(
            DateScore(
                date=day,
                score=score,
                articles=len(articles),
                outlets=len(outlets),
                later_refs=len(later),
                published=pub,
                event_ids=tuple(e.id for e in day_events),
            )
        )
    scores.sort(key=lambda s: (-s.score, s.date))
    return scores


def _damp(count: float) -> float:
    """Count damping: log1p, or a power ``COUNT_POWER`` of the count when it is set (> 0)."""
    return count**settings.COUNT_POWER if settings.COUNT_POWER > 0 else math.log1p(count)


def rank_events(timeline: Timeline) -> list[tuple[Event, float]]:
    """Dated and undated events with an importance score (articles, outlets, type, confidence)."""
    weights = type_weights()
    ranked = []
    for event in (*timeline.events, *timeline.undated):
        articles = {m.article_id for m in event.mentions}
        outlets = {a.outlet for a in timeline.articles if a.id in articles}
        score = (
            math.log1p(len(articles))
            + settings.W_OUTLETS * math.log1p(len(outlets))
            + settings.W_EVENT_TYPE * weights.get(event.type, settings.DEFAULT_TYPE_WEIGHT)
            + 0.5 * event.confidence
        )
        ranked.append((event, score))
    ranked.sort(key=lambda pair: -pair[1])
    return ranked
