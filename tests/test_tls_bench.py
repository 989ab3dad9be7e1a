"""bench/tls.py end to end on a tiny made-up topic in the news-tls format."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

pytest.importorskip("snowballstemmer")

import tls  # noqa: E402

DATA = Path(__file__).parent / "fixtures" / "tls"


def test_reads_the_news_tls_format() -> None:
    topic = DATA / "TinyCrisis_wire"
    assert tls.topic_dirs(DATA) == [topic]
    articles = tls.read_articles(topic)
    assert [a.published.isoformat() for a in articles][:2] == ["2016-03-28", "2016-03-29"]
    assert articles[0].outlet == "wire"
    (gold,) = tls.read_timelines(topic)
    assert len(gold) == 2
    assert tls.read_keywords(topic) == ["tiny", "crisis"]


def test_harness_prints_scores_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert tls.main([str(DATA), "--cache", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    summary = json.loads(lines[-1])
    assert summary["timelines"] == 1
    for key in ("ar1_f", "ar2_f", "date_f1", "ar1_p", "ar1_r", "date_p", "date_r"):
        assert 0.0 <= summary[key] <= 1.0
    # the day everyone refers back to is found
    assert summary["date_p"] > 0
