"""Every tunable of ingestion in one place (typed constants)."""

from __future__ import annotations

from typing import Final

# Longest article text kept; longer texts are truncated with a note in ``Article.notes``.
# Must equal ``storyline.nlp.MAX_CHARS`` (checked by a test; not imported, to keep spaCy out of
# ingestion).
MAX_TEXT_CHARS: Final[int] = 1_000_000
# When truncating, cut at the last paragraph/sentence/space boundary within this many characters
# of the limit, so that the last word is not cut in half.
TRUNCATE_LOOKBACK_CHARS: Final[int] = 2_000
# Largest input (a file, or gzip content once decompressed) read into memory; larger: rejected.
MAX_INPUT_BYTES: Final[int] = 512 * 1024 * 1024
# Charset detection on big inputs looks at the head and at windows around non-ASCII bytes.
DETECTION_HEAD_BYTES: Final[int] = 32 * 1024
DETECTION_WINDOW_BYTES: Final[int] = 256
DETECTION_MAX_WINDOWS: Final[int] = 256
# Gzip inside gzip is unwrapped at most this many times.
MAX_GZIP_DEPTH: Final[int] = 3
# csv.field_size_limit while reading tables: big cells are read whole, then truncated as articles.
CSV_FIELD_LIMIT: Final[int] = 2**31 - 1

# Sniffing looks at this many leading bytes / characters.
SNIFF_BYTES: Final[int] = 64 * 1024
SNIFF_CHARS: Final[int] = 8 * 1024
# Share of control characters (other than tab, newline, carriage return, form feed) above which a
# decoded input is taken for binary junk.
MAX_CONTROL_CHAR_RATIO: Final[float] = 0.02
# A tabular file must have at least this many columns.
MIN_TABLE_COLUMNS: Final[int] = 2

# Plain text: a first line is a headline when it is at most this long and is followed by a blank
# line (and does not end like a sentence).
MAX_HEADLINE_CHARS: Final[int] = 200
MAX_HEADLINE_WORDS: Final[int] = 30
# Datelines and publication-date lines are looked for at the start of a text only.
DATELINE_SEARCH_CHARS: Final[int] = 250
# A date is looked for in this many characters before each year found there.
DATE_WINDOW_CHARS: Final[int] = 40
# A date opening the text after at most this many characters of cue ("Date of publication") is a
# date line: the article's own word, preferred to a date from the input's metadata fields.
DATE_LINE_CUE_CHARS: Final[int] = 30
# Publication dates the text contradicts (``date_check``): a claimed date is suspect when the
# text gives at least LATER_DATES_MIN distinct full dates (day, month, year; not in a deadline or
# plan) more than LATER_DATE_MIN_DAYS after it. On Timeline17 (reliable dates) the latest such
# date lies at most 14 days after publication (live pages updated for two weeks), so a month
# leaves a margin. A suspect date from the input's metadata is replaced ("inferred") when the
# latest such date is the text's own lead date, or when more than REDATE_MIN_SHARE of the
# distinct evidence dates lie that far after the claimed day.
LATER_DATE_MIN_DAYS: Final[int] = 30
LATER_DATES_MIN: Final[int] = 2
REDATE_MIN_SHARE: Final[float] = 0.5
# Texts with more years than this are scanned for full dates in one pass per pattern.
DATE_SCAN_MAX_YEARS: Final[int] = 300
# How many of the later dates a note lists.
NOTE_MAX_DATES: Final[int] = 6
# Credit lines ("X contributed to this report") are looked for at the end of a text only.
CREDIT_SEARCH_CHARS: Final[int] = 600
# Outlet names taken from a text's dateline are at most this long.
MAX_OUTLET_CHARS: Final[int] = 60

# Article ids: prefix + this many hex digits of a SHA-1.
ID_PREFIX: Final[str] = "a"
ID_HEX_DIGITS: Final[int] = 15

# htmldate: only dates from the page's markup and metadata, not guesses from the running text.
HTMLDATE_EXTENSIVE_SEARCH: Final[bool] = False

# Folder walks skip hidden entries and these documentation files (compared case-insensitively,
# by name stem).
SKIPPED_FILE_STEMS: Final[frozenset[str]] = frozenset(
    {"readme", "notice", "license", "licence", "copying", "changelog", "authors"}
)
# Files in a folder that are read as that folder's manifest (when no manifest was given), not
# as articles.
MANIFEST_FILE_NAMES: Final[frozenset[str]] = frozenset(
    {"manifest.jsonl", "manifest.csv", "manifest.json"}
)
