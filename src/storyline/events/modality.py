"""Modality of an event mention (asserted, reported, denied, planned, hypothetical, negated) and
whether it is background rather than the article's main news."""

from __future__ import annotations

import datetime as dt
import logging

from spacy.tokens import Token

from storyline.events import dates, lexicon, settings, syntax
from storyline.events.attribution import Reading
from storyline.events.triggers import Trigger
from storyline.model import DateValue, Modality

LOGGER = logging.getLogger(__name__)

CLAUSE_DEPS_TO_CLIMB = frozenset({"xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp"})


def modality(trigger: Trigger, reading: Reading) -> Modality:
    """The modality of an event, strongest cue first."""
    cues = lexicon.modality_cues()
    words = (trigger.token, trigger.anchor)
    if any(_negated(word, cues) for word in words):
        return "negated"
    if reading.denied:
        return "denied"
    if _hypothetical(trigger.anchor, cues):
        return "hypothetical"
    if _planned(trigger.anchor, cues):
        return "planned"
    if reading.reported:
        return "reported"
    return "asserted"


def is_background(trigger: Trigger, date: DateValue | None, published: dt.date | None, reported: bool = False) -> bool:
    """Background: dated well before publication, or narrated in the past perfect without a date.

    A past perfect under a reporting verb ("said it had carried out strikes") is anterior to the
    report, not to the story, so it does not make the event background.
    """
    if date is not None and published is not None:
        before = dates.days_before(date, published)
        return before is not None and before >= settings.BACKGROUND_DAYS
    return syntax.is_past_perfect(trigger.anchor) and not reported


def _negated(word: Token, cues: dict[str, frozenset[str]]) -> bool:
    """ "did not capture", "never attacked", "no clashes", "none of its positions were hit"."""
    for child in word.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in cues.get("negative_subjects", ()):
            return True
        if child.dep_ == "neg" and child.lower_ in cues["negation"]:
            return True
        if child.dep_ == "det" and child.lower_ in cues["negative_determiners"] and word.pos_ == "NOUN":
            return True
    return False


def _hypothetical(anchor: Token, cues: dict[str, frozenset[str]]) -> bool:
    """A conditional or speculative modal on the clause or a clause above it ("if", "could")."""
    for clause in _clauses(anchor):
        for child in clause.children:
            if child.dep_ == "aux" and child.lower_ in cues["hypothetical_auxiliaries"]:
                return True
            if child.dep_ == "mark" and child.lower_ in cues["hypothetical_marks"]:
                return True
    return False


def _planned(anchor: Token, cues: dict[str, frozenset[str]]) -> bool:
    """Future tense, or governed by a planning verb ("try to recapture", "plans to launch")."""
    for child in anchor.children:
        if child.dep_ == "aux" and child.lower_ in cues["future_auxiliaries"]:
            return True
    if anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() == "go" and anchor.head.tag_ == "VBG":
        return True
    current = anchor
    for head in syntax.ancestors(anchor, 4):
        if current.dep_ != "xcomp":
            break
        if head.lemma_.lower() in cues["planning_verbs"]:
            return True
        current = head
    return False


def _clauses(anchor: Token) -> list[Token]:
    """The anchor's clause and the clauses it is embedded in (nearest first)."""
    clauses = [anchor]
    current = anchor
    for head in syntax.ancestors(anchor, 6):
        if current.dep_ not in CLAUSE_DEPS_TO_CLIMB:
            break
        clauses.append(head)
        current = head
    return clauses
