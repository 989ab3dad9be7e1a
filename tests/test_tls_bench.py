"""bench/tls.py end to end on a tiny made-up topic in the news-tls format."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

pytest.importorskip("snowballstemmer")

import tls  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "tls" / "TinyCrisis_wire"


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    """The made-up topic laid out in the news-tls format (its gold file is stored under a
    neutral name so that it is never mistaken for Timeline17 data)."""
    topic = tmp_path / "data" / "TinyCrisis_wire"
    shutil.copytree(FIXTURE, topic)
    (topic / "gold.jsonl.in").rename(topic / "timelines.jsonl")
    return topic.parent


def test_reads_the_news_tls_format(data: Path) -> None:
    topic = data / "TinyCrisis_wire"
    assert tls.topic_dirs(data) == [topic]
    articles = tls.read_articles(topic)
    assert [a.published.isoformat() for a in articles][:2] == ["2016-03-28", "2016-03-29"]
    assert articles[0].outlet == "wire"
    (gold,) = tls.read_timelines(topic)
    assert len(gold) == 2
    assert tls.read_keywords(topic) == ["tiny", "crisis"]


def test_harness_prints_scores_as_json(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert tls.main([str(data), "--cache", str(tmp_path / "cache")]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    summary = json.loads(lines[-1])
    assert summary["timelines"] == 1
    for key in ("ar1_f", "ar2_f", "date_f1", "ar1_p", "ar1_r", "date_p", "date_r"):
        assert 0.0 <= summary[key] <= 1.0
    # the day everyone refers back to is found
    assert summary["date_p"] > 0


def test_oracle_dates_summarise_exactly_the_given_days(data: Path, tmp_path: Path) -> None:
    from storyline.pipeline import BuildOptions, analyse, link_and_assemble

    topic = data / "TinyCrisis_wire"
    (gold,) = tls.read_timelines(topic)
    analyses = analyse(tls.read_articles(topic), BuildOptions(inputs=[], outdir=tmp_path / "cache", use_cache=True), {})
    timeline = link_and_assemble(analyses, {})
    first, last = min(gold), max(gold)
    predicted = tls.choose(timeline, analyses, first, last, len(gold), 1, tls.read_topic_names(topic), days=list(gold))
    assert predicted and set(predicted) <= set(gold)
    assert all(len(sentences) == 1 for sentences in predicted.values())
