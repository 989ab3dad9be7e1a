"""Acceptance: the pipeline on the two seed articles gets every fact of gold.json.

The facts are checked on the public output (``timeline.json``'s contract) and, for time
expressions, places and aliases, on the per-article analyses the timeline is built from.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.export import timeline_to_dict
from storyline.pipeline import BuildOptions, analyse, ingest, link_and_assemble


@pytest.fixture(scope="module")
def seed_run(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """Analyses, timeline and its JSON for the seed articles with their manifest."""
    options = BuildOptions(
        inputs=[str(p) for p in sorted(seeds_dir.glob("*.txt"))],
        outdir=tmp_path_factory.mktemp("seeds"),
        manifest=str(seeds_dir / "manifest.jsonl"),
        use_cache=False,
    )
    outcome = ingest(options)
    assert not outcome.rejections
    analyses = analyse(outcome.articles, options, {})
    timeline = link_and_assemble(analyses, {})
    by_file = {Path(a.article.source).name: a for a in analyses}
    return by_file, timeline, timeline_to_dict(timeline)


def _attribution_text(value) -> str:
    """Flatten an attribution (a string, or an object with name/source and via) to text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        parts = [str(value.get("name") or value.get("source") or "")]
        if value.get("via"):
            parts.append(_attribution_text(value["via"]))
        return " / ".join(parts)
    return str(value)


def test_time_expressions(seed_run, seed_gold):
    by_file, _, _ = seed_run
    for fact in seed_gold["timex"]:
        timexes = by_file[fact["file"]].timexes
        matches = [t for t in timexes if t.text == fact["text"] and t.value == fact["value"]]
        found = [(t.text, t.value) for t in timexes]
        assert matches, f"{fact['text']!r} -> {fact['value']} not among {found}"
        for key in ("mod", "type"):
            if key in fact:
                assert getattr(matches[0], key) == fact[key], (fact, matches[0])


def test_places(seed_run, seed_gold):
    by_file, _, _ = seed_run
    mentions = [p for a in by_file.values() for p in a.places]
    for fact in seed_gold["places"]:
        resolved = [p.place for p in mentions if p.text == fact["text"] and p.place is not None]
        assert resolved, f"place {fact['text']!r} not detected and resolved"
        for place in resolved:
            assert place.country == fact["country"], (fact, place)
            if "geonameid" in fact:
                assert place.geonameid == fact["geonameid"], (fact, place)
            if "admin1" in fact:
                assert place.admin1 == fact["admin1"], (fact, place)


def test_alias_groups(seed_run, seed_gold):
    by_file, timeline, _ = seed_run
    ids_by_text: dict[str, set[str]] = {}
    for analysis in by_file.values():
        for mention in (*analysis.entities, *analysis.places):
            key = (mention.article_id, mention.start, mention.end)
            entity_id = timeline.entity_of_mention.get(key)
            if entity_id:
                text = mention.text.removeprefix("the ").removeprefix("The ")
                ids_by_text.setdefault(text, set()).add(entity_id)
    for entity in timeline.entities:  # a name the text never uses may be the canonical name
        for name in (entity.name, *entity.aliases):
            ids_by_text.setdefault(name, set()).add(entity.id)
    for group in seed_gold["aliases"]:
        ids = [ids_by_text.get(name, set()) for name in group]
        assert all(ids), f"alias group {group}: unrecognised members {[n for n, i in zip(group, ids) if not i]}"
        common = set.intersection(*ids)
        assert common, f"alias group {group} split over {ids}"


@pytest.fixture(scope="module")
def gold_events(seed_run, seed_gold, seed_manifest):
    """Each gold event id mapped to the index and JSON of the timeline event that matches it."""
    _, _, data = seed_run
    events = data["events"]
    matched: dict[str, tuple[int, dict]] = {}
    for gold in seed_gold["events"]:
        def supports(event: dict) -> bool:
            if event["date"] is None or event["date"]["value"] != gold["date"]:
                return False
            quotes = " ".join(s["quote"] for s in event["sources"])
            if gold.get("evidence"):
                return any(e in quotes for e in gold["evidence"])
            values = {f["value"] for f in event["figures"]}
            return all(f["value"] in values for f in gold.get("figures", []))

        candidates = [(i, e) for i, e in enumerate(events) if supports(e)]
        assert candidates, f"{gold['id']} ({gold['what']}, {gold['date']}) not in the timeline"
        matched[gold["id"]] = max(candidates, key=lambda c: len(c[1]["sources"]))
    return matched


def test_events_dates_places_sources(gold_events, seed_gold, seed_manifest, seed_run):
    _, _, data = seed_run
    outlet_of_article = {a["id"]: a["outlet"] for a in data["articles"]}
    for gold in seed_gold["events"]:
        _, event = gold_events[gold["id"]]
        assert event["place"] == f"place:{gold['place']}", (gold["id"], event["place"])
        outlets = {outlet_of_article[s["article_id"]] for s in event["sources"]}
        expected = {seed_manifest[f]["outlet"] for f in gold["sources"]}
        assert outlets == expected, (gold["id"], outlets)
        for evidence in gold.get("evidence", []):
            quotes = " ".join(s["quote"] for s in event["sources"])
            assert evidence in quotes, (gold["id"], evidence)


def test_events_order_and_distinct(gold_events):
    order = [gold_events[f"E{i}"][0] for i in range(1, 7)]
    assert order == sorted(order), order
    assert len(set(order)) == 6, "two gold events were merged into one timeline event"


def test_figures_and_attribution(gold_events, seed_gold):
    for gold in seed_gold["events"]:
        _, event = gold_events[gold["id"]]
        for fact in gold.get("figures", []):
            figures = [f for f in event["figures"] if f["value"] == fact["value"]]
            assert figures, (gold["id"], fact, event["figures"])
            if "mod" in fact:
                assert figures[0]["mod"] == fact["mod"], (gold["id"], figures[0])
            who = fact.get("attributed_to") or gold.get("attributed_to")
            if who:
                assert who.lower() in _attribution_text(figures[0]["attributed_to"]).lower(), (
                    gold["id"], figures[0])
        if gold.get("attributed_to") and not gold.get("figures"):
            claimed = " ".join(_attribution_text(s.get("attributed_to")) for s in event["sources"])
            assert gold["attributed_to"].lower() in claimed.lower(), (gold["id"], claimed)


def test_provenance_spans(seed_run):
    by_file, _, data = seed_run
    text_of = {a.article.id: a.article.text for a in by_file.values()}
    for event in data["events"] + data["undated"]:
        for source in event["sources"]:
            quote = text_of[source["article_id"]][source["char_start"]:source["char_end"]]
            assert quote == source["quote"]
        for figure in event["figures"]:
            assert figure["article_id"] in text_of
    json.dumps(data)  # the contract is plain JSON


def test_figures_of_different_events_are_explained_not_conflicts(gold_events, seed_run):
    """E3's ~400 killed (SOHR) and E2's over 100 militants (Russian defence ministry) count different
    things on different days: listed as a figure note on both events, never as a conflict."""
    from storyline.export.html_report import render_report

    _, _, data = seed_run
    (_, e2), (_, e3) = gold_events["E2"], gold_events["E3"]
    for event, other in ((e2, e3), (e3, e2)):
        assert not [c for c in event["conflicts"] if c["about"].startswith("figure")]
        notes = [n for n in event["figure_notes"] if n["other_event"] == other["id"]]
        assert len(notes) == 1 and notes[0]["relation"] == "different_events"
        assert {notes[0]["figure"]["value"], notes[0]["other_figure"]["value"]} == {100, 400}
        assert "2016-03-26 vs 2016-03-27" in notes[0]["note"] and "not a conflict" in notes[0]["note"]
    page = render_report(data, {}, "seeds")
    assert page.count("Figures of another event") == 2
    # E2 is only in the Fox News article; CNN tells the same story without it
    assert e2["not_reported_by"] == ["CNN"] and e3["not_reported_by"] == []
    assert "not reported by CNN (same story)" in page
