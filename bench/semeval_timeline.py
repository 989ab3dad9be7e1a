"""SemEval-2015 Task 4 (TimeLine: cross-document event ordering), Track A: build and score timelines.

Usage: python bench/semeval_timeline.py DIR [--texts DIR] [--gold DIR] [--out DIR] [--cache FILE]
                                           [--score-only SYSTEM_DIR] [--keep-undated] [--errors]
                                           [--zero-unordered]

DIR is a corpus folder of the task (``corpus_1``: ``list_target_entities_*.txt``,
``corpus_trackA_TimeML``, ``TimeLines_Gold_Standard``) or the trial release folder (texts in
``Corpus-trial-data_task4_TimeML``, gold in ``TimeLines_trial_data_task4_v1.2``); ``--texts`` and
``--gold`` override the detected folders. From the raw texts only, storyline builds one timeline
per target entity (``semeval_system``), writes them in the task's format to ``--out`` (default:
a temporary folder) and scores them against the gold timelines with the task's method
(``semeval_scorer``: timeline graphs compared with TempEval-3 temporal awareness, UzZaman and
Allen 2011, micro-averaged over timelines). ``--score-only SYSTEM_DIR`` scores existing timeline
files instead. ``--cache FILE`` keeps the spaCy parses between runs. Prints per-entity figures
and, as the last line, one JSON object with ``micro_p``, ``micro_r``, ``micro_f1`` (percent) and
``timelines``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import semeval_corpus as corpus  # noqa: E402
import semeval_scorer as scorer  # noqa: E402


def build(layout: corpus.Layout, out: Path, cache: Path | None, keep_undated: bool = False):  # type: ignore[no-untyped-def]
    """Run storyline over the texts and write one timeline file per target entity; returns the
    timelines by entity and the per-document analyses."""
    import semeval_system as system

    documents = corpus.read_documents(layout.texts)
    parsed = system.parse(documents, cache)
    analyses = [system.analyse(p) for p in parsed]
    timelines = system.build_timelines(analyses, layout.entities, keep_undated)
    for timeline in timelines:
        corpus.write_timeline(timeline, out)
    return {t.entity: t for t in timelines}, analyses


def read_folder(folder: Path) -> dict[str, corpus.Timeline]:
    """Timelines of a folder keyed by file name."""
    return {path.name: corpus.read_timeline(path) for path in sorted(folder.glob("*.txt"))}


def evaluate(gold: dict[str, corpus.Timeline], system: dict[str, corpus.Timeline],
             zero_unordered: bool = False) -> tuple[dict[str, scorer.Counts], dict[str, float]]:
    """Per-timeline counts (keyed by gold file name) and the micro-averaged scores. A gold file
    is paired with the system file of the same name, else with the system timeline of the same
    entity name."""
    by_entity = {t.entity.strip().lower(): t for t in system.values()}
    rows = {name: scorer.score_timeline(
        timeline, system.get(name, by_entity.get(timeline.entity.strip().lower())), zero_unordered)
        for name, timeline in gold.items()}
    return rows, scorer.prf(rows.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--texts", type=Path, default=None, help="folder of the raw TimeML texts")
    parser.add_argument("--gold", type=Path, default=None, help="folder of the gold timelines")
    parser.add_argument("--out", type=Path, default=None, help="where to write the system timelines")
    parser.add_argument("--cache", type=Path, default=None, help="file caching the spaCy parses")
    parser.add_argument("--score-only", type=Path, default=None, help="score the timelines of this folder")
    parser.add_argument("--keep-undated", action="store_true",
                        help="keep the events storyline cannot date (position 0, anchor XXXX-XX-XX)")
    parser.add_argument("--errors", action="store_true", help="print the error breakdown (semeval_errors)")
    parser.add_argument("--zero-unordered", action="store_true",
                        help="leave position 0 out of the BEFORE chain (undated events unordered)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    layout = corpus.find_layout(args.folder, args.texts, args.gold)
    started = time.perf_counter()
    if args.score_only is not None:
        system = read_folder(args.score_only)
    else:
        out = args.out or Path(tempfile.mkdtemp(prefix="semeval-timelines-"))
        built, analyses = build(layout, out, args.cache, args.keep_undated)
        system = {corpus.file_name(name): timeline for name, timeline in built.items()}
        print(f"timelines written to {out}")
    seconds = time.perf_counter() - started
    if layout.gold is None:
        print(json.dumps({"timelines": len(system), "seconds": round(seconds, 1)}))
        return 0
    gold = read_folder(layout.gold)
    rows, scores = evaluate(gold, system, args.zero_unordered)
    print(f"{'entity':32} {'P':>6} {'R':>6} {'F1':>6}  sys/gold events")
    for name, counts in rows.items():
        one = scorer.prf([counts])
        events_sys = sum(len(e.events) for e in system[name].entries) if name in system else 0
        events_gold = sum(len(e.events) for e in gold[name].entries)
        print(f"{gold[name].entity[:32]:32} {one['micro_p']:6.2f} {one['micro_r']:6.2f} {one['micro_f1']:6.2f}"
              f"  {events_sys}/{events_gold}")
    if args.errors and args.score_only is None:
        import semeval_errors
        import semeval_system

        rows_found = semeval_system.target_events(analyses, layout.entities)
        found = {corpus.file_name(name): {event for _a, event in rows_found.get(name, [])} for name in layout.entities}
        counts = semeval_errors.breakdown(analyses, gold, system, found)
        print("error breakdown:", json.dumps(dict(sorted(counts.items()))))
    result = dict(scores, timelines=len(gold), seconds=round(seconds, 1))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
