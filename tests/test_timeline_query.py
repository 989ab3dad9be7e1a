"""Timeline queries, date ranking, per-date summaries, timeline.json loading and `storyline timeline`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli_timeline import timeline_command
from storyline.export import timeline_to_dict, write_all
from storyline.model import Article, Timeline
from storyline.timeline.load import load_timeline, timeline_from_dict
from storyline.timeline.query import TimelineQuery, date_bounds, filter_events, run_query
from storyline.timeline.rank import DateMention, rank_dates
from storyline.timeline.summarise import Summariser, content_words, cosine

from fixtures.export import sample_timeline

GENERATED = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return sample_timeline.build_timeline()


def _ids(timeline: Timeline) -> list[str]:
    return [e.id for e in (*timeline.events, *timeline.undated)]


def test_load_is_the_inverse_of_the_contract(timeline: Timeline) -> None:
    contract = json.loads(json.dumps(timeline_to_dict(timeline, generated=GENERATED), default=str))
    again = timeline_to_dict(timeline_from_dict(contract), generated=GENERATED)
    assert json.loads(json.dumps(again, default=str)) == contract


def test_load_rejects_unknown_formats() -> None:
    with pytest.raises(ValueError):
        timeline_from_dict({"format": "other/9", "articles": []})


def test_filter_by_entity_alias_place_and_dates(timeline: Timeline) -> None:
    placed = {e.id for e in (*timeline.events, *timeline.undated) if e.place is not None}
    by_alias = _ids(filter_events(timeline, TimelineQuery(entity="regime forces")))
    assert set(by_alias) == {"E3", "E6"}
    assert set(_ids(filter_events(timeline, TimelineQuery(place="Tadmur")))) == placed
    assert _ids(filter_events(timeline, TimelineQuery(place="Aleppo"))) == []
    in_2016 = _ids(filter_events(timeline, TimelineQuery(start=dt.date(2016, 1, 1), end=dt.date(2016, 12, 31))))
    assert set(in_2016) == {"E2", "E3", "E4"}
    # a month-precision event overlaps a range that starts inside its month
    assert "E4" in _ids(filter_events(timeline, TimelineQuery(start=dt.date(2016, 12, 20))))


def test_filter_by_keywords_reads_the_sources(timeline: Timeline) -> None:
    kept = _ids(filter_events(timeline, TimelineQuery(about=("sorties",))))
    assert kept and all(e in {"E2"} for e in kept)
    assert _ids(filter_events(timeline, TimelineQuery(about=("zeppelin",)))) == []


def test_date_bounds() -> None:
    from storyline.model import DateValue

    assert date_bounds(DateValue("2016-02", "month")) == (dt.date(2016, 2, 1), dt.date(2016, 2, 29))
    assert date_bounds(DateValue("2016-12", "month")) == (dt.date(2016, 12, 1), dt.date(2016, 12, 31))
    assert date_bounds(DateValue("2015", "year")) == (dt.date(2015, 1, 1), dt.date(2015, 12, 31))


def test_max_dates_keeps_the_best_days_and_writes_summaries(timeline: Timeline) -> None:
    result = run_query(timeline, TimelineQuery(max_dates=2, sentences_per_date=1))
    days = {e.date.value for e in result.timeline.events}
    assert len(result.dates) == 2 and len(days) <= 2
    assert result.timeline.undated == ()
    for sentences in result.summaries.values():
        assert len(sentences) <= 1
        for sentence in sentences:
            text = {a.id: a.text for a in timeline.articles}[sentence.article_id]
            # provenance: the summary text is read off its span (a compressed sentence drops parts of it)
            assert _within_span(sentence.text, text[sentence.start : sentence.end])


def _within_span(quote: str, span: str) -> bool:
    """True when ``quote``'s characters (blanks aside) appear in ``span`` in order."""
    remaining = iter("".join(span.split()))
    return bool(quote.strip()) and all(char in remaining for char in "".join(quote.split()))


def _article(ident: str, day: dt.date, text: str) -> Article:
    return Article(id=ident, text=text, outlet=ident.split("-")[0], published=day, published_source="metadata")


def test_ranking_prefers_days_many_outlets_refer_back_to() -> None:
    day, other = dt.date(2016, 3, 27), dt.date(2016, 3, 20)
    articles = [_article(f"o{i}-a", dt.date(2016, 4, i + 1), "Palmyra was retaken on 27 March.") for i in range(4)]
    articles.append(_article("x-b", dt.date(2016, 4, 9), "A minor meeting took place on 20 March."))
    mentions = [DateMention(day, a.id, 0, len(a.text)) for a in articles[:4]]
    mentions.append(DateMention(other, "x-b", 0, len(articles[4].text)))
    timeline = Timeline(articles=tuple(articles), entities=(), events=())
    ranked = rank_dates(timeline, mentions, start=dt.date(2016, 3, 1), end=dt.date(2016, 3, 31))
    assert [r.date for r in ranked] == [day, other]
    assert ranked[0].articles == 4 and ranked[0].later_refs == 4 and ranked[0].outlets == 4


def test_summaries_are_not_redundant() -> None:
    day = dt.date(2016, 3, 27)
    same = "Syrian government forces recaptured the ancient city of Palmyra from Islamic State fighters."
    articles = [
        _article("a-1", day, same),
        _article("b-1", day, same.replace("recaptured", "retook")),
        _article("c-1", day, "Russian air strikes supported the offensive with dozens of sorties over the desert."),
    ]
    mentions = [DateMention(day, a.id, 0, len(a.text)) for a in articles]
    picked = Summariser(articles, mentions).summarise(day, 3)
    assert len(picked) == 2
    vectors = [dict.fromkeys(content_words(s.text), 1.0) for s in picked]
    assert cosine(vectors[0], vectors[1]) < 0.5
    # a later day cannot repeat what an earlier day already said
    summariser = Summariser(articles, [*mentions, DateMention(day + dt.timedelta(days=1), "a-1", 0, len(same))])
    summariser.summarise(day, 3)
    assert summariser.summarise(day + dt.timedelta(days=1), 1) == []


def test_cli_queries_an_existing_build(tmp_path: Path, timeline: Timeline) -> None:
    build = tmp_path / "build"
    write_all(timeline, {"counts": {"events": 6}}, build)
    runner = CliRunner()
    result = runner.invoke(
        timeline_command,
        ["--from-build", str(build), "-o", str(tmp_path / "q"), "--entity", "Syrian forces", "--max-dates", "5",
         "--sentences-per-date", "1", "--from", "2016-01-01"],
    )
    assert result.exit_code == 0, result.output
    contract = json.loads((tmp_path / "q" / "timeline.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in contract["events"]] == ["E3", "E6"]
    assert len(contract["articles"]) == len(timeline.articles)
    run = json.loads((tmp_path / "q" / "run.json").read_text(encoding="utf-8"))
    assert run["query"]["entity"] == "Syrian forces" and run["counts"]["events"] == 2
    for name in ("events.csv", "events.geojson", "timelinejs.json", "report.html"):
        assert (tmp_path / "q" / name).is_file()
    assert load_timeline(tmp_path / "q").events[0].id == "E3"


def test_cli_usage_errors(tmp_path: Path, timeline: Timeline) -> None:
    runner = CliRunner()
    missing = runner.invoke(timeline_command, ["--from-build", str(tmp_path / "nothing")])
    assert missing.exit_code == 2
    build = tmp_path / "b"
    write_all(timeline, {}, build)
    same = runner.invoke(timeline_command, ["--from-build", str(build), "-o", str(build)])
    assert same.exit_code == 2
    bad_date = runner.invoke(timeline_command, ["--from-build", str(build), "--from", "March"])
    assert bad_date.exit_code == 2
