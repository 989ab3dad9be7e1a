"""Each ingestion reader, content sniffing, manifests, field mapping and the bundled corpora."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import time
from pathlib import Path

import pytest

from storyline.ingest import DuplicateFilter, article_id, load_manifest, read_inputs
from storyline.model import Article, Rejection

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
FAKES = Path(__file__).parents[1] / "data" / "sample" / "fakes" / "FA-KES-Dataset.csv"


def articles(*inputs: str | Path, **options: object) -> list[Article]:
    """Read inputs and return the articles, failing on any rejection."""
    records = list(read_inputs([str(i) for i in inputs], **options))  # type: ignore[arg-type]
    rejected = [r for r in records if isinstance(r, Rejection)]
    assert not rejected, rejected
    return [r for r in records if isinstance(r, Article)]


def test_plain_text_headline_dateline_and_credits(tmp_path: Path) -> None:
    (article,) = articles(FIXTURES / "plain_dateline.txt")
    assert article.title == "Heavy fighting in the north"
    assert article.text.startswith("BEIRUT (Reuters) - Heavy fighting")
    assert article.outlet == "Reuters"
    assert article.published is None and article.published_source == "unknown"


def test_plain_text_without_headline_keeps_first_line() -> None:
    (article,) = articles(FIXTURES / "plain_undated.txt")
    assert article.title is None
    assert article.text.startswith("Villagers fled their homes")


def test_seeds_with_manifest(seeds_dir: Path) -> None:
    manifest = load_manifest(seeds_dir / "manifest.jsonl")
    cnn, fox = articles(*sorted(seeds_dir.glob("*.txt")), manifest=manifest)
    assert (cnn.outlet, cnn.published, cnn.published_source) == (
        "CNN",
        dt.date(2017, 3, 2),
        "manifest",
    )
    assert (fox.outlet, fox.published, fox.published_source) == (
        "Fox News",
        dt.date(2016, 3, 27),
        "manifest",
    )
    assert fox.title == "Syrian government forces recapture Palmyra from ISIS, activists say"
    assert fox.text.startswith("Syrian forces backed by Russian airstrikes")
    assert "contributor: The Associated Press" in fox.notes
    assert "material from: Sky News" in fox.notes
    assert cnn.text.startswith("(CNN) Syrian government forces")


def test_seed_outlets_from_text_alone(seeds_dir: Path) -> None:
    cnn, fox = articles(*sorted(seeds_dir.glob("*.txt")))
    assert cnn.outlet == "CNN"  # from the "(CNN)" dateline
    # Credits name a contributor and the material's source, not the outlet.
    assert fox.outlet not in ("Sky News", "The Associated Press")
    assert cnn.published is None and cnn.published_source == "unknown"


def test_published_option_dates_undated_input() -> None:
    (article,) = articles(FIXTURES / "plain_undated.txt", published=dt.date(2014, 5, 1))
    assert (article.published, article.published_source) == (dt.date(2014, 5, 1), "user")


def test_manifest_wins_over_text_and_notes_the_difference(tmp_path: Path) -> None:
    (article,) = articles(
        FIXTURES / "plain_dateline.txt", manifest=load_manifest(FIXTURES / "manifest.csv")
    )
    assert article.outlet == "Reuters"  # not in this manifest
    manifest_path = tmp_path / "m.jsonl"
    manifest_path.write_text(
        json.dumps({"file": "plain_dateline.txt", "outlet": "Example Daily"}) + "\n"
    )
    (article,) = articles(FIXTURES / "plain_dateline.txt", manifest=load_manifest(manifest_path))
    assert article.outlet == "Example Daily"
    assert "outlet in input: Reuters" in article.notes


def test_csv_manifest_by_file_and_by_url() -> None:
    manifest = load_manifest(FIXTURES / "manifest.csv")
    (undated,) = articles(FIXTURES / "plain_undated.txt", manifest=manifest)
    assert (undated.outlet, undated.published, undated.published_source) == (
        "Example Daily",
        dt.date(2014, 8, 1),
        "manifest",
    )
    first = articles(FIXTURES / "articles.jsonl", manifest=manifest)[0]
    assert first.title == "Rebels seize strategic hill"
    assert first.published == dt.date(2015, 10, 11) and first.published_source == "manifest"
    assert "date in input (metadata): 2015-10-12" in first.notes


def test_html_page_metadata() -> None:
    (article,) = articles(FIXTURES / "page.html")
    assert article.title == "Shelling hits market in northern town"
    assert article.outlet == "Example Daily"
    assert article.url == "https://www.example-daily.org/world/shelling-hits-market"
    assert (article.published, article.published_source) == (dt.date(2016, 5, 4), "metadata")
    assert article.text.startswith("Shelling hit a crowded market")
    assert "Home" not in article.text  # navigation is not article text


def test_mislabeled_file_is_sniffed_by_content() -> None:
    (article,) = articles(FIXTURES / "mislabeled.txt")
    assert article.title == "Shelling hits market in northern town"
    assert "<p>" not in article.text


def test_rss_and_atom_feeds() -> None:
    first, second = articles(FIXTURES / "feed.rss")
    assert first.title == "Ceasefire declared in coastal province"
    assert first.url == "https://www.example-wire.net/world/ceasefire-coastal"
    assert (first.published, first.published_source) == (dt.date(2016, 7, 2), "metadata")
    assert "Both sides agreed" in first.text and "<p>" not in first.text
    assert second.source.endswith("feed.rss#2")
    (atom,) = articles(FIXTURES / "feed.atom")
    assert atom.published == dt.date(2017, 1, 9)
    assert atom.text.startswith("Heavy clashes")


def test_jsonl_detects_common_field_names() -> None:
    first, second, third = articles(FIXTURES / "articles.jsonl")
    assert (first.outlet, first.published) == ("Reuters", dt.date(2015, 10, 12))
    assert first.source.endswith("articles.jsonl:1")
    assert (second.title, second.outlet, second.published) == (
        "Bridge destroyed",
        "Example Daily",
        dt.date(2015, 10, 13),
    )
    assert third.published == dt.date(2015, 10, 14) and third.title is None


def test_json_object_with_article_list() -> None:
    first, second = articles(FIXTURES / "articles.json")
    assert (first.title, first.outlet, first.published) == (
        "Curfew imposed",
        "SANA",
        dt.date(2015, 10, 15),
    )
    assert second.source.endswith("articles.json#2")


def test_csv_rows_spanning_lines_and_quotes() -> None:
    first, second = articles(FIXTURES / "stories.csv")
    assert (
        first.text
        == "An air strike hit a fuel depot on Friday.\n\nFirefighters battled the blaze for hours, residents said."
    )
    assert (first.outlet, first.published, first.url) == (
        "The Associated Press",
        dt.date(2015, 11, 6),
        "https://apnews.com/depot",
    )
    assert 'killing "several" fighters' in second.text
    assert second.url is None


def test_tsv_table() -> None:
    first, second = articles(FIXTURES / "stories.tsv")
    assert (first.title, first.outlet, first.published) == (
        "TSV story one",
        "Daily Sabah",
        dt.date(2016, 2, 1),
    )
    assert second.outlet == "TRT World"


def test_field_map_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(
        "summary,lead,paper\nshort,The full story of the siege.,Example Daily\n", encoding="utf-8"
    )
    (auto,) = articles(path)
    assert auto.text == "short"  # "summary" is a recognised text column
    (mapped,) = articles(path, field_map={"text": "lead", "outlet": "paper"})
    assert (mapped.text, mapped.outlet) == ("The full story of the siege.", "Example Daily")


def test_unknown_field_in_field_map_is_an_error() -> None:
    with pytest.raises(ValueError):
        list(read_inputs([str(FIXTURES / "stories.csv")], field_map={"colour": "x"}))


def test_stdin_jsonl() -> None:
    stream = io.StringIO(
        '{"text": "Fighting resumed on Monday.", "date": "2016-01-04"}\n\n{"text": "Talks ended."}\n'
    )
    first, second = articles("-", stdin=stream)
    assert first.source == "-:1" and second.source == "-:3"
    assert first.published == dt.date(2016, 1, 4)


def test_gzip_of_csv_is_unwrapped(tmp_path: Path) -> None:
    path = tmp_path / "stories.csv.gz"
    path.write_bytes(gzip.compress((FIXTURES / "stories.csv").read_bytes()))
    assert [a.title for a in articles(path)] == ["Strike hits depot", "Second story"]


def _warc_record(url: str, html: bytes, content_type: str = "text/html; charset=utf-8") -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type.encode() + b"\r\n\r\n" + html
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2020-01-01T00:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash(url))}>\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


def test_warc_html_responses(tmp_path: Path) -> None:
    page = (FIXTURES / "page.html").read_bytes()
    data = _warc_record("https://example.org/a", page) + _warc_record(
        "https://example.org/logo.png", b"\x89PNG....", "image/png"
    )
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(data))
    (article,) = articles(path)
    assert article.title == "Shelling hits market in northern town"
    assert article.published == dt.date(2016, 5, 4)
    assert article.source.endswith("crawl.warc.gz#1")
    assert "crawled 2020-01-01T00:00:00Z" in article.notes


def test_folder_walk_is_sorted_recursive_and_skips_docs(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article text.")
    (tmp_path / "a.txt").write_text("First article text.")
    (tmp_path / "README.md").write_text("Not an article.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / "manifest.jsonl").write_text('{"file": "two.txt", "outlet": "SANA"}\n')
    found = articles(tmp_path)
    assert [Path(a.source).name for a in found] == ["a.txt", "two.txt"]
    assert found[1].outlet == "SANA"  # the folder's manifest applies


def test_ids_are_stable_and_content_based() -> None:
    once = articles(FIXTURES / "articles.jsonl")
    again = articles(FIXTURES / "articles.jsonl")
    assert [a.id for a in once] == [a.id for a in again]
    assert len({a.id for a in once}) == 3
    assert once[0].id == article_id(
        "anything", "http://reuters.com/article/rebels-hill/?utm_source=x"
    )
    assert all(a.id.startswith("a") and len(a.id) == 16 for a in once)


def test_duplicate_filter_by_url_and_by_text() -> None:
    seen = DuplicateFilter()
    base = Article(
        id="a1", text="Rebels took the hill on Monday.", url="https://example.org/x", source="s1"
    )
    assert seen.check(base) is None
    same_url = Article(
        id="a2", text="Different text.", url="http://www.example.org/x/#top", source="s2"
    )
    assert seen.check(same_url) == "a1"
    same_text = Article(id="a3", text="  rebels TOOK the hill, on monday ", source="s3")
    assert seen.check(same_text) == "a1"
    other = Article(id="a4", text="Rebels lost the hill on Tuesday.", source="s4")
    assert seen.check(other) is None


def test_fakes_sample_reads_fast_with_dates_and_outlet_names() -> None:
    start = time.perf_counter()
    records = list(read_inputs([str(FAKES)]))
    elapsed = time.perf_counter() - start
    found = [r for r in records if isinstance(r, Article)]
    rejected = [r for r in records if isinstance(r, Rejection)]
    assert len(found) + len(rejected) == 726
    assert len(found) >= 720
    assert all(
        a.published is not None and a.published_source in ("metadata", "text", "inferred")
        for a in found
    )
    # a retrospective whose column date precedes most of the days it reports is re-dated
    inferred = [a for a in found if a.published_source == "inferred"]
    assert len(inferred) <= 3
    assert all(any(n.startswith("publication date suspect") for n in a.notes) for a in inferred)
    # a date line opening the text ("Published July 27 2016") beats the dataset's date column
    overridden = [a for a in found if a.published_source == "text"]
    assert overridden and all(any(n.startswith("date in input (metadata):") for n in a.notes) for a in overridden)
    first = found[0]
    assert first.title == "Syria attack symptoms consistent with nerve agent use WHO"
    assert first.published == dt.date(2017, 4, 5)  # "4/5/2017" is month first
    assert first.source.endswith("FA-KES-Dataset.csv#1")
    outlets = {a.outlet for a in found}
    assert {"SANA", "Reuters", "Daily Sabah", "TASS"} <= outlets
    assert elapsed < 2.0  # well under 1 s on an idle machine; slack for shared CI cores


def test_max_chars_matches_nlp() -> None:
    from storyline import nlp
    from storyline.ingest import settings

    assert settings.MAX_TEXT_CHARS == nlp.MAX_CHARS


def test_sniffing_by_content_not_extension(tmp_path: Path) -> None:
    (tmp_path / "a_bracket.txt").write_text("[Updated] Rebels shelled the town.\n\nMore text here.")
    (tmp_path / "b_utf16.txt").write_text(
        "Rebels shelled the town, officials said.", encoding="utf-16"
    )
    (tmp_path / "c_pretty.data").write_text(
        '[\n  {\n    "text": "Pretty printed.",\n    "date": "2016-01-01"\n  }\n]\n'
    )
    (tmp_path / "d_table.txt").write_text("title;text;date\nA;Table named txt.;2016-01-02\n")
    bracket, utf16, pretty, table = articles(tmp_path)
    assert bracket.text.startswith("[Updated]") and bracket.source.endswith("a_bracket.txt")
    assert utf16.text == "Rebels shelled the town, officials said."
    assert (pretty.text, pretty.published) == ("Pretty printed.", dt.date(2016, 1, 1))
    assert (table.title, table.text, table.source.rsplit("#", 1)[1]) == (
        "A",
        "Table named txt.",
        "1",
    )


def test_text_date_used_when_no_metadata_and_noted_when_it_differs(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        "title,text,date\n"
        "Dated,Published April 24 2017 Rebels shelled the town.,4/17/2017\n"
        "Undated,Published April 24 2017 Rebels shelled the town again.,\n"
        "Inside,\"Rebels shelled the town, a report of April 24, 2017 said.\",4/17/2017\n"
    )
    dated, undated, inside = articles(path)
    # the article's own date line beats the column; the column's date is kept in a note
    assert (dated.published, dated.published_source) == (dt.date(2017, 4, 24), "text")
    assert "date in input (metadata): 2017-04-17" in dated.notes
    assert (undated.published, undated.published_source) == (dt.date(2017, 4, 24), "text")
    assert (inside.published, inside.published_source) == (dt.date(2017, 4, 17), "metadata")


def test_html_inside_a_json_field_becomes_text(tmp_path: Path) -> None:
    path = tmp_path / "cms.jsonl"
    path.write_text(
        json.dumps(
            {
                "title": "Raid",
                "content": "<p>Troops raided the <b>village</b>.</p><p>Two were held.</p>",
            }
        )
        + "\n"
    )
    (article,) = articles(path)
    assert article.text == "Troops raided the village.\n\nTwo were held."
    assert "text converted from HTML" in article.notes


def test_plain_text_metadata_header_block(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text(
        "Title: Army retakes airbase\nSource: sana\nAuthor: Desk\nDate: 2016-03-27\n"
        "URL: https://sana.sy/en/?p=1\n\nThe army retook the airbase on Sunday.\n"
    )
    (article,) = articles(path)
    assert (article.title, article.outlet, article.url) == (
        "Army retakes airbase",
        "SANA",
        "https://sana.sy/en/?p=1",
    )
    assert (article.published, article.published_source) == (dt.date(2016, 3, 27), "metadata")
    assert article.text == "The army retook the airbase on Sunday."
    # A sentence with a colon is not a header block.
    path.write_text("Warning: the army said on Sunday.\n\nIt retook the airbase.\n")
    (plain,) = articles(path)
    assert plain.text.startswith("Warning: the army said") and plain.published is None


def test_csv_with_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes("title,text\nÉté,Les combats ont repris.\n".encode("utf-8-sig"))
    (article,) = articles(path)
    assert (article.title, article.text) == ("Été", "Les combats ont repris.")


def test_id_scheme_is_documented_hash() -> None:
    import hashlib

    expected = "a" + hashlib.sha1(b"text:rebelstookthehill").hexdigest()[:15]
    assert article_id("Rebels took -- the HILL!", None) == expected
    by_url = "a" + hashlib.sha1(b"url:example.org/x").hexdigest()[:15]
    assert article_id("any text", "https://www.example.org/x/") == by_url
