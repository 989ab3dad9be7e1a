"""Small pure helpers of the exporters: date values and quote highlighting."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.export.dates import date_interval, date_label, parse_date_value
from storyline.export.formatting import format_figure
from storyline.export.highlight import segments


def test_parse_date_values() -> None:
    assert parse_date_value("2016-03-27T10:00").hour == 10
    parts = parse_date_value("2016-03")
    assert (parts.year, parts.month, parts.day) == (2016, 3, None)
    assert parse_date_value("201").year == 2010 and parse_date_value("201").span_years == 10
    assert parse_date_value("2016-13").month is None
    assert parse_date_value("PRESENT_REF") is None and parse_date_value(None) is None


def test_date_interval_and_label() -> None:
    assert date_interval("2016-02") == ("2016-02-01", "2016-02-29")
    assert date_interval("2015") == ("2015-01-01", "2015-12-31")
    assert date_interval("2016-03-27") == ("2016-03-27", "2016-03-27")
    assert date_interval("XXXX") is None
    assert date_label("2016-03-27") == "27 March 2016"
    assert date_label("2015-05", approximate=True) == "c. May 2015"
    assert date_label("201") == "2010s"


def test_format_figure() -> None:
    figure = {
        "what": "killed",
        "value": 30.0,
        "value_max": 40.0,
        "mod": "APPROX",
        "attribution": {"name": "SOHR", "via": {"name": "Sky News", "via": None}},
    }
    assert format_figure(figure) == "killed: about 30-40 (SOHR via Sky News)"
    assert format_figure({"what": "wounded", "value": 1200, "mod": None}) == "wounded: 1,200"


def test_segments_highlight_by_priority() -> None:
    quote = "On Sunday troops killed 40 militants."
    spans = [(103, 109, "when"), (117, 123, "trigger"), (124, 136, "figure"), (114, 124, "who")]
    result = segments(quote, 100, spans)
    assert result == [
        ("On ", None),
        ("Sunday", "when"),
        (" troops ", None),
        ("killed", "trigger"),
        (" ", None),
        ("40 militants", "figure"),
        (".", None),
    ]


@given(
    st.text(max_size=40),
    st.lists(
        st.tuples(st.integers(-5, 50), st.integers(-5, 50), st.sampled_from(["trigger", "figure", "who"])),
        max_size=6,
    ),
)
def test_segments_always_rebuild_the_quote(quote: str, raw: list[tuple[int, int, str]]) -> None:
    result = segments(quote, 0, raw)
    assert "".join(text for text, _ in result) == quote
    assert all(text for text, _ in result)


def test_map_focus_box_ignores_far_outliers() -> None:
    from storyline.export.map_view import focus_box, map_points

    def event(place: str, lat: float, lon: float, n: int) -> list[dict]:
        return [
            {
                "id": f"{place}{i}",
                "anchor": f"a-{place}{i}",
                "date_label": "2016",
                "title": "t",
                "lat": lat,
                "lon": lon,
                "place_id": place,
                "place": place,
                "conflicts": [],
            }
            for i in range(n)
        ]

    events = event("tadmur", 34.56, 38.28, 12) + event("aleppo", 36.2, 37.16, 6)
    events += event("washington", 38.9, -77.0, 1)
    points = map_points(events)
    assert [point["place_id"] for point in points] == ["tadmur", "aleppo", "washington"]
    west, south, east, north = focus_box(points)
    assert west > -20 and west < 37.16 and east > 38.28 and east < 60  # Washington is not in the focus
    assert south < 34.56 and north > 36.2 and north - south >= 14.0
    assert focus_box([]) is None
