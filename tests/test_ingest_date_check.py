"""Publication dates that the article's own full dates contradict (``storyline.ingest.date_check``).

All texts are invented; each case is one way a scraped or dataset date goes wrong (or looks wrong
without being so).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from storyline.ingest import read_inputs
from storyline.ingest.date_check import check_published, full_dates
from storyline.ingest.draft import Draft
from storyline.ingest.finalise import finalise
from storyline.ingest.manifest import Manifest, ManifestEntry
from storyline.model import Article

RETROSPECTIVE = (
    "1. The siege: On March 2 2015 government forces encircled the old town of Karvak. "
    "2. Talks: Envoys met in Vienna on 14 May 2015 and again on 9 July 2015. "
    "3. Truce: A ceasefire took hold on Tuesday September 1 2015 but collapsed within days. "
    "4. Now: Aid agencies said on 20 October 2015 that 40000 people remained trapped, and a new "
    "round of talks will open on 30 November 2015."
)
LIVE_PAGE = (
    "Anna Berg | 09:10 local time , Monday , 6 April 2015 Has the truce in Karvak failed? "
    "Residents say shelling resumed overnight.\n"
    "8th April 2015 - 10:02 The truce never had a chance.\n"
    "9th April 2015 - 18:45 Both sides broke it.\n"
    "12th April 2015 - 07:30 Talks are the only way."
)


def _article(text: str, published: dt.date, manifest: Manifest | None = None) -> Article:
    draft = Draft(
        source="feed.csv#1",
        text=text,
        title="Karvak",
        published=published,
        published_source="metadata",
        url="https://example.org/karvak",
    )
    article = finalise(draft, manifest)
    assert isinstance(article, Article)
    return article


def test_full_dates_in_every_written_form() -> None:
    text = "It began on March 2 2015, resumed 14 May 2015, Tuesday September 1 2015 and 2015-10-20."
    assert [d.value.isoformat() for d in full_dates(text)] == [
        "2015-03-02",
        "2015-05-14",
        "2015-09-01",
        "2015-10-20",
    ]


def test_forward_looking_and_stamped_dates_are_not_evidence() -> None:
    text = (
        "Talks will resume on 30 November 2015. Weapons must go by 15 December 2015, a "
        "January 5 2016 deadline. Shelling hit the town on 3 May 2015.\n"
        "8th April 2015 - 10:02 A reader comment. Last updated: 4 June 2015. Seen 5/6/2015."
    )
    verdicts = {d.value.isoformat(): d.evidence for d in full_dates(text)}
    assert verdicts == {
        "2015-11-30": False,  # will
        "2015-12-15": False,  # by
        "2016-01-05": False,  # ... deadline
        "2015-05-03": True,
        "2015-04-08": False,  # comment stamp
        "2015-06-04": False,  # update stamp
        "2015-06-05": False,  # 5/6 could be 6 May
    }


def test_retrospective_with_a_stale_metadata_date_is_redated() -> None:
    article = _article(RETROSPECTIVE, dt.date(2014, 11, 3))
    assert article.published == dt.date(2015, 10, 20)  # the latest reported day, not the plan
    assert article.published_source == "inferred"
    suspect = next(n for n in article.notes if n.startswith("publication date suspect"))
    assert "2014-11-03 (metadata)" in suspect
    assert "2015-10-20 ('20 October 2015')" in suspect
    assert "2015-11-30" not in suspect  # the talks to come are not evidence
    assert "date in input (metadata): 2014-11-03" in article.notes


def test_lead_date_wins_over_later_comment_or_update_dates() -> None:
    text = (
        "Karvak truce talks stall in Geneva 14 June 2015 Delegates left without a deal. "
        "The talks had opened on 2 June 2015 and the truce dated from 28 May 2015."
    )
    article = _article(text, dt.date(2015, 1, 10))
    assert article.published == dt.date(2015, 6, 14)
    assert article.published_source == "inferred"
    assert any("the text's lead date" in n for n in article.notes)


def test_correct_dates_are_left_alone() -> None:
    # A live page with reader comments stamped over the next week, and plans for later dates.
    assert check_published(LIVE_PAGE, dt.date(2015, 4, 6)) is None
    assert _article(RETROSPECTIVE, dt.date(2015, 10, 21)).published_source == "metadata"
    # A single later date (a typo, a re-post) is not enough.
    one = "Shelling hit Karvak on 3 May 2015, residents said. Earlier, on 2 February 2014, it fell."
    assert check_published(one, dt.date(2014, 3, 1)) is None


def test_minority_of_later_dates_is_flagged_not_redated() -> None:
    text = (
        "The war began on 15 March 2011. Karvak fell on 2 February 2012, was retaken on "
        "3 March 2012 and besieged from 4 April 2013. Aid arrived on 5 May 2014 and 6 June 2014."
    )
    article = _article(text, dt.date(2013, 5, 1))
    assert article.published == dt.date(2013, 5, 1)
    assert article.published_source == "metadata"
    assert any(n.startswith("publication date suspect") for n in article.notes)


def test_the_users_own_date_is_flagged_not_replaced() -> None:
    manifest = Manifest({}, {"example.org/karvak": ManifestEntry(published=dt.date(2014, 11, 3))})
    article = _article(RETROSPECTIVE, dt.date(2014, 11, 3), manifest)
    assert article.published == dt.date(2014, 11, 3)
    assert article.published_source == "manifest"
    assert any(n.startswith("publication date suspect") for n in article.notes)


def test_redated_rows_are_never_dropped(tmp_path: Path) -> None:
    rows = [
        {"text": RETROSPECTIVE, "published": "2014-11-03", "url": "https://example.org/1"},
        {"text": LIVE_PAGE, "published": "2015-04-06", "url": "https://example.org/2"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    records = list(read_inputs([str(path)]))
    assert [type(r).__name__ for r in records] == ["Article", "Article"]
    assert [r.published_source for r in records if isinstance(r, Article)] == ["inferred", "metadata"]
