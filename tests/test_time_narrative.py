"""Narrative reference time: a bare month or month-day in a past-tense clause that says it is in
the narrated time ("then", "at the time") and continues a narrative of an earlier year takes that
year, not the publication year; news about this year, and news with a background sentence about
an earlier year, keep the DCT logic."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.time import settings, tag


def _value(nlp, text: str, expression: str, dct: dt.date, occurrence: int = 0) -> str:
    """Value of the ``occurrence``-th timex whose text is ``expression``."""
    found = [t.value for t in tag(text, dct, nlp(text)) if t.text == expression]
    assert len(found) > occurrence, (expression, [t.text for t in tag(text, dct, nlp(text))])
    return found[occurrence]


JULY_2012 = dt.date(2012, 7, 20)


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # the retrospective of the issue: a baby born in March 2011, "then a month old"
        ("Her son was born in Homs in March 2011. He was then a month old when soldiers stormed the "
         "street on 22 April and took his father away.", "22 April", "2011-04-22"),
        # a bare month after a bare explicit year, two sentences further on
        ("The protests reached Deraa in 2011. Hundreds of people were arrested. In April, the army, "
         "then still loyal, moved in with tanks.", "April", "2011-04"),
        # the narrative goes on through a date read from it
        ("The siege of the district began on 3 February 2011. The first convoy, then the only one "
         "allowed, reached it on 22 April. The last families left on 25 April, as the UN said at "
         "the time.", "25 April", "2011-04-25"),
        # a narrative that runs into the next year
        ("Talks opened in Geneva in December 2010. They collapsed on 3 January, when the envoy, then "
         "ill, left.", "3 January", "2011-01-03"),
    ],
)
def test_past_narrative_takes_the_narrated_year(nlp, text: str, expression: str, expected: str) -> None:
    """A past-tense bare date continuing a narrative of an earlier year is in that year."""
    assert _value(nlp, text, expression, JULY_2012) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # the commonest pattern in news: a background sentence about an earlier year, then news of
        # this year with no narrative cue (T17/FA-KES: the past-year reading was wrong 56 of 57 times)
        ("The UN says 9,000 people have died since protests began in March 2011. In February, the "
         "government put the death toll at 2,000.", "February", "2012-02"),
        ("Syria has been at war since 2011. On February 27 a ceasefire took effect, and it was then "
         "respected for weeks.", "February 27", "2012-02-27"),
        # "since then" runs from the narrated time to the present
        ("The uprising began in March 2011. Since then, troops have shelled the town, which was "
         "stormed on 22 April.", "22 April", "2012-04-22"),
        # news about this year: no other year in the paragraph
        ("Rebels seized the border crossing on 22 April, officials said. The army shelled the town "
         "the next week.", "22 April", "2012-04-22"),
        # a date read against the DCT earlier in the document: the text speaks of the present
        ("The uprising began in March 2011. On Monday, activists said that troops, then in the "
         "north, had shelled the town on 22 April.", "22 April", "2012-04-22"),
        # the earlier year is too far back (more than NARRATIVE_MAX_SENTENCES breaks)
        ("Assad took power in 2000. He promised reform. Little changed. Critics were jailed. Some "
         "were freed. Protesters, then few, marched on 22 April.", "22 April", "2012-04-22"),
        # a blank line (new paragraph) ends the narrative
        ("The uprising began in March 2011.\n\nProtesters, then few, marched on 22 April.", "22 April",
         "2012-04-22"),
        # a future or present clause is not narrated: plans stay ahead of the DCT
        ("The talks failed in 2011. A new round, then postponed, will open on 22 August.", "22 August",
         "2012-08-22"),
        # a future year is not a narrative of the past
        ("The mandate expires in 2014. Observers, then few, arrived on 22 April.", "22 April", "2012-04-22"),
        # decades and centuries are background, not narrated times
        ("The family has lived there since the 1990s. They fled on 22 April, then a Sunday.", "22 April",
         "2012-04-22"),
    ],
)
def test_news_keeps_the_dct_logic(nlp, text: str, expression: str, expected: str) -> None:
    """Without a nearby explicit past year (or with the present in between) nothing changes."""
    assert _value(nlp, text, expression, JULY_2012) == expected


def test_rule_can_be_switched_off(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    """NARRATIVE_MAX_SENTENCES = 0 gives the DCT reading back (the harness compares the two)."""
    text = ("Her son was born in Homs in March 2011. He was then a month old when soldiers stormed the "
            "street on 22 April.")
    monkeypatch.setattr(settings, "NARRATIVE_MAX_SENTENCES", 0)
    assert _value(nlp, text, "22 April", JULY_2012) == "2012-04-22"


def test_without_parse_the_word_heuristic_decides() -> None:
    """Without a spaCy Doc the tense heuristic still finds the past clause."""
    text = "Her son was born in March 2011. He was then a month old when soldiers stormed the street on 22 April."
    values = {t.text: t.value for t in tag(text, JULY_2012)}
    assert values["22 April"] == "2011-04-22"
