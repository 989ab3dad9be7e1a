"""Name keys that survive transliteration and shortening.

``person_tokens("President Bashar al-Assad")`` -> ``("bashar", "asad")``;
``person_tokens("Rami Abdel Rahman")`` == ``person_tokens("Rami Abdulrahman")`` ->
``("rami", "abdrahman")``. Titles are dropped, Arabic articles (al-, el-, ...) dropped, "Abd al-X"
compounds joined, frequent given-name spellings mapped to one form (Mohammed/Muhammad), and each
token reduced to the transliteration skeleton of the geo package.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata

from storyline.entities import settings
from storyline.entities.lexicon import name_variants, titles
from storyline.geo.normalize import skeleton

LOGGER = logging.getLogger(__name__)

ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul", "ud", "adh"})
_ABD_PREFIX = re.compile(r"^abd(?:el|ul|al|ol|il|u|e|oul)?(?=[a-z]{3,}$)")
_ABD_ALONE = frozenset({"abd", "abdel", "abdul", "abdal", "abdol", "abdil", "abdu", "abde", "abdoul"})
_SPLIT = re.compile(r"[\s\-\u2010-\u2015_/]+")
_DROP = re.compile(r"[^a-z ]+")


def ascii_fold(text: str) -> str:
    """Lower-case ASCII without accents, apostrophes or control characters."""
    text = text[: settings.MAX_NAME_CHARS]
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = re.sub(r"['\u2018\u2019\u02bc\u02bb`]", "", stripped)
    return stripped.lower()


def words(text: str) -> list[str]:
    """Lower-case ASCII words of a name (hyphens and spaces split; other symbols dropped)."""
    return [w for w in (_DROP.sub("", part) for part in _SPLIT.split(ascii_fold(text))) if w]


def strip_possessive(text: str) -> str:
    """ "SOHR's" -> "SOHR"."""
    return re.sub(r"['\u2019]s?$", "", text.strip())


@functools.lru_cache(maxsize=100_000)
def person_tokens(name: str) -> tuple[str, ...]:
    """Transliteration-tolerant tokens of a person's name, titles and articles removed."""
    raw = words(strip_possessive(name))
    title_words = titles()
    while len(raw) > 1 and raw[0] in title_words:
        raw.pop(0)
    variants = name_variants()
    tokens: list[str] = []
    pending_abd = False
    for word in raw:
        if word in ARABIC_ARTICLES:
            continue
        word = variants.get(word, word)
        if word in _ABD_ALONE:
            pending_abd = True
            continue
        word = _ABD_PREFIX.sub("abd", word)
        if pending_abd:
            word, pending_abd = "abd" + word, False
        tokens.append(skeleton(word) or word)
    if pending_abd:
        tokens.append("abd")
    return tuple(tokens)


@functools.lru_cache(maxsize=100_000)
def org_tokens(name: str) -> tuple[str, ...]:
    """Lower-case words of an organisation's name without a leading "the" or possessive."""
    tokens = words(strip_possessive(name))
    while tokens and tokens[0] == "the":
        tokens.pop(0)
    return tuple(tokens)


@functools.lru_cache(maxsize=100_000)
def org_key_tokens(name: str) -> tuple[str, ...]:
    """Transliteration-tolerant tokens of an organisation ("Jaysh al-Islam" == "Jaish al-Islam")."""
    return tuple(skeleton(w) or w for w in org_tokens(name) if w not in ARABIC_ARTICLES)


def initials(name: str) -> str:
    """Upper-case initials of the content words of a name ("Syrian Observatory for Human Rights" -> "SOHR")."""
    skip = {"of", "for", "the", "and", "in", "on", "de", "al", "el", "to"}
    return "".join(w[0] for w in org_tokens(name) if w not in skip).upper()


def slug(text: str) -> str:
    """URL-friendly id part: "Bashar al-Assad" -> "bashar-al-assad"."""
    return "-".join(words(text))[:80] or "unnamed"


def is_acronym(text: str) -> bool:
    """ "SOHR", "U.N.", "ISIL" (2-10 capitals, dots allowed)."""
    letters = text.replace(".", "")
    return (
        settings.MIN_ACRONYM_CHARS <= len(letters) <= settings.MAX_ACRONYM_CHARS
        and letters.isalpha()
        and sum(ch.isupper() for ch in letters) >= max(2, len(letters) - 1)
    )
