"""First pass: find candidate expressions with the compiled rules and drop negative contexts."""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass

from storyline.time import settings
from storyline.time.lexicon import Rule, negative_rules, rules

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class Candidate:
    """A span matched by one rule, with the rule's named groups."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, str | None]

    @property
    def preference(self) -> tuple[int, int, int]:
        """Sort key: longer spans first, then earlier rules, then earlier positions."""
        return (-(self.end - self.start), self.rule.order, self.start)

    def overlaps(self, other: Candidate) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


def find_candidates(text: str) -> list[Candidate]:
    """Every match of every rule that no negative rule rejects."""
    found: list[Candidate] = []
    lowered = text.lower()
    for rule in rules():
        if rule.requires and not any(word in lowered for word in rule.requires):
            continue
        for match in rule.regex.finditer(text):
            if match.end() == match.start():
                continue
            if rule.before is not None:
                left = text[max(0, match.start() - settings.NEGATIVE_WINDOW_CHARS) : match.start()]
                if not rule.before.search(left):
                    continue
            candidate = Candidate(match.start(), match.end(), rule, match.groupdict())
            if _rejected(candidate, text):
                continue
            found.append(candidate)
    return found


def _rejected(candidate: Candidate, text: str) -> bool:
    """True when a negative rule for the candidate's handler matches its context."""
    window = settings.NEGATIVE_WINDOW_CHARS
    left = text[max(0, candidate.start - window) : candidate.start]
    right = text[candidate.end : candidate.end + window]
    body = text[candidate.start : candidate.end]
    for negative in negative_rules():
        if "*" not in negative.handlers and candidate.rule.handler not in negative.handlers:
            continue
        checks = [
            (negative.before, lambda rx: rx.search(left)),
            (negative.after, lambda rx: rx.search(right)),
            (negative.text, lambda rx: rx.search(body)),
        ]
        present = [(rx, test) for rx, test in checks if rx is not None]
        if present and all(test(rx) for rx, test in present):
            LOGGER.debug("negative rule %s drops %r", negative.name, body)
            return True
    return False


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Greedy non-overlapping choice, preferring longer spans and earlier rules; in text order."""
    starts: list[int] = []
    chosen: list[Candidate] = []  # kept sorted by start; spans never overlap
    for candidate in sorted(candidates, key=lambda c: c.preference):
        index = bisect.bisect_left(starts, candidate.start)
        if index > 0 and chosen[index - 1].end > candidate.start:
            continue
        if index < len(chosen) and chosen[index].start < candidate.end:
            continue
        starts.insert(index, candidate.start)
        chosen.insert(index, candidate)
    return chosen


class CandidateIndex:
    """Candidates sorted by start, to find those inside a span quickly."""

    def __init__(self, candidates: list[Candidate]) -> None:
        self._sorted = sorted(candidates, key=lambda c: c.start)
        self._starts = [c.start for c in self._sorted]

    def inside(self, span: Candidate) -> list[Candidate]:
        """Candidates lying within ``span`` (other than ``span`` itself), best first.

        They cannot clash with other selected spans, which never overlap ``span``.
        """
        lo = bisect.bisect_left(self._starts, span.start)
        hi = bisect.bisect_left(self._starts, span.end)
        inner = [c for c in self._sorted[lo:hi] if c is not span and c.end <= span.end]
        return sorted(inner, key=lambda c: c.preference)
