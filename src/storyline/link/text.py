"""Light, dependency-free text features: content words of a sentence and trigger normalisation.

Linking runs on 100,000 mentions, so it must not call spaCy again: it works on the character
offsets the per-article stages already produced.
"""

from __future__ import annotations

import functools
import logging
import math
import re
from collections.abc import Iterable, Mapping

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.link import lexicon

LOGGER = logging.getLogger(__name__)

_WORD = re.compile(r"[A-Za-z][A-Za-z\-']+")
MIN_WORD_LENGTH = 3

Vector = dict[str, float]


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude, cached plural/possessive stripper ("militants" -> "militant")."""
    word = word.lower().strip("'-")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """Lower-cased, stemmed content words of a text (stop words and short words dropped)."""
    words = []
    for match in _WORD.finditer(text):
        word = match.group().lower()
        if len(word) < MIN_WORD_LENGTH or word in STOP_WORDS:
            continue
        words.append(stem(word))
    return words


def normalise_trigger(lemma: str, vocabulary: frozenset[str] = frozenset()) -> str:
    """Map an event noun or '-ing' form to its verb lemma ("killing" -> "kill").

    ``vocabulary`` is the set of trigger lemmas seen in the collection: a regular '-ing' form is
    mapped only onto a lemma that really occurs there.
    """
    lemma = lemma.lower().strip()
    derived = lexicon.derivations().get(lemma)
    if derived:
        return derived
    if lemma.endswith("ing") and len(lemma) > 5:
        base = lemma[:-3]
        candidates = (base, base + "e", base[:-1] if len(base) > 2 and base[-1] == base[-2] else base)
        for candidate in candidates:
            if candidate in vocabulary or candidate in lexicon.trigger_classes():
                return candidate
    return lemma


def idf_table(documents: Iterable[Iterable[str]]) -> dict[str, float]:
    """Inverse document frequency of every word over a collection of word bags."""
    frequency: dict[str, int] = {}
    count = 0
    for words in documents:
        count += 1
        for word in set(words):
            frequency[word] = frequency.get(word, 0) + 1
    return {word: math.log((1 + count) / (1 + df)) + 1.0 for word, df in frequency.items()}


def tfidf(words: Iterable[str], idf: Mapping[str, float]) -> Vector:
    """Unit-length tf-idf vector of a word bag."""
    vector: Vector = {}
    for word in words:
        vector[word] = vector.get(word, 0.0) + idf.get(word, 1.0)
    norm = math.sqrt(sum(value * value for value in vector.values()))
    if norm == 0.0:
        return {}
    return {word: value / norm for word, value in vector.items()}


def cosine(first: Vector, second: Vector) -> float:
    """Cosine of two unit-length sparse vectors."""
    if len(first) > len(second):
        first, second = second, first
    return sum(value * second.get(word, 0.0) for word, value in first.items())
