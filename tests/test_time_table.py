"""Table-driven tests of the time engine: expression in a sentence, DCT, expected TIMEX3 value.

The table lives in ``tests/fixtures/time/table.tsv`` (one row per case, every category of the
engine); each sentence is tagged with its spaCy parse, as the pipeline does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

import pytest

from storyline.time import tag

TABLE = Path(__file__).parent / "fixtures" / "time" / "table.tsv"


class Case(NamedTuple):
    """One row of the table."""

    sentence: str
    expression: str
    dct: dt.date | None
    value: str
    type: str
    mod: str | None


def _load_cases() -> list[Case]:
    """Parse the TSV table (lines starting with # are comments)."""
    cases = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentence, expression, dct, value, kind, mod = (line.split("\t") + [""] * 6)[:6]
        parsed_dct = None if dct == "none" else dt.date.fromisoformat(dct)
        cases.append(Case(sentence, expression, parsed_dct, value, kind, mod or None))
    return cases


CASES = _load_cases()


def test_table_is_large_enough() -> None:
    """The issue asks for at least 150 expressions."""
    assert len(CASES) >= 150


@pytest.mark.parametrize("case", CASES, ids=[f"{c.expression}@{c.dct}" for c in CASES])
def test_expression(case: Case, nlp) -> None:
    """The expression is found with exactly this span, value, type and mod."""
    assert case.expression in case.sentence, "table row: expression not in sentence"
    found = tag(case.sentence, case.dct, nlp(case.sentence))
    by_text = {t.text: t for t in found}
    assert case.expression in by_text, f"not found; got {[(t.text, t.value) for t in found]}"
    timex = by_text[case.expression]
    assert (timex.value, timex.type, timex.mod) == (case.value, case.type, case.mod)
