"""Sentence compression for per-date summaries: each rule, the guards, and provenance."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.model import Article
from storyline.timeline import tls_settings
from storyline.timeline.compress import compress, compress_sentence, kept_text, rules
from storyline.timeline.rank import DateMention
from storyline.timeline.summarise import Summariser


@pytest.mark.parametrize(
    ("rule", "sentence", "expected"),
    [
        (
            "attribution",
            "Troops shelled three districts of the port city for a third day , residents said .",
            "Troops shelled three districts of the port city for a third day",
        ),
        (
            "attribution",
            "The government is weighing new sanctions against the central bank , a U.S. official told reporters .",
            "The government is weighing new sanctions against the central bank",
        ),
        (
            "saying_tail",
            "The ministers rejected the draft resolution on the blockade , saying it was one-sided .",
            "The ministers rejected the draft resolution on the blockade",
        ),
        (
            "context_tail",
            "The company resumed drilling in the gulf amid protests from fishing communities .",
            "The company resumed drilling in the gulf",
        ),
        (
            "said_no_that",
            "Witnesses said the rebels seized the airport of the eastern city after heavy fighting .",
            "the rebels seized the airport of the eastern city after heavy fighting .",
        ),
        (
            "connective",
            "Meanwhile , the health ministry reported 40 new cases of the virus in the capital .",
            "the health ministry reported 40 new cases of the virus in the capital .",
        ),
        (
            "timestamp",
            "12 February 12 15:38 GMT The head of the observer mission resigned from his post .",
            "The head of the observer mission resigned from his post .",
        ),
        (
            "weekday",
            "On Tuesday , the rescue teams pulled 12 survivors from the collapsed hotel .",
            "the rescue teams pulled 12 survivors from the collapsed hotel .",
        ),
        (
            "weekday",
            "The singer , on Thursday night , was taken to hospital in Los Angeles by ambulance .",
            "The singer was taken to hospital in Los Angeles by ambulance .",
        ),
        (
            "relative_time",
            "Parliament approved the budget cuts last week after a long and bitter debate .",
            "Parliament approved the budget cuts after a long and bitter debate .",
        ),
        (
            "parenthetical",
            "The spill reached the coast at about 2:30 a.m. -LRB- 0730 GMT -RRB- near the town .",
            "The spill reached the coast at about 2:30 a.m. near the town .",
        ),
    ],
)
def test_each_rule_and_only_with_it(rule: str, sentence: str, expected: str) -> None:
    assert compress(sentence) == expected
    assert compress(sentence, frozenset({rule})) != expected  # the rule itself does the cut


def test_rules_that_measured_worse_are_off() -> None:
    names = {name for section in ("head", "tail", "inner") for name, _ in getattr(rules(), section)}
    assert {"said_that", "according_to", "relative_clause", "title_before_name", "mid_attribution"}.isdisjoint(names)
    assert {"attribution", "weekday", "parenthetical"} <= names


def test_no_cut_leaves_too_short_a_sentence() -> None:
    short = "Troops left the city , residents said ."  # 4 words would be left
    assert compress(short) == short
    # "as" needs a comma before it: "such as" is not a context clause
    sentence = "Aid groups such as the Red Cross sent doctors to the flooded villages ."
    assert compress(sentence) == sentence


def test_the_speaker_stays_when_a_day_name_follows_said() -> None:
    # "said on Wednesday that ...": the head rule must not stop before the weekday and leave a
    # clause starting with "that" once the weekday is cut.
    sentence = ("The U.N. Security Council said on Wednesday that it is seeking clarity on reports "
                "of a chemical attack near the capital .")
    assert compress(sentence).startswith("The U.N. Security Council said that it is seeking")


def test_compression_is_derived_from_the_article_span() -> None:
    text = (
        "Headline here . On Monday , rescuers -LRB- local volunteers -RRB- freed 30 miners trapped"
        " since the blast , officials said . More text ."
    )
    start = text.index("On Monday")
    end = text.index("More") - 1
    result = compress_sentence(text, start, end)
    assert start <= result.start < result.end <= end
    assert all(result.start <= a < b <= result.end for a, b in result.cuts)
    assert result.text(text) == kept_text(text, result.start, result.end, result.cuts)
    assert result.text(text) == "rescuers freed 30 miners trapped since the blast"
    for piece in result.text(text).split():
        assert piece in text[start:end]


def test_summaries_quote_the_compressed_text_and_keep_the_whole_span() -> None:
    day = dt.date(2010, 4, 20)
    text = "An explosion on the drilling rig killed 11 workers in the gulf on Tuesday , the coast guard said ."
    article = Article(id="a-1", text=text, outlet="a", published=day, published_source="metadata")
    mention = DateMention(day, "a-1", 0, len(text))
    (picked,) = Summariser([article], [mention]).summarise(day, 1)
    assert picked.text == "An explosion on the drilling rig killed 11 workers in the gulf"
    assert (picked.full_start, picked.full_end) == (0, len(text))
    assert kept_text(text, picked.start, picked.end, picked.cuts) == picked.text


def test_compression_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    day = dt.date(2010, 4, 20)
    text = "An explosion on the drilling rig killed 11 workers in the gulf , the coast guard said ."
    article = Article(id="a-1", text=text, outlet="a", published=day, published_source="metadata")
    monkeypatch.setattr(tls_settings, "COMPRESS", False)
    (picked,) = Summariser([article], [DateMention(day, "a-1", 0, len(text))]).summarise(day, 1)
    assert picked.text == text and picked.full_start is None and picked.cuts == ()


def test_plain_punctuation_as_well_as_tokenised_text() -> None:
    assert compress("The singer died on Thursday afternoon at a Los Angeles hospital, his family said.") == (
        "The singer died at a Los Angeles hospital"
    )
    assert compress("Shares fell 5 percent on Tuesday, after the company cut its forecast.") == (
        "Shares fell 5 percent, after the company cut its forecast."
    )
