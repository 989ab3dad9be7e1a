"""Queries over an assembled timeline: keywords, entity, place, date range, top dates, summaries.

``run_query`` filters the events (``--about``, ``--entity``, ``--place``, ``--from``/``--to``),
ranks the remaining days (``rank.rank_dates``), keeps the ``max_dates`` best and, when
``sentences_per_date`` is given, writes each kept day's extractive summary (``summarise``) into
the summary of that day's most important event. The result is a ``Timeline`` again, so every
export works on it unchanged; all articles are kept so provenance still resolves.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.model import DateValue, Entity, Event, Timeline
from storyline.timeline.rank import DateMention, DateScore, mentions_from_events, parse_day, rank_dates, rank_events
from storyline.timeline.summarise import Sentence, Summariser

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class TimelineQuery:
    """What to keep of a timeline; every field is optional."""

    about: tuple[str, ...] = ()  # keywords: an event matches when any one occurs in its text
    entity: str | None = None  # a name or alias of a person, group or organisation
    place: str | None = None  # a place name (the event's place, its region or country)
    start: dt.date | None = None
    end: dt.date | None = None
    max_dates: int | None = None
    sentences_per_date: int | None = None


@dataclass
class QueryResult:
    """The queried timeline, the ranked days kept and each day's summary sentences."""

    timeline: Timeline
    dates: list[DateScore] = field(default_factory=list)
    summaries: dict[dt.date, list[Sentence]] = field(default_factory=dict)


def date_bounds(date: DateValue) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by a TIMEX3 date value (``2016``, ``2016-03``, ``2016-03-27``)."""
    value = date.value
    try:
        year = int(value[:4])
        if len(value) >= 10 and value[7] == "-":
            day = dt.date(year, int(value[5:7]), int(value[8:10]))
            return day, day
        if len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
            month = int(value[5:7])
            first = dt.date(year, month, 1)
            following = dt.date(year + (month == 12), month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except (ValueError, IndexError):
        return None


def _texts(event: Event, timeline_text: dict[str, str]) -> str:
    parts = [event.title, event.summary]
    for mention in event.mentions:
        text = timeline_text.get(mention.article_id, "")
        parts.append(text[mention.sentence_start : mention.sentence_end])
    return " ".join(parts).lower()


def _matching_entities(entities: Sequence[Entity], name: str) -> set[str]:
    wanted = name.strip().lower()
    found = set()
    for entity in entities:
        names = [entity.name, *entity.aliases]
        if any(wanted in n.lower() for n in names):
            found.add(entity.id)
    return found


def _place_matches(event: Event, wanted: str, place_ids: set[str], timeline: Timeline) -> bool:
    place = event.place
    if place is not None:
        fields = [place.name, place.admin1 or "", place.country or ""]
        if any(wanted == f.lower() for f in fields if f):
            return True
        if place.geonameid is not None and f"place:{place.geonameid}" in place_ids:
            return True
        for mention in event.mentions:
            if mention.place is not None:
                key = (mention.place.article_id, mention.place.start, mention.place.end)
                if timeline.entity_of_mention.get(key) in place_ids:
                    return True
    return any(m.place is not None and m.place.text.lower() == wanted for m in event.mentions)


def filter_events(timeline: Timeline, query: TimelineQuery) -> Timeline:
    """The timeline with only the events matching every filter of ``query`` (articles all kept).

    An entity given by a known name or alias matches the events it takes part in; an unknown
    name matches the events whose sources mention it.
    """
    text_of = {a.id: a.text for a in timeline.articles}
    keywords = [k.lower() for k in query.about if k.strip()]
    entity_ids = _matching_entities(timeline.entities, query.entity) if query.entity else set()
    entity_names = (
        {n.lower() for e in timeline.entities if e.id in entity_ids for n in (e.name, *e.aliases)}
        if query.entity
        else set()
    )
    if query.entity:
        entity_names.add(query.entity.lower())
    place_ids = _matching_entities(timeline.entities, query.place) if query.place else set()

    def keep(event: Event) -> bool:
        text = _texts(event, text_of) if (keywords or query.entity) else ""
        if keywords and not any(k in text for k in keywords):
            return False
        if query.entity and entity_ids and not any(eid in entity_ids for _, eid in event.participants):
            return False
        if query.entity and not entity_ids and not any(n in text for n in entity_names):
            return False
        if query.place and not _place_matches(event, query.place.strip().lower(), place_ids, timeline):
            return False
        if query.start or query.end:
            bounds = date_bounds(event.date) if event.date else None
            if bounds is None:
                return False
            if query.start and bounds[1] < query.start:
                return False
            if query.end and bounds[0] > query.end:
                return False
        return True

    events = tuple(e for e in timeline.events if keep(e))
    undated = tuple(e for e in timeline.undated if keep(e))
    LOGGER.info("query kept %d of %d events", len(events) + len(undated), len(timeline.events) + len(timeline.undated))
    return dataclasses.replace(timeline, events=events, undated=undated)


def run_query(
    timeline: Timeline,
    query: TimelineQuery,
    mentions: Sequence[DateMention] | None = None,
) -> QueryResult:
    """Filter, rank and summarise; returns the queried timeline with what was chosen."""
    filtered = filter_events(timeline, query)
    if query.max_dates is None and query.sentences_per_date is None:
        return QueryResult(timeline=filtered)
    kept_ids = {e.id for e in (*filtered.events, *filtered.undated)}
    if mentions is None:
        mentions = mentions_from_events((*filtered.events, *filtered.undated))
    else:
        mentions = [m for m in mentions if m.event_id is None or m.event_id in kept_ids]
    ranked = rank_dates(filtered, mentions, start=query.start, end=query.end)
    if query.about or query.entity or query.place:  # days only published on say nothing about the query
        ranked = [d for d in ranked if d.event_ids]
    chosen = ranked[: query.max_dates] if query.max_dates is not None else ranked
    chosen_days = {d.date for d in chosen}
    summaries: dict[dt.date, list[Sentence]] = {}
    if query.sentences_per_date:
        summariser = Summariser(timeline.articles, mentions, query.about)
        for score in chosen:
            summaries[score.date] = summariser.summarise(score.date, query.sentences_per_date)
    events = filtered.events
    if query.max_dates is not None:
        events = tuple(e for e in events if e.date and parse_day(e.date.value) in chosen_days)
    if summaries:
        events = _with_summaries(filtered, events, summaries)
    result = dataclasses.replace(filtered, events=events, undated=filtered.undated if query.max_dates is None else ())
    return QueryResult(timeline=result, dates=sorted(chosen, key=lambda d: d.date), summaries=summaries)


def _with_summaries(
    timeline: Timeline, events: tuple[Event, ...], summaries: dict[dt.date, list[Sentence]]
) -> tuple[Event, ...]:
    """Each day's most important event carries that day's summary sentences."""
    rank = {e.id: score for e, score in rank_events(timeline)}
    best: dict[dt.date, str] = {}
    for event in events:
        day = parse_day(event.date.value) if event.date else None
        if day in summaries and summaries[day]:
            if day not in best or rank.get(event.id, 0) > rank.get(best[day], 0):
                best[day] = event.id
    chosen = {event_id: day for day, event_id in best.items()}
    return tuple(
        dataclasses.replace(e, summary=" ".join(s.text for s in summaries[chosen[e.id]])) if e.id in chosen else e
        for e in events
    )
