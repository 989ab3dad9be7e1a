"""Numbers that look like years but are not: clock times without colons, counts, scores."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.time import tag

DCT = dt.date(2016, 3, 27)


@pytest.mark.parametrize(
    "sentence",
    [
        "The blast happened at 1130 am local time.",
        "Rockets fell at 1130 local time near the base.",
        "The raid began at 2015 GMT on the edge of town.",
        "Shelling resumed at 1430 hours.",
        "He finished at 1130am.",
    ],
)
def test_clock_times_are_not_years(sentence: str) -> None:
    """No DATE year is produced for a colon-less clock time (FA-KES strips colons)."""
    values = [t.value for t in tag(sentence, DCT) if t.type == "DATE"]
    assert not any(len(v) == 4 and v.isdigit() for v in values), values


def test_real_years_still_found() -> None:
    """A year followed by an ordinary word stays a year."""
    assert [t.value for t in tag("The castle was built in 1130 by the Crusaders.", DCT)] == ["1130"]
