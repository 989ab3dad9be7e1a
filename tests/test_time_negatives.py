"""Negative rules: numbers that look like years but are not (clock times without colons, counts,
scores), period comparisons, quoted titles, "the past" before a count, "current" as a flow."""

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


@pytest.mark.parametrize(
    "sentence",
    [
        "Vehicles were destroyed in the southern side of the academy building 1070 housing project.",
        "Syrian opposition: 1300 killed in chemical attack on Ghouta.",
        "Rebels said 2118 fighters had surrendered.",
    ],
)
def test_counts_and_labels_far_from_the_publication_year_are_not_years(sentence: str) -> None:
    """A bare number far from the DCT year, with no year cue before it, is a count or a label."""
    assert [t.value for t in tag(sentence, DCT) if t.type == "DATE"] == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("The 1967 war reshaped the region.", "1967"), ("By 2040 the city may run dry.", "2040"),
     ("The mosque dates from 1070.", "1070"), ("Damascus fell in 1516 to the Ottomans.", "1516")],
)
def test_years_near_the_publication_year_or_with_a_cue_stay(sentence: str, value: str) -> None:
    """Years within the plausibility window, or cued by a preposition, are still found."""
    assert value in [t.value for t in tag(sentence, DCT)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("359 civilians have been killed and 1407 injured.", []),
     ("They are estimated at around 1400 fighters.", []),
     ("Fighting between 1914 and 1918 ravaged it.", ["1914", "1918"]),
     ("Crusades between 1095 and 1291 shaped the coast.", ["1095", "1291"])],
)
def test_year_cues_before_far_numbers(sentence: str, expected: list[str]) -> None:
    """'and'/'to' cue a far year only after another year; counts after 'and'/'around' are not years."""
    assert [t.value for t in tag(sentence, DCT) if t.type == "DATE"] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The quarter-to-quarter comparison was also enhanced by charges.",
        "Sales rose on a year-over-year basis.",
        'Secretary of State James Baker, speaking on ABC News\' "This Week," said the request was valid.',
    ],
)
def test_period_comparisons_and_quoted_titles_are_not_times(sentence: str) -> None:
    """"quarter-to-quarter" compares periods and a quoted "This Week" is a programme: no timex."""
    assert [(t.text, t.value) for t in tag(sentence, DCT)] == []


def test_unquoted_this_week_stays() -> None:
    """The title rule needs the quote: a plain "this week" is still the current week."""
    assert [t.value for t in tag("Talks resumed this week.", DCT)] == ["2016-W12"]


def test_the_past_before_a_count_is_not_past_ref() -> None:
    """"for the past three summers": "the past" opens a count, it is not PAST_REF on its own."""
    assert "PAST_REF" not in [t.value for t in tag("Violence has flared for the past three summers.", DCT)]
    assert [t.value for t in tag("In the past, the town was quiet.", DCT)] == ["PAST_REF"]


def test_current_as_a_flow_is_not_present_ref() -> None:
    """Adjectival "current" is PRESENT_REF, but "a strong current swept" is water, not time."""
    assert tag("A strong current swept the boat away.", DCT) == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The Ariha Today Facebook page posted a photo of the wreckage.", "Today"),
        ("Arabic-language news website Syria Now identified one of the wounded.", "Now"),
        ("The story ran in USA Today on Monday.", "Today"),
        ("He has the reputation of being loyal to the anti-Syrian \"March 14th\" faction.", "March 14th"),
        ("The government excludes the March 14 coalition, led by Saad al-Hariri.", "March 14"),
        ("Activists of the 6 April youth movement marched.", "6 April"),
    ],
)
def test_names_are_not_times(sentence: str, name: str) -> None:
    """A capitalised today/now after a capitalised word, and a month-day naming a group, are names."""
    assert name not in [t.text for t in tag(sentence, DCT)]


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Now the rebels hold the town.", "Now"),
        ("Today, the rebels hold the town.", "Today"),
        ("The ceasefire began on March 14 in the north.", "March 14"),
    ],
)
def test_names_rules_keep_real_times(sentence: str, text: str) -> None:
    """Sentence-initial deictics and ordinary month-days stay times."""
    assert text in [t.text for t in tag(sentence, DCT)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Syrian forces killed 2012 rebels in the offensive.",
        "The city has been divided since mid-2012 when rebels seized its eastern half.",
    ],
)
def test_count_noun_rule_skips_function_words(sentence: str) -> None:
    """A number before a count noun is a count; a year before "when rebels ..." is still a year."""
    years = [t.value for t in tag(sentence, DCT) if t.value == "2012"]
    assert years == ([] if "killed" in sentence else ["2012"])


@pytest.mark.parametrize(
    "sentence",
    [
        "The fall of the city would be a major blow to the government.",
        "The shelling came a day after the fall of Yabroud.",
        "The fall of Kobane to the militants would mark a major victory.",
        "Analysts said the fall of Syria's main commercial hub was near.",
    ],
)
def test_fall_of_a_place_is_not_autumn(sentence: str) -> None:
    """"the fall of X" (a capture, a collapse) is an event noun, not the season."""
    assert not [t for t in tag(sentence, DCT) if t.value.endswith("-FA")]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("The offensive stalled in the fall of 2015.", "2015-FA"), ("Talks resumed in the fall of last year.", "2015-FA")],
)
def test_fall_of_a_year_is_still_autumn(sentence: str, value: str) -> None:
    """A year after "the fall of" keeps the season reading."""
    assert value in [t.value for t in tag(sentence, DCT)]


def test_day_after_an_undated_event_is_not_the_day_after_publication(nlp) -> None:
    """"the day after shelling" with no date told yet is anchored on the event, not on the DCT."""
    text = "Syrians pass burnt-out vehicles the day after shelling on the Furqan neighbourhood."
    assert not [t for t in tag(text, DCT, nlp(text)) if t.text.lower().startswith("the day")]


def test_day_after_an_event_keeps_the_narrated_date(nlp) -> None:
    """After a mentioned date, "the day after his death" follows the reference time."""
    text = "He died on Oct. 23, 2015. Two men came to his house the day after his death."
    values = {t.text: t.value for t in tag(text, DCT, nlp(text))}
    assert values["the day after"] == "2015-10-24"


def test_day_before_at_the_end_of_its_phrase_stays(nlp) -> None:
    """"the day before and ..." ends the phrase: no event follows, the reading is kept."""
    text = "Rebel groups said the bomb had been planted the day before and predicted a fall."
    assert [t.value for t in tag(text, DCT, nlp(text))] == ["2016-03-26"]


def test_day_after_an_event_on_the_dateline_day(nlp) -> None:
    """A dateline naming the DCT day narrates nothing: "the day after shelling" is still undated."""
    text = "AP Sunday 27 Mar 2016 Syrians pass burnt-out vehicles the day after shelling on the town."
    assert not [t for t in tag(text, DCT, nlp(text)) if t.text.lower().startswith("the day")]
