"""Acronyms defined in the text: "Syrian Observatory for Human Rights (SOHR)", "SOHR (Syrian ...)".

The acronym's letters must be the initials of the words of the expansion, with or without its
function words ("of", "for", "the", "and"...), so "the group (ISIS)" defines nothing.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from storyline.entities import settings
from storyline.entities.names import is_acronym

LOGGER = logging.getLogger(__name__)

FUNCTION_WORDS = frozenset("of for the and in on de du des al el la le to at".split())
_PAREN = re.compile(r"\(([^()]{1,120})\)")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w'\u2019.-]*")


@dataclass(frozen=True)
class Definition:
    """An acronym and the expansion it abbreviates, with both spans."""

    acronym: str
    expansion: str
    acronym_span: tuple[int, int]
    expansion_span: tuple[int, int]


def _initials(words: list[str], keep_function_words: bool) -> str:
    letters = []
    for word in words:
        if not keep_function_words and word.lower() in FUNCTION_WORDS:
            continue
        for part in re.split(r"[-\u2010]", word):
            if part:
                letters.append(part[0].upper())
    return "".join(letters)


def _match_tail(text: str, end: int, acronym: str) -> tuple[int, int] | None:
    """Span of the words ending at ``end`` whose initials spell the acronym."""
    target = acronym.replace(".", "").upper()
    window = text[max(0, end - 200):end]
    offset = max(0, end - 200)
    words = list(_WORD.finditer(window))[-settings.MAX_EXPANSION_WORDS:]
    for first in range(len(words) - 1, -1, -1):
        chunk = words[first:]
        if chunk[0].group(0).lower() in FUNCTION_WORDS or not chunk[0].group(0)[0].isupper():
            continue
        tokens = [m.group(0) for m in chunk]
        if target in (_initials(tokens, False), _initials(tokens, True)):
            return offset + chunk[0].start(), offset + chunk[-1].end()
    return None


def find_definitions(text: str) -> list[Definition]:
    """Every acronym definition in the text, in order."""
    found: list[Definition] = []
    for match in _PAREN.finditer(text):
        inside = match.group(1).strip()
        if is_acronym(inside):  # "Long Name (ACR)"
            span = _match_tail(text, _preceding_end(text, match.start()), inside)
            if span:
                start = match.start(1) + match.group(1).index(inside)
                found.append(Definition(inside, text[span[0]:span[1]], (start, start + len(inside)), span))
            continue
        before = re.search(r"([A-Z][A-Z.]{1,12})\s*$", text[max(0, match.start() - 14):match.start()])
        if before and is_acronym(before.group(1)):  # "ACR (Long Name)"
            acronym = before.group(1)
            span = _match_tail(text, match.end(1), acronym)
            if span and span[0] >= match.start(1):
                a_start = match.start() - len(text[max(0, match.start() - 14):match.start()]) + before.start(1)
                found.append(Definition(acronym, text[span[0]:span[1]], (a_start, a_start + len(acronym)), span))
    return found


def _preceding_end(text: str, paren_start: int) -> int:
    end = paren_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
