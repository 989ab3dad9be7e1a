"""Queries over an assembled timeline: keywords, entity, place, date range, top dates, summaries.

``run_query`` filters the events (``--about``, ``--entity``, ``--place``, ``--from``/``--to``),
ranks the remaining days (``rank.rank_dates``), keeps the ``max_dates`` best, keeps the
``events_per_date`` most important events of each kept day (``rank.rank_events``) and, when
``sentences_per_date`` is given, writes each kept day's extractive summary (``summarise``) into
the summary of that day's most important event; the day's other events keep their own summaries
unless these repeat a sentence already shown that day (then another sentence of their own
sources, else none). The result is a ``Timeline`` again, so every export works on it unchanged;
all articles are kept so provenance still resolves. ``QueryResult`` says what each name was
read as, how many events each filter alone matched and how many events each day left out.

Matching rules (see ``filter_events``): an entity name is looked up among the canonical names
and aliases (exactly, case and punctuation aside; else as whole words of a name), and matches
the events the entity takes part in or that attribute a claim or figure to it; a name no entity
has matches the events whose sources contain it as a word. A place name is read through the
gazetteer (every reading some event lies in: a city, an admin1 region with its places, a
country with its places), or by the events' and sources' place names. A date range keeps the
events whose date overlaps it, except those dated more coarsely than the range is long (a
"2016" event is not evidence of something in March 2016).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import logging
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.model import Article, Attribution, DateValue, Entity, Event, Place, Timeline
from storyline.timeline.describe import best_mention, summary_of
from storyline.timeline.keywords import plain
from storyline.timeline.rank import DateMention, DateScore, mentions_from_events, parse_day, rank_dates, rank_events
from storyline.timeline.summarise import Sentence, Summariser, content_words

LOGGER = logging.getLogger(__name__)

# Events kept per chosen day when ``max_dates`` is given and ``events_per_date`` is not (0 = all).
EVENTS_PER_DATE_DEFAULT = 3
# Two summary sentences of one day are redundant above this cosine of their content-word sets
# (the per-date summariser uses the same bound on tf-idf vectors, tls_settings.REDUNDANCY_MAX_COSINE).
SUMMARY_REDUNDANCY_MAX_COSINE = 0.5
# Names this short ("IS") match only in the same letter case in attributions and texts.
SHORT_NAME_CHARS = 3
# Close names suggested when an entity or place name matches nothing.
SUGGESTIONS = 3

_PIECES = re.compile(r"(?<=[.!?…])\s+(?=[\"'A-Z0-9])")
_NON_WORD = re.compile(r"[\W_]+")


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
    events_per_date: int | None = None  # None: EVENTS_PER_DATE_DEFAULT with max_dates, else all; 0: all


@dataclass(frozen=True)
class DayReport:
    """One kept day: its rank score, how many of its matching events were kept or left out."""

    date: dt.date
    score: float
    events: int  # matching events dated to the day
    kept: int
    left_out: int
    summary_sentences: int  # sentences of the day summary (on the top event)
    summaries_replaced: int  # kept events whose own summary repeated a sentence of the day
    summaries_dropped: int  # ... and had no other sentence that did not
    # Provenance of the day summary's sentences, in order: article and span of each (a compressed
    # sentence also gives its whole sentence's span and the spans cut out of it).
    summary_sources: tuple[dict[str, Any], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready record (run.json ``dates``)."""
        return {**dataclasses.asdict(self), "date": self.date.isoformat(), "score": round(self.score, 3),
                "summary_sources": [dict(source) for source in self.summary_sources]}


def sentence_source(sentence: Sentence) -> dict[str, Any]:
    """Where a summary sentence comes from: its article, its span, and for a compressed sentence
    the whole sentence's span and the cuts (``text`` = the span without the cuts)."""
    source: dict[str, Any] = {"article_id": sentence.article_id, "start": sentence.start, "end": sentence.end,
                              "text": sentence.text}
    if sentence.full_start is not None:
        source.update(full_start=sentence.full_start, full_end=sentence.full_end,
                      cuts=[list(cut) for cut in sentence.cuts])
    return source


@dataclass
class Resolution:
    """What the query's names were read as, and how many events each filter alone matched."""

    entities: list[Entity] = field(default_factory=list)  # entities the --entity name denotes
    entity_by_text: bool = False  # no entity has the name: sources' text searched instead
    places: list[Place] = field(default_factory=list)  # gazetteer readings of --place with events in them
    place_events: list[int] = field(default_factory=list)  # events placed in each reading (dated + undated)
    alone: dict[str, int] = field(default_factory=dict)  # filter -> events it matches on its own
    coarse_dates_left_out: int = 0  # events matching the other filters, overlapping --from/--to but coarser
    notes: list[str] = field(default_factory=list)  # what a user should be told

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready record (run.json ``query_matches``)."""
        return {
            "entities": [{"id": e.id, "name": e.name, "type": e.type} for e in self.entities],
            "entity_by_text": self.entity_by_text,
            "places": [place_label(p) for p in self.places],
            "events_per_place": dict(zip((place_label(p) for p in self.places), self.place_events, strict=False)),
            "events_per_filter": dict(self.alone),
            "coarse_dates_left_out": self.coarse_dates_left_out,
            "notes": list(self.notes),
        }


@dataclass
class QueryResult:
    """The queried timeline, the ranked days kept and each day's summary sentences."""

    timeline: Timeline
    dates: list[DateScore] = field(default_factory=list)
    summaries: dict[dt.date, list[Sentence]] = field(default_factory=dict)
    days: list[DayReport] = field(default_factory=list)
    resolution: Resolution = field(default_factory=Resolution)

    @property
    def left_out(self) -> int:
        """Matching events of the kept days that ``events_per_date`` left out."""
        return sum(day.left_out for day in self.days)


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


def in_range(bounds: tuple[dt.date, dt.date], start: dt.date | None, end: dt.date | None) -> bool | None:
    """True when a date span overlaps [start, end]; None when it overlaps but is longer than a
    closed range (too coarse to say it falls inside); False when it does not overlap."""
    first, last = bounds
    if (start and last < start) or (end and first > end):
        return False
    if start and end and (last - first) > (end - start):
        return None
    return True


def normalise_name(name: str) -> str:
    """Lower case, punctuation as spaces, no leading article: "the Syrian Observatory" -> "syrian observatory"."""
    words = _NON_WORD.sub(" ", name.casefold()).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _contains_words(haystack: str, needle: str) -> bool:
    """True when the normalised ``needle`` is a whole-word part of the normalised ``haystack``."""
    return bool(needle) and f" {needle} " in f" {haystack} "


def name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """A regex finding any of ``names`` as whole words; short all-capital names ("IS") in that case only."""
    parts = []
    for name in sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True):
        words = [re.escape(w) for w in _NON_WORD.sub(" ", name).split()]
        if not words:
            continue
        body = r"[\W_]+".join(words)
        short = len(name) <= SHORT_NAME_CHARS and name.isupper()
        parts.append(rf"(?<!\w){body}(?!\w)" if short else rf"(?i:(?<!\w){body}(?!\w))")
    return re.compile("|".join(parts)) if parts else None


def matching_entities(entities: Sequence[Entity], name: str) -> list[Entity]:
    """The entities (not places) a name denotes: those with it as name or alias (case and
    punctuation aside); when none, those having it as whole words of a name or alias."""
    wanted = normalise_name(name)
    if not wanted:
        return []
    candidates = [e for e in entities if e.place is None]
    exact = [e for e in candidates if any(normalise_name(n) == wanted for n in (e.name, *e.aliases))]
    if exact:
        return exact
    return [e for e in candidates if any(_contains_words(normalise_name(n), wanted) for n in (e.name, *e.aliases))]


def _attributions(event: Event) -> Iterable[Attribution]:
    for mention in event.mentions:
        found = [mention.attribution, *(f.attributed_to for f in mention.figures)]
        for attribution in found:
            while attribution is not None:
                yield attribution
                attribution = attribution.via
    for figure in event.figures:
        attribution = figure.attributed_to
        while attribution is not None:
            yield attribution
            attribution = attribution.via


def _event_text(event: Event, text_of: dict[str, str]) -> str:
    parts = [event.title, event.summary]
    for mention in event.mentions:
        parts.append(text_of.get(mention.article_id, "")[mention.sentence_start : mention.sentence_end])
    return " ".join(parts)


def place_label(place: Place) -> str:
    """A place for people: name, kind, a city's admin1, country ("Aleppo (city, Aleppo, SY)")."""
    parts = [place.kind]
    if place.admin1 and place.kind == "city":
        parts.append(place.admin1)
    if place.country:
        parts.append(place.country)
    return f"{place.name} ({', '.join(parts)})"


def _within(place: Place, reading: Place) -> bool:
    """True when ``place`` is the gazetteer reading or lies inside it (its admin1 region, its country)."""
    if reading.geonameid is not None and place.geonameid == reading.geonameid:
        return True
    if reading.kind == "country":
        return bool(reading.country) and place.country == reading.country
    if reading.kind == "admin1":
        return place.country == reading.country and bool(place.admin1) and place.admin1 == reading.admin1
    return False


def place_readings(name: str, places: Iterable[Place]) -> tuple[list[Place], list[Place]]:
    """(gazetteer readings of ``name`` that some of ``places`` lie in, all its gazetteer readings)."""
    try:
        from storyline.geo.gazetteer import gazetteer

        gaz = gazetteer()
        readings = [gaz.place(c.row) for c in gaz.candidates(name)]
    except Exception as error:  # the gazetteer is optional here: fall back to names
        LOGGER.warning("gazetteer unavailable (%s): --place matches place names only", error)
        return [], []
    unique = list({(p.geonameid, p.name, p.kind): p for p in readings}.values())
    present = [r for r in unique if any(_within(p, r) for p in places)]
    return present, unique


def _place_matches(event: Event, wanted: str, readings: Sequence[Place]) -> bool:
    place = event.place
    if place is not None:
        if any(_within(place, r) for r in readings):
            return True
        if any(wanted == normalise_name(f) for f in (place.name, place.admin1 or "") if f):
            return True
    return any(m.place is not None and normalise_name(m.place.text) == wanted for m in event.mentions)


def _suggest(name: str, names: Iterable[str]) -> list[str]:
    by_key: dict[str, str] = {}
    for candidate in names:
        by_key.setdefault(candidate.casefold(), candidate)
    close = difflib.get_close_matches(name.casefold(), list(by_key), n=SUGGESTIONS, cutoff=0.75)
    return [by_key[c] for c in close]


EventTest = Callable[[Event], bool]


def _entity_test(timeline: Timeline, name: str, resolution: Resolution) -> EventTest:
    """Known entity: it takes part, or a claim or figure is attributed to it; unknown name: the
    sources contain it as a word."""
    resolution.entities = matching_entities(timeline.entities, name)
    ids = {e.id for e in resolution.entities}
    resolution.entity_by_text = not ids
    pattern = name_pattern([n for e in resolution.entities for n in (e.name, *e.aliases)] or [name])
    if pattern is None:
        return lambda event: False
    if not ids:
        text_of = {a.id: a.text for a in timeline.articles}
        return lambda event: bool(pattern.search(_event_text(event, text_of)))

    def test(event: Event) -> bool:
        if any(eid in ids for _, eid in event.participants):
            return True
        return any(pattern.search(attribution.source) for attribution in _attributions(event))

    return test


def _place_test(events: Sequence[Event], name: str, resolution: Resolution) -> EventTest:
    """The event lies in a gazetteer reading of ``name``, or its place or a source's place has the name."""
    wanted = normalise_name(name)
    places = {(p.geonameid, p.name, p.country, p.admin1): p for e in events if (p := e.place)}
    readings, known = place_readings(name, places.values())
    resolution.places = readings
    resolution.place_events = [sum(1 for e in events if e.place and _within(e.place, r)) for r in readings]
    if known and not readings:
        resolution.notes.append(
            f"--place {name!r}: the gazetteer knows it ({'; '.join(place_label(p) for p in known[:3])})"
            " but no event of this timeline is placed there"
        )
    return lambda event: _place_matches(event, wanted, readings)


def _date_test(start: dt.date | None, end: dt.date | None) -> EventTest:
    """The event's date overlaps [start, end] and is not coarser than a closed range."""

    def test(event: Event) -> bool:
        bounds = date_bounds(event.date) if event.date else None
        return bool(bounds) and in_range(bounds, start, end) is True  # type: ignore[arg-type]

    return test


def _coarse(events: Iterable[Event], start: dt.date | None, end: dt.date | None) -> int:
    """How many of ``events`` overlap [start, end] but are dated more coarsely than it."""
    spans = (date_bounds(e.date) for e in events if e.date)
    return sum(1 for bounds in spans if bounds and in_range(bounds, start, end) is None)


def resolve(timeline: Timeline, query: TimelineQuery) -> tuple[Timeline, Resolution]:
    """The timeline with only the events matching every filter of ``query`` (articles all kept),
    and what the query's names were read as (with a note for each name that matched nothing)."""
    events_all = (*timeline.events, *timeline.undated)
    resolution = Resolution()
    tests: dict[str, EventTest] = {}
    if any(k.strip() for k in query.about):
        about = plain(query.about)
        text_of = {a.id: a.text for a in timeline.articles}
        tests["about"] = lambda event: about.on_topic(_event_text(event, text_of))
    if query.entity and query.entity.strip():
        tests["entity"] = _entity_test(timeline, query.entity, resolution)
    if query.place and query.place.strip():
        tests["place"] = _place_test(events_all, query.place, resolution)
    if query.start or query.end:
        others = list(tests.values())
        matching = (e for e in events_all if all(test(e) for test in others))
        resolution.coarse_dates_left_out = _coarse(matching, query.start, query.end)
        tests["dates"] = _date_test(query.start, query.end)
    for name, test in tests.items():
        resolution.alone[name] = sum(1 for e in events_all if test(e))

    def keep(event: Event) -> bool:
        return all(test(event) for test in tests.values())

    events = tuple(e for e in timeline.events if keep(e))
    undated = tuple(e for e in timeline.undated if keep(e))
    _explain(timeline, query, resolution, len(events) + len(undated))
    LOGGER.info("query kept %d of %d events", len(events) + len(undated), len(events_all))
    return dataclasses.replace(timeline, events=events, undated=undated), resolution


def _explain(timeline: Timeline, query: TimelineQuery, resolution: Resolution, kept: int) -> None:
    """Notes for names that matched nothing (with close names) and for an empty result."""
    if query.entity and resolution.entity_by_text and not resolution.alone.get("entity"):
        names = [n for e in timeline.entities if e.place is None for n in (e.name, *e.aliases)]
        close = _suggest(query.entity, names)
        resolution.notes.append(
            f"--entity {query.entity!r}: no entity has that name or alias and no source mentions it"
            + (f" (close: {', '.join(close)})" if close else "")
        )
    if query.place and not resolution.alone.get("place") and not any(n.startswith("--place") for n in resolution.notes):
        names = {p.name for e in (*timeline.events, *timeline.undated) if (p := e.place)}
        close = _suggest(query.place, names)
        resolution.notes.append(
            f"--place {query.place!r}: no event is placed there" + (f" (close: {', '.join(close)})" if close else "")
        )
    if kept == 0 and resolution.alone:
        alone = ", ".join(f"{name} {count}" for name, count in resolution.alone.items())
        resolution.notes.append(f"the query matches no event (each filter alone: {alone})")


def filter_events(timeline: Timeline, query: TimelineQuery) -> Timeline:
    """The timeline with only the events matching every filter of ``query`` (articles all kept);
    see ``resolve`` and the module docstring for the matching rules."""
    return resolve(timeline, query)[0]


def run_query(
    timeline: Timeline,
    query: TimelineQuery,
    mentions: Sequence[DateMention] | None = None,
) -> QueryResult:
    """Filter, rank days, keep the best days and their best events, summarise; returns the queried
    timeline with what was chosen and what was left out."""
    filtered, resolution = resolve(timeline, query)
    per_day = query.events_per_date
    if per_day is None:
        per_day = EVENTS_PER_DATE_DEFAULT if query.max_dates is not None else 0
    if query.max_dates is None and query.sentences_per_date is None and not per_day:
        return QueryResult(timeline=filtered, resolution=resolution)
    kept_ids = {e.id for e in (*filtered.events, *filtered.undated)}
    if mentions is None:
        mentions = mentions_from_events((*filtered.events, *filtered.undated))
    else:
        mentions = [m for m in mentions if m.event_id is None or m.event_id in kept_ids]
    ranked = rank_dates(filtered, mentions, start=query.start, end=query.end)
    if query.about or query.entity or query.place:  # days only published on say nothing about the query
        ranked = [d for d in ranked if d.event_ids]
    chosen = ranked[: query.max_dates] if query.max_dates is not None else ranked
    summaries: dict[dt.date, list[Sentence]] = {}
    if query.sentences_per_date:
        summariser = Summariser(timeline.articles, mentions, query.about)
        for score in chosen:
            summaries[score.date] = summariser.summarise(score.date, query.sentences_per_date)
    events = filtered.events
    if query.max_dates is not None:
        chosen_days = {d.date for d in chosen}
        events = tuple(e for e in events if e.date and parse_day(e.date.value) in chosen_days)
    events, days = _select_per_day(filtered, events, chosen, summaries, per_day)
    result = dataclasses.replace(filtered, events=events, undated=filtered.undated if query.max_dates is None else ())
    return QueryResult(
        timeline=result, dates=sorted(chosen, key=lambda d: d.date), summaries=summaries, days=days,
        resolution=resolution,
    )


def _select_per_day(
    timeline: Timeline,
    events: tuple[Event, ...],
    chosen: Sequence[DateScore],
    summaries: dict[dt.date, list[Sentence]],
    per_day: int,
) -> tuple[tuple[Event, ...], list[DayReport]]:
    """Per day: the ``per_day`` most important events (0: all), the most important first, the
    day summary on it, the others' summaries without a sentence shown already that day."""
    importance = {e.id: score for e, score in rank_events(dataclasses.replace(timeline, events=events, undated=()))}
    articles = {a.id: a for a in timeline.articles}
    score_of = {d.date: d.score for d in chosen}
    groups: dict[str, list[Event]] = defaultdict(list)
    order: list[str] = []
    for event in events:
        key = event.date.value if event.date else ""
        if key not in groups:
            order.append(key)
        groups[key].append(event)
    selected: list[Event] = []
    days: list[DayReport] = []
    for key in order:
        group = sorted(groups[key], key=lambda e: -importance.get(e.id, 0.0))  # stable: time order on ties
        day = parse_day(key)
        sentences = summaries.get(day, []) if day else []
        written, replaced, dropped = _summaries_of_day(group, per_day or len(group), sentences, articles)
        selected.extend(written)
        if day is not None and day in score_of:
            days.append(DayReport(day, score_of[day], len(group), len(written), len(group) - len(written),
                                  len(sentences), replaced, dropped,
                                  tuple(sentence_source(sentence) for sentence in sentences)))
    days.sort(key=lambda d: d.date)
    return tuple(selected), days


def _summaries_of_day(
    ranked: Sequence[Event], limit: int, day_sentences: Sequence[Sentence], articles: dict[str, Article]
) -> tuple[list[Event], int, int]:
    """Up to ``limit`` of the day's events (most important first) with summaries that repeat no
    sentence: the day summary on the first; each other keeps its own summary, or takes the best
    sentence of its sources not shown yet. An event left with nothing new to say (its sources'
    sentences all shown already: mostly the same happening read twice) yields its place to the
    next one and is kept, without a summary, only when places remain. Returns (events, replaced,
    dropped)."""
    shown: list[frozenset[str]] = []
    written: list[Event] = []
    silent: list[Event] = []
    replaced = 0
    for index, event in enumerate(ranked):
        if len(written) >= limit:
            break
        if index == 0 and day_sentences:
            summary = " ".join(s.text for s in day_sentences)
        else:
            summary = _fresh_summary(event, shown, articles)
            if not summary and event.summary:
                silent.append(dataclasses.replace(event, summary=""))
                continue
            replaced += summary != event.summary
        shown.extend(_vectors(summary))
        written.append(dataclasses.replace(event, summary=summary) if summary != event.summary else event)
    dropped = silent[: max(0, limit - len(written))]
    order = {e.id: i for i, e in enumerate(ranked)}
    return sorted([*written, *dropped], key=lambda e: order[e.id]), replaced + len(dropped), len(dropped)


def _fresh_summary(event: Event, shown: Sequence[frozenset[str]], articles: dict[str, Article]) -> str:
    """The event's summary when it repeats nothing in ``shown``, else its best source sentence that
    does not, else the empty string."""
    if not _repeats(event.summary, shown):
        return event.summary
    remaining = [m for m in event.mentions if m.article_id in articles]
    while remaining:
        mention = best_mention(remaining, articles)
        remaining.remove(mention)
        candidate = summary_of([mention], articles)
        if candidate and not _repeats(candidate, shown):
            return candidate
    return ""


def _vectors(text: str) -> list[frozenset[str]]:
    """Content-word sets of the sentences of ``text``."""
    pieces = (p for p in _PIECES.split(text) if p.strip())
    return [vector for p in pieces if (vector := frozenset(content_words(p)))]


def _repeats(text: str, shown: Sequence[frozenset[str]]) -> bool:
    """True when a sentence of ``text`` is (nearly) one of ``shown``."""
    for vector in _vectors(text):
        for other in shown:
            overlap = len(vector & other)
            if overlap and overlap / math.sqrt(len(vector) * len(other)) > SUMMARY_REDUNDANCY_MAX_COSINE:
                return True
    return False
