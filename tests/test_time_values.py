"""TIMEX3 value helpers: validity, precision and covered interval; output invariants of ``tag``."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.time import tag
from storyline.time.values import interval, is_valid, precision, to_date_value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-03-27", "day"), ("2016-03", "month"), ("2015", "year"), ("199", "decade"),
        ("19", "century"), ("2016-W12", "week"), ("2016-Q1", "quarter"), ("2015-SU", "season"),
        ("2016-03-27T10:00", "time"), ("P3W", "duration"), ("PRESENT_REF", "ref"),
        ("XXXX-03", "month"), ("2016-02-30", None), ("2016-13", None), ("99999", None),
    ],
)
def test_precision(value: str, expected: str | None) -> None:
    """Granularity of values; invalid values have none."""
    assert precision(value) == expected


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2016-03-27", "2016-03-27", "2016-03-27"), ("2016-02", "2016-02-01", "2016-02-29"),
        ("2015", "2015-01-01", "2015-12-31"), ("199", "1990-01-01", "1999-12-31"),
        ("2016-W12", "2016-03-21", "2016-03-27"), ("2016-Q4", "2016-10-01", "2016-12-31"),
        ("2015-WI", "2015-12-01", "2016-02-29"), ("2016-03-27T10:00", "2016-03-27", "2016-03-27"),
    ],
)
def test_interval(value: str, first: str, last: str) -> None:
    """First and last day covered."""
    assert interval(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("value", ["P3W", "XXXX-03", "PAST_REF", "2016-02-30", "nonsense"])
def test_interval_none(value: str) -> None:
    """Durations, underspecified, reference and invalid values cover no interval."""
    assert interval(value) is None


@pytest.mark.parametrize("value", ["P", "2016-00", "2016-W54", "0000", "P3", "2016-3-1", "T10:00"])
def test_invalid_values(value: str) -> None:
    """Malformed values are rejected."""
    assert not is_valid(value)


def test_output_is_sorted_non_overlapping_and_points_into_text() -> None:
    """Records are sorted by start, do not overlap, and their text is the slice they point to."""
    text = ("On Sunday, two days after the March 25, 2016 attack, officials said that for nearly "
            "three weeks the town had been shelled daily, and that talks would resume next month.")
    found = tag(text, dt.date(2016, 3, 27))
    assert len(found) >= 5
    for first, second in zip(found, found[1:]):
        assert first.end <= second.start
    for timex in found:
        assert text[timex.start : timex.end] == timex.text
        assert timex.anchor in ("dct", "ref", "explicit")


def test_datetime_dct_is_accepted() -> None:
    """A datetime DCT behaves like its date."""
    text = "The town fell yesterday."
    assert tag(text, dt.datetime(2016, 3, 27, 15, 0))[0].value == "2016-03-26"


@pytest.mark.parametrize(
    ("value", "mod", "expected"),
    [
        ("2016-03-27", None, ("2016-03-27", "day", False)),
        ("2016-03", "START", ("2016-03", "month", True)),
        ("2016-W12", None, ("2016-W12", "day", False)),
        ("2016-Q1", None, ("2016-Q1", "month", False)),
        ("199", "APPROX", ("199", "decade", True)),
    ],
)
def test_to_date_value(value: str, mod: str | None, expected: tuple[str, str, bool]) -> None:
    """Calendar values become model DateValues with the model's precision names."""
    date_value = to_date_value(value, mod)
    assert date_value is not None
    assert (date_value.value, date_value.precision, date_value.approximate) == expected


@pytest.mark.parametrize("value", ["P3W", "XXXX-03", "PRESENT_REF", "XXXX-WXX-1"])
def test_to_date_value_none(value: str) -> None:
    """Durations, sets, references and underspecified values are not event dates."""
    assert to_date_value(value) is None
