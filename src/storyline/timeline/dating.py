"""An event's date from its mentions: the most precise date they agree on, or a conflict.

Each mention's date is a day interval. The chosen date is the most precise stated value that at
least half of the dated mentions allow ("2016-03-27" beats "2016-03" when both are stated; two
sources saying the 26th beat one saying the 27th). Mentions whose dates exclude the chosen one make a ``date`` conflict
listing every source's date.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from storyline.link import dates
from storyline.model import Conflict, DateValue, EventMention

LOGGER = logging.getLogger(__name__)


def choose_date(mentions: Sequence[EventMention]) -> tuple[DateValue | None, Conflict | None]:
    """The event date and, when sources disagree, the conflict between them."""
    dated = [(m, dates.date_interval(m.date)) for m in mentions if m.date is not None]
    dated = [(m, interval) for m, interval in dated if interval is not None]
    if not dated:
        return None, None
    candidates: dict[str, tuple[DateValue, dates.Interval]] = {}
    for mention, interval in dated:
        candidates.setdefault(mention.date.value, (mention.date, interval))  # type: ignore[union-attr]

    def support(value: str) -> int:
        return sum(1 for _, other in dated if dates.overlaps(candidates[value][1], other))

    def stated(value: str) -> int:
        return sum(1 for m, _ in dated if m.date.value == value)  # type: ignore[union-attr]

    # finest dates first; the first one that at least half of the dated mentions allow wins
    ranked = sorted(candidates, key=lambda v: (dates.span_days(candidates[v][1]), -support(v), -stated(v), v))
    majority = [value for value in ranked if 2 * support(value) >= len(dated)]
    best = majority[0] if majority else max(ranked, key=support)
    chosen, interval = candidates[best]
    approximate = all(m.date.approximate for m, _ in dated if m.date.value == best)  # type: ignore[union-attr]
    chosen = DateValue(chosen.value, chosen.precision, approximate)
    dissent = [m for m, other in dated if not dates.overlaps(interval, other)]
    if not dissent:
        return chosen, None
    claims = sorted({(m.article_id, m.date.value) for m, _ in dated})  # type: ignore[union-attr]
    note = f"{len(dissent)} of {len(dated)} dated mentions disagree with {chosen.value}"
    LOGGER.debug("date conflict: %s", note)
    return chosen, Conflict(about="date", claims=tuple(claims), note=note)
