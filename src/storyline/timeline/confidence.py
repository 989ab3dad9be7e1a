"""How much to believe an event: more outlets and articles, a date and a place, firm modality."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from storyline.model import Article, Conflict, DateValue, EventMention, Place
from storyline.timeline import settings

LOGGER = logging.getLogger(__name__)


def confidence(
    mentions: Sequence[EventMention],
    articles: Mapping[str, Article],
    date: DateValue | None,
    place: Place | None,
    conflicts: Sequence[Conflict],
) -> float:
    """A score in (0, 1): sources and outlets, extraction certainty, and disagreement."""
    article_ids = {m.article_id for m in mentions}
    outlets = {articles[a].outlet or a for a in article_ids}
    score = settings.CONFIDENCE_BASE
    score += settings.CONFIDENCE_PER_EXTRA_OUTLET * (len(outlets) - 1)
    score += settings.CONFIDENCE_PER_EXTRA_ARTICLE * (len(article_ids) - len(outlets))
    score += settings.CONFIDENCE_DATED_BONUS if date is not None else 0.0
    score += settings.CONFIDENCE_PLACED_BONUS if place is not None else 0.0
    score -= settings.CONFIDENCE_CONFLICT_PENALTY * len(conflicts)
    certainty = max(settings.MODALITY_WEIGHT.get(m.modality, 0.5) for m in mentions)
    return round(max(0.01, min(settings.CONFIDENCE_MAX, score * certainty)), 3)
