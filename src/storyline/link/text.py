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
_NON_WORD = re.compile(r"[^a-z\- ]")
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
    """Map an event noun or inflected form to its verb lemma ("killing" -> "kill", "shot" -> "shoot").

    ``vocabulary`` is the set of trigger lemmas seen in the collection: a regular '-ing', '-ed' or
    '-s' form (a lemmatiser miss) is mapped only onto a lemma that really occurs there or in the
    synonym classes.
    """
    lemma = _NON_WORD.sub("", lemma.lower())
    derived = lexicon.derivations().get(lemma)
    if derived:
        return derived
    known = lexicon.trigger_classes()
    for suffix in ("ing", "ed", "es", "s"):
        if not lemma.endswith(suffix) or len(lemma) <= len(suffix) + 2:
            continue
        base = lemma[: -len(suffix)]
        candidates = [base, base + "e"]
        if len(base) > 2 and base[-1] == base[-2]:
            candidates.append(base[:-1])
        for candidate in candidates:
            if candidate in vocabulary or candidate in known:
                return lexicon.derivations().get(candidate, candidate)
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
    shared = first.keys() & second.keys()
    return sum(first[word] * second[word] for word in shared) if shared else 0.0


def truncate(vector: Vector, size: int) -> Vector:
    """The ``size`` strongest entries of a vector, renormalised to unit length."""
    if len(vector) <= size:
        return vector
    strongest = sorted(vector.items(), key=lambda item: (-item[1], item[0]))[:size]
    norm = math.sqrt(sum(value * value for _, value in strongest))
    return {word: value / norm for word, value in strongest}
