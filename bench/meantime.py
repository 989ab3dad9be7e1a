"""MEANTIME benchmark for event mentions: detection P/R/F1, time anchoring, cross-doc coreference.

Usage: python bench/meantime.py DIR [--limit N] [--no-link] [--gold-triggers] [--general-mentions]

DIR is a MEANTIME folder (``intra_cross-doc_annotation`` is used when present). Each document is
rebuilt as text (title and dateline as paragraphs), run through the time, place and entity taggers
and ``storyline.events.extract``; only the annotated sentences count.

- Mentions: a predicted trigger matches a gold event mention when their spans overlap.
- Time anchoring: over matched mentions whose gold mention is anchored (TLINK IS_INCLUDED /
  SIMULTANEOUS) to a dated timex: exact (same value) and compatible (one value contains the other).
- Coreference: ``storyline.link.link_events`` on each corpus folder; key = gold mentions grouped by
  cross-document instance, response = predicted clusters (matched mentions take the gold id);
  MUC, B3, CEAF-e and CoNLL F1 (bench/coref_metrics.py).
- ``--gold-triggers``: the gold event mentions (their head words, typed OTHER) replace storyline's
  triggers, so time anchoring is measured over every anchored gold mention rather than only over
  the few that storyline's conflict taxonomy finds (detection and coreference figures are then
  meaningless).
- ``--general-mentions``: storyline's general (TimeML-style) event mention detector
  (``storyline.events.mentions.extract_mentions``: verbs, event nouns) replaces the conflict
  taxonomy's triggers.
A baseline ("every non-auxiliary verb is an event") shows what MEANTIME's broad notion of event
looks like next to storyline's conflict/political taxonomy.
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import meantime_corpus  # noqa: E402

from storyline import nlp as nlp_module  # noqa: E402
from storyline.events import extract  # noqa: E402
from storyline.model import Article, ArticleAnalysis, EventMention  # noqa: E402

LOGGER = logging.getLogger(__name__)


def _taggers():  # type: ignore[no-untyped-def]
    """The upstream taggers, each None when its module is not available."""
    found = {}
    for name, module, attribute in (("time", "storyline.time", "tag"), ("geo", "storyline.geo", "tag_places"),
                                    ("entities", "storyline.entities", "tag_entities")):
        try:
            found[name] = getattr(__import__(module, fromlist=[attribute]), attribute)
        except (ImportError, AttributeError):
            LOGGER.warning("%s tagger not available", name)
            found[name] = None
    return found


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _prf(matched_pred: int, pred: int, matched_gold: int, gold: int) -> dict[str, float]:
    p = matched_pred / pred if pred else 0.0
    r = matched_gold / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2)}


def _compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="read at most N documents")
    parser.add_argument("--no-link", action="store_true", help="skip cross-document coreference")
    parser.add_argument("--gold-triggers", action="store_true",
                        help="date the gold event mentions instead of storyline's triggers")
    parser.add_argument("--general-mentions", action="store_true",
                        help="use the general event mention detector instead of the conflict taxonomy")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    paths = meantime_corpus.find_documents(args.folder)
    if args.limit:
        paths = paths[: args.limit]
    docs = [meantime_corpus.read(path) for path in paths]
    taggers = _taggers()
    nlp = nlp_module.load()

    counts = Counter()
    anchoring = Counter()
    types = Counter()
    missed_lemmas, spurious_lemmas = Counter(), Counter()
    analyses_by_corpus: dict[str, list[ArticleAnalysis]] = defaultdict(list)
    gold_id_of_pred: dict[str, str] = {}
    spacy_seconds = extract_seconds = 0.0

    for doc_index, mdoc in enumerate(docs):
        article = Article(id=f"{mdoc.corpus}/{mdoc.doc_id}", text=mdoc.text, published=mdoc.published)
        started = time.perf_counter()
        doc = nlp(mdoc.text)
        spacy_seconds += time.perf_counter() - started
        timexes = taggers["time"](mdoc.text, mdoc.published, doc) if taggers["time"] else []
        places = taggers["geo"](doc, article.id) if taggers["geo"] else []
        entities = taggers["entities"](doc, article.id, places) if taggers["entities"] else []
        if args.gold_triggers:
            _use_gold_triggers(doc, mdoc)
        started = time.perf_counter()
        if args.general_mentions:
            from storyline.events.mentions import extract_mentions

            events = extract_mentions(doc, article, timexes, places, entities)
        else:
            events = extract(doc, article, timexes, places, entities)
        extract_seconds += time.perf_counter() - started
        limit = mdoc.annotated_end()
        predicted = [e for e in events if e.trigger_start < limit]
        gold = mdoc.events
        counts["gold"] += len(gold)
        counts["pred"] += len(predicted)
        matched_gold = set()
        for event in predicted:
            types[event.type] += 1
            hits = [g for g in gold if _overlaps(event.trigger_start, event.trigger_end, g.start, g.end)]
            if not hits:
                spurious_lemmas[event.trigger] += 1
                continue
            counts["matched_pred"] += 1
            hit = hits[0]
            matched_gold.update(g.m_id for g in hits)
            gold_id_of_pred[event.id] = f"{article.id}#{hit.m_id}"
            if hit.anchor is not None:
                anchoring["anchored_gold"] += 1
                if event.date is not None:
                    anchoring["dated"] += 1
                    anchoring["exact"] += event.date.value == hit.anchor
                    anchoring["compatible"] += _compatible(event.date.value, hit.anchor)
        counts["matched_gold"] += len(matched_gold)
        for g in gold:
            if g.m_id not in matched_gold:
                missed_lemmas[mdoc.text[g.start : g.end].lower()] += 1
        # baseline: every non-auxiliary verb in the annotated sentences
        verbs = [t for t in doc if t.pos_ == "VERB" and t.idx < limit]
        counts["base_pred"] += len(verbs)
        counts["base_matched_pred"] += sum(
            1 for t in verbs if any(_overlaps(t.idx, t.idx + len(t.text), g.start, g.end) for g in gold))
        counts["base_matched_gold"] += sum(
            1 for g in gold if any(_overlaps(t.idx, t.idx + len(t.text), g.start, g.end) for t in verbs))
        analyses_by_corpus[mdoc.corpus].append(ArticleAnalysis(
            article=article, timexes=tuple(timexes), entities=tuple(entities), places=tuple(places),
            events=tuple(predicted)))
        if (doc_index + 1) % 20 == 0:
            print(f"  {doc_index + 1}/{len(docs)} documents", file=sys.stderr)

    mention = _prf(counts["matched_pred"], counts["pred"], counts["matched_gold"], counts["gold"])
    baseline = _prf(counts["base_matched_pred"], counts["base_pred"], counts["base_matched_gold"], counts["gold"])
    anchored = anchoring["anchored_gold"]
    result: dict[str, object] = {
        "documents": len(docs),
        "gold_mentions": counts["gold"],
        "predicted_mentions": counts["pred"],
        "mention_p": mention["p"], "mention_r": mention["r"], "mention_f1": mention["f1"],
        "baseline_verbs_p": baseline["p"], "baseline_verbs_r": baseline["r"], "baseline_verbs_f1": baseline["f1"],
        "anchored_matched": anchored,
        "anchoring_exact_acc": round(100 * anchoring["exact"] / anchored, 2) if anchored else 0.0,
        "anchoring_compatible_acc": round(100 * anchoring["compatible"] / anchored, 2) if anchored else 0.0,
        "anchoring_dated_share": round(100 * anchoring["dated"] / anchored, 2) if anchored else 0.0,
        "anchoring_exact_of_dated": round(100 * anchoring["exact"] / anchoring["dated"], 2) if anchoring["dated"] else 0.0,
        "anchoring_compatible_of_dated": (
            round(100 * anchoring["compatible"] / anchoring["dated"], 2) if anchoring["dated"] else 0.0),
        "spacy_seconds": round(spacy_seconds, 2),
        "extract_seconds": round(extract_seconds, 2),
    }
    if not args.no_link:
        result.update(_coreference(docs, analyses_by_corpus, gold_id_of_pred))

    print(f"documents: {len(docs)}  gold event mentions: {counts['gold']}  predicted: {counts['pred']}")
    print(f"event mentions (overlap): P {mention['p']}  R {mention['r']}  F1 {mention['f1']}")
    print(f"baseline every verb:      P {baseline['p']}  R {baseline['r']}  F1 {baseline['f1']}")
    print(f"time anchoring on {anchored} matched anchored mentions: exact {result['anchoring_exact_acc']}%"
          f"  compatible {result['anchoring_compatible_acc']}%  dated {result['anchoring_dated_share']}%"
          f"  (of the dated: exact {result['anchoring_exact_of_dated']}%,"
          f" compatible {result['anchoring_compatible_of_dated']}%)")
    print("predicted types:", dict(types.most_common()))
    print("most missed gold triggers:", missed_lemmas.most_common(15))
    print("most spurious predicted lemmas:", spurious_lemmas.most_common(10))
    if "conll_f1" in result:
        print(f"cross-doc coreference (predicted mentions): CoNLL F1 {result['conll_f1']}")
    print(json.dumps(result))


def _use_gold_triggers(doc, mdoc) -> None:  # type: ignore[no-untyped-def]
    """Make the extractor use the gold event mentions' head words (verbs, nouns, adjectives) as
    its triggers for this document."""
    extract_module = sys.modules["storyline.events.extract"]
    from storyline.events.triggers import Trigger

    limit = mdoc.annotated_end()
    triggers = {}
    for gold in mdoc.events:
        if gold.start >= limit:
            continue
        span = doc.char_span(gold.start, gold.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        token = span.root
        triggers.setdefault(token.i, Trigger(token=token, anchor=token, type="OTHER"))
    found = sorted(triggers.values(), key=lambda trigger: trigger.token.i)
    extract_module.find_triggers = lambda view: found


def _coreference(docs, analyses_by_corpus, gold_id_of_pred) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """CoNLL F1 of storyline.link.link_events per corpus folder (mentions pooled over corpora)."""
    try:
        from storyline.link import link_events
    except ImportError:
        LOGGER.warning("storyline.link.link_events not available: no coreference score")
        return {}
    import coref_metrics

    key: list[list[str]] = []
    response: list[list[str]] = []
    for corpus, analyses in analyses_by_corpus.items():
        groups: dict[str, list[str]] = defaultdict(list)
        for mdoc in docs:
            if mdoc.corpus != corpus:
                continue
            for g in mdoc.events:
                instance = g.instance or f"local:{g.m_id}"
                if instance.startswith("local:"):
                    instance = f"{mdoc.doc_id}:{instance}"
                groups[instance].append(f"{corpus}/{mdoc.doc_id}#{g.m_id}")
        key.extend(groups.values())
        clusters: list[list[EventMention]] = link_events(analyses, {})
        for cluster in clusters:
            response.append([gold_id_of_pred.get(m.id, f"pred:{m.id}") for m in cluster])
    scores = coref_metrics.conll(key, _dedupe(response))
    return {name: round(value, 2) for name, value in scores.items() if name.endswith("f1")}


def _dedupe(clusters: list[list[str]]) -> list[list[str]]:
    """Two predicted mentions may match one gold mention: keep each id in one cluster only."""
    seen: set[str] = set()
    kept = []
    for cluster in clusters:
        fresh = [m for m in cluster if m not in seen]
        seen.update(fresh)
        if fresh:
            kept.append(fresh)
    return kept


if __name__ == "__main__":
    main()
