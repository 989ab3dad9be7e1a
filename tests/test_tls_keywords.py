"""Topic names read against the collection (timeline/keywords.py), on made-up topics."""

from __future__ import annotations

import pytest

from storyline.timeline import tls_settings
from storyline.timeline.keywords import Keywords, interpret, plain, split_name

# A made-up collection: a mining company "Zorb", a singer "Jane Quill", a volcano in Peru.
COLLECTION = [
    "Zorb said on Monday that its gas field near Lima would reopen . The company blamed the volcanic ash .",
    "Shares in Zorb fell after the gas leak . Peruvian officials said the volcano was calm .",
    "Singer Jane Quill cancelled her tour in Peru . Quill said the volcanic eruption had scared her crew .",
    "Jane Quill , who sold ten million records , thanked fans . Gas prices rose in Lima .",
    "Fans of Jane Quill gathered in Lima . The H5N8 virus was found in ducks near the volcano .",
    "Officials in Peru said H5N8 had spread to two farms . Jack Quinn of the farm union was worried .",
    "Zorb denied any link between the gas leak and the eruption . Peru closed the airport .",
    "The volcano erupted again on Friday , and Peru said ash fell on three towns . Zorb was not hurt .",
]


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("SolarFlare", ["Solar", "Flare"]),
        ("H5N8Outbreak", ["H5N8", "Outbreak"]),
        ("G20Summit", ["G20", "Summit"]),
        ("JQ", ["JQ"]),
        ("zorbgas", ["zorbgas"]),
        ("Volca", ["Volca"]),
        ("North_Sea", ["North", "Sea"]),
    ],
)
def test_split_name(name: str, tokens: list[str]) -> None:
    assert split_name(name) == tokens


def _labels(keywords: Keywords) -> dict[str, tuple[str, bool]]:
    return {t.label: (t.origin, t.specific) for t in keywords.terms}


def test_alphanumeric_token_is_kept_whole_and_specific() -> None:
    keywords = interpret(["H5N8Outbreak"], COLLECTION)
    assert _labels(keywords) == {"h5n8": ("word", True)}  # "outbreak" is not in the collection
    assert keywords.on_topic("Vets found H5N8 on a farm .")
    assert not keywords.on_topic("Vets found nothing on a farm .")


def test_lowercase_concatenation_is_segmented_into_collection_words() -> None:
    keywords = interpret(["zorbgas"], COLLECTION)
    assert _labels(keywords) == {"zorb": ("segment", True), "gas": ("segment", False)}
    # the specific piece is required, the generic one alone is not enough
    assert keywords.on_topic("Zorb shares rose .")
    assert not keywords.on_topic("Gas prices rose .")
    assert keywords.hits("Zorb gas prices rose .") == 2


def test_acronym_expands_to_the_most_frequent_name_with_those_initials() -> None:
    keywords = interpret(["JQ"], COLLECTION)
    labels = _labels(keywords)
    assert labels["Jane Quill"] == ("name", True)  # 3 times, against "Jack Quinn" once
    assert labels["quill"] == ("name-part", True)  # the surname alone counts
    assert "JQ" not in labels  # the acronym itself never occurs
    assert keywords.on_topic("Quill sang in Lima .")
    assert not keywords.on_topic("Jack Quinn sang in Lima .")


def test_truncated_stem_matches_by_prefix_and_generic_topics_do_not_gate() -> None:
    keywords = interpret(["Volca"], COLLECTION)
    assert _labels(keywords) == {"volca": ("prefix", False)}
    assert keywords.hits("The volcanic ash fell .") == 1 and keywords.hits("The volcano slept .") == 1
    assert keywords.on_topic("Gas prices rose .")  # generic only: every sentence passes


def test_generic_topics_gate_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tls_settings, "GATE_ON_GENERIC_KEYWORDS", True)
    keywords = interpret(["Volca"], COLLECTION)
    assert keywords.on_topic("The volcano slept .")
    assert not keywords.on_topic("Gas prices rose .")


def test_demonym_matches_from_its_base_form() -> None:
    keywords = interpret(["PeruvianVolcano"], COLLECTION)
    labels = _labels(keywords)
    assert labels["peru"] == ("word", True)
    assert labels["volcano"][1] is False
    assert keywords.on_topic("Peruvian police said .") and keywords.on_topic("Peru said .")
    assert not keywords.on_topic("The volcano slept .")


def test_requiring_a_specific_term_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tls_settings, "REQUIRE_SPECIFIC_KEYWORD", False)
    keywords = interpret(["zorbgas"], COLLECTION)
    assert keywords.on_topic("Gas prices rose .")


def test_keywords_matching_nothing_filter_nothing() -> None:
    keywords = interpret(["Xylophonists"], COLLECTION)
    assert not keywords and keywords.terms == ()
    assert keywords.on_topic("Anything at all .")
    assert interpret([], COLLECTION).on_topic("Anything at all .")
    assert interpret(["ZorbGas"], []).terms == ()  # an empty collection


def test_whole_words_and_word_starts_only() -> None:
    keywords = interpret(["GasZorb"], COLLECTION)
    assert not keywords.on_topic("Bezorbed experts ...")
    assert plain(["volcanic"]).on_topic("A volcano .")  # plain words: 5-letter prefix
    assert not plain(["volcanic"]).on_topic("Avolcano .")


def test_summaries_keep_to_the_specific_term_and_fill_only_when_asked() -> None:
    import datetime as dt

    from storyline.model import Article
    from storyline.timeline.rank import DateMention
    from storyline.timeline.summarise import Summariser

    day = dt.date(2019, 3, 4)
    on = "Zorb closed its gas field near Lima after the leak , the company said ."
    off = "Gas prices rose sharply in Lima after the leak , traders said on Monday ."
    articles = [  # the background collection is published long before: no lead candidates
        Article(id=f"a-{i}", text=text, outlet="a", published=day if i < 2 else day.replace(year=2018))
        for i, text in enumerate([on, off, *COLLECTION])
    ]
    mentions = [DateMention(day, "a-0", 0, len(on)), DateMention(day, "a-1", 0, len(off))]
    keywords = interpret(["zorbgas"], [a.text for a in articles])
    # (compared by article: the picks are compressed, ", the company said" cut)
    assert [s.article_id for s in Summariser(articles, mentions, keywords).summarise(day, 2)] == ["a-0"]
    only_off = Summariser(articles[1:], mentions[1:], keywords)
    assert only_off.summarise(day, 1) == []  # no on-topic sentence: no summary ...
    assert [s.article_id for s in only_off.summarise(day, 1, strict=False)] == ["a-1"]  # ... unless filling


def test_all_caps_tokens_are_read_as_words_too() -> None:
    assert _labels(interpret(["ZORB"], COLLECTION)) == {"zorb": ("word", True)}  # "ZORB" never occurs
    assert _labels(interpret(["ZORBGAS"], COLLECTION)) == {"zorb": ("segment", True), "gas": ("segment", False)}


def test_a_name_that_marks_the_topic_articles_joins_the_specific_terms(monkeypatch: pytest.MonkeyPatch) -> None:
    on = [
        "The Zorb mine near Tacna flooded , workers said .",
        "Rescuers reached Tacna where Zorb miners were trapped .",
        "In Tacna , families waited for news of the miners .",  # names the place, not the company
        "Zorb shares fell on Monday .",
        "Zorb said the pumps in Tacna were working again .",
    ]
    off = [
        "Gas prices rose in Lima , traders said .",
        "The football season opened in Lima on Sunday .",
        "Farmers in Cusco said the harvest was poor .",
    ]
    keywords = interpret(["Zorb"], on + off)
    labels = _labels(keywords)
    assert labels["tacna"] == ("associated", True)  # in 3 of 4 Zorb articles, in 1 of 4 others
    assert "lima" not in labels  # as frequent outside as inside
    assert keywords.on_topic(on[2]) and not keywords.on_topic(off[0])
    monkeypatch.setattr(tls_settings, "KEYWORD_ASSOCIATED", 0)
    assert "tacna" not in _labels(interpret(["Zorb"], on + off))
