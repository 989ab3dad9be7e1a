"""Per-mention linking features: normalised trigger, type, day interval, place, actors, context.

Built once per mention from the records the per-article stages produced; comparing two mentions
then needs no text processing.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.link import dates, lexicon, settings, text
from storyline.model import ArticleAnalysis, EntityMention, EventMention, Place, PlaceMention

LOGGER = logging.getLogger(__name__)

# Bounds used for mentions we cannot date: any day up to the article's publication.
NO_DAY = 1
# Events reported in an article happen at most this many days after its publication date
# (time zones, late editions); planned or hypothetical ones within settings.PLANNED_HORIZON_DAYS.
PUBLICATION_SLACK_DAYS = 1
FUTURE_MODALITIES = frozenset({"planned", "hypothetical"})
FAR_FUTURE = dates.value_interval("9999")[1]  # type: ignore[index]


@dataclass(frozen=True, slots=True)
class MentionFeatures:
    """Everything linking compares about one event mention."""

    index: int
    mention: EventMention
    article_id: str
    lemma: str
    classes: frozenset[str]
    type: str
    interval: dates.Interval | None  # the mention's own date, None when undated
    bounds: dates.Interval  # the days the event may fall on (date, or up to publication)
    place: str | None
    resolved_place: Place | None  # the gazetteer place, when the toponym was resolved
    participants: frozenset[str]
    roles: frozenset[tuple[str, str]]
    context: text.Vector  # content words of the sentence
    window: text.Vector  # content words next to the trigger
    story: str
    order_key: int  # position in date order for blocking windows
    persons: frozenset[str] = frozenset()  # canonical ids of the people named in the sentence
    # the days the event most likely falls on: its date, or for an undated mention the days just
    # before its article's publication (settings.UNDATED_RECENT_DAYS); None = same as bounds
    recent: dates.Interval | None = None
    # identical copies of one sentence (re-published articles) share this key: the sentence text,
    # the trigger's place in it and the mention's date; None when the sentence is unknown
    copy_key: str | None = None
    weekdays: frozenset[int] = frozenset()  # days of the week (1 = Monday) the sentence's times name


def entity_id(mention: EntityMention | PlaceMention, entity_of_mention: Mapping[tuple[str, int, int], str]) -> str:
    """Canonical id of an entity or place mention, falling back to its own key or name."""
    found = entity_of_mention.get((mention.article_id, mention.start, mention.end))
    if found:
        return found
    if isinstance(mention, PlaceMention):
        if mention.place is not None and mention.place.geonameid is not None:
            return f"geonames:{mention.place.geonameid}"
        name = mention.place.name if mention.place is not None else mention.text
        return f"place:{name.lower()}"
    return f"key:{(mention.key or mention.text).lower()}"


def sentence_text(analysis: ArticleAnalysis, mention: EventMention) -> str:
    """The sentence holding the mention (the trigger alone if offsets are missing)."""
    if mention.sentence_end > mention.sentence_start:
        return analysis.article.text[mention.sentence_start : mention.sentence_end]
    return mention.trigger


def window_words(analysis: ArticleAnalysis, mention: EventMention) -> list[str]:
    """Content words within CONTEXT_WINDOW_WORDS words either side of the trigger, in its sentence."""
    body = analysis.article.text
    start = min(mention.sentence_start, mention.trigger_start)
    end = max(mention.sentence_end, mention.trigger_end)
    left = text.content_words(body[start : mention.trigger_start])[-settings.CONTEXT_WINDOW_WORDS :]
    right = text.content_words(body[mention.trigger_end : end])[: settings.CONTEXT_WINDOW_WORDS]
    return left + right


def _in_sentence(mention: EventMention, start: int, end: int) -> bool:
    """Whether a span lies inside the mention's sentence."""
    return mention.sentence_start <= start and end <= mention.sentence_end


def sentence_persons(
    analysis: ArticleAnalysis, mention: EventMention, entity_of_mention: Mapping[tuple[str, int, int], str]
) -> frozenset[str]:
    """Canonical ids of the people the mention's sentence names."""
    return frozenset(
        entity_id(entity, entity_of_mention)
        for entity in analysis.entities
        if entity.type == "PERSON" and _in_sentence(mention, entity.start, entity.end)
    )


_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def sentence_weekdays(analysis: ArticleAnalysis, mention: EventMention) -> frozenset[int]:
    """Days of the week named by the time expressions of the mention's sentence ("on Saturday",
    "September 15, 2013"): explicit times that tell two look-alike events apart."""
    found = set()
    for timex in analysis.timexes:
        if timex.type not in {"DATE", "TIME"} or not _in_sentence(mention, timex.start, timex.end):
            continue
        weekday = _WEEKDAY.match(timex.value)
        if weekday:
            found.add(int(weekday.group(1)))
            continue
        day = _DAY.match(timex.value)
        if day:
            try:
                found.add(dt.date(*map(int, day.groups())).isoweekday())
            except ValueError:
                continue
    return frozenset(found)


def build(
    analyses: Sequence[ArticleAnalysis],
    entity_of_mention: Mapping[tuple[str, int, int], str],
    story_of_article: Mapping[str, str],
) -> list[MentionFeatures]:
    """Linking features for every event mention of every analysis, in input order."""
    pairs = [(analysis, mention) for analysis in analyses for mention in analysis.events]
    vocabulary = frozenset(mention.trigger.lower() for _, mention in pairs)
    bags = [text.content_words(sentence_text(analysis, mention)) for analysis, mention in pairs]
    windows = [window_words(analysis, mention) for analysis, mention in pairs]
    idf = text.idf_table(bags)
    features = []
    for index, ((analysis, mention), bag, window) in enumerate(zip(pairs, bags, windows)):
        lemma = text.normalise_trigger(mention.trigger, vocabulary)
        interval = dates.date_interval(mention.date)
        bounds = interval or _undated_bounds(analysis, mention)
        participants = [(role, entity_id(entity, entity_of_mention)) for role, entity in mention.participants]
        place = entity_id(mention.place, entity_of_mention) if mention.place is not None else None
        published = analysis.article.published
        features.append(
            MentionFeatures(
                index=index,
                mention=mention,
                article_id=mention.article_id,
                lemma=lemma,
                classes=lexicon.trigger_classes().get(lemma, frozenset()),
                type=(mention.type or "").upper(),
                interval=interval,
                bounds=bounds,
                place=place,
                resolved_place=mention.place.place if mention.place is not None else None,
                participants=frozenset(ident for _, ident in participants),
                roles=frozenset(participants),
                context=text.tfidf(bag, idf),
                window=text.tfidf(window, idf),
                story=story_of_article.get(mention.article_id, mention.article_id),
                order_key=interval[0] if interval else (published.toordinal() if published else 0),
                persons=sentence_persons(analysis, mention, entity_of_mention),
                recent=interval or _recent_days(analysis, mention, bounds),
                copy_key=copy_key(analysis, mention),
                weekdays=sentence_weekdays(analysis, mention),
            )
        )
    return features


def copy_key(analysis: ArticleAnalysis, mention: EventMention) -> str | None:
    """What identical copies of a mention share: its sentence's words, the trigger's offset in the
    sentence, the trigger, its type and the date (a copy published another day may date "on Monday"
    differently: then it is not taken for the same mention)."""
    if mention.sentence_end <= mention.sentence_start:
        return None
    sentence = " ".join(sentence_text(analysis, mention).split())
    if len(sentence) < settings.COPY_MIN_CHARACTERS:
        return None
    date = mention.date.value if mention.date is not None else ""
    return f"{mention.trigger_start - mention.sentence_start}|{mention.trigger}|{mention.type}|{date}|{sentence}"


def _recent_days(analysis: ArticleAnalysis, mention: EventMention, bounds: dates.Interval) -> dates.Interval:
    """Days an undated mention most likely names: the last settings.UNDATED_RECENT_DAYS days up to
    its article's publication (news reports recent events); the whole bounds when unpublished."""
    published = analysis.article.published
    if published is None:
        return bounds
    return max(bounds[0], published.toordinal() - settings.UNDATED_RECENT_DAYS), bounds[1]


def _undated_bounds(analysis: ArticleAnalysis, mention: EventMention) -> dates.Interval:
    """Days an undated mention may fall on: up to its article's publication (a little after it
    for planned or hypothetical events)."""
    published = analysis.article.published
    if published is None:
        return NO_DAY, FAR_FUTURE
    if mention.modality in FUTURE_MODALITIES:
        return NO_DAY, published.toordinal() + settings.PLANNED_HORIZON_DAYS
    return NO_DAY, published.toordinal() + PUBLICATION_SLACK_DAYS
