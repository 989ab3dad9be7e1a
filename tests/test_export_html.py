"""report.html: self-contained (no network), XSS-safe, and showing what the brief asks for."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from storyline.export import timeline_to_dict
from storyline.export.html_report import render_report, safe_json

from fixtures.export import sample_timeline


RUN_REPORT = {
    "version": "0.1.0",
    "counts": {"in": 6, "stored": 3, "rejected": 2, "duplicates": 1},
    "rejections": [
        {"source": "junk.bin", "reason": "binary", "detail": "<script>alert('rej')</script>"},
        {"source": "empty.txt", "reason": "empty-text", "detail": ""},
    ],
    "seconds": {"ingest": 0.5, "annotate": 2.25},
}


@pytest.fixture(scope="module")
def page() -> str:
    contract = timeline_to_dict(sample_timeline.build_timeline())
    return render_report(contract, RUN_REPORT, "Report <script>alert('t')</script>")


def _scripts(page: str) -> list[tuple[str, str]]:
    return re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S)


def test_no_external_resources(page: str) -> None:
    assert not re.search(r"""\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"url\(\s*['\"]?\s*(?:https?:)?//", page, re.I)
    assert not re.search(r"@import", page)
    assert "<link" not in page and "<iframe" not in page
    assert "javascript:alert(1)" in page  # the hostile URL is shown as text...
    assert 'href="javascript' not in page  # ...never as a link


def test_content_security_policy_blocks_network_and_foreign_scripts(page: str) -> None:
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert (
        "default-src 'none'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    executable = [body for attrs, body in _scripts(page) if "application/json" not in attrs]
    assert len(executable) == 4  # d3-array, d3-geo, topojson-client, report.js
    for body in executable:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_article_text_is_escaped(page: str) -> None:
    for attrs, body in _scripts(page):
        assert "<" not in body or "application/json" not in attrs  # JSON data is \\u003c-escaped
    executable_bodies = "".join(body for attrs, body in _scripts(page))
    assert "alert(" not in executable_bodies
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page  # conflict claim text
    assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;" in page  # page title
    assert "&lt;script&gt;alert(&#39;rej&#39;)&lt;/script&gt;" in page  # rejection detail
    assert "Example &lt;i&gt;Wire&lt;/i&gt;" in page
    assert "<img" not in page and "onerror=" not in page


def test_safe_json_cannot_close_its_script() -> None:
    text = safe_json({"quote": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text


def test_timeline_events_and_sources(page: str) -> None:
    anchors = re.findall(r'<article class="event[^"]*" id="([^"]+)"', page)
    assert anchors == ["event-E1", "event-E2", "event-E3", "event-E4", "event-E5", "event-E6", "event-U1"]
    assert '<mark class="trigger">drove</mark>' in page
    assert '<mark class="figure">around 400 extremists</mark>' in page
    assert '<mark class="when">Sunday</mark>' in page
    assert "per Syrian Observatory for Human Rights via Sky News" in page
    assert "sources disagree" in page and "Disagreement on figure:killed" in page
    assert re.search(r'<tr class="conflict"><th>killed</th>', page)
    assert 'data-start="2015-05-01" data-end="2015-05-31"' in page


def test_run_summary_and_filters(page: str) -> None:
    counts = re.search(r'<table class="kv" id="run-counts">(.*?)</table>', page, re.S).group(1)
    assert re.findall(r"<th>(\w+)</th><td>(\d+)</td>", counts) == [
        ("in", "6"),
        ("stored", "3"),
        ("rejected", "2"),
        ("duplicates", "1"),
    ]
    reasons = re.search(r'<table class="kv" id="run-reasons">(.*?)</table>', page, re.S).group(1)
    assert "<th>binary</th><td>1</td>" in reasons and "<th>empty-text</th><td>1</td>" in reasons
    assert "<th>annotate</th><td>2.25 s</td>" in page
    assert "<th>total</th>" not in page  # stages may nest: no invented total
    for control in ("f-text", "f-outlet", "f-type", "f-place", "f-from", "f-to"):
        assert f'id="{control}"' in page
    assert "<option>Fox News</option>" in page and '<option value="place:163808">Tadmur</option>' in page


def test_report_tolerates_a_sparse_run_report() -> None:
    contract = timeline_to_dict(sample_timeline.build_timeline())
    page = render_report(contract, {}, "t")
    assert "No counts were reported." in page and "Not reported." in page


def test_report_shows_pipeline_run_report_lists_and_total() -> None:
    contract = timeline_to_dict(sample_timeline.build_timeline())
    run_report = {
        "counts": {"in": 3, "stored": 2, "rejected": 0, "duplicates": 1, "events": 7},
        "duplicates": [{"source": "copy.txt", "duplicate_of": "<b>a.txt</b>"}],
        "seconds": {"ingest": 1.0, "analyse": 2.0, "total": 9.5},
    }
    page = render_report(contract, run_report, "t")
    assert "<summary>duplicates (1)</summary>" in page and "&lt;b&gt;a.txt&lt;/b&gt;" in page
    assert "<th>events</th><td>7</td>" in page
    assert "9.50 s" in page and "<th>total</th><td>9.50 s</td>" in page


def test_claims_and_figures_link_to_their_quoted_sentence(page: str) -> None:
    source_ids = set(re.findall(r'<figure class="source[^"]*" id="([^"]+)"', page))
    event_ids = set(re.findall(r'<article class="event[^"]*" id="([^"]+)"', page))
    links = re.findall(r'<a href="#(event-[^"]+)">', page)
    assert links and set(links) <= source_ids | event_ids
    # the SOHR figure links to the sentence that gives it (E3's second source card)
    assert '<a href="#event-E3-s1"><b>about 400</b></a>' in page
    assert re.search(r'says <a href="#event-E3-s3">at least 300 &lt;script&gt;', page)
