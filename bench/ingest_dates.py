"""Publication dates the text contradicts: ``python bench/ingest_dates.py PATH [PATH ...]``.

Reads the inputs through ``storyline.ingest.read_inputs`` and reports how many articles have a
publication date flagged as suspect by ``storyline.ingest.date_check`` and how many were re-dated
(``published_source: "inferred"``), listing each with the claimed date, the inferred date and the
later dates the text gives (``--show N`` prints the first N characters of each re-dated text for
hand-checking). ``--sweep`` prints, for several day thresholds, how many articles would have at
least 1 / 2 / 3 distinct evidence dates that many days after their claimed date: on a set whose
dates are reliable (Timeline17) every such article is a false alarm. ``--shift DAYS`` (repeatable)
simulates wrong metadata on such a set: each article's reliable date is moved DAYS earlier and the
check is run against it, counting flagged and re-dated articles and how far each inferred date
lies from the reliable one (a date after it would be a wrong inference). The last line printed
is one JSON object with all figures.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
from collections.abc import Sequence

from storyline.ingest.core import read_inputs
from storyline.ingest.date_check import full_dates
from storyline.ingest.draft import Draft
from storyline.ingest.finalise import finalise
from storyline.model import Article, Rejection

_SWEEP_DAYS = (0, 1, 3, 7, 14, 21, 30, 60, 90)
_SUSPECT = "publication date suspect:"
_INPUT = "date in input ("


def claimed_date(article: Article) -> dt.date | None:
    """The date the input claimed, before the check replaced it (if it did)."""
    if article.published_source != "inferred":
        return article.published
    for note in reversed(article.notes):
        if note.startswith(_INPUT):
            return dt.date.fromisoformat(note.rsplit(" ", 1)[1])
    return None


def run(
    inputs: Sequence[str], show: int = 0, sweep: bool = False, shifts: Sequence[int] = ()
) -> dict[str, object]:
    """Read ``inputs`` and count suspect and re-dated publication dates."""
    records = list(read_inputs(inputs))
    articles = [r for r in records if isinstance(r, Article)]
    rejected = sum(1 for r in records if isinstance(r, Rejection))
    flagged = [a for a in articles if any(n.startswith(_SUSPECT) for n in a.notes)]
    redated = [a for a in articles if a.published_source == "inferred"]
    for article in flagged:
        claimed = claimed_date(article)
        verdict = f"re-dated to {article.published}" if article in redated else "flagged only"
        print(f"{article.source}\tclaimed {claimed} ({article.title or ''})\t{verdict}")
        for note in article.notes:
            if note.startswith((_SUSPECT, "publication date inferred")):
                print(f"    {note}")
        if show and article in redated:
            print("    TEXT: " + article.text[:show].replace("\n", " "))
    figures: dict[str, object] = {
        "inputs": list(inputs),
        "records": len(records),
        "articles": len(articles),
        "rejected": rejected,
        "dated": sum(1 for a in articles if a.published is not None),
        "flagged": len(flagged),
        "redated": len(redated),
        "flagged_sources": [a.source for a in flagged],
        "redated_sources": [a.source for a in redated],
    }
    if sweep:
        figures["sweep"] = _sweep(articles)
    if shifts:
        figures["shifted"] = {str(days): _shifted(articles, days) for days in shifts}
    return figures


def _shifted(articles: Sequence[Article], days: int) -> dict[str, object]:
    """Each article finalised again as if its input had claimed a date ``days`` earlier."""
    flagged = 0
    errors: list[int] = []
    for article in articles:
        if article.published is None or article.published_source != "metadata":
            continue
        draft = Draft(
            source=article.source,
            text=article.text,
            title=article.title,
            outlet=article.outlet,
            url=article.url,
            published=article.published - dt.timedelta(days=days),
            published_source="metadata",
        )
        again = finalise(draft)
        if not isinstance(again, Article) or not any(n.startswith(_SUSPECT) for n in again.notes):
            continue
        flagged += 1
        if again.published_source == "inferred" and again.published is not None:
            errors.append((again.published - article.published).days)
    errors.sort()
    return {
        "flagged": flagged,
        "redated": len(errors),
        "inferred_after_true": sum(1 for e in errors if e > 0),
        "inferred_exact": sum(1 for e in errors if e == 0),
        "inferred_within_7_days": sum(1 for e in errors if -7 <= e <= 0),
        "median_days_before_true": -errors[len(errors) // 2] if errors else None,
        "max_days_before_true": -errors[0] if errors else None,
    }


def _sweep(articles: Sequence[Article]) -> dict[str, dict[str, int]]:
    """Articles with >= 1/2/3 distinct evidence dates more than N days after the claimed date."""
    gaps: list[list[int]] = []
    for article in articles:
        claimed = claimed_date(article)
        if claimed is None:
            continue
        values = {d.value for d in full_dates(article.text) if d.evidence}
        gaps.append(sorted((v - claimed).days for v in values if v > claimed))
    table: dict[str, dict[str, int]] = {}
    for days in _SWEEP_DAYS:
        counts = collections.Counter(sum(1 for g in row if g > days) for row in gaps)
        table[str(days)] = {
            f">={k}": sum(n for c, n in counts.items() if c >= k) for k in (1, 2, 3)
        }
    latest = [row[-1] for row in gaps if row]
    table["latest_gap_days_max"] = {"all": max(latest, default=0)}
    return table


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="files or folders of articles")
    parser.add_argument("--show", type=int, default=0, help="print this many characters of each re-dated text")
    parser.add_argument("--sweep", action="store_true", help="count later dates per day threshold")
    parser.add_argument(
        "--shift", type=int, action="append", default=[], help="move reliable dates this many days earlier"
    )
    args = parser.parse_args(argv)
    figures = run(args.inputs, show=args.show, sweep=args.sweep, shifts=args.shift)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
