"""What the words of an article say about itself: headline, dateline outlet, credit lines, date.

These are general patterns (``data/text_patterns.json``), used when metadata does not already
give the field: "(CNN) ..." and "BEIRUT (Reuters) -" name the outlet; "X contributed to this
report" names a contributor; "Click for more from X" or "- REUTERS" name the source of the
material (a note, not the outlet); "Wed 05 Apr 2017 ..." at the start gives the publication date.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from storyline.ingest import settings
from storyline.ingest.outlets import display_outlet, known_outlet
from storyline.ingest.resources import name_key, text_patterns

LOGGER = logging.getLogger(__name__)

_SENTENCE_END = re.compile(r"[.:;,]\s*$")
_SPLIT_CONTRIBUTORS = re.compile(r"\s*(?:,|\band\b|&|\+)\s*")
_SPLIT_MATERIAL = re.compile(r"\s*\+\s*")


@dataclass(frozen=True)
class Credit:
    """A name in a credit line and its role: "outlet", "contributor" or "material"."""

    role: str
    name: str


def split_headline(text: str) -> tuple[str | None, str]:
    """Split a leading headline off a plain text: ``(title, body)``, or ``(None, text)``.

    A headline is a first line that is short, does not end like a sentence, and is followed by a
    blank line and more text.
    """
    stripped = text.lstrip()
    first, sep, rest = stripped.partition("\n")
    if not sep or not rest.lstrip(" \t").startswith("\n"):
        return None, text
    first = first.strip()
    body = rest.strip()
    if (
        not first
        or not body
        or len(first) > settings.MAX_HEADLINE_CHARS
        or len(first.split()) > settings.MAX_HEADLINE_WORDS
        or _SENTENCE_END.search(first)
        or not any(ch.isalpha() for ch in first)
    ):
        return None, text
    return first, body


def dateline_outlet(text: str) -> str | None:
    """The outlet named by a dateline at the start of the text ("(CNN)", "BEIRUT (Reuters) -")."""
    head = text.lstrip()[: settings.DATELINE_SEARCH_CHARS]
    patterns = text_patterns()
    for regex in patterns["outlet_datelines"]:
        match = regex.search(head)
        if not match:
            continue
        name = match.group("name").strip()
        if name_key(name) in patterns["not_outlets"] or len(name) > settings.MAX_OUTLET_CHARS:
            LOGGER.debug("dateline %r is not an outlet", name)
            continue
        return display_outlet(name)
    return None


def credits(text: str) -> list[Credit]:
    """Names in the credit lines at the end of the text, in pattern order, without repeats."""
    tail = text.rstrip()[-settings.CREDIT_SEARCH_CHARS :]
    found: list[Credit] = []
    patterns = text_patterns()
    folded_tail = tail.casefold()
    for role, known_only, hint, regex in patterns["credits"]:
        if hint and hint not in folded_tail:
            continue
        for match in regex.finditer(tail):
            for name in _names(match.group("name"), role):
                if name_key(name) in patterns["generic_credits"]:
                    continue
                if known_only and known_outlet(name) is None:
                    continue
                credit = Credit(role, display_outlet(name))
                if credit not in found:
                    found.append(credit)
    return found


def _names(raw: str, role: str) -> list[str]:
    raw = raw.strip(" .,;:")
    splitter = _SPLIT_CONTRIBUTORS if role == "contributor" else _SPLIT_MATERIAL
    return [name.strip(" .,;:") for name in splitter.split(raw) if name.strip(" .,;:")]
