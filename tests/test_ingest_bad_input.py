"""Bad input never crashes ingestion and never stops the rest of the batch: one test per case."""

from __future__ import annotations

import gzip
import os
import random
from pathlib import Path

import hypothesis
import pytest
from hypothesis import strategies

from storyline.ingest import read_inputs, settings
from storyline.model import Article, Rejection

GOOD_TEXT = "Rebels shelled the town on Monday, killing three people, a monitor said.\n"


def read_all(*inputs: Path | str) -> tuple[list[Article], list[Rejection]]:
    """Read inputs (plus a good article after them) and split articles from rejections."""
    records = list(read_inputs([str(i) for i in inputs]))
    found = [r for r in records if isinstance(r, Article)]
    rejected = [r for r in records if isinstance(r, Rejection)]
    assert len(found) + len(rejected) == len(records)
    return found, rejected


@pytest.fixture()
def good(tmp_path: Path) -> Path:
    """A readable article given after each bad input, to check the batch goes on."""
    path = tmp_path / "zz_good.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    return path


def test_missing_file(tmp_path: Path, good: Path) -> None:
    found, (rejection,) = read_all(tmp_path / "nope.txt", good)
    assert rejection.reason == "not-found"
    assert [a.text for a in found] == [GOOD_TEXT.strip()]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without read permission")
def test_unreadable_file(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(GOOD_TEXT)
    path.chmod(0)
    found, (rejection,) = read_all(path, good)
    assert rejection.reason == "unreadable" and len(found) == 1


def test_read_error_is_a_rejection(
    tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "flaky.txt"
    path.write_text(GOOD_TEXT)
    original = Path.read_bytes

    def failing_read(self: Path) -> bytes:
        if self.name == "flaky.txt":
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", failing_read)
    found, (rejection,) = read_all(path, good)
    assert (rejection.reason, rejection.detail) == ("unreadable", "Permission denied")
    assert len(found) == 1


def test_dangling_link(tmp_path: Path, good: Path) -> None:
    # A dangling symlink cannot be read, even by root.
    link = tmp_path / "broken.txt"
    link.symlink_to(tmp_path / "gone.txt")
    found, (rejection,) = read_all(link, good)
    assert rejection.reason in ("not-found", "unreadable")
    assert rejection.source == str(link) and len(found) == 1


def test_url_is_not_fetched(good: Path) -> None:
    found, (rejection,) = read_all("https://example.org/story", good)
    assert rejection.reason == "url-not-fetched" and len(found) == 1


def test_unknown_encoding(tmp_path: Path, good: Path) -> None:
    rng = random.Random(7)
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(4000)))
    found, (rejection,) = read_all(path, good)
    assert rejection.reason == "unknown-encoding"
    assert len(found) == 1


def test_legacy_encoding_is_detected_not_rejected(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    text = "Les forces gouvernementales ont repris la ville détruite après des combats acharnés à l'été."
    path.write_bytes(text.encode("cp1252"))
    (article,), rejected = read_all(path)
    assert not rejected and article.text == text


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "mojibake.txt"
    original = "The group’s militants “launched” an attack on the café."
    # How a browser shows UTF-8 read as cp1252 (undefined bytes such as 0x9D pass through).
    garbled = "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in original.encode("utf-8")
    )
    assert garbled != original
    path.write_text(garbled, encoding="utf-8")
    (article,), _ = read_all(path)
    assert article.text == original
    assert any("mojibake" in note for note in article.notes)


def test_empty_file(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    found, (rejection,) = read_all(path, good)
    assert rejection.reason == "empty-text" and len(found) == 1


def test_whitespace_and_punctuation_only(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n -- ... \n")
    found, (rejection,) = read_all(path, good)
    assert rejection.reason == "empty-text" and len(found) == 1


def test_binary_junk(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(random.Random(1).randbytes(20_000))
    found, (rejection,) = read_all(path, good)
    assert rejection.reason == "binary" and len(found) == 1


def test_known_binary_format(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    found, (rejection,) = read_all(path, good)
    assert (rejection.reason, rejection.detail) == ("binary", "PDF document")


def test_truncated_gzip(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress((GOOD_TEXT * 200).encode())[:-40])
    found, (rejection,) = read_all(path, good)
    assert rejection.reason == "truncated-gzip" and len(found) == 1


def test_corrupt_gzip(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "bad.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"not deflate data at all" * 3)
    found, (rejection,) = read_all(path, good)
    assert rejection.reason in ("bad-gzip", "truncated-gzip") and len(found) == 1


def test_malformed_json_line_keeps_other_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"text": "First story about the siege."}\n'
        '{"text": "Broken story, "unescaped quotes"}\n'
        '["not", "an", "object"]\n'
        '{"text": "Third story about the truce."}\n'
    )
    found, rejected = read_all(path)
    assert [a.text for a in found] == [
        "First story about the siege.",
        "Third story about the truce.",
    ]
    assert [(r.source.rsplit(":", 1)[1], r.reason) for r in rejected] == [
        ("2", "bad-json"),
        ("3", "bad-record"),
    ]


def test_csv_rows_with_missing_fields(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        "title,date,text,source\n"
        "Complete,2016-01-01,A complete row about the battle.,sana\n"
        "Short row,2016-01-02\n"
        "No source,2016-01-03,Text without the last field.\n"
        "Empty text,2016-01-04,,sana\n"
    )
    found, rejected = read_all(path)
    assert [a.title for a in found] == ["Complete", "No source"]
    assert any("fields" in note for note in found[1].notes)
    assert [(r.source.rsplit("#", 1)[1], r.reason) for r in rejected] == [
        ("2", "missing-fields"),
        ("4", "empty-text"),
    ]


def test_table_without_text_column(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "numbers.csv"
    path.write_text("a,b\n1,2\n")
    found, (rejection,) = read_all(path, good)
    assert rejection.reason == "missing-text" and len(found) == 1


def test_huge_single_article_is_truncated_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    sentence = "Shelling continued in the eastern districts overnight, residents said. "
    with path.open("w", encoding="utf-8") as handle:
        handle.write(sentence * (50 * 1024 * 1024 // len(sentence)))
    (article,), rejected = read_all(path)
    assert not rejected
    assert (
        settings.MAX_TEXT_CHARS - settings.TRUNCATE_LOOKBACK_CHARS
        <= len(article.text)
        <= settings.MAX_TEXT_CHARS
    )
    assert article.text.endswith("said.")  # cut at a sentence boundary
    assert any(note.startswith("truncated from") for note in article.notes)


def test_input_over_the_byte_limit_is_rejected(
    tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MAX_INPUT_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text(GOOD_TEXT * 100)
    found, (rejection,) = read_all(path, good)
    assert rejection.reason == "too-large" and len(found) == 1


def test_malformed_html_still_reads_or_rejects(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><body><p>Unclosed <b>tags <div>everywhere</p></span>")
    found, rejected = read_all(path, good)
    assert len(found) + len(rejected) == 2 and found[-1].text == GOOD_TEXT.strip()


def test_corrupt_warc(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\nshort")
    found, (rejection,) = read_all(path, good)
    assert rejection.reason in ("bad-warc", "empty-text") and len(found) == 1


def test_feed_without_entries(tmp_path: Path, good: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>'
    )
    found, (rejection,) = read_all(path, good)
    assert rejection.reason in ("empty-text", "bad-feed") and len(found) == 1


def test_folder_with_broken_link_and_symlink_loop(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_TEXT)
    (folder / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (folder / "loop").symlink_to(folder)
    found, (rejection,) = read_all(folder)
    assert [Path(a.source).name for a in found] == ["a.txt"]
    assert (Path(rejection.source).name, rejection.reason) == ("broken.txt", "not-found")


def test_reader_crash_becomes_a_rejection(
    tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.ingest import registry

    def exploding(payload: object, options: object) -> object:
        raise RuntimeError("boom")
        yield  # a generator, like every reader

    monkeypatch.setitem(registry.READERS, "html", exploding)
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>Text.</p></body></html>")
    found, (rejection,) = read_all(path, good)
    assert (rejection.reason, rejection.detail) == ("reader-error", "RuntimeError: boom")
    assert len(found) == 1


_ODD_PREFIXES = [
    b"",
    b"\x1f\x8b",
    b"WARC/1.0\r\n",
    b"<",
    b"{",
    b"[",
    b"title,text\n",
    b"\xef\xbb\xbf",
]


@hypothesis.settings(max_examples=60, derandomize=True, deadline=None)
@hypothesis.given(
    prefix=strategies.sampled_from(_ODD_PREFIXES), body=strategies.binary(max_size=400)
)
def test_arbitrary_bytes_never_crash(prefix: bytes, body: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.dat"
        path.write_bytes(prefix + body)
        records = list(read_inputs([str(path)]))
    assert records  # every input yields at least one article or rejection
    assert all(isinstance(r, (Article, Rejection)) for r in records)
