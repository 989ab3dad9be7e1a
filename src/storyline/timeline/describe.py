"""Short titles and extractive summaries of events, from their mentions' own words.

Title: the article's headline when it reports the mention ("Car bomb kills six in Homs");
else agent + trigger + patient (or "in" place), e.g. "Syrian forces recaptured Palmyra"; when
a mention has no agent, or neither a patient nor a place to complete the clause ("Army
inflicted"), the trigger's sentence trimmed around the trigger. Summary: the best
source sentence (informative, neither a fragment nor a wall of text).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Mapping, Sequence

from storyline.ingest.dates import find_text_date, is_date_line
from storyline.model import Article, Entity, EventMention
from storyline.timeline import settings
from storyline.timeline.lexicon import _load

LOGGER = logging.getLogger(__name__)

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
# " - Region - World - Ahram Online", " | Reuters": section and outlet trailers of page titles
_TITLE_TRAILER = re.compile(r"\s+[-|–—]\s+")
AGENT_ROLES = ("agent",)
PATIENT_ROLES = ("patient", "target", "theme")
SOURCE_ROLES = ("from",)


def _clean(text: str) -> str:
    """Collapse white space and strip quotes and punctuation at the edges."""
    return _SPACE.sub(" ", text).strip(" \"'”“’‘,;:")


def sentence_of(mention: EventMention, articles: Mapping[str, Article]) -> str:
    """The mention's sentence as it appears in its article, without a date line that opens it
    ("Date of publication 4 October 2016 The bomber blew himself up ...")."""
    text = articles[mention.article_id].text
    if mention.sentence_end <= mention.sentence_start:
        return _clean(text[mention.trigger_start : mention.trigger_end])
    start = after_date_line(text, mention.sentence_start, mention.trigger_start)
    start, end = trim_span(text, start, mention.sentence_end)
    return _clean(text[start:end])


@functools.lru_cache(maxsize=1)
def _datelines() -> tuple[re.Pattern[str], ...]:
    """Wire datelines, agency credits and bullets that open a sentence (data file)."""
    return tuple(re.compile(p) for p in _load("tls_sentence_filters.json")["datelines"])


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span [start, end) of ``text`` without surrounding blanks, the article's date line
    ("Published June 1 2016 ...") and leading wire datelines, agency credits or bullets
    ("BEIRUT (Reuters) -", "(TRT World and Agencies)")."""
    start = after_date_line(text, start, end)
    for pattern in _datelines():
        match = pattern.match(text[start:end])
        if match and start + match.end() < end:
            start += match.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def after_date_line(text: str, start: int, keep_from: int) -> int:
    """``start`` moved past the article's date line when a sentence near the top opens with it
    (the date line ends before ``keep_from``, the first character that must stay)."""
    if start < settings.HEADLINE_LEAD_CHARS:
        found = find_text_date(text)
        if found is not None and is_date_line(text, found[1]) and start <= found[1] and found[2] < keep_from:
            return found[2]
    return start


def _name(mention_text: str, entity_id: str | None, entities: Mapping[str, Entity]) -> str:
    """Canonical name of a participant when known, else its words in the article."""
    entity = entities.get(entity_id) if entity_id else None
    return entity.name if entity is not None else _clean(mention_text)


def title_of(
    mention: EventMention,
    articles: Mapping[str, Article],
    entities: Mapping[str, Entity],
    entity_of_mention: Mapping[tuple[str, int, int], str],
) -> str:
    """A short title for one mention: its article's headline when the headline reports it, else
    agent + trigger + patient/place, else its trimmed sentence."""
    headline = reporting_headline(mention, articles[mention.article_id])
    if headline is not None:
        return headline
    text = articles[mention.article_id].text
    trigger = _clean(text[mention.trigger_start : mention.trigger_end]) or mention.trigger

    def named(roles: tuple[str, ...]) -> str | None:
        for role, participant in mention.participants:
            if role in roles:
                key = (participant.article_id, participant.start, participant.end)
                return _name(participant.text, entity_of_mention.get(key), entities)
        return None

    agent, patient, origin = named(AGENT_ROLES), named(PATIENT_ROLES), named(SOURCE_ROLES)
    # places keep the article's own name ("Palmyra"), which readers know better than the gazetteer's
    place = _clean(mention.place.text) if mention.place is not None else None
    if agent and (patient or place):
        words = [agent, trigger]
        if patient:
            words.append(patient)
        if place and place != patient:
            # the place is the object of control changes ("recaptured Palmyra"), else a location
            words += [place] if not patient and mention.type in settings.PLACE_OBJECT_TYPES else ["in", place]
        if origin and origin not in (agent, patient):
            words += ["from", origin]
        return _trim(" ".join(words))
    return _trim_around(sentence_of(mention, articles), trigger)


def reporting_headline(mention: EventMention, article: Article) -> str | None:
    """The article's headline, cleaned of outlet and section trailers, when it reports this
    mention: the mention opens the article as its news (not background) and the headline names
    its trigger word or one of its figures ("Car bomb kills six" for "six people were killed")."""
    if not article.title or mention.background or mention.sentence_start > settings.HEADLINE_LEAD_CHARS:
        return None
    parts = _TITLE_TRAILER.split(_clean(article.title))
    headline = parts[0] if all(len(part.split()) <= settings.TITLE_TRAILER_WORDS for part in parts[1:]) else _clean(article.title)
    words = {word.lower() for word in _WORD.findall(headline)}
    stem = mention.trigger.lower()[: settings.HEADLINE_STEM_CHARS]
    numbers = {f"{figure.value:g}" for figure in mention.figures}
    if any(word.startswith(stem) for word in words) or numbers & words:
        return _trim(headline)
    return None


def _trim(title: str) -> str:
    """At most TITLE_MAX_WORDS words."""
    words = title.split()
    if len(words) <= settings.TITLE_MAX_WORDS:
        return title
    return " ".join(words[: settings.TITLE_MAX_WORDS]) + "…"


def _trim_around(sentence: str, trigger: str) -> str:
    """The sentence, cut to TITLE_MAX_WORDS words that keep the trigger in view."""
    words = sentence.split()
    if len(words) <= settings.TITLE_MAX_WORDS:
        return sentence
    position = next((i for i, word in enumerate(words) if trigger.split()[0] in word), 0)
    if position < settings.TITLE_MAX_WORDS - 3:
        start = 0  # keep the subject when the trigger comes early
    else:
        start = max(0, min(position - settings.TITLE_MAX_WORDS // 3, len(words) - settings.TITLE_MAX_WORDS))
    piece = " ".join(words[start : start + settings.TITLE_MAX_WORDS])
    return ("…" if start else "") + piece + ("…" if start + settings.TITLE_MAX_WORDS < len(words) else "")


def _informativeness(mention: EventMention, sentence: str) -> tuple[float, ...]:
    """How good a sentence is as a summary: arguments stated, sensible length, main news."""
    length = len(sentence)
    fits = settings.SUMMARY_MIN_CHARS <= length <= settings.SUMMARY_MAX_CHARS
    arguments = (
        (mention.date is not None)
        + (mention.place is not None)
        + min(len(mention.participants), 2)
        + min(len(mention.figures), 2)
    )
    return (float(fits), float(not mention.background), float(arguments), -abs(length - 160) / 160)


def title_mention(mentions: Sequence[EventMention], articles: Mapping[str, Article]) -> EventMention:
    """The mention that makes the best title: one its article's headline reports, then one
    naming its agent, main news rather than background, earliest in its article (leads state
    the news most plainly)."""

    def rank(mention: EventMention) -> tuple[bool, bool, bool, int]:
        headline = reporting_headline(mention, articles[mention.article_id]) is not None
        has_agent = any(role in AGENT_ROLES for role, _ in mention.participants)
        return headline, has_agent, not mention.background, -mention.sentence_start

    return max(mentions, key=rank)


def best_mention(mentions: Sequence[EventMention], articles: Mapping[str, Article]) -> EventMention:
    """The mention whose sentence best summarises the event."""
    return max(mentions, key=lambda m: _informativeness(m, sentence_of(m, articles)))


def summary_of(mentions: Sequence[EventMention], articles: Mapping[str, Article]) -> str:
    """The best source sentence, cut to SUMMARY_MAX_CHARS characters."""
    sentence = sentence_of(best_mention(mentions, articles), articles)
    if len(sentence) <= settings.SUMMARY_MAX_CHARS:
        return sentence
    return sentence[: settings.SUMMARY_MAX_CHARS].rsplit(" ", 1)[0] + "…"
