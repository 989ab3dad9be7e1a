"""The extractor's rules and word lists, loaded once from the data files next to this module."""

from __future__ import annotations

import csv
import functools
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LOGGER = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class TriggerRule:
    """One row of ``triggers.tsv``: a lemma that, under its conditions, triggers an event type."""

    lemma: str
    pos: str  # VERB or NOUN
    type: str
    conditions: tuple[tuple[str, str], ...]  # alternatives: (kind, value); empty = always
    subject_role: str  # role of the grammatical subject: "agent", "patient", "from"


@dataclass(frozen=True)
class SupportVerb:
    """A light or occurrence verb that lends its clause to an event noun."""

    lemma: str
    kind: str  # "light" (noun is the object) or "occurrence" (noun is the subject)
    particle: str | None


def _rows(name: str) -> list[list[str]]:
    """Rows of a TSV data file, skipping comments, blank lines and the header row."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    content = [line for line in lines if line.strip() and not line.startswith("#")]
    return [row for row in csv.reader(content[1:], delimiter="\t")]


def _json(name: str) -> dict[str, Any]:
    """A JSON data file as a dict."""
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _conditions(field: str) -> tuple[tuple[str, str], ...]:
    """Parse ``prt:out|obj:place`` into ``(("prt", "out"), ("obj", "place"))``."""
    if field.strip() in ("", "-"):
        return ()
    pairs = []
    for item in field.split("|"):
        kind, _, value = item.strip().partition(":")
        pairs.append((kind, value))
    return tuple(pairs)


@functools.lru_cache(maxsize=1)
def trigger_rules() -> dict[tuple[str, str], tuple[TriggerRule, ...]]:
    """Trigger rules keyed by (lemma, pos)."""
    table: dict[tuple[str, str], list[TriggerRule]] = {}
    for lemma, pos, type_, conditions, subject_role in _rows("triggers.tsv"):
        rule = TriggerRule(
            lemma=lemma,
            pos=pos,
            type=type_,
            conditions=_conditions(conditions),
            subject_role="agent" if subject_role in ("", "-") else subject_role,
        )
        table.setdefault((lemma, pos), []).append(rule)
    return {key: tuple(rules) for key, rules in table.items()}


@functools.lru_cache(maxsize=1)
def support_verbs() -> dict[tuple[str, str], SupportVerb]:
    """Light and occurrence verbs keyed by (lemma, kind)."""
    table = {}
    for lemma, kind, particle in _rows("support_verbs.tsv"):
        table[(lemma, kind)] = SupportVerb(lemma, kind, None if particle in ("", "-") else particle)
    return table


@functools.lru_cache(maxsize=1)
def reporting_cues() -> dict[str, str]:
    """Reporting cue lemma -> kind (say, deny, according, cited)."""
    return {cue: kind for cue, kind in _rows("reporting.tsv")}


@functools.lru_cache(maxsize=1)
def reporting_exceptions() -> frozenset[tuple[str, str]]:
    """(cue lemma, object lemma) pairs that are not reporting ("claimed the lives of")."""
    return frozenset((cue, obj) for cue, obj in _rows("reporting_exceptions.tsv"))


@functools.lru_cache(maxsize=1)
def nominal_uses() -> dict[str, frozenset[str]]:
    """Cues for verb-tagged words that are nouns or references here (``nominal_uses.json``)."""
    return {key: frozenset(value) for key, value in _json("nominal_uses.json").items() if not key.startswith("_")}


@functools.lru_cache(maxsize=1)
def place_nouns() -> dict[str, str]:
    """Common nouns that refer back to a place ("the city") -> kind of place."""
    return {noun: kind for noun, kind in _rows("place_nouns.tsv")}


@functools.lru_cache(maxsize=1)
def modality_cues() -> dict[str, frozenset[str]]:
    """Cue word sets for modality and clause timing (see ``modality.json``)."""
    return {key: frozenset(value) for key, value in _json("modality.json").items() if not key.startswith("_")}


@functools.lru_cache(maxsize=1)
def figure_lexicon() -> dict[str, Any]:
    """Modifiers, number words, vague quantities and counted nouns for figures."""
    return {key: value for key, value in _json("figures.json").items() if not key.startswith("_")}


@functools.lru_cache(maxsize=1)
def trigger_types() -> frozenset[str]:
    """Every event type the trigger lexicon can produce."""
    return frozenset(rule.type for rules in trigger_rules().values() for rule in rules)


@functools.lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Lemmas of nouns for people (the counted nouns of figures that count people)."""
    nouns = figure_lexicon()["counted_nouns"]
    people = set(figure_lexicon()["people_categories"])
    return frozenset(noun for noun, what in nouns.items() if what in people)



@functools.lru_cache(maxsize=1)
def hazards() -> frozenset[str]:
    """Nouns for natural hazards (their violent verbs are disasters, not assaults)."""
    return frozenset(row[0] for row in _rows("hazards.tsv"))
