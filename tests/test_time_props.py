"""Property-based and adversarial tests: ``tag`` never raises and emits only valid TIMEX3 values."""

from __future__ import annotations

import datetime as dt
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.time import tag
from storyline.time.values import is_valid

NEWS_WORDS = [
    "on", "in", "last", "next", "the", "previous", "following", "Sunday", "May", "March", "December",
    "2016", "1990s", "27", "3/27/2016", "10:35", "a.m.", "ago", "later", "two", "days", "weeks",
    "nearly", "more than", "early", "mid-", "every", "year", "yesterday", "today", "tonight", "said",
    "will", "fell", "since", "quarter", "third", "fiscal", "'98", "99999", "February 30", "-", ",",
    ".", "2,000-year-old", "Christmas", "noon", "half", "an", "hour", "decade", "century", "19th",
]
DCTS = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


def _check(text: str, dct: dt.date | None) -> None:
    """Invariants of any output."""
    found = tag(text, dct)
    previous_end = -1
    for timex in found:
        assert is_valid(timex.value), timex
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end
        previous_end = timex.end


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300), dct=DCTS)
def test_arbitrary_text_never_raises(text: str, dct: dt.date | None) -> None:
    """Any unicode text, any DCT (including year 1 and 9999)."""
    _check(text, dct)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.sampled_from(NEWS_WORDS), max_size=25), dct=DCTS)
def test_news_like_word_salad(words: list[str], dct: dt.date | None) -> None:
    """Random sequences of time words: every value valid, spans consistent."""
    _check(" ".join(words), dct)


def test_megabyte_of_digits_is_fast_and_empty() -> None:
    """1 MB of digits: no exception, no timex, bounded time."""
    started = time.perf_counter()
    assert tag("7" * 1_000_000, dt.date(2016, 3, 27)) == []
    assert time.perf_counter() - started < 30


def test_invalid_calendar_dates_are_dropped() -> None:
    """February 30 and 31 April are not dates; year 99999 is not a year."""
    text = "It happened on February 30, 2016, or on 31 April 2015, or in the year 99999."
    found = tag(text, dt.date(2016, 3, 27))
    assert all(is_valid(t.value) for t in found)
    assert not [t for t in found if t.value.startswith(("2016-02-30", "2015-04-31", "9999"))]


def test_mixed_scripts() -> None:
    """Arabic, Cyrillic, CJK and emoji around English dates do not disturb tagging."""
    text = "تدمر Пальмира 帕尔米拉 🏛️ was recaptured on March 27, 2016 — 27 марта 2016 года."
    found = tag(text, dt.date(2016, 3, 27))
    assert [t.value for t in found if t.text == "March 27, 2016"] == ["2016-03-27"]


def test_extreme_dcts() -> None:
    """Deictic arithmetic at the edges of the calendar never raises or emits invalid values."""
    text = "Last year, two days ago, next month, the following decade and in 12 centuries."
    for dct in (dt.date(1, 1, 1), dt.date(9999, 12, 31)):
        _check(text, dct)


def test_empty_and_whitespace() -> None:
    """Nothing in, nothing out."""
    assert tag("", None) == []
    assert tag(" \n\t ", dt.date(2016, 3, 27)) == []


def test_dense_expressions_stay_linear() -> None:
    """Thousands of adjacent expressions are handled without quadratic blow-up."""
    text = "the past the next the last May March 1999 " * 4000
    started = time.perf_counter()
    found = tag(text, dt.date(2016, 3, 27))
    assert len(found) > 4000
    assert time.perf_counter() - started < 20
