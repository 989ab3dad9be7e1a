"""Candidate pairs for linking, without comparing all pairs of the corpus.

Each mention is filed under a few block keys (its trigger lemma, its synonym classes, its place,
its participants, its article); blocks larger than ``LARGE_BLOCK`` are split by month. Inside a
block, mentions are sorted by date and each one looks only at the previous ``BLOCK_WINDOW``
mentions whose possible days overlap its own, and is scored against at most ``MAX_CANDIDATES``
of them, so the number of pairs grows linearly with the number of mentions.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence

from storyline.link import dates, settings
from storyline.link.features import MentionFeatures

LOGGER = logging.getLogger(__name__)


def block_keys(features: MentionFeatures) -> set[str]:
    """The blocks a mention is filed under."""
    keys = {f"lemma:{features.lemma}", f"article:{features.article_id}"}
    keys.update(f"class:{name}" for name in features.classes)
    if features.place is not None:
        keys.add(f"place:{features.place}")
    keys.update(f"actor:{ident}" for ident in features.participants)
    return keys


def _month_bucket(features: MentionFeatures) -> int:
    """A coarse time bucket (30-day slices) used to split very large blocks."""
    return features.order_key // 30


def blocks(mentions: Sequence[MentionFeatures]) -> dict[str, list[MentionFeatures]]:
    """Group mentions by block key; very large blocks are split further by time bucket."""
    grouped: dict[str, list[MentionFeatures]] = {}
    for features in mentions:
        for key in block_keys(features):
            grouped.setdefault(key, []).append(features)
    for key in [k for k, members in grouped.items() if len(members) > settings.LARGE_BLOCK]:
        LOGGER.debug("splitting large block %s (%d mentions)", key, len(grouped[key]))
        for features in grouped.pop(key):
            grouped.setdefault(f"{key}|{_month_bucket(features)}", []).append(features)
    return grouped


def candidate_pairs(mentions: Sequence[MentionFeatures]) -> Iterator[tuple[MentionFeatures, MentionFeatures]]:
    """Each candidate pair once (earlier mention in date order first).

    All blocks sort by the same global key, so a pair is always found from the side of its later
    mention. Of the earlier mentions found in its blocks' windows, each mention is compared with
    the ``MAX_CANDIDATES`` that share most blocks with it (then the nearest in time). Mentions
    are known by their ``index``, which need not be their position in ``mentions``.
    """
    windows: dict[int, list[tuple[list[MentionFeatures], int]]] = {m.index: [] for m in mentions}
    by_index = {m.index: m for m in mentions}
    for members in blocks(mentions).values():
        if len(members) < 2:
            continue
        members.sort(key=_sort_key)
        for position, current in enumerate(members):
            if position:
                windows[current.index].append((members, position))
    for current in mentions:
        shared: dict[int, int] = {}
        excluded: set[int] = set()
        for members, position in windows[current.index]:
            for earlier in members[max(0, position - settings.BLOCK_WINDOW) : position]:
                if earlier.index in shared:
                    shared[earlier.index] += 1
                elif earlier.index not in excluded:
                    if dates.intersect(earlier.bounds, current.bounds) is None:
                        excluded.add(earlier.index)  # cannot be the same event: never a candidate
                    else:
                        shared[earlier.index] = 1
        # the mentions sharing most blocks (trigger, class, place, actors, article) come first
        # (ties go to the later mention in input order, so that results never depend on the order
        # in which sets of block keys are iterated, i.e. on PYTHONHASHSEED)
        ranked = sorted(
            shared, key=lambda index: (-shared[index], current.order_key - by_index[index].order_key, -index)
        )
        for index in ranked[: settings.MAX_CANDIDATES]:
            yield by_index[index], current


def _sort_key(features: MentionFeatures) -> tuple[int, int]:
    """Global date order used by every block."""
    return features.order_key, features.index
