"""Error breakdown of SemEval timelines: why each gold event is missed, why each system event is wrong.

Gold events (one per event id of each gold timeline) fall in one of:
``no_token`` (the id names no token of the texts), ``not_a_mention`` (the mention detector does not
mark the word), ``no_participation`` (marked, but the target is not found among its arguments),
``undated`` (found, but left without an anchor, so out of the timeline), ``wrong_anchor`` (in the
timeline with another anchor: ``*_too_coarse`` / ``*_too_fine`` when one contains the other),
``ok`` (same anchor). System events not in the gold timeline are ``spurious_other_timeline``
(the gold gives the event to another target) or ``spurious``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import semeval_system as system
from semeval_corpus import Timeline
from semeval_scorer import normalise_anchor
from storyline.events.mentions import is_mention


def _token(analyses: Mapping[str, system.DocEvents], event_id: str):  # type: ignore[no-untyped-def]
    doc_id, sentence, word = event_id.split("-", 2)
    analysis = analyses.get(doc_id)
    if analysis is None or not sentence.isdigit():
        return None, None
    first = word.split("_")[0]
    for token in analysis.parsed.doc:
        ref = analysis.parsed.ref[token.i]
        if ref is not None and ref[0] == int(sentence) and ref[1] == first:
            return analysis, token
    return analysis, None


def breakdown(analyses: Sequence[system.DocEvents], gold: Mapping[str, Timeline],
              predicted: Mapping[str, Timeline], found: Mapping[str, set[str]]) -> Counter[str]:
    """Counts of the categories above over all timelines. ``found`` maps a gold file name to the
    event ids the system found for that target before dropping undated ones."""
    by_doc = {a.parsed.source.doc_id: a for a in analyses}
    counts: Counter[str] = Counter()
    all_gold = {ev for t in gold.values() for e in t.entries for ev in e.events}
    for name, timeline in gold.items():
        system_anchor = {ev: normalise_anchor(e.anchor) for e in predicted.get(name, Timeline("", ())).entries
                         for ev in e.events}
        gold_anchor = {ev: normalise_anchor(e.anchor) for e in timeline.entries for ev in e.events}
        for event_id, anchor in gold_anchor.items():
            if event_id in system_anchor:
                other = system_anchor[event_id]
                if other == anchor:
                    counts["gold:ok"] += 1
                elif anchor is None:
                    counts["gold:wrong_anchor_gold_undated"] += 1
                elif other is not None and anchor.startswith(other):
                    counts["gold:wrong_anchor_too_coarse"] += 1
                elif other is not None and other.startswith(anchor):
                    counts["gold:wrong_anchor_too_fine"] += 1
                else:
                    counts["gold:wrong_anchor_other"] += 1
                continue
            if event_id in found.get(name, set()):
                counts["gold:undated"] += 1
                continue
            _analysis, token = _token(by_doc, event_id)
            if token is None:
                counts["gold:no_token"] += 1
            elif not is_mention(token):
                counts["gold:not_a_mention"] += 1
            else:
                counts["gold:no_participation"] += 1
        for event_id in system_anchor:
            if event_id not in gold_anchor:
                counts["system:spurious_other_timeline" if event_id in all_gold else "system:spurious"] += 1
    return counts
