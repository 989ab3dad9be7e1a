"""The documented contract stays in step with what timeline_to_dict emits."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from storyline.export import timeline_to_dict

from fixtures.export import sample_timeline

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = (ROOT / "README.md",)


def _keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value).union(*(_keys(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_keys(item) for item in value))
    return set()


def _contract_doc() -> str:
    for path in CANDIDATES:
        if path.is_file() and '"format": "storyline/1"' in path.read_text(encoding="utf-8"):
            return path.read_text(encoding="utf-8")
    pytest.skip("no document describes the storyline/1 contract yet")


def test_every_emitted_field_is_documented() -> None:
    contract = timeline_to_dict(sample_timeline.build_timeline(), generated=dt.datetime(2026, 1, 1))
    doc = _contract_doc()
    missing = sorted(key for key in _keys(contract) if not re.search(rf"[`.\"]{re.escape(key)}[`\",]", doc))
    assert not missing, f"fields emitted but not documented: {missing}"
