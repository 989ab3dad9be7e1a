"""Topic keywords interpreted against the collection they are meant to select from.

A topic arrives as a name such as ``keywords.json``'s camel-case "SolarFlare", a lowercase
concatenation, an acronym or a truncated stem. How it is read decides which sentences count as
on topic (``summarise.Summariser``), so every reading is checked against the collection's own
words, never against a list of known topics:

- ``split_name``: camel case and separators split a name into tokens; alphanumeric tokens with
  digits stay whole ("H5N8", "G20").
- a token that is a collection word (or the prefix of frequent ones: a truncated stem) matches
  by prefix, from the shortest prefix that is a frequent capitalised collection word when there
  is one ("Peruvian" -> "peru" when the text names Peru); short tokens match as whole words
  (plural allowed);
- a lowercase token that matches nothing is segmented into frequent collection words ("xyzgas" ->
  "xyz" + "gas"), each piece then read as above;
- an all-caps token of up to ``KEYWORD_ACRONYM_MAX_CHARS`` letters is matched case-sensitively
  and, when a capitalised multi-word name whose initials spell it is frequent in the collection,
  expanded to that name and to its last word (the surname alone: "JQ" -> "Jane Quill", "Quill");
  it is read as a word too;
- each term is *specific* when it names something (mostly capitalised in the text, or contains a
  digit) and *generic* otherwise ("crisis", "war"); ``Keywords.on_topic`` requires a specific term
  whenever there is one (``tls_settings.REQUIRE_SPECIFIC_KEYWORD``); generic terms only add to a
  sentence's keyword bonus, and a topic with generic terms only filters nothing
  (``GATE_ON_GENERIC_KEYWORDS``: gating on "crisis" or "war" alone cost 0.006-0.018 AR-1 on the
  development topics, even with the off-topic fill of ``bench/tls.py``);
- the specific terms are widened by the capitalised word that best marks the articles holding
  them (highest lift against the other articles, ``KEYWORD_ASSOCIATED``), so that a topic whose
  name is rarer in the text than another name for it keeps its sentences.

Terms that match no article are dropped (logged at debug); a topic none of whose terms matches is
empty, and an empty ``Keywords`` lets every sentence through.
"""

from __future__ import annotations

import bisect
import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from storyline.timeline import tls_settings as settings

LOGGER = logging.getLogger(__name__)

_NAME_TOKEN = re.compile(r"(?:[A-Z]*\d+)+[A-Z]*(?![a-z])|[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_WORD = re.compile(r"[A-Za-z0-9]+")
# Runs of capitalised words ("Jane Quill", "United Nations Security Council").
# A name word may carry a short lowercase particle ("al-Assad": its initial is the A).
_NAME_WORD = r"(?:[a-z]{1,3}-)?[A-Z][a-z]+(?:[A-Z][a-z]+)?"
_CAPITALISED_RUN = re.compile(rf"(?<![\w-]){_NAME_WORD}(?:\s+{_NAME_WORD})+\b")
_SENTENCE_END = re.compile(r"(?:^|[.!?\"'\n]\s*)$")


@dataclass(frozen=True)
class Term:
    """One reading of a keyword: what it matches, where it came from, whether it names something."""

    label: str
    pattern: str  # a regular expression (flags inline)
    origin: str  # word | prefix | segment | acronym | name | name-part
    specific: bool = False
    documents: int = 0  # articles of the collection it matches


@dataclass(frozen=True)
class Keywords:
    """The terms of a topic; sentences are on topic when a required term matches."""

    terms: tuple[Term, ...] = ()
    _required: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    _each: tuple[re.Pattern[str], ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        required = self.required()
        joined = re.compile("|".join(f"(?:{t.pattern})" for t in required)) if required else None
        object.__setattr__(self, "_required", joined)
        object.__setattr__(self, "_each", tuple(re.compile(t.pattern) for t in self.terms))

    def __bool__(self) -> bool:
        return bool(self.terms)

    def required(self) -> tuple[Term, ...]:
        """The terms one of which a sentence must hold: the specific ones when there are any
        (``REQUIRE_SPECIFIC_KEYWORD``); without any, the generic ones only when
        ``GATE_ON_GENERIC_KEYWORDS`` (else none: every sentence is on topic)."""
        specific = tuple(t for t in self.terms if t.specific)
        if specific:
            return specific if settings.REQUIRE_SPECIFIC_KEYWORD else self.terms
        return self.terms if settings.GATE_ON_GENERIC_KEYWORDS else ()

    def on_topic(self, text: str) -> bool:
        """True when ``text`` holds a required term (always True without terms)."""
        return self._required is None or bool(self._required.search(text))

    def hits(self, text: str) -> int:
        """How many distinct terms ``text`` holds (for the keyword bonus)."""
        return sum(1 for pattern in self._each if pattern.search(text))

    def occurrences(self, text: str) -> int:
        """How many times the required terms occur in ``text``."""
        return len(self._required.findall(text)) if self._required is not None else 0

    def describe(self) -> str:
        """One line for logs: each term with its origin, * for the specific ones."""
        return ", ".join(f"{t.label}{'*' if t.specific else ''} ({t.origin}, {t.documents} docs)" for t in self.terms)


def split_name(name: str) -> list[str]:
    """Tokens of a topic name: camel case and separators split, digit-bearing tokens kept whole
    ("SolarFlare" -> Solar, Flare; "H5N8Outbreak" -> H5N8, Outbreak; "JQ" -> JQ)."""
    return _NAME_TOKEN.findall(name)


def plain(words: Sequence[str]) -> Keywords:
    """Keywords read without a collection (a user's ``--about`` words): each word matches by the
    prefix of its first ``KEYWORD_STEM_CHARS`` letters at a word start; all count as specific (the
    user asked for them), so one of them is required."""
    terms = []
    for word in words:
        word = word.strip().lower()
        if word:
            stem = re.escape(word[: settings.KEYWORD_STEM_CHARS])
            terms.append(Term(word, rf"(?i:\b{stem})", "prefix", specific=True))
    return Keywords(tuple(terms))


@dataclass
class _Collection:
    """Word statistics of the collection the keywords select from."""

    texts: list[str]
    counts: Counter[str] = field(default_factory=Counter)  # lower-cased word -> occurrences
    vocabulary: list[str] = field(default_factory=list)  # the words, sorted (prefix look-ups)
    _shares: dict[str, tuple[int, int]] = field(default_factory=dict)  # capitalised_share memo

    def __post_init__(self) -> None:
        for text in self.texts:
            self.counts.update(w.lower() for w in _WORD.findall(text))
        self.vocabulary = sorted(self.counts)

    def with_prefix(self, prefix: str) -> list[str]:
        """Collection words starting with ``prefix`` (lower case)."""
        start = bisect.bisect_left(self.vocabulary, prefix)
        found = []
        for word in self.vocabulary[start:]:
            if not word.startswith(prefix):
                break
            found.append(word)
        return found

    def frequent(self, word: str) -> bool:
        """True when ``word`` occurs ``KEYWORD_MIN_COUNT`` times or more."""
        return self.counts.get(word, 0) >= settings.KEYWORD_MIN_COUNT

    def documents(self, pattern: str) -> int:
        """Texts in which ``pattern`` occurs."""
        compiled = re.compile(pattern)
        return sum(1 for text in self.texts if compiled.search(text))

    def _capitalised(self, word: str) -> tuple[int, int]:
        """(capitalised, all) occurrences of ``word`` that do not open a sentence."""
        if word not in self._shares:
            pattern = re.compile(rf"(?i)(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])")
            capitalised = inner = 0
            for text in self.texts:
                for match in pattern.finditer(text):
                    if _SENTENCE_END.search(text[max(0, match.start() - 3) : match.start()]):
                        continue
                    inner += 1
                    capitalised += match.group()[0].isupper()
            self._shares[word] = (capitalised, inner)
        return self._shares[word]

    def capitalised_share(self, words: Iterable[str]) -> float:
        """Share of the non-initial occurrences of ``words`` that are capitalised."""
        pairs = [self._capitalised(w) for w in words]
        inner = sum(p[1] for p in pairs)
        return sum(p[0] for p in pairs) / inner if inner else 0.0


def _names_something(capitalised_share: float) -> bool:
    """A word capitalised this often inside sentences is a name (specific), else generic."""
    return capitalised_share >= settings.KEYWORD_SPECIFIC_CAPITALISED


def _base_form(token: str, collection: _Collection) -> str:
    """The shortest prefix of ``token`` (at least half of it, ``KEYWORD_PREFIX_MIN_CHARS`` letters)
    that is a frequent, mostly capitalised collection word, i.e. the name a demonym or adjective is
    made from ("peruvian" -> "peru" when the text names Peru); else ``token`` itself. Generic words
    keep their own form ("nationalist" does not become "nation")."""
    shortest = max(settings.KEYWORD_PREFIX_MIN_CHARS, math.ceil(len(token) / 2))
    for end in range(shortest, len(token)):
        base = token[:end]
        if collection.frequent(base) and _names_something(collection.capitalised_share([base])):
            return base
    return token


def _word_term(token: str, collection: _Collection, origin: str) -> Term | None:
    """A lower-case token read as a collection word: prefix match from its base form, or whole
    word (plural allowed) when short; None when the token is neither a collection word nor the
    prefix of frequent ones (it may then be a concatenation, see ``_segment``)."""
    if not any(collection.frequent(w) or w == token for w in collection.with_prefix(token)):
        return None
    base = _base_form(token, collection)
    if len(base) >= settings.KEYWORD_PREFIX_MIN_CHARS:
        words = [w for w in collection.with_prefix(base) if collection.frequent(w) or w == base]
        if not words:
            return None
        pattern = rf"(?i:\b{re.escape(base)}[a-z0-9]*)"
        kind = origin if base in collection.counts else "prefix"
    else:
        forms = (base, base + "s", base + "es")
        words = [w for w in forms if collection.frequent(w) or (w == base and w in collection.counts)]
        if not words:
            return None
        pattern = rf"(?i:\b{re.escape(base)}(?:s|es)?\b)"
        kind = origin
    specific = any(c.isdigit() for c in base) or _names_something(collection.capitalised_share(words))
    return Term(base, pattern, kind, specific)


def _segment(token: str, collection: _Collection) -> list[str]:
    """``token`` cut into frequent collection words (most probable cut, fewest pieces), or []."""
    n = len(token)
    best: list[tuple[float, list[str]] | None] = [None] * (n + 1)
    best[0] = (0.0, [])
    for end in range(1, n + 1):
        for start in range(max(0, end - 30), end - settings.KEYWORD_SEGMENT_MIN_CHARS + 1):
            previous = best[start]
            piece = token[start:end]
            if previous is None or not collection.frequent(piece):
                continue
            score = previous[0] + math.log(collection.counts[piece]) - settings.KEYWORD_SEGMENT_PENALTY
            if best[end] is None or score > best[end][0]:
                best[end] = (score, [*previous[1], piece])
    found = best[n]
    return found[1] if found and len(found[1]) > 1 else []


def _expand_acronym(acronym: str, collection: _Collection) -> str | None:
    """The most frequent capitalised multi-word name whose initials spell ``acronym``."""
    size = len(acronym)
    names: Counter[str] = Counter()
    for text in collection.texts:
        for run in _CAPITALISED_RUN.finditer(text):
            words = run.group().split()
            for i in range(len(words) - size + 1):
                window = words[i : i + size]
                if "".join(w.rsplit("-", 1)[-1][0] for w in window) == acronym:
                    names[" ".join(window)] += 1
    if not names:
        return None
    name, count = max(names.items(), key=lambda item: (item[1], item[0]))
    return name if count >= settings.KEYWORD_ACRONYM_MIN_COUNT else None


def _acronym_terms(token: str, collection: _Collection) -> list[Term]:
    """An all-caps token: itself (case-sensitive) plus its expansion to a name and the name's last word."""
    terms = [Term(token, rf"\b{re.escape(token)}\b", "acronym", specific=True)]
    name = _expand_acronym(token, collection)
    if name:
        parts = name.split()
        terms.append(Term(name, r"(?i:\b" + r"\s+".join(map(re.escape, parts)) + r"\b)", "name", specific=True))
        last = parts[-1].rsplit("-", 1)[-1].lower()
        specific = _names_something(collection.capitalised_share([last]))
        terms.append(Term(last, rf"(?i:\b{re.escape(last)}\b)", "name-part", specific=specific))
    return terms


def _token_terms(token: str, collection: _Collection) -> list[Term]:
    """Every reading of one name token that the collection supports: an all-caps token as an
    acronym (and its expansion), any token as a collection word or prefix, or else as a
    concatenation of collection words."""
    terms: list[Term] = []
    if token.isupper() and token.isalpha() and 1 < len(token) <= settings.KEYWORD_ACRONYM_MAX_CHARS:
        terms.extend(_acronym_terms(token, collection))
    lowered = token.lower()
    term = _word_term(lowered, collection, "word")
    if term is not None:
        return [*terms, term]
    if lowered.isalpha():
        pieces = _segment(lowered, collection)
        segments = [_word_term(piece, collection, "segment") for piece in pieces]
        if pieces and all(segments):
            return [*terms, *(t for t in segments if t is not None)]
    if not terms:
        LOGGER.debug("keyword %r matches nothing in the collection", token)
    return terms


def _associated(terms: Sequence[Term], collection: _Collection) -> list[Term]:
    """Up to ``KEYWORD_ASSOCIATED`` names that mark the articles holding the specific terms: the
    capitalised collection words of highest lift (share of those articles holding the word over
    its share of the other articles), from ``KEYWORD_ASSOCIATED_MIN_LIFT``. None when the specific
    terms are in (nearly) every article or in too few to tell."""
    specific = [t for t in terms if t.specific]
    count = len(collection.texts)
    if settings.KEYWORD_ASSOCIATED <= 0 or not specific or count == 0:
        return []
    pattern = re.compile("|".join(f"(?:{t.pattern})" for t in specific))
    holds = [bool(pattern.search(text)) for text in collection.texts]
    inside = sum(holds)
    outside = count - inside
    if inside < settings.KEYWORD_MIN_COUNT or outside < settings.KEYWORD_MIN_COUNT:
        return []
    seen_in: Counter[str] = Counter()
    seen_out: Counter[str] = Counter()
    for text, hold in zip(collection.texts, holds, strict=True):
        (seen_in if hold else seen_out).update({w.lower() for w in _WORD.findall(text)})
    scored = []
    for word, hits in seen_in.items():
        if hits < settings.KEYWORD_ASSOCIATED_MIN_SHARE * inside or len(word) < settings.KEYWORD_PREFIX_MIN_CHARS:
            continue
        if not word.isalpha() or pattern.search(word):
            continue
        lift = (hits / inside) / max(seen_out.get(word, 0), 1) * outside
        if lift >= settings.KEYWORD_ASSOCIATED_MIN_LIFT:
            scored.append((lift, word))
    found = []
    for lift, word in sorted(scored, reverse=True):
        if len(found) >= settings.KEYWORD_ASSOCIATED:
            break
        if _names_something(collection.capitalised_share([word])):
            term_pattern = rf"(?i:\b{re.escape(word)}\b)"
            found.append(Term(word, term_pattern, "associated", True, seen_in[word] + seen_out.get(word, 0)))
            LOGGER.debug("associated name %r (lift %.1f)", word, lift)
    return found


def interpret(names: Sequence[str], texts: Iterable[str]) -> Keywords:
    """Read topic names (``keywords.json`` entries or query words) against the collection ``texts``."""
    collection = _Collection([t for t in texts if t])
    terms: dict[str, Term] = {}
    for name in names:
        for token in split_name(name):
            for term in _token_terms(token, collection):
                documents = collection.documents(term.pattern)
                if documents == 0:
                    LOGGER.debug("keyword term %r matches no article: dropped", term.label)
                    continue
                if term.pattern not in terms:
                    terms[term.pattern] = Term(term.label, term.pattern, term.origin, term.specific, documents)
    for term in _associated(list(terms.values()), collection):
        terms.setdefault(term.pattern, term)
    keywords = Keywords(tuple(terms.values()))
    LOGGER.info("topic %s -> %s", " ".join(names), keywords.describe() or "no terms")
    return keywords
