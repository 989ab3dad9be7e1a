"""Shared fixtures: the bundled seed articles and a session-wide spaCy pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once for the whole test session."""
    from storyline import nlp as nlp_module

    return nlp_module.load()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """Folder holding the two seed articles, their manifest and gold.json."""
    return SEEDS


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    """The acceptance facts for the seed articles."""
    return json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_manifest() -> dict[str, dict]:
    """Manifest rows of the seed articles keyed by file name."""
    rows = [json.loads(line) for line in (SEEDS / "manifest.jsonl").read_text().splitlines() if line]
    return {row["file"]: row for row in rows}


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """Seed article texts keyed by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
