"""bench/tls.py on odd made-up topics: nothing may break, every score stays a fraction."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

pytest.importorskip("snowballstemmer")

import tls  # noqa: E402

from storyline.model import Timeline  # noqa: E402

TEXTS = [
    "The Quorvian council approved the dam on Monday , officials said . Work on the dam began at once .",
    "Engineers said on Tuesday that the Quorvian dam was safe , after the council vote on Monday .",
    "",  # an empty article
    "   \n  ",  # blanks only
    "Protesters marched to the dam on Wednesday . The council said the vote of March 7 stands .",
]


def _topic(root: Path, name: str, days: list[str], gold: list[list[object]], keywords: list[str]) -> Path:
    """A topic folder in the news-tls format (made-up sentences)."""
    topic = root / name
    topic.mkdir(parents=True)
    with (topic / "articles.jsonl").open("w", encoding="utf-8") as stream:
        for number, (day, text) in enumerate(zip(days, TEXTS, strict=True)):
            stream.write(json.dumps({"id": str(number), "time": day, "text": text}) + "\n")
    (topic / "timelines.jsonl").write_text(json.dumps(gold) + "\n[]\n", encoding="utf-8")  # + an empty one
    (topic / "keywords.json").write_text(json.dumps(keywords), encoding="utf-8")
    return topic


def _run(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert tls.main([str(root), "--cache", str(tmp_path / "cache"), "--workers", "1"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    for key in ("ar1_f", "ar2_f", "date_f1", "ar1_p", "ar1_r", "date_p", "date_r"):
        assert 0.0 <= summary[key] <= 1.0
    return summary


def test_one_day_one_gold_date_empty_texts_and_unknown_keywords(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "data"
    day = "2019-03-07"
    # every article on one day, a gold timeline of one date, keywords no article contains
    _topic(root, "Xylophone_wire", [day] * 5, [[day, ["The council approved the dam ."]]], ["Xylophone"])
    # l (3 gold dates) larger than the days the articles fall on
    gold = [[d, ["The dam was approved ."]] for d in ("2019-03-04", "2019-03-05", "2019-03-06")]
    _topic(root, "QuorvianDam_wire", ["2019-03-05"] * 5, gold, ["QuorvianDam"])
    summary = _run(root, tmp_path, capsys)
    assert summary["timelines"] == 2
    assert summary["date_p"] > 0  # the days the articles talk about are found
    topics = summary["topics"]
    assert set(topics) == {"Xylophone_wire", "QuorvianDam_wire"}
    assert all(set(t) >= {"articles", "analysis", "link", "choose"} for t in topics.values())


def test_no_article_inside_the_gold_window(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "data"
    _topic(root, "Late_wire", ["2020-01-01"] * 5, [["2019-01-01", ["Nothing yet ."]]], [])
    summary = _run(root, tmp_path, capsys)
    assert summary["timelines"] == 1 and summary["date_p"] == 0.0


def test_choose_on_an_empty_timeline_or_without_dates_to_choose() -> None:
    day = dt.date(2019, 3, 7)
    empty = Timeline(articles=(), entities=(), events=())
    assert tls.choose(empty, [], day, day, 3, 2, ["QuorvianDam"]) == {}
    assert tls.choose(empty, [], day, day, 0, 2, []) == {}
    assert tls.choose(empty, [], day, day - dt.timedelta(days=1), 3, 2, []) == {}
