"""Sentence compression for per-date summaries: cut attribution, weekdays and asides, by deletion only.

Timeline entries are short statements of what happened ("Security forces kill 63 protesters in
Hama"); news sentences wrap the event in who said it and when ("..., activists said on Tuesday .",
"Witnesses said the ...", "On Friday , ..."). The rules in ``data/tls_compression.json`` delete
such material: "head" and "tail" rules shorten the sentence's slice of the article, "inner" rules
remove spans inside the slice (weekday phrases, "last week", parentheses). Nothing is rewritten,
so the compressed text is the slice less its ``cuts`` (``kept_text``) and every word of it still
points to its place in the article. A cut that would leave too short a sentence is not made.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

from storyline.timeline import tls_settings as settings
from storyline.timeline.lexicon import _load

LOGGER = logging.getLogger(__name__)

_NO_SPACE_BEFORE = frozenset(",.;:!?)")
_TRAILING = re.compile(r"[\s,;:-]+$")
_LEADING = re.compile(r"[\s,;:]+")  # used with match(): anchored at the position given


@dataclass(frozen=True)
class Rules:
    """Compiled head, tail and inner rules, by name, in file order."""

    head: tuple[tuple[str, re.Pattern[str]], ...]
    tail: tuple[tuple[str, re.Pattern[str]], ...]
    inner: tuple[tuple[str, re.Pattern[str]], ...] = ()


@dataclass(frozen=True)
class Compression:
    """What is kept of a sentence: the slice [start, end) of the article less the ``cuts``
    (sorted, disjoint article spans inside it), and the names of the rules that fired."""

    start: int
    end: int
    cuts: tuple[tuple[int, int], ...] = ()
    applied: tuple[str, ...] = ()

    def text(self, article_text: str) -> str:
        """The compressed text: the kept pieces of the slice joined by single spaces."""
        return kept_text(article_text, self.start, self.end, self.cuts)


def kept_text(text: str, start: int, end: int, cuts: tuple[tuple[int, int], ...]) -> str:
    """``text[start:end]`` without the ``cuts`` (article spans): the kept pieces, stripped, joined
    by one space (none before a piece that opens with punctuation: "fell 5 percent, according")."""
    pieces, position = [], start
    for cut_start, cut_end in cuts:
        pieces.append(text[position:cut_start].strip())
        position = cut_end
    pieces.append(text[position:end].strip())
    joined = ""
    for piece in (p for p in pieces if p):
        joined += piece if not joined or piece[0] in _NO_SPACE_BEFORE else " " + piece
    return joined


def _expand(pattern: str, vocabulary: dict[str, str]) -> str:
    for name, value in vocabulary.items():
        pattern = pattern.replace("{" + name + "}", value)
    return pattern


@functools.lru_cache(maxsize=8)
def rules(disabled: frozenset[str] = frozenset()) -> Rules:
    """The rules of ``data/tls_compression.json`` less those named in its "off" list and in ``disabled``."""
    data = _load("tls_compression.json")
    vocabulary = data.get("_vocabulary", {})
    off = set(data.get("off", ())) | set(disabled)

    def compiled(section: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple(
            (name, re.compile(_expand(p, vocabulary)))
            for name, p in data.get(section, {}).items()
            if name not in off
        )

    return Rules(head=compiled("head"), tail=compiled("tail"), inner=compiled("inner"))


def _words(text: str) -> int:
    return len(text.split())


def compress_span(
    text: str, start: int, end: int, disabled: frozenset[str] = frozenset()
) -> tuple[int, int, tuple[str, ...]]:
    """The span [start, end) of ``text`` with attribution heads and tails cut off.

    Returns (new start, new end, names of the rules applied); the new span lies inside the old
    one. Rules are applied until none fires; a cut leaving fewer than ``COMPRESS_MIN_WORDS``
    words is skipped."""
    applied: list[str] = []
    compiled = rules(frozenset(disabled))
    for _ in range(4):
        changed = False
        for name, pattern in compiled.head:
            match = pattern.match(text[start:end])  # a slice: "^" would not match at pos > 0
            if match and match.end() > 0:
                new_start = start + match.end()
                lead = _LEADING.match(text, new_start, end)
                new_start = lead.end() if lead else new_start
                if _words(text[new_start:end]) >= settings.COMPRESS_MIN_WORDS:
                    start, changed = new_start, True
                    applied.append(name)
        for name, pattern in compiled.tail:
            match = pattern.search(text[start:end])
            if match and match.start() > 0:
                new_end = start + match.start()
                trailing = _TRAILING.search(text, start, new_end)
                new_end = trailing.start() if trailing else new_end
                if _words(text[start:new_end]) >= settings.COMPRESS_MIN_WORDS:
                    end, changed = new_end, True
                    applied.append(name)
        if not changed:
            break
    if applied:
        LOGGER.debug("compressed (%s): %r", ", ".join(applied), text[start:end][:80])
    return start, end, tuple(applied)


_COMMA_AFTER = re.compile(r"\s*,")
_COMMA_BEFORE = re.compile(r",\s*$")


def _tidy(text: str, start: int, end: int, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` widened over the commas that would be left dangling: the one after it when it
    opens the slice ("On Tuesday , Assad ..."), both when they enclose it (", on Tuesday ,")."""
    cut_start, cut_end = span
    after = _COMMA_AFTER.match(text, cut_end, end)
    if not after:
        return cut_start, cut_end
    if not text[start:cut_start].strip():
        return cut_start, after.end()
    before = _COMMA_BEFORE.search(text, start, cut_start)
    if before:  # ", on Tuesday ," -> both commas go
        return before.start(), after.end()
    return cut_start, cut_end


def inner_cuts(
    text: str, start: int, end: int, disabled: frozenset[str] = frozenset()
) -> tuple[tuple[tuple[int, int], ...], tuple[str, ...]]:
    """Spans inside [start, end) that the "inner" rules remove (sorted, disjoint), with the rule
    names; a cut that would leave fewer than ``COMPRESS_MIN_WORDS`` words is skipped."""
    cuts: list[tuple[int, int]] = []
    applied: list[str] = []
    segment = text[start:end]
    for name, pattern in rules(frozenset(disabled)).inner:
        for match in pattern.finditer(segment):
            span = _tidy(text, start, end, (start + match.start(), start + match.end()))
            if span[0] >= span[1] or any(a < span[1] and span[0] < b for a, b in cuts):
                continue
            trial = sorted([*cuts, span])
            if _words(kept_text(text, start, end, tuple(trial))) >= settings.COMPRESS_MIN_WORDS:
                cuts, applied = trial, [*applied, name]
    return tuple(cuts), tuple(applied)


def compress_sentence(text: str, start: int, end: int, disabled: frozenset[str] = frozenset()) -> Compression:
    """Head and tail cuts (``compress_span``), then the inner cuts (``inner_cuts``) of what is left."""
    start, end, applied = compress_span(text, start, end, disabled)
    cuts, inner = inner_cuts(text, start, end, disabled)
    return Compression(start, end, cuts, applied + inner)


def compress(sentence: str, disabled: frozenset[str] = frozenset()) -> str:
    """``sentence`` compressed (see ``compress_sentence``)."""
    return compress_sentence(sentence, 0, len(sentence), disabled).text(sentence)
