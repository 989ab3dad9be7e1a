"""Loads the linking data files (trigger synonym classes, derivations, type groups) once."""

from __future__ import annotations

import functools
import json
import logging
from importlib import resources
from typing import Any

LOGGER = logging.getLogger(__name__)


def _load(name: str) -> dict[str, Any]:
    """Parse a JSON data file shipped in ``storyline/link/data``."""
    text = resources.files("storyline.link").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text)


@functools.lru_cache(maxsize=1)
def trigger_classes() -> dict[str, frozenset[str]]:
    """Lemma -> names of the synonym classes it belongs to."""
    classes: dict[str, set[str]] = {}
    for name, lemmas in _load("trigger_classes.json").items():
        if name.startswith("_"):
            continue
        for lemma in lemmas:
            classes.setdefault(lemma, set()).add(name)
    return {lemma: frozenset(names) for lemma, names in classes.items()}


@functools.lru_cache(maxsize=1)
def derivations() -> dict[str, str]:
    """Event noun or derived form -> the verb lemma it names."""
    return {k: v for k, v in _load("derivation.json").items() if not k.startswith("_")}


@functools.lru_cache(maxsize=1)
def type_groups() -> tuple[frozenset[str], dict[str, frozenset[int]]]:
    """(generic types, type -> indices of the compatibility groups it belongs to)."""
    data = _load("types.json")
    membership: dict[str, set[int]] = {}
    for index, group in enumerate(data["groups"]):
        for name in group:
            membership.setdefault(name, set()).add(index)
    generic = frozenset(name.upper() for name in data["generic"])
    return generic, {name: frozenset(groups) for name, groups in membership.items()}


def type_similarity(first: str, second: str) -> float:
    """1 for equal types, 0.7 for types of one compatibility group, 0.5 if either is generic, else 0."""
    a, b = (first or "").upper(), (second or "").upper()
    if a == b:
        return 1.0
    generic, membership = type_groups()
    if a in generic or b in generic:
        return 0.5
    if membership.get(a, frozenset()) & membership.get(b, frozenset()):
        return 0.7
    return 0.0
