"""What an article's own words say: headline, dateline outlet, credit lines, date line, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.ingest.clues import Credit, credits, dateline_outlet, split_headline
from storyline.ingest.dates import find_text_date, parse_date_value
from storyline.ingest.draft import Draft
from storyline.ingest.finalise import finalise
from storyline.ingest.identity import normalise_url
from storyline.ingest.outlets import display_outlet, outlet_from_url


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Rebels seize town\n\nRebels seized the town on Monday.", "Rebels seize town"),
        ("Is the truce holding?\n \nFighting resumed on Monday.", "Is the truce holding?"),
        ("Rebels seized the town on Monday.\n\nThey said so.", None),  # a sentence, not a headline
        ("Rebels seize town\nRebels seized the town on Monday.", None),  # no blank line after it
        ("Only a headline\n\n", None),  # nothing after it
    ],
)
def test_split_headline(text: str, title: str | None) -> None:
    found, body = split_headline(text)
    assert found == title
    if title:
        assert not body.startswith(title)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (" (CNN) Syrian government forces have recaptured the city.", "CNN"),
        ("BEIRUT (Reuters) - Heavy fighting broke out.", "Reuters"),
        ("DAMASCUS, Syria (AP) — Government forces advanced.", "The Associated Press"),
        ("Aleppo, SANA - Army units restored security.", "SANA"),
        ("MOSCOW, March 2 (Reuters) - Russia said on Thursday.", "Reuters"),
        ("(AFP)-- Rebels said on Monday.", "AFP"),
        ("(Updated) Rebels shelled the town.", None),
        ("Syrian forces (SAA) advanced on Monday.", None),  # no dash after it: not a dateline
        ("Rebels shelled the town, the monitor said.", None),
    ],
)
def test_dateline_outlet(text: str, outlet: str | None) -> None:
    assert dateline_outlet(text) == outlet


def test_credit_lines_name_contributors_and_material_not_outlets() -> None:
    text = "Body of the story.\n\nThe Associated Press contributed to this report.\n\nClick for more from Sky News."
    assert credits(text) == [
        Credit("contributor", "The Associated Press"),
        Credit("material", "Sky News"),
    ]


def test_credit_lines_several_contributors_and_agency_tags() -> None:
    assert credits("Story. Reuters and AFP contributed to this report.") == [
        Credit("contributor", "Reuters"),
        Credit("contributor", "AFP"),
    ]
    assert credits("Story ends here. - REUTERS") == [Credit("material", "Reuters")]
    assert (
        credits("Story ends here. - Smith") == []
    )  # a bare name after a dash needs a known outlet
    assert credits("Story. (Source: Syrian Coalition) Twitter") == [
        Credit("material", "Syrian Coalition")
    ]
    assert credits("Story. Copyright 2016 Thomson Reuters. All rights reserved.") == [
        Credit("outlet", "Reuters")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use",
            dt.date(2017, 4, 5),
        ),
        ("Published April 24 2017 Assad regime forces have carried out", dt.date(2017, 4, 24)),
        ("Posted on April 19 2017 by a staff writer", dt.date(2017, 4, 19)),
        ("Fri Dec 9 2016 US-Led Coalition bombing", dt.date(2016, 12, 9)),
        ("24.08.2013 Syrian state media accused rebels", dt.date(2013, 8, 24)),
        ("27-07-2016 Syria Dozens Injured in Attack.", dt.date(2016, 7, 27)),
        ("Last updated at Apr 232017 An Israeli attack", dt.date(2017, 4, 23)),
        ("Bomb kills 19 in Aleppo Monitor AFP Thursday 9 Jul 2015 Rebels", dt.date(2015, 7, 9)),
        ("Rebels took the town on 5 May 2016, officials said.", None),  # narrative date
        ("Since March 2011 the war has killed thousands.", None),  # not a full date
        ("Rebels shelled the town. The March 27, 2016 offensive failed.", None),  # 2nd sentence
        ("Rebels shelled the town. Published 5 May 2016", dt.date(2016, 5, 5)),  # cue
        ("Rebels shelled the town.", None),
    ],
)
def test_find_text_date(text: str, expected: dt.date | None) -> None:
    found = find_text_date(text)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("4/5/2017", dt.date(2017, 4, 5)),  # month first, as in FA-KES
        ("25/12/2016", dt.date(2016, 12, 25)),  # cannot be month first
        ("2016-03-27", dt.date(2016, 3, 27)),
        ("2016-03-27T10:00:00Z", dt.date(2016, 3, 27)),
        ("Sun, 27 Mar 2016 10:00:00 GMT", dt.date(2016, 3, 27)),
        ("March 27, 2016", dt.date(2016, 3, 27)),
        ("20160327", dt.date(2016, 3, 27)),
        (1459072800, dt.date(2016, 3, 27)),
        ("not a date", None),
        ("", None),
        ("2016-02-30", None),
    ],
)
def test_parse_date_value(value: object, expected: dt.date | None) -> None:
    assert parse_date_value(value) == expected


def test_outlet_names_and_hosts() -> None:
    assert display_outlet("dailysabah") == "Daily Sabah"
    assert display_outlet("  SKY   NEWS ") == "Sky News"
    assert display_outlet("Some Local Paper") == "Some Local Paper"  # unknown names kept
    assert outlet_from_url("https://www.reuters.com/world/x") == "Reuters"
    assert outlet_from_url("https://news.bbc.co.uk/2/hi/x.stm") == "BBC"
    assert outlet_from_url("https://example.org/x") is None


def test_normalise_url() -> None:
    assert (
        normalise_url("HTTPS://www.Example.org/a/b/?utm_source=x&b=2&a=1#frag")
        == "example.org/a/b?a=1&b=2"
    )
    assert normalise_url("http://example.org/a/b") == normalise_url("https://m.example.org/a/b/")
    assert normalise_url("http://example.org/a?id=1") != normalise_url("http://example.org/a?id=2")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published July 27 2016 Rebels took the hill.", dt.date(2016, 7, 27)),
        ("Wed 01 Oct 2014 at 1459 Rebels took the hill.", dt.date(2014, 10, 1)),
        ("Date of publication 7 July 2016 Rebels took the hill.", dt.date(2016, 7, 7)),
        ("Car bomb kills six Monitor AFP Monday 17 Mar 2014 Six people were killed.", dt.date(2014, 3, 17)),
        # not a date line: a headline comes first and the date has no weekday, so the metadata date stays
        ("Rebels take hill Monitor AFP, 2 February 2015 Rebels took the hill.", dt.date(2016, 1, 5)),
    ],
)
def test_date_line_opening_the_text_beats_a_metadata_date(text: str, expected: dt.date) -> None:
    draft = Draft(text=text, published=dt.date(2016, 1, 5), published_source="metadata", source="x.csv#1")
    article = finalise(draft)
    assert article.published == expected


STORY = ("Rebels shelled the northern town on Monday, killing six civilians, a monitoring group said. "
         "The army answered with air strikes on rebel positions west of the town, residents said. "
         "Aid groups said hundreds of families had fled toward the border since the weekend. ")


@pytest.mark.parametrize(
    ("tail", "cut"),
    [
        (" Related News Turkey hosts talks | Floods hit the south Category News Follow us on Instagram. "
         "SUBSCRIBE Copyright 2018 Example World. Privacy Policy", True),
        (" Read more: Rebels gain ground. Copyright 2016. All rights reserved.", True),
        # a heading with no boilerplate after it is story text, not a trailer
        (" Officials said more was recommended by the committee and talks would follow.", False),
        (" Related News Turkey hosts talks | Floods hit the south", False),
    ],
)
def test_page_trailer_is_cut_and_noted(tail: str, cut: bool) -> None:
    article = finalise(Draft(text=STORY + tail, source="page.txt"))
    assert article.text.startswith(STORY.strip()[:40])
    if cut:
        assert article.text == STORY.strip()
        assert any(note.startswith("page furniture cut:") for note in article.notes)
    else:
        assert article.text == (STORY + tail).strip()
        assert not any(note.startswith("page furniture") for note in article.notes)
