"""The tense of the clause a temporal expression sits in: past, present or future.

With a spaCy ``Doc`` the governing verb is found by climbing dependency heads from the expression;
its tag and auxiliaries decide ("will/would/shall" and verbs like "expected/scheduled/plan" mean
future; VBD, or a perfect with "has/had", means past). Without a parse, a documented heuristic is
used: inside the sentence, the tense cue nearest to the expression wins, where cues are the
future words of the lexicon ("will", "expected", ...), "since"/"ago", forms of "was/were/had",
irregular past verbs of the lexicon and words ending in "-ed".
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from typing import Literal

from spacy.tokens import Doc, Token

from storyline.time import settings
from storyline.time.lexicon import lexicon

LOGGER = logging.getLogger(__name__)

Tense = Literal["past", "present", "future"]
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
_FUTURE_LEMMAS = frozenset(
    {"expect", "schedule", "plan", "intend", "aim", "hope", "due", "slate", "set", "want", "vow", "pledge", "promise"}
)
_PERFECT_AUX = frozenset({"have", "has", "had", "'ve"})
# Participles that point forward even as reduced relatives ("a date expected in mid-October",
# "talks scheduled for Monday"), unlike "set" ("a record set on Aug. 6").
_PLANNED_PARTICIPLES = frozenset({"expect", "schedule", "slate", "plan", "due"})
_ORDINAL_WORDS = frozenset({"first", "second", "third", "last", "only", "latest"})
_POSSIBILITY_AUX = frozenset({"may", "might"})
_PAST_PERFECT_AUX = frozenset({"had"})  # "'d" is ambiguous with "would"
_PRESENT_CUES = frozenset({"is", "are", "am", "says", "say", "it's", "that's", "there's", "here's", "now"})
_WORD_RE = re.compile(r"[A-Za-z']+")
_SENTENCE_END_RE = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n\s*\n")


@functools.lru_cache(maxsize=1)
def _cue_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(future cue words, past cue words) from the lexicon."""
    lex = lexicon()
    future = frozenset(w for w in lex["future_cues"] if " " not in w)
    past = frozenset(lex["past_cues"]) | frozenset(lex["past_irregular_verbs"])
    return future, past


@functools.lru_cache(maxsize=1)
def _postpone_regex() -> re.Pattern[str]:
    """A postponing verb, then "until/till/to" right before the expression: the time is ahead."""
    stems = "|".join(re.escape(stem) for stem in lexicon()["postpone_verbs"])
    return re.compile(rf"\b(?:{stems})[a-z]*\b[^.;!?]*?\b(?:until|till|to)\s+(?:(?:early|late|mid)[- ])?$")


class TenseOracle:
    """Answers "what tense governs the text between start and end?" for one document."""

    def __init__(self, text: str, doc: Doc | None = None) -> None:
        self.text = text
        self.doc = doc if doc is not None and _same_text(doc, text) else None
        self._starts: list[int] | None = None

    def tense(self, start: int, end: int) -> Tense | None:
        """Tense of the clause around ``text[start:end]``; None when nothing tells."""
        before = self.text[max(0, start - settings.POSTPONE_WINDOW_CHARS) : start].lower()
        if re.search(r"\bsince\s+(?:the\s+)?$", before):  # "since March 19", "since the March 19 attack"
            return "past"
        if _postpone_regex().search(before):
            return "future"  # "postponed until Tuesday", "extended its deadline to Friday"
        if self.doc is not None:
            return self._tense_from_parse(start, end)
        return self._tense_from_words(start, end)

    def _token_at(self, start: int, end: int) -> Token | None:
        """The syntactic root of the tokens covering the span."""
        assert self.doc is not None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            return span.root
        if self._starts is None:
            self._starts = [token.idx for token in self.doc]
        index = bisect.bisect_right(self._starts, start) - 1
        return self.doc[index] if 0 <= index < len(self.doc) else None

    def _tense_from_parse(self, start: int, end: int) -> Tense | None:
        """Tense of the governing verb found by climbing dependency heads."""
        token = self._token_at(start, end)
        for _ in range(settings.MAX_HEAD_CLIMB):
            if token is None:
                return None
            if token.pos_ in ("VERB", "AUX"):
                return _verb_tense(token)
            if token.head.i == token.i:
                return None
            token = token.head
        return None

    def _tense_from_words(self, start: int, end: int) -> Tense | None:
        """Heuristic without a parse: the nearest tense cue inside the sentence."""
        lo, hi = self._sentence_bounds(start, end)
        future, past = _cue_sets()
        best: tuple[int, Tense] | None = None
        for match in _WORD_RE.finditer(self.text, lo, hi):
            if start <= match.start() < end:
                continue
            word = match.group().lower()
            cue: Tense | None = None
            if word in future:
                cue = "future"
            elif word in past or (len(word) > 4 and word.endswith("ed")):
                cue = "past"
            elif word in _PRESENT_CUES:
                cue = "present"
            if cue is None:
                continue
            distance = start - match.end() if match.end() <= start else match.start() - end
            if best is None or distance < best[0]:
                best = (distance, cue)
        return best[1] if best else None

    def _sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """Approximate sentence around the span, bounded by the tense window."""
        window = settings.TENSE_WINDOW_CHARS
        lo, hi = max(0, start - window), min(len(self.text), end + window)
        ends_before = [m.end() for m in _SENTENCE_END_RE.finditer(self.text, lo, start)]
        after = _SENTENCE_END_RE.search(self.text, end, hi)
        return (ends_before[-1] if ends_before else lo), (after.start() + 1 if after else hi)


def _same_text(doc: Doc, text: str) -> bool:
    """Cheap check that ``doc`` is a parse of ``text`` (same length, same first and last token)."""
    if len(doc) == 0:
        return not text.strip()
    last = doc[-1]
    return last.idx + len(last.text_with_ws) == len(text) and text.startswith(doc[0].text, doc[0].idx)


def _infinitive_tense(head: Token) -> Tense:
    """Tense of an infinitive clause ("to resume trading Tuesday") from the word governing it.

    A future verb or adjective ("plans to", "is due to") makes it future unless that word is in the
    past perfect ("had been due to expire Friday"); "is to resume" (present "be" + infinitive) is
    future; otherwise the governing verb's tense applies.
    """
    governor = head.head if head.pos_ == "ADJ" and head.head.pos_ in ("VERB", "AUX") else head
    governor_auxes = {child.lower_ for child in governor.children if child.dep_ in ("aux", "auxpass")}
    if governor_auxes & _PAST_PERFECT_AUX:
        return "past"
    if head.lemma_.lower() in _FUTURE_LEMMAS:
        return "future"
    if head.lemma_.lower() == "be" and head.tag_ in ("VBZ", "VBP") and not governor_auxes:
        return "future"  # "Navigation Mixte is to resume trading Tuesday"
    if head.pos_ in ("VERB", "AUX"):
        return _verb_tense(head)
    if _is_ordinal_phrase(head) and head.head.pos_ in ("VERB", "AUX") and head.head.i != head.i:
        return _verb_tense(head.head)  # "France was the first nation to recognize the rebels in March"
    return "present"


def _is_ordinal_phrase(word: Token) -> bool:
    """"the first (nation)", "the only country", "the last to leave": an infinitive under it tells
    of an event at the time of the verb above ("was the first to"), not a plan."""
    ordinals = _ORDINAL_WORDS
    return word.lower_ in ordinals or any(
        child.lower_ in ordinals or child.tag_ == "JJS" for child in word.children if child.dep_ in ("amod", "advmod")
    )


def _verb_tense(verb: Token) -> Tense:
    """Tense of one verb from its tag, auxiliaries and (for infinitives) the verb above it."""
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    aux_words = {child.lower_ for child in auxes}
    if aux_words & _FUTURE_AUX or "going" in aux_words:
        return "future"
    if aux_words & _POSSIBILITY_AUX and not aux_words & _PERFECT_AUX:
        return "future"  # "the group might come to the U.S. as soon as Tuesday"; not "may have left"
    if aux_words & _PAST_PERFECT_AUX:
        return "past"  # "had been scheduled to expire Friday": the plan lies in the past
    governor = _gerund_governor(verb, auxes)
    if governor is not None and _verb_tense(governor) == "past":
        return "past"  # "gave up hope of finding survivors after dawn on Tuesday"
    reduced_relative = verb.tag_ == "VBN" and not auxes
    if verb.lemma_.lower() in _FUTURE_LEMMAS and verb.tag_ != "VBD" and (
        not reduced_relative or verb.lemma_.lower() in _PLANNED_PARTICIPLES
    ):
        # "is scheduled for", "expects", "a vote expected in mid-October"; but other bare
        # participles are reduced relatives of past events ("a record set on Aug. 6")
        return "future"
    head = verb.head
    if verb.tag_ == "VB" and "to" in aux_words and head.i != verb.i:
        return _infinitive_tense(head)
    if verb.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxes):
        return "past"
    if verb.tag_ == "VBN" and (aux_words & _PERFECT_AUX or not auxes):
        return "past"
    return "present"


def _gerund_governor(verb: Token, auxes: list[Token]) -> Token | None:
    """The verb whose past tense a bare gerund takes, or None when it keeps its own reading.

    A gerund under a preposition or a noun ("hope of finding ... on Tuesday", "operations
    targeting ... on Friday") has no tense of its own: in a past clause it is past. Only the past
    is inherited: a modal above ("airstrikes targeting a school on Wednesday may be the deadliest")
    judges the event, it does not date it. Gerunds
    of onset and span ("a halt starting on Thursday", "lasting until Friday") point ahead and
    keep their own reading (lexicon ``forward_gerunds``).
    """
    if verb.tag_ != "VBG" or auxes or verb.dep_ not in ("pcomp", "acl"):
        return None
    if verb.lemma_.lower() in _forward_gerunds():
        return None
    token = verb.head
    for _ in range(settings.MAX_HEAD_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


@functools.lru_cache(maxsize=1)
def _forward_gerunds() -> frozenset[str]:
    """Lemmas of gerunds that tell of a coming onset or span (lexicon ``forward_gerunds``)."""
    return frozenset(lexicon()["forward_gerunds"])
