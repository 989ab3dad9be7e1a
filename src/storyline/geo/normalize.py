"""Name normalisation for gazetteer look-ups: case/accents folding and a transliteration skeleton.

``fold`` gives the exact look-up key ("Deir ez-Zor" -> "deir ez zor"); ``skeleton`` is a looser key
that forgives the usual variation of Arabic and Russian names in English ("Deir Ezzor",
"Sukhna"/"Sukhnah", "Ar Raqqah"/"Raqqa").
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata

from storyline.geo import settings

LOGGER = logging.getLogger(__name__)

_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb\u0060\u00b4\u02be\u02bf]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_ARABIC_ARTICLE = re.compile(r"\b(?:al|el|as|ar|ad|az|ash|at|an|adh|ath|ul)\s+(?=\w)")
_DOUBLED = re.compile(r"(.)\1+")
_LATIN_OR_COMMON = re.compile(r"^[\u0000-\u024f\u1e00-\u1eff\u2018-\u201d\u02b0-\u02ff]*$")
# Applied in order; plain strings go through str.replace (the gazetteer build calls this for
# every one of ~500,000 names, and 11 regex substitutions a name took half of the build time).
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")
_SKELETON_RULES: tuple[tuple[str | re.Pattern[str], str], ...] = (
    ("ou", "u"),
    ("ee", "i"),
    ("oo", "u"),
    ("dh", "d"),
    (_FINAL_H, ""),
    ("kh", "k"),
    ("q", "k"),
    ("e", "a"),
    ("y", "i"),
    ("w", "u"),
    ("o", "u"),
)


def clean(text: str) -> str:
    """Drop control characters, squeeze white space, cut to the longest name we look up."""
    text = text[: settings.MAX_NAME_CHARS * 2]
    if not text.isprintable():
        text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return " ".join(text.split())[: settings.MAX_NAME_CHARS]


def is_latin(text: str) -> bool:
    """True when the text uses Latin script only (plus punctuation and digits)."""
    return bool(_LATIN_OR_COMMON.match(text))


@functools.lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """Lower-case, accent-free, punctuation-free key of a name ("Deir ez-Zor" -> "deir ez zor")."""
    name = clean(name)
    name = _APOSTROPHES.sub("", name)
    if name.isascii():
        return _NON_WORD.sub(" ", name.lower().replace("&", " and ")).strip()
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    lowered = stripped.lower().replace("&", " and ")
    return _NON_WORD.sub(" ", lowered).strip()


@functools.lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """A transliteration-tolerant key: no Arabic article, no spaces, simplified vowels and digraphs."""
    key = fold(name)
    key = _ARABIC_ARTICLE.sub("", key)
    for pattern, replacement in _SKELETON_RULES:
        if isinstance(pattern, str):
            key = key.replace(pattern, replacement)
        else:
            key = pattern.sub(replacement, key)
    key = key.replace(" ", "")
    return _DOUBLED.sub(r"\1", key)


def strip_the(text: str) -> tuple[str, int]:
    """Remove a leading "the " and return the rest with the number of characters removed."""
    if text[:4].lower() == "the ":
        return text[4:], 4
    return text, 0
