"""The records that flow between storyline's stages.

Every record is a frozen dataclass. Character offsets (``start``/``end``) always index into the
``Article.text`` of the article named by ``article_id``, so every fact can be traced back to the
sentence that supports it. Stages only create new records; they never mutate upstream ones.

Flow: ``Article`` -> (annotate) ``Timex``, ``EntityMention``, ``PlaceMention`` -> (extract)
``EventMention`` with ``Figure`` and ``Attribution`` -> (link) ``Entity``, ``Event`` ->
(assemble) ``Timeline``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

PublishedSource = Literal["metadata", "text", "manifest", "user", "inferred", "unknown"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Precision = Literal["day", "month", "year", "decade", "century", "time"]
Modality = Literal["asserted", "reported", "denied", "planned", "hypothetical", "negated"]


@dataclass(frozen=True)
class Article:
    """One news article after ingestion: clean text plus the metadata we could establish."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_source: PublishedSource = "unknown"
    source: str = ""  # where it came from: a path, "path:line", "path#row", or "-:line"
    language: str = "en"
    notes: tuple[str, ...] = ()  # e.g. "truncated from 52428800 to 5000000 characters"


@dataclass(frozen=True)
class Rejection:
    """An input that could not become an article, and why."""

    source: str
    reason: str  # short machine-friendly code, e.g. "empty-text", "binary", "bad-json"
    detail: str = ""


@dataclass(frozen=True)
class Timex:
    """A temporal expression normalised to TIMEX3.

    ``value`` is a TIMEX3 value: ``2016-03-27``, ``2016-03``, ``2015``, ``201``, ``2016-W12``,
    ``2016-03-27T10:00``, ``P3W``, ``PXD``, ``PRESENT_REF``, ``XXXX-XX-XX`` ...
    ``anchor`` says what an underspecified value was resolved against: ``"dct"`` (publication
    date), ``"ref"`` (the narrative's reference time), ``"explicit"`` (fully specified in text).
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None  # APPROX, MORE_THAN, LESS_THAN, START, MID, END, ...
    anchor: str | None = None
    quant: str | None = None  # for SET: EVERY, EACH
    freq: str | None = None  # for SET: e.g. 1X


@dataclass(frozen=True)
class Place:
    """A resolved place in the gazetteer (GeoNames)."""

    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None  # name of the first-order division
    kind: Literal["country", "admin1", "city", "region"] = "city"
    admin1_code: str | None = None  # e.g. "SY.11"
    population: int = 0


@dataclass(frozen=True)
class PlaceMention:
    """A toponym in an article and (when resolvable) the place it refers to."""

    article_id: str
    start: int
    end: int
    text: str
    place: Place | None
    confidence: float = 0.0


@dataclass(frozen=True)
class EntityMention:
    """A named person, organisation or group mentioned in an article.

    ``key`` is the document-level canonical key (after acronym expansion, shortening, alias
    table); cross-document canonicalisation maps keys to ``Entity.id``.
    """

    article_id: str
    start: int
    end: int
    text: str
    type: str  # PERSON, ORG, GROUP, GPE, NORP, ...
    key: str


@dataclass(frozen=True)
class Entity:
    """A canonical entity across the collection."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    place: Place | None = None  # set for places


@dataclass(frozen=True)
class Attribution:
    """Who a claim is attributed to ("SOHR said", "according to Sky News")."""

    source: str  # the attributed source's name as written (or its canonical name)
    start: int
    end: int
    cue: str  # the reporting verb or phrase: "said", "according to", ...
    via: Attribution | None = None  # nested: "SOHR said, according to Sky News"


@dataclass(frozen=True)
class Figure:
    """A number and what it counts ("over 100 militants" killed)."""

    article_id: str
    start: int
    end: int
    text: str
    value: float
    what: str  # killed, wounded, fighters, civilians, sorties, targets, displaced, ...
    mod: str | None = None  # APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_MORE, EQUAL_OR_LESS
    value_max: float | None = None  # for ranges "30 to 40"
    attributed_to: Attribution | None = None


@dataclass(frozen=True)
class DateValue:
    """An event's date: TIMEX3-style value with its precision."""

    value: str  # "2016-03-27", "2016-03", "2015"
    precision: Precision
    approximate: bool = False

    @property
    def sort_key(self) -> str:
        """A string that sorts dates in time order, coarser dates before finer ones."""
        return self.value


@dataclass(frozen=True)
class EventMention:
    """One mention of an event in one article, with its arguments and provenance."""

    id: str
    article_id: str
    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    trigger: str  # lemma of the trigger word
    type: str  # from the event taxonomy (data file), e.g. CAPTURE, ASSAULT, STATEMENT
    date: DateValue | None = None
    date_timex: Timex | None = None  # the timex that dates it, when one does
    place: PlaceMention | None = None
    participants: tuple[tuple[str, EntityMention], ...] = ()  # (role, mention)
    figures: tuple[Figure, ...] = ()
    attribution: Attribution | None = None
    modality: Modality = "asserted"
    background: bool = False  # True when it is not the article's main news


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything the per-article stages found in one article (picklable: no spaCy objects)."""

    article: Article
    timexes: tuple[Timex, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    events: tuple[EventMention, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()  # sentence boundaries


@dataclass(frozen=True)
class Conflict:
    """Sources that disagree about one aspect of an event."""

    about: str  # "date", "figure:killed", ...
    claims: tuple[tuple[str, str], ...]  # (article_id, what that source says)
    note: str = ""


@dataclass(frozen=True)
class Event:
    """A real-world event: one or more linked mentions, possibly from several outlets."""

    id: str
    mentions: tuple[EventMention, ...]
    type: str
    title: str
    summary: str
    date: DateValue | None
    place: Place | None = None
    participants: tuple[tuple[str, str], ...] = ()  # (role, entity id)
    figures: tuple[Figure, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    confidence: float = 0.5
    story: str | None = None


@dataclass(frozen=True)
class Timeline:
    """The assembled story: events in time order, undated events apart, with their sources."""

    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    events: tuple[Event, ...]
    undated: tuple[Event, ...] = ()
    entity_of_mention: dict[tuple[str, int, int], str] = field(default_factory=dict, hash=False)
