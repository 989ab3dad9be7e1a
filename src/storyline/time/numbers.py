"""Reads numbers written in digits or words ("3", "1,200", "5 1/2", "twenty-one", "a dozen")."""

from __future__ import annotations

import functools
import logging
import re

from storyline.time.lexicon import lexicon

LOGGER = logging.getLogger(__name__)

_FRACTION_RE = re.compile(r"^(?P<whole>\d+)\s+(?P<num>\d)/(?P<den>\d)$")


@functools.lru_cache(maxsize=2048)
def parse_number(text: str) -> float | None:
    """The value of a number in digits or English words, or None when it is not one."""
    cleaned = " ".join(text.lower().replace("½", " 1/2").split())
    if not cleaned:
        return None
    fraction = _FRACTION_RE.match(cleaned)
    if fraction:
        return int(fraction["whole"]) + int(fraction["num"]) / int(fraction["den"])
    digits = cleaned.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        pass
    words = lexicon()["number_words"]
    if cleaned in words:
        return float(words[cleaned])
    return _parse_words(cleaned.replace("-", " ").split(), words)


def _parse_words(tokens: list[str], words: dict[str, float]) -> float | None:
    """Sum-and-scale reading of number words: "two hundred fifty" -> 250."""
    total = 0.0
    current = 0.0
    for token in tokens:
        if token == "and":
            continue
        value = words.get(token)
        if value is None:
            return None
        if value in (100, 1000):
            current = (current or 1) * value
            if value == 1000:
                total += current
                current = 0
        else:
            current += value
    return total + current
