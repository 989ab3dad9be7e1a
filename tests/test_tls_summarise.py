"""Per-date summaries (candidates, sentence rules, centroid choice) and keyword-aware date ranking."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.model import Article, Timeline
from storyline.timeline import tls_settings
from storyline.timeline.rank import DateMention, article_relevance, rank_dates
from storyline.timeline.describe import trim_span as trim
from storyline.timeline.summarise import Summariser, make_candidate, rejection

DAY = dt.date(2016, 3, 27)


def _article(ident: str, text: str, day: dt.date = DAY + dt.timedelta(days=3)) -> Article:
    return Article(id=ident, text=text, outlet=ident.split("-")[0], published=day, published_source="metadata")


def _mention(article: Article, text: str, day: dt.date = DAY, own: bool = True) -> DateMention:
    start = article.text.index(text)
    return DateMention(day, article.id, start, start + len(text), own=own)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Will the army hold the ancient city of Palmyra after the fighting ends this week ?", "question"),
        ("`` We will liberate every inch of the country from the terrorists , '' he said .", "opens_with_quote"),
        (
            "Syrians shout slogans during a protest near the city of Deraa , southern Syria , March 25 , 2011 .",
            "photo_caption",
        ),
        ("Credit : Reuters/Syrian TV via Reuters TV AMMAN | Thu Apr 21 , 2011 8:02 pm EDT", "photo_credit"),
        ("Syria", "length"),
        ("Government forces recaptured the ancient city of Palmyra from Islamic State fighters .", None),
    ],
)
def test_sentence_rules(text: str, reason: str | None) -> None:
    assert rejection(text) == reason


def test_wire_datelines_are_trimmed_off() -> None:
    text = "ZURICH | Thu Oct 6 , 2011 3:22 pm BST ZURICH -LRB- Reuters -RRB- - Stiff competition kept pay up ."
    start, end = trim(text, 0, len(text))
    assert text[start:end] == "Stiff competition kept pay up ."
    bullet = "- Government resigns after weeks of protests in the south ."
    start, end = trim(bullet, 0, len(bullet))
    assert bullet[start:end].startswith("Government")


def test_only_on_topic_sentences_unless_no_article_has_the_keywords() -> None:
    on = "Syrian government forces recaptured the ancient city of Palmyra from Islamic State fighters ."
    off = "A football match in Madrid ended in a draw after a late goal by the visiting side ."
    articles = [_article("a-1", on), _article("b-1", off)]
    mentions = [_mention(articles[0], on), _mention(articles[1], off)]
    picked = Summariser(articles, mentions, ["syrian", "crisis"]).summarise(DAY, 2)
    assert [s.text for s in picked] == [on]
    assert Summariser(articles, mentions[1:], ["syrian"]).summarise(DAY, 1) == []  # only off topic: no summary
    # keywords that no article contains say nothing about the topic and are ignored
    assert len(Summariser(articles, mentions, ["zeppelin"]).summarise(DAY, 2)) == 2


def test_sentences_dated_only_through_their_event_are_a_last_resort() -> None:
    dated = "Government forces recaptured Palmyra from Islamic State fighters on Sunday , the army said ."
    linked = "Engineers began clearing the mines that the jihadists had left across the ancient city ."
    article = _article("a-1", f"{dated}\n{linked}\n")
    both = [_mention(article, dated), _mention(article, linked, own=False)]
    picked = Summariser([article], both).summarise(DAY, 2)
    # the pick is compressed (", the army said" and "on Sunday" cut) but keeps the whole sentence's span
    assert [article.text[s.full_start : s.full_end] for s in picked] == [dated]
    assert [s.text for s in picked] == ["Government forces recaptured Palmyra from Islamic State fighters"]
    alone = [_mention(article, linked, own=False)]
    assert [s.text for s in Summariser([article], alone).summarise(DAY, 1)] == [linked]


def test_the_summary_follows_what_most_sources_say() -> None:
    story = "Syrian forces recaptured the ancient city of Palmyra from Islamic State fighters on {}."
    variants = ["Sunday", "27 March", "Sunday morning"]
    outlier = "Officials in Damascus also discussed the price of bread and fuel subsidies with traders on Sunday."
    articles = [_article(f"o{i}-a", story.format(v)) for i, v in enumerate(variants)]
    articles.append(_article("x-a", outlier))
    mentions = [DateMention(DAY, a.id, 0, len(a.text)) for a in articles]
    (picked,) = Summariser(articles, mentions).summarise(DAY, 1)
    assert "Palmyra" in picked.text


def test_article_relevance_and_keyword_aware_ranking(monkeypatch: pytest.MonkeyPatch) -> None:
    other = DAY - dt.timedelta(days=5)
    on = [_article(f"o{i}-a", "Syria : Syrian forces retook Palmyra on 27 March , Syrian media said .") for i in range(2)]
    off = [_article(f"x{i}-a", "Stocks rallied on 22 March as investors cheered the results .") for i in range(3)]
    relevance = article_relevance([*on, *off], ["syrian", "crisis"])
    assert relevance["o0-a"] == 1.0 and relevance["x0-a"] == 0.0
    assert article_relevance(on, []) == {}
    mentions = [DateMention(DAY, a.id, 0, len(a.text)) for a in on]
    mentions += [DateMention(other, a.id, 0, len(a.text)) for a in off]
    timeline = Timeline(articles=(*on, *off), entities=(), events=())
    assert rank_dates(timeline, mentions)[0].date == other  # more articles
    assert rank_dates(timeline, mentions, relevance=relevance)[0].date == DAY
    monkeypatch.setattr(tls_settings, "W_TOPICAL", 2.0)
    assert rank_dates(timeline, mentions, keywords=["syrian"])[0].date == DAY


def test_event_dated_sentences_count_only_when_events_are_all_there_is() -> None:
    later = DAY + dt.timedelta(days=4)
    articles = [_article(f"o{i}-a", "Troops entered the city . They cleared the mines .") for i in range(3)]
    # three articles linked to an event of DAY (their sentences name no day); one timex names `later`
    inherited = [DateMention(DAY, a.id, 0, 20, explicit=False, event_id="E1", own=False) for a in articles]
    timex = [DateMention(later, "o0-a", 21, 45)]
    timeline = Timeline(articles=tuple(articles), entities=(), events=())
    assert rank_dates(timeline, [*inherited, DateMention(later, "o0-a", 21, 45, event_id="E2")])[0].date == DAY
    assert rank_dates(timeline, [*inherited, *timex])[0].date == later


def test_the_articles_date_line_is_not_quoted() -> None:
    text = "Published June 1 2016 A total of 14 fighters were killed in the north during an army operation."
    article = Article(id="d", text=text, outlet="X", published=dt.date(2016, 6, 1))
    candidate = make_candidate(article, 0, len(text), dt.date(2016, 5, 31))
    assert candidate is not None and candidate.text.startswith("A total of 14 fighters")
